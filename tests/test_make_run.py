"""Issue #16 item 10: `make.py run` says which system libraries Qt's window needs on Linux."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

import make

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f4f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f4f)
\tlibxcb-icccm.so.4 => not found
\tlibweird.so.9 => not found
"""


def test_the_missing_libraries_are_read_from_ldd_each_once() -> None:
    assert make.missing_libraries(LDD_OUTPUT) == [
        "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libweird.so.9"
    ]  # fmt: skip
    assert make.missing_libraries("\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n") == []


def test_the_hint_names_the_debian_packages_and_the_apt_command() -> None:
    lines = make.install_hint(make.missing_libraries(LDD_OUTPUT))
    assert lines[0] == (
        "Qt cannot open a window: the system lacks libxcb-cursor.so.0, libxcb-icccm.so.4, "
        "libweird.so.9."
    )
    assert "    sudo apt-get install libxcb-cursor0 libxcb-icccm4" in lines
    assert lines[-1] == "Find the package of libweird.so.9 with: apt-file search NAME"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and xcb are Linux's")
def test_run_checks_the_window_plugin_before_starting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ldd = tmp_path / "ldd"
    ldd.write_text(f"#!/bin/sh\ncat <<'OUT'\n{LDD_OUTPUT}OUT\n", encoding="utf-8")
    ldd.chmod(ldd.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(make, "qt_window_plugin", lambda: tmp_path / "libqxcb.so")
    assert make.check_qt_libraries() is False
    out = capsys.readouterr().out
    assert "[make]     sudo apt-get install libxcb-cursor0 libxcb-icccm4" in out
    # Told to draw offscreen (tests, screenshots), Qt needs none of them.
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert make.check_qt_libraries() is True
