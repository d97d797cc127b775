from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from fieldreport import export, fuse
from fieldreport.records import Analysed, Article, Claim, EventDate, Location, Mention
from fieldreport.store import Store

from .fixtures_injured import write_injured_db
from .fixtures_scope import CRIMINAL, POLITICAL, write_scope_db

TEXT = "Late on Monday a coalition strike killed at least 21 civilians fleeing by boat, a monitor said."
COPY = "Copied: " + TEXT
RAQQA = Location("Raqqa", 35.9528, 39.0079, 1, "SY", "Syria", "Raqqa", None, "geonames:163915", "Raqqa")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    a = Article(
        "a1",
        "h1",
        "a.txt",
        "txt",
        TEXT,
        TEXT,
        url="https://levant.example/1",
        outlet="Levant Wire",
        published="2017-06-07",
    )
    b = Article("a2", "h2", "b.txt", "txt", COPY, COPY, outlet="Copy Desk", duplicate_of="a1", similarity=0.9)
    claim = Claim(
        "killed",
        21,
        21,
        "civilians",
        "a monitor",
        "killed at least 21 civilians",
        34,
        62,
        "a1",
        "Levant Wire",
    )
    m = Mention(
        "a1",
        0,
        0,
        len(TEXT),
        TEXT,
        "Explosions/Remote violence",
        "Air/drone strike",
        "Coalition: US-led Coalition",
        "Civilians (Syria)",
        8,
        7,
        RAQQA,
        EventDate("2017-06-05", 1, "Late on Monday"),
        (claim,),
        "strike",
        "A strike killed 21.",
    )
    # another incident the article tells, with no date
    undated = Mention("a1", 0, 0, 10, "Fighting.", "Battles", "Armed clash", "A", "B", 2, 2, incident=1)
    path = tmp_path / "e.duckdb"
    with Store(path) as s:
        s.write_batch([Analysed(a, mentions=(m, undated)), Analysed(b)], [], [])
        known = fuse.place_knowledge(s.iter_mentions())
        s.replace_events(fuse.stream(s.iter_mentions(), s.article_meta(), {"a2": COPY}, known))
    return path


def test_jsonl_follows_the_output_contract(db: Path) -> None:
    out = io.StringIO()
    with Store(db, read_only=True) as s:
        assert export.write(s, "jsonl", out) == 2
    first, second = [json.loads(line) for line in out.getvalue().splitlines()]
    for key in (
        "event_id",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country_code",
        "admin1",
        "admin2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "sources",
        "notes",
        "mentions",
        "claims",
    ):
        assert key in first
    assert first["event_date"] == "2017-06-05" and first["time_precision"] == 1
    assert (first["sub_event_type"], first["plover_category"], first["plover_mode"]) == (
        "Air/drone strike", "ASSAULT", "aerial",
    )  # fmt: skip
    assert first["sources"] == ["Levant Wire", "Copy Desk"]
    assert first["fatalities"] == 21
    assert [
        {k: m[k] for k in ("article_id", "url", "outlet", "published", "start", "end")}
        for m in first["mentions"]
    ] == [
        {
            "article_id": "a1",
            "url": "https://levant.example/1",
            "outlet": "Levant Wire",
            "published": "2017-06-07",
            "start": 0,
            "end": len(TEXT),
        },
        {
            "article_id": "a2",
            "url": None,
            "outlet": "Copy Desk",
            "published": None,
            "start": 8,
            "end": 8 + len(TEXT),
        },
    ]
    assert first["claims"][0]["claimant"] == "a monitor"
    assert second["event_date"] is None and second["latitude"] is None


