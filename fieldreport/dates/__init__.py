"""Time, a step of the pipeline's analyse stage: temporal expressions in an article and the date of
each reported event.

Rule-based (regular expressions and stdlib ``datetime``), normalised to TimeML values
against the publication date, with ACLED's ``time_precision`` (1 the day, 2 the week,
dated mid-week, 3 the month, dated mid-month).

Public API:
    find_timexes(article, sentences) -> tuple[Timex, ...]
    event_date(sentence, timexes, article, sentences, lead) -> EventDate
    lead_day(timexes, article, sentences) -> Timex | None
    governing_timex(sentence, timexes, article, sentences) -> Timex | None
    event_dates_in_range(timex) -> list[str]
    timexes_in(text, published, bounds) -> tuple[Timex, ...]
"""

from __future__ import annotations

from .eventdate import event_date, event_dates_in_range, governing_timex, lead_day
from .extract import find_timexes, timexes_in

__all__ = ["event_date", "event_dates_in_range", "find_timexes", "governing_timex", "lead_day", "timexes_in"]
