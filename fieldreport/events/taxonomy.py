"""ACLED event types and sub-event types, and their nearest PLOVER (v2) category and mode.

ACLED names are spelled exactly as in the ACLED codebook. The PLOVER mapping is approximate: PLOVER
codes interactions, not ACLED's categories, so a sub-event type maps to the category and mode a
PLOVER coder would most likely give the same report ("" where PLOVER has no mode for it).
"""

from __future__ import annotations

import re

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# the sub-event types, by event type: code names them only through these
ARMED_CLASH = "Armed clash"
GOV_REGAINS_TERRITORY = "Government regains territory"
NSA_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
CHEMICAL_WEAPON = "Chemical weapon"
AIR_STRIKE = "Air/drone strike"
SUICIDE_BOMB = "Suicide bomb"
SHELLING = "Shelling/artillery/missile attack"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
SEXUAL_VIOLENCE = "Sexual violence"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protestors"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE_TO_GROUP = "Change to group/activity"
DISRUPTED_WEAPONS = "Disrupted weapons use"
HQ_ESTABLISHED = "Headquarters or base established"
LOOTING = "Looting/property destruction"
NONVIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: (ARMED_CLASH, GOV_REGAINS_TERRITORY, NSA_OVERTAKES_TERRITORY),
    EXPLOSIONS: (CHEMICAL_WEAPON, AIR_STRIKE, SUICIDE_BOMB, SHELLING, REMOTE_EXPLOSIVE, GRENADE),
    VAC: (SEXUAL_VIOLENCE, ATTACK, ABDUCTION),
    PROTESTS: (PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, EXCESSIVE_FORCE),
    RIOTS: (VIOLENT_DEMONSTRATION, MOB_VIOLENCE),
    STRATEGIC: (
        AGREEMENT,
        ARRESTS,
        CHANGE_TO_GROUP,
        DISRUPTED_WEAPONS,
        HQ_ESTABLISHED,
        LOOTING,
        NONVIOLENT_TRANSFER,
        OTHER,
    ),
}

SUB_EVENT_TYPES: dict[str, str] = {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}

TERRITORY = frozenset({GOV_REGAINS_TERRITORY, NSA_OVERTAKES_TERRITORY})
# protests and riots: which kind is who did what (the crowd's violence, force used on it)
CROWD_KINDS = frozenset(EVENT_TYPES[PROTESTS]) | {VIOLENT_DEMONSTRATION}
# riots: whether the crowd was demonstrating is in the words
RIOT_KINDS = frozenset(EVENT_TYPES[RIOTS])


def rules_decide(classifier_sub: str, rule_sub: str | None) -> bool:
    """Whether the rules' sub-event type wins over the example classifier's: within a family whose
    kinds differ by who did what to whom (who took the ground, who used force on whom), which the
    rules read from the actors and the words, while the classifier only knows the family."""
    families = (TERRITORY, CROWD_KINDS, RIOT_KINDS)
    return any(classifier_sub in family and rule_sub in family for family in families)


