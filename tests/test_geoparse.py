from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fieldreport.cli import cli
from fieldreport.geo import Gazetteer
from fieldreport.geoparse import geoparse
from fieldreport.settings import Config

RAQQA = "Fighting raged in Raqqa, Syria, on Sunday."
VILLAGE = "Shelling hit the village of Xqzville, Deir ez-Zor province, and Aleppo. Fighting raged in Raqqa."
KEYS = [
    "start", "end", "text", "name", "latitude", "longitude", "gazetteer_id", "country_code", "admin1",
    "admin2", "feature", "score", "resolved", "use",
]  # fmt: skip


def line(id_: Any, text: str, *spans: str) -> str:
    """A JSON input line; each span is given as the first occurrence of a word in ``text``."""
    obj: dict[str, Any] = {"id": id_, "text": text}
    if spans:
        obj["spans"] = [{"start": text.index(s), "end": text.index(s) + len(s)} for s in spans]
    return json.dumps(obj)


def run(lines: list[str | bytes], cfg: Config, gold_spans: bool = False) -> list[dict[str, Any]]:
    return list(geoparse(lines, cfg, gold_spans=gold_spans))


def summary(place: dict[str, Any]) -> tuple[Any, ...]:
    return (place["text"], place["country_code"], place["resolved"])


def assert_located(place: dict[str, Any]) -> None:
    assert isinstance(place["latitude"], float) and isinstance(place["longitude"], float)


@pytest.fixture
def gaz(cfg: Config) -> Iterator[Gazetteer]:
    with Gazetteer.load(cfg) as g:
        yield g


def test_places_of_a_text_are_found_and_resolved(cfg: Config) -> None:
    (out,) = run([line("a", RAQQA)], cfg)
    assert out["id"] == "a"
    raqqa, syria = out["places"]
    for p in (raqqa, syria):
        assert list(p) == KEYS
        assert p["resolved"] is True and p["country_code"] == "SY" and p["gazetteer_id"]
        assert_located(p)
        assert RAQQA[p["start"] : p["end"]] == p["text"]
    assert (raqqa["text"], raqqa["start"], raqqa["end"]) == ("Raqqa", 18, 23)
    assert (syria["text"], syria["name"], syria["feature"]) == ("Syria", "Syria", "PCLI")


def test_non_locational_uses_are_marked_and_can_be_left_out(tmp_path: Path, cfg: Config) -> None:
    text = "Syrian officials said Russian jets struck Raqqa on Sunday."
    (out,) = run([line("u", text)], cfg)
    uses = {p["text"]: (p["use"], p["country_code"]) for p in out["places"]}
    assert uses == {"Syrian": ("demonym", "SY"), "Russian": ("demonym", "RU"), "Raqqa": ("literal", "SY")}
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(line("u", text) + "\n")
    config = _config_file(tmp_path, str(cfg.gazetteer_path))
    args = ["--config", config, "geoparse", "--places-only", "-i", str(src), "-o", str(dst)]
    result = CliRunner().invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output
    (only,) = [json.loads(x) for x in dst.read_text().splitlines()]
    assert [(p["text"], p["use"]) for p in only["places"]] == [("Raqqa", "literal")]


def test_without_gold_spans_unresolved_places_come_out_too(cfg: Config) -> None:
    (out,) = run([line(7, VILLAGE)], cfg)
    assert out["id"] == 7
    village = next(p for p in out["places"] if p["text"] == "Xqzville")
    # not in the gazetteer, but the text says where it is: the region's coordinates, unresolved
    assert (village["name"], village["resolved"], village["gazetteer_id"]) == ("Xqzville", False, None)
    assert village["country_code"] == "SY"
    assert_located(village)
    assert ("Aleppo", "SY", True) in [summary(p) for p in out["places"]]


