"""Ground in a report: ground taken or entered, and the fighting told with it, as ACLED codes them.

A capture verb takes ground only when its object is ground (:func:`territory_object`); ground taken
in a sentence is that sentence's event, with the fighting for it part of it (:func:`territory`),
and who took it decides whether the state regains it or another side overtakes it; ground entered
or taken is fought for with whoever holds it (:func:`held_ground`); shelling told with the two
sides fighting is part of that battle (:func:`ground_fighting`). Each runs as a post-pass of
:mod:`fieldreport.events` over an article's drafts.
"""

from __future__ import annotations

import re
from typing import Any

from . import detect as d
from .actors import CIVILIANS
from .kinds import MUTUAL
from .roles import Context
from .taxonomy import (
    ARMED_CLASH,
    ATTACK,
    GOV_REGAINS_TERRITORY,
    NSA_OVERTAKES_TERRITORY,
    ORGANISED_INTERS,
    SHELLING,
)


def territory_object(trig: d.Trigger) -> bool | None:
    """For a capture verb: True if it takes ground, False if it takes weapons/people, None if unclear."""
    tok = trig.token
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [
        c
        for c in tok.children
        if c.dep_ == "prep"
        for c in c.children
        if c.dep_ == "pobj" and tok.lemma_ == "control"
    ]
    if tok.lemma_ in ("take", "took") or "control" in trig.text.lower():
        objs += [gc for c in tok.subtree if c.lower_ == "of" for gc in c.children if gc.dep_ == "pobj"]
    for o in objs:
        phrase = o.doc[o.left_edge.i : o.right_edge.i + 1].text
        if d.WEAPON_OBJECTS.search(phrase):
            return False
        if o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in d.TERRITORY_NOUNS:
            return True
        # "control of Kismayo": the small model often tags a town an organisation
        taken = ("PERSON", "NORP", "ORG") if o.dep_ in ("dobj", "nsubjpass") else ("PERSON", "NORP")
        if o.ent_type_ in taken:
            return False
    return None


def ground_fighting(drafts: list[Any]) -> list[Any]:
    """Shelling told in the same sentence as the two sides fighting is part of that battle, as
    ACLED codes it ("Shelling and ground clashes between the army and SPLA-IO bases")."""
    fought = {x.sentence.index: x for x in drafts if x.sub == ARMED_CLASH and MUTUAL.search(x.trigger)}
    out = []
    for x in drafts:
        if x.sub == SHELLING and x.sentence.index in fought:
            battle = fought[x.sentence.index]
            battle.claims.extend(x.claims)
            if battle.actor1 is None or battle.actor2 is None:
                battle.actor1, battle.actor2 = battle.actor1 or x.actor1, battle.actor2 or x.actor2
            continue
        out.append(x)
    return out


def territory(drafts: list[Any]) -> list[Any]:
    """Ground taken in a sentence is its event, the fighting for it part of that event (ACLED
    codes the change of territory); and who took it decides which kind: the state regains,
    anyone else overtakes."""
    taken = {x.sentence.index: x for x in drafts if x.sub in (GOV_REGAINS_TERRITORY, NSA_OVERTAKES_TERRITORY)}
    out = []
    for x in drafts:
        if x.sub == ARMED_CLASH and x.sentence.index in taken:
            holder = taken[x.sentence.index]
            holder.claims.extend(x.claims)
            if holder.actor2 is None and x.actor2 is not None and x.actor2 != holder.actor1:
                holder.actor2 = x.actor2
            continue
        if (
            x.sub in (GOV_REGAINS_TERRITORY, NSA_OVERTAKES_TERRITORY)
            and x.actor1 is not None
            and x.actor1.inter is not None
        ):
            x.sub = GOV_REGAINS_TERRITORY if x.actor1.inter in (1, 8) else NSA_OVERTAKES_TERRITORY
        out.append(x)
    return out


# advancing into ground: "entered Raqqa from the south", "broke into the district"
_ADVANCE = re.compile(
    r"broke\s+into|break\s+into|breach(?:ed)?|entered|advanc(?:ed|ing|es)\s+(?:into|on)|pushed\s+into|stormed",
    re.I,
)


def held_ground(x: Any, ctx: Context) -> None:
    """Ground an organised side enters or takes is fought for with whoever holds it: the town's
    people are not the other side of an advance or a capture ("the SDF entered Raqqa from the
    south", "captured the neighbourhood and the citadel"). The holder is the article's most
    salient enemy of the side; with none, or with civilians dead in the sentence, nothing changes."""
    if x.actor1 is None or x.actor1.inter not in ORGANISED_INTERS:
        return
    if x.actor2 is not None and x.actor2.inter != CIVILIANS:
        return
    advance = x.sub == ATTACK and _ADVANCE.fullmatch(x.trigger.strip())
    if x.sub not in (GOV_REGAINS_TERRITORY, NSA_OVERTAKES_TERRITORY) and not advance:
        return
    if any(c.victims == "civilians" and c.high > 0 for c in x.claims):
        return
    enemy = ctx.opponent(x.actor1, x.sentence.paragraph)
    if enemy is None or enemy.inter not in ORGANISED_INTERS:
        return
    x.actor2 = enemy
    if advance:
        x.sub = ARMED_CLASH
