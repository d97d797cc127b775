"""Names that look like places and are not, and places NER mislabels: the recognition filters
that need nothing but a name's readings and its surroundings.

- inside an actor's name ("al Shabaab", "Puntland forces"): the actor, not a place;
- an acronym ("APC", "NISS"): a party or a force, not the village of that name;
- a town NER took for a person or a product ("protested in Ben Gardane"): a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from .gazetteer import Entry
from .names import fold, name_key
from .rank import Candidate, small_unit

MINOR_POPULATION = 10_000
MAJOR = frozenset({"CONT", "RGN", "PCLI", "ADM1", "PPLC"})


def named_actor(c: Candidate, actors: Sequence[tuple[int, int]]) -> bool:
    """A name inside an actor's name ("al Shabaab", "Puntland forces") is the actor, not where
    something happened; a country or province that is an actor's whole name stays a place."""
    for start, end in actors:
        if start <= c.start and c.end <= end:
            whole = (start, end) == (c.start, c.end)
            return not (whole and any(e.feature in MAJOR for e in c.entries))
    return False


_ACRONYM = re.compile(r"[A-Z]{2,5}s?")
_DATELINE_TAIL = re.compile(r"\s*(?:,\s*[A-Z]|\(|[-\u2013\u2014])")


def acronym_readings(span: Span, entries: list[Entry]) -> list[Entry]:
    """ "APC", "NISS", "SAF": an acronym names a party or a force, not the village of that name;
    only a country, first-level unit or capital is written that way ("DRC", "UAE", "USA").
    A dateline in capitals ("GAO, Mali -") is a place as written."""
    if not _ACRONYM.fullmatch(span.text) or _DATELINE_TAIL.match(span.doc.text, span.end_char):
        return entries
    return [e for e in entries if e.feature in MAJOR]


_AT = re.compile(r"\b(?:in|at|near|outside|into|around)\s+$")


def person_at_a_place(span: Span, entries: list[Entry], masks: list[tuple[int, int, str]]) -> bool:
    """ "protested in Ben Gardane", "a car bomb exploded in Manbij": a town of some size that NER
    took for a person or a product, where the sentence puts something at it (people are seldom
    "in" someone)."""
    whole = [label for ms, me, label in masks if (ms, me) == (span.start_char, span.end_char)]
    if len(whole) != 1 or whole[0] in ("ORG", "NORP", "ORGNAME"):
        return False  # NER's other labels ("Manbij" as a PRODUCT) are often wrong about towns
    if not any(e.feature in MAJOR or e.population >= MINOR_POPULATION for e in entries if not e.demonym):
        return False
    return bool(_AT.search(span.doc.text[max(0, span.start_char - 12) : span.start_char]))


# ---------- words that are place names only with evidence ----------


@dataclass(frozen=True)
class Rule:
    """A reading of a name and its surroundings: the rule's name, what a match decides, the
    pattern read on the text before the name (ending at it) and/or after it (starting at its
    end), examples, and a pattern the name itself must be."""

    name: str
    decides: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    examples: tuple[str, ...]
    itself: re.Pattern[str] | None = None

    def matches(self, text: str, start: int, end: int) -> bool:
        if self.itself is not None and not self.itself.fullmatch(text, start, end):
            return False
        if self.before is not None and not self.before.search(text, max(0, start - 80), start):
            return False
        return self.after is None or bool(self.after.match(text, end))


_DIR = r"(?:(?:North|South|East|West|N\.|S\.|E\.|W\.|NE|NW|SE|SW)\s+)"
_STREET_WORDS = (
    r"Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Court|Ct\.?"
    r"|Place|Pl\.?|Way|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Circle|Trail|Pike|Freeway|Expressway"
    r"|Turnpike|Alley|Square|[Ss]treets|[Aa]venues|[Rr]oads|[Dd]rives"
)
_TITLES = (
    r"Officer|Officers|Sgt\.?|Sergeant|Det\.?|Detective|Deputy|Lt\.?|Lieutenant|Capt\.?|Captain|Chief"
    r"|Sheriff|Judge|Justice|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Mayor|Rep\.?|Sen\.?|Gov\.?|Trooper|Cpl\.?"
    r"|Corporal|Coroner|Pastor|Rev\.?|Attorney|Prosecutor|Councilman|Councilwoman|Commissioner"
    r"|Superintendent|Principal|Coach|Agent|Patrolman|Constable|Marshal"
)

CITY_PART = "part of a city"  # a place all the same: the article's city, which locate gives it

