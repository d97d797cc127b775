"""Shootings outside war: a post-pass that keeps gun violence among the types a gun can make.

Local news of a shooting ("a 2-year-old shot herself", "struck by gunfire", "opened fire on a
party") has no air force, no bomb and no protest in it, yet a loose word may type it so ("struck"
reads as a strike, "shot" near "crowd" as force against protesters). A sentence that speaks of
guns and of none of what those types need is a shooting: an attack on the people shot (violence
against civilians), or, where it names organised armed sides on both ends, an armed clash.

A sentence that tells the shooting's hit without the gun ("the victim was struck in the back",
"the pellets struck six people") is read with its article: a story that speaks of guns and of no
air force, bomb or shell anywhere is a shooting story, and its loose "struck" is a bullet's.

Each rule is data: its name, the types it corrects, what the sentence must say and must not say,
and its examples (``tests/test_gunfire.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lexicon import GATHERING_WORDS
from ..records import Mention
from .actors import CIVILIANS
from .taxonomy import (
    ARMED_CLASH,
    ATTACK,
    BATTLES,
    DISRUPTED_WEAPONS,
    EVENT_TYPES,
    EXPLOSIONS,
    ORGANISED_INTERS,
    PROTESTS,
    SEXUAL_VIOLENCE,
    VAC,
)

GUN = re.compile(
    r"\b(?:gun\w*|shot|shots|shoot\w*|gunfire|gunshots?|gunman|gunmen|opened fire|fired|firearm|"
    r"handgun|pistol|rifle|revolver|bullets?|discharg\w+)\b",
    re.I,
)
_AERIAL_OR_BLAST = re.compile(
    r"\b(?:air\s*strikes?|airstrikes?|air raids?|drones?|jets?|warplanes?|aircraft|helicopters?|bomb\w*|"
    r"explosi\w+|explod\w+|blasts?|ied|mines?|grenades?|missiles?|rockets?|shell\w*|mortars?|"
    r"artillery|suicide bomb\w*)\b",
    re.I,
)
_CROWD = re.compile(rf"\b(?:{GATHERING_WORDS})\b", re.I)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    wrong: frozenset[str]  # sub-event types a shooting is never
    excludes: re.Pattern[str]  # words that would make the type possible after all
    examples: tuple[str, ...]


RULES: tuple[Rule, ...] = (
    Rule(
        "shooting_is_no_strike_or_blast",
        frozenset(EVENT_TYPES[EXPLOSIONS]),
        _AERIAL_OR_BLAST,
        (
            "The child was struck by gunfire while being pushed in a stroller.",
            "A 2-year-old girl accidentally shot herself with a handgun she found.",
        ),
    ),
    Rule(
        # the vote reads a child, a gun cabinet or a family as abuse or a seizure: a sentence of a
        # shooting is neither unless it tells the rape or the weapons taken
        "shooting_is_no_rape_or_seizure",
        frozenset({SEXUAL_VIOLENCE, DISRUPTED_WEAPONS}),
        re.compile(
            r"\b(?:rap(?:e|ed|es|ing|ist)|sexual\w*|molest\w*|seiz\w+|confiscat\w+|defus\w+|caches?|dumps?"
            r"|stockpiles?|(?:were|was|been)\s+recovered|recovered\s+(?:[\w,-]+\s+){0,3}?(?:weapons?|guns?"
            r"|firearms?|pistols?|rifles?|handguns?|ammunition))\b",
            re.I,
        ),
        (
            "His gun accidentally discharged, shooting his 4-year-old daughter in the arm.",
            "The boy should recover after shooting himself with a revolver he found in a cabinet.",
        ),
    ),
    Rule(
        "shooting_is_no_force_on_protesters",
        frozenset(EVENT_TYPES[PROTESTS]),
        _CROWD,
        ("Three men with handguns opened fire on the crowd at the party.",),
    ),
)


def shooting_story(text: str) -> bool:
    """Whether a whole article speaks of guns and of nothing aerial or explosive."""
    return bool(GUN.search(text)) and not _AERIAL_OR_BLAST.search(text)


def rule_for(m: Mention, in_shooting_story: bool = False) -> Rule | None:
    """The rule that corrects this mention's type, if one does: its sentence speaks of guns, or
    its article is a shooting story (:func:`shooting_story`)."""
    if not (in_shooting_story or GUN.search(m.sentence)):
        return None
    for rule in RULES:
        if m.sub_event_type in rule.wrong and not rule.excludes.search(m.sentence):
            return rule
    return None


def retype(mentions: Sequence[Mention], story: str = "") -> list[Mention]:
    """The mentions with every shooting typed as one (see :data:`RULES`): a clash where both
    sides are armed, else an attack by the armed side, whichever place it held (force on a crowd
    names the crowd first, the police second), on civilians. ``story`` is the article's title
    and text."""
    in_story = shooting_story(story)
    out: list[Mention] = []
    for m in mentions:
        if rule_for(m, in_story) is None:
            out.append(m)
            continue
        sides = [(name, inter) for name, inter in ((m.actor1, m.inter1), (m.actor2, m.inter2)) if name]
        shooters = [(name, inter) for name, inter in sides if inter in ORGANISED_INTERS]
        if len(shooters) == 2:
            out.append(replace(m, event_type=BATTLES, sub_event_type=ARMED_CLASH))
            continue
        shooter, inter = shooters[0] if shooters else (None, None)
        country = m.location.country if m.location else None
        out.append(
            replace(
                m,
                event_type=VAC,
                sub_event_type=ATTACK,
                actor1=shooter,
                inter1=inter,
                actor2=f"Civilians ({country})" if country else "Civilians",
                inter2=CIVILIANS,
            )
        )
    return out
