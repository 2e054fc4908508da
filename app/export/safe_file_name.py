"""Turn a caller-chosen base name into one file name that is safe on Windows, macOS and Linux."""

from __future__ import annotations

import re

FALLBACK_NAME = "calendar"
MAX_NAME_LENGTH = 100  # leaves room for "-12.ics" and a deep folder under Windows' MAX_PATH
# Separators, Windows' forbidden characters, controls, and bidi overrides (which can make
# "report\u202eslx.ics" look like "report.xlsx" in a file manager).
_UNSAFE = re.compile(
    r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]+'
)
# Windows refuses these as file names with any extension, in any case (superscript digits too).
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)")


def safe_base_name(name: str) -> str:
    """A file base name without separators, controls, '..', reserved names or a .ics suffix."""
    cleaned = _UNSAFE.sub("_", name).strip()
    if cleaned.lower().endswith(".ics"):
        cleaned = cleaned[: -len(".ics")]
    # Leading dots hide the file (or make "..") and Windows drops trailing dots and spaces.
    cleaned = cleaned.strip(". ")[:MAX_NAME_LENGTH].rstrip(". ")
    cleaned = cleaned.replace("..", "_")
    if not cleaned:
        return FALLBACK_NAME
    stem = cleaned.split(".", 1)[0].rstrip(" ")
    # A prefix changes the part before the first dot, which is what Windows looks at.
    return f"_{cleaned}" if _RESERVED.fullmatch(stem) else cleaned