# The name is not the town of that name, whatever the gazetteer holds.
NOT_THE_TOWN: tuple[Rule, ...] = (
    Rule(
        CITY_PART,
        "a side, end or centre of the article's city, not a town listed under that name",
        None,
        None,
        ("shot on the South Side", "a shooting Downtown", "in the North End"),
        re.compile(
            r"(?i:(?:Near\s+)?(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest)\s+(?:Side|End)"
            r"|Downtown|Uptown|Midtown|Old\s+Town|Inner\s+City)"
        ),
    ),
    Rule(
        CITY_PART,
        "a neighbourhood named after a far place: Little Havana, Little Italy, Little Saigon",
        re.compile(r"\bLittle\s+$"),
        None,
        ("a shooting in Little Havana", "a restaurant in Little Italy"),
    ),
    Rule(
        CITY_PART,
        "a neighbourhood of the article's city named like a town elsewhere, alone or as the head of "
        "its name: the city's part",
        None,
        re.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s+(?i:neighbou?rhoods?)\b"),
        (
            "the South Side Woodlawn neighborhood",
            "in the Austin neighbourhood",
            "in the Washington Heights neighborhood",
            "the Brighton Park neighborhood",
        ),
    ),
    Rule(
        "street name",
        "part of a street's name: the street, not the town",
        None,
        re.compile(rf"\s+(?:\(\d+\)\s+)?(?:{_STREET_WORDS})\b"),
        ("Union Street Park", "west of the Harbor (110) Freeway", "Ashland Avenue"),
    ),
    Rule(
        "model or calibre",
        "a gun or product beside a calibre or model number",
        re.compile(r"(?:\.\d{2,3}|\b\d+(?:mm|-gauge| gauge|-caliber| caliber|-calibre))\s+$"),
        None,
        ("a .223 Rifle", "a 12-gauge Remington"),
    ),
    Rule(
        "address",
        "a street in an address: a house number or a block before it",
        re.compile(rf"(?:\bblock\s+of\s+|(?<![.,\d])\b(?!(?:19|20)\d\d\b)\d{{2,6}}\s+){_DIR}?$"),
        None,
        ("the 6300 block of South Cottage Grove", "the 300 block of Madrid", "at 1500 Union"),
    ),
    Rule(
        "intersection",
        "a street at a corner: 'at X and North Y', 'the corner of X and Y'",
        re.compile(r"(?:\b(?:corner|intersection)\s+of\s+|\b(?:at|between)\s+)$"),
        re.compile(rf"\s+(?:and|&)\s+(?:{_DIR}[A-Z]|[A-Z][a-z]+\s+(?i:streets|avenues|roads|drives)\b)"),
        (
            "at Upton and North Poe",
            "the corner of Union and Main streets",
            "on East 21st Avenue between Lexington and Jefferson Avenues",
        ),
    ),
    Rule(
        "named day",
        "a holiday or day named after a place or an idea: the day, not the town",
        None,
        re.compile(r"\s+(?:Day|Eve)\b"),
        ("an Independence Day shooting", "a parade on Columbus Day", "on Victoria Day"),
    ),
    Rule(
        "model number",
        "a product with its model number: 'Century Sporter .308'",
        None,
        re.compile(r"\s+(?:[A-Z][\w-]*\s+)?(?:\.\d{2,3}\b|\d+mm\b|[A-Z]{1,3}-?\d+\b)"),
        ("a Century Sporter .308", "a Star 9mm", "a Springfield XD9"),
    ),
    Rule(
        "named after a person",
        "a thing named after a person: a plea, a doctrine, a prize",
        None,
        re.compile(r"\s+(?:plea|doctrine|rule|award|prize|trophy|syndrome|disease|scholarship)\b"),
        ("entered an Alford plea",),
    ),
    Rule(
        "person's age",
        "a person's name with an age after it",
        None,
        re.compile(r"\s*,\s*\d{1,3}\s*,"),
        ("Jimmy Lyons, 32, admitted to the shooting",),
    ),
    Rule(
        "person's title",
        "a person named after a title or rank",
        re.compile(rf"\b(?:{_TITLES})\s+(?:[A-Z][a-z]+\s+|[A-Z]\.\s+)?$"),
        None,
        ("Officer Hines", "Sheriff Rushing said", "Judge Gaines"),
    ),
)

# Evidence that a name which is also an everyday word names a place here.
PLACE_EVIDENCE: tuple[Rule, ...] = (
    Rule(
        "place preposition",
        "a preposition of place before the name",
        re.compile(
            r"(?i:\b(?:in|at|near|outside|from|into|across|around|throughout|toward|towards|inside"
            r"|downtown|(?:city|town|village|township|borough|community)\s+of))\s+"
            r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|downtown|nearby"
            r"|neighboring|neighbouring|suburban|rural)\s+)?$"
        ),
        None,
        ("shot in Union", "a man from Harbor", "the town of Star"),
    ),
)

