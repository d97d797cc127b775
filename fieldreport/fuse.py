"""Fuse stage: reports of all articles become events, ACLED's unit of record.

The unit that fuses is a report: what one article says of one incident (its mentions that
``events.incidents`` numbered alike), with every sentence of it as evidence. Reports from other
outlets, days or wordings are one event when they are compatible on the evidence
(:func:`compatible`): their days agree within each date's precision, their places are the same
locality or within a distance that fits their precision, what happened is of one kind
(violence, protest, a strategic development), and their words show they tell one story. Actor
strings, sub-types and precisions may differ: the event takes the best-supported values (the
more specific place, a stated day over a publication date, the most confident type), keeps
every mention and claim, and flags disputed tolls. Distinct incidents of one article stay
distinct. Copies found by dedup add their outlet and their own evidence span to the event,
never another event.

Fatalities and injured, per ACLED's conservative rule (:func:`toll`): each claimant's latest
claim, summed over victim groups; the event's best and low figure is the smallest claimant
figure, high the largest upper bound, and ``*_disputed`` says the claimants disagree. An event
with no death claim has 0 fatalities, as ACLED codes it.

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
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from .events.casualties import estimated
from .events.incidents import (
    AFTERMATH,
    DATE_SLACK,
    PUBLISHED_BEFORE,
    STEP_BEFORE,
    armed,
    decision,
    same_unit,
    stated_day,
)
from .events.taxonomy import (
    BATTLES,
    EVENT_TYPES,
    EXPLOSIONS,
    PEACEFUL_PROTEST,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VAC,
    in_acled_scope,
)
from .events.victims import SELF
from .geo import place_key
from .geo.gazetteer import distance_km
from .ids import stable_id
from .lexicon import OFFICIAL_SOURCE
from .records import PER_DAY_MAX, PUBLICATION_DATE, Event, EventDate, Location, Mention, from_lead, from_step


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


def report_day(members: Sequence[Mention]) -> str | None:
    """The day of one article's report of an incident: the earliest day it states, in a sentence
    or its lead (the incident began then; a victim who died a day later is its toll), else its
    most precise date, the earliest of those.
    ``Store.iter_mentions`` orders by the same rule in SQL."""
    stated = [d for d in map(stated_day, members) if d]
    stated += [m.date.date for m in members if m.date and m.date.date and _lead_day(m.date)]
    if stated:
        return min(stated)
    dated = [(m.date.precision or 9, m.date.date) for m in members if m.date and m.date.date]
    return min(dated)[1] if dated else None


def report_order(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions in the order :func:`stream` needs: reports by day (undated last), each report's
    mentions together and in text order."""
    reports: dict[tuple[str, int], list[Mention]] = {}
    for m in mentions:
        reports.setdefault((m.article_id, m.incident), []).append(m)
    out: list[Mention] = []
    for _key, members in sorted(reports.items(), key=lambda kv: (_report_sort(kv[1]), kv[0])):
        out += sorted(members, key=lambda m: (m.start, m.mention_id))
    return out


def _report_sort(members: Sequence[Mention]) -> tuple[bool, str]:
    day = report_day(members)
    return day is None, day or ""


# How far either side of its date a report may place the incident: incidents.DATE_SLACK.
_SLACK_MAX = max(DATE_SLACK.values())
# How far from its point a place of each precision may put the incident (km): a town, a place
# near it or part of a region, the region.
PLACE_SLACK_KM = {1: 12.5, 2: 25.0, 3: 100.0}
# Words two reports share, as a share of the smaller one's words: enough (in their words and in
# their headlines) to show that reports of one story tell one incident where their place names
# disagree, and that reports the story clustering kept apart, or that name no place, do
# (measured on the tune halves: gva reports of one story are one incident 93% of the time,
# other reports sharing 30% of their words 7%; ACLED notes, which have no headline, of one
# story on one day are mostly different events).
STORY_WORDS = 0.2
SAME_WORDS = 0.4
# How many days apart two reports of an incident whose sides are unnamed may date it.
UNNAMED_DAY_SLACK = 1
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    """the and was were that with for from his her their they this said police shot shooting
    killed dead wounded injured people man woman after about who when where been have has had not
    into out one two three but are its than said told according officers officer news""".split()
)

