"""Which keyring backend is in use and whether it is a secure store."""

from __future__ import annotations

# Backends that do not keep a secret safely: they fail, drop it, or write plaintext.
INSECURE_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
INSECURE_NAMES = ("plaintext", "uncrypted", "unencrypted", "fail", "null")


def describe(backend: object) -> tuple[str, bool]:
    """(class path, is it a secure store) for one backend; chains: see SecretStore.backend."""
    kind = type(backend)
    path = f"{kind.__module__}.{kind.__qualname__}"
    insecure = path.startswith(INSECURE_MODULE_PREFIXES) or any(
        word in kind.__name__.lower() for word in INSECURE_NAMES
    )
    return path, not insecure
