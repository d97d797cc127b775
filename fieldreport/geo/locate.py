"""Where the event of a sentence happened, in ACLED's terms.

The most specific place of the sentence wins (a town over an unresolved but situated village over
its district, region and country), unless the sentence puts it elsewhere than the event (a
victim's home "of X", a hospital someone was taken "to", where a suspect was arrested: see
:data:`ELSEWHERE`); without one, the article's own place: its dateline's, when it has one (the
place it was filed from, "CHICAGO -"), else the nearest preceding sentence of the same paragraph
that has a place, else the most frequent specific place, a name of the title counting double.

``geo_precision``: 1 the place itself (also "on the outskirts of X"), 2 near a place or a named
place known only by its region (it takes the region's coordinates), 3 only a region or country
(its centroid).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..records import Article, Location, Place, Sentence
from .countries import country_name
from .names import name_key
from .namesakes import FRAME
from .nonplaces import Rule
from .toponyms import NON_LITERAL

# A place a sentence names that is not where its event happened.
ELSEWHERE: tuple[Rule, ...] = (
    Rule(
        "home",
        "where a person lives: a name and age, or a resident, 'of' the place",
        re.compile(
            r"(?:\b\d{1,3},\s+(?:both\s+|all\s+)?of\s+(?:the\s+)?|\b(?:resident|residents|native)\s+of\s+)$"
        ),
        None,
        ("Jeffrey S. Lee, 29, of Fernandina Beach, was pronounced dead", "a Tulsa resident of Broken Arrow"),
    ),
    Rule(
        "lives in",
        "where a person lives or lived, told beside what happened to them",
        re.compile(
            r"\b(?:lived|lives|living|resided|resides|residing)\s+(?:[\w'’.-]+\s+){0,3}?(?:in|near|outside)\s+"
            r"(?:the\s+)?$"
        ),
        None,
        (
            "Fields, who lived in South Bend, Indiana, was pronounced dead",
            "the boy, who lives with his mother in Elmira",
        ),
    ),
    Rule(
        "where someone is from",
        "a town and its state as an adjective of a person, as a local paper writes one from away",
        re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+$"),
        re.compile(
            r",\s*[A-Z][\w.]*\.?,?\s+(?:\d{1,3}-year-old\s+)?(?:teen|teenager|man|woman|boy|girl|youth|couple"
            r"|family|resident|native|mother|father|student|officer)s?\b"
        ),
        ("A Marietta, Ga. teen remains in the hospital", "a Tulsa, Okla., man"),
    ),
    Rule(
        "taken to",
        "where someone was taken after it: a hospital's town",
        re.compile(
            r"\b(?:taken|transported|rushed|flown|airlifted|driven|brought|transferred|sent)\s+"
            r"(?:[\w'’.-]+\s+){0,5}?(?:to|in)\s+(?:the\s+|a\s+)?(?:[\w'’.-]+\s+){0,3}?$"
            r"|\b(?:on\s+(?:the|their|his|her)\s+way|en\s+route)\s+to\s+(?:(?:the|a)\s+)?"
            r"(?:(?:[A-Z][\w'’.-]*\s+){1,4}in\s+|(?i:hospital|medical\s+cent(?:er|re))\s+in\s+)?$"
        ),
        None,
        (
            "was taken to a hospital in Tulsa",
            "was flown to Fargo",
            "died while on the way to UMMC in Jackson",
            "died en route to Jackson",
        ),
    ),
    Rule(
        "a hospital's town",
        "where the wounded were treated or died: 'at' or 'to' a hospital in the town, not shot there",
        re.compile(
            r"\b(?:at|to)\s+(?:[\w'’.-]+\s+){0,4}?(?i:hospital|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re)"
            r"|infirmary)\s+in\s+$"
        ),
        None,
        ("at Children's Mercy Hospital in Kansas City", "was treated at a hospital in Fargo"),
    ),
    Rule(
        "born in",
        "where a person was born, grew up or came from",
        re.compile(
            r"\b(?:born|raised|grew\s+up|moved\s+(?:here\s+)?from|hails\s+from|originally\s+from)\b"
            r"[^.;]{0,40}?\b(?:in|from)\s+$"
        ),
        None,
        ("born June 25, 2001, in Madison", "grew up in Elmira"),
    ),
    Rule(
        "arrested in",
        "where a suspect was arrested or held, not where the shooting was",
        re.compile(
            r"\b(?:arrested|custody|booked|jailed|apprehended|captured|caught|extradited|held)\s+"
            r"(?:[\w'’.-]+\s+){0,4}?(?:in|at|near)\s+(?:the\s+)?$"
        ),
        None,
        ("was taken into custody in Tulsa", "was arrested Friday in Dallas"),
    ),
)


def elsewhere(p: Place, text: str) -> str | None:
    """The name of the :data:`ELSEWHERE` rule that puts ``p`` away from the event, or None."""
    for rule in ELSEWHERE:
        if rule.matches(text, p.start, p.end):
            return rule.name
    return None


_NEAR = re.compile(
    r"(?:\bnear(?:by)?|\bclose to|\boutside(?: of)?|\baround|\bin the vicinity of|\bnot far from"
    r"|\bkilomet(?:er|re)s?\b[^.]{0,30}?\b(?:north|south|east|west)\w*\s+of"
    r"|\b(?:km|miles?)\b[^.]{0,30}?\b(?:north|south|east|west)\w*\s+of"
    r"|\b(?:north|south|east|west)(?:east|west)?\s+of)\s+(?:the\s+(?:\w+\s+){0,2}?(?:of\s+)?)?$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|near|into|outside|inside|from)\s+(?:the\s+(?:\w+\s+){0,2}?(?:of\s+)?)?$"
)


# Rivers, seas and mountains are where fighting happens along, not places ACLED codes.
_NATURAL = re.compile(
    r"\b(?:river|lake|sea|gulf|strait|canal|valley|mountains?|desert|euphrates|tigris|nile|khabur"
    r"|orontes)\b",
    re.IGNORECASE,
)


def _rank(p: Place, text: str = "") -> int:
    """Specificity, lower is better."""
    if not p.resolved and _NATURAL.search(p.text):
        return 5
    if p.resolved:
        feature = p.feature or ""
        if feature.startswith("PPL"):
            return 0
        return {"ADM2": 3, "ADM1": 4, "PCLI": 5}.get(feature, 4)
    if p.admin1 or p.admin2:
        return 1
    if p.country_code:
        return 2
    if text and _LOCATIVE.search(text[max(0, p.start - 40) : p.start]):
        return 2  # "fighting at Baghouz": a named place, even if nothing else is known of it
    return 6  # a name with nothing known about where it is


def _best(places: Sequence[Place], text: str) -> Place | None:
    places = [p for p in places if not elsewhere(p, text)]
    if not places:
        return None

    def key(p: Place) -> tuple[int, int, int]:
        before = text[max(0, p.start - 40) : p.start]
        return (_rank(p, text), 0 if _LOCATIVE.search(before) else 1, p.start)

    return min(places, key=key)


def _in(places: Sequence[Place], start: int, end: int) -> list[Place]:
    return [p for p in places if start <= p.start and p.end <= end]


def _main_country(places: Sequence[Place]) -> str | None:
    counts = Counter(p.country_code for p in places if p.country_code)
    return counts.most_common(1)[0][0] if counts else None


def _frame_place(places: Sequence[Place]) -> Place | None:
    """The article's own place: its dateline's, else the most specific its title names, else the
    town whose police it quotes; only where the text is about that country, and a capital only
    where the text names it too. A
    correspondent's dateline ("BEIRUT (Reuters) -" over fighting in Raqqa, "BAGHDAD -" over
    Mosul) says where the story was filed, not where it happened."""
    body = [p for p in places if p.source not in FRAME]
    counts = Counter(p.country_code for p in body if p.resolved and p.country_code)
    top = counts.most_common(1)[0][0] if counts else None
    named = {name_key(p.text) for p in body} | {name_key(p.name) for p in body if p.name}

    def own(p: Place) -> bool:
        if _rank(p) > 1 or (top is not None and p.country_code != top):
            return False
        return p.feature != "PPLC" or name_key(p.name or p.text) in named

    dateline = [p for p in places if p.source == "dateline" and own(p)]
    if dateline:
        return dateline[0]
    title = [p for p in places if p.source == "title" and own(p)]
    if title:
        return min(title, key=_rank)
    # the town whose police the story quotes, else, in a story that names no place, its outlet's
    return next((p for p in places if p.source in ("agency", "outlet") and own(p)), None)


def _main_place(places: Sequence[Place], article: Article) -> Place | None:
    own = _frame_place(places)
    if own is not None:
        return own
    places = [p for p in places if p.source not in FRAME]
    if article.dateline:
        head = name_key(article.dateline.split(",")[0])
        for p in places:
            if name_key(p.text) == head or (p.name and name_key(p.name) == head):
                return p
    title = {name_key(w) for w in re.findall(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", article.title or "")}
    for max_rank in (3, 5):
        counts: Counter[str] = Counter()
        first: dict[str, Place] = {}
        for p in places:
            if _rank(p) <= max_rank:
                k = p.gazetteer_id or name_key(p.text)
                counts[k] += 2 if name_key(p.text) in title else 1
                first.setdefault(k, p)
        if counts:
            best = max(counts.items(), key=lambda kv: (kv[1], -_rank(first[kv[0]]), -first[kv[0]].start))
            return first[best[0]]
    return places[0] if places else None


def _precision(p: Place, text: str) -> int:
    rank = _rank(p)
    if rank == 0:
        return 2 if _NEAR.search(text[max(0, p.start - 60) : p.start]) else 1
    if rank == 1:
        return 2
    return 3


def locate(
    sentence: Sentence, places: Sequence[Place], article: Article, sentences: Sequence[Sentence]
) -> Location | None:
    """The location of the event told in ``sentence``; None only when the article has no place."""
    places = sorted((p for p in places if p.source not in NON_LITERAL), key=lambda p: (p.start, p.end))
    if not places:
        return None
    text = article.text
    own = _frame_place(places)
    named = [p for p in places if p.source not in FRAME]

    def usable(ps: Sequence[Place]) -> list[Place]:
        return [p for p in ps if _rank(p, text) < 6]

    here = _in(named, sentence.start, sentence.end)
    choice = _best(usable(here), text)
    if choice is None and own is not None:
        return _location(own, places, text)  # no place of its own: the article's
    if choice is None or _rank(choice, text) >= 2:
        # a sentence naming only a country, a region or a river continues the paragraph's
        # story: a town named just before, in the same country, is more precise
        earlier = sorted(
            (s for s in sentences if s.paragraph == sentence.paragraph and s.index < sentence.index),
            key=lambda s: -s.index,
        )
        for s in earlier:
            before = _best(usable(_in(named, s.start, s.end)), text)
            if before is None:
                continue
            if choice is None or (_rank(before, text) <= 1 and before.country_code == choice.country_code):
                choice = before
            break
    if choice is None or _rank(choice, text) >= 2:
        main = _main_place(usable(places), article)
        if choice is None:
            choice = main or places[0]
        elif main is not None and _rank(main, text) <= 1 and choice.country_code in (None, main.country_code):
            choice = main
    return _location(choice, places, text)


def _location(p: Place, places: Sequence[Place], text: str) -> Location:
    lat, lon, cc = p.latitude, p.longitude, p.country_code
    precision = 2 if p.source == "outlet" else _precision(p, text)  # the outlet's area, not a stated place
    if not p.resolved and not p.country_code:
        cc = _main_country([q for q in places if q.resolved])
        country = next((q for q in places if q.feature == "PCLI" and q.country_code == cc), None)
        lat, lon = (country.latitude, country.longitude) if country else (None, None)
        precision = 3
    return Location(
        location=p.name if p.resolved and p.name else p.text,
        latitude=lat,
        longitude=lon,
        geo_precision=precision,
        country_code=cc,
        country=country_name(cc),
        admin1=p.admin1,
        admin2=p.admin2,
        gazetteer_id=p.gazetteer_id if p.resolved else None,
        evidence=p.text,
    )
