from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from fieldreport import dedup
from fieldreport.errors import StoreError
from fieldreport.records import Analysed, Article, Claim, Event, EventDate, Mention, Reject
from fieldreport.settings import Config
from fieldreport.store import Store

TEXT = "Rebels shelled the garrison town on Monday, killing two soldiers, the army said in a statement."


def sample() -> Analysed:
    a = Article(
        "art1", "h1", "a.txt", "txt", TEXT, TEXT, title="T", outlet="Levant Wire", published="2019-03-04"
    )
    claim = Claim(
        "killed", 2, 2, "Military Forces of Syria", "the army", "killing two soldiers", 45, 64, "art1"
    )
    m = Mention(
        "art1",
        0,
        0,
        len(TEXT),
        TEXT,
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Rebels",
        "Military Forces of Syria",
        None,
        1,
        date=EventDate("2019-03-04", 1, "on Monday"),
        claims=(claim,),
        trigger="shelled",
    )
    return Analysed(a, mentions=(m,))


def dump(path: Path) -> dict[str, list[tuple]]:
    with Store(path, read_only=True) as s:
        tables = [r[0] for r in s.con.execute("SHOW TABLES").fetchall()]
        return {t: sorted(s.con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def test_writing_the_same_batch_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    item = sample()
    fp = dedup.fingerprint(item.article, Config())
    reject = Reject("bad.bin", "binary", "NUL bytes")
    with Store(db) as s:
        s.write_batch([item], [fp], [reject])
    first = dump(db)
    with Store(db) as s:
        s.write_batch([item], [fp], [reject])
        assert s.counts() == {
            "articles": 1,
            "mentions": 1,
            "claims": 1,
            "events": 0,
            "rejects": 1,
            "duplicates": 0,
        }
    assert dump(db) == first


def test_a_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        with pytest.raises(RuntimeError):
            s._transaction(lambda: (s._upsert("rejects", [Reject("x", "empty").as_dict()]), _boom()))
        assert s.counts()["rejects"] == 0


def _boom() -> None:
    raise RuntimeError("killed mid-batch")


def test_mentions_round_trip_through_the_store(tmp_path: Path) -> None:
    item = sample()
    with Store(tmp_path / "s.duckdb") as s:
        s.write_batch([item], [], [])
        (back,) = list(s.iter_mentions())
    assert back == item.mentions[0]
    assert back.mention_id == item.mentions[0].mention_id


def test_reading_a_missing_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="No database at .*Run `fieldreport run INPUT --db"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_a_database_from_before_section_and_page_type_gains_them(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as s:
        s.write_batch([sample()], [], [])
        s.con.execute("ALTER TABLE articles DROP COLUMN section")
        s.con.execute("ALTER TABLE articles DROP COLUMN page_type")
    with Store(db) as s:
        old = s.query("SELECT article_id, section, page_type FROM articles")
        text = "Opinion: " + TEXT
        a = Article(
            "art2", "h2", "b.html", "html", text, text, section="Opinion", page_type="OpinionNewsArticle"
        )
        s.write_batch([Analysed(a)], [], [], story_of={"art2": ("story1", None)})
        # an undated article in a story is read back whole, to be dated from its story
        [(back, story_id, _, _)] = list(s.undated_in_stories())
    assert old == [{"article_id": "art1", "section": None, "page_type": None}]
    assert (back, story_id) == (a, "story1")


def an_event(**changes: object) -> Event:
    e = Event(
        "ev1", "2019-03-04", 1, "Explosions/Remote violence", "Shelling/artillery/missile attack",
        "Rebels", "Military Forces of Syria", 2, 1, "SY", "Syria", "Idlib", None, "Khan Shaykhun",
        35.44, 36.65, 1, 2, 2, 5, ("Levant Wire",), "Rebels shelled the town.",
        fatalities_disputed=True, injured=7, injured_low=7, injured_high=12, injured_disputed=True,
    )  # fmt: skip
    return replace(e, **changes)


EVENT_READ = """SELECT fatalities, fatalities_low, fatalities_high, fatalities_disputed,
                       injured, injured_low, injured_high, injured_disputed FROM events"""


def test_injured_counts_round_trip_through_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        uncounted = an_event(
            event_id="ev2", injured=None, injured_low=None, injured_high=None, injured_disputed=False
        )
        assert s.replace_events([(an_event(), []), (uncounted, [])]) == 2
    with Store(db, read_only=True) as s:
        rows = s.query(EVENT_READ.replace("FROM events", "FROM events ORDER BY event_id"))
    assert rows == [
        {"fatalities": 2, "fatalities_low": 2, "fatalities_high": 5, "fatalities_disputed": True,
         "injured": 7, "injured_low": 7, "injured_high": 12, "injured_disputed": True},
        {"fatalities": 2, "fatalities_low": 2, "fatalities_high": 5, "fatalities_disputed": True,
         "injured": None, "injured_low": None, "injured_high": None, "injured_disputed": False},
    ]  # fmt: skip


def test_an_event_built_without_injured_counts_has_none() -> None:
    e = Event(
        "ev1", None, None, "Battles", "Armed clash", "A", "B", None, None, None, None, None, None,
        None, None, None, None, 3, 3, 3, (), "",
    )  # fmt: skip
    assert (e.injured, e.injured_low, e.injured_high, e.injured_disputed) == (None, None, None, False)


def old_events_table(db: Path) -> None:
    """The events table as a version before the injured counts created it, with one event."""
    with duckdb.connect(str(db)) as con:
        con.execute(
            """CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY, event_date VARCHAR, time_precision INTEGER,
                event_type VARCHAR, sub_event_type VARCHAR, actor1 VARCHAR, actor2 VARCHAR,
                inter1 INTEGER, inter2 INTEGER, country_code VARCHAR, country VARCHAR, admin1 VARCHAR,
                admin2 VARCHAR, location VARCHAR, latitude DOUBLE, longitude DOUBLE,
                geo_precision INTEGER, fatalities INTEGER, fatalities_low INTEGER,
                fatalities_high INTEGER, sources VARCHAR[], notes VARCHAR, story_id VARCHAR,
                fatalities_disputed BOOLEAN)"""
        )
        con.execute(
            "INSERT INTO events (event_id, event_type, fatalities, fatalities_low, fatalities_high, "
            "fatalities_disputed) VALUES ('old', 'Battles', 4, 4, 4, false)"
        )


OLD_ROW = {"fatalities": 4, "fatalities_low": 4, "fatalities_high": 4, "fatalities_disputed": False,
           "injured": None, "injured_low": None, "injured_high": None, "injured_disputed": None}  # fmt: skip


def test_a_database_from_before_injured_counts_gains_them(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    old_events_table(db)
    with Store(db) as s:
        columns = [r[0] for r in s.con.execute("DESCRIBE events").fetchall()]
        assert columns[-5:] == ["injured", "injured_low", "injured_high", "injured_disputed", "political"]
        assert s.query(EVENT_READ) == [OLD_ROW]
        s.replace_events([(an_event(), [])])
    with Store(db, read_only=True) as s:
        assert s.query(EVENT_READ) == [
            {"fatalities": 2, "fatalities_low": 2, "fatalities_high": 5, "fatalities_disputed": True,
             "injured": 7, "injured_low": 7, "injured_high": 12, "injured_disputed": True}
        ]  # fmt: skip


def test_opening_an_old_database_read_only_gains_the_columns_too(tmp_path: Path) -> None:
    # export and serve open read-only, and read the injured columns by name
    db = tmp_path / "old.duckdb"
    old_events_table(db)
    with Store(db, read_only=True) as s:
        assert s.query(EVENT_READ) == [OLD_ROW]
        assert s.counts()["events"] == 1 and s.query("SELECT * FROM stories") == []
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
    # an up-to-date database is opened read-only as it is
    before = db.stat().st_mtime_ns
    with Store(db, read_only=True) as s:
        assert s.query(EVENT_READ) == [OLD_ROW]
    assert db.stat().st_mtime_ns == before


# -- ACLED's scope -----------------------------------------------------------------------------


def test_an_event_is_political_unless_told_otherwise() -> None:
    assert an_event().political is True


def test_the_scope_round_trips_through_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    shooting = an_event(
        event_id="ev2", event_type="Violence against civilians", sub_event_type="Attack", actor1=None,
        inter1=None, actor2="Civilians (United States)", inter2=7, political=False,
    )  # fmt: skip
    with Store(db) as s:
        s.replace_events([(an_event(), []), (shooting, [])])
    with Store(db, read_only=True) as s:
        rows = s.query("SELECT event_id, political FROM events ORDER BY event_id")
    assert rows == [{"event_id": "ev1", "political": True}, {"event_id": "ev2", "political": False}]


def test_a_database_from_before_the_scope_judges_its_events_on_opening(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    old_events_table(db)
    with duckdb.connect(str(db)) as con:
        con.execute(
            """INSERT INTO events (event_id, event_type, sub_event_type, actor1, inter1, actor2, inter2)
               VALUES ('shooting', 'Violence against civilians', 'Attack', NULL, NULL,
                       'Civilians (United States)', 7),
                      ('police', 'Violence against civilians', 'Attack', 'Police Forces of United States',
                       1, 'Civilians (United States)', 7)"""
        )
    # export and serve open read-only: the file is upgraded once, and every event judged
    with Store(db, read_only=True) as s:
        rows = s.query("SELECT event_id, political FROM events ORDER BY event_id")
    assert rows == [
        {"event_id": "old", "political": False},  # a battle no side of which is named
        {"event_id": "police", "political": True},
        {"event_id": "shooting", "political": False},
    ]
    before = db.stat().st_mtime_ns
    with Store(db, read_only=True) as s:
        assert s.query("SELECT count(*) AS n FROM events WHERE political IS NULL") == [{"n": 0}]
    assert db.stat().st_mtime_ns == before
