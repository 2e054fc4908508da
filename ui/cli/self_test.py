"""The hidden --self-test flag: proves a (frozen) build can migrate, schedule and export."""

from __future__ import annotations

import argparse
from typing import Any

from ui.cli.output import print_json


def _run(_context: None, _options: argparse.Namespace) -> int:
    from app.self_test import run_self_test

    summary = run_self_test()
    print_json(summary)
    return 0 if summary.get("ok") else 1


class _SelfTest(argparse.Action):
    def __call__(self, parser: Any, namespace: argparse.Namespace, *_args: Any) -> None:
        namespace.handler = _run
        namespace.needs_context = False


def add_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--self-test", action=_SelfTest, nargs=0, help=argparse.SUPPRESS)
