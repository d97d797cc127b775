"""Resolve a given place-name span (one the recogniser did not resolve) against the gazetteer.

>>> place = resolve_span(article.text, start, end, places, gaz)   # places: find_places(...) output
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from ..records import Place
from .gazetteer import Entry, Gazetteer


def _names(surface: str) -> list[str]:
    """The span as written, then with a possessive or leading article dropped."""
    s = surface.strip()
    out = [s]
    for suffix in ("'s", "\u2019s"):
        if s.endswith(suffix):
            out.append(s[: -len(suffix)])
    if s.lower().startswith("the "):
        out.append(s[4:])
    return out


def resolve_span(text: str, start: int, end: int, places: Sequence[Place], gaz: Gazetteer) -> Place:
    """The gazetteer entry ``text[start:end]`` most likely names.

    Candidates are ranked by the article's country context (how many of ``places`` resolved into
    each country), then by population; a demonym ("Turkish") counts only when no name matches.
    The result is unresolved (``resolved=False``, no coordinates) when the name is not in the
    gazetteer.
    """
    surface = text[start:end]
    entries = [e for name in _names(surface) for e in gaz.lookup(name)]
    if any(e.match != "skeleton" for e in entries):
        # a real name match beats a consonant-skeleton one ("Raqqa's" must not reach Roxas)
        entries = [e for e in entries if e.match != "skeleton"]
    if not entries:
        return Place(start, end, surface, resolved=False, source="span")
    context = Counter(p.country_code for p in places if p.resolved and p.country_code)
    total = sum(context.values())

    def score(e: Entry) -> float:
        s = 3.0 * context.get(e.country_code or "", 0) / total if total else 0.0
        s += math.log10((e.population or 0) + 1) / 7
        if e.demonym:
            s -= 5.0
        if e.match == "skeleton":
            s -= 1.0
        return s

    return max(entries, key=score).place(start, end, surface, source="span")
