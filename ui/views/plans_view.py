"""Plans screen layout: plan list, the selected plan's steps, and the step editor."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.dto.plans import PlanStepDTO
from app.dto.vocabulary import EXTRA_ANCHORS, KINDS, AnchorKind, Channel, OffsetUnit
from app.i18n import LANGUAGES, N_, _
from ui.item_models.plan_steps_table import (
    ANCHOR_LABELS,
    anchor_text,
    channel_text,
    kind_text,
    repeat_text,
)
from ui.look.metrics import L, M, font
from ui.look.styles import error_style
from ui.widgets.template_editor import TemplateEditor

UNIT_NAMES = {
    "days": N_("days"),
    "working_days": N_("working days"),
    "weeks": N_("weeks"),
    "months": N_("months"),
}


def _select(combo: QComboBox, value: object, label: str) -> None:
    """Select the item holding value; a value this version does not list is kept, not lost."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(label, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class StepEditor(QWidget):
    """The form over one step; `edited(step)` returns the step with the form's values."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.channel = QComboBox()
        self.channel.addItem(channel_text(None), None)
        for channel in Channel:
            self.channel.addItem(channel_text(channel.value), channel.value)
        self.amount = QSpinBox()
        self.amount.setRange(0, 3650)
        self.amount.setAccessibleName(_("Offset amount"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(_("Offset unit"))
        for unit in OffsetUnit:
            self.unit.addItem(_(UNIT_NAMES.get(unit.value, unit.value)), unit.value)
        self.direction = QComboBox()
        self.direction.setAccessibleName(_("Before or after"))
        self.direction.addItem(_("after"), 1)
        self.direction.addItem(_("before"), -1)
        self.anchor = QComboBox()
        self.anchor.setAccessibleName(_("Anchor"))
        for anchor in (*(a.value for a in AnchorKind), *EXTRA_ANCHORS):
            if anchor in ANCHOR_LABELS:
                self.anchor.addItem(anchor_text(anchor), anchor)
        # "3 weeks / after the delivery": two lines, so the form fits a narrow window.
        amount_row, anchor_row = QHBoxLayout(), QHBoxLayout()
        for widget in (self.amount, self.unit):
            amount_row.addWidget(widget)
        for widget in (self.direction, self.anchor):
            anchor_row.addWidget(widget)
        amount_row.addStretch(1)
        anchor_row.addStretch(1)
        when = QVBoxLayout()
        when.addLayout(amount_row)
        when.addLayout(anchor_row)
        self.all_day = QCheckBox(_("All da&y"))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(_("Time of day"))
        timing = QHBoxLayout()
        timing.addWidget(self.all_day)
        timing.addWidget(self.time)
        timing.addStretch(1)
        self.roll = QComboBox()
        self.roll.addItem(_("the next working day"), "next")
        self.roll.addItem(_("the previous working day"), "previous")
        self.repeat = QLabel()
        self.repeat.setWordWrap(True)
        self.template = TemplateEditor()

        # One column of label + field: it fits the smallest window (the editor scrolls down,
        # never sideways); the template below gets the height.
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows = (
            (_("&Kind"), self.kind, self.kind),
            (_("C&hannel"), self.channel, self.channel),
            (_("&When"), when, self.amount),
            (_("&Time"), timing, self.all_day),
            (_("O&n a day off, move to"), self.roll, self.roll),
        )
        for text, field, buddy in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow("", self.repeat)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.template, 1)
        order = (
            self.kind,
            self.channel,
            self.amount,
            self.unit,
            self.direction,
            self.anchor,
            self.all_day,
            self.time,
            self.roll,
            self.template.subject,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.all_day.toggled.connect(lambda checked: self.time.setEnabled(not checked))
        for combo in (self.kind, self.channel, self.unit, self.direction, self.anchor, self.roll):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.amount.valueChanged.connect(lambda _value: self.changed.emit())
        self.all_day.toggled.connect(lambda _checked: self.changed.emit())
        self.time.timeChanged.connect(lambda _time: self.changed.emit())
        self.template.changed.connect(self.changed)

    def set_timing_enabled(self, enabled: bool) -> None:
        """Kind, channel and timing are the step's own, edited with its English text; a text
        in another language changes only the words."""
        widgets: tuple[QWidget, ...] = (self.kind, self.channel, self.amount, self.unit)
        for widget in (*widgets, self.direction, self.anchor, self.all_day, self.roll):
            widget.setEnabled(enabled)
        self.time.setEnabled(enabled and not self.all_day.isChecked())

    def show_step(self, step: PlanStepDTO) -> None:
        widgets = (self.kind, self.channel, self.amount, self.unit, self.direction, self.anchor)
        for widget in (*widgets, self.all_day, self.time, self.roll, self.template):
            widget.blockSignals(True)
        _select(self.kind, step.kind, kind_text(step.kind))
        _select(self.channel, step.channel, channel_text(step.channel))
        self.amount.setValue(abs(step.offset_amount))
        _select(self.unit, step.offset_unit, step.offset_unit)
        self.direction.setCurrentIndex(1 if step.offset_amount < 0 else 0)
        _select(self.anchor, step.anchor, anchor_text(step.anchor))
        self.all_day.setChecked(step.time_of_day is None)
        self.time.setEnabled(step.time_of_day is not None)
        when = step.time_of_day or dt.time(9, 0)
        self.time.setTime(QTime(when.hour, when.minute, when.second))
        _select(self.roll, step.roll, step.roll)
        self.repeat.setText(repeat_text(step).lstrip(", ").capitalize())
        self.repeat.setVisible(bool(self.repeat.text()))
        self.template.set_template(step.subject, step.body)
        for widget in (*widgets, self.all_day, self.time, self.roll, self.template):
            widget.blockSignals(False)

    def edited(self, step: PlanStepDTO) -> PlanStepDTO:
        """step with everything the form shows; its repeat and identity are kept."""
        chosen = self.time.time()
        return dataclasses.replace(
            step,
            kind=str(self.kind.currentData()),
            channel=self.channel.currentData(),
            offset_amount=self.amount.value() * int(self.direction.currentData()),
            offset_unit=str(self.unit.currentData()),
            anchor=str(self.anchor.currentData()),
            time_of_day=None
            if self.all_day.isChecked()
            else dt.time(chosen.hour(), chosen.minute(), chosen.second()),
            roll=str(self.roll.currentData()),
            subject=self.template.subject_text(),
            body=self.template.body_text(),
        )


class PlansView(QWidget):
    """Only layout; behaviour is wired by PlansController."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        char = self.fontMetrics().averageCharWidth()
        self.plans = QListWidget()
        self.plans.setObjectName("planList")
        self.plans.setMinimumWidth(20 * char)
        plans_label = QLabel(_("P&lans"))
        plans_label.setBuddy(self.plans)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(plans_label)
        left_layout.addWidget(self.plans, 1)

        self.plan_title = QLabel()
        self.plan_title.setObjectName("planTitle")
        heading = font(self.plan_title.font(), "heading")
        self.plan_title.setFont(font(self.plan_title.font(), "title"))
        self.plan_description = QLabel()
        self.plan_description.setWordWrap(True)
        self.steps = QTableView()
        self.steps.setObjectName("planSteps")
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setAlternatingRowColors(True)
        self.steps.setWordWrap(False)
        rows = self.steps.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        # The columns share the width (and elide): never a sideways scroll to read a step.
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.steps.horizontalHeader().setMinimumSectionSize(4 * char)
        steps_label = QLabel(_("Ste&ps"))
        steps_label.setBuddy(self.steps)
        self.add_step = QPushButton(_("&Add step"))
        self.add_step.setToolTip(_("A new step after the selected one"))
        self.remove_step = QPushButton(_("Re&move…"))
        self.remove_step.setToolTip(_("Remove the selected step"))
        self.move_up = QPushButton(_("&Up"))
        self.move_up.setToolTip(_("Move the selected step up"))
        self.move_down = QPushButton(_("&Down"))
        self.move_down.setToolTip(_("Move the selected step down"))
        self.restore = QPushButton(_("Restore &built-in…"))
        self.restore.setToolTip(_("Put this plan back the way it shipped"))
        step_buttons = QHBoxLayout()
        for button in (self.add_step, self.remove_step, self.move_up, self.move_down):
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)
        title_row = QHBoxLayout()
        title_row.addWidget(self.plan_title, 1)
        title_row.addWidget(self.restore)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(title_row)
        top_layout.addWidget(self.plan_description)
        top_layout.addWidget(steps_label)
        top_layout.addWidget(self.steps, 1)
        top_layout.addLayout(step_buttons)

        self.editor = StepEditor()
        self.editor_title = QLabel()
        self.editor_title.setFont(heading)
        # The language of the words being edited; each language by its own name.
        self.language = QComboBox()
        self.language.setObjectName("templateLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setToolTip(_("Drafts to a customer are written in the customer's language"))
        language_label = QLabel(_("Te&xt in"))
        language_label.setBuddy(self.language)
        # "Missing: Eesti, Magyar": drafts in those languages fall back to English.
        self.missing = QLabel()
        self.missing.setObjectName("missingLanguages")
        self.missing.setWordWrap(True)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addWidget(self.missing, 1)
        self.message = QLabel()
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style())
        self.message.hide()
        self.save = QPushButton(_("&Save step"))
        self.save.setObjectName("saveStep")
        self.revert = QPushButton(_("Re&vert"))
        self.revert.setToolTip(_("Throw away the changes to this step"))
        self.apply_to_planned = QCheckBox(_("Also move the &planned ones"))
        self.apply_to_planned.setObjectName("applyToPlanned")
        self.apply_to_planned.setChecked(True)
        self.apply_to_planned.setToolTip(
            _(
                "Planned follow-ups of this plan take the new dates and times at once; "
                "overdue ones and those you moved by hand stay where they are."
            )
        )
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.apply_to_planned, 1)
        edit_buttons.addWidget(self.revert)
        edit_buttons.addWidget(self.save)
        editor_page = QWidget()
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addLayout(language_row)
        editor_layout.addWidget(self.editor, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(editor_page)
        # Save and Revert stay in sight however far the editor scrolls.
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(scroll, 1)
        bottom_layout.addWidget(self.message)
        bottom_layout.addLayout(edit_buttons)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # Starting sizes in text units; the splitters keep them in proportion from there.
        line = self.fontMetrics().height() + 10
        self.splitter.setSizes([26 * char, 100 * char])
        right.setSizes([line * 11, line * 20])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(L, M, L, M)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.plans, self.steps)
        QWidget.setTabOrder(self.steps, self.add_step)

    def set_default_column_widths(self) -> None:
        """The step number as wide as its digits; the other columns share the rest."""
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
