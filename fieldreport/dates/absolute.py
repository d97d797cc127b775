"""Rules for absolute dates: calendar days ("March 1, 2019", "11th March", "2019-03-01"), months,
years, decades, seasons and quarters."""

from __future__ import annotations

import re
from datetime import date

from . import calendar as cal
from .base import MOD, Rule, rx
from .calendar import Norm
from .context import Ctx
from .lexicon import (
    DAYNUM,
    DAYNUM2,
    MONTH,
    MONTH_AFTER_DAY,
    MONTH_FULL,
    MONTHS,
    NAME_AFTER,
    NAME_BEFORE,
    PREPOSITIONS,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)

_QUANTITY_WORDS = {
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "over",
    "than",
    "approximately",
    "roughly",
    "estimated",
    "additional",
    "another",
    "only",
    "just",
    "least",
    "most",
    "total",
    "all",
    "with",
    "killed",
}
_DETERMINERS = {"a", "the", "its", "his", "her", "their", "our", "that", "this", "whose"}
_NOT_PLURAL = {"was", "is", "has", "as", "its", "this", "his", "us", "versus", "plus", "thus", "series"}


# --- absolute dates ----------------------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Ctx) -> Norm:
    return cal.day_point(date(int(m["year"]), int(m["m"]), int(m["d"])))


def _iso_ok(m: re.Match[str], ctx: Ctx) -> bool:
    return cal.valid_day(int(m["year"]), int(m["m"]), int(m["d"]))


def _month_num(m: re.Match[str]) -> int:
    return MONTHS[m["month"].rstrip(".").lower()]


def _day_ok(m: re.Match[str], ctx: Ctx) -> bool:
    month, day = _month_num(m), int(m["day"])
    if not cal.valid_day(int(m["year"]) if m["year"] else 2000, month, day):
        return False
    if m["day2"] and not (day < int(m["day2"]) <= 31):
        return False
    if ctx.next_word(m.end()).lower() in NAME_AFTER:
        return False  # "the October 6 suburb", "the Feb 20 Movement"
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    return not re.search(r"[\d,.$£€]\s?$", before) or bool(re.search(r"[.,]\s$", before))


def _day_date(m: re.Match[str], ctx: Ctx) -> Norm:
    month, day = _month_num(m), int(m["day"])
    year = int(m["year"]) if m["year"] else None
    if year is None and ctx.anchor is not None:
        year = cal.year_for_day(ctx.anchor, month, day, *ctx.tense(m.start(), m.end()))
    if year is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}")
    n = cal.day_point(date(year, month, day))
    if m["day2"]:
        last = date(year, month, int(m["day2"]))
        return Norm(n.type, n.value, n.date, 1, last, cal.DAY)
    return n


def _numeric_readings(m: re.Match[str]) -> list[tuple[int, int]]:
    """(month, day) readings of "01/03": day first, month first, or both when ambiguous."""
    a, b = int(m["a"]), int(m["b"])
    return [(mo, d) for mo, d in ((b, a), (a, b)) if 1 <= mo <= 12 and 1 <= d <= 31]


def _numeric_year(m: re.Match[str]) -> int | None:
    if not m["y"]:
        return None
    y = int(m["y"])
    return y if y >= 100 else (1900 + y if y >= 30 else 2000 + y)


def _numeric_ok(m: re.Match[str], ctx: Ctx) -> bool:
    year = _numeric_year(m)
    if not any(cal.valid_day(year or 2000, mo, d) for mo, d in _numeric_readings(m)):
        return False
    if _NUMERIC_AFTER.match(ctx.text, m.end(), m.end() + 20):
        return False  # "3/4 km", "1/2%", "5/8th"
    if m["a0"] and not int(m["a0"]) < int(m["a"]):
        return False  # "15-16/02" is a range of days; "16-15/02" is not a date
    if ctx.next_word(m.end()).lower() in NAME_AFTER:
        return False
    if year is not None or m["a0"]:
        return True  # "01/03/2016", "10/27/89", "15-16/02"
    if re.match(r"0\d", m["a"]) or re.match(r"0\d", m["b"]):
        return True  # fractions and scores are never written "03/04"; dates are
    return ctx.prev_word(m.start()).lower() in _NUMERIC_PREV  # "on 01/03", not "a 3/1 vote"


