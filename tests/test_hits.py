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
