"""Namesakes a story's frame rules out: a name read as a place far from where the story is set.

A local story names its own town's streets, neighbourhoods and venues, and the wire writes every
other town with its state; so a bare name the gazetteer reads across the country, or abroad, is
more likely a place of the story's own town that the gazetteer lacks. Each rule here unresolves
such a reading; :func:`.toponyms.find_places` then attaches the name to the story's town like any
name the gazetteer lacks. :func:`far_namesakes` runs after resolution: a town abroad in a story set
at home (:func:`foreign_namesakes`), then a bare US town far off in another state.
"""

from __future__ import annotations

from collections import Counter

from .gazetteer import Entry, distance_km
from .names import name_key
from .rank import FOCUS_NAME, Candidate, Context

# Places of the article's frame, outside its text (offsets 0, 0): its dateline's, which clean.py
# took out of the text, its title's, and the town whose police it quotes.
FRAME = frozenset({"dateline", "title", "agency", "outlet"})

# The US cities American news names with no state beside them (the AP's stand-alone datelines);
# any other town outside the story's state is written "Raleigh, N.C.", so a bare "Raleigh" in a
# Memphis story, far from the Raleigh of that name, is Memphis's Raleigh, however large the other.
STANDALONE_US = frozenset(
    name_key(n)
    for n in """Atlanta|Baltimore|Boston|Chicago|Cincinnati|Cleveland|Dallas|Denver|Detroit|Honolulu
    |Houston|Indianapolis|Las Vegas|Los Angeles|Miami|Milwaukee|Minneapolis|New Orleans|New York
    |Oklahoma City|Philadelphia|Phoenix|Pittsburgh|St. Louis|Saint Louis|Salt Lake City|San Antonio
    |San Diego|San Francisco|Seattle|Washington""".split("|")
)
FAR_NAMESAKE_KM = 500  # nearer, a neighbour state's city is news of the region ("Little Rock" in Memphis)


def far_namesakes(candidates: list[Candidate], home: Entry | None, ctx: Context) -> None:
    """Unresolve a bare US town read in another state, far from the story's own town, whose
    state the article does not name: a neighbourhood or a part of the home town (which the
    unresolved name is then attached to), not a namesake across the country. Before that, a
    town abroad in a story its frame sets at home (:func:`foreign_namesakes`)."""
    if home is not None and home.feature != "PPLC":
        foreign_namesakes(candidates, home.country_code)
    elif home is None and ctx.home_unit is not None:
        foreign_namesakes(candidates, ctx.home_unit[0])
    if home is None or home.country_code != "US" or home.latitude is None or home.longitude is None:
        return
    for c in candidates:
        b = c.best
        if b is None or c.within or c.source in FRAME or b.country_code != "US" or b.is_admin:
            continue
        if b.admin1 == home.admin1 or name_key(c.text) in STANDALONE_US or b.latitude is None:
            continue
        unit = (b.country_code or "", b.admin1 or "")
        if ctx.admin_share(b) > 0 and ctx.admin_names.get(unit, set()) - {name_key(c.text), FOCUS_NAME}:
            continue  # its state is named: "He fled to North Carolina and was caught in Raleigh"
        if distance_km(home.latitude, home.longitude, b.latitude, b.longitude) > FAR_NAMESAKE_KM:  # type: ignore[arg-type]
            c.best, c.score = None, 0.0


NAMED_HOME_TIMES = 2  # a town named this often, and more often than any other, is the story's


def named_home(candidates: list[Candidate]) -> Entry | None:
    """The story's town where no dateline or quoted police say it: the town its text names most,
    at least twice and more often than any other ("Chicago" three times beside one "Roseland")."""
    towns = Counter(
        c.best.gazetteer_id
        for c in candidates
        if c.best is not None and c.source not in FRAME and (c.best.feature or "").startswith("PPL")
    )
    ranked = towns.most_common(2)
    if not ranked or ranked[0][1] < NAMED_HOME_TIMES or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(c.best for c in candidates if c.best is not None and c.best.gazetteer_id == ranked[0][0])


# A city abroad this large is news by its name alone ("flew in from London", "Toronto police").
FOREIGN_NOTABLE = 1_000_000


def foreign_namesakes(candidates: list[Candidate], country: str | None) -> None:
    """Unresolve a town abroad, in a story whose frame (dateline, the police it quotes, its
    outlet's "City, ST") sets it in ``country``, where the article names neither the country
    of that town nor a province of it: "shot outside a Whitehaven night club" in a Memphis story
    is Memphis's Whitehaven, not England's; "Rio Grande" in Albuquerque is no Brazilian city. The
    unresolved name is then attached to the story's town like any place the gazetteer lacks. A
    great city abroad keeps its reading."""
    if not country:
        return
    named = {
        e.country_code
        for c in candidates
        for e in c.entries[:1]
        if (e.is_country or e.feature == "ADM1") and e.match != "skeleton"  # "Britain", "Ontario"
    }
    for c in candidates:
        b = c.best
        if b is None or c.within or c.source in FRAME or not b.country_code or b.country_code == country:
            continue
        if b.is_country or b.is_region or b.country_code in named or (b.population or 0) >= FOREIGN_NOTABLE:
            continue
        c.best, c.score = None, 0.0
