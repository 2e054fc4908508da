"""What every local stand-in server shares: a loopback HTTP(S) server, JSON replies, a request
log, and faults a test can queue (a 429 with Retry-After, a 403 rateLimitExceeded, a 503)."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    """One request as the stand-in saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), "")

    def one(self, name: str) -> str:
        return self.query.get(name, [""])[0]


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


@dataclass
class Fault:
    """Answer the next matching request with this instead (then it is used up)."""

    method: str
    path_part: str
    reply: Reply
    times: int = 1


class StandIn:
    """Subclasses implement `handle(request) -> Reply`; every request is logged."""

    def __init__(self, tls: tuple[Path, Path] | None = None) -> None:
        self.log: list[Request] = []
        self.faults: list[Fault] = []
        self.bugs: list[str] = []  # exceptions in handle(): a fixture fails the test on them
        self.lock = threading.RLock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.scheme = "http"
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}"

    def handle(self, request: Request) -> Reply:
        raise NotImplementedError

    def fail_next(self, method: str, path_part: str, reply: Reply, times: int = 1) -> None:
        with self.lock:
            self.faults.append(Fault(method, path_part, reply, times))

    def count(self, method: str = "", path_part: str = "") -> int:
        return sum(
            1 for r in self.log if (not method or r.method == method) and path_part in r.path
        )

    def _fault(self, request: Request) -> Reply | None:
        with self.lock:
            for fault in self.faults:
                if fault.method == request.method and fault.path_part in request.path:
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault.reply
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body in one write, sent at once: otherwise keep-alive requests
            # wait ~40 ms each on Nagle and delayed ACKs, and every figure measures that.
            wbufsize = 1 << 16
            disable_nagle_algorithm = True

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    self.command,
                    parts.path,
                    parse_qs(parts.query, keep_blank_values=True),
                    dict(self.headers.items()),
                    body,
                )
                with standin.lock:
                    standin.log.append(request)
                reply = standin._fault(request)
                if reply is None:
                    try:
                        reply = standin.handle(request)
                    except Exception as exc:  # noqa: BLE001 - a stand-in bug: the test fails on it
                        standin.bugs.append(repr(exc))
                        reply = Reply(418, {"error": {"message": f"stand-in bug: {exc!r}"}})
                data = reply.raw
                if data is None:
                    data = b"" if reply.body is None else json.dumps(reply.body).encode()
                self.send_response(reply.status)
                if reply.body is not None and reply.raw is None:
                    self.send_header("Content-Type", "application/json; charset=UTF-8")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: object) -> None:
                pass

        for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            setattr(Handler, f"do_{method}", Handler._any)
        return Handler

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


Route = Callable[[Request], Reply]


def error(status: int, message: str, reason: str = "") -> Reply:
    """Google's error shape (Graph's is set by its stand-in)."""
    return Reply(
        status,
        {
            "error": {
                "code": status,
                "message": message,
                "errors": [{"domain": "global", "reason": reason or "invalid", "message": message}],
            }
        },
    )