def test_gold_spans_resolve_exactly_the_given_spans_in_order(cfg: Config) -> None:
    text = "Fighting went on in Syria, and monitors said Raqqa's centre was shelled again."
    unknown_text = "Xqzville is quiet tonight."
    lines = [line("g", text, "Syria", "Raqqa's"), line("k", unknown_text, "Xqzville")]
    g, k = run(lines, cfg, gold_spans=True)
    assert g["id"] == "g" and k["id"] == "k"
    syria, raqqa = g["places"]
    assert (syria["text"], syria["start"], syria["end"]) == ("Syria", 20, 25)
    assert (syria["country_code"], syria["resolved"]) == ("SY", True)
    assert (raqqa["start"], raqqa["end"], raqqa["text"]) == (45, 52, "Raqqa's")  # cut to the gold span
    assert (raqqa["country_code"], raqqa["resolved"]) == ("SY", True)
    assert_located(raqqa)
    # a name the gazetteer lacks, in a text that says nothing of where it is: kept, unlocated
    assert k["places"] == [
        {
            "start": 0, "end": 8, "text": "Xqzville", "name": "Xqzville", "latitude": None, "longitude": None,
            "gazetteer_id": None, "country_code": None, "admin1": None, "admin2": None, "feature": None,
            "score": 0.0, "resolved": False, "use": "literal",
        }
    ]  # fmt: skip


def test_gold_span_of_a_place_placed_in_a_region_keeps_the_region(cfg: Config) -> None:
    (out,) = run([line("v", VILLAGE, "Aleppo", "Xqzville", "Raqqa")], cfg, gold_spans=True)
    assert [summary(p) for p in out["places"]] == [
        ("Aleppo", "SY", True),
        ("Xqzville", "SY", False),
        ("Raqqa", "SY", True),
    ]
    assert_located(out["places"][1])


def test_bad_lines_become_error_records_and_the_run_goes_on(cfg: Config) -> None:
    lines: list[str | bytes] = [
        "{not json",
        line("ok1", RAQQA),
        "",
        json.dumps({"id": "nt"}),
        json.dumps({"text": RAQQA}),
        json.dumps({"id": True, "text": RAQQA}),
        b'{"id": "bin", "text": "caf\xe9"}',
        "   \n",
        json.dumps([1, 2]),
        json.dumps({"id": "num", "text": 5}),
        line("ok2", "Kabul, Afghanistan"),
    ]
    out = run(lines, replace(cfg, batch_size=3), gold_spans=False)
    assert [(r["id"], r.get("line"), "error" in r) for r in out] == [
        (None, 1, True),
        ("ok1", None, False),
        ("nt", 4, True),
        (None, 5, True),
        (True, 6, True),
        (None, 7, True),
        (None, 9, True),
        ("num", 10, True),
        ("ok2", None, False),
    ]
    errors = [r["error"] for r in out if "error" in r]
    assert errors[0].startswith("malformed JSON")
    assert errors[1:] == [
        "missing text",
        "missing id",
        "id must be a string or an integer",
        "invalid UTF-8 at byte 26",
        "not a JSON object",
        "text must be a string",
    ]
    assert [summary(p) for p in out[-1]["places"]] == [("Kabul", "AF", True), ("Afghanistan", "AF", True)]


def test_bad_gold_spans_are_error_records(cfg: Config) -> None:
    lines = [
        json.dumps({"id": "far", "text": "Raqqa", "spans": [{"start": 0, "end": 9}]}),
        json.dumps({"id": "none", "text": "Raqqa"}),
        json.dumps({"id": "shape", "text": "Raqqa", "spans": [[0, 5]]}),
        json.dumps({"id": "empty", "text": "Raqqa", "spans": [{"start": 2, "end": 2}]}),
        json.dumps({"id": "neg", "text": "Raqqa", "spans": [{"start": -1, "end": 2}]}),
        json.dumps({"id": "str", "text": "Raqqa", "spans": [{"start": "0", "end": 5}]}),
        line("ok", RAQQA, "Raqqa"),
        json.dumps({"id": "no spans", "text": RAQQA, "spans": []}),
    ]
    out = run(lines, cfg, gold_spans=True)
    assert [(r["id"], r.get("line")) for r in out] == [
        ("far", 1), ("none", 2), ("shape", 3), ("empty", 4), ("neg", 5), ("str", 6), ("ok", None),
        ("no spans", None),
    ]  # fmt: skip
    assert out[0]["error"] == "span 0: [0, 9) is not a non-empty range within the text (length 5)"
    assert all("error" in r for r in out[:6])
    assert [summary(p) for p in out[6]["places"]] == [("Raqqa", "SY", True)]
    assert out[7]["places"] == []


