"""Choose, for each toponym, the gazetteer entry it names.

Every candidate entry is scored on what a reader uses to disambiguate:

* how prominent it is: its kind (a continent, country or capital before a district) and population;
* the article's countries: country names and demonyms in the body, title, captions and dateline;
* the article's first-level units: states and provinces named in the text or implied by places
  that have one reading only ("Gainesville" in an article that names Georgia or Atlanta);
* a unit written next to the name ("Paris, Tenn.", "Dublin, Ohio") or a kind word ("X province");
* closeness to the places of the article that have one reading only;
* the counties the text names: a town in one of them, and a county that holds a town the text
  names ("Peoria" beside "Peoria County", "Wayne County" beside "Goldsboro").

A match through the consonant skeleton, or of a minor place outside the article's countries, has
to be backed by that context (:func:`plausible`); otherwise the toponym stays unresolved rather
than being put on the wrong continent.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer, distance_km
from .names import name_key

# Prior weight of a reading by its kind: news name countries and capitals far more often than a
# district that happens to share their name.
FEATURE_PRIOR = {
    "CONT": 4.0,
    "RGN": 3.5,
    "PCLI": 3.5,
    "PPLC": 2.5,
    "ADM1": 2.2,
    "PPLA": 1.2,
    "PPL": 1.0,
    "ADM2": 0.5,
}
OTHER_PRIOR = 0.3
SPATIAL_ROUNDS = 2
SEAT_PENALTY = 1.0
SUPPORT_KM = 50.0
SUPPORT_WEIGHT = 0.4
SUPPORT_MAX = 2
READINGS = 25  # readings per name compared for support, most populous first


@dataclass
class Candidate:
    """A toponym in the text and its readings, before and after resolution."""

    start: int
    end: int
    text: str
    source: str  # ner | gazetteer | span
    hint: str | None = None  # ADM1 | ADM2 | PPL: a kind word beside the name
    within: tuple[str, str] | None = None  # (country, admin1) written beside it: "Paris, Tenn."
    entries: list[Entry] = field(default_factory=list)
    best: Entry | None = None
    score: float = 0.0


FOCUS_WEIGHT = 1.0  # a corpus-wide prior: less than one country named in the text (3.0 x share)
FOCUS_NAME = "(frame)"  # what puts a unit of Context.focus_units in the context
OUT_OF_STATE_POPULATION = 100_000
MAJOR = frozenset({"CONT", "RGN", "PCLI", "ADM1", "PPLC"})


@dataclass
class Context:
    """What the article says about where it is."""

    countries: Counter[str] = field(default_factory=Counter)
    # how much of each country's weight a name gave by having readings in that country only
    # ("Whitehaven": England), so that a name never vouches for its own reading
    vouchers: dict[str, Counter[str]] = field(default_factory=dict)
    # the names that have some reading in each country; set by resolve
    reading_names: dict[str, set[str]] = field(default_factory=dict)
    admins: Counter[tuple[str, str]] = field(default_factory=Counter)
    # which names put each first-level unit in the context, so a name never vouches for itself
    admin_names: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    dateline_cc: str | None = None
    # the countries the corpus is about (setting geo_focus): a prior, below what the text says
    focus: frozenset[str] = frozenset()
    # first-level units the article's frame names (its dateline's state, its outlet's home,
    # states in its title), weighted; added to those its text names
    focus_units: Counter[tuple[str, str]] = field(default_factory=Counter)
    # the article's home unit, when its dateline or outlet says it outright: a small town
    # elsewhere in the same country needs other names beside it to be read there
    home_unit: tuple[str, str] | None = None
    # counties and parishes the text names, by key ("orange" for "Orange County"): see counties_in
    counties: frozenset[str] = frozenset()
    # (country, admin1, county key) of the counties that hold a town reading of some name of the
    # article; set by resolve
    county_towns: frozenset[tuple[str, str, str]] = frozenset()

    def share(self, cc: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(cc or "", 0) / total if total else 0.0

    def only_voucher(self, cc: str | None, key: str) -> bool:
        """Whether the name ``key`` gave all the weight ``cc`` has in the country context."""
        own = self.vouchers.get(cc or "", Counter()).get(key, 0.0)
        return own > 0 and self.countries.get(cc or "", 0) == own

    def placed_elsewhere(self, cc: str | None) -> bool:
        """Whether names of places in another country than ``cc`` gave the country context weight."""
        return any(other != cc for other in self.vouchers)

    def frame_share(self, e: Entry) -> float:
        """The share of the article's units that its frame (dateline, outlet) puts ``e``'s in."""
        total = sum(self.admins.values())
        if not total or not e.country_code or not e.admin1:
            return 0.0
        return self.focus_units.get((e.country_code, e.admin1), 0) / total

    def admin_share(self, e: Entry) -> float:
        total = sum(self.admins.values())
        if not total or not e.country_code or not e.admin1:
            return 0.0
        return self.admins.get((e.country_code, e.admin1), 0) / total


COUNTY_WEIGHT = 2.5  # a town in a county the text names: nearly "Paris, Tenn."
_COUNTY_WORD = r"(?:(?!County|Parish)[A-Z][A-Za-z'’]*|St\.|Ste\.|Mt\.|Ft\.)"
_COUNTY = re.compile(rf"\b({_COUNTY_WORD}(?:[ -](?:{_COUNTY_WORD}|of|de|la))*)\s+(?:County|Parish)\b")
_COUNTY_SUFFIX = re.compile(r"\s+(?:county|parish)$")


def counties_in(text: str) -> frozenset[str]:
    """The counties and parishes a text names ("Orange County", "the Terrebonne Parish Sheriff"),
    each by the key of its name and of every shorter tail of it: "Police Orange County" gives
    "orange" too."""
    out = set()
    for m in _COUNTY.finditer(text):
        words = m.group(1).split()
        for k in range(len(words)):
            if words[k][0].isupper():
                out.add(name_key(" ".join(words[k:])))
    return frozenset(out)


def county_key(e: Entry) -> str | None:
    """The key a county is named by in text: "orange" for Orange County, a town's or its own."""
    name = e.name if e.feature == "ADM2" else e.admin2
    return name_key(_COUNTY_SUFFIX.sub("", name.lower())) if name else None


