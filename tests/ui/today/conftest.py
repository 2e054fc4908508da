"""Fixtures of the Today screen tests."""

from tests.ui.today.support import host, people, planner, screen  # noqa: F401
