"""A small real database whose events carry injured counts, written straight from Events
(not through fusion), for the export, API and dashboard tests of the injured fields."""

from __future__ import annotations

from pathlib import Path

from fieldreport.fuse import Link
from fieldreport.records import Analysed, Article, Claim, Event, EventDate, Location, Mention
from fieldreport.store import Store

SENTENCES = (
    "A car bomb exploded in a market in Mosul on Tuesday, killing 4 people and wounding at least 9, "
    "police said.",
    "Hospital officials said 15 people were wounded in the blast.",
    "On Wednesday gunmen attacked a checkpoint in Tikrit, wounding 2 soldiers.",
    "Clashes were also reported near Kirkuk on Wednesday.",
)
TEXT = "\n\n".join(SENTENCES)
MOSUL = Location("Mosul", 36.335, 43.1189, 1, "IQ", "Iraq", "Nineveh", None, "geonames:99072", "Mosul")
TIKRIT = Location(
    "Tikrit", 34.6071, 43.6782, 1, "IQ", "Iraq", "Salah al-Din", None, "geonames:99131", "Tikrit"
)
KIRKUK = Location("Kirkuk", 35.4681, 44.3922, 2, "IQ", "Iraq", "Kirkuk", None, "geonames:94787", "Kirkuk")


def _claim(kind: str, n: int, victims: str, claimant: str, phrase: str) -> Claim:
    start = TEXT.index(phrase)
    return Claim(kind, n, n, victims, claimant, phrase, start, start + len(phrase), "inj1", "Tigris Times")


def _mention(
    i: int, sub: str, event_type: str, loc: Location, day: str, claims: tuple[Claim, ...]
) -> Mention:
    start = TEXT.index(SENTENCES[i])
    return Mention(
        "inj1", i, start, start + len(SENTENCES[i]), SENTENCES[i], event_type, sub,
        "Unidentified Armed Group (Iraq)", "Civilians (Iraq)", 3, 7, loc, EventDate(day, 1), claims,
    )  # fmt: skip


def _event(event_id: str, m: Mention, loc: Location, deaths: int | None, injured: tuple, notes: str) -> Event:
    best, low, high, disputed = injured
    return Event(
        event_id, m.date.date if m.date else None, 1, m.event_type, m.sub_event_type, m.actor1, m.actor2,
        m.inter1, m.inter2, loc.country_code, loc.country, loc.admin1, loc.admin2, loc.location,
        loc.latitude, loc.longitude, loc.geo_precision, deaths, deaths, deaths, ("Tigris Times",), notes,
        (m.mention_id,), injured=best, injured_low=low, injured_high=high, injured_disputed=disputed,
    )  # fmt: skip


def write_injured_db(path: Path) -> dict[str, Event]:
    """Three events in one article: a bombing whose sources give 9 and 15 injured, an attack
    with 2 injured, and a clash with no injured figure at all. Returns them by event_id."""
    article = Article(
        "inj1", "hinj1", "mosul.txt", "txt", TEXT, TEXT, title="Car bomb in Mosul market",
        url="https://tigris.example/mosul", outlet="Tigris Times", published="2021-06-02",
    )  # fmt: skip
    bomb = _mention(
        0, "Remote explosive/landmine/IED", "Explosions/Remote violence", MOSUL, "2021-06-01",
        (_claim("killed", 4, "civilians", "police", "killing 4 people"),
         _claim("injured", 9, "civilians", "police", "wounding at least 9")),
    )  # fmt: skip
    hospital = _mention(
        1, "Remote explosive/landmine/IED", "Explosions/Remote violence", MOSUL, "2021-06-01",
        (_claim("injured", 15, "civilians", "Hospital officials", "15 people were wounded"),),
    )  # fmt: skip
    attack = _mention(
        2, "Attack", "Violence against civilians", TIKRIT, "2021-06-02",
        (_claim("injured", 2, "Military Forces of Iraq", "unknown", "wounding 2 soldiers"),),
    )  # fmt: skip
    clash = _mention(3, "Armed clash", "Battles", KIRKUK, "2021-06-02", ())
    events = [
        _event("ev-bomb", bomb, MOSUL, 4, (9, 9, 15, True), "A car bomb in a Mosul market killed 4."),
        _event("ev-attack", attack, TIKRIT, 0, (2, 2, 2, False), "Gunmen attacked a Tikrit checkpoint."),
        _event("ev-clash", clash, KIRKUK, None, (None, None, None, False), "Clashes near Kirkuk."),
    ]
    links = {
        "ev-bomb": [bomb, hospital],
        "ev-attack": [attack],
        "ev-clash": [clash],
    }
    with Store(path) as s:
        s.write_batch([Analysed(article, mentions=(bomb, hospital, attack, clash))], [], [])
        s.replace_events(
            (
                e,
                [
                    Link(e.event_id, m.mention_id, "inj1", m.sentence, m.start, m.end, False)
                    for m in links[e.event_id]
                ],
            )
            for e in events
        )
    return {e.event_id: e for e in events}
