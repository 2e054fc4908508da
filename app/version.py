"""The installed version of Follow-Up Planner."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "followup-planner"


def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        # A frozen build without dist-info: the spec writes the version beside the code.
        from app.paths import resources_dir

        stamp = resources_dir() / "VERSION"
        return stamp.read_text(encoding="utf-8").strip() if stamp.exists() else "0+unknown"
