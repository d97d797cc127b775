"""Rules for counted units ("two weeks ago", "the past two days", "three years"), references
("now", "recently"), sets ("every Friday", "daily") and clock times ("9 a.m.")."""

from __future__ import annotations

import re
from datetime import timedelta

from . import calendar as cal
from .base import UNIT_PL, Rule, base_unit, from_ref, rx
from .calendar import Norm
from .context import Ctx
from .lexicon import (
    NUM,
    QUANT,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY,
    WEEKDAYS,
    fmt_number,
    parse_number,
)

# --- counted units: ago, later, durations --------------------------------------------------------


def _count(m: re.Match[str]) -> float | None:
    num = m["num"]
    if num is None or re.sub(r"\s+", " ", num.lower()) in VAGUE_NUMBERS:
        return None
    n = parse_number(num)
    if n is not None and base_unit(m["unit"]) == "fortnight":
        n *= 2
    return n


def _count_ok(m: re.Match[str], ctx: Ctx) -> bool:
    num = (m["num"] or "").lower()
    if base_unit(m["unit"]) == "second" and num in {"a", "an", ""}:
        return False  # "a second time"
    adj = m.groupdict().get("adj") or ""
    if re.match(r"(?:[-‐]|\s+)olds?\b", ctx.text[m.end() : m.end() + 6]) or adj.endswith("old"):
        return False  # ages
    return not re.search(r"[\d,./]$", ctx.text[max(0, m.start() - 1) : m.start()])


def _ago(m: re.Match[str], ctx: Ctx) -> Norm:
    unit = base_unit(m["unit"])
    code, is_time, gran = UNITS[unit]
    if unit == "fortnight":
        gran = cal.WEEK
    n = _count(m)
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    k = -1 if direction in {"ago", "earlier"} else 1
    fallback = Norm("DATE", "PAST_REF" if k < 0 else "FUTURE_REF")
    if direction in {"ago", "from now"}:
        if ctx.anchor is None:
            return fallback
        if is_time:
            return cal.day_point(ctx.anchor)  # "hours ago": the day of the report
        if n is None or n != int(n) or gran is None:
            return fallback
        return cal.shift(ctx.anchor, gran, k * int(n)) or fallback
    if n is None or n != int(n) or gran is None:
        return fallback
    return from_ref(ctx, gran, k * int(n)) or fallback


def _duration_norm(n: float | None, code: str, is_time: bool) -> Norm:
    if code in ("DE", "CE") and n is not None:  # TimeML corpora write decades as years
        n, code = n * (10 if code == "DE" else 100), "Y"
    return Norm("DURATION", ("PT" if is_time else "P") + fmt_number(n) + code)


_RANGE_QUANT = {
    "the past": -1,
    "the last": -1,
    "past": -1,
    "last": -1,
    "the previous": -1,
    "the next": 1,
    "the coming": 1,
    "next": 1,
}


def _duration(m: re.Match[str], ctx: Ctx) -> Norm:
    unit = base_unit(m["unit"])
    code, is_time, gran = UNITS[unit]
    n = _count(m)
    norm = _duration_norm(n, code, is_time)
    if (m["sig"] or "").lower() == "later" and n is not None and n == int(n) and gran is not None:
        # "two days later": a duration (TimeML leaves the signal out) that dates the day it ends on
        if unit == "fortnight":
            gran = cal.WEEK
        later = from_ref(ctx, gran, int(n))
        if later is not None:
            return Norm("DURATION", norm.value, later.date, later.precision)
    q = re.sub(r"\s+", " ", (m["q"] or "").lower())
    side = _RANGE_QUANT.get(q)
    days_per = {cal.DAY: 1, cal.WEEK: 7}.get(gran or "")
    if side and days_per and ctx.anchor is not None and n is not None and n == int(n) and 0 < n <= 60:
        span = int(n) * days_per
        a = ctx.anchor
        if side < 0:
            start, end = a - timedelta(days=span - 1), a
        else:
            start, end = a + timedelta(days=1), a + timedelta(days=span)
        return Norm("DURATION", norm.value, start, 1, end)
    return norm


def _vague_duration_ok(m: re.Match[str], ctx: Ctx) -> bool:
    if m["rel"] or m["adj"] or ctx.next_word(m.end()).lower() in {"before", "after", "later"}:
        return True
    return ctx.prev_word(m.start()).lower() in {
        "for",
        "over",
        "within",
        "after",
        "during",
        "lasting",
        "in",
        "took",
        "takes",
        "spent",
        "spend",
    }


def _vague_duration(m: re.Match[str], ctx: Ctx) -> Norm:
    code, is_time, _ = UNITS[base_unit(m["unit"])]
    return _duration_norm(None, code, is_time)


# --- references, sets, clock times -----------------------------------------------------------------

_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "current": "PRESENT_REF",
    "recent": "PAST_REF",
    "soon": "FUTURE_REF",
}


# "current" and "recent" are references only as adjectives before a noun, not "the current was"
_NOT_A_NOUN = (
    r"(?:was|is|are|were|has|had|have|of|and|or|in|on|at|to|that|which|from|will|would|can|could|may|"
    r"might|should|flows?|runs?)"
)


