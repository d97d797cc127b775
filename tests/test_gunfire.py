from __future__ import annotations

from dataclasses import replace

import pytest

from fieldreport.events import gunfire
from fieldreport.records import Location, Mention

TOWN = Location(
    "Millbrook", 41.78, -73.69, 1, "US", "United States", "New York", None, "geonames:1", "Millbrook"
)


def mention(sentence: str, sub: str, etype: str, **kw: object) -> Mention:
    base = Mention(
        article_id="a1", sentence_index=0, start=0, end=len(sentence), sentence=sentence, event_type=etype,
        sub_event_type=sub, actor1=None, actor2=None, location=TOWN, trigger="shot",
    )  # fmt: skip
    return replace(base, **kw)


@pytest.mark.parametrize("rule", gunfire.RULES, ids=lambda r: r.name)
def test_every_rule_corrects_its_own_examples(rule: gunfire.Rule) -> None:
    wrong = sorted(rule.wrong)[0]
    for sentence in rule.examples:
        (m,) = gunfire.retype([mention(sentence, wrong, "Explosions/Remote violence")])
        assert (m.event_type, m.sub_event_type, m.actor2) == (
            "Violence against civilians", "Attack", "Civilians (United States)",
        ), sentence  # fmt: skip


def test_a_shooting_between_armed_sides_is_a_clash_and_real_strikes_keep_their_type() -> None:
    sides = {"actor1": "Police Forces of the United States", "inter1": 1, "actor2": "Crips", "inter2": 3}
    (m,) = gunfire.retype([mention("Officers and gang members exchanged gunfire.", "Air/drone strike",
                                   "Explosions/Remote violence", **sides)])  # fmt: skip
    assert (m.event_type, m.sub_event_type) == ("Battles", "Armed clash")
    strike = mention(
        "Jets fired missiles and shot at the convoy.", "Air/drone strike", "Explosions/Remote violence"
    )
    protest = mention(
        "Police fired rubber bullets at protesters.", "Excessive force against protestors", "Protests"
    )
    assert gunfire.retype([strike, protest]) == [strike, protest]


def test_force_on_a_crowd_retyped_as_a_shooting_keeps_the_police_as_the_shooter() -> None:
    # ACLED names the crowd first and the police second in force against protesters
    sides = {"actor1": "Protesters (India)", "inter1": 6, "actor2": "Police Forces of India", "inter2": 1}
    said = "Police fired at the group near the station, killing two."
    m = mention(said, "Excessive force against protestors", "Protests", **sides)
    (shot,) = gunfire.retype([m])
    assert (shot.sub_event_type, shot.actor1, shot.inter1, shot.actor2) == (
        "Attack", "Police Forces of India", 1, "Civilians (United States)",
    )  # fmt: skip


def test_a_loose_struck_in_a_story_of_guns_alone_is_the_shooting() -> None:
    story = "A teenager was shot Friday evening on Porter Road.\n\nThe victim was struck in the back."
    hit = mention("The victim was struck in the back.", "Air/drone strike", "Explosions/Remote violence")
    (m,) = gunfire.retype([hit], story)
    assert (m.event_type, m.sub_event_type, m.actor2) == (
        "Violence against civilians", "Attack", "Civilians (United States)",
    )  # fmt: skip
    # the same sentence in a story that speaks of jets, or with no story given, keeps its type
    war = "Gunmen shot two guards.\n\nJets later struck the camp.\n\nThe victim was struck in the back."
    assert gunfire.retype([hit], war) == [hit]
    assert gunfire.retype([hit]) == [hit]


def test_a_shooting_story_speaks_of_guns_and_of_nothing_aerial_or_explosive() -> None:
    assert gunfire.shooting_story("Police said the gunman fired 12 rounds into the house.")
    assert not gunfire.shooting_story("The drone fired a missile; the gunman fled.")
    assert not gunfire.shooting_story("The pellets struck six people.")


@pytest.mark.parametrize(
    ("sentence", "sub", "etype"),
    [
        ("Police recovered three weapons and a pistol from the car.", "Disrupted weapons use",
         "Strategic developments"),
        ("The man was charged with the rape of a woman he threatened with a gun.", "Sexual violence",
         "Violence against civilians"),
    ],
)  # fmt: skip
def test_a_seizure_or_a_rape_told_beside_a_gun_keeps_its_type(sentence: str, sub: str, etype: str) -> None:
    (m,) = gunfire.retype([mention(sentence, sub, etype)])
    assert m.sub_event_type == sub
