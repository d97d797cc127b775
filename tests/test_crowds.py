"""Tests of fieldreport.events.crowds: what crowds do as protests and riots, on sentences written
for these tests (real spaCy model)."""

from __future__ import annotations

import pytest

from fieldreport.events import crowds, extract
from fieldreport.nlp import sentences_of
from fieldreport.records import Article, EventDate


def mentions(nlp, text):
    article = Article("c1", "h1", "test", "txt", text, text, published="2021-05-31", outlet="Test Wire")
    doc = nlp(text)
    return extract(
        article, doc, sentences_of(doc), locate=lambda s: None, date_of=lambda s: EventDate(None, None)
    )


@pytest.mark.parametrize(
    "text, verb, sub",
    [
        (
            "About 300 employees of the port demanded their unpaid wages on Monday.",
            "demanded",
            "Peaceful protest",
        ),
        ("Hundreds of students blocked the main gate of the campus.", "blocked", "Peaceful protest"),
        ("Market traders boycotted the new levy in the capital.", "boycotted", "Peaceful protest"),
        # a riot: a mob's, with no demonstration told
        ("Angry residents went on the rampage in the township.", "went", "Mob violence"),
        ("A group of unemployed blocked the entrance to a factory.", "blocked", "Peaceful protest"),
        ("Taxi Drivers gathered outside the municipal offices on Monday.", "gathered", "Peaceful protest"),
    ],
)
def test_what_a_crowd_does_is_a_protest_or_a_riot(nlp, text, verb, sub):
    assert [(v.text, s) for v, s, _ in crowds.crowd_actions(nlp(text)[:])] == [(verb, sub)]
    found = mentions(nlp, text)[0]
    riots = ("Violent demonstration", "Mob violence")
    assert found.sub_event_type == sub or (found.event_type == "Riots" and sub in riots)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels demanded a ransom for the hostages.",  # not a crowd
        "Troops blocked the road to the border town.",
        "The minister demanded an inquiry into the shooting.",
    ],
)
def test_armed_men_or_officials_are_no_crowd(nlp, text):
    assert crowds.crowd_actions(nlp(text)[:]) == []


def test_an_arrest_told_before_is_no_event(nlp):
    found = mentions(nlp, "Students gathered to demand the release of arrested classmates.")
    assert [m.sub_event_type for m in found] == ["Peaceful protest"]
