"""The window's one change signal: every committed write to the open database, as Changes."""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject, Signal

from app.changes import ChangeFeed
from app.context import AppContext
from app.dto.changes import Changes


class ChangeStream(QObject):
    """Turns the feed into `data_changed(Changes)`; screens, tray and sync listen to it.

    A write committed on a worker thread (an import, a calendar pull) arrives queued, on
    the window's thread; one made on the window's thread arrives before its call returns."""

    data_changed = Signal(object)

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = feed.subscribe(self._committed)
        self.closed = False

    def _committed(self, changes: Changes) -> None:
        self.data_changed.emit(changes)

    def close(self) -> None:
        """Stop listening (the database is being closed or replaced)."""
        self._stop()
        self.closed = True


_streams: WeakKeyDictionary[AppContext, ChangeStream] = WeakKeyDictionary()


def change_stream(context: AppContext) -> ChangeStream:
    """The one stream of an open database, made on first use (on the window's thread); a
    closed one (the database was detached) is made anew if the same one is attached again."""
    stream = _streams.get(context)
    if stream is None or stream.closed:
        stream = _streams[context] = ChangeStream(context.changes)
    return stream


class _Relay(QObject):
    """Lives as a child of a view: when the view goes, Qt drops the connection with it."""

    def __init__(self, view: QObject, slot: Callable[[Changes], None]) -> None:
        super().__init__(view)
        self._slot = slot

    def deliver(self, changes: Changes) -> None:
        self._slot(changes)


def follow_changes(stream: ChangeStream, view: QObject, slot: Callable[[Changes], None]) -> None:
    """Call `slot` with each change for as long as `view` exists (controllers may outlive
    the view they drive, and must not reach into a deleted one)."""
    stream.data_changed.connect(_Relay(view, slot).deliver)
