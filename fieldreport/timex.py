"""Temporal expressions of any text: JSON lines in, TimeML timexes out (``fieldreport timex``).

The pipeline dates events in articles; researchers also want the date recogniser and normaliser
on texts of their own, to compare with other taggers (TempEval-3, HeidelTime, SUTime). So this
works on the text exactly as given, without cleaning, and every offset indexes into that text
(Python string, i.e. code points). No spaCy: sentences come from a punctuation splitter.

Input lines ``{"id", "text", "dct"}``: ``dct`` is the document creation date (``YYYY-MM-DD``, a
time after it, ``2019-03-03T10:00``, is allowed and ignored) against which relative expressions are
normalised. It may be left out or null: expressions that need it then keep what they say without
it, as TimeML writes them: ``XXXX-WXX-7`` for "on Sunday", ``XXXX-WXX`` for "last week",
``XXXX-XX`` for "last month", ``PAST_REF`` for "yesterday" and "two weeks ago", ``FUTURE_REF`` for
"tomorrow"; absolute dates, durations and sets are unaffected. A ``dct`` that is given but is not a
date makes the line an error rather than silently unanchored.

Output lines ``{"id", "timexes": [{"start", "end", "text", "type", "value"}]}`` in input order,
``type`` one of DATE, TIME, DURATION, SET. A bad line never stops the run and never disappears: it
comes out as ``{"id", "line", "error"}`` in its place, so outputs can be joined back.

>>> for record in timex(sys.stdin, cfg):
...     print(json.dumps(record))
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dates import timexes_in
from .records import Timex
from .settings import Config

_DCT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*(?:Z|[+-]\d\d:?\d\d)?)?")


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based, counting empty lines, so an error can point at the line in the file
    id: str | int
    text: str
    dct: str | None  # YYYY-MM-DD


def timex_dict(t: Timex) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _dct(value: Any) -> str | None:
    """The creation date as YYYY-MM-DD, or None when it is not a valid date."""
    m = _DCT.fullmatch(value.strip()) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _read(number: int, raw: str | bytes, max_bytes: int) -> _Line | dict[str, Any]:
    """A usable line, or its error record."""

    def error(reason: str, id_: Any = None) -> dict[str, Any]:
        return {"id": id_, "line": number, "error": reason}

    if len(raw) > max_bytes:
        return error(f"line longer than max_bytes ({max_bytes})")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return error(f"invalid UTF-8 at byte {e.start}")
    if number == 1:
        raw = raw.removeprefix("\ufeff")
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return error(f"malformed JSON: {e.msg} at column {e.colno}")
    except (ValueError, RecursionError) as e:
        return error(f"unreadable JSON: {type(e).__name__}")
    if not isinstance(obj, dict):
        return error("not a JSON object")
    id_ = obj.get("id")
    if id_ is None:
        return error("missing id")
    if not (isinstance(id_, str) or _int(id_)):
        shown = id_ if isinstance(id_, bool) or (isinstance(id_, float) and math.isfinite(id_)) else None
        return error("id must be a string or an integer", shown)
    if not _encodable(str(id_)):
        return error("id holds an unpaired surrogate (a \\ud800-\\udfff escape)")
    text = obj.get("text")
    if not isinstance(text, str):
        return error("missing text" if text is None else "text must be a string", id_)
    if not _encodable(text):
        return error("text holds an unpaired surrogate (a \\ud800-\\udfff escape)", id_)
    raw_dct = obj.get("dct")
    dct = _dct(raw_dct)
    if raw_dct is not None and dct is None:
        return error(f"dct must be a date YYYY-MM-DD, got {json.dumps(raw_dct)[:40]}", id_)
    return _Line(number, id_, text, dct)


def timex(lines: Iterable[str | bytes], cfg: Config) -> Iterator[dict[str, Any]]:
    """One output record per non-empty input line, in order, each as soon as its line is read.

    ``lines`` may be text or bytes (a file opened in binary mode: a line that is not UTF-8 then
    becomes an error record instead of stopping the run).
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        item = _read(number, raw, cfg.max_bytes)
        if isinstance(item, dict):
            yield item
            continue
        found = timexes_in(item.text, item.dct)
        yield {"id": item.id, "timexes": [timex_dict(t) for t in found]}
