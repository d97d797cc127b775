"""Where an article is from before any of its sentences is read: its dateline, its outlet's home.

- the dateline ("CHICAGO", "HUNTSVILLE, Ala.", "MILTON TOWNSHIP, Mich."): the place the story was
  filed from, which clean.py takes out of the text (``Article.dateline``); its state or country;
- the outlet's home, where its name or URL says it: a title ending "... for Huntsville, AL" or
  "- Jackson, MS", an outlet named "<City> <Tribune|Times|News|...>" in the title's tail or in
  ``Article.outlet``, a domain such as chicagotribune.com or oregonlive.com;
- the outlet's home learned from its own reports where its name does not say it
  (``Article.outlet_home``, homes.py): WSMV's "Smyrna" is Smyrna, Tennessee;
- the states named in the title;
- the town or county whose police, sheriff or fire department the text quotes ("a Chicago Police
  spokeswoman", "the Riverside County Sheriff's Office"): local agencies work their own ground;
- the country whose way of writing places the text has: American local news gives an address as
  "the 4100 block of West Roosevelt", a road as "Interstate 880", a force as "the County
  Sheriff's Office" (:data:`REGISTERS`).

An ambiguous name resolves toward these states ("Jackson" in a story from a Mississippi outlet is
Jackson, MS), a word that is also a town's name is a place when it is the article's own place,
and an event sentence naming no place of its own happened at the dateline's place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..pagemeta import page_host, registered_domain
from ..records import Article
from .gazetteer import Entry, Gazetteer
from .names import name_key

# How much each kind of focus weighs among the first-level units an article names (a state
# named in the body weighs 1.0 each time, a place with a single reading 0.5).
DATELINE_WEIGHT = 3.0
HOME_WEIGHT = 2.0  # the outlet's home written as "City, ST" in its name
TITLE_STATE_WEIGHT = 1.0
DOMAIN_WEIGHT = 1.0
LEARNED_HOME_WEIGHT = 1.0  # the outlet's home its reports taught (homes.py): as much as its domain
AGENCY_WEIGHT = 2.0  # the town or county whose police the story quotes
HOME_POPULATION = 25_000  # a city an outlet is named after ("Chicago Tribune", salina.com) is a town of note
HOME_MARGIN = 10  # ... and ten times the size of any namesake
AGENCY_POPULATION = 10_000  # a town whose police a story quotes may be smaller; still ten times any namesake

OUTLET_WORDS = frozenset(
    """tribune times news post herald journal star sun gazette daily press courier chronicle
    dispatch examiner register record observer live online today now patch mercury sentinel
    telegram telegraph leader inquirer democrat republican independent reporter review bee
    statesman citizen enquirer globe free advocate argus beacon bulletin eagle ledger messenger
    monitor pilot tv radio""".split()
)
_STATE_AFTER = re.compile(
    r"\b(?P<city>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|of|on))*),\s*"
    r"(?P<unit>[A-Z]{2}|[A-Z][a-z]{1,4}\.(?:\s?[A-Z]\.)?|[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?![a-z])"
)
_TITLE_TAIL = re.compile(r"\s(?:[-|–—]|::)\s")
_CAPS = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# Two-letter postal codes of US states, as outlets write their home ("Huntsville, AL").
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
}  # fmt: skip

Unit = tuple[str, str]  # (country code, first-level unit name)


@dataclass
class Focus:
    """What the article's frame says about where it is."""

    dateline: str | None = None  # the dateline's place as written: "GREENWOOD"
    dateline_unit: Unit | None = None  # its state or province, when written: ("US", "Indiana")
    dateline_cc: str | None = None  # its country, when written or implied by the unit
    units: Counter[Unit] = field(default_factory=Counter)  # weighted first-level units
    names: set[str] = field(default_factory=set)  # name keys of the article's own places
    homes: list[tuple[str, Unit | None]] = field(default_factory=list)  # outlet home cities
    # the unit the frame puts the story in outright: the dateline's, else a title's "City, ST"
    home_unit: Unit | None = None
    register_cc: str | None = None  # the country whose way of writing places the text has
    # the town the story is set in by its frame where no dateline says: the town whose police
    # it quotes, else its outlet's home (a city of note the outlet is named after)
    home_town: Entry | None = None
    agency_town: Entry | None = None  # the town whose police it quotes, where its state is clear

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.names)


