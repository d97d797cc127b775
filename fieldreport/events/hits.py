"""The people a report says were hit, less those it says died: the injured of an incident.

Local news counts the people shot ("Two men were shot Sunday") and tells a death later ("One of
them died at the hospital", "A 15-year-old boy shot on Friday has died"). The sentence that counts
the hit already leaves out the dead it tells itself (``casualties``); a death told in another
sentence of the same incident is one of the hit too, so it is not also an injury. A count of the
wounded or injured ("two were wounded") is of the living and stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import Claim, Mention

# the evidence of a claim that counts people hit, dead or alive ("a man with a gunshot wound"
# may die of it)
_HIT = re.compile(r"\b(?:shot|shoots|struck|hit|grazed|gunshot\s+wounds?)\b", re.I)
# ... and of one that counts the living
# "three other men were shot", "another man was hit": people besides the dead
_OTHERS = re.compile(r"\b(?:other|others|another)\b", re.I)
_LIVING = re.compile(r"\b(?:(?<!gunshot )wound\w*|injur\w*|hurt|condition|hospitali[sz]ed)\b", re.I)


def hit_then_dead(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of one article, each count of the hit less the dead its incident's other
    sentences tell (``incidents.group`` numbered the incidents). Only the largest count of the
    incident holds the dead; a smaller one, or one of "other" people, is of the living."""
    spans = sorted({(m.start, m.end) for m in mentions})

    def sentence(c: Claim) -> tuple[int, int]:
        return next((s for s in spans if s[0] <= c.start < s[1]), (c.start, c.start))

    deaths: dict[int, list[tuple[tuple[int, int], int]]] = {}  # incident: (sentence, dead) told
    # the dead are among the most people the incident says were hit: "Four people were shot"
    # holds the one who died, "a 25-year-old was shot in the leg" told beside it is one of the rest
    most: dict[int, int] = {}
    for m in mentions:
        for c in m.claims:
            if c.kind == "killed" and c.low > 0:
                deaths.setdefault(m.incident, []).append((sentence(c), c.low))
            elif _hit(c):
                most[m.incident] = max(most.get(m.incident, 0), c.high)

    def less(c: Claim, incident: int) -> Claim:
        if not _hit(c) or c.high < most.get(incident, 0) or _OTHERS.search(c.text or ""):
            return c
        here = sentence(c)
        dead = max((n for where, n in deaths.get(incident, ()) if where != here), default=0)
        return replace(c, low=max(0, c.low - dead), high=max(0, c.high - dead)) if dead else c

    return [
        replace(m, claims=tuple(less(c, m.incident) for c in m.claims)) if any(map(_hit, m.claims)) else m
        for m in mentions
    ]


def _hit(c: Claim) -> bool:
    return c.kind == "injured" and bool(_HIT.search(c.text or "")) and not _LIVING.search(c.text or "")
