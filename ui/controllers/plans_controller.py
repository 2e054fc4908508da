"""Plans screen behaviour: pick a plan and a step, edit it with a live preview, save or revert."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QWidget

from app.context import AppContext
from app.dto.changes import Area, Changes
from app.dto.plans import PlanDTO, PlanSaved, PlanStepDTO
from app.errors import KnownError
from app.i18n import ENGLISH, LANGUAGES, _, ngettext
from app.services.templates import missing_languages, sample_values
from ui.background import wait_for
from ui.change_stream import change_stream, follow_changes
from ui.controllers import plan_structure as structure
from ui.dialogs.confirm import confirmed
from ui.error_text import shown
from ui.item_models.plan_steps_table import PlanStepsTableModel, kind_text
from ui.views.plans_view import PlansView


class PlansController(QObject):
    """Steps are saved one at a time (update_step); add/remove/move save the whole plan."""

    status = Signal(str)

    def __init__(self, view: PlansView, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.view = view
        self.context = context
        self.window = window
        self.model = PlanStepsTableModel(self)
        view.steps.setModel(self.model)
        view.set_default_column_widths()
        self._plans: list[PlanDTO] = []
        self._plan: PlanDTO | None = None
        # The step as stored; the editor shows it, maybe with unsaved edits.
        self._step: PlanStepDTO | None = None
        # Set while the controller itself moves the selection (no "save changes?" then).
        self._quiet = False
        # The language of the words in the editor: English is the step's own text.
        self._language = ENGLISH
        view.plans.currentRowChanged.connect(self._on_plan_row)
        view.steps.selectionModel().currentRowChanged.connect(self._on_step_row)
        view.editor.changed.connect(self._on_edited)
        view.save.clicked.connect(self.save_step)
        view.revert.clicked.connect(self.revert_step)
        view.add_step.clicked.connect(self.add_step)
        view.remove_step.clicked.connect(self.remove_step)
        view.move_up.clicked.connect(lambda: self.move_step(-1))
        view.move_down.clicked.connect(lambda: self.move_step(1))
        view.restore.clicked.connect(self.restore_builtin)
        view.language.currentIndexChanged.connect(self._on_language)
        follow_changes(change_stream(context), view, self.on_changes)
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """Your profile (in the settings) is what the preview's sample message shows."""
        if changes.touches(Area.SETTINGS):
            self.refresh_preview()

    # --- state -------------------------------------------------------------------------
    def current_plan(self) -> PlanDTO | None:
        return self._plan

    def current_step(self) -> PlanStepDTO | None:
        """The selected step as stored (without unsaved edits)."""
        return self._step

    def edited_step(self) -> PlanStepDTO | None:
        return None if self._step is None else self.view.editor.edited(self._shown(self._step))

    def is_dirty(self) -> bool:
        return self._step is not None and self.edited_step() != self._shown(self._step)

    def _shown(self, step: PlanStepDTO) -> PlanStepDTO:
        """The step as the editor shows it: with its words in the chosen language (empty
        where it has none yet)."""
        if self._language == ENGLISH:
            return step
        text = step.text_in(self._language)
        subject, body = (text.subject, text.body) if text is not None else ("", "")
        return dataclasses.replace(step, subject=subject, body=body)

    def problems(self) -> list[str]:
        """Unknown merge fields in the editor, as typed (empty when the template is fine)."""
        return [problem.name for problem in self.view.editor.template.problems()]

    # --- loading and selection -----------------------------------------------------------
    def refresh(self, plan_id: int | None = None, row: int | None = None) -> None:
        """Reload plans from the database; keeps the selected plan and step where possible."""
        plan_id = plan_id if plan_id is not None else (self._plan.id if self._plan else None)
        if row is None:
            row = self.view.steps.currentIndex().row()
        self._plans = self.context.plans.all()
        self._quiet = True
        try:
            self.view.plans.clear()
            for plan in self._plans:
                item = QListWidgetItem(plan.title)
                item.setData(Qt.ItemDataRole.UserRole, plan.id)
                item.setToolTip(plan.about)
                self.view.plans.addItem(item)
            ids = [plan.id for plan in self._plans]
            index = ids.index(plan_id) if plan_id in ids else 0
            self.view.plans.setCurrentRow(index if self._plans else -1)
        finally:
            self._quiet = False
        self._show_plan(self._plans[index] if self._plans else None, max(row, 0))

    def select_plan(self, name: str) -> bool:
        """Select a plan by name as a click would (asks about unsaved edits)."""
        for row, plan in enumerate(self._plans):
            if plan.name == name:
                self.view.plans.setCurrentRow(row)
                return self._plan is not None and self._plan.id == plan.id
        return False

    def select_step(self, row: int) -> None:
        self.view.steps.selectRow(row)

    def _show_plan(self, plan: PlanDTO | None, row: int = 0) -> None:
        self._plan = plan
        self.view.plan_title.setText(plan.title if plan else "")
        description = plan.about if plan else ""
        if plan and plan.builtin_key:
            description += " " + _("(Built-in: Restore puts it back the way it shipped.)")
        self.view.plan_description.setText(description.strip())
        self.model.set_steps(plan.steps if plan else ())
        row = min(row, self.model.rowCount() - 1)
        self._quiet = True
        try:
            if row >= 0:
                self.view.steps.selectRow(row)
            else:
                self.view.steps.clearSelection()
        finally:
            self._quiet = False
        self._show_step(self.model.step_at(row))

    def _show_step(self, step: PlanStepDTO | None) -> None:
        self._step = step
        self.view.show_message("")
        self.view.editor.setEnabled(step is not None)
        if step is not None:
            self.view.editor.show_step(self._shown(step))
            self.view.editor.set_timing_enabled(self._language == ENGLISH)
            self.view.editor_title.setText(
                _("Step {number}: {kind}").format(
                    number=step.position + 1, kind=kind_text(step.kind)
                )
            )
            self.refresh_preview()
        else:
            self.view.editor_title.setText(_("No step selected"))
        self._show_missing(step)
        self._update_buttons()

    def _show_missing(self, step: PlanStepDTO | None) -> None:
        """Which languages the step has no text in: their drafts fall back to English."""
        missing = [LANGUAGES[code] for code in missing_languages(step)] if step else []
        self.view.missing.setText(_("Missing: {languages}").format(languages=", ".join(missing)))
        self.view.missing.setVisible(bool(missing))
        hint = ""
        if step is not None and step.text_in(self._language) is None:
            hint = _(
                "No {language} text yet: drafts in {language} fall back to English. Write it here."
            ).format(language=LANGUAGES[self._language])
        self.view.editor.template.body.setPlaceholderText(hint)

    def _on_language(self, _index: int) -> None:
        if self._quiet:
            return
        if not self.settle_edits():
            back = self.view.language.findData(self._language)
            QTimer.singleShot(
                0, lambda: self._quietly(lambda: self.view.language.setCurrentIndex(back))
            )
            return
        self._language = str(self.view.language.currentData())
        self._show_step(self._step)

    def refresh_preview(self) -> None:
        """Re-read your profile into the preview (call after the settings changed)."""
        values = sample_values(
            self.context.settings.get(), self.context.planning().today, self._language
        )
        title = _("Preview for a sample customer: {name}, {company} (sale: {sale})").format(
            name=values["customer_name"], company=values["company"], sale=values["sale_description"]
        )
        self.view.editor.template.set_values(values, title)

    def _on_plan_row(self, row: int) -> None:
        if self._quiet:
            return
        if not self.settle_edits():
            ids = [plan.id for plan in self._plans]
            back = ids.index(self._plan.id) if self._plan else -1
            # Later: a click applies its selection only after this signal returns.
            QTimer.singleShot(0, lambda: self._quietly(lambda: self.view.plans.setCurrentRow(back)))
            return
        self._show_plan(self._plans[row] if 0 <= row < len(self._plans) else None, 0)

    def _on_step_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._quiet:
            return
        if not self.settle_edits():
            back = previous.row()
            QTimer.singleShot(0, lambda: self._quietly(lambda: self.view.steps.selectRow(back)))
            return
        self._show_step(self.model.step_at(current.row()))

    def _quietly(self, change: Callable[[], None]) -> None:
        self._quiet = True
        try:
            change()
        finally:
            self._quiet = False
        self._update_buttons()

    def settle_edits(self) -> bool:
        """Before leaving a step with unsaved edits: save, discard, or stay (False)."""
        if not self.is_dirty():
            return True
        assert self._step is not None
        answer = QMessageBox.question(
            self.window,
            _("Unsaved changes"),
            _("Save the changes to step {number} first?").format(number=self._step.position + 1),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_step()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert_step()
            return True
        return False

    def _on_edited(self) -> None:
        self.view.show_message("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        view, plan, row = self.view, self._plan, self.view.steps.currentIndex().row()
        count = self.model.rowCount()
        dirty = self.is_dirty()
        view.save.setEnabled(dirty)
        view.revert.setEnabled(dirty)
        view.add_step.setEnabled(plan is not None)
        view.remove_step.setEnabled(plan is not None and count > 1 and row >= 0)
        view.move_up.setEnabled(row > 0)
        view.move_down.setEnabled(0 <= row < count - 1)
        view.restore.setEnabled(plan is not None and plan.builtin_key is not None)

    # --- editing -----------------------------------------------------------------------
    def save_step(self) -> bool:
        """Store the edited step; refused (with the reason shown) when a field is unknown."""
        plan, step = self._plan, self.edited_step()
        if plan is None or plan.id is None or step is None:
            return False
        try:
            apply, plan_id, language = self._apply(), plan.id, self._language
            if language == ENGLISH:
                result = self._saving(
                    lambda: self.context.plans.update_step(plan_id, step, apply_to_planned=apply)
                )
            else:
                # Words in another language move no dates: nothing to wait for.
                result = self.context.plans.update_step_text(
                    plan_id, step.position, language, step.subject, step.body
                )
        except KnownError as exc:
            self._refuse(exc)
            return False
        saved = result.plan
        self._replace(saved)
        self._step = saved.steps[step.position]
        self._show_missing(self._step)
        self._update_buttons()
        done = _("Saved step {number} of “{name}”.").format(
            number=step.position + 1, name=saved.title
        )
        self._announce(done, result.moved)
        return True

    def _apply(self) -> bool:
        return self.view.apply_to_planned.isChecked()

    def _saving(self, work: Callable[[], PlanSaved]) -> PlanSaved:
        """A save that changes a rule re-plans every follow-up of the plan (seconds on a
        big book): it runs on a worker while the window repaints."""
        return wait_for(work, _("Saving the plan and moving its follow-ups"), self.window)

    def _announce(self, done: str, moved: int | None) -> None:
        """Say what the save did, the planned follow-ups it moved included (the other
        screens hear of the move through the change stream)."""
        if moved:
            moves = ngettext(
                "{moved} planned follow-up moved.", "{moved} planned follow-ups moved.", moved
            ).format(moved=moved)
            done += " " + moves
        self.status.emit(done)

    def revert_step(self) -> None:
        if self._step is not None:
            self.view.editor.show_step(self._shown(self._step))
            self.view.editor.set_timing_enabled(self._language == ENGLISH)
            self.view.show_message("")
            self._update_buttons()

    def add_step(self) -> None:
        """A new check-in a week after the selected step, selected for editing."""
        if self._plan is None or not self.settle_edits():
            return
        row = self.view.steps.currentIndex().row()
        row = row if row >= 0 else self.model.rowCount() - 1
        if self._save_steps(structure.with_new_step(self._plan.steps, row)):
            self.view.editor.kind.setFocus()

    def remove_step(self) -> None:
        step, plan = self._step, self._plan
        if step is None or plan is None:
            return
        question = _(
            "Remove step {number} ({kind}) from “{name}”? Follow-ups already planned "
            "from it stay on your list."
        ).format(number=step.position + 1, kind=kind_text(step.kind), name=plan.title)
        icon = QMessageBox.Icon.Question
        if not confirmed(self.window, icon, _("Remove step"), question, _("&Remove")):
            return
        self._save_steps(structure.without_step(plan.steps, step.position))

    def move_step(self, delta: int) -> None:
        """Move the selected step up (-1) or down (+1)."""
        row = self.view.steps.currentIndex().row()
        target = row + delta
        if self._plan is None or not 0 <= row < self.model.rowCount():
            return
        if not 0 <= target < self.model.rowCount() or not self.settle_edits():
            return
        self._save_steps(structure.with_step_moved(self._plan.steps, row, target))

    def restore_builtin(self) -> None:
        plan = self._plan
        if plan is None or plan.builtin_key is None:
            return
        question = _(
            "Put “{name}” back the way it shipped? Your changes to its steps and "
            "messages are replaced."
        ).format(name=plan.title)
        icon = QMessageBox.Icon.Warning
        if not confirmed(self.window, icon, _("Restore built-in plan"), question, _("&Restore")):
            return
        try:
            key = plan.builtin_key
            result = self._saving(lambda: self.context.plans.restore_builtin(key))
        except KnownError as exc:
            self._refuse(exc)
            return
        restored = result.plan
        self.refresh(restored.id, self.view.steps.currentIndex().row())
        self._announce(_("Restored “{name}” as shipped.").format(name=restored.title), result.moved)

    def _save_steps(self, change: structure.StepsChange) -> bool:
        assert self._plan is not None
        steps, select, done = change
        try:
            edited, apply = dataclasses.replace(self._plan, steps=tuple(steps)), self._apply()
            result = self._saving(lambda: self.context.plans.save(edited, apply_to_planned=apply))
        except KnownError as exc:
            self._refuse(exc)
            return False
        self._replace(result.plan)
        self._show_plan(result.plan, select)
        self._announce(done, result.moved)
        return True

    def _replace(self, plan: PlanDTO) -> None:
        self._plans = [plan if other.id == plan.id else other for other in self._plans]
        self._plan = plan
        self.model.set_steps(plan.steps)

    def _refuse(self, exc: KnownError) -> None:
        self.view.show_message(shown(exc.message))
        self.view.message.setToolTip(exc.hint)
        self.status.emit(_("Not saved. {error}").format(error=shown(exc.message)))

    def save_layout(self) -> None:
        """Nothing to keep: the step columns share the width, whatever the window's."""
