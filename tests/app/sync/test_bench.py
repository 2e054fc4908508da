"""The CalDAV benchmark runs end to end (on a handful of follow-ups) and reports its figures."""

from __future__ import annotations

from bench import caldav_bench


def test_the_caldav_bench_reports_both_figures_with_a_floor_for_the_first_sync() -> None:
    first, resync = caldav_bench.run(customers=2)
    assert first["name"] == "caldav_first_sync_1k_s" and first["floor"] > 0
    assert first["ratio"] == round(first["value"] / first["floor"], 2)
    assert resync["name"] == "caldav_resync_s" and resync["floor"] is None
