"""The HTTP API against a real uvicorn serving a database of the bundled sample.

Expected results are computed here in Python from the full event list (and the stored rows),
never by the API's own SQL, so each filter is checked against an independent reading.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest
from click.testing import CliRunner

from fieldreport.api import create_app
from fieldreport.cli import cli
from fieldreport.export import ACLED_COLUMNS, CSV_COLUMNS, EXTRA_COLUMNS

from .conftest import free_port, serving
from .fixtures_injured import write_injured_db
from .fixtures_scope import CRIMINAL, POLITICAL, write_scope_db

ITEM_KEYS = [
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "inter1", "inter2", "country_code", "country", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
    "fatalities_disputed", "injured", "injured_low", "injured_high", "injured_disputed", "political",
    "story_id", "n_sources", "notes",
]  # fmt: skip


ARTICLE_KEYS = [
    "article_id", "title", "outlet", "author", "url", "published", "published_source",
    "published_precision", "dateline", "story_id", "duplicate_of", "text", "spans",
]  # fmt: skip


@pytest.fixture(scope="module")
def api(live_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def everything(api: httpx.Client) -> list[dict[str, Any]]:
    """Every event, in the default order."""
    body = api.get("/api/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["items"]) > 20
    return body["items"]


@pytest.fixture(scope="module")
def sentences(api: httpx.Client, everything: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each event's evidence sentences, from its detail."""
    return {
        e["event_id"]: [m["sentence"] for m in api.get(f"/api/events/{e['event_id']}").json()["mentions"]]
        for e in everything
    }


def ids(api: httpx.Client, params: dict[str, Any] | list[tuple[str, Any]]) -> list[str]:
    r = api.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"])
    return [e["event_id"] for e in body["items"]]


def expect_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    error = r.json()["error"]
    assert set(r.json()) == {"error"} and set(error) == {"status", "code", "message"}
    assert (error["status"], error["code"]) == (status, code)
    assert error["message"] and "Traceback" not in error["message"]
    return error


def test_health_counts_the_database(api: httpx.Client, served_db: Path) -> None:
    body = api.get("/health").json()
    assert body["status"] == "ok" and body["schema_version"] == "2" and body["db"] == str(served_db)
    with duckdb.connect(str(served_db), read_only=True) as con:
        for table in ("articles", "mentions", "claims", "events", "rejects"):
            assert body["counts"][table] == con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert body["counts"]["duplicates"] >= 1  # the Northern Post's syndicated copy


def test_event_items_have_the_list_fields(everything: list[dict[str, Any]]) -> None:
    assert all(list(e) == ITEM_KEYS for e in everything)
    assert all(e["n_sources"] >= 1 for e in everything)
    syndicated = [e for e in everything if e["n_sources"] >= 2]
    assert syndicated, "no event is reported by two articles"


def _lower(v: str | None) -> str:
    return (v or "").lower()


FILTERS: list[tuple[str, list[tuple[str, str]], Callable[[dict[str, Any]], bool]]] = [
    ("date range", [("start", "2017-06-06"), ("end", "2017-06-07")],
     lambda e: e["event_date"] is not None and "2017-06-06" <= e["event_date"] <= "2017-06-07"),
    ("event type", [("event_type", "Battles")], lambda e: e["event_type"] == "Battles"),
    ("sub-event types, either", [("sub_event_type", "Air/drone strike"), ("sub_event_type", "Armed clash")],
     lambda e: e["sub_event_type"] in ("Air/drone strike", "Armed clash")),
    ("actor substring", [("actor", "coalition")],
     lambda e: "coalition" in _lower(e["actor1"]) or "coalition" in _lower(e["actor2"])),
    ("country code", [("country", "iq")], lambda e: e["country_code"] == "IQ"),
    ("country name", [("country", "SYRIA")], lambda e: _lower(e["country"]) == "syria"),
    ("admin1", [("admin1", "nineveh")], lambda e: _lower(e["admin1"]) == "nineveh"),
    ("bbox around Raqqa", [("bbox", "38.5,35.5,39.5,36.5")],
     lambda e: e["latitude"] is not None and 35.5 <= e["latitude"] <= 36.5
     and 38.5 <= e["longitude"] <= 39.5),
    ("combined", [("country", "SY"), ("event_type", "Battles"), ("start", "2019-01-01")],
     lambda e: e["country_code"] == "SY" and e["event_type"] == "Battles"
     and (e["event_date"] or "") >= "2019"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "params", "keep"), FILTERS, ids=[f[0] for f in FILTERS])
