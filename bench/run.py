"""Run every benchmark and print a table (or --json): each figure beside its floor."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bench import (
    core_bench,
    customers_bench,
    draft_bench,
    gui_bench,
    import_bench,
    insights_bench,
    quit_bench,
)

TARGETS = {
    "record_sale_p95_ms": "≤ 30 ms",
    "apply_plan_10k_s": "≤ 3 s",
    "import_sales_10k_s": "(10,000 past deals into the 50k book; no target yet)",
    "agenda_7d_ms": "≤ 10 ms and ≤ 3× floor",
    "agenda_7d_all_ms": "(whole week, for the CLI; no target)",
    "ics_10k_s": "≤ 1.0 s and ≤ 1.5× floor",
    "startup_window_s": "≤ 1.5× floor",
    "today_populated_s": "≤ 1.0 s",
    "today_ready_s": "(services loaded, actions work; no target)",
    "search_keystroke_ms": "≤ 50 ms",
    "customers_page_ms": "≤ 50 ms (first page by next follow-up, by last contact)",
    "quit_s": "≤ 0.5 s (window closed to process gone)",
    "rss_mb": "≤ 250 MB",
    "draft_render_ms": "(a Today page of 200 drafts; no target)",
    "caldav_first_sync_1k_s": "≤ 30 s",
    "caldav_resync_s": "≤ 3 s",
    "insights_quarter_ms": "≤ 200 ms (every figure of 13 weeks)",
    "google_first_sync_1k_s": "≤ 1.2× floor (1,000 bare inserts)",
    "google_resync_requests": "1 per calendar",
    "graph_first_sync_1k_s": "≤ 1.2× floor (1,000 bare creates)",
    "graph_resync_requests": "1 per calendar",
}


def _suites() -> list[Any]:
    suites: list[Any] = [
        core_bench,
        customers_bench,
        draft_bench,
        gui_bench,
        import_bench,
        insights_bench,
        quit_bench,
    ]
    from bench import ics_bench

    suites.append(ics_bench)
    try:
        from bench import caldav_bench
    except ImportError:  # the CalDAV suite needs the sync package
        pass
    else:
        suites.append(caldav_bench)
    from bench import cloud_bench

    suites.append(cloud_bench)
    return suites


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make.py bench")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--only",
        metavar="FIGURE",
        action="append",
        help="run only the suite measuring this figure (suites that name their FIGURES)",
    )
    options = parser.parse_args(argv)
    figures: list[dict[str, Any]] = []
    for suite in _suites():
        named = getattr(suite, "FIGURES", ())
        if options.only and not set(options.only) & set(named):
            continue
        figures.extend(suite.run())
    if options.json:
        print(json.dumps({"figures": figures}))
        return 0
    print(f"{'figure':<24}{'value':>14}{'floor':>12}{'ratio':>8}  target")
    for item in figures:
        floor = "" if item["floor"] is None else f"{item['floor']:.3f}"
        ratio = "" if item["ratio"] is None else f"{item['ratio']:.2f}×"
        value = f"{item['value']:.3f} {item['unit']}"
        print(
            f"{item['name']:<24}{value:>14}{floor:>12}{ratio:>8}  {TARGETS.get(item['name'], '')}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
