"""SecretStore: passwords in the OS keyring only, or (when asked) in this process's memory."""

from __future__ import annotations

import logging
import uuid
from typing import Any, Literal

from app.errors import KnownError
from app.i18n import _
from app.keyring_info import describe

log = logging.getLogger(__name__)

SERVICE = "Follow-Up Planner"
Where = Literal["keyring", "session", "missing"]

# Windows Credential Manager keeps at most 2,560 bytes a credential, stored as UTF-16: 1,280
# characters (jaraco/keyring#355). A sign-in (Microsoft's refresh token alone can pass 1,500
# characters) is split into parts of at most this many characters, each its own entry.
PART_CHARS = 1000
_PARTS_MARK = "followup-parts:v1:"

# Session-only secrets live as long as the process, shared by every store in it: switching
# to the demo database and back must not forget them.
_SESSION: dict[str, str] = {}


def new_secret_key(kind: str = "caldav") -> str:
    """A keyring entry name for one account of one database: random, so never guessed or
    shared through an exported file, and removing one account never deletes another's."""
    return f"{kind}:{uuid.uuid4()}"


class NoSecureStore(KnownError):
    """The keyring backend would fail, drop the secret, or write it in plain text."""


class SecretStore:
    """Secrets under one service name in the OS keyring; never in the database or settings."""

    def __init__(self, backend: Any = None, service: str = SERVICE) -> None:
        # None: keyring's own choice, looked up on first use (importing keyring is slow).
        self._backend = backend
        self._service = service
        self._session = _SESSION

    def _keyring(self) -> Any:
        if self._backend is None:
            import keyring

            try:
                self._backend = keyring.get_keyring()
            except Exception as exc:  # noqa: BLE001 - a backend's own import can fail any way
                # PYTHON_KEYRING_BACKEND or keyringrc.cfg naming something that does not load.
                raise NoSecureStore(
                    _("the keyring backend could not be loaded ({type}: {error}).").format(
                        type=type(exc).__name__, error=str(exc)[:120]
                    ),
                    _(
                        "Check PYTHON_KEYRING_BACKEND and keyringrc.cfg, or keep passwords for "
                        "this session only (--session-only)."
                    ),
                ) from None
        return self._backend

    def backend(self) -> tuple[str, bool]:
        """(backend class path, does it keep secrets safely)."""
        backend = self._keyring()
        members = getattr(backend, "backends", None)
        if members:
            # A chainer writes to its first member: that one decides where the secret ends up.
            name, secure = describe(members[0])
            return f"{describe(backend)[0]} -> {name}", secure
        return describe(backend)

    def require_secure(self) -> None:
        name, secure = self.backend()
        if not secure:
            raise NoSecureStore(
                _(
                    "no secure password store is available (keyring backend: {name}), so the "
                    "password was not saved."
                ).format(name=name),
                _(
                    "Unlock or install your system keyring (GNOME Keyring, "
                    "KWallet, macOS Keychain, Windows Credential Manager), or "
                    "keep the password for this session only (command line: "
                    "--session-only)."
                ),
            )

    def put(self, key: str, secret: str, *, session_only: bool = False) -> Where:
        """Store and verify; returns where the secret now lives."""
        if not secret:
            raise KnownError(_("the password is empty"))
        if session_only:
            self._session[key] = secret
            return "session"
        self.require_secure()
        before = self._read(key) or ""
        had = int(before.removeprefix(_PARTS_MARK) or 0) if before.startswith(_PARTS_MARK) else 0
        parts = [secret[i : i + PART_CHARS] for i in range(0, len(secret), PART_CHARS)]
        for number in range(len(parts) + 1 if len(parts) > 1 else 1, had + 1):
            self._forget(f"{key}#{number}")  # parts of a longer secret stored before
        if len(parts) > 1:
            for number, part in enumerate(parts, 1):
                self._write(f"{key}#{number}", part)
            self._write(key, f"{_PARTS_MARK}{len(parts)}")
        else:
            self._write(key, secret)
        if self.get(key) != secret:
            self._forget(key)
            raise KnownError(
                _("the keyring did not keep the password (reading it back gave something else)"),
                _(
                    "Your keyring may be read-only or full; keep the password for this "
                    "session only."
                ),
            )
        self._session.pop(key, None)
        return "keyring"

    def _write(self, key: str, secret: str) -> None:
        from keyring.errors import KeyringError

        try:
            self._keyring().set_password(self._service, key, secret)
        except KeyringError as exc:
            # The backend's message names the backend and the problem, never the secret.
            raise KnownError(
                _("the keyring refused the password ({type})").format(type=type(exc).__name__),
                _("Unlock your keyring and try again, or keep the password for this session only."),
            ) from None

    def get(self, key: str) -> str | None:
        if key in self._session:
            return self._session[key]
        if not self.backend()[1]:
            return None
        stored = self._read(key)
        if stored is None or not stored.startswith(_PARTS_MARK):
            return stored
        count = int(stored.removeprefix(_PARTS_MARK) or 0)
        parts = [self._read(f"{key}#{number}") for number in range(1, count + 1)]
        if any(part is None for part in parts):
            return None  # a part went missing: as good as no secret
        return "".join(part for part in parts if part is not None)

    def _read(self, key: str) -> str | None:
        from keyring.errors import KeyringError

        try:
            secret: str | None = self._keyring().get_password(self._service, key)
        except KeyringError as exc:
            raise KnownError(
                _("cannot read the password from the keyring ({type})").format(
                    type=type(exc).__name__
                ),
                _("Unlock your keyring and try again."),
            ) from None
        return secret

    def where(self, key: str) -> Where:
        if key in self._session:
            return "session"
        return "keyring" if self.get(key) is not None else "missing"

    def delete(self, key: str) -> None:
        self._session.pop(key, None)
        if self.backend()[1]:
            self._forget(key)

    def _forget(self, key: str) -> None:
        from keyring.errors import KeyringError

        try:
            stored = self._keyring().get_password(self._service, key)
            if stored is not None and stored.startswith(_PARTS_MARK):
                for number in range(1, int(stored.removeprefix(_PARTS_MARK) or 0) + 1):
                    self._forget(f"{key}#{number}")
            self._keyring().delete_password(self._service, key)
        except KeyringError:
            # Already gone (PasswordDeleteError) or a locked keyring: nothing secret is exposed.
            log.info("keyring entry %s was not there to delete", key)


class MemorySecretStore(SecretStore):
    """Everything in a dict: for tests, and nothing else."""

    def __init__(self) -> None:
        self._memory = _MemoryBackend()
        super().__init__(backend=self._memory)
        self._session = {}

    def backend(self) -> tuple[str, bool]:
        return "memory (tests)", True

    def forget_all(self) -> None:
        """As if every entry had been removed from the keyring behind the app's back."""
        self._session.clear()
        self._memory.items.clear()


class _MemoryBackend:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, key: str, secret: str) -> None:
        self.items[service, key] = secret

    def get_password(self, service: str, key: str) -> str | None:
        return self.items.get((service, key))

    def delete_password(self, service: str, key: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, key), None) is None:
            raise PasswordDeleteError(key)