def test_input_is_streamed_one_batch_at_a_time(cfg: Config) -> None:
    read: list[int] = []

    def lines() -> Iterator[str]:
        for i in range(10):
            read.append(i)
            yield line(i, f"Report {i}: shelling in Aleppo.")

    stream = geoparse(lines(), replace(cfg, batch_size=3))
    first = next(stream)
    assert first["id"] == 0 and len(read) == 3
    rest = list(stream)
    assert [r["id"] for r in rest] == list(range(1, 10))
    assert all([summary(p) for p in r["places"]] == [("Aleppo", "SY", True)] for r in [first, *rest])


def test_only_bad_lines_never_open_the_gazetteer(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")  # building an index under it would fail
    cfg = Config().with_overrides({"gazetteer_path": str(blocker / "gaz.sqlite")})
    assert run(["nope", json.dumps({"id": 1})], cfg) == [
        {"id": None, "line": 1, "error": "malformed JSON: Expecting value at column 1"},
        {"id": 1, "line": 2, "error": "missing text"},
    ]


def _config_file(tmp_path: Path, gazetteer_path: str) -> str:
    path = tmp_path / "fieldreport.toml"
    path.write_text(f'gazetteer_path = "{gazetteer_path}"\n', encoding="utf-8")
    return str(path)


def test_cli_reads_stdin_and_writes_stdout(tmp_path: Path, cfg: Config) -> None:
    config = _config_file(tmp_path, str(cfg.gazetteer_path))
    stdin = "\n".join([line("b", RAQQA), "oops", line("a", "Kabul, Afghanistan"), ""]) + "\n"
    result = CliRunner().invoke(cli, ["--config", config, "geoparse"], input=stdin, obj={})
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["b", None, "a"]
    assert out[1] == {"id": None, "line": 2, "error": "malformed JSON: Expecting value at column 1"}
    assert [summary(p) for p in out[0]["places"]] == [("Raqqa", "SY", True), ("Syria", "SY", True)]
    assert "Geoparsed 2 texts; 1 bad lines" in result.stderr


def test_cli_gold_spans_with_files(tmp_path: Path, cfg: Config) -> None:
    config = _config_file(tmp_path, str(cfg.gazetteer_path))
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = "Les combats à Raqqa, en Syrie, et à Xqzville."
    lines = [line(2, text, "Xqzville", "Raqqa"), line(1, text, "Raqqa")]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["--config", config, "geoparse", "--gold-spans", "-i", str(src), "-o", str(dst)]
    result = CliRunner().invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    raw = dst.read_text(encoding="utf-8")
    out = [json.loads(x) for x in raw.splitlines()]
    assert [r["id"] for r in out] == [2, 1]
    # Xqzville is not in the gazetteer: it stays unresolved, placed in the country the text is about
    assert [summary(p) for p in out[0]["places"]] == [("Xqzville", "SY", False), ("Raqqa", "SY", True)]
    assert out[0]["places"][0]["gazetteer_id"] is None
    assert out[0]["places"][1]["start"] == text.index("Raqqa")
    assert [summary(p) for p in out[1]["places"]] == [("Raqqa", "SY", True)]


def test_cli_output_keeps_non_ascii_names(tmp_path: Path, cfg: Config) -> None:
    config = _config_file(tmp_path, str(cfg.gazetteer_path))
    stdin = line("s", "Clashes in Bab al-Hawa and Şanlıurfa.", "Şanlıurfa") + "\n"
    result = CliRunner().invoke(cli, ["--config", config, "geoparse", "--gold-spans"], input=stdin, obj={})
    assert result.exit_code == 0, result.output
    assert '"text": "Şanlıurfa"' in result.stdout  # UTF-8, not \u escapes
    (place,) = json.loads(result.stdout)["places"]
    assert (place["country_code"], place["resolved"]) == ("TR", True)


def test_cli_missing_input_file_is_a_clear_error(tmp_path: Path, cfg: Config) -> None:
    config = _config_file(tmp_path, str(cfg.gazetteer_path))
    missing = str(tmp_path / "nope.jsonl")
    result = CliRunner().invoke(cli, ["--config", config, "geoparse", "-i", missing], obj={})
    assert result.exit_code == 2
    assert f"Cannot read {missing}" in result.stderr
