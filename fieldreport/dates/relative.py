"""Rules for days and weeks relative to the publication date or to the last date mentioned:
weekdays ("on Sunday", "late on Monday", "Friday night"), "yesterday", "last week", "the weekend",
"the day after"."""

from __future__ import annotations

import re
from datetime import timedelta

from . import calendar as cal
from .base import MOD, Rule, base_unit, from_ref, rx, unresolved, with_part
from .calendar import Norm
from .context import Ctx
from .lexicon import (
    NAME_BEFORE,
    PARTS,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
)

_PAPERS = {
    "Times",
    "Telegraph",
    "Express",
    "Mirror",
    "Post",
    "Herald",
    "Mail",
    "Independent",
    "Observer",
    "Star",
    "Tribune",
    "World",
    "People",
    "Sport",
    "Age",
    "School",
    "Service",
    "Edition",
    "Magazine",
    "Review",
    "Bloody",
    "Football",
}


# --- weekdays and day words ----------------------------------------------------------------------


def _weekday_ok(m: re.Match[str], ctx: Ctx) -> bool:
    if ctx.prev_word(m.start()).lower() in NAME_BEFORE:
        return False  # "Good Friday", "Bloody Sunday"
    if not m["part"]:
        nxt = re.match(r"(?:[’']s)?\s+([A-Z]\w+)", ctx.text[m.end() : m.end() + 30])
        if nxt and nxt[1] in _PAPERS:
            return False  # "Sunday Times"
    return True


def _weekday(m: re.Match[str], ctx: Ctx) -> Norm:
    wd = WEEKDAYS[m["wd"].lower()]
    part = PARTS[m["part"].lower()] if m["part"] else None
    if m["pl"]:
        return Norm("SET", f"XXXX-WXX-{wd + 1}")
    if ctx.anchor is None:
        return Norm("TIME" if part else "DATE", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""))
    rel = (m["rel"] or "").lower()
    ref = ctx.ref.date if ctx.ref is not None and ctx.ref.gran == cal.DAY else None
    if rel in {"previous", "following"} and ref is not None:  # "the previous Friday": before the last date
        d = cal.resolve_weekday(ref, wd, -1 if rel == "previous" else 1, strict=True)
    elif rel in {"last", "past", "previous"}:
        d = cal.resolve_weekday(ctx.anchor, wd, -1, strict=True)
    elif rel in {"next", "coming", "following"}:
        d = cal.resolve_weekday(ctx.anchor, wd, 1, strict=True)
    elif rel == "this":
        d = cal.weekday_in_week(ctx.anchor, wd)
    else:
        d = cal.resolve_weekday(ctx.anchor, wd, ctx.direction(m.start(), m.end()))
    return cal.day_point(d, part)


