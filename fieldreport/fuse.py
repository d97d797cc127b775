"""Fuse stage: mentions from all articles become events, ACLED's unit of record.

ACLED codes one event per actor pair, per day, per location. Mentions that agree on those
keys (and on the event type) are one event that keeps every mention, claim and outlet.
Copies found by dedup add their outlet and their own evidence span to the event, never
another event.

Fatalities, per ACLED's conservative rule: each article's figure is the sum over victim
groups of its largest claimed lower bound; the event's ``fatalities`` (best) and
``fatalities_low`` are the smallest article figure, ``fatalities_high`` the largest upper
bound. An event with no death claim has 0 fatalities, as ACLED codes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .geo import place_key
from .ids import stable_id
from .records import Event, Location, Mention


@dataclass(frozen=True, slots=True)
class Link:
    """One piece of evidence for an event: a mention, or its copy in a duplicate article."""

    event_id: str
    mention_id: str
    article_id: str
    sentence: str
    start: int | None
    end: int | None
    copied: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "mention_id": self.mention_id, "article_id": self.article_id,
            "sentence": self.sentence, "start": self.start, "end": self.end, "copied": self.copied,
        }  # fmt: skip


def event_key(m: Mention) -> tuple[Any, ...]:
    """What must agree for two mentions to be one event."""
    loc = m.location
    place = None
    if loc is not None:
        place = place_key(loc.location or "") or loc.gazetteer_id or loc.country_code
    date = m.date.date if m.date else None
    actors = tuple(sorted(a for a in (m.actor1, m.actor2) if a))
    if date:
        return (date, m.event_type, m.sub_event_type, actors, place, None)
    # Undated: only mentions of one article that name the same unresolved day ("on Tuesday")
    # can be the same event; "Late on Monday" and "Tuesday" stay apart.
    when = (m.date.evidence or "").casefold() if m.date else ""
    return (None, m.event_type, m.sub_event_type, actors, place, (m.article_id, when))


def sort_key(m: Mention) -> tuple[Any, ...]:
    """The order ``stream`` needs: by date, undated last and by article."""
    date = m.date.date if m.date else None
    return (date is None, date or "", "" if date else m.article_id)


def stream(
    mentions: Iterable[Mention],
    articles: Mapping[str, Mapping[str, Any]],
    texts: Mapping[str, str],
    known: Mapping[tuple[str, str | None], Location],
) -> Iterator[tuple[Event, list[Link]]]:
    """Events from mentions sorted by ``sort_key``, one day (or one undated article) at a time.

    Every key includes the date (or, undated, the article), so a group is complete once
    the next mention's date differs: memory holds one day of mentions, not the corpus.
    ``articles`` maps article_id to ``outlet`` and ``duplicate_of``; ``texts`` gives the
    clean text of duplicate articles, to place the copied evidence in them.
    """
    copies: dict[str, list[str]] = {}
    for aid, meta in sorted(articles.items()):
        if meta.get("duplicate_of"):
            copies.setdefault(meta["duplicate_of"], []).append(aid)
    groups: dict[tuple[Any, ...], list[Mention]] = {}
    block: tuple[Any, ...] | None = None
    for m in [*mentions, None]:
        if m is not None and block is not None and sort_key(m) < block:
            raise ValueError("fuse.stream needs mentions sorted by fuse.sort_key")
        if m is None or sort_key(m) != block:
            for key, group in sorted(groups.items(), key=lambda kv: repr(kv[0])):
                event_id = stable_id("event", *key)
                links = _links(event_id, group, copies, texts)
                yield _event(event_id, group, links, articles, known), links
            groups = {}
            if m is None:
                break
            block = sort_key(m)
        groups.setdefault(event_key(m), []).append(m)


def run(
    mentions: Iterable[Mention],
    articles: Mapping[str, Mapping[str, Any]],
    texts: Mapping[str, str] | None = None,
) -> tuple[list[Event], list[Link]]:
    """All events of a list of mentions, in memory (``stream`` does it day by day)."""
    ordered = sorted(mentions, key=sort_key)
    events: list[Event] = []
    links: list[Link] = []
    for event, event_links in stream(ordered, articles, texts or {}, place_knowledge(ordered)):
        events.append(event)
        links += event_links
    events.sort(key=lambda e: (e.event_date or "9999", e.event_id))
    return events, links


def _links(
    event_id: str, group: list[Mention], copies: Mapping[str, list[str]], texts: Mapping[str, str]
) -> list[Link]:
    out: list[Link] = []
    for m in group:
        out.append(Link(event_id, m.mention_id, m.article_id, m.sentence, m.start, m.end, False))
        for copy_id in copies.get(m.article_id, ()):
            pos = texts.get(copy_id, "").find(m.sentence)
            start, end = (pos, pos + len(m.sentence)) if pos >= 0 else (None, None)
            out.append(
                Link(event_id, stable_id(m.mention_id, copy_id), copy_id, m.sentence, start, end, True)
            )
    return out


def _place_rank(loc: Location) -> tuple[bool, int, bool, bool]:
    return (loc.latitude is None, loc.geo_precision or 9, loc.admin1 is None, loc.location is None)


def place_knowledge(mentions: Iterable[Mention]) -> dict[tuple[str, str | None], Location]:
    """The best-placed reading of each place name across the corpus.

    A village missing from the gazetteer may be tied to its province in one article
    ("Baghouz, Deir Al Zor province") and named bare in the next; the event keeps the
    better-placed reading, in the same country only.
    """
    best: dict[tuple[str, str | None], Location] = {}
    for m in mentions:
        loc = m.location
        if loc is None or not loc.location:
            continue
        key = (place_key(loc.location), loc.country_code)
        if key not in best or _place_rank(loc) < _place_rank(best[key]):
            best[key] = loc
    return best


def _event(
    event_id: str,
    group: list[Mention],
    links: list[Link],
    articles: Mapping[str, Mapping[str, Any]],
    known: Mapping[tuple[str, str | None], Location],
) -> Event:
    best = max(group, key=lambda m: (m.confidence, -m.start))
    located = [m.location for m in group if m.location is not None]
    loc = min(located, key=_place_rank, default=None)
    if loc is not None and loc.location:
        better = known.get((place_key(loc.location), loc.country_code))
        if better is not None and _place_rank(better) < _place_rank(loc):
            loc = better
    dated = [m.date for m in group if m.date is not None and m.date.date]
    date = min(dated, key=lambda d: d.precision or 9, default=None)
    low, best_count, high = _fatalities(group)
    sources: list[str] = []
    for link in links:
        outlet = source_name(articles.get(link.article_id, {}))
        if outlet and outlet not in sources:
            sources.append(outlet)
    return Event(
        event_id=event_id,
        event_date=date.date if date else None,
        time_precision=date.precision if date else None,
        event_type=best.event_type,
        sub_event_type=best.sub_event_type,
        actor1=best.actor1,
        actor2=best.actor2,
        inter1=best.inter1,
        inter2=best.inter2,
        country_code=loc.country_code if loc else None,
        country=loc.country if loc else None,
        admin1=loc.admin1 if loc else None,
        admin2=loc.admin2 if loc else None,
        location=loc.location if loc else None,
        latitude=loc.latitude if loc else None,
        longitude=loc.longitude if loc else None,
        geo_precision=loc.geo_precision if loc else None,
        fatalities=best_count,
        fatalities_low=low,
        fatalities_high=high,
        sources=tuple(sources),
        notes=best.notes,
        mention_ids=tuple(link.mention_id for link in links),
    )


def _fatalities(group: list[Mention]) -> tuple[int, int, int]:
    per_article: dict[str, dict[str, tuple[int, int]]] = {}
    for m in group:
        for c in m.claims:
            if c.kind != "killed":
                continue
            victims = per_article.setdefault(m.article_id, {})
            lo, hi = victims.get(c.victims, (0, 0))
            victims[c.victims] = (max(lo, c.low), max(hi, c.high))
    if not per_article:
        return 0, 0, 0
    lows = [sum(lo for lo, _ in v.values()) for v in per_article.values()]
    highs = [sum(hi for _, hi in v.values()) for v in per_article.values()]
    return min(lows), min(lows), max(highs)


def source_name(meta: Mapping[str, Any]) -> str | None:
    """The outlet an event cites for an article: its outlet, else the article as it came in
    ("unnamed outlet: 000_f8b96745.txt"), so that no report goes uncounted among the sources."""
    if meta.get("outlet"):
        return str(meta["outlet"])
    origin = str(meta.get("origin") or "").rstrip("/")
    return f"unnamed outlet: {origin.rsplit('/', 1)[-1]}" if origin else None
