"""Ranking the readings of a name by what the article writes beside it: the counties it names, and
the state after a town ("Paris, Tenn.") or in its dateline. Real model, real index."""

from __future__ import annotations

import pytest

from fieldreport.geo import find_places
from fieldreport.geo.rank import Candidate, Context, counties_in, in_named_county
from fieldreport.records import Article


def places(nlp, gaz, text: str, **meta):
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text, **meta)
    return find_places(article, nlp(text), gaz)


def states(found, name: str) -> list[str | None]:
    return [p.admin1 for p in found if p.text == name]


def test_counties_are_read_with_every_tail_of_their_name() -> None:
    text = (
        "The Orange County Sheriff's Office and Police in St. Charles County said so; "
        "Prince George's County and DeKalb County did not."
    )
    assert {"orange", "st charles", "charles", "prince georges", "georges", "dekalb"} <= counties_in(text)
    assert counties_in("the county sheriff said") == frozenset()


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        # Springfield, Missouri is bigger; Springfield, Illinois is the one in Sangamon County
        (
            "A man was shot in the 1300 block of Elm Street in Springfield on Thursday. "
            "The Sangamon County Coroner named him on Friday.",
            "Springfield",
            "Illinois",
        ),
        # Highland Heights, Ohio is bigger; the Kentucky one is in Campbell County
        (
            "A student was shot in Highland Heights on Monday, Campbell County police said.",
            "Highland Heights",
            "Kentucky",
        ),
        # and the county is the one that holds a town the article names
        (
            "Two men were shot in Wayne County on Friday. One of them lived in Goldsboro.",
            "Wayne County",
            "North Carolina",
        ),
    ],
)
def test_a_town_in_a_county_the_article_names_is_read_there(
    nlp, gaz, text: str, name: str, state: str
) -> None:
    assert states(places(nlp, gaz, text), name) == [state]


def test_a_county_does_not_vouch_for_a_town_of_its_own_name(gaz) -> None:
    # "DeKalb" beside "DeKalb County" is as often the county as the town
    ctx = Context(counties=counties_in("DeKalb County deputies said; the Sangamon County Coroner said."))
    dekalb = next(
        e for e in gaz.lookup("DeKalb", fuzzy=False) if e.feature == "PPL" and e.admin1 == "Illinois"
    )
    assert not in_named_county(dekalb, Candidate(0, 6, "DeKalb", "ner"), ctx)
    springfield = next(e for e in gaz.lookup("Springfield", fuzzy=False) if e.admin1 == "Illinois")
    assert in_named_county(springfield, Candidate(0, 11, "Springfield", "ner"), ctx)


def test_a_town_written_with_its_state_has_no_reading_elsewhere(nlp, gaz) -> None:
    # the index has no Shelby in New York: neither Shelby, Michigan nor Shelby County, Tennessee;
    # it stays a name in New York
    found = places(nlp, gaz, "A man from Shelby, N.Y., was shot in Medina on Friday.")
    assert [(p.resolved, p.admin1) for p in found if p.text == "Shelby"] == [(False, "New York")]
    found = places(nlp, gaz, "Police in Kansas City, Kan., said a man was shot.")
    assert states(found, "Kansas City") == ["Kansas"]


def test_a_datelines_town_is_read_only_in_the_datelines_state(nlp, gaz) -> None:
    text = "A 15-year-old boy from the town died of a gunshot wound on Friday, deputies said."
    found = places(nlp, gaz, text, dateline="SHELBY, N.Y.")
    shelby = [p for p in found if p.source == "dateline"]
    assert [(p.resolved, p.admin1) for p in shelby] == [(False, "New York")]
