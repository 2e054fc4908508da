"""The per-language plan files a test plans with: the shipped ones plus a fixture language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.paths import resources_dir
from app.plans import files

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "plans"


def use_plan_files(monkeypatch: pytest.MonkeyPatch, folder: Path, *languages: str) -> Path:
    """resources/plans copied to `folder`, with the fixture's `languages` laid over it, as
    the folder app.plans.files reads (its caches are keyed by folder: nothing stale)."""
    shutil.copytree(resources_dir() / "plans", folder)
    for language in languages:
        shutil.copytree(FIXTURES / language, folder / language, dirs_exist_ok=True)
    monkeypatch.setattr(files, "plans_dir", lambda: folder)
    return folder
