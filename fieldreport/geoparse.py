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
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .errors import ConfigError
from .events import ActorDictionary
from .geo import Gazetteer, find_places, focus_countries
from .geo.namesakes import FRAME
from .geo.toponyms import NON_LITERAL
from .jsonl import Line, article, error, in_batches, is_int, read_line
from .nlp import parse
from .records import Place
from .settings import Config

_Item = tuple[Line, tuple[tuple[int, int], ...]]


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


def _spans(value: Any, length: int) -> tuple[tuple[int, int], ...] | str:
    """The gold spans, or the reason they cannot be used."""
    if not isinstance(value, list):
        return "spans must be a list of {start, end} objects (needed with --gold-spans)"
    out = []
    for i, span in enumerate(value):
        if not isinstance(span, dict) or not is_int(span.get("start")) or not is_int(span.get("end")):
            return f"span {i}: needs integer start and end, got {json.dumps(span)[:80]}"
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= length:
            return f"span {i}: [{start}, {end}) is not a non-empty range within the text (length {length})"
        out.append((start, end))
    return tuple(out)


def _read(number: int, raw: str | bytes, gold_spans: bool, max_bytes: int) -> _Item | dict[str, Any]:
    """A usable line with its gold spans, or its error record."""
    line = read_line(number, raw, max_bytes)
    if isinstance(line, dict) or not gold_spans:
        return line if isinstance(line, dict) else (line, ())
    got = _spans(line.obj.get("spans"), len(line.text))
    return error(number, got, line.id) if isinstance(got, str) else (line, got)


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
    try:
        focus = focus_countries(cfg.geo_focus)
    except ValueError as e:
        raise ConfigError(f"{e}. Fix geo_focus in your settings file.") from e
    actors = ActorDictionary.load(cfg.actors_path)

    def work(items: Sequence[_Item]) -> Iterator[dict[str, Any]]:
        nonlocal gaz
        if gaz is None:  # opened only when a line needs it: first use builds the index
            gaz = Gazetteer.load(cfg)
        for (line, spans), parsed in zip(
            items, parse([article(x, "geoparse") for x, _ in items], cfg), strict=True
        ):
            given = spans if gold_spans else None
            # as the pipeline reads places: actor names ("al Shabaab") are not villages
            named = [(m.start, m.end) for m in actors.find(parsed.article.text)]
            found = find_places(
                parsed.article, parsed.doc, gaz, given, mentions=mentions, focus=focus, not_places=named
            )
            # only places of the text itself: offsets index it (an input line has no dateline
            # or title, but the contract holds whatever find_places adds)
            yield {"id": line.id, "places": [place_dict(p) for p in found if p.source not in FRAME]}

    try:
        yield from in_batches(
            lines, cfg.batch_size, lambda n, raw: _read(n, raw, gold_spans, cfg.max_bytes), work
        )
    finally:
        if gaz is not None:
            gaz.close()
