"""Geoparse any text: JSON lines in, the places of each text out (``fieldreport geoparse``).

The pipeline only geocodes what it takes for an article about an event; researchers also want to
run the recogniser and resolver on their own texts, or resolve spans they annotated themselves
(``gold_spans``), and compare with other geoparsers. So this works on the text exactly as given,
without cleaning, and every offset indexes into that text (Python string, i.e. code points).

Input lines ``{"id", "text", "spans": [{"start", "end"}]}`` (spans only with ``gold_spans``);
output lines ``{"id", "places": [...]}`` in input order. A bad line never stops the run and never
disappears: it comes out as ``{"id", "line", "error"}`` in its place, so outputs can be joined back.

>>> for record in geoparse(sys.stdin, cfg, gold_spans=True):
...     print(json.dumps(record))
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .geo import Gazetteer, find_places
from .geo.toponyms import NON_LITERAL
from .ids import normalise_text, stable_id
from .nlp import parse
from .records import Article, Place
from .settings import Config


@dataclass(frozen=True, slots=True)
class _Line:
    """One usable input line, waiting for its batch to be parsed."""

    number: int  # 1-based, counting empty lines, so an error can point at the line in the file
    id: str | int
    text: str
    spans: tuple[tuple[int, int], ...]


def place_dict(p: Place) -> dict[str, Any]:
    """The output form of a place; ``name`` is the text as written when nothing resolved it."""
    return {
        "start": p.start,
        "end": p.end,
        "text": p.text,
        "name": p.name if p.name is not None else p.text,
        "latitude": p.latitude,
        "longitude": p.longitude,
        "gazetteer_id": p.gazetteer_id,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "feature": p.feature,
        "score": round(p.score, 4),
        "resolved": p.resolved,
        "use": p.source if p.source in NON_LITERAL else "literal",
    }


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # JSON true is not an offset


def _spans(value: Any, length: int) -> tuple[tuple[int, int], ...] | str:
    """The gold spans, or the reason they cannot be used."""
    if not isinstance(value, list):
        return "spans must be a list of {start, end} objects (needed with --gold-spans)"
    out = []
    for i, span in enumerate(value):
        if not isinstance(span, dict) or not _int(span.get("start")) or not _int(span.get("end")):
            return f"span {i}: needs integer start and end, got {json.dumps(span)[:80]}"
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= length:
            return f"span {i}: [{start}, {end}) is not a non-empty range within the text (length {length})"
        out.append((start, end))
    return tuple(out)


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read(number: int, raw: str | bytes, gold_spans: bool, max_bytes: int) -> _Line | dict[str, Any]:
    """A usable line, or its error record."""

    def error(reason: str, id_: Any = None) -> dict[str, Any]:
        return {"id": id_, "line": number, "error": reason}

    if len(raw) > max_bytes:  # characters, for text lines: a lower bound of the bytes
        return error(f"line longer than max_bytes ({max_bytes})")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return error(f"invalid UTF-8 at byte {e.start}")
    if number == 1:
        raw = raw.removeprefix("\ufeff")  # a BOM some editors write
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return error(f"malformed JSON: {e.msg} at column {e.colno}")
    except (ValueError, RecursionError) as e:  # a 5000-digit number, nesting too deep to parse
        return error(f"unreadable JSON: {type(e).__name__}")
    if not isinstance(obj, dict):
        return error("not a JSON object")
    id_ = obj.get("id")
    if id_ is None:
        return error("missing id")
    if not (isinstance(id_, str) or _int(id_)):
        # echoed when it is a plain value, to help find the line; NaN would not be JSON
        shown = id_ if isinstance(id_, bool) or (isinstance(id_, float) and math.isfinite(id_)) else None
        return error("id must be a string or an integer", shown)
    if not _encodable(str(id_)):
        return error("id holds an unpaired surrogate (a \\ud800-\\udfff escape)")
    text = obj.get("text")
    if not isinstance(text, str):
        return error("missing text" if text is None else "text must be a string", id_)
    if not _encodable(text):  # it could not be written back out as UTF-8
        return error("text holds an unpaired surrogate (a \\ud800-\\udfff escape)", id_)
    spans: tuple[tuple[int, int], ...] = ()
    if gold_spans:
        got = _spans(obj.get("spans"), len(text))
        if isinstance(got, str):
            return error(got, id_)
        spans = got
    return _Line(number, id_, text, spans)


def _article(line: _Line) -> Article:
    content_hash = stable_id(normalise_text(line.text))
    return Article(
        article_id=stable_id(content_hash, None),
        content_hash=content_hash,
        origin=f"geoparse:line {line.number}",
        fmt="txt",
        raw=line.text,
        text=line.text,
        source_id=str(line.id),
    )


def _places(
    good: Sequence[_Line], cfg: Config, gaz: Gazetteer, gold_spans: bool, mentions: bool
) -> Iterator[Sequence[Place]]:
    """The places of each good line of one batch, parsed together."""
    for line, parsed in zip(good, parse([_article(x) for x in good], cfg), strict=True):
        spans = line.spans if gold_spans else None
        yield find_places(parsed.article, parsed.doc, gaz, spans, mentions=mentions)


def geoparse(
    lines: Iterable[str | bytes], cfg: Config, *, gold_spans: bool = False, mentions: bool = True
) -> Iterator[dict[str, Any]]:
    """One output record per non-empty input line, in order, ``cfg.batch_size`` lines at a time.

    ``lines`` may be text or bytes (a file opened in binary mode: a line that is not UTF-8 then
    becomes an error record instead of stopping the run). ``mentions`` (the default) includes the
    non-locational uses, each with its ``use`` ("demonym", "organisation", "metonym"; else
    "literal"), as annotated toponym corpora do. Without ``gold_spans`` every place
    ``find_places`` finds is output, resolved or not; with it, exactly the given spans are.
    """
    gaz: Gazetteer | None = None

    def flush(pending: list[_Line | dict[str, Any]]) -> Iterator[dict[str, Any]]:
        nonlocal gaz
        good = [item for item in pending if isinstance(item, _Line)]
        if good and gaz is None:  # opened only when a line needs it: first use builds the index
            gaz = Gazetteer.load(cfg)
        found = iter(_places(good, cfg, gaz, gold_spans, mentions) if gaz is not None else ())
        for item in pending:
            if isinstance(item, _Line):
                yield {"id": item.id, "places": [place_dict(p) for p in next(found)]}
            else:
                yield item

    pending: list[_Line | dict[str, Any]] = []  # error records too, so that order is kept
    try:
        for number, raw in enumerate(lines, start=1):
            if raw.strip():
                pending.append(_read(number, raw, gold_spans, cfg.max_bytes))
            if len(pending) >= cfg.batch_size:
                yield from flush(pending)
                pending = []
        yield from flush(pending)
    finally:
        if gaz is not None:
            gaz.close()
