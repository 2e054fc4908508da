"""PySide's check of newly imported modules gives the same answers when read from the file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ui.feature_check import lighten_feature_check


def test_modules_that_use_pyside_are_told_from_those_that_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)
    lighten_feature_check()
    lighten_feature_check()  # once is enough: a second call changes nothing
    check = feature._mod_uses_pyside
    assert getattr(check, "reads_bytes", False)
    (tmp_path / "sample_with_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "sample_without_qt.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    # Through the import statement's hook, as a module's own imports go.
    with_qt = __import__("sample_with_qt")
    without_qt = __import__("sample_without_qt")
    try:
        assert check(with_qt) is True and check(without_qt) is False
        # What PySide decided at import, through the lighter check.
        assert feature.pyside_feature_dict["sample_with_qt"] == 0
        assert feature.pyside_feature_dict["sample_without_qt"] == -1
        assert check(sys) is False  # built in: no file, PySide's own answer
    finally:
        for name in ("sample_with_qt", "sample_without_qt"):
            sys.modules.pop(name, None)
            feature.pyside_feature_dict.pop(name, None)
