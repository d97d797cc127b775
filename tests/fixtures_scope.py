"""A small real database of events in and out of ACLED's scope, written straight from Events
(not through fusion), for the tests of the scope setting, the export filter and the API's scope."""

from __future__ import annotations

from pathlib import Path

from fieldreport.events.taxonomy import BATTLES, PROTESTS, VAC, in_acled_scope
from fieldreport.fuse import Link
from fieldreport.records import Analysed, Article, Event, EventDate, Location, Mention
from fieldreport.store import Store

US_CIVILIANS = "Civilians (United States)"
CHICAGO = Location(
    "Chicago", 41.85, -87.65, 1, "US", "United States", "Illinois", "Cook", "geonames:4887398", "Chicago"
)
MOSUL = Location("Mosul", 36.335, 43.1189, 1, "IQ", "Iraq", "Nineveh", None, "geonames:99072", "Mosul")

# event_id -> (sentence, event type, sub-event type, actor1, inter1, actor2, inter2, place, day)
EVENTS = {
    "ev-street": (
        "A 17-year-old was shot dead outside a corner store in Chicago on Saturday.",
        VAC, "Attack", None, None, US_CIVILIANS, 7, CHICAGO, "2023-07-01",
    ),
    "ev-two-men": (
        "Two men opened fire on a group at a Chicago bus stop on Sunday, wounding three.",
        VAC, "Attack", "two men", None, US_CIVILIANS, 7, CHICAGO, "2023-07-02",
    ),
    "ev-police": (
        "Chicago police shot and killed a man during a traffic stop on Monday.",
        VAC, "Attack", "Police Forces of United States", 1, US_CIVILIANS, 7, CHICAGO, "2023-07-03",
    ),
    "ev-battle": (
        "Iraqi troops clashed with Islamic State fighters west of Mosul on Tuesday.",
        BATTLES, "Armed clash", "Military Forces of Iraq", 1, "Islamic State", 2, MOSUL, "2023-07-04",
    ),
    "ev-protest": (
        "Hundreds marched through Chicago on Wednesday against gun violence.",
        PROTESTS, "Peaceful protest", "Protesters (United States)", 6, None, None, CHICAGO, "2023-07-05",
    ),
}  # fmt: skip
POLITICAL = ["ev-police", "ev-battle", "ev-protest"]  # by date
CRIMINAL = ["ev-street", "ev-two-men"]
TEXT = "\n\n".join(e[0] for e in EVENTS.values())


def write_scope_db(path: Path) -> dict[str, Event]:
    """Five events of one article, each judged as fusion judges it; returns them by event_id."""
    article = Article(
        "scope1", "hscope1", "wire.txt", "txt", TEXT, TEXT, title="A week of shootings and a battle",
        url="https://wire.example/week", outlet="Wire Desk", published="2023-07-06",
    )  # fmt: skip
    mentions: dict[str, Mention] = {}
    events: list[Event] = []
    for i, (event_id, (sentence, etype, sub, a1, i1, a2, i2, loc, day)) in enumerate(EVENTS.items()):
        start = TEXT.index(sentence)
        m = Mention(
            "scope1", i, start, start + len(sentence), sentence, etype, sub, a1, a2, i1, i2, loc,
            EventDate(day, 1),
        )  # fmt: skip
        mentions[event_id] = m
        event = Event(
            event_id, day, 1, etype, sub, a1, a2, i1, i2, loc.country_code, loc.country, loc.admin1,
            loc.admin2, loc.location, loc.latitude, loc.longitude, loc.geo_precision, 1, 1, 1,
            ("Wire Desk",), sentence, (m.mention_id,), political=in_acled_scope(etype, sub, a1, i1, a2, i2),
        )  # fmt: skip
        events.append(event)
    with Store(path) as s:
        s.write_batch([Analysed(article, mentions=tuple(mentions.values()))], [], [])
        s.replace_events(
            (e, [Link(e.event_id, m.mention_id, "scope1", m.sentence, m.start, m.end, False)])
            for e in events
            for m in [mentions[e.event_id]]
        )
    return {e.event_id: e for e in events}
