"""A throwaway Radicale CalDAV server on 127.0.0.1 (free port, plain htpasswd, tmp storage)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

USER = "sam"
PASSWORD = "radicale-test-pw"  # a throwaway test server

CONFIG = """\
[server]
hosts = 127.0.0.1:{port}
max_connections = 20
[auth]
type = htpasswd
htpasswd_filename = {users}
htpasswd_encryption = plain
# Radicale waits ~1 s after every failed login by default: tests log in wrongly on purpose.
delay = 0
[rights]
type = owner_only
[storage]
filesystem_folder = {storage}
use_mtime_and_size_for_item_cache = True
[web]
type = none
[logging]
level = warning
mask_passwords = True
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class RadicaleServer:
    """Start, stop and restart (same port, same storage) a Radicale subprocess."""

    def __init__(self, folder: Path, users: dict[str, str] | None = None) -> None:
        self.folder = folder
        self.port = free_port()
        self.users = users or {USER: PASSWORD}
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "users").write_text(
            "".join(f"{name}:{secret}\n" for name, secret in self.users.items()), encoding="utf-8"
        )
        self.config = folder / "radicale.ini"
        self.config.write_text(
            CONFIG.format(port=self.port, users=folder / "users", storage=folder / "storage"),
            encoding="utf-8",
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout: float = 20.0) -> None:
        log = (self.folder / "radicale.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(self.config)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"radicale exited with {self.process.returncode}; see {log.name}"
                )
            if self.answers():
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"radicale did not answer on {self.url} within {timeout} s")

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url, timeout=1):
                return True
        except urllib.error.HTTPError:
            return True  # 401/403: it is up and asking for a login
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def __enter__(self) -> RadicaleServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        with contextlib.suppress(OSError):
            self.stop()
