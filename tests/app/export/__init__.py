"""Tests for app.export: the .ics writer, its text rules, VTIMEZONEs and file splitting."""
