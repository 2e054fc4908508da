"""`followup --self-test`: in this interpreter, and in the frozen build when one is in dist/."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from app.i18n import ENGLISH, LANGUAGES
from ui.main import main

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "followup" / ("followup.exe" if os.name == "nt" else "followup")


def test_self_test_passes_and_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["ok"] is True and summary["events"] > 0 and summary["imported"] == 1


@pytest.mark.slow
@pytest.mark.skipif(not FROZEN.exists(), reason="no frozen build in dist/ (python3 make.py build)")
def test_frozen_app_self_test(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    started = time.perf_counter()
    done = subprocess.run(
        [str(FROZEN), "--self-test"], capture_output=True, text=True, timeout=180, env=env
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout)
    assert summary["ok"] is True and summary["events"] > 0
    # The build carries every language's compiled catalogue (make.py compiles them first).
    assert summary["catalogues"] == [code for code in LANGUAGES if code != ENGLISH]
    print(f"frozen self-test: {elapsed:.2f} s wall, {summary}")