def unit_of(gaz: Gazetteer, text: str) -> Entry | None:
    """The first-level unit or country ``text`` names exactly: "Ala.", "AL", "Mich.", "Syria"."""
    text = text.strip().rstrip(",")
    if len(text) == 2 and text.isupper():
        text = US_STATES.get(text, text)
    if text.isalpha() and text.istitle() and len(text) <= 5:
        # "MEMPHIS, Tenn --": an AP abbreviation whose period the page dropped, before any
        # place that happens to have the bare word as a name ("Tenn" for a Sri Lankan province)
        for e in gaz.lookup(text + ".", fuzzy=False):
            if e.feature == "ADM1" and e.match == "abbrev":
                return e
    for e in gaz.lookup(text, fuzzy=False):
        if e.feature in ("ADM1", "PCLI") and not e.demonym:
            return e
    return None


def _unit(e: Entry) -> Unit | None:
    if e.feature == "ADM1" and e.country_code:
        return (e.country_code, e.admin1 or e.name)
    return None


# "SOUTHWEST MIAMI-DADE", "Downtown Memphis", "NEAR DALLAS": a part of a place or a place near it
PART_OF = re.compile(
    r"^(?:(?:north|south|east|west)(?:east|west)?|northern|southern|eastern|western|central|downtown|near"
    r"|uptown|midtown|outside|suburban|rural)\s+(?=\S)",
    re.I,
)


def _dateline_town(gaz: Gazetteer, name: str) -> str:
    """The town a dateline names: "SOUTHWEST MIAMI-DADE" is Miami-Dade's, where the gazetteer has
    no place of the whole name ("EAST ORANGE" and "WEST PALM BEACH" are towns)."""
    part = PART_OF.match(name)
    if part is None or any(_town(e) or e.feature == "ADM2" for e in gaz.lookup(name, fuzzy=False)):
        return name
    return name[part.end() :]


def article_focus(article: Article, gaz: Gazetteer) -> Focus:
    focus = Focus()
    if article.dateline:  # "GREENWOOD, Ind.": the town, then its state or country
        parts = [p.strip() for p in article.dateline.split(",") if p.strip()]
        focus.dateline = _dateline_town(gaz, parts[0])
        focus.names.add(name_key(focus.dateline))
        for part in parts[1:]:
            e = unit_of(gaz, part)
            if e is None:
                continue
            focus.dateline_cc = focus.dateline_cc or e.country_code
            unit = _unit(e)
            if unit and focus.dateline_unit is None:
                focus.dateline_unit = focus.home_unit = unit
                focus.units[unit] += DATELINE_WEIGHT
    title = article.title or ""
    for m in _STATE_AFTER.finditer(title):
        e = unit_of(gaz, m["unit"])
        unit = _unit(e) if e is not None else None
        if unit is not None:
            focus.homes.append((m["city"], unit))
            focus.names.add(name_key(m["city"]))
            focus.units[unit] += HOME_WEIGHT
            focus.home_unit = focus.home_unit or unit
    for unit in _title_states(gaz, title):
        focus.units[unit] += TITLE_STATE_WEIGHT
    outlet_town: Entry | None = None
    for outlet in _outlet_names(article):
        home = _home(gaz, outlet)
        if home is not None:
            unit = _unit(home) or ((home.country_code or "", home.admin1) if home.admin1 else None)
            focus.homes.append((home.name, unit))
            focus.names.add(name_key(home.name))
            if _town(home):
                outlet_town = outlet_town or home
            if unit:
                focus.units[unit] += DOMAIN_WEIGHT
    learned = _learned_home(article.outlet_home)
    if learned is not None:
        focus.units[learned] += LEARNED_HOME_WEIGHT
    _agencies(gaz, article.text, focus)
    focus.register_cc = next((cc for cc, rx in REGISTERS if rx.search(article.text)), None)
    focus.home_town = focus.agency_town or outlet_town
    return focus


