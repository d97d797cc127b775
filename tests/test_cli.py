from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldreport.cli import cli

from .conftest import EXAMPLES
from .fixtures_injured import write_injured_db

GOOD = (
    "Gunmen attack a market in the north\n\n date 2019-05-04\n\n"
    "Gunmen attacked a crowded market in the town of Tabqa in northern Syria on Saturday, killing "
    "three people and wounding ten, a local monitoring group said. The attackers fled on motorbikes "
    "after a short exchange of fire with guards, and the army closed the main road for several hours.\n"
)


def fieldreport(
    *args: str, cwd: Path, env_extra: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("fieldreport")
    return subprocess.run(
        [str(exe), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **env_extra},
    )


@pytest.fixture
def env(tmp_path: Path, gazetteer_path: str) -> dict[str, str]:
    (tmp_path / "fieldreport.toml").write_text(f'gazetteer_path = "{gazetteer_path}"\n', encoding="utf-8")
    return {}


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"], obj={})
        assert result.exit_code == 0, name
        assert command.help and command.help.split("\n")[0] in " ".join(result.output.split())


def test_missing_input_exits_2_with_a_clear_message(tmp_path: Path, env: dict[str, str]) -> None:
    proc = fieldreport("run", "no/such/folder", cwd=tmp_path, env_extra=env)
    assert proc.returncode == 2
    assert "no/such/folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_input_is_rejected_with_reasons_and_the_run_goes_on(tmp_path: Path, env: dict[str, str]) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "good.txt").write_text(GOOD, encoding="utf-8")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (bad / "latin1.txt").write_bytes("Caf\xe9 bombing in the capital kills two".encode("latin-1") * 20)
    line = json.dumps({"id": "1", "text": GOOD, "url": "https://wire.example/1"})
    (bad / "lines.jsonl").write_text(line + "\n{not json\n", encoding="utf-8")
    (bad / "nobody.html").write_text(
        "<html><head><title>x</title></head><body></body></html>", encoding="utf-8"
    )
    (bad / "cut.warc.gz").write_bytes(
        gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\n<html>")
    )
    with (bad / "huge.txt").open("w", encoding="utf-8") as fh:  # 50 MB of text, over max_bytes
        line = "The shelling went on through the night. " * 25 + "\n"
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    proc = fieldreport("run", "in", "--db", "bad.duckdb", cwd=tmp_path, env_extra=env)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "new:             2" in out  # good.txt and the good JSONL line, a copy of it
    assert "duplicates:      1" in out
    for reason in (
        "binary: 1",
        "empty: 1",
        "invalid_utf8: 1",
        "malformed_json: 1",
        "no_text: 1",
        "too_large: 1",
        "truncated_warc: 1",
    ):
        assert reason in out, (reason, out)
    rejects = fieldreport("rejects", "--db", "bad.duckdb", "--format", "jsonl", cwd=tmp_path, env_extra=env)
    origins = {json.loads(line)["reason"]: json.loads(line)["origin"] for line in rejects.stdout.splitlines()}
    assert origins["malformed_json"].endswith("lines.jsonl:line 2")
    assert origins["too_large"].endswith("huge.txt")


def test_stdin_jsonl_run_then_articles_and_exports(tmp_path: Path, env: dict[str, str]) -> None:
    line = json.dumps({"id": "s1", "text": GOOD, "url": "https://news.example/s1", "outlet": "Stdin Post"})
    proc = fieldreport("run", "-", "--db", "s.duckdb", cwd=tmp_path, env_extra=env, stdin=line + "\n")
    assert proc.returncode == 0, proc.stderr
    arts = fieldreport("articles", "--db", "s.duckdb", "--format", "jsonl", cwd=tmp_path, env_extra=env)
    (row,) = [json.loads(x) for x in arts.stdout.splitlines()]
    assert set(row) == {
        "article_id",
        "url",
        "title",
        "outlet",
        "published",
        "published_source",
        "duplicate_of",
        "story_id",
    }
    assert (row["url"], row["outlet"], row["published"], row["published_source"]) == (
        "https://news.example/s1",
        "Stdin Post",
        "2019-05-04",
        "header",
    )
    for fmt, name in (
        ("jsonl", "e.jsonl"),
        ("acled-csv", "e.csv"),
        ("geojson", "e.geojson"),
        ("parquet", "e.parquet"),
    ):
        res = fieldreport(
            "export", "--db", "s.duckdb", "--format", fmt, "-o", name, cwd=tmp_path, env_extra=env
        )
        assert res.returncode == 0, res.stderr
        assert (tmp_path / name).stat().st_size > 0
    table = fieldreport("events", "--db", "s.duckdb", cwd=tmp_path, env_extra=env)
    assert table.returncode == 0 and "events in s.duckdb" in table.stdout


def test_reading_commands_on_a_missing_database_say_what_to_do(tmp_path: Path, env: dict[str, str]) -> None:
    proc = fieldreport("events", "--db", "none.duckdb", cwd=tmp_path, env_extra=env)
    assert proc.returncode == 1
    assert "Run `fieldreport run INPUT --db none.duckdb` first" in proc.stderr


def test_the_sample_runs_from_the_command_line(tmp_path: Path, env: dict[str, str]) -> None:
    proc = fieldreport("run", str(EXAMPLES), "--db", "x.duckdb", cwd=tmp_path, env_extra=env)
    assert proc.returncode == 0, proc.stderr
    assert "events in db:" in proc.stdout


def test_stories_of_the_sample(tmp_path: Path, env: dict[str, str]) -> None:
    assert fieldreport("run", str(EXAMPLES), "--db", "x.duckdb", cwd=tmp_path, env_extra=env).returncode == 0
    proc = fieldreport("stories", "--db", "x.duckdb", "--format", "jsonl", cwd=tmp_path, env_extra=env)
    assert proc.returncode == 0, proc.stderr
    stories = [json.loads(line) for line in proc.stdout.splitlines()]
    keys = ["story_id", "title", "start", "end", "article_ids", "event_ids", "summary", "conflicts"]
    assert stories and all(list(s) == keys for s in stories)
    listed = fieldreport("articles", "--db", "x.duckdb", "--format", "jsonl", cwd=tmp_path, env_extra=env)
    articles = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {a["story_id"] for a in articles} == {s["story_id"] for s in stories}
    assert sum(len(s["article_ids"]) for s in stories) == len(articles)
    table = fieldreport("stories", "--db", "x.duckdb", cwd=tmp_path, env_extra=env)
    assert table.returncode == 0 and "stories" in table.stdout


def test_every_command_is_in_the_readme() -> None:
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"fieldreport {name}" in readme, name


def test_gazetteer_import_adds_a_village_the_run_then_places_exactly(
    tmp_path: Path, gazetteer_path: str
) -> None:
    import shutil

    from fieldreport.geo import Gazetteer
    from fieldreport.settings import Config

    Gazetteer.load(Config().with_overrides({"gazetteer_path": gazetteer_path})).close()
    gaz_copy = tmp_path / "gaz.sqlite"
    shutil.copy(gazetteer_path, gaz_copy)
    places = tmp_path / "places.csv"
    places.write_text(
        "name,alternate_names,latitude,longitude,country_code,admin1,admin2,feature\n"
        "Tell Qasrak,Tal Qasrak;Qasrak,36.101,40.204,SY,Al-Hasakah,,PPL\n",
        encoding="utf-8",
    )
    env = {}
    proc = fieldreport(
        "gazetteer", "import", str(places), "--path", str(gaz_copy), cwd=tmp_path, env_extra=env
    )
    assert proc.returncode == 0, proc.stderr
    assert "Added 1 places" in proc.stdout
    with Gazetteer(gaz_copy) as gaz:
        (entry,) = [e for e in gaz.lookup("Tal Qasrak") if e.country_code == "SY"]
    assert (entry.name, entry.latitude, entry.longitude) == ("Tell Qasrak", 36.101, 40.204)
    again = fieldreport(
        "gazetteer", "import", str(places), "--path", str(gaz_copy), cwd=tmp_path, env_extra=env
    )
    assert "Added 0 places" in again.stdout


def test_the_events_table_shows_the_injured_beside_the_deaths(tmp_path: Path, env: dict[str, str]) -> None:
    write_injured_db(tmp_path / "i.duckdb")
    proc = fieldreport("events", "--db", "i.duckdb", cwd=tmp_path, env_extra=env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    header = [c.strip() for c in next(line for line in lines if "deaths" in line).split("┃")[1:-1]]
    assert header == ["date", "type", "actor 1", "actor 2", "where", "deaths", "injured", "sources"]
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in lines if line.startswith("│ 2021")]
    assert [(r[0], r[5], r[6]) for r in rows] == [
        ("2021-06-01", "4", "9 (9-15)"),
        ("2021-06-02", "0", "2"),
        ("2021-06-02", "None", ""),
    ]


# -- ACLED's scope ---------------------------------------------------------------------------


def _csv_ids(output: str) -> list[str]:
    import csv
    import io

    return [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(output))]