def in_named_county(e: Entry, c: Candidate, ctx: Context) -> bool:
    """A town in a county the text names, or a county that holds a town the text names; a name
    vouches for none of its own readings."""
    key = county_key(e)
    if key is None or not e.country_code or not e.admin1:
        return False
    county = _COUNTY_SUFFIX.search(c.text.lower()) is not None
    if e.feature == "ADM2":  # only where the text calls it a county: "Los Angeles" is the city
        return county and (e.country_code, e.admin1, key) in ctx.county_towns
    # a town of the county's own name is not vouched for by it: "DeKalb" beside "DeKalb County"
    # is as often the county as the town
    return not e.is_admin and not county and key in ctx.counties and key != name_key(c.text)


SMALL_UNIT = 100_000  # a first-level unit or capital smaller than this is prior-wise a town


def small_unit(e: Entry) -> bool:
    """A first-level unit or capital of under 100,000 people (Toledo, Belize; The Valley,
    Anguilla): as minor as any town of its size."""
    return e.feature in ("ADM1", "PPLC") and 0 < (e.population or 0) < SMALL_UNIT


def prior(e: Entry) -> float:
    """The weight of a reading's kind. A capital reached through an old or foreign name
    ("Philadelphia" for Amman) and a first-level unit or capital of under 100,000 people (Toledo,
    Belize; Bar, Montenegro) weigh as much as any town: their kind says little of how often news
    mean them."""
    if e.feature == "PPLC" and e.match == "alias":
        return FEATURE_PRIOR["PPL"]
    if small_unit(e):
        return FEATURE_PRIOR["PPL"]
    return FEATURE_PRIOR.get(e.feature or "", OTHER_PRIOR)


def score(e: Entry, c: Candidate, ctx: Context) -> float:
    s = prior(e)
    s += math.log10((e.population or 0) + 1) / 7
    s += 3.0 * ctx.share(e.country_code)
    if ctx.dateline_cc and e.country_code == ctx.dateline_cc:
        s += 1.0
    if e.country_code in ctx.focus:
        s += FOCUS_WEIGHT
    if not e.is_admin:
        s += 1.5 * ctx.admin_share(e)
    elif e.feature == "ADM2":  # a county in the dateline's or the outlet's state
        s += 1.5 * ctx.frame_share(e)
    if in_named_county(e, c, ctx):
        s += COUNTY_WEIGHT
    if e.match == "skeleton":
        s -= 1.5
    elif e.match in ("name", "abbrev"):
        s += 0.3
    if e.demonym:
        s -= 0.5
    if e.latitude is None:
        s -= 2.0
    if c.within:
        same = (e.country_code, e.admin1) == c.within
        s += 4.0 if same and not e.is_admin else -1.0
    if c.hint in ("ADM1", "ADM2"):
        s += 3.0 if e.feature == c.hint else (-2.0 if not e.is_admin else 0.0)
    elif c.hint == "PPL":
        s += 2.0 if (e.feature or "").startswith("PPL") else -2.0
    return s


