"""Reading customers from other programs' files: CSV (Outlook, Google, any), vCard, preview."""
