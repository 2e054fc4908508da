"""A dark palette for the Fusion style: screenshots and tests check the look in dark mode on
machines whose desktop has none (the app itself follows the system's palette)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def dark_palette() -> QPalette:
    """Dark greys with a blue highlight, close to KDE Breeze Dark and Windows' dark mode."""
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in (
        (role.Window, "#202124"),
        (role.WindowText, "#e8eaed"),
        (role.Base, "#17181a"),
        (role.AlternateBase, "#26282b"),
        (role.ToolTipBase, "#2d2f33"),
        (role.ToolTipText, "#e8eaed"),
        (role.PlaceholderText, "#9aa0a6"),
        (role.Text, "#e8eaed"),
        (role.Button, "#2d2f33"),
        (role.ButtonText, "#e8eaed"),
        (role.BrightText, "#ffffff"),
        (role.Highlight, "#3d6fb4"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#8ab4f8"),
        (role.LinkVisited, "#c58af9"),
        (role.Light, "#3c4043"),
        (role.Midlight, "#333538"),
        (role.Mid, "#2a2c2f"),
        (role.Dark, "#111214"),
        (role.Shadow, "#000000"),
    ):
        palette.setColor(name, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, name, QColor("#6f7378"))
    return palette
