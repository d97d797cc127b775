"""ACLED's scope: which events ACLED would record (political violence, demonstrations, strategic
developments) and which are violence outside war (a criminal shooting)."""

from __future__ import annotations

import pytest

from fieldreport.events.taxonomy import (
    BATTLES,
    EVENT_TYPES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    SCOPE_BY_SIDES,
    SCOPE_BY_TYPE,
    STRATEGIC,
    VAC,
    in_acled_scope,
    organised,
)

US_CIVILIANS = ("Civilians (United States)", 7)
NG_CIVILIANS = ("Civilians (Nigeria)", 7)
US_POLICE = "Police Forces of United States"
NOBODY = (None, None)
IRAQI_ARMY = ("Military Forces of Iraq", 1)

# (why, event_type, sub_event_type, (actor1, inter1), (actor2, inter2), in scope)
EXAMPLES = [
    ("a criminal shooting: no shooter named", VAC, "Attack", NOBODY, US_CIVILIANS, False),
    ("a shooter that is a bare phrase", VAC, "Attack", ("two men", None), US_CIVILIANS, False),
    ("a shooter that is blank", VAC, "Attack", ("  ", None), US_CIVILIANS, False),
    ("civilians on both sides", VAC, "Attack", US_CIVILIANS, US_CIVILIANS, False),
    ("a shootout, no organised side", BATTLES, "Armed clash", ("two men", None), US_CIVILIANS, False),
    ("rioters against civilians", VAC, "Attack", ("Rioters (Kenya)", 5), ("Civilians (Kenya)", 7), False),
    ("a police shooting", VAC, "Attack", (US_POLICE, 1), US_CIVILIANS, True),
    ("police named without a code", VAC, "Attack", (US_POLICE, None), US_CIVILIANS, True),
    ("unknown gunmen", VAC, "Attack", ("Unidentified Armed Group (Nigeria)", 3), NG_CIVILIANS, True),
    ("unknown gunmen, no code", VAC, "Attack", ("Unidentified Armed Group (Iraq)", None), NOBODY, True),
    ("a rebel abduction", VAC, "Abduction/forced disappearance", ("Boko Haram", 2), NG_CIVILIANS, True),
    ("army against rebels", BATTLES, "Armed clash", IRAQI_ARMY, ("Islamic State", 2), True),
    ("an identity militia's raid", VAC, "Attack", ("Fulani Ethnic Militia (Nigeria)", 4), NG_CIVILIANS, True),
    ("a foreign force, second side", BATTLES, "Armed clash", NOBODY, ("Wagner Group", 8), True),
    ("a protest without actors", PROTESTS, "Peaceful protest", NOBODY, NOBODY, True),
    ("a riot of civilians", RIOTS, "Mob violence", ("Rioters (United States)", 5), US_CIVILIANS, True),
    ("an arrest", STRATEGIC, "Arrests", NOBODY, NOBODY, True),
    ("a bomb without a bomber", EXPLOSIONS, "Remote explosive/landmine/IED", NOBODY, US_CIVILIANS, True),
    ("sub-event type for a missing type", None, "Armed clash", ("two men", None), US_CIVILIANS, False),
    ("sub-event type for an unknown type", "", "Grenade", NOBODY, NOBODY, True),
    ("not an ACLED type", "Non-ACLED event", "Organized crime", ("Civilians", 7), NOBODY, False),
    ("no type at all", None, None, IRAQI_ARMY, NOBODY, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "side1", "side2", "expected"),
    [e[1:] for e in EXAMPLES],
    ids=[e[0] for e in EXAMPLES],
)
def test_the_scope_rule_on_its_examples(
    event_type: str | None,
    sub_event_type: str | None,
    side1: tuple[str | None, int | None],
    side2: tuple[str | None, int | None],
    expected: bool,
) -> None:
    assert in_acled_scope(event_type, sub_event_type, *side1, *side2) is expected


def test_every_acled_type_has_a_scope_rule() -> None:
    assert SCOPE_BY_TYPE | SCOPE_BY_SIDES == set(EVENT_TYPES)
    assert not SCOPE_BY_TYPE & SCOPE_BY_SIDES


def test_every_sub_event_type_of_the_types_in_scope_by_kind_is_in_scope_without_actors() -> None:
    for event_type, subs in EVENT_TYPES.items():
        for sub in subs:
            assert in_acled_scope(event_type, sub, None, None, None, None) is (event_type in SCOPE_BY_TYPE)


@pytest.mark.parametrize("inter", range(1, 9))
def test_organised_sides_are_acleds_inter_codes_1_to_4_and_8(inter: int) -> None:
    assert organised("A side", inter) is (inter in (1, 2, 3, 4, 8))
    assert organised(None, inter) is False


def test_fusion_judges_each_event_by_its_own_type_and_sides() -> None:
    # here rather than in test_fuse.py: the scope is this module's rule, fusion only applies it
    from dataclasses import replace

    from fieldreport import fuse
    from fieldreport.records import EventDate, Location, Mention

    city = Location("Chicago", 41.85, -87.65, 1, "US", "United States", "Illinois", None, "geonames:1")
    shooting = Mention(
        "a1", 0, 0, 40, "Two men shot a teenager on the South Side.", VAC, "Attack", "two men",
        "Civilians (United States)", None, 7, city, EventDate("2023-07-04", 1, "on Tuesday"),
        trigger="shot",
    )  # fmt: skip
    police = replace(
        shooting, article_id="a2", sentence="Police shot a man in Houston.",
        actor1="Police Forces of United States", inter1=1, date=EventDate("2023-08-20", 1, "on Sunday"),
        location=Location("Houston", 29.76, -95.36, 1, "US", "United States", "Texas", None, "geonames:2"),
    )  # fmt: skip
    meta = {"a1": {"outlet": "Lakefront News"}, "a2": {"outlet": "Bayou Daily"}}
    events, _ = fuse.run([shooting, police], meta)
    assert sorted((e.location, e.actor1, e.political) for e in events) == [
        ("Chicago", "two men", False),
        ("Houston", "Police Forces of United States", True),
    ]