def plausible(e: Entry, c: Candidate, ctx: Context) -> bool:
    """Reject readings no reader would make: a skeleton or small-place match outside the article's
    countries, or a gazetteer-only match of a minor place far from them."""
    key = name_key(c.text)
    share = ctx.share(e.country_code)
    if 0 < share < 1 and ctx.only_voucher(e.country_code, key) and ctx.placed_elsewhere(e.country_code):
        # only this name says the story is in that country, and places of the article put it in
        # another ("Whitehaven", England, in a Memphis story): it stands where another name may lie
        # there too ("Dublin" beside "Cuyahoga Falls" and Toronto); a country or people named is
        # no such place ("Damasak, near the border with Cameroon"; "Kenyan forces" in Jilib)
        if not ctx.reading_names.get(e.country_code or "", set()) - {key}:
            share = 0.0
    if c.within:  # "Paris, Tenn.": the text says which state; a Paris elsewhere is no reading
        if (e.country_code, e.admin1) == c.within:
            return True
        if e.feature not in MAJOR:
            return False
    unit = (e.country_code or "", e.admin1 or "")
    home = ctx.home_unit
    if home and not c.within and e.country_code == home[0] and unit != home and e.feature not in MAJOR:
        # "a name not in the focus state is suspicious": a town or county elsewhere in the
        # country of a local story is read there only when other names put the story there
        others = ctx.admin_names.get(unit, set()) - {name_key(c.text), FOCUS_NAME}
        if (e.population or 0) < OUT_OF_STATE_POPULATION and not (ctx.admin_share(e) > 0 and others):
            return False
    if e.match == "skeleton":
        return share >= 0.25
    if e.feature in MAJOR or not ctx.countries:
        return True
    big = (e.population or 0) >= (100_000 if c.source == "gazetteer" else 50_000)
    vouched = ctx.admin_share(e) > 0 and bool(ctx.admin_names.get(unit, set()) - {key})
    return big or share >= 0.25 or vouched


def admin_context(
    cands: list[Candidate], names: dict[tuple[str, str], set[str]] | None = None
) -> Counter[tuple[str, str]]:
    """First-level units the article names, or implies by a place with a single reading;
    ``names`` collects which names put each unit there."""
    admins: Counter[tuple[str, str]] = Counter()
    names = {} if names is None else names
    for c in cands:
        named = [e for e in c.entries if not e.demonym and e.match != "skeleton"]
        if not named:
            continue
        units = {(e.country_code, e.admin1) for e in named if e.country_code and e.admin1}
        if named[0].feature == "ADM1" or len(units) == 1:
            cc, a1 = named[0].country_code, named[0].admin1
            if cc and a1:
                admins[(cc, a1)] += 1.0 if named[0].feature == "ADM1" else 0.5
                names.setdefault((cc, a1), set()).add(name_key(c.text))
        if c.within:
            admins[c.within] += 1.0
            names.setdefault(c.within, set()).add(name_key(c.text) + "+within")
    return admins


def county_units(counties: frozenset[str], gaz: Gazetteer) -> Counter[tuple[str, str]]:
    """The states of the counties the text names where the county has one ("Peoria County
    Circuit Court" is in Illinois; an "Orange County" may be in six states), as a place with one
    reading counts."""
    units: Counter[tuple[str, str]] = Counter()
    for key in counties:
        found = {
            (e.country_code, e.admin1)
            for kind in ("County", "Parish")
            for e in gaz.lookup(f"{key} {kind}", fuzzy=False)
            if e.feature == "ADM2" and e.match == "name" and e.country_code and e.admin1
        }
        if len(found) == 1:
            units[found.pop()] += 0.5  # type: ignore[index]
    return units


