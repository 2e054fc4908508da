"""Message drafts: merge-field templates and their rendering."""
