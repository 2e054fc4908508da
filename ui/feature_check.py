"""PySide's look at each newly imported module, answered from one read of the module's file."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType


def lighten_feature_check() -> None:
    """After every import, PySide 6 asks whether the new module's source mentions PySide6
    (for its opt-in `from __feature__ import ...`), through inspect.getsource and the line
    cache: 60-70 ms over the 420 modules a start imports, most of them after the window
    shows. The same question, answered from the file's bytes, costs a few milliseconds.
    PySide's own answer stays for anything that is not a plain source file, and nothing
    changes where PySide no longer has this check."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            return b"PySide6" in Path(path).read_bytes()
        except OSError:
            return bool(original(module))

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
