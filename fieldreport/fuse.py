"""Fuse stage: mentions from all articles become events, ACLED's unit of record.

ACLED codes one event per actor pair, per day, per location. Mentions that are compatible on
those (:func:`compatible`: the same type, dates within their precision's slack, actors and
place that agree or that one side knows less precisely) are one event that keeps every
mention, claim and outlet. Within one article a report that names fewer sides or no place is
the event told before ("The fighting killed seven" after the lead that names both sides).
Copies found by dedup add their outlet and their own evidence span to the event, never
another event.

Fatalities, per ACLED's conservative rule (:func:`fatalities`): each claimant's latest claim,
summed over victim groups; the event's ``fatalities`` (best) and ``fatalities_low`` are the
smallest claimant figure, ``fatalities_high`` the largest upper bound, and
``fatalities_disputed`` says the claimants disagree. An event with no death claim has 0
fatalities, as ACLED codes it.

A stated range of at most :data:`PER_DAY_MAX` days ("clashes from Feb 8-11") is one event per
day, as ACLED codes multi-day fighting, each with the same reports and its share of the deaths
(split evenly, the remainder on the earliest days; ACLED's code for an uncounted toll, "heavy
casualties", is each day's own); a longer range stays one event at its middle with week or month
precision. A peaceful protest has no deaths: a toll in its sentence is what it protests.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .events.casualties import estimated
from .geo import place_key
from .ids import stable_id
from .records import PER_DAY_MAX, Event, Location, Mention

PEACEFUL = "Peaceful protest"


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


# How many days apart two reports of one event may date it, by the coarser of their precisions:
# a day is a day; "last week" or a date inferred from the story (precision 2) may be a few days
# off; a month (3) is any day of it.
DATE_SLACK = {1: 0, 2: 3, 3: 15}
_SLACK_MAX = max(DATE_SLACK.values())
SAME_WORDING = 0.5  # word overlap of two evidence sentences that tell one fact


@dataclass
class _Cluster:
    head: Mention
    members: list[Mention]

    def last_day(self) -> _dt.date:
        return max(_day(m) for m in self.members)  # type: ignore[type-var]


def _day(m: Mention) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(m.date.date) if m.date and m.date.date else None
    except ValueError:
        return None


def _actors(m: Mention) -> dict[str, str | None]:
    """Actor name -> the country in its name: "Civilians (Syria)" and "Civilians" are one side,
    one of them with its country known; "Civilians (Iraq)" is another."""
    out: dict[str, str | None] = {}
    for a in (m.actor1, m.actor2):
        if a:
            found = _COUNTRY_SUFFIX.search(a)
            out[_COUNTRY_SUFFIX.sub("", a).casefold()] = found.group(1).casefold() if found else None
    return out


_COUNTRY_SUFFIX = re.compile(r"\s*\(([^)]*)\)$")


def _place(m: Mention) -> tuple[str | None, str | None, int]:
    loc = m.location
    if loc is None:
        return None, None, 9
    return place_key(loc.location or "") or loc.gazetteer_id, loc.country_code, loc.geo_precision or 3


def _overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content words of two sentences."""
    wa, wb = set(_WORD.findall(a.casefold())), set(_WORD.findall(b.casefold()))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


_WORD = re.compile(r"[^\W\d_]{3,}")


def compatible(a: Mention, b: Mention, same_story: bool = False) -> bool:
    """Whether two dated mentions can report one event.

    They must agree on the type, the actors (a country known on one side only is no
    disagreement: "Civilians" and "Civilians (Syria)") and the place; within one article a
    report that names fewer sides or no place is the event told before (see below). Their days must be the
    same, or, for reports of one story that tell it in much the same words (a rewrite, a later
    copy), within the slack of their precision. A day that is only the publication date ("no
    day given") is weak evidence: two such mentions are one event only when their words agree.
    """
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return False
    # within one article, ACLED's unit decides; across articles a bare publication date does not
    weak = a.article_id != b.article_id and (_published_only(a) or _published_only(b))
    if da != db or weak:
        precision = max(a.date.precision or 3, b.date.precision or 3)  # type: ignore[union-attr]
        if not same_story or abs((da - db).days) > DATE_SLACK.get(precision, 0):
            return False
        if _overlap(a.sentence, b.sentence) < SAME_WORDING:
            return False
    aa, ab = _actors(a), _actors(b)
    if any(aa[k] and ab[k] and aa[k] != ab[k] for k in aa.keys() & ab.keys()):
        return False
    # One article tells one event over several sentences, naming its sides and place once:
    # "Clashes broke out in Sirte between IS and the army. ... The fighting killed seven."
    # There a report that knows fewer sides, or no place, is that event; across articles,
    # knowing less is no evidence of sameness.
    told_again = a.article_id == b.article_id
    if aa.keys() != ab.keys() and not (told_again and (aa.keys() <= ab.keys() or ab.keys() <= aa.keys())):
        return False
    (pa, ca, _), (pb, cb, _) = _place(a), _place(b)
    if pa is None or pb is None:
        return (pa is None and pb is None and bool(aa)) or told_again
    return pa == pb and (not ca or not cb or ca == cb)