_NUMERIC_PREV = {
    "on",
    "of",
    "dated",
    "since",
    "from",
    "until",
    "till",
    "by",
    "between",
    "and",
    "to",
    "before",
    "in",
    "during",
}
_NUMERIC_AFTER = re.compile(r"[%A-Za-z]|\s*(?:km|kg|mi|m|cm|mm|ft|lb|miles|(?i:percent|per\s+cent))\b")
_DAY_FIRST = re.compile(r"(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?!\d)")
_MONTH_FIRST = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?!\d)")


def _numeric(m: re.Match[str], ctx: Ctx) -> Norm:
    """A numeric date. Ambiguous ones ("01/03") follow the order the text itself uses elsewhere
    ("25/03/2016" is day first, "10/27/89" month first); failing that, day first, the order of
    most of the world outside the United States. (Nearness to the publication date is a poor guide:
    in a report of 3 February, "02/01" read month first, 1 February, is nearer than 2 January.)"""
    readings = _numeric_readings(m)
    year = _numeric_year(m)
    if len(readings) == 2:
        day_first, month_first = _DAY_FIRST.search(ctx.text), _MONTH_FIRST.search(ctx.text)
        if bool(day_first) != bool(month_first):
            readings = [readings[0] if day_first else readings[1]]
    for month, day in readings:
        y = year
        if y is None and ctx.anchor is not None:
            y = cal.year_for_day(ctx.anchor, month, day, *ctx.tense(m.start(), m.end()))
        if y is not None and cal.valid_day(y, month, day):
            if m["a0"] and (month, day) == (int(m["b"]), int(m["a"])):
                first = date(y, month, int(m["a0"]))  # "15-16/02": day first, a range of days
                n = cal.day_point(first)
                return Norm(n.type, n.value, first, 1, date(y, month, day), cal.DAY)
            return cal.day_point(date(y, month, day))
    month, day = readings[0]
    return Norm("DATE", f"XXXX-{month:02d}-{day:02d}")


def _month_rel_year(m: re.Match[str], ctx: Ctx) -> Norm:
    """ "June last year", "January this year", "in March next year"."""
    month = _month_num(m)
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{month:02d}")
    k = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return cal.month_point(ctx.anchor.year + k, month)


def _month_year(m: re.Match[str], ctx: Ctx) -> Norm:
    return cal.month_point(int(m["year"]), _month_num(m))


def _bare_month_ok(m: re.Match[str], ctx: Ctx) -> bool:
    month = m["month"]
    nxt = ctx.next_word(m.end())
    if nxt[:1].isupper() and nxt.lower() not in MONTHS and nxt.lower() not in WEEKDAYS:
        return False  # "June Carter", "March Madness", "May Day"
    if re.match(r"\s*[-‐]\s*[a-z]", ctx.text[m.end() : m.end() + 3]):
        return False
    prev = ctx.prev_word(m.start())
    if month == "May" and re.match(
        r"\s+(?:said|says|told|has|had|was|is|will|would|and\s+\w+\s+said)\b",
        ctx.text[m.end() : m.end() + 30],
    ):
        return False  # Theresa May said
    if prev.lower() in NAME_BEFORE:
        return False
    if m["rel"]:
        return True
    if prev.lower() in PREPOSITIONS and not (month in ("May", "March") and ctx.sentence_initial(m.start())):
        return month != "March" or prev.lower() not in {"to", "and", "or"}
    if month in ("May", "March"):
        return False  # the modal, the verb, the noun
    if prev[:1].isupper() and not ctx.sentence_initial(m.start()):
        return False
    return True


def _bare_month(m: re.Match[str], ctx: Ctx) -> Norm:
    month = _month_num(m)
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{month:02d}")
    if rel == "last":
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
    elif rel == "next":
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = cal.year_for_month(ctx.anchor, month, *ctx.tense(m.start(), m.end()))
    return cal.month_point(year, month)


