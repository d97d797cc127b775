"""How an event mention describes itself: its one-sentence notes and its actors' inter codes."""

from __future__ import annotations

from typing import Any

from ..records import Location
from .actors import EXTERNAL, Actor


def notes_of(x: Any) -> str:
    """One sentence describing a draft event (the export's ``notes``)."""
    date = x.date.date if x.date else None
    parts = [f"On {date}, " if date else ""]
    parts.append(f"{x.sub}")
    if x.actor1:
        parts.append(f" by {x.actor1.name}")
    if x.actor2:
        parts.append(f" against {x.actor2.name}")
    if x.location:
        parts.append(f" in {x.location.location}")
    killed = [c for c in x.claims if c.kind == "killed"]
    if killed:
        c = min(killed, key=lambda c: c.low)
        n = str(c.low) if c.low == c.high else f"{c.low}-{c.high}"
        parts.append(f"; {n} killed")
        if c.victims not in ("unknown",):
            parts.append(f" ({c.victims})")
        if c.claimant:
            parts.append(f" per {c.claimant}")
    return "".join(parts) + "."


def inter_code(actor: Actor | None, loc: Location | None) -> int | None:
    """ACLED's inter code of an actor at a place: a state's forces abroad are external (8)."""
    if actor is None:
        return None
    if (
        actor.inter == 1
        and actor.country
        and loc
        and loc.country_code
        and loc.country_code.upper() != actor.country
    ):
        return EXTERNAL  # a state's forces acting abroad
    return actor.inter
