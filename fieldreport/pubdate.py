"""Reading publication dates: declared metadata values and timestamp lines in the text.

Only full dates (with a year) are read, and none is guessed: ``03/04/2019`` could be
3 April or 4 March, so it gives no date, while ``13/04/2019`` and ``03/03/2019`` do.
The calendar day is the one written, never converted to another time zone.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterator
from dataclasses import dataclass

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
# A month name (any case, no groups), for use inside other patterns.
MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
# A weekday name or abbreviation (lower case; use with re.I or (?i:...)).
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"

_DATE_MDY = re.compile(
    rf"\b(?P<mon>{MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I
)
_DATE_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})\.?,?\s+(?P<year>\d{{4}})\b", re.I
)
_DATE_YMD = re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d/])")
# 03/03/2019, 13.04.2019: day-first or month-first, told apart only when one part is over 12.
_DATE_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d/-])(?!\.\d)"
)

_TIME = r"\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\.\d+)?(?:\s*[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?"
_ZONE = r"(?:GMT|UTC|Z|ET|CT|PT|[A-Z]{1,4}T)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}"
# What a timestamp line may hold beside its date: weekday, clock time, time zone, "at"/"on".
_STAMP_EXTRA = re.compile(
    rf"(?i:\b{WEEKDAY}\b\.?|\bat\b|\bon\b)"
    rf"|(?:\bT)?(?i:{_TIME})(?:\s*(?:{_ZONE}))?(?!\w)"
    rf"|\b(?:{_ZONE})(?!\w)"
)
_STAMP_PUNCT = " ,|.:;-–—()/"
# "Published: 4 March 2019 10:42 GMT", "Updated on Monday, March 4, 2019": the stamp must
# follow at once, so a sentence like "Published reports say ..." is not taken for one.
LABELLED = re.compile(
    r"^(?P<label>first published|published|posted|last updated|updated)(?:\s*:\s*|\s+(?:on|at)\s+|\s+)"
    rf"(?P<rest>(?:\d|{MONTH}\b|{WEEKDAY}\b).*)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A timestamp line: its label and the date it states."""

    label: str  # "" when the line has none, else lower case: "published", "updated", ...
    date: str | None  # YYYY-MM-DD; None when the date is written ambiguously (03/04/2019)


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(a: int, b: int, year: int) -> str | None:
    if a > 12:
        return _ymd(year, b, a)
    if b > 12 or a == b:
        return _ymd(year, a, b)
    return None  # both could be the month: not guessed


def _dates(text: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, YYYY-MM-DD or None when unreadable) of every full date, in text order."""
    found = []
    for rx in (_DATE_MDY, _DATE_DMY, _DATE_YMD, _DATE_NUMERIC):
        for m in rx.finditer(text):
            g = m.groupdict()
            if "mon" in g:
                value = _ymd(int(g["year"]), _MONTHS[g["mon"].lower()], int(g["day"]))
            elif "m" in g:
                value = _ymd(int(g["year"]), int(g["m"]), int(g["d"]))
            else:
                value = _numeric(int(g["a"]), int(g["b"]), int(g["year"]))
            found.append((m.start(), m.end(), value))
    yield from sorted(found, key=lambda f: (f[0], -f[1]))


def find_date(text: str) -> str | None:
    """The first readable full date (with a year) written in ``text``, as YYYY-MM-DD."""
    return next((value for _, _, value in _dates(text) if value), None)


def normalise_date(value: str | None) -> str | None:
    """A declared date (ISO 8601, RFC 822, "March 3, 2019", "3 March 2019", "2019/03/03",
    "13/03/2019") as YYYY-MM-DD, or None when it cannot be read; never a guess."""
    if not value or not value.strip():
        return None
    s = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", s)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", s):
        parsed = email.utils.parsedate_tz(s)
        if parsed:
            return _ymd(parsed[0], parsed[1], parsed[2])
    return find_date(s)


def _only_extras(text: str) -> bool:
    return not _STAMP_EXTRA.sub(" ", text).strip(_STAMP_PUNCT)


def stamp(line: str) -> Stamp | None:
    """The timestamp a line is, or None when it is anything else.

    A labelled line ("Published 03/03/2019 19:05", "Updated: 4 March 2019 10:42 GMT") may
    go on after its date ("| Staff reports"); an unlabelled one ("Saturday 2 March 2019,
    09:40 GMT", "2019-03-03 14:00") must hold nothing but the date, weekday, time and zone.
    """
    line = line.strip()
    m = LABELLED.match(line)
    if m:
        rest = m["rest"]
        first = next(_dates(rest), None)
        if first is None or not _only_extras(rest[: first[0]]):
            return None
        return Stamp(m["label"].lower(), first[2])
    first = next(_dates(line), None)
    if first is None or not _only_extras(line[: first[0]] + " " + line[first[1] :]):
        return None
    return Stamp("", first[2])


# Words that put a date in the future of the report: "talks are due on June 3, 2019".
_FUTURE = re.compile(
    r"\b(?:will|would|shall|scheduled|planned|plans?|due|expected|next|until|by|before|deadline"
    r"|upcoming|set to|to be held|starting)\b",
    re.I,
)


def contradicted(published: str, text: str, slack_days: int = 2) -> str | None:
    """A full date in ``text`` that a report published on ``published`` cannot have written as
    the past (a 2017 header on a story that says "March 1, 2019"), or None.

    A date in a sentence that looks ahead ("will", "due", "scheduled") does not count.
    """
    try:
        limit = dt.date.fromisoformat(published) + dt.timedelta(days=slack_days)
    except ValueError:
        return None
    for start, end, value in _dates(text):
        if not value or dt.date.fromisoformat(value) <= limit:
            continue
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        if _FUTURE.search(text[sentence_start:start]):
            continue
        return text[start:end]
    return None
