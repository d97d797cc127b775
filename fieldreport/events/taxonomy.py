"""ACLED event types and sub-event types, and their nearest PLOVER (v2) category and mode.

ACLED names are spelled exactly as in the ACLED codebook. The PLOVER mapping is approximate: PLOVER
codes interactions, not ACLED's categories, so a sub-event type maps to the category and mode a
PLOVER coder would most likely give the same report ("" where PLOVER has no mode for it).
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protestors"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TYPES: dict[str, str] = {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}

TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# protests and riots: which kind is who did what (the crowd's violence, force used on it)
CROWD_KINDS = frozenset(EVENT_TYPES[PROTESTS]) | {"Violent demonstration"}
# riots: whether the crowd was demonstrating is in the words
RIOT_KINDS = frozenset(EVENT_TYPES[RIOTS])


def rules_decide(classifier_sub: str, rule_sub: str | None) -> bool:
    """Whether the rules' sub-event type wins over the example classifier's: within a family whose
    kinds differ by who did what to whom (who took the ground, who used force on whom), which the
    rules read from the actors and the words, while the classifier only knows the family."""
    families = (TERRITORY, CROWD_KINDS, RIOT_KINDS)
    return any(classifier_sub in family and rule_sub in family for family in families)


_PLOVER: dict[str, tuple[str, str]] = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("COERCE", "seize"),
    "Non-state actor overtakes territory": ("COERCE", "seize"),
    "Chemical weapon": ("ASSAULT", "unconventional"),
    "Air/drone strike": ("ASSAULT", "aerial"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("ASSAULT", "heavy-weapons"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", "targeted"),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protestors": ("ASSAULT", "crowd-control"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "primitive"),
    "Agreement": ("AGREE", ""),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", ""),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("ASSAULT", "destroy"),
    "Non-violent transfer of territory": ("CONCEDE", ""),
    "Other": ("", ""),
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
