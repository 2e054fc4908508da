"""Which keyring backend is in use and whether it is a secure store."""

from __future__ import annotations

# Backends that do not keep a secret safely: they fail, drop it, or write plaintext.
INSECURE_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
INSECURE_NAMES = ("plaintext", "uncrypted", "unencrypted", "fail", "null")


def backend_description() -> tuple[str, bool]:
    """(backend class path, is it a secure store) without touching any secret."""
    import keyring

    backend = keyring.get_keyring()
    return describe(backend)


def describe(backend: object) -> tuple[str, bool]:
    kind = type(backend)
    path = f"{kind.__module__}.{kind.__qualname__}"
    nested = getattr(backend, "backends", None)
    if nested:
        # ChainerBackend: secure only if it has at least one secure member.
        members = [describe(member) for member in nested]
        names = ", ".join(name for name, _ in members)
        return f"{path} [{names}]", any(secure for _, secure in members)
    insecure = path.startswith(INSECURE_MODULE_PREFIXES) or any(
        word in kind.__name__.lower() for word in INSECURE_NAMES
    )
    return path, not insecure