_DAYWORD = {
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "tonight": 0,
    "overnight": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_DAYWORD_REF = {-2: "PAST_REF", -1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF", 2: "FUTURE_REF"}


def _dayword_ok(m: re.Match[str], ctx: Ctx) -> bool:
    return ctx.prev_word(m.start()) not in {"USA", "Today"}


def _dayword(m: re.Match[str], ctx: Ctx) -> Norm:
    w = re.sub(r"\s+", " ", m["w"].lower())
    k = _DAYWORD[w]
    part = PARTS[m["part"].lower()] if m["part"] else ("NI" if w in {"tonight", "overnight"} else None)
    if ctx.anchor is None:
        return Norm("TIME" if part else "DATE", _DAYWORD_REF[k])
    return cal.day_point(ctx.anchor + timedelta(days=k), part)


def _rel_unit(m: re.Match[str], ctx: Ctx) -> Norm:
    rel = re.sub(r"^the\s+|very\s+", "", re.sub(r"\s+", " ", m["rel"].lower()))
    word = m["unit"].lower()
    part = PARTS.get(word) if word in {"morning", "afternoon", "evening", "night"} else None
    gran = cal.DAY if part else UNITS[base_unit(word)][2]
    a = ctx.anchor
    if rel == "past" and not part:
        code = UNITS[base_unit(word)][0]
        rng = None
        if a is not None and gran in (cal.DAY, cal.WEEK):
            days = 1 if gran == cal.DAY else 7
            rng = (a - timedelta(days=days - 1), a)
        if rng is None:
            return Norm("DURATION", f"P1{code}")
        return Norm("DURATION", f"P1{code}", rng[0], 1, rng[1])
    n: Norm | None
    if rel in {"that", "same"}:
        n = from_ref(ctx, gran, 0)
    elif rel == "previous":
        n = from_ref(ctx, gran, -1) or (cal.shift(a, gran, -1) if a else None)
    elif rel in {"following"} or (rel == "next" and m["rel"].lower().startswith("the")):
        n = from_ref(ctx, gran, 1) or (cal.shift(a, gran, 1) if a else None)
    elif a is None:
        n = None
    elif rel in {"this", "current"}:
        n = cal.shift(a, gran, 0)
    elif rel in {"last", "past"}:
        n = cal.shift(a, gran, -1)
    else:  # next, coming
        n = cal.shift(a, gran, 1)
    if n is None:
        return unresolved(gran, part)
    return with_part(n, part) or n


def _rel_unit_ok(m: re.Match[str], ctx: Ctx) -> bool:
    rel = m["rel"].lower()
    word = m["unit"].lower()
    if rel.split()[-1] == "last" and word == "day":
        return False  # "the last day of ..." is not anchored
    return True


_WEEKEND_PREV = {
    "over",
    "during",
    "at",
    "on",
    "through",
    "throughout",
    "since",
    "by",
    "until",
    "for",
    "of",
    "after",
    "before",
}


def _weekend_ok(m: re.Match[str], ctx: Ctx) -> bool:
    return ctx.prev_word(m.start()).lower() in _WEEKEND_PREV


def _weekend(m: re.Match[str], ctx: Ctx) -> Norm:
    a = ctx.anchor
    if a is None:
        return Norm("DATE", "XXXX-WXX-WE")
    if a.weekday() >= 5:
        return cal.weekend_point(a)
    past = ctx.direction(m.start(), m.end()) < 0
    return cal.weekend_point(a - timedelta(weeks=1) if past else a)


def _the_unit_after(m: re.Match[str], ctx: Ctx) -> Norm:
    word = m["u"].lower()
    gran = cal.DAY if word == "night" else UNITS[word][2]
    part = "NI" if word == "night" else None
    k = -1 if m["dir"].lower() in {"before", "earlier", "prior"} else 1
    clause_end = re.match(r"\s*(?:[,.;:!?)]|$|and\b|but\b|when\b|as\b)", ctx.text[m.end() : m.end() + 6])
    n = from_ref(ctx, gran, k) if clause_end else None
    return with_part(n, part) or unresolved(gran, part)


RULES: tuple[Rule, ...] = (
    Rule(
        "weekday",
        rx(
            r"\b(?:(?i:(?P<mod>early|late|earlier|later))(?:\s+on)?\s+)?"
            r"(?:(?i:(?P<rel>last|next|this|past|coming|previous|following))\s+)?"
            rf"{WEEKDAY}(?P<pl>s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
        ),
        _weekday,
        _weekday_ok,
    ),
    Rule(
        "dayword",
        rx(
            r"\b(?:(?i:(?P<mod>early|late|earlier|later))\s+)?"
            r"(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|overnight))"
            r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
        ),
        _dayword,
        _dayword_ok,
    ),
    Rule(
        "rel_unit",
        rx(
            rf"\b{MOD}(?P<rel>(?i:(?:the\s+)?(?:past|last|previous|following|next|coming|same|"
            r"very\s+same|current)|last|this|that))\s+"
            r"(?P<unit>(?i:day|night|weekend|week|month|year|decade|century|quarter|morning|"
            r"afternoon|evening))\b"
        ),
        _rel_unit,
        _rel_unit_ok,
    ),
    Rule("weekend", rx(r"\b(?i:the\s+weekend)\b"), _weekend, _weekend_ok),
    Rule(
        "the_unit_after",
        rx(
            r"\b(?i:the\s+(?P<u>day|night|week|month|year)\s+"
            r"(?P<dir>before|after|earlier|later|prior))\b"
        ),
        _the_unit_after,
    ),
)
