"""What every recognition rule shares: the Rule record, unit words, unresolved values and
anaphora (a point counted from the last date the text mentioned)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import calendar as cal
from .calendar import Norm
from .context import Ctx
from .lexicon import MODS, UNITS

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
UNIT_PL = (
    r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|years?|"
    r"decades?|centur(?:y|ies))"
)


def base_unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


def unresolved(gran: str | None, part: str | None = None) -> Norm:
    value = UNRESOLVED.get(gran or "", "XXXX-XX-XX")
    return Norm("TIME" if part else "DATE", value + (f"T{part}" if part else ""))


def from_ref(ctx: Ctx, gran: str, k: int) -> Norm | None:
    """The point ``k`` units of ``gran`` from the last date mentioned (anaphora)."""
    ref = ctx.ref
    if ref is None or ref.gran is None or cal.GRAN_RANK.get(ref.gran, 9) > cal.GRAN_RANK.get(gran, 9):
        return None
    base = cal.representative(ref)
    return cal.shift(base, gran, k) if base else None


def with_part(n: Norm | None, part: str | None) -> Norm | None:
    if n is None or part is None or n.date is None:
        return n
    return cal.day_point(n.date, part)


def rx(p: str) -> re.Pattern[str]:
    return re.compile(p)


MOD = rf"(?:(?i:{MODS})\s+|(?i:mid)-)?"
