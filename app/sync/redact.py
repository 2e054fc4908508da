"""Take credentials out of text before it reaches a log, an error message or the database."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

# scheme://user:password@host -> scheme://host
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s'\"]*@")
# "Authorization: Basic dXNlcjpwdw==", "'authorization': 'Bearer x'"
_AUTH_HEADER = re.compile(r"(?i)((?:proxy-)?authorization['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n,}]+")
_CREDENTIAL = re.compile(r"(?i)\b(basic|bearer|digest)\s+[A-Za-z0-9+/=._~-]{6,}")
MASK = "***"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """The text without URL user info, authorization values or any of the given secrets."""
    text = _USERINFO.sub(r"\1", text)
    text = _AUTH_HEADER.sub(r"\1" + MASK, text)
    text = _CREDENTIAL.sub(r"\1 " + MASK, text)
    for secret in secrets:
        if len(secret) >= 3:
            for form in {secret, quote(secret, safe=""), quote(secret)}:
                text = text.replace(form, MASK)
    return text
