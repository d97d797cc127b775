"""``fieldreport timex``: temporal expressions of any text, JSON lines in and out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from fieldreport.cli import cli
from fieldreport.settings import Config
from fieldreport.timex import timex

TEXT = "Rebels shelled the town on Sunday, two weeks after talks on March 1, 2019 failed."
SUNDAY = {"start": 27, "end": 33, "text": "Sunday", "type": "DATE", "value": "2019-03-03"}
TWO_WEEKS = {"start": 35, "end": 44, "text": "two weeks", "type": "DURATION", "value": "P2W"}
MARCH_1 = {"start": 60, "end": 73, "text": "March 1, 2019", "type": "DATE", "value": "2019-03-01"}


def line(**obj: Any) -> str:
    return json.dumps(obj)


def run(lines: list[str | bytes]) -> list[dict[str, Any]]:
    return list(timex(lines, Config()))


def test_expressions_are_found_and_normalised_against_the_dct() -> None:
    (out,) = run([line(id="a", text=TEXT, dct="2019-03-05")])
    assert out == {"id": "a", "timexes": [SUNDAY, TWO_WEEKS, MARCH_1]}
    for t in out["timexes"]:
        assert TEXT[t["start"] : t["end"]] == t["text"]


def test_relative_expressions_follow_the_dct() -> None:
    text = "A market was bombed two weeks ago; fighting resumed yesterday and will go on next week."
    (out,) = run([line(id=1, text=text, dct="2017-06-07")])
    assert [(t["text"], t["type"], t["value"]) for t in out["timexes"]] == [
        ("two weeks ago", "DATE", "2017-W21"),
        ("yesterday", "DATE", "2017-06-06"),
        ("next week", "DATE", "2017-W24"),
    ]


def test_without_a_dct_relative_expressions_stay_unresolved() -> None:
    text = "On Sunday, two weeks ago, yesterday and last week; on March 1, 2019 too."
    for obj in ({"id": "n", "text": text}, {"id": "n", "text": text, "dct": None}):
        (out,) = run([json.dumps(obj)])
        assert [(t["text"], t["value"]) for t in out["timexes"]] == [
            ("Sunday", "XXXX-WXX-7"),
            ("two weeks ago", "PAST_REF"),
            ("yesterday", "PAST_REF"),
            ("last week", "XXXX-WXX"),
            ("March 1, 2019", "2019-03-01"),
        ]


def test_a_dct_with_a_time_is_read_as_its_day() -> None:
    (out,) = run([line(id="t", text="It happened yesterday.", dct="2019-03-05T10:30:00")])
    assert out["timexes"][0]["value"] == "2019-03-04"


def test_bad_lines_become_error_records_in_place() -> None:
    lines: list[str | bytes] = [
        line(id="ok", text="Talks failed on 2 March.", dct="2019-03-05"),
        "not json",
        "",
        line(text="no id"),
        line(id=1.5, text="x"),
        line(id="t"),
        line(id="d", text="x", dct="2019-02-30"),
        line(id="e", text="x", dct=20190301),
        "[1, 2]",
        b'{"id": "u", "text": "\xff"}',
        line(id=7, text="Nothing of time here."),
    ]
    out = run(lines)
    assert out == [
        {
            "id": "ok",
            "timexes": [{"start": 16, "end": 23, "text": "2 March", "type": "DATE", "value": "2019-03-02"}],
        },
        {"id": None, "line": 2, "error": "malformed JSON: Expecting value at column 1"},
        {"id": None, "line": 4, "error": "missing id"},
        {"id": 1.5, "line": 5, "error": "id must be a string or an integer"},
        {"id": "t", "line": 6, "error": "missing text"},
        {"id": "d", "line": 7, "error": 'dct must be a date YYYY-MM-DD, got "2019-02-30"'},
        {"id": "e", "line": 8, "error": "dct must be a date YYYY-MM-DD, got 20190301"},
        {"id": None, "line": 9, "error": "not a JSON object"},
        {"id": None, "line": 10, "error": "invalid UTF-8 at byte 21"},
        {"id": 7, "timexes": []},
    ]


def test_command_reads_and_writes_files(tmp_path: Path) -> None:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(
        line(id="a", text=TEXT, dct="2019-03-05") + "\n" + "oops\n" + line(id="b", text="Now.") + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["timex", "-i", str(src), "-o", str(dst)], obj={})
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert records == [
        {"id": "a", "timexes": [SUNDAY, TWO_WEEKS, MARCH_1]},
        {"id": None, "line": 2, "error": "malformed JSON: Expecting value at column 1"},
        {
            "id": "b",
            "timexes": [{"start": 0, "end": 3, "text": "Now", "type": "DATE", "value": "PRESENT_REF"}],
        },
    ]
    assert "Dated 2 texts, 4 temporal expressions; 1 bad lines" in result.output


def test_command_streams_stdin_to_stdout() -> None:
    stdin = line(id="a", text=TEXT, dct="2019-03-05") + "\n"
    result = CliRunner().invoke(cli, ["timex"], input=stdin, obj={})
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert json.loads(first) == {"id": "a", "timexes": [SUNDAY, TWO_WEEKS, MARCH_1]}


def test_command_reports_an_unreadable_input() -> None:
    result = CliRunner().invoke(cli, ["timex", "-i", "no/such/file.jsonl"], obj={})
    assert result.exit_code != 0
    assert "no/such/file.jsonl" in result.output
