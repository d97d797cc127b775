"""Event filters of the HTTP API turned into SQL conditions.

Every user value becomes a ``?`` parameter; the only SQL text built here comes from constants
in this module (column names, the sort whitelist), so no request can change a query's shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import FieldreportError
from ..export import SCOPES, scope_condition


class ParamError(FieldreportError):
    """A query parameter has a value the API cannot use (the API answers 422)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param


# column sort key -> SQL expression on the events table ``e``
SORTS = {
    "event_date": "e.event_date",
    "fatalities": "e.fatalities",
    "injured": "e.injured",
    "event_type": "e.event_type",
    "sub_event_type": "e.sub_event_type",
    "actor1": "e.actor1",
    "actor2": "e.actor2",
    "country": "e.country",
    "location": "e.location",
}

# the text a ``q`` word may match: the event's own fields, then its evidence sentences
_Q_COLUMNS = ("e.notes", "e.location", "e.actor1", "e.actor2")
_Q_EVIDENCE = "EXISTS (SELECT 1 FROM event_mentions qm WHERE qm.event_id = e.event_id AND qm.sentence {op})"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LIKE = "ILIKE ? ESCAPE '\\'"


@dataclass(frozen=True)
class EventFilters:
    """The event filters every event endpoint takes; all optional, all combined with AND."""

    start: str | None = None
    end: str | None = None
    event_type: Sequence[str] = field(default_factory=tuple)
    sub_event_type: Sequence[str] = field(default_factory=tuple)
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: str | None = None
    story: str | None = None
    q: str | None = None
    scope: str | None = None  # "all" or "political" (export.SCOPES); None is all

    def __post_init__(self) -> None:
        # validate now, so a bad value fails before any query runs
        start, end = parse_date("start", self.start), parse_date("end", self.end)
        if start and end and start > end:
            raise ParamError("end", f"end ({self.end}) is before start ({self.start}).")
        parse_bbox(self.bbox)
        parse_scope(self.scope)

    def where(self, dates: bool = True) -> tuple[str, list[Any]]:
        """The SQL condition on ``e`` (the events table) and its parameters; ``dates=False``
        leaves out start/end (the timeline shows the whole extent under the other filters)."""
        conds: list[str] = []
        params: list[Any] = []

        def add(cond: str, *values: Any) -> None:
            conds.append(cond)
            params.extend(values)

        if dates and self.start:
            add("e.event_date >= ?", self.start)
        if dates and self.end:
            add("e.event_date <= ?", self.end)
        for column, values in (("e.event_type", self.event_type), ("e.sub_event_type", self.sub_event_type)):
            values = [v for v in values if v]
            if values:
                add(f"{column} IN ({', '.join('?' * len(values))})", *values)
        if self.actor:
            pattern = like_pattern(self.actor)
            add(f"(e.actor1 {_LIKE} OR e.actor2 {_LIKE})", pattern, pattern)
        if self.country:
            cond = "(upper(e.country_code) = upper(?) OR lower(e.country) = lower(?))"
            add(cond, self.country, self.country)
        if self.admin1:
            add("lower(e.admin1) = lower(?)", self.admin1)
        box = parse_bbox(self.bbox)
        if box:
            minlon, minlat, maxlon, maxlat = box
            add("e.latitude BETWEEN ? AND ?", minlat, maxlat)
            if minlon <= maxlon:
                add("e.longitude BETWEEN ? AND ?", minlon, maxlon)
            else:  # a box across the antimeridian
                add("(e.longitude >= ? OR e.longitude <= ?)", minlon, maxlon)
        if self.story:
            add("e.story_id = ?", self.story)
        scope = parse_scope(self.scope)
        if scope:
            add(scope)
        for word in words(self.q):
            pattern = like_pattern(word)
            ors = [f"{c} {_LIKE}" for c in _Q_COLUMNS] + [_Q_EVIDENCE.format(op=_LIKE)]
            add("(" + " OR ".join(ors) + ")", *[pattern] * len(ors))
        return " AND ".join(conds), params


def parse_date(param: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD query value as a date, or ParamError."""
    if value is None or value == "":
        return None
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ParamError(param, f"{param} must be a date as YYYY-MM-DD, not {value!r}.") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``minlon,minlat,maxlon,maxlat`` in degrees, or ParamError."""
    if value is None or value == "":
        return None
    message = f"bbox must be minlon,minlat,maxlon,maxlat in degrees, not {value!r}."
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in value.split(","))
    except ValueError:
        raise ParamError("bbox", message) from None
    lons_ok = all(-180 <= x <= 180 for x in (minlon, maxlon))
    lats_ok = all(-90 <= y <= 90 for y in (minlat, maxlat)) and minlat <= maxlat
    if not (lons_ok and lats_ok):
        raise ParamError("bbox", message)
    return minlon, minlat, maxlon, maxlat


def parse_scope(value: str | None) -> str:
    """The SQL condition (a constant of ``export.SCOPES``) of a scope value, or ParamError."""
    try:
        return scope_condition(value or "all")
    except ValueError:
        allowed = ", ".join(SCOPES)
        raise ParamError("scope", f"scope must be one of {allowed}, not {value!r}.") from None


def parse_sort(value: str) -> str:
    """``col`` or ``-col`` as an ORDER BY clause, from the whitelist only; ties by event_id."""
    column = value.removeprefix("-")
    if column not in SORTS:
        allowed = ", ".join(SORTS)
        raise ParamError("sort", f"sort must be one of {allowed}, optionally prefixed with -, not {value!r}.")
    direction = "DESC" if value.startswith("-") else "ASC"
    return f"{SORTS[column]} {direction} NULLS LAST, e.event_id"


def words(q: str | None) -> list[str]:
    """The words of a search, each to be matched somewhere."""
    return (q or "").split()


def like_pattern(text: str) -> str:
    """A substring ILIKE pattern matching ``text`` literally (its % and _ escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
