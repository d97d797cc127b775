"""Deterministic ids: the same content always gets the same id, so every write is an upsert."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode NFC, whitespace folded: the form an id is computed from."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def stable_id(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts; None and "" are distinct from each other."""
    h = hashlib.sha1()
    for part in parts:
        h.update(b"\x1f")
        h.update(b"\x00" if part is None else str(part).encode("utf-8"))
    return h.hexdigest()[:length]