# Words that name a role, an organisation or a thing far more often than a town, even when NER
# calls them a place: a town only with a preposition of place, its state beside it or as the
# article's own place (its dateline).
ROLE_WORDS = frozenset(
    """officer officers police sheriff judge justice deputy trooper detective chief mayor coroner
    court union star metro journal tribune bar of century rifle pistol cottage harbor bridge green
    golden grove park center centre plaza mall station college hospital
    man woman boy girl teen child baby mother father son daughter victim suspect gunman""".split()
)
WORD_POPULATION = 100_000  # a reading this large makes an everyday word a town worth naming


def _lexicon() -> frozenset[str]:
    """Everyday English words (WordNet's, as the spaCy model's lemmatizer holds them); empty
    when the model's tables are not where spaCy installs them."""
    try:
        import spacy.util
        from spacy.lookups import Lookups

        from ..settings import Config

        root = spacy.util.get_package_path(Config().spacy_model)
        found = next(iter(root.rglob("lemmatizer/lookups")), None)
        if found is None:
            return frozenset()
        table = Lookups().from_disk(found).get_table("lemma_index")
        return frozenset(w for k in table.keys() for w in table[k] if w.isalpha())
    except Exception:  # noqa: BLE001 - no model, another layout: no lexicon, rules still apply
        return frozenset()


_WORDS: frozenset[str] | None = None


def everyday_words() -> frozenset[str]:
    global _WORDS
    if _WORDS is None:
        _WORDS = _lexicon()
    return _WORDS


def not_the_town(text: str, start: int, end: int) -> str | None:
    """The name of the first :data:`NOT_THE_TOWN` rule the surroundings of ``text[start:end]``
    match, else None."""
    for rule in NOT_THE_TOWN:
        if rule.matches(text, start, end):
            return rule.name
    return None


def everyday(word: str, entries: Sequence[Entry], *, role_only: bool = False) -> bool:
    """A one-word name that is an everyday word ("Rifle", "Union", "Harbor", "Officer") and not a
    place of note (a country, state, capital or city of 100,000)."""
    folded = word.lower()
    if folded in ROLE_WORDS:
        return True
    # a place of note counts only as written: "Fourth" ("Fourth of July") meets Fürth through the
    # spelling variants a name key folds, and is the word
    if role_only or any(_of_note(e) and _as_written(e, word) for e in entries):
        return False
    return folded in everyday_words()


def _as_written(e: Entry, word: str) -> bool:
    # another name of the place (an alias) is written as it is; a name matched through its key
    # must be spelled as the word is, accents aside
    return e.match != "name" or fold(e.name) == fold(word)


def _of_note(e: Entry) -> bool:
    """A country, a state, or a capital or town of 100,000: a capital or first-level unit of a
    few thousand ("The Valley", Anguilla's) is as minor as any town of its size."""
    if small_unit(e):
        return False
    return e.feature in MAJOR or e.population >= WORD_POPULATION


def place_evidence(text: str, start: int, end: int) -> bool:
    return any(rule.matches(text, start, end) for rule in PLACE_EVIDENCE)


def unsupported(
    span: Span, entries: Sequence[Entry], label: str | None, within: bool, focus: frozenset[str]
) -> str | None:
    """Why ``span`` is not a place here (the rule's name), or None.

    Whatever the name, the :data:`NOT_THE_TOWN` rules ("Union Street", "a .223 Rifle"). A
    one-word name that is an everyday word ("Harbor") or names a role ("Officer", "Police") is a
    place only with evidence: a preposition of place before it, its state or country after it
    ("Union, S.C."), NER calling it a place (not for role words, nor at a sentence's start), or
    its being the article's own place (``focus``: the name keys of its dateline and its outlet's
    home).
    """
    text = span.doc.text
    rule = not_the_town(text, span.start_char, span.end_char)
    if rule is not None:
        return rule
    if len(span) != 1:
        return None
    word = span.text
    role = word.lower() in ROLE_WORDS or (span[0].is_stop and not word.isupper())  # "Of", not "US"
    if not role and not everyday(word, entries):
        return None
    if within or name_key(word) in focus or place_evidence(text, span.start_char, span.end_char):
        return None
    if label in ("GPE", "LOC") and not role and span.start != span.sent.start:
        return None
    return "everyday word" if not role else "role word"