def test_each_filter_narrows_to_the_expected_events(
    api: httpx.Client,
    everything: list[dict[str, Any]],
    name: str,
    params: list[tuple[str, str]],
    keep: Callable[[dict[str, Any]], bool],
) -> None:
    expected = [e["event_id"] for e in everything if keep(e)]
    assert 0 < len(expected) < len(everything), f"{name}: the sample does not exercise this filter"
    assert ids(api, [*params, ("limit", "1000")]) == expected  # same order: filters keep the sort


def test_the_bundled_sample_lands_where_it_happened(api: httpx.Client) -> None:
    iraq = api.get("/api/events", params={"country": "IQ", "limit": 1000}).json()["items"]
    assert "Mosul" in {e["location"] for e in iraq}
    assert all(e["latitude"] is None or 35 < e["latitude"] < 38 for e in iraq)
    march_2019 = api.get("/api/events", params={"start": "2019-03-01", "end": "2019-03-31"}).json()
    assert any(e["location"] == "Baghouz" for e in march_2019["items"])


def test_story_filter(api: httpx.Client, everything: list[dict[str, Any]]) -> None:
    story = next(e["story_id"] for e in everything if e["story_id"])
    expected = [e["event_id"] for e in everything if e["story_id"] == story]
    assert 0 < len(expected) < len(everything)
    assert ids(api, {"story": story, "limit": 1000}) == expected


def test_q_needs_every_word_in_the_fields_or_the_evidence(
    api: httpx.Client, everything: list[dict[str, Any]], sentences: dict[str, list[str]]
) -> None:
    def matches(e: dict[str, Any], words: list[str]) -> bool:
        texts = [_lower(e[k]) for k in ("notes", "location", "actor1", "actor2")]
        texts += [s.lower() for s in sentences[e["event_id"]]]
        return all(any(w in t for t in texts) for w in words)

    for q in ("raqqa boat", "MOSUL", "civilians killed"):
        expected = [e["event_id"] for e in everything if matches(e, q.lower().split())]
        assert 0 < len(expected) < len(everything), q
        assert ids(api, {"q": q, "limit": 1000}) == expected
    assert ids(api, {"q": "raqqa zzzznotaword"}) == []


def test_injection_looking_values_are_just_text(api: httpx.Client) -> None:
    for value in ("' OR 1=1 --", "x'); DROP TABLE events; --", "%", "_"):
        r = api.get("/api/events", params={"actor": value})
        assert r.status_code == 200 and r.json()["total"] == 0, value
    assert api.get("/health").json()["counts"]["events"] > 0


def test_pages_are_disjoint_and_add_up(api: httpx.Client, everything: list[dict[str, Any]]) -> None:
    seen: list[str] = []
    for offset in range(0, len(everything) + 7, 7):
        body = api.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert (body["total"], body["limit"], body["offset"]) == (len(everything), 7, offset)
        assert len(body["items"]) == min(7, max(0, len(everything) - offset))
        seen += [e["event_id"] for e in body["items"]]
    assert seen == [e["event_id"] for e in everything]
    assert len(set(seen)) == len(seen)


def _key(value: Any) -> tuple[bool, Any]:
    return (value is None, value)


