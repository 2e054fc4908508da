"""The cloud benchmark runs end to end (a handful of follow-ups) and reports its figures."""

from __future__ import annotations

from bench import cloud_bench


def test_the_cloud_bench_reports_first_syncs_beside_a_floor_and_one_request_resyncs() -> None:
    figures = {f["name"]: f for f in cloud_bench.run(customers=2, rounds=1)}
    for prefix in ("google", "graph"):
        first = figures[f"{prefix}_first_sync_1k_s"]
        assert first["floor"] > 0 and first["ratio"] == round(first["value"] / first["floor"], 2)
        assert figures[f"{prefix}_resync_requests"]["value"] == 1