def _published_only(m: Mention) -> bool:
    return bool(m.date) and m.date.evidence == "publication date"  # type: ignore[union-attr]


def _fits(c: _Cluster, m: Mention, articles: Mapping[str, Mapping[str, Any]]) -> bool:
    """``m`` must be compatible with the event's reports that give their own day (all of them when
    none does), so that one weakly dated report cannot chain two events together; a report dated
    only by its publication joins where its own article's other reports of the event are."""
    story = articles.get(m.article_id, {}).get("story_id")
    own = [x for x in c.members if x.article_id == m.article_id]
    if own and _published_only(m):
        dated = own  # its own article already put the event here: ACLED's unit decides
    else:
        dated = [x for x in c.members if not _published_only(x)] or c.members
    if not own:
        # another article's report is held to what each article says best of the event, not
        # to its later mentions that name fewer sides or no place
        dated = [x for x in dated if not any(_says_more(y, x) for y in dated)] or dated
    return all(
        compatible(x, m, story is not None and articles.get(x.article_id, {}).get("story_id") == story)
        for x in dated
    )


def _says_more(y: Mention, x: Mention) -> bool:
    """Whether ``y``, of ``x``'s article, names more of the event: more sides, or a place ``x`` lacks."""
    if y.article_id != x.article_id or y is x:
        return False
    ay, ax = _actors(y).keys(), _actors(x).keys()
    more_sides = ax < ay
    more_place = _place(x)[0] is None and _place(y)[0] is not None and ax <= ay
    return more_sides or more_place


def stream(
    mentions: Iterable[Mention],
    articles: Mapping[str, Mapping[str, Any]],
    texts: Mapping[str, str],
    known: Mapping[tuple[str, str | None], Location],
) -> Iterator[tuple[Event, list[Link]]]:
    """Events from mentions sorted by ``sort_key``, a few days at a time.

    A dated mention joins the open event it is :func:`compatible` with (all its members), else
    opens one; an event closes once the stream is past the longest date slack after its last
    day, so memory holds a few days of mentions, not the corpus. Undated mentions are one event
    only within one article that names the same unresolved day ("on Tuesday"). ``articles``
    maps article_id to ``outlet``, ``origin`` and ``duplicate_of``; ``texts`` gives the clean
    text of duplicate articles, to place the copied evidence in them.
    """
    copies: dict[str, list[str]] = {}
    for aid, meta in sorted(articles.items()):
        if meta.get("duplicate_of"):
            copies.setdefault(meta["duplicate_of"], []).append(aid)

    def close(group: list[Mention]) -> Iterator[tuple[Event, list[Link]]]:
        # the first report's key and id: stable across runs, and two events never share an id
        event_id = stable_id("event", *event_key(group[0]), group[0].mention_id)
        links = _links(event_id, group, copies, texts)
        event = _event(event_id, group, links, articles, known)
        days = _range_days(group)
        if len(days) <= 1:
            yield event, links
            return
        # a count is shared out over the days; ACLED's code for an uncounted toll ("heavy
        # casualties") is each day's event's own
        shared = not _estimated(group)
        for i, day in enumerate(days):
            day_id = stable_id(event_id, day)
            yield (
                _one_day(event, day_id, day, i, len(days) if shared else 1),
                [replace(x, event_id=day_id) for x in links],
            )

    open_: list[_Cluster] = []
    undated: dict[tuple[Any, ...], list[Mention]] = {}
    block: tuple[Any, ...] | None = None
    for m in mentions:
        key = sort_key(m)
        if block is not None and key < block:
            raise ValueError("fuse.stream needs mentions sorted by fuse.sort_key")
        block = key
        day = _day(m)
        if day is None:
            if open_:
                for c in open_:
                    yield from close(c.members)
                open_ = []
            if undated and next(iter(undated))[-1][0] != m.article_id:
                for g in undated.values():
                    yield from close(g)
                undated = {}
            undated.setdefault(event_key(m), []).append(m)
            continue
        done = [c for c in open_ if (day - c.last_day()).days > _SLACK_MAX]
        if done:
            for c in done:
                yield from close(c.members)
            open_ = [c for c in open_ if c not in done]
        home = next((c for c in open_ if _fits(c, m, articles)), None)
        if home is None:
            open_.append(_Cluster(m, [m]))
        else:
            home.members.append(m)
    for c in open_:
        yield from close(c.members)
    for g in undated.values():
        yield from close(g)


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
    low, best_count, high, disputed = fatalities(group, articles)
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
        fatalities_disputed=disputed,
        sources=tuple(sources),
        notes=best.notes,
        mention_ids=tuple(link.mention_id for link in links),
    )


