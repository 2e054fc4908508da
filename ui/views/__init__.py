"""Screen layouts of the main window."""