def resolve(cands: list[Candidate], ctx: Context, gaz: Gazetteer) -> None:
    """Set ``best`` and ``score`` (a softmax share of the winner, 0..1) of every candidate."""
    ctx.admin_names = {}
    ctx.admins = admin_context(cands, ctx.admin_names) + ctx.focus_units
    for unit, weight in county_units(ctx.counties, gaz).items():
        if unit not in ctx.admins:  # "Bronx County, N.Y." names New York once
            ctx.admins[unit] += weight
            ctx.admin_names.setdefault(unit, set()).add("(county)")
    ctx.reading_names = {}
    for c in cands:
        for e in c.entries:
            if e.country_code and e.match != "skeleton":
                ctx.reading_names.setdefault(e.country_code, set()).add(name_key(c.text))
    for unit in ctx.focus_units:
        ctx.admin_names.setdefault(unit, set()).add(FOCUS_NAME)
    support = _support(cands)
    ctx.county_towns = frozenset(
        (e.country_code, e.admin1, key)
        for c in cands
        for e in c.entries
        if not e.is_admin
        and e.country_code
        and e.admin1
        and e.match != "skeleton"
        and (key := county_key(e)) is not None
        and key != name_key(_COUNTY_SUFFIX.sub("", c.text.lower()))  # "Peoria" vouches not for Peoria County
    )

    def pick(c: Candidate, anchors: list[Entry]) -> None:
        scored = []
        # a province named after its seat ("Raqqa", "Aleppo"): the name alone means the city
        seats = {(e.country_code, e.admin1) for e in c.entries if e.feature in ("PPLA", "PPLC")}
        for e in c.entries:
            if not plausible(e, c, ctx):
                continue
            s = score(e, c, ctx) + SUPPORT_WEIGHT * support.get((name_key(c.text), e.gazetteer_id), 0)
            if e.feature == "ADM1" and c.hint != "ADM1" and (e.country_code, e.admin1) in seats:
                s -= SEAT_PENALTY
            if anchors and e.latitude is not None and not (e.is_country or e.is_region):
                near = [
                    distance_km(e.latitude, e.longitude, a.latitude, a.longitude)  # type: ignore[arg-type]
                    for a in anchors
                    if a.gazetteer_id != e.gazetteer_id and a.latitude is not None
                ]
                if near and min(near) < 300:
                    s += 1.0
            scored.append((s, e))
        if not scored:
            c.best, c.score = None, 0.0
            return
        scored.sort(key=lambda x: -x[0])
        best_s, best = scored[0]
        if c.hint == "ADM1" and not best.is_admin and best.admin1 and best.country_code:
            adm = gaz.find_admin(best.country_code, best.admin1)  # "Deir el-Zour province" -> its ADM1
            if adm is not None:
                best = adm
        z = sum(math.exp(s - best_s) for s, _ in scored)
        c.best = best
        c.score = round((1.0 / z) * (0.6 if best.match == "skeleton" else 1.0), 3)

    for c in cands:
        pick(c, [])
    anchors = [
        c.best
        for c in cands
        if c.best is not None and not (c.best.is_country or c.best.is_region) and len(c.entries) == 1
    ]
    for c in cands:
        if len(c.entries) > 1:
            pick(c, anchors)
    if SPATIAL_ROUNDS:
        # the places of one article lie near each other: each ambiguous name is re-read next to
        # the current readings of the other names ("Paris" beside "Henry County" and "Puryear")
        for _ in range(SPATIAL_ROUNDS):
            for c in cands:
                if len(c.entries) > 1:
                    key = name_key(c.text)
                    others = [
                        o.best
                        for o in cands
                        if o.best is not None and name_key(o.text) != key and _local(o.best)
                    ]
                    pick(c, others)


def _local(e: Entry) -> bool:
    """A place small enough for nearness to it to say something."""
    return not (e.is_country or e.is_region)


def _support(cands: list[Candidate]) -> dict[tuple[str, str], int]:
    """For each reading of an ambiguous name, how many other names of the article (at most
    ``SUPPORT_MAX``) have some reading within ``SUPPORT_KM``: a "Paris" next to a "Henry County"
    and a "Puryear" is the Tennessee one, whichever reading each of those is taken in."""
    readings: dict[str, list[tuple[float, float, str]]] = {}
    for c in cands:
        if name_key(c.text) in readings:
            continue
        if any((e.is_country or e.is_region) and e.match == "name" for e in c.entries):
            readings[name_key(c.text)] = []  # "Mexico" is the country, whatever towns share the name
            continue
        pts = [
            (e.latitude, e.longitude, e.gazetteer_id)
            for e in c.entries
            if e.latitude is not None
            and e.longitude is not None
            and _local(e)
            and not e.demonym
            and e.feature != "ADM1"
            and e.match != "skeleton"  # a state is near everything in it
        ]
        readings[name_key(c.text)] = pts[:READINGS]  # type: ignore[assignment]
    if len(readings) < 2:
        return {}
    deg = SUPPORT_KM / 111.0
    out: dict[tuple[str, str], int] = {}
    for name, pts in readings.items():
        if len(pts) < 2:
            continue
        for lat, lon, gid in pts:
            n = 0
            for other, opts in readings.items():
                if other == name:
                    continue
                for olat, olon, ogid in opts:
                    if (
                        ogid != gid
                        and abs(olat - lat) <= deg
                        and distance_km(lat, lon, olat, olon) <= SUPPORT_KM
                    ):
                        n += 1
                        break
                if n >= SUPPORT_MAX:
                    break
            if n:
                out[(name, gid)] = n
    return out