@pytest.mark.parametrize(
    "sort",
    ["event_date", "-event_date", "fatalities", "-fatalities", "injured", "-injured", "actor1", "location"],
)
def test_sorting(api: httpx.Client, everything: list[dict[str, Any]], sort: str) -> None:
    column, desc = sort.removeprefix("-"), sort.startswith("-")
    items = api.get("/api/events", params={"sort": sort, "limit": 1000}).json()["items"]
    assert sorted(e["event_id"] for e in items) == sorted(e["event_id"] for e in everything)
    known = [e for e in items if e[column] is not None]
    # nulls last either way, ties by event_id
    assert items[: len(known)] == known
    expected = sorted(known, key=lambda e: e["event_id"])
    expected.sort(key=lambda e: e[column], reverse=desc)
    assert [e["event_id"] for e in known] == [e["event_id"] for e in expected]


def test_default_sort_is_newest_first(everything: list[dict[str, Any]]) -> None:
    dates = [e["event_date"] for e in everything if e["event_date"]]
    assert dates == sorted(dates, reverse=True)


def test_event_detail_evidence_slices_the_article_text(
    api: httpx.Client, everything: list[dict[str, Any]]
) -> None:
    checked_mentions = checked_claims = 0
    texts: dict[str, str] = {}

    def text(article_id: str) -> str:
        if article_id not in texts:
            texts[article_id] = api.get(f"/api/articles/{article_id}").json()["text"]
        return texts[article_id]

    for item in everything:
        e = api.get(f"/api/events/{item['event_id']}").json()
        assert {k: e[k] for k in ITEM_KEYS if k != "n_sources"} == {
            k: v for k, v in item.items() if k != "n_sources"
        }
        assert e["mentions"] and isinstance(e["sources"], list)
        assert {a["article_id"] for a in e["articles"]} == {m["article_id"] for m in e["mentions"]}
        assert len(e["articles"]) == item["n_sources"]
        for m in e["mentions"]:
            if m["start"] is not None:  # a copy whose wording changed has no offsets
                assert text(m["article_id"])[m["start"] : m["end"]] == m["sentence"]
                checked_mentions += 1
        for c in e["claims"]:
            assert text(c["article_id"])[c["start"] : c["end"]] == c["text"]
            checked_claims += 1
    assert checked_mentions > 20 and checked_claims > 3


def test_the_raqqa_boat_strike_has_its_claim(api: httpx.Client) -> None:
    hits = api.get("/api/events", params={"q": "boat", "sub_event_type": "Air/drone strike"}).json()["items"]
    assert any(e["fatalities"] == 21 for e in hits)
    event = api.get(f"/api/events/{next(e['event_id'] for e in hits if e['fatalities'] == 21)}").json()
    assert any(c["kind"] == "killed" and c["low"] == 21 for c in event["claims"])


