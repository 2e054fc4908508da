"""One customer's page layout: header, totals, actions, keep-in-touch settings, timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.i18n import LANGUAGES, _
from app.kinds import CHANNEL_LABELS
from ui.counted_spin import count_around, days_phrase
from ui.line_label import LineLabel
from ui.look.metrics import L, M, S, font
from ui.look.styles import error_style
from ui.views.promises_panel import PromisesPanel
from ui.widgets.fitted_table import read_only_table


def _table(name: str) -> QTableView:
    return read_only_table(name, stripes=True)


class CustomerPageView(QWidget):
    """Only layout; CustomerPageController fills it and wires the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = QPushButton(_("← &Back"))
        self.back.setObjectName("customerBack")
        self.back.setToolTip(_("Back to the list (Alt+Left)"))
        back_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self)
        back_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_key.activated.connect(self.back.click)
        self.title = QLabel()
        self.title.setObjectName("customerTitle")
        # User text: never interpreted as markup.
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setFont(font(self.title.font(), "title"))
        self.contact = QLabel()
        self.contact.setObjectName("customerContact")
        self.contact.setTextFormat(Qt.TextFormat.RichText)
        self.contact.setOpenExternalLinks(True)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        # Company, address links, channel and cadence run long in some languages: on one
        # line the label would set the window's least width beyond a 1280 screen.
        self.contact.setWordWrap(True)
        # The postal address on one line; user text, never markup.
        self.address = QLabel()
        self.address.setObjectName("customerAddress")
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        self.address.hide()
        self.warning = QLabel()
        self.warning.setObjectName("doNotContact")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(error_style())
        self.warning.hide()
        self.totals = QLabel()
        self.totals.setObjectName("customerTotals")
        self.totals.setWordWrap(True)

        self.log_interaction = QPushButton(_("&Log interaction…"))
        self.log_interaction.setToolTip(_("Note a call, visit or message that happened"))
        self.record_sale = QPushButton(_("&Record a sale…"))
        self.record_sale.setToolTip(_("A won or lost deal and its follow-up plan"))
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.log_interaction)
        top.addWidget(self.record_sale)

        self.channel = QComboBox()
        self.channel.setObjectName("preferredChannel")
        for key, label in CHANNEL_LABELS.items():
            self.channel.addItem(_(label), key)
        self.cadence = QSpinBox()
        self.cadence.setObjectName("keepInTouchDays")
        self.cadence.setRange(0, 3650)
        count_around(self.cadence, days_phrase)
        # The language drafts to them are written in; item 0 is "Default (…)", named by the
        # controller, which knows the user's draft language.
        self.language = QComboBox()
        self.language.setObjectName("customerLanguage")
        self.language.addItem("", "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.save_preferences = QPushButton(_("S&ave"))
        self.save_preferences.setEnabled(False)
        channel_label = LineLabel(_("Preferred &channel"))
        channel_label.setBuddy(self.channel)
        cadence_label = LineLabel(_("Keep in &touch every"))
        cadence_label.setBuddy(self.cadence)
        language_label = QLabel(_("&Language"))
        language_label.setBuddy(self.language)
        # Two rows: with every text 40 % longer (the pseudo-locale, or Ukrainian), one row of
        # three labelled choices and a button set the window's least width past the screen.
        preferences = QGridLayout()
        for column, widget in enumerate((channel_label, self.channel, cadence_label, self.cadence)):
            preferences.addWidget(widget, 0, column)
        preferences.addWidget(language_label, 1, 0)
        preferences.addWidget(self.language, 1, 1)
        preferences.addWidget(self.save_preferences, 1, 3, Qt.AlignmentFlag.AlignLeft)
        preferences.setColumnStretch(4, 1)

        self.upcoming_label = QLabel()
        self.upcoming = _table("timelineUpcoming")
        self.upcoming.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Done, snooze, skip, change date, open draft and add: filled by the controller.
        self.upcoming_tools = QToolBar(_("Follow-up actions"))
        self.upcoming_tools.setObjectName("upcomingToolbar")
        self.upcoming_tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.past_label = QLabel()
        self.past = _table("timelinePast")
        splitter = QSplitter(Qt.Orientation.Vertical)
        for heading, table in ((self.upcoming_label, self.upcoming), (self.past_label, self.past)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(heading)
            if table is self.upcoming:
                box_layout.addWidget(self.upcoming_tools)
            box_layout.addWidget(table, 1)
            splitter.addWidget(box)
        # Promises and their delivery record, with requests and declines beside them.
        self.promises = PromisesPanel()
        splitter.addWidget(self.promises)
        # History is what people read most; Coming up and promises are usually short.
        for position, share in enumerate((2, 4, 2)):
            splitter.setStretchFactor(position, share)
        splitter.setSizes([200, 400, 200])

        for heading in (self.upcoming_label, self.past_label):
            heading.setFont(font(heading.font(), "heading"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(L, M, L, M)
        layout.setSpacing(S)
        layout.addLayout(top)
        layout.addWidget(self.contact)
        layout.addWidget(self.address)
        layout.addWidget(self.warning)
        layout.addWidget(self.totals)
        layout.addLayout(preferences)
        layout.addWidget(splitter, 1)
