"""Calendar sync over CalDAV: HTTP, WebDAV XML, calendar objects; no database in here."""