def test_article_detail_and_spans(api: httpx.Client) -> None:
    listing = api.get("/api/articles", params={"limit": 1000}).json()
    assert listing["total"] == len(listing["items"]) >= 15
    kinds: set[str] = set()
    for item in listing["items"]:
        a = api.get(f"/api/articles/{item['article_id']}").json()
        assert "raw" not in a and a["article_id"] == item["article_id"]
        assert set(a) == set(ARTICLE_KEYS)
        for span in a["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(a["text"])
            kinds.add(span["kind"])
        events = {s["ref"] for s in a["spans"] if s["kind"] == "event"}
        # a copy's sentence reworded beyond finding has no offsets, hence no span
        assert (
            len(events) == item["n_events"]
            if item["duplicate_of"] is None
            else len(events) <= item["n_events"]
        )
    assert kinds == {"event", "claim", "place", "timex"}


def test_article_search_and_paging(api: httpx.Client) -> None:
    hits = api.get("/api/articles", params={"q": "mosul", "limit": 1000}).json()
    assert 0 < hits["total"] < api.get("/api/articles").json()["total"]
    for item in hits["items"]:
        text = api.get(f"/api/articles/{item['article_id']}").json()["text"]
        assert "mosul" in " ".join(str(v) for v in (item["title"], item["outlet"], item["url"], text)).lower()
    page = api.get("/api/articles", params={"limit": 2, "offset": 1}).json()
    assert [a["article_id"] for a in page["items"]] == [
        a["article_id"] for a in api.get("/api/articles").json()["items"][1:3]
    ]


def test_stories_list_and_detail(api: httpx.Client, everything: list[dict[str, Any]]) -> None:
    listing = api.get("/api/stories").json()
    assert listing["total"] == len(listing["items"]) >= 2
    for item in listing["items"]:
        assert list(item) == ["story_id", "title", "start", "end", "n_articles", "n_events"]
        story = api.get(f"/api/stories/{item['story_id']}").json()
        for key in ("article_ids", "event_ids", "summary", "conflicts", "events"):
            assert key in story
        assert {k: story[k] for k in ("story_id", "title", "start", "end")} == {
            k: item[k] for k in ("story_id", "title", "start", "end")
        }
        assert len(story["article_ids"]) == item["n_articles"]
        assert [e["event_id"] for e in story["events"]] == story["event_ids"]
        assert all(list(e) == ITEM_KEYS and e["story_id"] == item["story_id"] for e in story["events"])
        expected = [e["event_id"] for e in everything if e["story_id"] == item["story_id"]]
        assert sorted(expected) == sorted(story["event_ids"])
    second = api.get("/api/stories", params={"limit": 1, "offset": 1}).json()["items"]
    assert second == listing["items"][1:2]


def test_histogram_bins_the_dated_events(api: httpx.Client, everything: list[dict[str, Any]]) -> None:
    dated = [e for e in everything if e["event_date"]]
    for bin_ in ("day", "week", "month"):
        body = api.get("/api/events/histogram", params={"bin": bin_}).json()
        assert body["bin"] == bin_
        dates = [b["date"] for b in body["bins"]]
        assert dates == sorted(set(dates))
        assert sum(b["events"] for b in body["bins"]) == len(dated)
        assert sum(b["fatalities"] for b in body["bins"]) == sum(e["fatalities"] or 0 for e in dated)
        assert sum(b["injured"] for b in body["bins"]) == sum(e["injured"] or 0 for e in dated)
    months = api.get("/api/events/histogram", params={"bin": "month"}).json()["bins"]
    assert all(b["date"].endswith("-01") for b in months)
    days = api.get("/api/events/histogram", params={"country": "IQ", "start": "2099-01-01"}).json()["bins"]
    iraq = [e for e in dated if e["country_code"] == "IQ"]  # start is ignored: the timeline's extent
    assert {b["date"]: b["events"] for b in days} == {
        d: sum(e["event_date"] == d for e in iraq) for d in {e["event_date"] for e in iraq}
    }


def test_facets_count_under_the_filters(api: httpx.Client, everything: list[dict[str, Any]]) -> None:
    body = api.get("/api/facets", params={"country": "SY"}).json()
    syria = [e for e in everything if e["country_code"] == "SY"]
    assert sum(f["count"] for f in body["event_type"]) == len(syria)
    assert sum(f["count"] for f in body["sub_event_type"]) == len(syria)
    assert body["country"] == [{"value": "Syria", "code": "SY", "count": len(syria)}]
    actors: dict[str, int] = {}
    for e in syria:
        for a in {e["actor1"], e["actor2"]} - {None, ""}:
            actors[a] = actors.get(a, 0) + 1
    assert {f["value"]: f["count"] for f in body["actor"]} == actors
    counts = [f["count"] for f in body["actor"]]
    assert counts == sorted(counts, reverse=True)


def test_csv_export_has_acleds_columns_and_every_filtered_event(api: httpx.Client) -> None:
    for params in ({}, {"country": "IQ"}):
        total = api.get("/api/events", params=params).json()["total"]
        r = api.get("/api/export.csv", params=params)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert r.headers["content-disposition"] == 'attachment; filename="events.csv"'
        rows = list(csv.DictReader(io.StringIO(r.text)))
        # ACLED's columns in ACLED's order, then fieldreport's own
        assert tuple(rows[0].keys()) == ACLED_COLUMNS + EXTRA_COLUMNS
        assert len(rows) == total
    assert api.get("/api/export.csv", params={"actor": "nobody at all"}).text.strip() == ",".join(CSV_COLUMNS)


def test_geojson_and_jsonl_exports(api: httpx.Client) -> None:
    params = {"event_type": "Battles"}
    listed = ids(api, {**params, "limit": 1000})
    r = api.get("/api/export.geojson", params=params)
    assert r.headers["content-type"].startswith("application/geo+json")
    assert r.headers["content-disposition"] == 'attachment; filename="events.geojson"'
    doc = r.json()
    assert doc["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in doc["features"]) == sorted(listed)
    r = api.get("/api/export.jsonl", params=params)
    assert r.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in r.text.splitlines()]
    assert sorted(rec["event_id"] for rec in records) == sorted(listed)
    assert all("mentions" in rec and "claims" in rec for rec in records)


def test_not_found_is_json(api: httpx.Client) -> None:
    error = expect_error(api.get("/api/events/nope"), 404, "not_found")
    assert error["message"] == "No event with id 'nope'."
    expect_error(api.get("/api/articles/nope"), 404, "not_found")
    expect_error(api.get("/api/stories/nope"), 404, "not_found")
    expect_error(api.get("/api/no/such/route"), 404, "not_found")


def test_only_reads_are_allowed(api: httpx.Client) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        r = api.request(method, "/api/events")
        expect_error(r, 405, "method_not_allowed")
        assert r.headers["allow"] == "GET, HEAD"
    head = api.head("/api/events")
    assert head.status_code == 200 and head.content == b""


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2019-02-30"},
        {"end": "yesterday"},
        {"start": "2019-03-05", "end": "2019-03-01"},
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "0,95,10,99"},
        {"limit": "0"},
        {"limit": "1001"},
        {"offset": "-1"},
        {"sort": "notes; DROP TABLE events"},
    ],
)
def test_bad_parameters_are_422(api: httpx.Client, params: dict[str, str]) -> None:
    error = expect_error(api.get("/api/events", params=params), 422, "invalid_parameter")
    assert next(iter(params)) in error["message"]