def _range_days(group: Sequence[Mention]) -> list[str]:
    """The days of the stated range the event's best-dated report gives, when it is short."""
    dated = [m.date for m in group if m.date is not None and m.date.date]
    if not dated:
        return []
    best = min(dated, key=lambda d: d.precision or 9)
    days = best.days()
    return days if len(days) <= PER_DAY_MAX else []


def _estimated(group: Sequence[Mention]) -> bool:
    killed = [c for m in group for c in m.claims if c.kind == "killed" and c.high > 0]
    return bool(killed) and all(estimated(c.text) for c in killed)


def split_evenly(total: int | None, parts: int, index: int) -> int | None:
    """Part ``index`` of ``total`` split into ``parts``, the remainder on the earliest parts."""
    if total is None:
        return None
    share, rest = divmod(total, parts)
    return share + (1 if index < rest else 0)


def _one_day(event: Event, event_id: str, day: str, index: int, n: int) -> Event:
    return replace(
        event,
        event_id=event_id,
        event_date=day,
        time_precision=1,
        fatalities=split_evenly(event.fatalities, n, index),
        fatalities_low=split_evenly(event.fatalities_low, n, index),
        fatalities_high=split_evenly(event.fatalities_high, n, index),
    )


def fatalities(
    group: Sequence[Mention], articles: Mapping[str, Mapping[str, Any]] | None = None
) -> tuple[int, int, int, bool]:
    """(low, best, high, disputed) deaths of an event from its reports' claims.

    Each claimant ("the Observatory", "a defense official"; an article's unattributed figures
    are its outlet's own) counts once, with its latest word: the claims it made in the most
    recently published report (an updated toll replaces an early one). A claimant's figure is
    the sum over victim groups of its largest claimed lower (upper) bounds; a toll that names no
    victims ("unknown": "the death toll rose to five") is a total, not one more group, so the
    figure is at least it and never it plus the groups. ``low`` and ``best`` are the smallest
    claimant figure, as ACLED codes the most conservative credible toll; ``high`` the largest
    upper bound; ``disputed`` that claimants disagree.
    """
    latest: dict[str, tuple[str, dict[str, tuple[int, int]]]] = {}
    for m in group:
        published = str((articles or {}).get(m.article_id, {}).get("published") or "")
        for c in m.claims:
            if c.kind != "killed" or m.sub_event_type == PEACEFUL:
                continue  # a peaceful protest kills no one: a toll in its sentence is its cause
            who = (
                " ".join((c.claimant or "").casefold().removeprefix("the ").split())
                or f"article:{m.article_id}"
            )
            when, victims = latest.get(who, ("", {}))
            if published > when:  # a later report of this claimant: its word replaces the earlier
                when, victims = published, {}
            elif published < when:
                continue
            lo, hi = victims.get(c.victims, (0, 0))
            victims[c.victims] = (max(lo, c.low), max(hi, c.high))
            latest[who] = (when, victims)
    if not latest:
        return 0, 0, 0, False
    figures = [_figure(v) for _, v in latest.values()]
    low = min(lo for lo, _ in figures)
    return low, low, max(hi for _, hi in figures), len(set(figures)) > 1


def _figure(victims: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    named = [bounds for group, bounds in victims.items() if group != "unknown"]
    lo, hi = victims.get("unknown", (0, 0))
    return max(sum(b[0] for b in named), lo), max(sum(b[1] for b in named), hi)


def source_name(meta: Mapping[str, Any]) -> str | None:
    """The outlet an event cites for an article: its outlet, else the article as it came in
    ("unnamed outlet: 000_f8b96745.txt"), so that no report goes uncounted among the sources."""
    if meta.get("outlet"):
        return str(meta["outlet"])
    origin = str(meta.get("origin") or "").rstrip("/")
    return f"unnamed outlet: {origin.rsplit('/', 1)[-1]}" if origin else None