def _ref_word(m: re.Match[str], ctx: Ctx) -> Norm:
    if m["fut"]:
        return Norm("DATE", "FUTURE_REF")
    return Norm("DATE", _REFS[re.sub(r"\s+", " ", m["w"].lower())])


def _ref_ok(m: re.Match[str], ctx: Ctx) -> bool:
    if m["fut"]:
        return True
    return not (m["w"].lower() == "soon" and ctx.prev_word(m.start()).lower() in {"as", "too", "how"})


_SET_UNIT = {
    "day": "P1D",
    "night": "P1D",
    "week": "P1W",
    "weekend": "P1WE",
    "month": "P1M",
    "year": "P1Y",
    "hour": "PT1H",
    "morning": "XXXX-XX-XXTMO",
    "afternoon": "XXXX-XX-XXTAF",
    "evening": "XXXX-XX-XXTEV",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def _set_ok(m: re.Match[str], ctx: Ctx) -> bool:
    if m["adv"] and m["adv"][0].isupper():
        return not ctx.next_word(m.end())[:1].isupper()  # "Daily Mail"
    return True


def _set(m: re.Match[str], ctx: Ctx) -> Norm:
    if m["wd"]:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    word = (m["u"] or m["adv"] or m["u2"]).lower()
    return Norm("SET", _SET_UNIT[word])


def _clock_ok(m: re.Match[str], ctx: Ctx) -> bool:
    if m["h"] is not None:
        return 1 <= int(m["h"]) <= 12
    if m["h24"] is not None:
        return int(m["h24"]) <= 24
    return True


def _clock(m: re.Match[str], ctx: Ctx) -> Norm:
    if m["nm"]:
        hh, mm = (24, 0) if m["nm"].lower() == "midnight" else (12, 0)
    elif m["h"] is not None:
        hh, mm = int(m["h"]) % 12, int(m["mi"] or 0)
        if m["ap"].lower().startswith("p"):
            hh += 12
    else:
        hh, mm = int(m["h24"]), int(m["mi24"])
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return Norm("TIME", f"{day}T{hh:02d}:{mm:02d}")


RULES: tuple[Rule, ...] = (
    Rule(
        "ago",
        rx(
            rf"\b(?:(?i:{QUANT})\s+)?(?:(?i:{NUM})(?:\s+|-))?(?i:{UNIT_PL})\s+"
            r"(?P<dir>(?i:ago|earlier(?!\s+than)|from\s+now))\b"
        ),
        _ago,
        _count_ok,
    ),
    Rule(
        "duration",
        rx(
            rf"\b(?:(?i:{QUANT})\s+)?(?i:{NUM})(?:\s+|[-‐])(?i:{UNIT_PL})"
            r"(?P<adj>[-‐]long|[-‐]old)?\b(?=\s+(?P<sig>(?i:later|after|before))\b)?"
        ),
        _duration,
        _count_ok,
    ),
    Rule(
        "vague_duration",
        rx(
            r"\b(?:(?P<rel>(?i:recent|the\s+coming|the\s+past|the\s+last|past|coming|"
            r"previous|the\s+previous|the\s+next))\s+)?(?:(?i:few|several|many)\s+)?"
            r"(?P<unit>(?i:seconds|minutes|hours|days|nights|weeks|weekends|months|years|"
            r"decades|centuries))(?P<adj>[-‐]long)?\b"
        ),
        _vague_duration,
        _vague_duration_ok,
    ),
    Rule(
        "ref",
        rx(
            r"\b(?P<w>(?i:right\s+now|now|currently|recently|nowadays|at\s+present|at\s+the\s+moment|"
            r"these\s+days|lately|the\s+past|the\s+future|soon(?!\s+(?:as|after)\b)|"
            rf"(?:current|recent)(?=\s+(?!{_NOT_A_NOUN}\b)[a-z])))\b|"
            r"\b(?P<fut>(?i:(?:the\s+)?(?:near|distant|foreseeable|immediate)\s+future))\b"
        ),
        _ref_word,
        _ref_ok,
    ),
    Rule(
        "set",
        rx(
            rf"\b(?:(?i:every|each)\s+(?:(?i:other)\s+)?"
            rf"(?:(?P<u>(?i:day|night|weekend|week|month|year|morning|afternoon|evening))|{WEEKDAY})|(?P<adv>(?i:daily|nightly|weekly|monthly|annually|"
            r"yearly|hourly))|(?i:once|twice|\w+\s+times)\s+(?i:a|an|per|every|each)\s+"
            r"(?P<u2>(?i:day|night|week|month|year|hour)))\b"
        ),
        _set,
        _set_ok,
    ),
    Rule(
        "clock",
        rx(
            r"\b(?:(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))|"
            r"(?P<h24>[0-2]\d):?(?P<mi24>[0-5]\d)\s*(?:GMT|UTC|(?i:local\s+time))|"
            r"(?P<nm>(?i:noon|midnight|midday))\b)"
        ),
        _clock,
        _clock_ok,
    ),
)
