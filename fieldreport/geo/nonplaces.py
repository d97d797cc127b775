"""Names that look like places and are not, and places NER mislabels: the recognition filters
that need nothing but a name's readings and its surroundings.

- inside an actor's name ("al Shabaab", "Puntland forces"): the actor, not a place;
- an acronym ("APC", "NISS"): a party or a force, not the village of that name;
- a town NER took for a person or a product ("protested in Ben Gardane"): a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from .gazetteer import Entry
from .rank import Candidate

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
