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
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from .dates import timexes_in
from .jsonl import Line, error, in_batches, read_line
from .records import Timex
from .settings import Config

_DCT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*(?:Z|[+-]\d\d:?\d\d)?)?")


def timex_dict(t: Timex) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}


def _dct(value: Any) -> str | None:
    """The creation date as YYYY-MM-DD, or None when it is not a valid date."""
    m = _DCT.fullmatch(value.strip()) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _read(number: int, raw: str | bytes, max_bytes: int) -> tuple[Line, str | None] | dict[str, Any]:
    """A usable line with its creation date, or its error record."""
    line = read_line(number, raw, max_bytes)
    if isinstance(line, dict):
        return line
    raw_dct = line.obj.get("dct")
    dct = _dct(raw_dct)
    if raw_dct is not None and dct is None:
        return error(number, f"dct must be a date YYYY-MM-DD, got {json.dumps(raw_dct)[:40]}", line.id)
    return line, dct


def timex(lines: Iterable[str | bytes], cfg: Config) -> Iterator[dict[str, Any]]:
    """One output record per non-empty input line, in order, each as soon as its line is read.

    ``lines`` may be text or bytes (a file opened in binary mode: a line that is not UTF-8 then
    becomes an error record instead of stopping the run).
    """

    def work(items: Sequence[tuple[Line, str | None]]) -> Iterator[dict[str, Any]]:
        for line, dct in items:
            yield {"id": line.id, "timexes": [timex_dict(t) for t in timexes_in(line.text, dct)]}

    yield from in_batches(lines, 1, lambda n, raw: _read(n, raw, cfg.max_bytes), work)