def test_export_scope_political_drops_a_criminal_shooting_and_keeps_a_battle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .fixtures_scope import CRIMINAL, POLITICAL, write_scope_db

    monkeypatch.chdir(tmp_path)  # away from any fieldreport.toml of the checkout
    write_scope_db(tmp_path / "s.duckdb")
    runner = CliRunner()
    every = runner.invoke(cli, ["export", "--db", "s.duckdb", "--format", "acled-csv"], obj={})
    political = runner.invoke(
        cli, ["export", "--db", "s.duckdb", "--format", "acled-csv", "--scope", "political"], obj={}
    )
    to_file = runner.invoke(
        cli, ["export", "--db", "s.duckdb", "--scope", "political", "-o", "p.jsonl"], obj={}
    )
    assert every.exit_code == 0, every.output
    assert _csv_ids(every.output) == ["ev-street", "ev-two-men", "ev-police", "ev-battle", "ev-protest"]
    assert political.exit_code == 0, political.output
    assert _csv_ids(political.output) == POLITICAL == ["ev-police", "ev-battle", "ev-protest"]
    assert not set(CRIMINAL) & set(_csv_ids(political.output))
    assert to_file.exit_code == 0 and "Wrote 3 events to p.jsonl" in to_file.output
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == POLITICAL