# What happened, coarsely: two reports of one incident may name its sub-type differently (a
# clash, an attack, a shooting with no armed side), never its kind.
_KIND = {
    **{sub: "violence" for etype in (BATTLES, EXPLOSIONS, VAC) for sub in EVENT_TYPES[etype]},
    **{sub: "protest" for sub in EVENT_TYPES[PROTESTS]},
    **{sub: "riot" for sub in EVENT_TYPES[RIOTS]},
    **{sub: "strategic" for sub in EVENT_TYPES[STRATEGIC]},
}
_KINDS_AGREE = {
    ("violence", "riot"), ("riot", "violence"), ("protest", "riot"), ("riot", "protest"),
}  # fmt: skip


@dataclass
class Report:
    """What one article says of one incident."""

    members: list[Mention]
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        return self.members[0].article_id

    @cached_property
    def day(self) -> _dt.date | None:
        return _iso(report_day(self.members))

    @cached_property
    def stated(self) -> bool:
        """Whether its day is one the article states, not its publication date."""
        return any(stated_day(m) for m in self.members)

    @cached_property
    def window(self) -> tuple[_dt.date, _dt.date] | None:
        """The first and last day the report can mean."""
        if self.day is None:
            return None
        stated = self.stated
        precision = min((m.date.precision or 3 for m in self.members if m.date and m.date.date), default=3)
        before = after = DATE_SLACK.get(precision, _SLACK_MAX)
        if not stated and precision == 1:
            before = PUBLISHED_BEFORE
        if not stated and any(m.date and from_step(m.date.evidence) for m in self.members):
            # its day is a later step's: the incident happened on it or before
            before, after = max(before, STEP_BEFORE), 0
        return self.day - _dt.timedelta(days=before), self.day + _dt.timedelta(days=after)

    @cached_property
    def place(self) -> Location | None:
        return best_place(self.members)

    @cached_property
    def kind(self) -> str:
        """What happened, coarsely; an arrest or a charge in a shooting told before
        (``incidents.AFTERMATH``: "arrested Monday in the fatal shooting of a teen") is a
        report of that shooting."""
        kind = _KIND.get(lead(self.members).sub_event_type, "other")
        if kind == "strategic" and any(_aftermath(m.sentence) for m in self.members):
            return "violence"
        return kind

    @cached_property
    def armed(self) -> bool:
        """Whether its lead names an organised armed side: then its type is the text's, not a guess."""
        return armed(lead(self.members))

    @cached_property
    def headline(self) -> frozenset[str]:
        return frozenset(
            w for w in _WORD.findall(str(self.meta.get("title") or "").casefold()) if w not in _STOP
        )

    @cached_property
    def words(self) -> frozenset[str]:
        text = " ".join([str(self.meta.get("title") or "")] + [m.sentence for m in self.members])
        return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


def _aftermath(sentence: str) -> bool:
    rule = decision(sentence)
    return rule is not None and rule.decides == AFTERMATH


