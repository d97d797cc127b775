"""JSON lines in, one record out per line: the reading the commands for any text share
(``geoparse``, ``timex``, ``classify``).

Each input line is an object with at least ``id`` (a string or an integer) and ``text``. A bad
line never stops a run and never disappears: it becomes ``{"id", "line", "error"}`` in its
place, so outputs join back to inputs line by line. Lines are worked on in batches (a spaCy
batch, say) but always come out in input order.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .ids import normalise_text, stable_id
from .records import Article

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Line:
    """One usable input line."""

    number: int  # 1-based, counting empty lines, so an error can point at the line in the file
    id: str | int
    text: str
    obj: dict[str, Any] = field(repr=False)  # the whole object, for a command's own fields


def error(number: int, reason: str, id_: Any = None) -> dict[str, Any]:
    return {"id": id_, "line": number, "error": reason}


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # JSON true is not a number here


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_line(number: int, raw: str | bytes, max_bytes: int) -> Line | dict[str, Any]:
    """A usable line, or its error record."""
    if len(raw) > max_bytes:  # characters, for text lines: a lower bound of the bytes
        return error(number, f"line longer than max_bytes ({max_bytes})")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return error(number, f"invalid UTF-8 at byte {e.start}")
    if number == 1:
        raw = raw.removeprefix("\ufeff")  # a BOM some editors write
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return error(number, f"malformed JSON: {e.msg} at column {e.colno}")
    except (ValueError, RecursionError) as e:  # a 5000-digit number, nesting too deep to parse
        return error(number, f"unreadable JSON: {type(e).__name__}")
    if not isinstance(obj, dict):
        return error(number, "not a JSON object")
    id_ = obj.get("id")
    if id_ is None:
        return error(number, "missing id")
    if not (isinstance(id_, str) or is_int(id_)):
        # echoed when it is a plain value, to help find the line; NaN would not be JSON
        shown = id_ if isinstance(id_, bool) or (isinstance(id_, float) and math.isfinite(id_)) else None
        return error(number, "id must be a string or an integer", shown)
    if not _encodable(str(id_)):
        return error(number, "id holds an unpaired surrogate (a \\ud800-\\udfff escape)")
    text = obj.get("text")
    if not isinstance(text, str):
        return error(number, "missing text" if text is None else "text must be a string", id_)
    if not _encodable(text):  # it could not be written back out as UTF-8
        return error(number, "text holds an unpaired surrogate (a \\ud800-\\udfff escape)", id_)
    return Line(number, id_, text, obj)


def article(line: Line, command: str) -> Article:
    """The text of a line as an Article, exactly as given (no cleaning: offsets index it)."""
    content_hash = stable_id(normalise_text(line.text))
    return Article(
        article_id=stable_id(content_hash, None),
        content_hash=content_hash,
        origin=f"{command}:line {line.number}",
        fmt="txt",
        raw=line.text,
        text=line.text,
        source_id=str(line.id),
    )


def in_batches(
    lines: Iterable[str | bytes],
    size: int,
    read: Callable[[int, str | bytes], T | dict[str, Any]],
    work: Callable[[Sequence[T]], Iterator[dict[str, Any]]],
) -> Iterator[dict[str, Any]]:
    """One record per non-empty line, in order: ``read`` each line into an item or an error
    record, and every ``size`` lines hand the items to ``work``, which yields their records in
    the order given. ``work`` is not called for a batch of error records only."""
    pending: list[T | dict[str, Any]] = []

    def flush() -> Iterator[dict[str, Any]]:
        items = [p for p in pending if not isinstance(p, dict)]
        done = iter(work(items)) if items else iter(())
        for p in pending:
            yield p if isinstance(p, dict) else next(done)

    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            pending.append(read(number, raw))
        if len(pending) >= size:
            yield from flush()
            pending = []
    yield from flush()
