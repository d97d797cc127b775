"""The five real articles the project started from (in ../shared/seeds): the acceptance check."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldreport import pipeline
from fieldreport.records import LEAD_DAY, STEP_DAY
from fieldreport.settings import Config
from fieldreport.store import Store

IS = "Islamic State"


@pytest.fixture(scope="module")
def seeds_db(shared: Path, tmp_path_factory: pytest.TempPathFactory, gazetteer_path: str) -> Store:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    cfg = Config().with_overrides({"db": str(db), "gazetteer_path": gazetteer_path})
    pipeline.run([str(shared / "seeds")], cfg)
    store = Store(db, read_only=True)
    yield store
    store.close()


def test_baghouz_fighting_in_deir_ez_zor(seeds_db: Store) -> None:
    rows = seeds_db.query("SELECT * FROM events WHERE location ILIKE '%bagh%'")
    assert rows, "no event located in Baghouz"
    for r in rows:
        assert r["country_code"] == "SY"
        assert "Deir" in (r["admin1"] or "") and "Zor" in r["admin1"]
        assert r["latitude"] is not None and r["geo_precision"] in (1, 2)
    pairs = {frozenset((r["actor1"], r["actor2"])) for r in rows}
    sdf_vs_is = [p for p in pairs if IS in p and any(a and "SDF" in a for a in p)]
    coalition_vs_is = [p for p in pairs if IS in p and any(a and "Coalition" in a for a in p)]
    assert sdf_vs_is and coalition_vs_is
    assert any((r["event_date"] or "").startswith("2019-03") for r in rows)
    assert {r["event_type"] for r in rows} >= {"Battles", "Explosions/Remote violence"}


def test_raqqa_advance_and_the_two_deadly_strikes(seeds_db: Store) -> None:
    rows = seeds_db.query("SELECT * FROM events WHERE location ILIKE 'raq%' OR admin1 ILIKE '%raq%'")
    assert rows and all(r["country_code"] == "SY" for r in rows)
    assert any(r["event_type"] == "Battles" and IS in (r["actor1"], r["actor2"]) for r in rows)
    strikes = {r["fatalities"] for r in rows if r["sub_event_type"] == "Air/drone strike"}
    assert {8, 21} <= strikes
    claims = seeds_db.query("SELECT * FROM claims WHERE kind = 'killed' AND victims = 'civilians'")
    assert {(c["low"], c["claimant"] is not None) for c in claims} >= {(8, True), (21, True)}


def test_no_date_comes_from_a_photo_caption(seeds_db: Store) -> None:
    sql = "SELECT article_id, origin, text, published, published_source, published_precision FROM articles"
    arts = {r["article_id"]: r for r in seeds_db.query(sql)}
    by_seed = {Path(a["origin"]).name[:3]: a for a in arts.values()}
    dated = {k: (a["published"], a["published_source"], a["published_precision"]) for k, a in by_seed.items()}
    assert dated["002"] == ("2019-03-03", "header", None)
    # 000's caption says March 1, 2019: not its date; its story's dated reports give one, marked
    assert dated["000"][:2] == ("2019-03-03", "story")
    # 003's photo of June 6, 2017 is only a bound: its lead's "on Wednesday" is the next Wednesday
    assert dated["003"] == ("2017-06-07", "text", 2)
    assert dated["004"] == ("2017-06-07", "story", 2)  # undated: its story's, dated by 003
    for m in seeds_db.query("SELECT article_id, date_evidence FROM mentions WHERE date_evidence IS NOT NULL"):
        if m["date_evidence"] != "publication date":  # a lead's day or a later step's is marked as such
            assert (
                m["date_evidence"].removesuffix(LEAD_DAY).removesuffix(STEP_DAY)
                in arts[m["article_id"]]["text"]
            )
    for t in seeds_db.query("SELECT article_id, text FROM timexes"):
        assert t["text"] in arts[t["article_id"]]["text"]


def test_the_seeds_are_two_stories(seeds_db: Store) -> None:
    from fieldreport.export import iter_stories

    stories = list(iter_stories(seeds_db))
    assert len(stories) == 2
    raqqa, baghouz = stories  # oldest first
    by_seed = {
        Path(r["origin"]).name[:3]: r["story_id"]
        for r in seeds_db.query("SELECT origin, story_id FROM articles")
    }
    assert by_seed["000"] == by_seed["001"] == by_seed["002"] == baghouz["story_id"]
    assert by_seed["003"] == by_seed["004"] == raqqa["story_id"]
    assert raqqa["start"].startswith("2017-06") and baghouz["start"].startswith("2019-03")
    for story in stories:
        assert 3 <= len(story["summary"]) <= 5
        for s in story["summary"]:
            assert set(s["article_ids"]) <= set(story["article_ids"])
            texts = seeds_db.query(
                "SELECT text FROM articles WHERE article_id IN (SELECT unnest(?))", [s["article_ids"]]
            )
            assert any(" ".join(s["sentence"].split()[:6]) in " ".join(t["text"].split()) for t in texts)
    # the UN's two counts of civilians left in Raqqa cannot both be right: flagged, with both
    (figures,) = [c for c in raqqa["conflicts"] if c["field"] == "civilians remaining"]
    assert [(c["figure"], c["claimant"]) for c in figures["claims"]] == [
        ("about 160,000", "the UN humanitarian office"),
        ("up to 100,000", "The United Nations"),
    ]
    events = seeds_db.query("SELECT story_id FROM events")
    assert {e["story_id"] for e in events} <= {raqqa["story_id"], baghouz["story_id"], None}


def test_the_baghouz_reports_of_one_event_are_one_event_with_every_source(seeds_db: Store) -> None:
    arts = {
        r["article_id"]: Path(r["origin"]).name[:3]
        for r in seeds_db.query("SELECT article_id, origin FROM articles")
    }
    rows = seeds_db.query(
        """SELECT e.event_id, e.sub_event_type, e.event_date, e.sources,
                  list(DISTINCT em.article_id) AS articles
           FROM events e JOIN event_mentions em USING (event_id)
           WHERE e.location = 'Baghouz' GROUP BY ALL"""
    )
    by_reports = {
        (r["sub_event_type"], r["event_date"], frozenset(arts[a] for a in r["articles"])) for r in rows
    }
    # Sunday's strikes, told by the undated report (dated by its story) and the dated one
    strikes = {"Air/drone strike", "Shelling/artillery/missile attack"}
    assert any(
        t in strikes and d == "2019-03-03" and reports == {"000", "002"} for t, d, reports in by_reports
    ), sorted(by_reports, key=repr)
    shared = [r for r in rows if len(r["articles"]) > 1]
    # 001 reports the assault of 10 and 11 March (its own "On 11th March"): none of 1-3 March
    assert {arts[a] for r in shared for a in r["articles"]} == {"000", "002"}
    assert all(d >= "2019-03-10" for _, d, reports in by_reports if "001" in reports)
    for r in shared:
        assert len(r["sources"]) == len(r["articles"])  # every report counted among the sources


def test_an_article_takes_its_own_day_before_its_story_date(seeds_db: Store) -> None:
    arts = {
        Path(r["origin"]).name[:3]: r
        for r in seeds_db.query("SELECT article_id, origin, published, published_source FROM articles")
    }
    # 001 says "On 11th March" in its lead and writes no year: the year is its story's, the day its own
    assert (arts["001"]["published"], arts["001"]["published_source"]) == ("2019-03-11", "text")
    mentions = seeds_db.query(
        "SELECT event_date, date_evidence FROM mentions WHERE article_id = ?", [arts["001"]["article_id"]]
    )
    sunday = {m["event_date"] for m in mentions if m["date_evidence"] == "Sunday"}
    assert sunday == {"2019-03-10"}  # "since the attack began on Sunday": the day before, not March 3


def test_both_raqqa_reports_have_dated_events(seeds_db: Store) -> None:
    rows = seeds_db.query(
        """SELECT a.origin, e.event_date FROM events e JOIN event_mentions em USING (event_id)
           JOIN articles a USING (article_id)"""
    )
    for seed in ("003", "004"):
        days = {r["event_date"] for r in rows if Path(r["origin"]).name.startswith(seed)}
        assert days and all(d and d.startswith("2017-0") for d in days), (seed, days)
