"""Run a command inside a private D-Bus session with an unlocked gnome-keyring, when available.

python tests/support/with_services.py python -m pytest ...

With `dbus-run-session` and `gnome-keyring-daemon` installed, the command runs on a throwaway
session bus whose Secret Service is a fresh keyring in a temporary folder (never the user's
own keyring), and FOLLOWUP_SECRET_SERVICE=1 tells the keyring tests that it is there.
Without them the command runs as it is and those tests skip, saying why. Standard library only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

FLAG = "FOLLOWUP_SECRET_SERVICE"
KEYRING_PASSWORD = "followup-test-keyring"
# $1.. are the command's own arguments: passed as argv, never pasted into the script text.
# The daemon gets its own data and runtime folders, so the user's keyrings stay untouched;
# the flag is set only once it runs.
SCRIPT = (
    'if printf %s "$FOLLOWUP_KEYRING_PASSWORD" | '
    'XDG_DATA_HOME="$FOLLOWUP_KEYRING_HOME/data" XDG_RUNTIME_DIR="$FOLLOWUP_KEYRING_HOME/run" '
    "gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
    f"then export {FLAG}=1; "
    'else echo "[with_services] gnome-keyring-daemon did not start: keyring tests skip" >&2; '
    "fi; "
    'exec "$@"'
)


def available() -> str:
    """Empty when the Secret Service can be started here, else what is missing."""
    missing = [
        name for name in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(name)
    ]
    return ", ".join(missing)


def main(command: list[str]) -> int:
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    missing = available()
    if missing or os.environ.get(FLAG):
        if missing:
            print(
                f"[with_services] {missing} not installed: the Secret Service (keyring) tests "
                "will skip",
                file=sys.stderr,
                flush=True,
            )
        return subprocess.run(command, check=False).returncode
    home = tempfile.mkdtemp(prefix="followup-keyring-")
    try:
        for folder in ("data", "run"):
            os.makedirs(os.path.join(home, folder), mode=0o700)
        env = dict(
            os.environ, FOLLOWUP_KEYRING_HOME=home, FOLLOWUP_KEYRING_PASSWORD=KEYRING_PASSWORD
        )
        wrapped = ["dbus-run-session", "--", "sh", "-c", SCRIPT, "sh", *command]
        print(
            "[with_services] private D-Bus session with gnome-keyring", file=sys.stderr, flush=True
        )
        return subprocess.run(wrapped, env=env, check=False).returncode
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
