"""Render the main screens with sample data to docs/screenshots/*.png (make.py screenshots)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.context import build_context
from app.sample_data import sample_customers

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.main_window import MainWindow  # after QApplication

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        context = build_context(Path(folder) / "shots.sqlite3")
        for customer in sample_customers(60):
            context.customers.add(customer)
        window = MainWindow()
        window.resize(1200, 720)
        window.show()
        window.attach(context)
        app.processEvents()
        assert window.customers is not None
        window.customers.view.table.selectRow(2)
        app.processEvents()
        target = OUT / "customers.png"
        window.grab().save(str(target))
        print(f"wrote {target}")
        window.close()
        context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
