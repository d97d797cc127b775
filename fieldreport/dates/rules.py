"""Recognition rules: one regular expression per kind of expression, a check of its context
(to drop false friends: "May" the modal, "the march", "Sunday Times", "2,500 troops") and a
normaliser to a TimeML value.

Spans follow TimeML: leading prepositions ("on", "in") stay out, modifiers that belong to the
expression ("late on", "last", "nearly ... ago") stay in. "since" is added by a later pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import calendar as cal
from .calendar import Norm
from .context import Ctx
from .lexicon import (
    DAYNUM,
    DAYNUM2,
    MODS,
    MONTH,
    MONTH_FULL,
    MONTHS,
    NAME_BEFORE,
    NUM,
    PARTS,
    PREPOSITIONS,
    QUANT,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    fmt_number,
    parse_number,
)

Accept = Callable[[re.Match[str], Ctx], bool]
Normalise = Callable[[re.Match[str], Ctx], Norm]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normalise
    accept: Accept | None = None


UNRESOLVED = {
    cal.DAY: "XXXX-XX-XX",
    cal.WEEK: "XXXX-WXX",
    cal.WEEKEND: "XXXX-WXX-WE",
    cal.MONTH: "XXXX-XX",
    cal.QUARTER: "XXXX-QX",
    cal.YEAR: "XXXX",
    cal.DECADE: "XXX",
}
_UNIT_PL = (
    r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|years?|"
    r"decades?|centur(?:y|ies))"
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


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


def _unresolved(gran: str | None, part: str | None = None) -> Norm:
    value = UNRESOLVED.get(gran or "", "XXXX-XX-XX")
    return Norm("TIME" if part else "DATE", value + (f"T{part}" if part else ""))


def _from_ref(ctx: Ctx, gran: str, k: int) -> Norm | None:
    """The point ``k`` units of ``gran`` from the last date mentioned (anaphora)."""
    ref = ctx.ref
    if ref is None or ref.gran is None or cal.GRAN_RANK.get(ref.gran, 9) > cal.GRAN_RANK.get(gran, 9):
        return None
    base = cal.representative(ref)
    return cal.shift(base, gran, k) if base else None


def _with_part(n: Norm | None, part: str | None) -> Norm | None:
    if n is None or part is None or n.date is None:
        return n
    return cal.day_point(n.date, part)


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
    gran = cal.DAY if part else UNITS[_unit(word)][2]
    a = ctx.anchor
    if rel == "past" and not part:
        code = UNITS[_unit(word)][0]
        rng = None
        if a is not None and gran in (cal.DAY, cal.WEEK):
            days = 1 if gran == cal.DAY else 7
            rng = (a - timedelta(days=days - 1), a)
        if rng is None:
            return Norm("DURATION", f"P1{code}")
        return Norm("DURATION", f"P1{code}", rng[0], 1, rng[1])
    n: Norm | None
    if rel in {"that", "same"}:
        n = _from_ref(ctx, gran, 0)
    elif rel == "previous":
        n = _from_ref(ctx, gran, -1) or (cal.shift(a, gran, -1) if a else None)
    elif rel in {"following"} or (rel == "next" and m["rel"].lower().startswith("the")):
        n = _from_ref(ctx, gran, 1) or (cal.shift(a, gran, 1) if a else None)
    elif a is None:
        n = None
    elif rel in {"this", "current"}:
        n = cal.shift(a, gran, 0)
    elif rel in {"last", "past"}:
        n = cal.shift(a, gran, -1)
    else:  # next, coming
        n = cal.shift(a, gran, 1)
    if n is None:
        return _unresolved(gran, part)
    return _with_part(n, part) or n


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


# --- counted units: ago, later, durations --------------------------------------------------------


def _count(m: re.Match[str]) -> float | None:
    num = m["num"]
    if num is None or re.sub(r"\s+", " ", num.lower()) in VAGUE_NUMBERS:
        return None
    n = parse_number(num)
    if n is not None and _unit(m["unit"]) == "fortnight":
        n *= 2
    return n


def _count_ok(m: re.Match[str], ctx: Ctx) -> bool:
    num = (m["num"] or "").lower()
    if _unit(m["unit"]) == "second" and num in {"a", "an", ""}:
        return False  # "a second time"
    adj = m.groupdict().get("adj") or ""
    if re.match(r"(?:[-‐]|\s+)olds?\b", ctx.text[m.end() : m.end() + 6]) or adj.endswith("old"):
        return False  # ages
    return not re.search(r"[\d,.]$", ctx.text[max(0, m.start() - 1) : m.start()])


def _ago(m: re.Match[str], ctx: Ctx) -> Norm:
    unit = _unit(m["unit"])
    code, is_time, gran = UNITS[unit]
    if unit == "fortnight":
        gran = cal.WEEK
    n = _count(m)
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in {"after", "before"}:
        return _duration_norm(n, code, is_time)
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
    return _from_ref(ctx, gran, k * int(n)) or fallback


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
    unit = _unit(m["unit"])
    code, is_time, gran = UNITS[unit]
    n = _count(m)
    norm = _duration_norm(n, code, is_time)
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
    if m["rel"] or m["adj"]:
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
    code, is_time, _ = UNITS[_unit(m["unit"])]
    return _duration_norm(None, code, is_time)


def _the_unit_after(m: re.Match[str], ctx: Ctx) -> Norm:
    word = m["u"].lower()
    gran = cal.DAY if word == "night" else UNITS[word][2]
    part = "NI" if word == "night" else None
    k = -1 if m["dir"].lower() in {"before", "earlier", "prior"} else 1
    clause_end = re.match(r"\s*(?:[,.;:!?)]|$|and\b|but\b|when\b|as\b)", ctx.text[m.end() : m.end() + 6])
    n = _from_ref(ctx, gran, k) if clause_end else None
    return _with_part(n, part) or _unresolved(gran, part)


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
    "soon": "FUTURE_REF",
}


def _ref_word(m: re.Match[str], ctx: Ctx) -> Norm:
    return Norm("DATE", _REFS[re.sub(r"\s+", " ", m["w"].lower())])


def _ref_ok(m: re.Match[str], ctx: Ctx) -> bool:
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


# --- the table ------------------------------------------------------------------------------------


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p)


_MOD = rf"(?:(?i:{MODS})\s+|(?i:mid)-)?"
RULES: tuple[Rule, ...] = (
    Rule("iso", _c(r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"), _iso, _iso_ok),
    Rule(
        "mdy",
        _c(rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAYNUM}(?:{DAYNUM2})?(?:,?\s+{YEAR})?(?!\d|:\d|%|,\d)"),
        _day_date,
        _day_ok,
    ),
    Rule(
        "dmy",
        _c(
            rf"\b(?:{WEEKDAY},?\s+)?(?:(?i:the)\s+)?{DAYNUM}(?:{DAYNUM2})?\s+(?:of\s+)?{MONTH}"
            rf"(?:,?\s+{YEAR})?(?!\d)"
        ),
        _day_date,
        _day_ok,
    ),
    Rule("month_year", _c(rf"\b{_MOD}{MONTH},?\s+(?:of\s+)?{YEAR}\b"), _month_year),
    Rule(
        "month",
        _c(
            r"\b(?:(?i:(?P<rel>last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
            r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of))(?:\s+|-))?"
            rf"(?P<month>{MONTH_FULL})\b(?!\s+\d)"
        ),
        _bare_month,
        _bare_month_ok,
    ),
    Rule(
        "year",
        _c(
            rf"(?<![\d,.$£€#:/\w]){_MOD}{YEAR}"
            r"(?![\d%]|[.,:]\d|[-‐][A-Za-z]|\s*(?:%|percent|per\s+cent))"
        ),
        _year,
        _year_ok,
    ),
    Rule(
        "decade",
        _c(
            r"(?<![\d,.$])(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?"
            r"(?:(?P<dec>(?:1[89]|20)\d0)s|['’](?P<dec2>\d0)s)\b"
        ),
        _decade,
    ),
    Rule(
        "season",
        _c(
            rf"\b(?:(?i:(?P<rel>last|next|this|early|late|mid|the))[\s-]+)?"
            rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?{YEAR})?\b"
        ),
        _season,
        _season_ok,
    ),
    Rule(
        "quarter",
        _c(
            rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))"
            rf"[\s-]+(?i:quarter)(?:\s+of\s+{YEAR})?\b"
        ),
        _quarter,
    ),
    Rule(
        "weekday",
        _c(
            r"\b(?:(?i:(?P<mod>early|late|earlier|later))(?:\s+on)?\s+)?"
            r"(?:(?i:(?P<rel>last|next|this|past|coming|previous|following))\s+)?"
            rf"{WEEKDAY}(?P<pl>s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
        ),
        _weekday,
        _weekday_ok,
    ),
    Rule(
        "dayword",
        _c(
            r"\b(?:(?i:(?P<mod>early|late|earlier|later))\s+)?"
            r"(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|overnight))"
            r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
        ),
        _dayword,
        _dayword_ok,
    ),
    Rule(
        "rel_unit",
        _c(
            rf"\b{_MOD}(?P<rel>(?i:(?:the\s+)?(?:past|last|previous|following|next|coming|same|"
            r"very\s+same|current)|last|this|that))\s+"
            r"(?P<unit>(?i:day|night|weekend|week|month|year|decade|century|quarter|morning|"
            r"afternoon|evening))\b"
        ),
        _rel_unit,
        _rel_unit_ok,
    ),
    Rule("weekend", _c(r"\b(?i:the\s+weekend)\b"), _weekend, _weekend_ok),
    Rule(
        "the_unit_after",
        _c(
            r"\b(?i:the\s+(?P<u>day|night|week|month|year)\s+"
            r"(?P<dir>before|after|earlier|later|prior))\b"
        ),
        _the_unit_after,
    ),
    Rule(
        "ago",
        _c(
            rf"\b(?:(?i:{QUANT})\s+)?(?:(?i:{NUM})(?:\s+|-))?(?i:{_UNIT_PL})\s+"
            r"(?P<dir>(?i:ago|later|earlier|after|before|from\s+now))\b"
        ),
        _ago,
        _count_ok,
    ),
    Rule(
        "duration",
        _c(
            rf"\b(?:(?i:{QUANT})\s+)?(?i:{NUM})(?:\s+|[-‐])(?i:{_UNIT_PL})"
            r"(?P<adj>[-‐]long|[-‐]old)?\b"
        ),
        _duration,
        _count_ok,
    ),
    Rule(
        "vague_duration",
        _c(
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
        _c(
            r"\b(?P<w>(?i:right\s+now|now|currently|recently|nowadays|at\s+present|at\s+the\s+moment|"
            r"these\s+days|lately|the\s+past|the\s+future|soon(?!\s+(?:as|after)\b)))\b"
        ),
        _ref_word,
        _ref_ok,
    ),
    Rule(
        "set",
        _c(
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
        _c(
            r"\b(?:(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))|"
            r"(?P<h24>[0-2]\d):?(?P<mi24>[0-5]\d)\s*(?:GMT|UTC|(?i:local\s+time))|"
            r"(?P<nm>(?i:noon|midnight|midday))\b)"
        ),
        _clock,
        _clock_ok,
    ),
)