def test_bad_histogram_bin_is_422(api: httpx.Client) -> None:
    expect_error(api.get("/api/events/histogram", params={"bin": "year"}), 422, "invalid_parameter")
    expect_error(api.get("/api/export.csv", params={"bbox": "x"}), 422, "invalid_parameter")


def test_an_unexpected_error_is_a_500_without_a_traceback(served_db: Path) -> None:
    app = create_app(served_db)

    @app.get("/api/broken")
    def broken() -> None:
        raise RuntimeError("secret internals")

    with serving(app) as url:
        r = httpx.get(url + "/api/broken")
    error = expect_error(r, 500, "internal_error")
    assert "secret" not in error["message"]


def test_docs_and_openapi(api: httpx.Client) -> None:
    page = api.get("/docs")
    assert page.status_code == 200
    # Swagger UI comes from the local npm package: the page works with no internet
    assert "/vendor/swagger-ui-dist/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    assert api.get("/vendor/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200
    spec = api.get("/openapi.json").json()
    for path in ("/health", "/api/events", "/api/events/histogram", "/api/facets", "/api/events/{event_id}",
                 "/api/articles", "/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/export.csv", "/api/export.geojson", "/api/export.jsonl"):  # fmt: skip
        assert set(spec["paths"][path]) == {"get"}
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params["bbox"]["description"] and params["limit"]["schema"]["maximum"] == 1000