def _year_ok(m: re.Match[str], ctx: Ctx) -> bool:
    text, start, end = ctx.text, m.start("year"), m.end()
    if start > 0 and text[start - 1] in "-–" and not (start > 1 and text[start - 2].isdigit()):
        if not re.search(r"(?i:mid)[-–]$", text[max(0, start - 4) : start]):
            return False
    if m["mod"]:
        return True
    prev = ctx.prev_word(m.start())
    if prev.lower() in _QUANTITY_WORDS or re.search(
        r"\b(?:up\s+to|more\s+than|as\s+many\s+as)\s+$", text[max(0, start - 20) : start], re.I
    ):
        return False
    if prev.lower() in _DETERMINERS or re.search(r"[’']s$", prev):
        return True  # "the 2014 protests", "the group's 2014 offensive"
    nxt = re.match(r"\s+([a-z]+)\b", text[end : end + 30])
    if nxt and nxt[1].endswith("s") and nxt[1] not in _NOT_PLURAL:
        return False  # "2000 troops"
    if (
        prev[:1].isupper()
        and prev.lower() not in PREPOSITIONS
        and prev.lower() not in MONTHS
        and prev.lower() not in SEASONS
        and not ctx.sentence_initial(m.start() - len(prev) - 1)
    ):
        return False  # "Resolution 2254"
    return True


def _year(m: re.Match[str], ctx: Ctx) -> Norm:
    return cal.year_point(int(m["year"]))


_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS_W.split("|"), start=1)}
_WORD_VALUE.update({w: i for i, w in enumerate(_TEENS_W.split("|"), start=10)})
_WORD_VALUE.update({w: 10 * i for i, w in enumerate(_TENS_W.split("|"), start=2)})


def _words_value(words: str | None) -> int:
    return sum(_WORD_VALUE[w] for w in re.split(r"[\s-]+", (words or "").lower()) if w in _WORD_VALUE)


def _spelled_year_ok(m: re.Match[str], ctx: Ctx) -> bool:
    if not m["cent"] and not m["rest2"] and not m[0].lower().startswith("the"):
        return ctx.prev_word(m.start()).lower() in {"in", "by", "since", "until", "before", "after", "from"}
    nxt = re.match(r"\s+([a-z]+)\b", ctx.text[m.end() : m.end() + 30])
    return not (nxt and nxt[1].endswith("s") and nxt[1] not in _NOT_PLURAL)  # "nineteen ninety troops"


def _spelled_year(m: re.Match[str], ctx: Ctx) -> Norm:
    """ "nineteen ninety-six", "two thousand and one": years as said in broadcast transcripts."""
    if m["cent"]:
        return cal.year_point(100 * _words_value(m["cent"]) + _words_value(m["rest"]))
    return cal.year_point(2000 + _words_value(m["rest2"]))


def _decade(m: re.Match[str], ctx: Ctx) -> Norm:
    if m["dec"]:
        return cal.decade_point(int(m["dec"]))
    d = int(m["dec2"])
    return cal.decade_point((1900 if d >= 30 else 2000) + d)


def _season_ok(m: re.Match[str], ctx: Ctx) -> bool:
    rel = (m["rel"] or "").lower()
    if m["year"] or rel in {"last", "next", "this", "early", "late", "mid"}:
        return True
    word = m["season"]
    if word[:1].isupper() and not ctx.sentence_initial(m.start()):
        return False  # "Arab Spring"
    prev = ctx.prev_word(m.start()).lower()
    if rel == "the" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return False  # "the fall of Mosul"
    ok_prev = {
        "in",
        "during",
        "since",
        "by",
        "until",
        "through",
        "throughout",
        "before",
        "after",
        "over",
        "this",
        "each",
        "every",
        "all",
        "of",
    }
    return prev in ok_prev and word.lower() != "fall" or (rel == "the" and prev in ok_prev)


