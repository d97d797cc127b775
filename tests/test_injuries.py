from __future__ import annotations

import pytest

from fieldreport.events.casualties import find_claims


def claims(nlp, sentence: str) -> list[tuple[str, int, int]]:
    doc = nlp(sentence)
    return [(c.kind, c.low, c.high) for c in find_claims(sentence, 0, doc[:])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one more hurt, told beside the dead
        (
            "The fight at the tavern left two men dead and another injured.",
            [("killed", 2, 2), ("injured", 1, 1)],
        ),
        (
            "A gunman opened fire on the porch, killing Ortiz and seriously wounding the other man.",
            [("killed", 1, 1), ("injured", 1, 1)],
        ),
        # a named person hurt, struck first
        ("A stray round went through the wall, striking and injuring Maria Delgado.", [("injured", 1, 1)]),
        # taken to hospital hurt
        (
            "The 22-year-old was driven to Mercy Hospital with a non-life threatening gunshot wound.",
            [("injured", 1, 1)],
        ),
        (
            "Five people had to be treated for minor wounds after shots were fired outside the arena.",
            [("injured", 5, 5)],
        ),
        # a figure far from its verb, read from the parse
        (
            "Three teenagers walking home from practice were wounded when a car sped past.",
            [("injured", 3, 3)],
        ),
        # the hospital a victim is taken to is the aftermath, not the cause, of the shooting
        (
            "A boy was rushed to the hospital after accidentally shooting himself with a rifle.",
            [("injured", 1, 1)],
        ),
        ("The woman who was shot in the arm is expected to recover.", [("injured", 1, 1)]),
        # one shot by someone, in a sentence that tells no death
        ("Police said the homeowner shot a man who broke into his garage.", [("injured", 1, 1)]),
        # ... or a count of them, by no force
        # (the men who shot are the shooters, not the hurt)
        ("Detectives seek the two men who shot four teenagers outside the rink.", [("injured", 4, 4)]),
        # the dead and the hurt of one past verb each
        (
            "The gunman who killed his wife and wounded her brother was arrested.",
            [("killed", 1, 1), ("injured", 1, 1)],
        ),
        # people counted in a coordination add up
        ("Two girls and a 40-year-old man were shot on the corner late Friday.", [("injured", 3, 3)]),
        # a count of nothing does not hide a count of one
        (
            "Nobody was hurt inside the store, but one customer in the parking lot suffered a gunshot wound.",
            [("injured", 0, 0), ("injured", 1, 1)],
        ),
    ],
)
def test_injured_readings(nlp, sentence: str, expected: list[tuple[str, int, int]]) -> None:
    assert claims(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # mortally wounded is dead, not hurt
        "The guard was killed, fatally wounding his partner in the crossfire.",
        # shot at hit no one
        "Two officers were shot at while they sat in their cruiser.",
        # a wound that killed
        "The victim suffered a fatal gunshot wound to the chest.",
        # a name owned by another noun is not the one hurt
        "A bullet struck the window, injuring no one.",
    ],
)
def test_no_injured_from(nlp, sentence: str) -> None:
    assert [c for c in claims(nlp, sentence) if c[0] == "injured" and c[2] > 0] == []


def test_the_shot_in_a_sentence_that_tells_a_death_may_be_the_dead(nlp) -> None:
    # "shot" beside a death is the dead one, never another injured
    assert claims(nlp, "A man who was shot on Elm Street on Friday died on Sunday.") == [("killed", 1, 1)]


def armed_claims(nlp, sentence: str) -> list[tuple[str, int, int]]:
    doc = nlp(sentence)
    return [(c.kind, c.low, c.high) for c in find_claims(sentence, 0, doc[:], armed=True)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # in a place, with wounds: the parse hangs "with" on the place
        ("Three women are at County General with serious injuries.", [("injured", 3, 3)]),
        ("Two men, ages 30 and 41, were lying in an alley with gunshot wounds.", [("injured", 2, 2)]),
        ("Four soldiers were evacuated to a field clinic with injuries.", [("injured", 4, 4)]),
        # taken into care, in a shooting's article
        ("Two cousins were rushed to the hospital after the argument.", [("injured", 2, 2)]),
        ("Both were taken to St. Mary's Medical Center.", [("injured", 2, 2)]),
        ("The clerk was hospitalized overnight.", [("injured", 1, 1)]),
        # recovering: hurt, and alive
        ("Three neighbors are recovering after the gunfire on Pine Street.", [("injured", 3, 3)]),
    ],
)
def test_in_care_in_a_shootings_article(nlp, sentence: str, expected: list[tuple[str, int, int]]) -> None:
    assert armed_claims(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the wound belongs to the woman the call was about, not to the deputies
        ("Deputies answered a call about a woman with a gunshot wound.", [("injured", 1, 1)]),
        # wounds that killed
        ("Police found two men in a car with fatal gunshot wounds.", []),
        # the one found wounded is as often dead, told next
        ("Officers found the clerk behind the counter with a gunshot wound.", []),
        # taken to a hospital where he died: the dead, not the hurt
        ("The man was taken to a hospital, where he died an hour later.", [("killed", 1, 1)]),
    ],
)
def test_not_in_care(nlp, sentence: str, expected: list[tuple[str, int, int]]) -> None:
    assert armed_claims(nlp, sentence) == expected


def test_taken_to_a_hospital_is_no_wound_outside_a_shootings_article(nlp) -> None:
    # after a fall or a fight, being taken to a hospital is not a shooting's injured
    doc = nlp("Two cousins were rushed to the hospital after the argument.")
    assert find_claims(doc.text, 0, doc[:]) == []