def test_serve_cli_help_and_missing_database(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--help"], obj={})
    assert result.exit_code == 0 and "--port" in result.output and "127.0.0.1" in result.output
    missing = tmp_path / "missing.duckdb"
    result = runner.invoke(cli, ["serve", "--db", str(missing)], obj={})
    assert result.exit_code == 1
    assert "No database at" in result.output and "fieldreport run" in result.output
    assert not missing.exists()


def test_fieldreport_serve_runs_a_server(served_db: Path) -> None:
    port = free_port()
    script = Path(sys.executable).with_name("fieldreport")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "fieldreport.cli"]
    proc = subprocess.Popen(
        [*command, "serve", "--db", str(served_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        for _ in range(300):  # bounded: about 30 s at most
            if proc.poll() is not None:
                break
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert body is not None, proc.stdout.read() if proc.poll() is not None else "no answer"
        assert body["status"] == "ok" and body["counts"]["events"] > 0
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out


# ------------------------------------------------------------------ injured counts


INJURED_KEYS = ("fatalities", "injured", "injured_low", "injured_high", "injured_disputed")


@pytest.fixture(scope="module")
def injured_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A real uvicorn over a database whose events were written with injured counts."""
    db = tmp_path_factory.mktemp("injured") / "injured.duckdb"
    write_injured_db(db)
    with serving(create_app(db)) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_event_items_and_detail_carry_the_injured_counts(injured_api: httpx.Client) -> None:
    items = injured_api.get("/api/events", params={"sort": "event_date"}).json()["items"]
    assert all(list(e) == ITEM_KEYS for e in items)
    assert [[e["event_id"], *(e[k] for k in INJURED_KEYS)] for e in items] == [
        ["ev-bomb", 4, 9, 9, 15, True],
        ["ev-attack", 0, 2, 2, 2, False],
        ["ev-clash", None, None, None, None, False],
    ]
    bomb = injured_api.get("/api/events/ev-bomb").json()
    assert [bomb[k] for k in INJURED_KEYS] == [4, 9, 9, 15, True]
    assert sorted((c["kind"], c["low"], c["claimant"]) for c in bomb["claims"]) == [
        ("injured", 9, "police"), ("injured", 15, "Hospital officials"), ("killed", 4, "police"),
    ]  # fmt: skip


def test_events_sort_by_injured(injured_api: httpx.Client) -> None:
    assert ids(injured_api, {"sort": "-injured"}) == ["ev-bomb", "ev-attack", "ev-clash"]
    assert ids(injured_api, {"sort": "injured"}) == ["ev-attack", "ev-bomb", "ev-clash"]  # nulls last
    spec = injured_api.get("/openapi.json").json()
    sort = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "sort")
    assert "injured" in sort["description"]


def test_histogram_sums_the_injured(injured_api: httpx.Client) -> None:
    bins = injured_api.get("/api/events/histogram", params={"bin": "day"}).json()["bins"]
    assert bins == [
        {"date": "2021-06-01", "events": 1, "fatalities": 4, "injured": 9},
        {"date": "2021-06-02", "events": 2, "fatalities": 0, "injured": 2},
    ]


def test_exports_carry_the_injured_counts(injured_api: httpx.Client) -> None:
    rows = list(csv.DictReader(io.StringIO(injured_api.get("/api/export.csv").text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [[r["event_id_cnty"], r["fatalities"], *(r[k] for k in EXTRA_COLUMNS)] for r in rows] == [
        ["ev-bomb", "4", "9", "9", "15", "true", "true"],
        ["ev-attack", "0", "2", "2", "2", "false", "true"],
        ["ev-clash", "", "", "", "", "false", "true"],
    ]
    records = [json.loads(line) for line in injured_api.get("/api/export.jsonl").text.splitlines()]
    assert [[r["event_id"], *(r[k] for k in INJURED_KEYS)] for r in records] == [
        ["ev-bomb", 4, 9, 9, 15, True],
        ["ev-attack", 0, 2, 2, 2, False],
        ["ev-clash", None, None, None, None, False],
    ]
    features = injured_api.get("/api/export.geojson").json()["features"]
    assert {f["id"]: f["properties"]["injured_high"] for f in features} == {
        "ev-bomb": 15, "ev-attack": 2, "ev-clash": None,
    }  # fmt: skip


def test_serving_a_database_from_before_injured_counts(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    write_injured_db(db)
    with duckdb.connect(str(db)) as con:
        for column in ("injured", "injured_low", "injured_high", "injured_disputed"):
            con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    with serving(create_app(db)) as url:
        items = httpx.get(url + "/api/events", params={"sort": "-injured"}, timeout=30).json()["items"]
        bins = httpx.get(url + "/api/events/histogram", timeout=30).json()["bins"]
    assert [[e["event_id"], *(e[k] for k in INJURED_KEYS)] for e in items] == [
        ["ev-attack", 0, None, None, None, None],
        ["ev-bomb", 4, None, None, None, None],
        ["ev-clash", None, None, None, None, None],
    ]
    assert [b["injured"] for b in bins] == [0, 0]


# ------------------------------------------------------------------ ACLED's scope


@pytest.fixture(scope="module")
def scope_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A real uvicorn over a database of criminal shootings beside political violence."""
    db = tmp_path_factory.mktemp("scope") / "scope.duckdb"
    write_scope_db(db)
    with serving(create_app(db)) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_event_items_say_whether_they_are_in_acleds_scope(scope_api: httpx.Client) -> None:
    items = scope_api.get("/api/events", params={"sort": "event_date"}).json()["items"]
    assert all(list(e) == ITEM_KEYS for e in items)
    assert [(e["event_id"], e["political"]) for e in items] == [
        ("ev-street", False), ("ev-two-men", False), ("ev-police", True), ("ev-battle", True),
        ("ev-protest", True),
    ]  # fmt: skip
    assert scope_api.get("/api/events/ev-two-men").json()["political"] is False


def test_scope_political_keeps_only_acleds_scope_on_every_event_endpoint(scope_api: httpx.Client) -> None:
    assert ids(scope_api, {"sort": "event_date", "scope": "political"}) == POLITICAL
    assert ids(scope_api, {"sort": "event_date", "scope": "all"}) == CRIMINAL + POLITICAL
    assert ids(scope_api, {"sort": "event_date", "scope": "political", "country": "US"}) == [
        "ev-police", "ev-protest",
    ]  # fmt: skip
    facets = scope_api.get("/api/facets", params={"scope": "political"}).json()
    assert facets["sub_event_type"] == [
        {"value": "Armed clash", "count": 1}, {"value": "Attack", "count": 1},
        {"value": "Peaceful protest", "count": 1},
    ]  # fmt: skip
    bins = scope_api.get("/api/events/histogram", params={"scope": "political"}).json()["bins"]
    assert [b["date"] for b in bins] == ["2023-07-03", "2023-07-04", "2023-07-05"]
    rows = list(csv.DictReader(io.StringIO(scope_api.get("/api/export.csv?scope=political").text)))
    assert [(r["event_id_cnty"], r["political"]) for r in rows] == [(e, "true") for e in POLITICAL]
    lines = scope_api.get("/api/export.jsonl", params={"scope": "political"}).text.splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == POLITICAL
    features = scope_api.get("/api/export.geojson", params={"scope": "political"}).json()["features"]
    assert [f["id"] for f in features] == POLITICAL


def test_an_unknown_scope_is_422_and_scope_is_documented(scope_api: httpx.Client) -> None:
    error = expect_error(scope_api.get("/api/events", params={"scope": "war"}), 422, "invalid_parameter")
    assert error["message"] == "scope must be one of all, political, not 'war'."
    spec = scope_api.get("/openapi.json").json()
    scope = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "scope")
    assert "ACLED's scope" in scope["description"]
