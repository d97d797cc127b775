"""event_date: which date governs an event reported in a sentence.

Order: the sentence's own expression (a day or week before a month; one attached to a
reporting verb, "said on Tuesday", only when nothing else; a background date, long before
publication, only when the sentence has nothing else), else the nearest earlier date in the
same paragraph, else the publication date at week precision (ACLED: an undated report is
about the days around its publication), else nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ..records import PER_DAY_MAX, PUBLICATION_DATE, Article, EventDate, Sentence, Timex
from .calendar import days_between, parse_anchor
from .lexicon import REPORTING

BACKGROUND_DAYS = 90  # a date this long before publication is background, not the news


def event_dates_in_range(timex: Timex) -> list[str]:
    """Every day a timex covers (ACLED codes one event per day): its date through range_end."""
    if timex.date is None:
        return []
    if not timex.range_end or timex.range_end < timex.date:
        return [timex.date]
    days = days_between(date.fromisoformat(timex.date), date.fromisoformat(timex.range_end))
    return [d.isoformat() for d in days]


def _day(s: str) -> date:
    return date.fromisoformat(s)


def _background(t: Timex, anchor: date | None) -> bool:
    if anchor is None:
        return False
    if t.date is not None:
        last = _day(t.range_end) if t.range_end else _day(t.date)
        return (anchor - last).days > BACKGROUND_DAYS
    m = re.match(r"(\d{4})(?!-W)", t.value)
    return bool(m) and int(m[1]) < anchor.year


def _reporting(t: Timex, text: str, sentence_start: int) -> bool:
    return bool(REPORTING.search(text[max(sentence_start, t.start - 60) : t.start]))


def _unresolved(t: Timex) -> bool:
    """A relative day, week or month that could not be resolved (no publication date)."""
    return t.type in ("DATE", "TIME") and t.value.startswith("XXXX-")


def _dated(t: Timex) -> bool:
    return t.date is not None and t.precision is not None and t.type in ("DATE", "TIME", "DURATION")


def governing_timex(
    sentence: Sentence, timexes: Sequence[Timex], article: Article, sentences: Sequence[Sentence] = ()
) -> Timex | None:
    """The timex that dates an event reported in ``sentence`` (None: publication date or nothing)."""
    anchor = parse_anchor(article.published)
    inside = [t for t in timexes if t.start < sentence.end and t.end > sentence.start]
    dated = [t for t in inside if _dated(t)]
    current = [t for t in dated if not _background(t, anchor)]
    tiers = (
        [t for t in current if t.precision in (1, 2) and not _reporting(t, article.text, sentence.start)],
        [t for t in current if t.precision in (1, 2)],
        current,
        dated,
    )
    for tier in tiers:
        if tier:
            return tier[0]
    if any(_background(t, anchor) or _unresolved(t) for t in inside):
        return None  # "in 2014" or an unanchored "on Sunday": its own date, unknown here
    para = [s.start for s in sentences if s.paragraph == sentence.paragraph]
    para_start = min([*para, sentence.start])
    before = [
        t
        for t in timexes
        if para_start <= t.start < sentence.start and _dated(t) and not _background(t, anchor)
    ]
    return max(before, key=lambda t: t.start) if before else None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # an expression that names its year needs no anchor


def event_date(
    sentence: Sentence, timexes: Sequence[Timex], article: Article, sentences: Sequence[Sentence] = ()
) -> EventDate:
    """The date of an event reported in ``sentence``, with ACLED precision and its evidence."""
    t = governing_timex(sentence, timexes, article, sentences)
    if t is not None:
        found = _from_timex(t)
        if article.published_precision and not _YEAR.search(t.text) and found.precision:
            # "on Sunday" counted from a publication date the story only narrows to a week
            found = EventDate(found.date, max(found.precision, article.published_precision), found.evidence)
        return found
    anchor = parse_anchor(article.published)
    inside = [t for t in timexes if t.start < sentence.end and t.end > sentence.start]
    own = [t for t in inside if _background(t, anchor) or _unresolved(t)]
    if own:
        return EventDate(None, None, own[0].text)
    if anchor is not None:
        return EventDate(anchor.isoformat(), max(2, article.published_precision or 2), PUBLICATION_DATE)
    return EventDate(None, None, None)


def _from_timex(t: Timex) -> EventDate:
    assert t.date is not None
    if not t.range_end or t.range_end <= t.date:
        return EventDate(t.date, t.precision, t.text)
    start, end = _day(t.date), _day(t.range_end)
    n = (end - start).days + 1
    if n > PER_DAY_MAX and _SINCE.match(t.text):
        # "protesting since 14 March", weeks before the report: the one day the source names,
        # as ACLED codes a long campaign only on days with reported activity
        return EventDate(start.isoformat(), 1, t.text, start.isoformat(), end.isoformat())
    mid = start + timedelta(days=(n - 1) // 2)
    return EventDate(mid.isoformat(), 2 if n <= 7 else 3, t.text, start.isoformat(), end.isoformat())


_SINCE = re.compile(r"(?i)(?:ever\s+)?since\b")
