"""The built-in plans shipped as JSON in resources/plans, parsed and checked."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from app.dto.plans import PlanDTO, PlanStepDTO
from app.paths import resources_dir

BUILTIN_KEYS = ("won_sale", "lost_sale", "keep_in_touch")


def _step(position: int, raw: dict[str, Any]) -> PlanStepDTO:
    amount, unit = raw["offset"]
    repeat = raw.get("repeat")
    time_text = raw.get("time")
    return PlanStepDTO(
        position=position,
        kind=raw["kind"],
        channel=raw.get("channel"),
        offset_amount=int(amount),
        offset_unit=str(unit),
        anchor=raw["anchor"],
        time_of_day=dt.time.fromisoformat(time_text) if time_text else None,
        roll=raw.get("roll", "next"),
        subject=raw["subject"],
        body=raw["body"],
        repeat_amount=int(repeat[0]) if repeat else None,
        repeat_unit=str(repeat[1]) if repeat else None,
    )


def load_plan(path: Path) -> PlanDTO:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return PlanDTO(
        name=raw["name"],
        trigger=raw["trigger"],
        lateness_policy=raw.get("lateness_policy", "shift"),
        description=raw.get("description", ""),
        steps=tuple(_step(position, step) for position, step in enumerate(raw["steps"])),
        builtin_key=raw["key"],
    )


@cache
def builtin_plans() -> tuple[PlanDTO, ...]:
    folder = resources_dir() / "plans"
    return tuple(load_plan(folder / f"{key}.json") for key in BUILTIN_KEYS)


def builtin_plan(key: str) -> PlanDTO:
    for plan in builtin_plans():
        if plan.builtin_key == key:
            return plan
    raise KeyError(key)


def text_digest(subject: str, body: str) -> str:
    """The fingerprint of a step's text, as resources/plans/retired_texts.json lists them."""
    return hashlib.sha256(f"{subject}\x00{body}".encode()).hexdigest()


@cache
def retired_texts() -> frozenset[str]:
    """Digests of built-in step texts we shipped once and have since rewritten."""
    raw = json.loads((resources_dir() / "plans" / "retired_texts.json").read_text("utf-8"))
    return frozenset(raw["texts"])
