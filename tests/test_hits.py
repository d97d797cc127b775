from __future__ import annotations

from dataclasses import replace

from fieldreport.events.hits import hit_then_dead
from fieldreport.records import Claim, EventDate, Mention

LEAD = "Two men were shot Sunday night on Elm Street."
DEATH = "One of them died at the hospital."


def mention(start: int, sentence: str, claims: tuple[Claim, ...], incident: int = 0) -> Mention:
    return Mention(
        article_id="a1", sentence_index=start, start=start, end=start + len(sentence), sentence=sentence,
        event_type="Violence against civilians", sub_event_type="Attack", actor1=None, actor2=None,
        location=None, date=EventDate("2016-05-08", 1, "Sunday"), trigger="shot", claims=claims,
        incident=incident,
    )  # fmt: skip


def claim(kind: str, n: int, text: str, start: int) -> Claim:
    return Claim(kind, n, n, "civilians", None, text, start, start + len(text))


def injured(mentions: list[Mention]) -> list[int]:
    return [c.low for m in mentions for c in m.claims if c.kind == "injured"]


def test_a_death_told_in_another_sentence_is_one_of_the_hit() -> None:
    # the death's claim joined the lead's mention, as a toll told after its event does
    lead = mention(
        0, LEAD, (claim("injured", 2, "Two men were shot", 0), claim("killed", 1, "One of them died", 50))
    )
    other = mention(50, DEATH, ())
    assert injured(hit_then_dead([lead, other])) == [1]


def test_the_wounded_and_the_dead_of_one_sentence_and_other_incidents_stay() -> None:
    wounded = mention(0, "Two men were wounded.", (claim("injured", 2, "Two men were wounded", 0),))
    died = mention(30, DEATH, (claim("killed", 1, "One of them died", 30),))
    assert injured(hit_then_dead([wounded, died])) == [2]  # a count of the wounded is of the living
    lead = mention(0, LEAD, (claim("injured", 2, "Two men were shot", 0),))
    elsewhere = replace(died, incident=1)
    assert injured(hit_then_dead([lead, elsewhere])) == [2]  # another incident's dead


def test_a_gunshot_wound_is_a_hit_that_may_have_killed() -> None:
    text = "A man with a gunshot wound"
    lead = mention(0, "Police found a man with a gunshot wound.", (claim("injured", 1, text, 12),))
    died = mention(50, "He died at the hospital.", (claim("killed", 1, "He died", 50),))
    assert injured(hit_then_dead([lead, died])) == [0]
    hurt = mention(0, "Two men were wounded.", (claim("injured", 2, "Two men were wounded", 0),))
    assert injured(hit_then_dead([hurt, replace(died, start=30)])) == [2]


def test_the_dead_are_among_the_most_hit_not_the_one_hit_told_beside_them() -> None:
    total = "Four people were shot on Main Street."
    one = "A 25-year-old man was shot in the leg."
    died = "One victim died at the hospital."
    others = "Police said three other men were shot."
    mentions = [
        mention(0, total, (claim("injured", 4, "Four people were shot", 0),)),
        mention(40, one, (claim("injured", 1, "A 25-year-old man was shot", 40),)),
        mention(80, died, (claim("killed", 1, "One victim died", 80),)),
        mention(120, others, (claim("injured", 3, "three other men were shot", 131),)),
    ]
    assert injured(hit_then_dead(mentions)) == [3, 1, 3]