def _season(m: re.Match[str], ctx: Ctx) -> Norm:
    s = SEASONS[m["season"].lower()]
    if m["year"]:
        return cal.season_point(int(m["year"]), s)
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{s}")
    rel = (m["rel"] or "").lower()
    rel = rel if rel in {"last", "next", "this"} else None
    return cal.season_point(cal.season_year(ctx.anchor, s, ctx.direction(m.start(), m.end()), rel), s)


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _quarter(m: re.Match[str], ctx: Ctx) -> Norm:
    q = _ORD[m["ord"].lower()]
    if m["year"]:
        return cal.quarter_point(int(m["year"]), q)
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-Q{q}")
    return cal.quarter_point(cal.quarter_year(ctx.anchor, q, ctx.direction(m.start(), m.end())), q)


RULES: tuple[Rule, ...] = (
    Rule("iso", rx(r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"), _iso, _iso_ok),
    Rule(
        "mdy",
        rx(rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAYNUM}(?:{DAYNUM2})?(?:,?\s+{YEAR})?(?!\d|:\d|%|,\d)"),
        _day_date,
        _day_ok,
    ),
    Rule(
        "dmy",
        rx(
            rf"\b(?:{WEEKDAY},?\s+)?(?:(?i:the)\s+)?{DAYNUM}(?:{DAYNUM2})?\s+(?:of\s+)?{MONTH_AFTER_DAY}"
            rf"(?:,?\s+{YEAR})?(?!\d)"
        ),
        _day_date,
        _day_ok,
    ),
    Rule(
        "numeric",
        rx(
            r"(?<![\d/.,:])(?:(?P<a0>[0-3]?\d)\s?[-–]\s?)?(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<y>\d{4}|\d{2}))?(?![\d/]|\.\d)"
        ),
        _numeric,
        _numeric_ok,
    ),
    Rule("month_year", rx(rf"\b{MOD}{MONTH},?\s+(?:of\s+)?{YEAR}\b"), _month_year),
    Rule(
        "month_rel_year",
        rx(rf"\b{MOD}(?P<month>{MONTH_FULL})\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b"),
        _month_rel_year,
    ),
    Rule(
        "month",
        rx(
            r"\b(?:(?i:(?P<rel>last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
            r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of))(?:\s+|-))?"
            rf"(?P<month>{MONTH_FULL})\b(?!\s+\d)"
        ),
        _bare_month,
        _bare_month_ok,
    ),
    Rule(
        "year",
        rx(
            rf"(?<![\d,.$£€#:/\w]){MOD}{YEAR}"
            r"(?![\d%]|[.,:]\d|[-‐][A-Za-z]|\s*(?:%|percent|per\s+cent))"
        ),
        _year,
        _year_ok,
    ),
    Rule(
        "spelled_year",
        rx(
            r"\b(?:(?i:the\s+year)\s+)?(?i:(?P<cent>nineteen|eighteen)[\s-]+"
            rf"(?P<rest>(?:{_TENS_W})(?:[\s-]+(?:{_UNITS_W}))?|{_TEENS_W}|o[\s-]+(?:{_UNITS_W}))|"
            rf"two\s+thousand(?:(?:\s+and)?\s+(?P<rest2>{_TEENS_W}|{_UNITS_W}))?)\b"
        ),
        _spelled_year,
        _spelled_year_ok,
    ),
    Rule(
        "decade",
        rx(
            r"(?<![\d,.$])(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?"
            r"(?:(?P<dec>(?:1[89]|20)\d0)s|['’](?P<dec2>\d0)s)\b"
        ),
        _decade,
    ),
    Rule(
        "season",
        rx(
            rf"\b(?:(?i:(?P<rel>last|next|this|early|late|mid|the))[\s-]+)?"
            rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?{YEAR})?\b"
        ),
        _season,
        _season_ok,
    ),
    Rule(
        "quarter",
        rx(
            rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))"
            rf"[\s-]+(?i:quarter)(?:\s+of\s+{YEAR})?\b"
        ),
        _quarter,
    ),
)
