"""An outlet's home, learned from its own reports: the first-level unit most of them are placed in.

A reader of WSMV knows after a few of its stories that it is a Nashville station, so its
"Smyrna" is Smyrna, Tennessee, not the larger Smyrna, Georgia. focus.py reads an outlet's home
from its name where the name says it ("Chicago Tribune", oregonlive.com); call letters and brand
names say nothing, so the corpus says it instead:

- each original report with located events votes for the unit (state, province) most of its
  events are placed in;
- an outlet (the host of its pages' URLs, else its name) whose votes name one unit at least
  ``min_articles`` times, for a ``min_share`` of them and twice as often as any other unit, has
  that unit as its home.

The home goes into an article's frame as a prior (``Article.outlet_home``, weighed by
focus.LEARNED_HOME_WEIGHT), below a state its text or dateline names. The pipeline's relocate stage
analyses again the reports whose outlet's home a run has learned, where one of their event places
has a reading in that home (:func:`could_move`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from ..pagemeta import page_host
from .focus import Unit
from .gazetteer import Gazetteer

HOME_MARGIN = 2  # a home holds this many times the votes of any other unit

# readings that are no namesake of a town: a whole state or country
_WIDE = frozenset({"CONT", "RGN", "PCLI", "ADM1"})


def outlet_key(url: str | None, outlet: str | None) -> str | None:
    """What identifies an outlet: its pages' host without "www." (an archived page's original
    host), else its name; None for a report with neither."""
    host = page_host(url) if url else ""
    if host:
        return host.removeprefix("www.")
    return outlet.strip().lower() if outlet and outlet.strip() else None


def learn(votes: Iterable[tuple[str | None, Unit]], min_articles: int, min_share: float) -> dict[str, Unit]:
    """Each outlet's home from its reports' votes ``(outlet key, unit)``: the unit at least
    ``min_articles`` and a ``min_share`` of its votes name, and twice as many as any other (a
    misread namesake scatters its votes; an outlet that reports from everywhere has no home)."""
    tally: dict[str, Counter[Unit]] = {}
    for key, unit in votes:
        if key:
            tally.setdefault(key, Counter())[unit] += 1
    homes: dict[str, Unit] = {}
    for key, counts in tally.items():
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        unit, n = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if n >= min_articles and n >= min_share * counts.total() and n >= HOME_MARGIN * runner_up:
            homes[key] = unit
    return homes


def could_move(gaz: Gazetteer, places: Iterable[tuple[str, str | None, str | None]], home: Unit) -> bool:
    """Whether an event place ``(name, country code, admin1)`` of a report is outside ``home``
    while a place the name can mean lies in it: the report may be the home's namesake's."""
    for name, cc, admin1 in places:
        if not name or (cc, admin1) == home:
            continue
        readings = gaz.lookup(name, fuzzy=False)
        if any((e.country_code, e.admin1) == home and e.feature not in _WIDE for e in readings):
            return True
    return False


def home_of(homes: Mapping[str, Unit], url: str | None, outlet: str | None) -> Unit | None:
    """The home of the outlet of a page, if the corpus taught one."""
    return homes.get(outlet_key(url, outlet) or "")
