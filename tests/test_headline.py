"""A page's headline as its lead: pages whose text is a paywall or a video player's captions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fieldreport
from fieldreport.headline import headline, with_headline
from fieldreport.records import Article
from fieldreport.store import Store


def page(title: str | None, text: str) -> Article:
    return Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text, title=title)


@pytest.mark.parametrize(
    ("title", "head"),
    [
        (
            "Six injured in shooting at Fort Worth party - Star-Telegram",
            "Six injured in shooting at Fort Worth party",
        ),
        ("Man killed in Elm Street crash | Daily Star", "Man killed in Elm Street crash"),
        (
            "4-year-old boy hit by stray bullet outside apartments - WXYZ",
            "4-year-old boy hit by stray bullet outside apartments",
        ),
        ("Man accidentally shoots wife in back: reports", "Man accidentally shoots wife in back: reports"),
        ("Budget talks resume at city hall - The Courier", None),  # no incident
        ("Shooting", None),  # too short to tell one
        (None, None),
    ],
)
def test_a_headline_without_its_outlet_when_it_tells_an_incident(title: str | None, head: str | None) -> None:
    assert headline(title) == head


def test_the_headline_becomes_the_lead_paragraph_unless_the_text_opens_with_it() -> None:
    junk = "1:48\n\nThe zoo's baby rhino has a new toy ball."
    headed = with_headline(page("Toddler fatally shot in southeast Fresno - ABC30", junk))
    assert headed is not None and headed.text == "Toddler fatally shot in southeast Fresno\n\n" + junk
    told = "Toddler fatally shot in southeast Fresno\n\nA 2-year-old was shot on Sunday."
    assert with_headline(page("Toddler fatally shot in southeast Fresno", told)) is None
    assert with_headline(page("City council meets", junk)) is None


def test_pages_that_report_only_in_their_headline_yield_its_event(
    tmp_path: Path, gazetteer_path: str
) -> None:
    pages = [
        {  # a paywall: too short without its headline
            "id": "paywall",
            "url": "https://news.invalid/paywall",
            "title": "Toddler fatally shot by gunman in front of parents in southeast Fresno - ABC30",
            "text": "Sorry, this zipcode is not in our deliverable area.\n\nSign up for digital access.",
            "published": "2016-06-22",
        },
        {  # a video page whose captions are about something else
            "id": "video",
            "url": "https://news.invalid/video",
            "title": "Six injured in shooting at Fort Worth party",
            "text": "1:48\n\nThe city zoo's baby rhino has a big toy ball, and he knows what to do with it.",
            "published": "2015-08-16",
        },
        {  # no incident in the headline either: still rejected
            "id": "menu",
            "url": "https://news.invalid/menu",
            "title": "Weather and traffic",
            "text": "Home | News | Sport",
            "published": "2015-08-16",
        },
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    db = str(tmp_path / "pages.duckdb")
    summary = fieldreport.run([str(path)], db=db, gazetteer_path=gazetteer_path)
    assert summary.rejects == {"too_short": 1}
    events = {e["mentions"][0]["url"].rsplit("/", 1)[-1]: e for e in fieldreport.read_events(db)}
    assert set(events) == {"paywall", "video"}
    assert (events["paywall"]["location"], events["paywall"]["fatalities"]) == ("Fresno", 1)
    assert (events["video"]["location"], events["video"]["injured"]) == ("Fort Worth", 6)
    assert events["video"]["mentions"][0]["sentence"] == "Six injured in shooting at Fort Worth party"
    with Store(db, read_only=True) as s:  # stored with the text that was read: offsets point into it
        text = s.query("SELECT text FROM articles WHERE url = 'https://news.invalid/video'")[0]["text"]
    m = events["video"]["mentions"][0]
    assert text[m["start"] : m["end"]] == m["sentence"]
