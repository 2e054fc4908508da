"""The look of the window: spacing, type, palette-derived colours and icons."""