def test_the_scope_setting_is_the_default_of_export_and_the_events_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .fixtures_scope import POLITICAL, write_scope_db

    monkeypatch.chdir(tmp_path)
    write_scope_db(tmp_path / "s.duckdb")
    (tmp_path / "fieldreport.toml").write_text('db = "s.duckdb"\nscope = "political"\n', encoding="utf-8")
    runner = CliRunner()
    setting = runner.invoke(cli, ["export", "--format", "acled-csv"], obj={})
    flag = runner.invoke(cli, ["export", "--format", "acled-csv", "--scope", "all"], obj={})
    table = runner.invoke(cli, ["events"], obj={})
    table_all = runner.invoke(cli, ["events", "--scope", "all"], obj={})
    assert _csv_ids(setting.output) == POLITICAL
    assert len(_csv_ids(flag.output)) == 5
    assert table.exit_code == 0, table.output
    assert "3 events in ACLED's scope in s.duckdb" in table.output
    rows = [line for line in table.output.splitlines() if line.startswith("│ 2023")]
    assert [r.split("│")[1].strip() for r in rows] == ["2023-07-03", "2023-07-04", "2023-07-05"]
    assert "Armed clash" in table.output and "two men" not in table.output
    assert "5 events in s.duckdb" in table_all.output and "two men" in table_all.output
    (tmp_path / "fieldreport.toml").write_text('scope = "war"\n', encoding="utf-8")
    bad = runner.invoke(cli, ["export", "--db", "s.duckdb"], obj={})
    assert bad.exit_code == 2
    assert "Setting 'scope' must be one of 'all', 'political', got 'war'" in bad.output
