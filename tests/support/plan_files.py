"""The per-language plan files a test plans with: English as shipped plus fixture languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.paths import resources_dir
from app.plans import files

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "plans"


def use_plan_files(monkeypatch: pytest.MonkeyPatch, folder: Path, *languages: str) -> Path:
    """resources/plans' English copied to `folder`, with the fixture's `languages` beside it,
    as the folder app.plans.files reads (its caches are keyed by folder: nothing stale). The
    shipped translations are left out, so a test sees only the languages it asks for."""
    shipped = resources_dir() / "plans"
    shutil.copytree(
        shipped,
        folder,
        ignore=lambda where, names: [
            name
            for name in names
            if Path(where) == shipped and (shipped / name).is_dir() and name != "en"
        ],
    )
    for language in languages:
        shutil.copytree(FIXTURES / language, folder / language, dirs_exist_ok=True)
    monkeypatch.setattr(files, "plans_dir", lambda: folder)
    return folder