# Ways of writing a place or a force that only one country's press has: (country, pattern).
REGISTERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "US",
        re.compile(
            r"\b\d+\s+block\s+of\s+[A-Z0-9]|\bInterstate\s+\d+|\bI-\d{2,3}\b|\b[A-Z][a-z]+\s+County\s+"
            r"(?:Sheriff|Coroner|Medical\s+Examiner|District\s+Attorney|Prosecutor)|\bsheriff['’]s\s+(?:office|deputies)"
            r"|\bstate\s+troopers?\b"
        ),
    ),
)
REGISTER_WEIGHT = 1.0  # as much as a country named once


# "Chicago Police", "Memphis police", "the Riverside County Sheriff's Office", "Baton Rouge Police Department"
_AGENCY = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[Oo]f))*?)(?P<county>\s+(?:County|Parish))?"
    r"\s+(?:[Pp]olice|[Ss]heriff|[Ss]heriff['’]s|Fire|Metro(?:politan)?\s+[Pp]olice)\b"
)
# words before "Police" that name no town: "State Police", "Transit Police", "Capitol Police"
_NOT_AGENCY_TOWN = frozenset(
    """the a an state capitol transit campus university college school airport metro city tribal
    border military highway secret national federal local area regional park port county village
    township town his her their its royal""".split()
)


def _agencies(gaz: Gazetteer, text: str, focus: Focus) -> None:
    """The towns and counties whose agencies the text quotes, most quoted first: each gives the
    story its state where its name has one reading there (a city of note, or every reading in
    one state); the most quoted town whose state is clear is the story's home town."""
    counts: Counter[tuple[str, bool]] = Counter()
    for m in _AGENCY.finditer(text):
        words = m["name"].split()
        while words and words[0].lower() in _NOT_AGENCY_TOWN:
            words = words[1:]
        if words:
            counts[(" ".join(words), bool(m["county"]))] += 1
    for name, county in list(counts):
        if county or " " in name:
            continue
        # "Springs police" beside "the Colorado Springs Police Department": the town shortened
        longer = next((n for n, c in counts if not c and n.endswith(" " + name)), None)
        if longer is not None:
            counts[(longer, False)] += counts.pop((name, county))
    for (name, county), _n in counts.most_common():
        focus.names.add(name_key(name))
        e = _agency_place(gaz, name, county, focus.home_unit)
        unit = (e.country_code or "", e.admin1) if e is not None and e.admin1 else None
        if unit is None:
            continue
        focus.units[unit] += AGENCY_WEIGHT
        if not county and focus.agency_town is None and _town(e):  # type: ignore[arg-type]
            focus.agency_town = e
            focus.home_unit = focus.home_unit or unit


def _town(e: Entry) -> bool:
    return (e.feature or "").startswith("PPL")


def _agency_place(gaz: Gazetteer, name: str, county: bool, unit: Unit | None) -> Entry | None:
    """The place an agency is of: in the frame's state where it has one, else the one reading
    its name can have (a city of note; every county of that name in one state)."""
    found = [e for e in gaz.lookup(f"{name} County" if county else name, fuzzy=False) if not e.demonym]
    kind = [e for e in found if (e.feature == "ADM2" if county else _town(e))]
    if unit is not None:
        here = [e for e in kind if (e.country_code, e.admin1) == unit]
        if here:
            return max(here, key=lambda e: e.population or 0)
    if county:
        units = {(e.country_code, e.admin1) for e in kind}
        return kind[0] if len(units) == 1 else None
    return _notable(gaz, name, AGENCY_POPULATION)


