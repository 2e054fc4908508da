"""Today's first page on screen straight from the file, while the services still load."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow

from app.first_page import FirstAgenda
from ui.item_models.agenda_table import AgendaTableModel
from ui.today_layout import day_heading, prepare_today
from ui.workspace_shell import TODAY, WorkspaceShell

if TYPE_CHECKING:
    from app.clock import Clock
    from app.startup_check import IntegrityCheck

log = logging.getLogger(__name__)


def _not_rendered_yet(_touchpoint_id: int) -> str:
    # Drafts need the services; the Workspace renders the real subjects when it takes over.
    return ""


@dataclass
class FirstPage:
    """What the start showed: the workspace's widgets and Today's list, to be taken over."""

    shell: WorkspaceShell
    model: AgendaTableModel
    source: FirstAgenda

    def close(self) -> None:
        """The services read the list from now on: the early connection is done."""
        self.source.close()


def show_first_page(
    window: QMainWindow, path: Path, clock: Clock, integrity: IntegrityCheck
) -> FirstPage | None:
    """Fill Today from the file and paint it; None (nothing shown) to take the usual path:
    the file is new, needs an upgrade or a repair, or nothing is due."""
    source = FirstAgenda.open(path, clock, integrity)
    if source is None:
        return None
    shell = WorkspaceShell()
    model = AgendaTableModel(
        source, source.zone, _not_rendered_yet, shell.today_view, now=clock.now
    )
    prepare_today(shell.today_view, model)
    try:
        model.reload(keep_subjects=False)
        filled = model.rowCount() > 0
    except Exception:
        log.debug("early agenda page failed", exc_info=True)
        filled = False
    if not filled:
        # Nothing due (or the read failed): whether Today or the welcome page comes first
        # is the Workspace's call, which needs the services.
        source.close()
        shell.widget.deleteLater()
        return None
    shell.today_view.show_empty_state(False)
    shell.today_view.summary.setText(day_heading(model.today))
    shell.select_sidebar(TODAY)
    window.setCentralWidget(shell.widget)
    # Lay it out and paint it now: loading the services blocks the event loop next.
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return FirstPage(shell, model, source)
