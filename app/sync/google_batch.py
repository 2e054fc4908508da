"""Google's batch format: several API calls in one multipart/mixed request, and its answer."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

# Google takes up to 1,000 calls a batch and suggests staying near 50; each still counts
# against the quota on its own.
GOOGLE_BATCH = 50
_PART_ID = re.compile(r"content-id:\s*<response-item(\d+)>", re.IGNORECASE)
_STATUS = re.compile(r"HTTP/1\.1 (\d{3})")


def batch_body(path: str, bodies: list[dict[str, Any]]) -> tuple[bytes, str]:
    """(request body, its Content-Type) for POSTing each body to `path`."""
    boundary = f"batch_{uuid.uuid4().hex}"
    parts = [
        f"--{boundary}\r\nContent-Type: application/http\r\nContent-ID: <item{number}>\r\n\r\n"
        f"POST {path} HTTP/1.1\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
        f"{json.dumps(body, ensure_ascii=False)}\r\n"
        for number, body in enumerate(bodies)
    ]
    data = "".join(parts) + f"--{boundary}--\r\n"
    return data.encode(), f"multipart/mixed; boundary={boundary}"


def batch_answers(content_type: str, data: bytes) -> dict[int, tuple[int, Any]]:
    """{item number: (status, JSON body or None)} from a batch response; parts that cannot be
    read are left out (the caller sends those again on their own)."""
    found = re.search(r'boundary="?([^";]+)"?', content_type)
    if found is None:
        return {}
    answers: dict[int, tuple[int, Any]] = {}
    for part in data.decode("utf-8", "replace").split(f"--{found.group(1)}"):
        number, status = _PART_ID.search(part), _STATUS.search(part)
        if number is None or status is None:
            continue
        inner = part[status.start() :]
        _head, _, body = inner.partition("\r\n\r\n")
        try:
            parsed = json.loads(body) if body.strip() else None
        except ValueError:
            parsed = None
        answers[int(number.group(1))] = (int(status.group(1)), parsed)
    return answers
