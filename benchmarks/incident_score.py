"""Scoring of events against Gun Violence Archive incidents, shared by benchmarks/incidents.py and
tests/test_accuracy_gate.py. benchmarks/incidents.py's docstring defines every measure.

    from incident_score import score
    measures = score(incidents, events)  # gold incident records, fieldreport.read_events records
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

KM = 25.0  # an event is at the incident's place when its point is this close
DAYS = 1  # ... and on its day when its date is this many days off or fewer
URL_PREFIX = "https://gva.invalid/"  # the url of an article <id> that has none of its own

# measure -> (label, target, "floor" when more is better or "ceiling" when less is better)
MEASURES: dict[str, tuple[str, float | None, str]] = {
    "recall": ("incident recall (event within 25 km and ±1 day)", 0.90, "floor"),
    "events_per_incident": ("events per incident", 1.2, "ceiling"),
    "events_matching": ("share of those events that are the incident", 0.85, "floor"),
    "day_exact": ("found: day exact", 0.90, "floor"),
    "killed_exact": ("found: killed exact", 0.90, "floor"),
    "injured_exact": ("found: injured exact", 0.85, "floor"),
    "place_25km": ("place within 25 km (any day)", None, "floor"),
    "multi_one_event": ("multi-article incidents in one event (every article)", 0.90, "floor"),
    "multi_one_event_loose": ("multi-article incidents in one event (articles that matched)", None, "floor"),
}
COUNTS = ("incidents", "found", "multi_incidents", "articles", "articles_no_event")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def scored(incidents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The incidents the benchmark scores: those with a point and a day."""
    return [i for i in incidents if i.get("lat") is not None and i.get("lon") is not None and i.get("date")]


def article_id(mention: dict[str, Any], ids_by_url: Mapping[str, str] | None = None) -> str | None:
    """The gva article id a mention comes from, read back from its url: the article's own url
    (``ids_by_url``, from :func:`article_urls`), else the stand-in ``URL_PREFIX + id``."""
    url = mention.get("url") or ""
    if ids_by_url is not None and url in ids_by_url:
        return ids_by_url[url]
    return url[len(URL_PREFIX) :] if url.startswith(URL_PREFIX) else None


def article_url(article_id: str, article: dict[str, Any]) -> str:
    """The url an article goes into the run with: its own (an outlet's address is real input,
    and tells the outlet's home), else a stand-in made of its id."""
    return article.get("url") or URL_PREFIX + article_id


def article_urls(articles: dict[str, dict[str, Any]]) -> dict[str, str]:
    """url -> gva article id, for every article (gva's urls are unique)."""
    return {article_url(aid, a): aid for aid, a in articles.items()}


def by_article(
    events: Iterable[dict[str, Any]], ids_by_url: Mapping[str, str] | None = None
) -> dict[str, dict[str, dict[str, Any]]]:
    """article id -> {event_id: event} of the events that have a mention in that article."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for e in events:
        for m in e.get("mentions") or []:
            a = article_id(m, ids_by_url)
            if a is not None:
                out.setdefault(a, {})[e["event_id"]] = e
    return out


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def distance(e: dict[str, Any], inc: dict[str, Any]) -> float | None:
    """Kilometres from the event's point to the incident's, None when the event has no point."""
    if e.get("latitude") is None or e.get("longitude") is None:
        return None
    return km(float(inc["lat"]), float(inc["lon"]), float(e["latitude"]), float(e["longitude"]))


def days_off(e: dict[str, Any], inc: dict[str, Any]) -> int | None:
    """|event date - incident date| in days, None when the event has no date."""
    d = _day(e.get("event_date"))
    return None if d is None else abs((d - date.fromisoformat(inc["date"][:10])).days)


def near(e: dict[str, Any], inc: dict[str, Any]) -> bool:
    dist = distance(e, inc)
    return dist is not None and dist <= KM


def matches(e: dict[str, Any], inc: dict[str, Any]) -> bool:
    """The event is the incident: within 25 km of its point and ±1 day of its date."""
    off = days_off(e, inc)
    return near(e, inc) and off is not None and off <= DAYS


@dataclass
class Judged:
    """One incident and the events of its articles."""

    incident: dict[str, Any]
    articles: list[str]  # its article ids, distinct, in the gold order
    per_article: dict[str, set[str]]  # article id -> ids of the events with a mention in it
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # every event of its articles
    matching: list[str] = field(default_factory=list)  # ids of the events that are the incident
    best: dict[str, Any] | None = None  # the matching event nearest in place, then in day

    @property
    def multi(self) -> bool:
        return len(self.articles) >= 2

    def one_event(self) -> bool:
        """One matching event has a mention from every one of the incident's articles."""
        return any(all(eid in self.per_article[a] for a in self.articles) for eid in self.matching)

    def one_event_loose(self) -> bool:
        """One matching event has a mention from every article that yielded a matching event."""
        hit = [a for a in self.articles if self.per_article[a] & set(self.matching)]
        return bool(hit) and any(all(eid in self.per_article[a] for a in hit) for eid in self.matching)