_PLOVER: dict[str, tuple[str, str]] = {
    ARMED_CLASH: ("ASSAULT", "firearms"),
    GOV_REGAINS_TERRITORY: ("COERCE", "seize"),
    NSA_OVERTAKES_TERRITORY: ("COERCE", "seize"),
    CHEMICAL_WEAPON: ("ASSAULT", "unconventional"),
    AIR_STRIKE: ("ASSAULT", "aerial"),
    SUICIDE_BOMB: ("ASSAULT", "suicide-attack"),
    SHELLING: ("ASSAULT", "heavy-weapons"),
    REMOTE_EXPLOSIVE: ("ASSAULT", "explosives"),
    GRENADE: ("ASSAULT", "explosives"),
    SEXUAL_VIOLENCE: ("ASSAULT", "sexual"),
    ATTACK: ("ASSAULT", "targeted"),
    ABDUCTION: ("ASSAULT", "abduct"),
    PEACEFUL_PROTEST: ("PROTEST", "demo"),
    PROTEST_WITH_INTERVENTION: ("PROTEST", "demo"),
    EXCESSIVE_FORCE: ("ASSAULT", "crowd-control"),
    VIOLENT_DEMONSTRATION: ("PROTEST", "riot"),
    MOB_VIOLENCE: ("ASSAULT", "primitive"),
    AGREEMENT: ("AGREE", ""),
    ARRESTS: ("COERCE", "arrest"),
    CHANGE_TO_GROUP: ("MOBILIZE", ""),
    DISRUPTED_WEAPONS: ("COERCE", "seize"),
    HQ_ESTABLISHED: ("MOBILIZE", "troops"),
    LOOTING: ("ASSAULT", "destroy"),
    NONVIOLENT_TRANSFER: ("CONCEDE", ""),
    OTHER: ("", ""),
}


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to; KeyError for an unknown name."""
    return SUB_EVENT_TYPES[sub_event_type]


def plover(sub_event_type: str) -> tuple[str, str]:
    """(PLOVER category, mode) for an ACLED sub-event type; KeyError for an unknown name."""
    return _PLOVER[sub_event_type]


def is_violent(sub_event_type: str) -> bool:
    """Whether the sub-event type can carry fatalities from fighting (not a strategic development)."""
    return SUB_EVENT_TYPES.get(sub_event_type) in (BATTLES, EXPLOSIONS, VAC, RIOTS)


# -- ACLED's scope ---------------------------------------------------------------------------------
# ACLED records political violence, demonstrations and strategic developments; fieldreport also
# yields criminal shootings (for those who track gun violence). The rule that tells them apart is
# the data below, read by :func:`in_acled_scope`; its examples are in ``tests/test_taxonomy.py``.

# Types ACLED codes whoever the sides are: a protest, a riot or a strategic development is
# political by its kind, and a bomb, a strike or a shelling is organised violence by its means.
SCOPE_BY_TYPE = frozenset({PROTESTS, RIOTS, STRATEGIC, EXPLOSIONS})
# Types ACLED codes only where an organised political or armed actor is a side.
SCOPE_BY_SIDES = frozenset({BATTLES, VAC})
# ACLED inter codes of organised actors: 1 state forces (army and police), 2 rebels, 3 political
# militias (ACLED's "Unidentified Armed Group (X)" among them), 4 identity militias, 8 external or
# other forces. Not organised: 5 rioters, 6 protesters, 7 civilians, and no code at all.
ORGANISED_INTERS = frozenset({1, 2, 3, 4, 8})
# ACLED's names of organised actors, which count as such where a side came without an inter code.
ORGANISED_NAMES = re.compile(r"^(?:Military Forces of|Police Forces of|Unidentified Armed Group)\b")


def organised(actor: str | None, inter: int | None) -> bool:
    """Whether a side is an organised political or armed actor: by its ACLED inter code, or by an
    ACLED name ("Police Forces of Kenya") where it has no code. No actor is never organised."""
    if not actor or not actor.strip():
        return False
    if inter is not None:
        return inter in ORGANISED_INTERS
    return ORGANISED_NAMES.match(actor) is not None


def in_acled_scope(
    event_type: str | None,
    sub_event_type: str | None,
    actor1: str | None,
    inter1: int | None,
    actor2: str | None,
    inter2: int | None,
) -> bool:
    """Whether ACLED would record the event: political violence, a demonstration or a strategic
    development, rather than violence outside war (a criminal shooting).

    The rule:

    * Protests, riots, strategic developments and explosions/remote violence are in scope,
      whoever the sides are (:data:`SCOPE_BY_TYPE`).
    * Battles and violence against civilians are in scope when a side is an organised political
      or armed actor (:func:`organised`: inter 1 state forces, 2 rebels, 3 political militias,
      4 identity militias, 8 external/other forces; "Unidentified Armed Group (X)" counts, since
      ACLED codes those). State forces include the police: ACLED codes state forces' violence,
      so a police shooting is in scope.
    * They are out of scope when the only sides are civilians, rioters, protesters, unnamed
      individuals or no actor at all: a criminal shooting, actor1 None or a bare phrase like
      "two men", actor2 "Civilians (United States)".
    * A type that is not ACLED's is out of scope. The event type decides; the sub-event type
      stands in for it where the event type is missing or not ACLED's.
    """
    kind = event_type if event_type in EVENT_TYPES else SUB_EVENT_TYPES.get(sub_event_type or "")
    if kind in SCOPE_BY_TYPE:
        return True
    if kind in SCOPE_BY_SIDES:
        return organised(actor1, inter1) or organised(actor2, inter2)
    return False
