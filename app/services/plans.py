"""Plan use cases: built-ins copied in on first run, listing, editing steps, restoring."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.dto.plans import PlanDTO, PlanSaved, PlanStepDTO
from app.errors import NotFound, ValidationError
from app.i18n import ENGLISH, LANGUAGES, _
from app.messages.templates import check_template
from app.plans.builtin import builtin_plan, builtin_plans, retired_texts, text_digest
from app.plans.mapping import fill_step, plan_to_dto
from app.plans.step_texts import seed_translations, set_translation
from app.plans.validation import check_plan, check_step
from app.rules.planning_context import PlanningContext
from app.services.replanning import needs_replan, replan, retime
from models.plan import Plan, PlanStep
from models.repositories import plans as repo


class PlanService:
    """Plans live in the database so the user can edit them; an edit applies to what is
    planned from the plan at once, in the same transaction (unless the user says not to)."""

    def __init__(
        self, sessions: sessionmaker[Session], planning: Callable[[], PlanningContext]
    ) -> None:
        self._sessions = sessions
        self._planning = planning

    def ensure_builtins(self) -> int:
        """Copy in the built-in plans the database does not have yet; returns how many."""
        with self._sessions.begin() as session:
            present = repo.builtin_keys(session)
            missing = [plan for plan in builtin_plans() if plan.builtin_key not in present]
            for plan in missing:
                session.add(self._new_row(session, plan))
            _renew_retired_texts(session)
            session.flush()
            seed_translations(session)
            return len(missing)

    def all(self) -> list[PlanDTO]:
        with self._sessions() as session:
            return [plan_to_dto(row) for row in repo.all_plans(session)]

    def get(self, name_or_key: str) -> PlanDTO:
        with self._sessions() as session:
            row = repo.by_name(session, name_or_key) or repo.by_builtin_key(session, name_or_key)
            if row is None:
                raise NotFound(_("no plan named {name_or_key!r}").format(name_or_key=name_or_key))
            return plan_to_dto(row)

    def get_by_id(self, plan_id: int) -> PlanDTO:
        with self._sessions() as session:
            row = repo.by_id(session, plan_id)
            if row is None:
                raise NotFound(_("plan {plan_id} does not exist").format(plan_id=plan_id))
            return plan_to_dto(row)

    def update_step(
        self, plan_id: int, step: PlanStepDTO, *, apply_to_planned: bool = True
    ) -> PlanSaved:
        """Replace one step (matched by position); unknown merge fields are refused here."""
        check_step(step)
        with self._sessions.begin() as session:
            row = repo.by_id(session, plan_id)
            if row is None:
                raise NotFound(_("plan {plan_id} does not exist").format(plan_id=plan_id))
            target = next((s for s in row.steps if s.position == step.position), None)
            if target is None:
                raise NotFound(
                    _("plan {name!r} has no step {number}").format(
                        name=row.name, number=step.position + 1
                    )
                )
            before = _timing(row)
            fill_step(target, step)
            session.flush()
            return self._applied(session, row, before, apply_to_planned)

    def save(self, plan: PlanDTO, *, apply_to_planned: bool = True) -> PlanSaved:
        """Create a plan, or replace an existing one's fields and steps."""
        steps = tuple(dataclasses.replace(step, position=n) for n, step in enumerate(plan.steps))
        plan = dataclasses.replace(plan, steps=steps)
        check_plan(plan)
        with self._sessions.begin() as session:
            return self._save_in(session, plan, apply_to_planned)

    def _save_in(self, session: Session, plan: PlanDTO, apply_to_planned: bool) -> PlanSaved:
        clash = repo.by_name(session, plan.name.strip())
        if clash is not None and clash.id != plan.id:
            raise ValidationError(_("a plan named {name!r} already exists").format(name=plan.name))
        before = None  # a new plan has nothing planned from it yet
        if plan.id is None:
            row = self._new_row(session, plan)
            session.add(row)
        else:
            found = repo.by_id(session, plan.id)
            if found is None:
                raise NotFound(_("plan {id} does not exist").format(id=plan.id))
            row = found
            before = _timing(row)
            row.name, row.trigger = plan.name.strip(), plan.trigger
            row.lateness_policy, row.description = plan.lateness_policy, plan.description
            self._replace_steps(session, row, plan.steps)
        session.flush()
        return self._applied(session, row, before, apply_to_planned)

    def update_step_text(
        self, plan_id: int, position: int, language: str, subject: str, body: str
    ) -> PlanSaved:
        """A step's words in one language (English: the step's own subject and body); unknown
        merge fields are refused here. Texts move no dates."""
        if language not in LANGUAGES:
            raise ValidationError(_("unknown language {code!r}").format(code=language))
        what = _("Step {number}").format(number=position + 1)
        check_template(subject, _("{step} subject").format(step=what))
        check_template(body, _("{step} message").format(step=what))
        with self._sessions.begin() as session:
            row = repo.by_id(session, plan_id)
            if row is None:
                raise NotFound(_("plan {id} does not exist").format(id=plan_id))
            target = next((s for s in row.steps if s.position == position), None)
            if target is None:
                raise NotFound(
                    _("plan {name!r} has no step {number}").format(
                        name=row.name, number=position + 1
                    )
                )
            if language == ENGLISH:
                target.subject_template, target.body_template = subject, body
            else:
                set_translation(target, language, subject, body)
            session.flush()
            return PlanSaved(plan_to_dto(row), None)

    def _applied(
        self, session: Session, row: Plan, before: _Timing | None, apply: bool
    ) -> PlanSaved:
        """The stored plan, and its planned follow-ups re-dated by it when `apply`.

        Only what the edit changed is redone: new texts move nothing, a new time of day
        re-times that step's follow-ups, anything else re-plans the plan's follow-ups."""
        if not apply:
            return PlanSaved(plan_to_dto(row), None)
        after = _timing(row)
        moved = 0
        if before is not None and after.rules != before.rules:
            moved = replan(session, self._planning(), row)
        elif before is not None and after.times != before.times:
            ctx = self._planning()
            if needs_replan(ctx, before.times, after.times):
                moved = replan(session, ctx, row)
            else:
                changed = {k: at for k, at in after.times.items() if before.times.get(k) != at}
                moved = retime(session, ctx, changed)
        return PlanSaved(plan_to_dto(row), moved)

    @staticmethod
    def _replace_steps(session: Session, row: Plan, steps: tuple[PlanStepDTO, ...]) -> None:
        """Update steps in place, matched by id, so scheduled touchpoints stay linked to
        theirs; only steps that are really gone are deleted."""
        existing = {step.id: step for step in row.steps}
        keep = {step.id for step in steps if step.id in existing}
        # Two passes around the unique (plan, position) rule: park, then place.
        for step_id, step_row in existing.items():
            if step_id in keep:
                step_row.position += 10_000
            else:
                row.steps.remove(step_row)
        session.flush()
        for step in steps:
            target = existing.get(step.id) if step.id is not None else None
            if target is None:
                target = PlanStep()
                row.steps.append(target)
            fill_step(target, step)
        session.flush()
        session.refresh(row, ["steps"])

    def restore_builtin(self, key: str) -> PlanSaved:
        """Put a built-in plan back the way it shipped (the name included)."""
        try:
            shipped = builtin_plan(key)
        except KeyError as exc:
            raise NotFound(_("no built-in plan {key!r}").format(key=key)) from exc
        with self._sessions() as session:
            existing = repo.by_builtin_key(session, key)
        if existing is None:
            self.ensure_builtins()
            return PlanSaved(self.get(shipped.name), 0)
        # Each shipped step takes over the id of a current step of the same kind (in order),
        # so touchpoints scheduled from it stay linked to the step they came from.
        free = sorted(existing.steps, key=lambda s: s.position)
        steps = []
        for step in shipped.steps:
            match = next((row for row in free if row.kind == step.kind), None)
            if match is not None:
                free.remove(match)
            steps.append(dataclasses.replace(step, id=match.id if match else None))
        plan = dataclasses.replace(shipped, id=existing.id, steps=tuple(steps))
        check_plan(plan)
        with self._sessions.begin() as session:
            saved = self._save_in(session, plan, apply_to_planned=True)
            # The shipped words in every language come back with the English ones.
            seed_translations(session, restore=key)
            session.flush()
            row = repo.by_id(session, existing.id)
            assert row is not None
            return dataclasses.replace(saved, plan=plan_to_dto(row))

    def _new_row(self, session: Session, plan: PlanDTO) -> Plan:
        row = Plan(
            name=plan.name.strip(),
            trigger=plan.trigger,
            builtin_key=plan.builtin_key,
            lateness_policy=plan.lateness_policy,
            description=plan.description,
        )
        row.steps.extend(self._step_rows(plan.steps))
        return row

    @staticmethod
    def _step_rows(steps: tuple[PlanStepDTO, ...]) -> list[PlanStep]:
        rows = []
        for step in steps:
            row = PlanStep()
            fill_step(row, step)
            rows.append(row)
        return rows


@dataclass(frozen=True)
class _Timing:
    """What of a plan decides when its follow-ups are due: the rules, and each step's time."""

    rules: tuple[object, ...]
    times: dict[int, dt.time | None]


def _timing(row: Plan) -> _Timing:
    steps = sorted(row.steps, key=lambda step: step.position)
    rules = tuple(
        (s.id, s.position, s.kind, s.offset_amount, s.offset_unit, s.anchor, s.roll,
         s.repeat_amount, s.repeat_unit)
        for s in steps
    )  # fmt: skip
    return _Timing((row.lateness_policy, *rules), {s.id: s.time_of_day for s in steps})


def _renew_retired_texts(session: Session) -> None:
    """A built-in step still holding a text we shipped and later rewrote (so the user never
    edited it) takes the text we ship now; an edited text is the user's and stays."""
    retired = retired_texts()
    for key, step in repo.builtin_steps(session):
        if text_digest(step.subject_template, step.body_template) not in retired:
            continue
        shipped = builtin_plan(key).steps
        if step.position < len(shipped) and shipped[step.position].kind == step.kind:
            step.subject_template = shipped[step.position].subject
            step.body_template = shipped[step.position].body