def test_acled_csv_has_acleds_columns_in_order(db: Path) -> None:
    out = io.StringIO()
    with Store(db, read_only=True) as s:
        export.write(s, "acled-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    # ACLED's columns first, in ACLED's order; fieldreport's own only after them
    assert tuple(rows[0].keys()) == export.ACLED_COLUMNS + export.EXTRA_COLUMNS == export.CSV_COLUMNS
    r = rows[0]
    assert (r["event_date"], r["year"], r["iso"], r["region"], r["country"]) == (
        "2017-06-05",
        "2017",
        "760",
        "Middle East",
        "Syria",
    )
    assert (r["interaction"], r["civilian_targeting"], r["disorder_type"]) == (
        "78",
        "Civilian targeting",
        "Political violence",
    )
    assert r["source"] == "Levant Wire; Copy Desk"


def test_geojson_keeps_unlocated_events_without_inventing_a_point(db: Path) -> None:
    out = io.StringIO()
    with Store(db, read_only=True) as s:
        export.write(s, "geojson", out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [39.0079, 35.9528]}
    assert doc["features"][1]["geometry"] is None


def test_parquet_round_trips_nested_mentions(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    with Store(db, read_only=True) as s:
        assert export.write(s, "parquet", str(path)) == 2
    table = pq.read_table(path).to_pylist()
    assert table[0]["mentions"][1]["article_id"] == "a2"
    assert table[0]["fatalities"] == 21


INJURED_KEYS = ("injured", "injured_low", "injured_high", "injured_disputed")
INJURED = {
    "ev-bomb": {"injured": 9, "injured_low": 9, "injured_high": 15, "injured_disputed": True},
    "ev-attack": {"injured": 2, "injured_low": 2, "injured_high": 2, "injured_disputed": False},
    "ev-clash": {"injured": None, "injured_low": None, "injured_high": None, "injured_disputed": False},
}


@pytest.fixture
def injured_db(tmp_path: Path) -> Path:
    path = tmp_path / "injured.duckdb"
    write_injured_db(path)
    return path


def test_jsonl_carries_the_injured_counts_after_the_deaths(injured_db: Path) -> None:
    out = io.StringIO()
    with Store(injured_db, read_only=True) as s:
        assert export.write(s, "jsonl", out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["event_id"]: {k: r[k] for k in INJURED_KEYS} for r in records} == INJURED
    keys = list(records[0])
    assert keys.index("fatalities_disputed") < keys.index("injured") < keys.index("mentions")
    assert keys[keys.index("injured") :][:4] == list(INJURED_KEYS)
    bomb = next(r for r in records if r["event_id"] == "ev-bomb")
    assert sorted((c["kind"], c["low"]) for c in bomb["claims"]) == [
        ("injured", 9), ("injured", 15), ("killed", 4),
    ]  # fmt: skip


def test_acled_csv_puts_the_injured_columns_after_acleds(injured_db: Path) -> None:
    out = io.StringIO()
    with Store(injured_db, read_only=True) as s:
        export.write(s, "acled-csv", out)
    header = out.getvalue().splitlines()[0].split(",")
    assert header[: len(export.ACLED_COLUMNS)] == list(export.ACLED_COLUMNS)
    assert header[len(export.ACLED_COLUMNS) :] == list(export.EXTRA_COLUMNS)
    assert export.EXTRA_COLUMNS == (*INJURED_KEYS, "political")
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert {e: [r[k] for k in ("fatalities", *INJURED_KEYS)] for e, r in rows.items()} == {
        "ev-bomb": ["4", "9", "9", "15", "true"],
        "ev-attack": ["0", "2", "2", "2", "false"],
        "ev-clash": ["", "", "", "", "false"],
    }


def test_geojson_properties_carry_the_injured_counts(injured_db: Path) -> None:
    out = io.StringIO()
    with Store(injured_db, read_only=True) as s:
        export.write(s, "geojson", out)
    features = json.loads(out.getvalue())["features"]
    assert {f["id"]: {k: f["properties"][k] for k in INJURED_KEYS} for f in features} == INJURED


def test_parquet_carries_the_injured_counts_with_their_types(injured_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    with Store(injured_db, read_only=True) as s:
        assert export.write(s, "parquet", str(path)) == 3
    table = pq.read_table(path)
    assert [str(table.schema.field(k).type) for k in INJURED_KEYS] == ["int32", "int32", "int32", "bool"]
    assert {r["event_id"]: {k: r[k] for k in INJURED_KEYS} for r in table.to_pylist()} == INJURED


def test_exports_of_a_database_from_before_injured_counts(tmp_path: Path) -> None:
    # an older database: export opens it read-only, and the injured columns are there, empty
    path = tmp_path / "old.duckdb"
    write_injured_db(path)
    with duckdb.connect(str(path)) as con:
        for column in INJURED_KEYS:
            con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    out = io.StringIO()
    with Store(path, read_only=True) as s:
        export.write(s, "acled-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == export.CSV_COLUMNS
    assert {(r["event_id_cnty"], r["fatalities"], r["injured"], r["injured_disputed"]) for r in rows} == {
        ("ev-bomb", "4", "", ""), ("ev-attack", "0", "", ""), ("ev-clash", "", "", ""),
    }  # fmt: skip


# -- ACLED's scope ---------------------------------------------------------------------------


@pytest.fixture
def scope_db(tmp_path: Path) -> Path:
    path = tmp_path / "scope.duckdb"
    write_scope_db(path)
    return path


def written(db: Path, fmt: str, scope: str = "all") -> tuple[int, str]:
    out = io.StringIO()
    with Store(db, read_only=True) as s:
        n = export.write(s, fmt, out, scope=scope)
    return n, out.getvalue()


def test_jsonl_says_whether_each_event_is_in_acleds_scope_after_the_injured(scope_db: Path) -> None:
    n, text = written(scope_db, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert n == 5
    assert {r["event_id"]: r["political"] for r in records} == {
        "ev-street": False, "ev-two-men": False, "ev-police": True, "ev-battle": True, "ev-protest": True,
    }  # fmt: skip
    keys = list(records[0])
    assert keys.index("injured_disputed") < keys.index("political") < keys.index("mentions")


def test_every_text_format_keeps_only_acleds_scope_when_asked(scope_db: Path) -> None:
    n, text = written(scope_db, "jsonl", "political")
    assert n == 3
    assert [json.loads(line)["event_id"] for line in text.splitlines()] == POLITICAL
    n, text = written(scope_db, "acled-csv", "political")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert n == 3 and tuple(rows[0]) == export.CSV_COLUMNS
    assert [(r["event_id_cnty"], r["actor1"], r["political"]) for r in rows] == [
        ("ev-police", "Police Forces of United States", "true"),
        ("ev-battle", "Military Forces of Iraq", "true"),
        ("ev-protest", "Protesters (United States)", "true"),
    ]
    n, text = written(scope_db, "geojson", "political")
    features = json.loads(text)["features"]
    assert n == 3
    assert [(f["id"], f["properties"]["political"]) for f in features] == [(e, True) for e in POLITICAL]


def test_the_csv_of_every_event_marks_the_criminal_shootings(scope_db: Path) -> None:
    n, text = written(scope_db, "acled-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert n == 5
    assert [r["event_id_cnty"] for r in rows if r["political"] == "false"] == CRIMINAL
    assert [r["event_id_cnty"] for r in rows if r["political"] == "true"] == POLITICAL


def test_parquet_keeps_only_acleds_scope_when_asked(scope_db: Path, tmp_path: Path) -> None:
    every, political = tmp_path / "all.parquet", tmp_path / "political.parquet"
    with Store(scope_db, read_only=True) as s:
        assert export.write(s, "parquet", str(every)) == 5
        assert export.write(s, "parquet", str(political), scope="political") == 3
    assert str(pq.read_table(every).schema.field("political").type) == "bool"
    table = pq.read_table(political).to_pylist()
    assert [(r["event_id"], r["political"]) for r in table] == [(e, True) for e in POLITICAL]


def test_an_unknown_scope_is_refused(scope_db: Path) -> None:
    with pytest.raises(ValueError, match="scope must be one of all, political, not 'war'"):
        written(scope_db, "jsonl", "war")


def test_exports_of_a_database_from_before_the_scope_judge_its_events(scope_db: Path) -> None:
    # an older database: opening it gives its events the column, judged by the same rule
    with duckdb.connect(str(scope_db)) as con:
        con.execute("ALTER TABLE events DROP COLUMN political")
    n, text = written(scope_db, "acled-csv", "political")
    assert n == 3
    assert [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(text))] == POLITICAL
