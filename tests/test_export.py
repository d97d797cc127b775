from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from fieldreport import export, fuse
from fieldreport.records import Analysed, Article, Claim, EventDate, Location, Mention
from fieldreport.store import Store

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
    undated = Mention("a1", 0, 0, 10, "Fighting.", "Battles", "Armed clash", "A", "B", 2, 2)
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
    assert tuple(rows[0].keys()) == export.ACLED_COLUMNS
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
