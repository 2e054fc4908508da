"""A tiny HTTP proxy in front of a test server that fails on cue (5xx, 409, dropped requests)."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# (method, path, how many requests of that method came before) -> (status, body) or None: pass on
Rule = Callable[[str, str, int], tuple[int, bytes] | None]
METHODS = ("GET", "PUT", "DELETE", "PROPFIND", "PROPPATCH", "REPORT", "MKCALENDAR", "OPTIONS")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"}


class FlakyProxy:
    """Forwards every request to `target` unless `rule` answers it instead."""

    def __init__(self, target: str, rule: Rule) -> None:
        self.target = urlsplit(target)
        self.rule = rule
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with proxy.lock:
                    seen = proxy.counts.get(self.command, 0)
                    proxy.counts[self.command] = seen + 1
                canned = proxy.rule(self.command, self.path, seen)
                if canned is None:
                    reply = proxy.forward(self.command, self.path, self.headers, body)
                    status, headers, data = reply
                else:
                    (status, data), headers = canned, []
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in HOP_BY_HOP:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: object) -> None:
                pass

        for method in METHODS:
            setattr(Handler, f"do_{method}", Handler._any)
        return Handler

    def forward(
        self, method: str, path: str, headers: object, body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        connection = http.client.HTTPConnection(self.target.hostname, self.target.port, timeout=30)
        try:
            passed = {k: v for k, v in headers.items() if k.lower() != "host"}  # type: ignore[attr-defined]
            connection.request(method, path, body=body, headers=passed)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def __enter__(self) -> FlakyProxy:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
