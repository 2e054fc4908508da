"""Started as a subprocess by gui_bench: prints timing markers as the window comes up."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path


def mark(name: str, value: float | str = "") -> None:
    print(f"{name} {value}", flush=True)


def empty_window() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    QTimer.singleShot(0, lambda: (mark("visible"), app.quit()))
    app.exec()


def planner(db: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from ui.language import speak

    # As ui.gui.run_gui: the language is chosen (and its catalogue read) before the window.
    speak(db, app)
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()

    def open_data() -> None:
        mark("visible")
        from ui.startup import open_planner

        # Today's list is populated when the start says its first page is on screen.
        window.today_shown.connect(lambda: mark("today"))
        # The same start as the app's, start backup (in the background) included.
        open_planner(window, db)
        workspace = window.workspace
        assert workspace is not None
        assert workspace.today.model.rowCount() > 0
        # The services have taken the list over: its actions work from here on.
        mark("ready")
        workspace.go(1)
        view = workspace.customers_view
        times = []
        for text in ("a", "an", "ann", "anna", "anna m", "mü", "müll", "+49 17", "acme", ""):
            view.search.setText(text)
            start = time.perf_counter()
            # What the debounce timer calls: the SQL page query and the model reset.
            workspace.customers.apply_search()
            times.append(time.perf_counter() - start)
            app.processEvents()
        mark("search_ms", statistics.median(times) * 1000)
        # Scroll through a few pages to show memory with a realistic list loaded.
        for _ in range(5):
            workspace.customers.model.fetchMore()
        mark("rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        app.quit()

    QTimer.singleShot(0, open_data)
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "empty":
        empty_window()
    else:
        planner(Path(sys.argv[2]))