def _title_states(gaz: Gazetteer, title: str) -> list[Unit]:
    """States or provinces the title names by name ("Colorado High School Shooting"); the
    longest name at each word counts ("Washington Heights" is no state)."""
    out = []
    for m in _CAPS.finditer(title):
        words = m.group().split()
        k = 0
        while k < len(words):
            for j in range(len(words), k, -1):
                found = gaz.lookup(" ".join(words[k:j]), fuzzy=False)
                if found:
                    e = found[0]
                    if e.feature == "ADM1" and e.match == "name" and (unit := _unit(e)):
                        out.append(unit)
                    k = j
                    break
            else:
                k += 1
    return out


def _outlet_names(article: Article) -> list[str]:
    """What may name the outlet: the title's tail segments, the outlet field, the URL's host."""
    names = []
    title = article.title or ""
    segments = _TITLE_TAIL.split(title)
    names += [s.strip() for s in segments[1:] if s.strip()]
    host = page_host(article.url) if article.url else ""
    labels = [x for x in host.split(".") if x not in ("www", "m", "amp", "mobile")]
    if article.outlet and article.outlet.lower() != registered_domain(article.url):
        names.append(article.outlet)  # a name; an outlet known by its domain is the host's below
    if len(labels) >= 2:
        names.append(labels[-2])
    if len(labels) >= 3:
        names.append(labels[-3])  # a network's local site: chicago.cbslocal.com
    return names


def home_text(unit: Unit | None) -> str | None:
    """A unit as ``Article.outlet_home`` stores it: "US/Tennessee"; None for none."""
    return f"{unit[0]}/{unit[1]}" if unit else None


def _learned_home(home: str | None) -> Unit | None:
    """``Article.outlet_home`` as a unit."""
    if not home or "/" not in home:
        return None
    cc, admin1 = home.split("/", 1)
    return (cc, admin1)


# a network's local station names its city after the network and channel: "fox13memphis",
# "abc7chicago", "clickondetroit", "myfoxdetroit", "nbcmiami"
_NETWORK = re.compile(r"^(?:my)?(?:fox|nbc|abc|cbs|click(?:on)?)\d*(?=[a-z]{4})")


def _home(gaz: Gazetteer, outlet: str) -> Entry | None:
    """The city or state an outlet is named after: "Chicago Tribune", "chicagotribune",
    "oregonlive", "cleveland", "fox13memphis"; None when its name does not say."""
    words = outlet.split()
    if len(words) > 1:  # "Chicago Tribune", "The Baltimore Sun"
        words = [w for w in words if w.lower() != "the"]
        for j in range(len(words) - 1, 0, -1):
            if words[j].lower().strip(".,:") in OUTLET_WORDS:
                e = _notable(gaz, " ".join(words[:j]))
                if e is not None:
                    return e
        return None
    label = _NETWORK.sub("", outlet.lower().replace("-", ""))
    if not label.isalpha():
        return None
    for cut in range(len(label), 3, -1):
        rest = label[cut:]
        if rest and not any(rest == w or rest.startswith(w) for w in OUTLET_WORDS):
            continue
        e = _notable(gaz, label[:cut])
        if e is not None:
            return e
    return None


def _notable(gaz: Gazetteer, name: str, population: int = HOME_POPULATION) -> Entry | None:
    """The one place an outlet's name can mean: a state, or a city of note with no namesake
    within a tenth of its size (Chicago; not Columbus, Richmond, Oxford or Springfield, whose
    papers are as often those of the smaller namesakes)."""
    found = [e for e in gaz.lookup(name, fuzzy=False) if not e.demonym and e.match in ("name", "abbrev")]
    if any(e.feature == "PPLC" and e.population >= HOME_POPULATION for e in found):
        return None  # "washingtonpost": a capital's outlet reports the nation
    states = [e for e in found if e.feature == "ADM1"]
    if states:
        return states[0]
    towns = sorted((e for e in found if _town(e)), key=lambda e: -e.population)
    if not towns or towns[0].population < population:
        return None
    if len(towns) > 1 and towns[1].population * HOME_MARGIN > towns[0].population:
        return None
    return towns[0]