def _iso(day: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(day) if day else None
    except ValueError:
        return None


def lead(members: Sequence[Mention]) -> Mention:
    """The mention that says best what happened: violence over what follows it, then the most
    confident, then the first told."""
    return max(members, key=lambda m: (_KIND.get(m.sub_event_type) == "violence", m.confidence, -m.start))


def _place_rank(loc: Location) -> tuple[bool, int, bool, bool]:
    return (loc.latitude is None, loc.geo_precision or 9, loc.admin1 is None, loc.location is None)


def best_place(members: Sequence[Mention]) -> Location | None:
    """The place most of the reports' articles name (a misread place name is one article's
    slip), then the most specific."""
    located = [m for m in members if m.location is not None]
    support: dict[str | None, set[str]] = {}
    for m in located:
        support.setdefault(_key(m.location), set()).add(m.article_id)  # type: ignore[arg-type]
    best = min(
        located,
        key=lambda m: (
            m.location.latitude is None,
            -len(support[_key(m.location)]),
            *_place_rank(m.location)[1:],
        ),  # type: ignore[union-attr,arg-type]
        default=None,
    )
    return best.location if best is not None else None


def _key(loc: Location) -> str | None:
    return place_key(loc.location or "") or loc.gazetteer_id


def headline_overlap(a: Report, b: Report) -> float:
    """Words two reports' headlines share, as a share of the shorter one's (0 without both)."""
    small = min(len(a.headline), len(b.headline))
    return len(a.headline & b.headline) / small if small else 0.0


def overlap(a: Report, b: Report) -> float:
    """Words two reports share, as a share of the smaller one's."""
    small = min(len(a.words), len(b.words))
    return len(a.words & b.words) / small if small else 0.0


def _same_kind(a: Report, b: Report) -> bool:
    """What happened agrees: the same event type; or, where a side is not an organised armed
    group, violence of any type (one outlet's shooting is another's clash or attack)."""
    la, lb = lead(a.members), lead(b.members)
    if la.event_type == lb.event_type:
        return True
    if a.kind != b.kind and (a.kind, b.kind) not in _KINDS_AGREE:
        return False
    return not (a.armed and b.armed)


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports from different articles can tell one incident.

    The days they can mean must meet (a day either way where a side is unnamed: "late Saturday"
    and "early Sunday" are one night; ACLED's day is exact between organised armed sides), what
    happened must be of one kind, and their countries agree. Then the evidence that they tell one
    incident: the story clustering joined them and their places agree (or, where a side is
    unnamed, their headlines and words do, since a wrongly read place name is likelier than two
    incidents of one story on one day); or, in different stories, their places agree and they
    share most of their words. A report that names no place is held to sharing most words: a
    month of bare reports of one country's violence is many incidents, not one."""
    if a.article_id == b.article_id or a.window is None or b.window is None:
        return False
    slack = _dt.timedelta(days=0 if a.armed and b.armed else UNNAMED_DAY_SLACK)
    if a.window[1] + slack < b.window[0] or b.window[1] + slack < a.window[0]:
        return False
    if not _same_kind(a, b):
        return False
    placed = places_agree(a.place, b.place)
    if placed is None:
        return False
    if a.place is None or b.place is None:
        return overlap(a, b) >= SAME_WORDS
    if a.armed and b.armed:
        # ACLED's unit between organised sides: one type and pair of sides, whatever the words
        if not same_unit(lead(a.members), lead(b.members)):
            return False
        if a.stated and b.stated and a.day == b.day:
            return placed
    if a.meta.get("story_id") is not None and a.meta.get("story_id") == b.meta.get("story_id"):
        # between organised armed sides the place is ACLED's unit: strikes on two towns are two
        if placed:
            return True
        return (
            not (a.armed and b.armed)
            and overlap(a, b) >= STORY_WORDS
            and headline_overlap(a, b) >= STORY_WORDS
        )
    return placed and overlap(a, b) >= SAME_WORDS


def places_agree(pa: Location | None, pb: Location | None) -> bool | None:
    """True where two places are within their precisions of each other (or one is unknown),
    False where they are apart, None where they are in different countries."""
    if pa is None or pb is None:
        return True
    if pa.country_code and pb.country_code and pa.country_code != pb.country_code:
        return None
    if pa.location and place_key(pa.location) == place_key(pb.location or ""):
        return True  # one name: a village placed at its province in one article, by a town in another
    if pa.latitude is None or pb.latitude is None or pa.longitude is None or pb.longitude is None:
        return False
    return distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= _reach(pa) + _reach(pb)


def _reach(loc: Location) -> float:
    return PLACE_SLACK_KM.get(loc.geo_precision or 3, PLACE_SLACK_KM[3])


@dataclass
class _Cluster:
    reports: list[Report]

    def last_day(self) -> _dt.date:
        return max(r.day for r in self.reports if r.day is not None)

    def fits(self, r: Report) -> bool:
        return all(compatible(x, r) for x in self.reports)

    def score(self, r: Report) -> float:
        return max(overlap(x, r) for x in self.reports)


def _first_published(r: Report) -> tuple[str, str, int]:
    return str(r.meta.get("published") or "9999"), r.article_id, r.members[0].incident


def _reports(mentions: Iterable[Mention], articles: Mapping[str, Mapping[str, Any]]) -> Iterator[Report]:
    """Consecutive mentions of one article's incident, as ``report_order`` gives them."""
    current: list[Mention] = []
    for m in mentions:
        if current and (m.article_id, m.incident) != (current[0].article_id, current[0].incident):
            yield Report(current, articles.get(current[0].article_id, {}))
            current = []
        current.append(m)
    if current:
        yield Report(current, articles.get(current[0].article_id, {}))


def stream(
    mentions: Iterable[Mention],
    articles: Mapping[str, Mapping[str, Any]],
    texts: Mapping[str, str],
    known: Mapping[tuple[str, str | None], Location],
) -> Iterator[tuple[Event, list[Link]]]:
    """Events from mentions in :func:`report_order`, a few days at a time.

    A dated report joins the open event whose every report it is :func:`compatible` with (the
    one whose words it shares most, when several), else opens one; an event closes once the
    stream is past the longest date slack after its last day, so memory holds a few days of
    reports, not the corpus. An undated report is an event of its own. ``articles`` maps
    article_id to ``outlet``, ``origin``, ``published``, ``title``, ``story_id`` and
    ``duplicate_of``; ``texts`` gives the clean text of duplicate articles, to place the copied
    evidence in them.
    """
    copies: dict[str, list[str]] = {}
    for aid, meta in sorted(articles.items()):
        if meta.get("duplicate_of"):
            copies.setdefault(meta["duplicate_of"], []).append(aid)

    def close(reports: list[Report]) -> Iterator[tuple[Event, list[Link]]]:
        # the first published report names the event: later reports never change its id
        head = min(
            reports,
            key=lambda r: (str(r.meta.get("published") or "9999"), r.article_id, r.members[0].incident),
        )
        first = head.members[0]
        event_id = stable_id("event", first.article_id, first.incident, first.mention_id)
        group = [m for r in reports for m in r.members]
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
    last: tuple[bool, str] | None = None
    for r in _reports(mentions, articles):
        key = _report_sort(r.members)
        if last is not None and key < last:
            raise ValueError("fuse.stream needs mentions in fuse.report_order")
        last = key
        if r.day is None:
            yield from close([r])
            continue
        done = [c for c in open_ if (r.day - c.last_day()).days > 2 * _SLACK_MAX]
        for c in done:
            yield from close(c.reports)
        open_ = [c for c in open_ if c not in done]
        fitting = [c for c in open_ if c.fits(r)]
        if fitting:
            max(fitting, key=lambda c: c.score(r)).reports.append(r)
        else:
            open_.append(_Cluster([r]))
    for c in open_:
        yield from close(c.reports)


def run(
    mentions: Iterable[Mention],
    articles: Mapping[str, Mapping[str, Any]],
    texts: Mapping[str, str] | None = None,
) -> tuple[list[Event], list[Link]]:
    """All events of a list of mentions, in memory (``stream`` does it a few days at a time)."""
    ordered = report_order(mentions)
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
    best = lead(group)
    loc = best_place(group)
    if loc is not None and loc.location:
        better = known.get((place_key(loc.location), loc.country_code))
        if better is not None and _place_rank(better) < _place_rank(loc):
            loc = better
    date = event_date(group)
    actor1, actor2, inter1, inter2 = _sides(best, group)
    low, best_count, high, disputed = toll(group, articles, "killed")
    injured_low, injured, injured_high, injured_disputed = toll(group, articles, "injured")
    died = died_since(group, articles, best_count)
    if died:
        injured_low, injured = max(0, injured_low - died), max(0, injured - died)
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
        actor1=actor1,
        actor2=actor2,
        inter1=inter1,
        inter2=inter2,
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
        injured=injured,
        injured_low=injured_low,
        injured_high=injured_high,
        injured_disputed=injured_disputed,
        political=in_acled_scope(best.event_type, best.sub_event_type, actor1, inter1, actor2, inter2),
    )


def event_date(group: Sequence[Mention]) -> EventDate | None:
    """The earliest day the reports state (the incident began then), else their most precise
    date; a publication date only where nothing better is told."""
    stated = [m.date for m in group if m.date is not None and (stated_day(m) or _lead_day(m.date))]
    if stated:
        return min(stated, key=lambda d: d.date or "")
    dated = [m.date for m in group if m.date is not None and m.date.date]
    return min(dated, key=_date_rank, default=None)


def _lead_day(d: EventDate) -> bool:
    """A day the article's lead states, which a sentence of it took: stated, if not by the sentence."""
    return d.precision == 1 and bool(d.date) and from_lead(d.evidence)


def _date_rank(d: EventDate) -> tuple[int, bool, bool]:
    """The most precise first; a day the text states before its lead's, before a publication date."""
    return (d.precision or 9, d.evidence == PUBLICATION_DATE, from_lead(d.evidence))


def _sides(best: Mention, group: Sequence[Mention]) -> tuple[str | None, str | None, int | None, int | None]:
    """The lead's sides; a side it leaves unnamed is taken from the most confident report that
    names one (a named actor over an unnamed one) of the same kind: the police who arrested a
    suspect are no side of the shooting they arrested him in."""
    a1, a2, i1, i2 = best.actor1, best.actor2, best.inter1, best.inter2
    kind = _KIND.get(best.sub_event_type)
    others = sorted(
        (m for m in group if _KIND.get(m.sub_event_type) == kind), key=lambda m: (-m.confidence, m.start)
    )
    if a1 is None:
        m = next((m for m in others if m.actor1 and m.actor1 != a2), None)
        if m is not None:
            a1, i1 = m.actor1, m.inter1
    if a2 is None:
        m = next((m for m in others if m.actor2 and m.actor2 != a1), None)
        if m is not None:
            a2, i2 = m.actor2, m.inter2
    return a1, a2, i1, i2


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
    """(low, best, high, disputed) deaths of an event: :func:`toll` of its killed claims."""
    return toll(group, articles, "killed")


def toll(
    group: Sequence[Mention], articles: Mapping[str, Mapping[str, Any]] | None = None, kind: str = "killed"
) -> tuple[int, int, int, bool]:
    """(low, best, high, disputed) dead (``kind`` "killed") or injured of an event from its
    reports' claims.

    Each claimant ("the Observatory", "a defense official"; an article's unattributed figures
    are its outlet's own) counts once, with its latest word: the claims it made in the most
    recently published report (an updated toll replaces an early one). Unattributed figures
    are the press's running count: only those of the most recently published reports stand
    ("a second victim died" the next day updates, it does not dispute). A claimant's figure is
    the sum over victim groups of its largest claimed lower (upper) bounds; a toll that names no
    victims ("unknown": "the death toll rose to five") is a total, not one more group, so the
    figure is at least it and never it plus the groups. ``low`` and ``best`` are the smallest
    claimant figure, as ACLED codes the most conservative credible toll; ``high`` the largest
    upper bound; ``disputed`` that claimants disagree. A named source that tells only of one
    person's death or wound ("their daughter died", "a woman was shot to death", "one victim was
    shot seven times") tells a part, not a total: where another counts more, its one is among them
    (:func:`_totals`).
    """
    latest: dict[str, tuple[str, dict[str, tuple[int, int]]]] = {}
    one_person: dict[str, bool] = {}  # whether each claimant's latest word tells only one person
    for m in group:
        published = _published(m, articles)
        for c in m.claims:
            if c.kind != kind or m.sub_event_type == PEACEFUL_PROTEST:
                continue  # a peaceful protest harms no one: a toll in its sentence is its cause
            who = " ".join((c.claimant or "").casefold().removeprefix("the ").split())
            if not who or (c.victims == "unknown" and OFFICIAL_SOURCE.search(who)):
                # a total the story's police or officials give is the outlet's own count: local
                # news attribute nearly every figure to them, parts ("three victims ran to a
                # station, officers said") as much as the whole
                who = f"article:{m.article_id}"
            when, victims = latest.get(who, ("", {}))
            if published > when:  # a later report of this claimant: its word replaces the earlier
                when, victims = published, {}
                one_person[who] = True
            elif published < when:
                continue
            lo, hi = victims.get(c.victims, (0, 0))
            victims[c.victims] = (max(lo, c.low), max(hi, c.high))
            latest[who] = (when, victims)
            one_person[who] = one_person.get(who, True) and c.high <= 1 and not _COUNTED.search(c.text)
    if not latest:
        return 0, 0, 0, False
    # the press's own figures (no claimant named) are its running count: a later day's report
    # updates the earlier ones ("a second victim died"); reports of the same day may disagree
    press = [when for who, (when, _) in latest.items() if who.startswith("article:")]
    newest = max(press, default="")
    standing = {
        who: _figure(v)
        for who, (when, v) in latest.items()
        if not who.startswith("article:") or when == newest
    }
    figures = list(_totals(standing, one_person).values())
    low = min(lo for lo, _ in figures)
    return low, low, max(hi for _, hi in figures), len(set(figures)) > 1


def _published(m: Mention, articles: Mapping[str, Mapping[str, Any]] | None) -> str:
    return str((articles or {}).get(m.article_id, {}).get("published") or "")


def died_since(
    group: Sequence[Mention], articles: Mapping[str, Mapping[str, Any]] | None, dead_now: int
) -> int:
    """How many of the injured a later report tells dead, of the ``dead_now`` the reports count:
    where the reports that count the injured are all older than the latest that counts the dead,
    the dead added since were among them ("a boy in critical condition" on Sunday, "the boy died"
    on Monday: one dead, none injured)."""

    def days(kind: str) -> list[str]:
        counting = (m for m in group if any(c.kind == kind and c.high > 0 for c in m.claims))
        return [_published(m, articles) for m in counting]

    hurt, dead = days("injured"), days("killed")
    if not hurt or not dead or max(dead) <= max(hurt):
        return 0
    then = max(hurt)
    before = [m for m in group if _published(m, articles) <= then]
    return max(0, dead_now - toll(before, articles, "killed")[1])


# "one man was killed" counts the dead; "a man died", "he was pronounced dead" tell of a person
_COUNTED = re.compile(r"\b(?:one|1)\b(?!\s+of\b)", re.I)


def _totals(
    figures: Mapping[str, tuple[int, int]], one_person: Mapping[str, bool]
) -> dict[str, tuple[int, int]]:
    """The figures that stand as totals: a named source's account of one person's death or wound (a
    mother's "my son died", police naming the woman shot, "one victim was shot seven times, the
    sergeant said") is not a count that disputes another source's "three people were killed" or
    "three others were wounded"."""
    most = max(lo for lo, _ in figures.values())
    kept = {
        who: (lo, hi)
        for who, (lo, hi) in figures.items()
        if who.startswith("article:") or not one_person.get(who) or hi >= most
    }
    return kept or dict(figures)


def _figure(victims: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    named = [bounds for group, bounds in victims.items() if group not in ("unknown", SELF)]
    lo, hi = victims.get("unknown", (0, 0))
    own_lo, own_hi = victims.get(SELF, (0, 0))  # the killer's own death, on top of the others'
    return max(sum(b[0] for b in named), lo) + own_lo, max(sum(b[1] for b in named), hi) + own_hi


def source_name(meta: Mapping[str, Any]) -> str | None:
    """The outlet an event cites for an article: its outlet, else the article as it came in
    ("unnamed outlet: 000_f8b96745.txt"), so that no report goes uncounted among the sources."""
    if meta.get("outlet"):
        return str(meta["outlet"])
    origin = str(meta.get("origin") or "").rstrip("/")
    return f"unnamed outlet: {origin.rsplit('/', 1)[-1]}" if origin else None
