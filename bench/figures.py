"""A benchmark figure beside its floor, and small timing helpers."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def figure(name: str, value: float, unit: str, floor: float | None = None) -> dict[str, Any]:
    """One figure; the ratio is taken from the rounded value and floor it is shown beside."""
    shown_value = round(value, 4)
    shown_floor = round(floor, 4) if floor is not None else None
    return {
        "name": name,
        "value": shown_value,
        "unit": unit,
        "floor": shown_floor,
        "ratio": round(shown_value / shown_floor, 2) if shown_floor else None,
    }


def timings(work: Callable[[], object], runs: int) -> list[float]:
    """Seconds per run."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return seconds


def paired_timings(
    work: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Seconds per run of work and of its floor, alternating, so that a machine whose speed
    drifts during the run affects both alike."""
    work_seconds: list[float] = []
    floor_seconds: list[float] = []
    for _ in range(runs):
        work_seconds += timings(work, 1)
        floor_seconds += timings(floor, 1)
    return work_seconds, floor_seconds


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
