"""Desktop figures on the 50k data set, each run in a fresh process beside an empty window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.data import TODAY, working_copy
from bench.figures import figure

RUNS = 5


def _probe(args: list[str], config: Path) -> dict[str, float]:
    """Start a probe and note when each marker line arrives, from before the process started."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FOLLOWUP_CONFIG_DIR=str(config))
    env["FOLLOWUP_TODAY"] = TODAY.isoformat()
    # The start measured with a translation loaded (catalogue, Qt's qtbase, locale), as most
    # users outside English start it; FOLLOWUP_LANGUAGE=en in the environment measures English.
    env.setdefault("FOLLOWUP_LANGUAGE", "nl")
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.gui_probe", *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        name, _, value = line.strip().partition(" ")
        seen[name] = time.perf_counter() - start
        if value:
            seen[name + "_value"] = float(value)
    if process.wait() != 0:
        raise RuntimeError(f"gui probe {args} failed")
    return seen


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        path = working_copy(Path(folder))
        config = Path(folder) / "config"
        # Alternating, so that a machine whose speed drifts affects window and floor alike.
        empty: list[float] = []
        runs: list[dict[str, float]] = []
        for _ in range(RUNS):
            empty.append(_probe(["empty"], config)["visible"])
            runs.append(_probe(["planner", str(path)], config))
    floor = statistics.median(empty)
    visible = statistics.median(run["visible"] for run in runs)
    today = statistics.median(run["today"] for run in runs)
    ready = statistics.median(run["ready"] for run in runs)
    search = statistics.median(run["search_ms_value"] for run in runs)
    rss = max(run["rss_mb_value"] for run in runs)
    return [
        figure("startup_window_s", visible, "s", floor),
        # No floor of its own in the issue; the empty window shows how fast the machine is.
        figure("today_populated_s", today, "s", floor),
        # When done / snooze / skip work: the services have loaded and taken the list over.
        figure("today_ready_s", ready, "s", floor),
        figure("search_keystroke_ms", search, "ms"),
        figure("rss_mb", rss, "MB"),
    ]
