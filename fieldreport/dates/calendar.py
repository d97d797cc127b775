"""Calendar arithmetic for normalisation: ISO weeks, months, weekdays, TimeML values.

Everything here is stdlib ``datetime``; no locale, no network. A *point* is a
normalised value at one granularity (day, week, weekend, month, quarter, season,
year, decade) together with the day that stands for it: the day itself, the
Wednesday of a week (ACLED's mid-week rule), the Saturday of a weekend, the 15th
of a month (ACLED's mid-month rule).
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta

DAY, WEEK, WEEKEND, MONTH, QUARTER, SEASON, YEAR, DECADE = (
    "day",
    "week",
    "weekend",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
)
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised expression before it becomes a Timex (dates as ``date``)."""

    type: str  # DATE, TIME, DURATION, SET
    value: str
    date: date | None = None
    precision: int | None = None
    range_end: date | None = None
    gran: str | None = None  # granularity of a point (DAY, WEEK, ...); None for durations and refs


def parse_anchor(published: str | None) -> date | None:
    """The publication date as a ``date``; None when missing or not YYYY-MM-DD."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _cal.monthrange(y if y > 0 else 2000, m)[1]


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def add_months_to_date(d: date, k: int) -> date:
    y, m = add_months(d.year, d.month, k)
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


# --- points -------------------------------------------------------------------------------------


def day_point(d: date, part: str | None = None) -> Norm:
    """A day; ``part`` (MO, AF, EV, NI) makes it a TIME like 2019-03-01TNI."""
    if part:
        return Norm("TIME", f"{d.isoformat()}T{part}", d, 1, gran=DAY)
    return Norm("DATE", d.isoformat(), d, 1, gran=DAY)


def week_point(d: date) -> Norm:
    y, w, _ = d.isocalendar()
    return Norm("DATE", f"{y}-W{w:02d}", date.fromisocalendar(y, w, 3), 2, gran=WEEK)


def weekend_point(d: date) -> Norm:
    y, w, _ = d.isocalendar()
    return Norm("DATE", f"{y}-W{w:02d}-WE", date.fromisocalendar(y, w, 6), 2, gran=WEEKEND)


def month_point(y: int, m: int) -> Norm:
    return Norm("DATE", f"{y:04d}-{m:02d}", date(y, m, 15), 3, gran=MONTH)


def quarter_point(y: int, q: int) -> Norm:
    return Norm("DATE", f"{y:04d}-Q{q}", None, None, gran=QUARTER)


def season_point(y: int, s: str) -> Norm:
    return Norm("DATE", f"{y:04d}-{s}", None, None, gran=SEASON)


def year_point(y: int) -> Norm:
    return Norm("DATE", f"{y:04d}", None, None, gran=YEAR)


def decade_point(y: int) -> Norm:
    return Norm("DATE", f"{y // 10:03d}", None, None, gran=DECADE)


def representative(n: Norm) -> date | None:
    """A day inside a point, for arithmetic on it (anaphora: "the following month")."""
    if n.date is not None:
        return n.date
    m = re.match(r"(\d{4})(?:-Q(\d))?", n.value)
    if not m:
        return None
    if m[2]:
        return date(int(m[1]), (int(m[2]) - 1) * 3 + 2, 15)
    return date(int(m[1]), 7, 1)


def shift(base: date, gran: str, k: int) -> Norm | None:
    """The point ``k`` units of ``gran`` from the one holding ``base``."""
    if gran == DAY:
        return day_point(base + timedelta(days=k))
    if gran == WEEK:
        return week_point(base + timedelta(weeks=k))
    if gran == WEEKEND:
        return weekend_point(base + timedelta(weeks=k))
    if gran == MONTH:
        return month_point(*add_months(base.year, base.month, k))
    if gran == QUARTER:
        y, m = add_months(base.year, (base.month - 1) // 3 * 3 + 1, 3 * k)
        return quarter_point(y, (m - 1) // 3 + 1)
    if gran == YEAR:
        return year_point(base.year + k)
    if gran == DECADE:
        return decade_point(base.year + 10 * k)
    return None


GRAN_RANK = {DAY: 0, WEEKEND: 1, WEEK: 1, MONTH: 2, QUARTER: 3, SEASON: 3, YEAR: 4, DECADE: 5}


# --- direction-dependent resolution --------------------------------------------------------------


def resolve_weekday(anchor: date, weekday: int, direction: int, strict: bool = False) -> date:
    """The ``weekday`` (0 = Monday) nearest ``anchor`` in ``direction`` (-1 past, +1 future).

    Not strict: the anchor's own weekday is the anchor day. Strict ("last Friday",
    "next Friday"): never the anchor day itself.
    """
    if direction < 0:
        back = (anchor.weekday() - weekday) % 7
        if back == 0 and strict:
            back = 7
        return anchor - timedelta(days=back)
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return anchor + timedelta(days=ahead)


def weekday_in_week(anchor: date, weekday: int) -> date:
    """ "this Friday": the Friday of the anchor's ISO week."""
    return anchor + timedelta(days=weekday - anchor.weekday())


def year_for_month(anchor: date, month: int, direction: int, explicit: bool = False) -> int:
    """A bare month ("in June"): the anchor's own month is this year's; otherwise the nearest
    such month the way of the tense, strictly so when the tense is marked ("was captured in
    November"), else the nearest one with a three-month bias towards the past."""
    if month == anchor.month:
        return anchor.year
    back = anchor.year if month < anchor.month else anchor.year - 1
    fwd = back + 1
    if explicit:
        return back if direction < 0 else fwd
    back_cost = (anchor.month - month) % 12 + (3 if direction > 0 else 0)
    fwd_cost = (month - anchor.month) % 12 + (3 if direction < 0 else 0)
    return back if back_cost <= fwd_cost else fwd


def year_for_day(anchor: date, month: int, day: int, direction: int, explicit: bool = False) -> int | None:
    """A partial date ("11th March"): the year that puts it nearest the anchor; a date against
    a marked tense costs 330 days more (so "attacked on 5 May" in March is last May, while a
    date a couple of weeks off still wins), against an unmarked one 30 days more."""
    penalty = 330 if explicit else 30
    best: tuple[float, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if not valid_day(y, month, day):
            continue
        delta = (date(y, month, day) - anchor).days
        cost = abs(delta) + (penalty if delta * direction < 0 else 0)
        if best is None or cost < best[0]:
            best = (cost, y)
    return None if best is None else best[1]


def season_year(anchor: date, season: str, direction: int, rel: str | None) -> int:
    """Year of "last summer", "this winter", "in the spring" (winter belongs to its December)."""
    start_m, _ = SEASON_MONTHS[season]
    m = anchor.month
    # the season holding the anchor, if any, and the year its start falls in
    if season == "WI":
        current = anchor.year if m == 12 else (anchor.year - 1 if m <= 2 else None)
    else:
        current = anchor.year if start_m <= m <= SEASON_MONTHS[season][1] else None
    if rel == "this":
        return current if current is not None else (anchor.year if start_m > m else anchor.year - 1)
    started = anchor.year if start_m <= m else anchor.year - 1  # most recent start on or before anchor
    if rel == "last":
        return started - 1 if current is not None else started
    if rel == "next":
        return started + 1
    if direction > 0 and current is None:
        return started + 1
    return started


def quarter_year(anchor: date, q: int, direction: int) -> int:
    current = (anchor.month - 1) // 3 + 1
    if direction < 0:
        return anchor.year if q <= current else anchor.year - 1
    return anchor.year if q >= current else anchor.year + 1


def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
