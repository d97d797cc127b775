"""An outlet's home learned from its own reports (geo/homes.py), and what it decides: a unit test
of the vote, the real index for namesakes, and a real run whose relocate stage re-reads a report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fieldreport
from fieldreport.geo import homes
from fieldreport.store import Store

from .test_geo_local import analyse

TN, GA, KY = ("US", "Tennessee"), ("US", "Georgia"), ("US", "Kentucky")


@pytest.mark.parametrize(
    ("url", "outlet", "key"),
    [
        ("https://www.wsmv.com/story/1/shooting", None, "wsmv.com"),
        ("http://web.archive.org/web/20160814160601/http://www.wsmv.com:80/story/2", None, "wsmv.com"),
        ("https://chicago.cbslocal.com/2017/03/16/boy-shot/", None, "chicago.cbslocal.com"),
        (None, " WSMV Channel 4 ", "wsmv channel 4"),
        ("http://[bad", "WSMV", "wsmv"),
        (None, None, None),
    ],
)
def test_an_outlet_is_its_pages_host_else_its_name(url, outlet, key) -> None:
    assert homes.outlet_key(url, outlet) == key


@pytest.mark.parametrize(
    ("votes", "learned"),
    [
        # a station's reports are placed in its state; a misread namesake scatters one vote
        ([("wsmv.com", TN)] * 3 + [("wsmv.com", GA)], {"wsmv.com": TN}),
        ([("wsmv.com", TN)] * 2, {"wsmv.com": TN}),
        # one report teaches nothing
        ([("wsmv.com", TN)], {}),
        # no unit holds half the votes: an outlet that reports from everywhere
        ([("cnn.com", TN)] * 2 + [("cnn.com", GA), ("cnn.com", KY), ("cnn.com", ("US", "Ohio"))], {}),
        # half, but not twice the runner-up
        ([("x.com", TN)] * 3 + [("x.com", GA)] * 2, {}),
        # votes without an outlet count for none
        ([(None, TN)] * 5, {}),
    ],
)
def test_an_outlets_home_is_the_unit_most_of_its_reports_are_placed_in(votes, learned) -> None:
    assert homes.learn(votes, min_articles=2, min_share=0.5) == learned


def test_a_place_outside_the_home_may_be_the_homes_namesake(gaz) -> None:
    assert homes.could_move(gaz, [("Smyrna", "US", "Georgia")], TN)
    assert not homes.could_move(gaz, [("Smyrna", "US", "Tennessee")], TN)  # already there
    assert not homes.could_move(gaz, [("Atlanta", "US", "Georgia")], TN)  # no Atlanta in Tennessee
    assert not homes.could_move(gaz, [(None, None, None)], TN)


def test_the_learned_home_reads_a_bare_namesake_in_the_outlets_state(nlp, gaz) -> None:
    text = "A girl, 2, accidentally shot herself in the 100 block of Snowbird Drive in Smyrna, police said."
    *_, places = analyse(nlp, gaz, text)
    assert [(p.name, p.admin1) for p in places if p.text == "Smyrna"] == [("Smyrna", "Georgia")]
    *_, places = analyse(nlp, gaz, text, outlet_home="US/Tennessee")
    assert [(p.name, p.admin1) for p in places if p.text == "Smyrna"] == [("Smyrna", "Tennessee")]
    # a state the text names outweighs the prior
    *_, places = analyse(nlp, gaz, text.replace("Smyrna", "Smyrna, Ga.,"), outlet_home="US/Tennessee")
    assert [(p.name, p.admin1) for p in places if p.text == "Smyrna"] == [("Smyrna", "Georgia")]


STATION = "https://www.wtnx-news.example/story/{n}/"
REPORTS = [
    "A man was shot and killed in Murfreesboro on Friday night, police said.",
    "Two people were wounded in a shooting in Clarksville on Saturday, police said.",
    "A woman was shot in the arm in Nashville on Sunday, Metro police said.",
    "A teenager was shot and wounded in Knoxville on Monday, police said.",
]


def test_a_run_learns_the_home_and_reads_the_namesake_again(tmp_path: Path, gazetteer_path: str) -> None:
    lines = [
        {"url": STATION.format(n=n), "title": f"Shooting {n}", "published": f"2016-05-0{n + 1}", "text": text}
        for n, text in enumerate(REPORTS)
    ]
    lines.append(
        {
            "url": STATION.format(n=9),
            "title": "Two year old in Smyrna accidentally shoots herself",
            "published": "2016-05-07",
            "text": "A 2-year-old girl accidentally shot herself in the 100 block of Snowbird Drive in "
            "Smyrna on Saturday morning, police said. The girl was flown to a hospital, police said.",
        }
    )
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    summary = fieldreport.run([str(news)], db=db, gazetteer_path=gazetteer_path)
    assert summary.relocated == 1
    with Store(db, read_only=True) as s:
        smyrna = s.query("SELECT location, admin1 FROM mentions WHERE sentence LIKE '%Smyrna%'")
        homes_stored = {r["outlet_home"] for r in s.query("SELECT outlet_home FROM articles")}
    assert {(m["location"], m["admin1"]) for m in smyrna} == {("Smyrna", "Tennessee")}
    assert homes_stored == {None, "US/Tennessee"}  # only the report read again took the home
    again = fieldreport.run([str(news)], db=db, gazetteer_path=gazetteer_path)
    assert again.relocated == 0  # re-running changes nothing