def judge(inc: dict[str, Any], events_of: dict[str, dict[str, dict[str, Any]]]) -> Judged:
    """The incident against the events of its articles (``events_of`` from ``by_article``)."""
    articles = list(dict.fromkeys(inc["article_ids"]))
    per_article = {a: set(events_of.get(a, {})) for a in articles}
    j = Judged(inc, articles, per_article)
    for a in articles:
        j.events.update(events_of.get(a, {}))
    j.matching = sorted(eid for eid, e in j.events.items() if matches(e, inc))
    if j.matching:
        j.best = min(
            (j.events[eid] for eid in j.matching),
            key=lambda e: (distance(e, inc), days_off(e, inc), e["event_id"]),
        )
    return j


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def _exact(found: list[Judged], ours: str, gold: str) -> float | None:
    """Share of the found incidents with a gold ``gold`` count whose best event's ``ours`` equals it
    (a missing or None figure of ours is wrong)."""
    counted = [j for j in found if j.best is not None and j.incident.get(gold) is not None]
    return _share(sum(j.best.get(ours) == j.incident[gold] for j in counted if j.best), len(counted))


def score(
    incidents: Sequence[dict[str, Any]],
    events: Iterable[dict[str, Any]],
    ids_by_url: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The measures of benchmarks/incidents.py for ``incidents`` (only those with a point and a
    day count) given every event of a run over their articles: shares as fractions (None when
    there is nothing to count), counts as ints."""
    events_of = by_article(events, ids_by_url)
    judged = [judge(inc, events_of) for inc in scored(incidents)]
    found = [j for j in judged if j.best is not None]
    multi = [j for j in judged if j.multi]
    articles = {a for j in judged for a in j.articles}
    n_events = sum(len(j.events) for j in judged)
    return {
        "recall": _share(len(found), len(judged)),
        "events_per_incident": _share(n_events, len(judged)),
        "events_matching": _share(sum(len(j.matching) for j in judged), n_events),
        "day_exact": _share(sum(days_off(j.best, j.incident) == 0 for j in found if j.best), len(found)),
        "killed_exact": _exact(found, "fatalities", "killed"),
        "injured_exact": _exact(found, "injured", "injured"),
        "place_25km": _share(
            sum(any(near(e, j.incident) for e in j.events.values()) for j in judged), len(judged)
        ),
        "multi_one_event": _share(sum(j.one_event() for j in multi), len(multi)),
        "multi_one_event_loose": _share(sum(j.one_event_loose() for j in multi), len(multi)),
        "incidents": len(judged),
        "found": len(found),
        "multi_incidents": len(multi),
        "articles": len(articles),
        "articles_no_event": sum(1 for a in articles if not events_of.get(a)),
    }
