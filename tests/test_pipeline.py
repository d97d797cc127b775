from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldreport import pipeline
from fieldreport.errors import InputError
from fieldreport.settings import Config
from fieldreport.store import Store

from .conftest import EXAMPLES


def dump(db: str | Path) -> dict[str, list[tuple]]:
    with Store(db, read_only=True) as s:
        tables = [r[0] for r in s.con.execute("SHOW TABLES").fetchall()]
        return {t: sorted(s.con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


@pytest.fixture(scope="module")
def sample_run(
    tmp_path_factory: pytest.TempPathFactory, gazetteer_path: str
) -> tuple[Config, pipeline.RunSummary]:
    db = tmp_path_factory.mktemp("run") / "sample.duckdb"
    cfg = Config().with_overrides({"db": str(db), "gazetteer_path": gazetteer_path, "batch_size": 4})
    return cfg, pipeline.run([str(EXAMPLES)], cfg)


def test_the_sample_yields_articles_duplicates_and_events(
    sample_run: tuple[Config, pipeline.RunSummary],
) -> None:
    cfg, summary = sample_run
    assert summary.articles >= 12
    assert summary.new == summary.articles
    assert summary.duplicates >= 1
    assert summary.events > 0
    with Store(cfg.db, read_only=True) as s:
        dups = s.query("SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
        assert all(d["duplicate_of"] for d in dups)
        # a duplicate is never the source of a mention of its own
        assert (
            s.query("""SELECT count(*) AS n FROM mentions m JOIN articles a USING (article_id)
                          WHERE a.duplicate_of IS NOT NULL""")[0]["n"]
            == 0
        )


def test_stages_are_listed_in_the_order_a_run_takes_them(
    sample_run: tuple[Config, pipeline.RunSummary],
) -> None:
    _, summary = sample_run
    timed = list(summary.seconds)  # each stage is timed under its name, first in the order it first ran
    assert set(timed) <= set(pipeline.STAGES)
    assert timed == [s for s in pipeline.STAGES if s in timed]
    assert set(pipeline.STAGES) - set(timed) == {"sources"}  # read as the batches are, not timed apart


def test_rerunning_the_same_input_changes_nothing(
    sample_run: tuple[Config, pipeline.RunSummary], tmp_path: Path
) -> None:
    cfg, first = sample_run
    copy = tmp_path / "again.duckdb"
    shutil.copy(cfg.db, copy)
    before = dump(copy)
    again = pipeline.run(
        [str(EXAMPLES)],
        Config().with_overrides({"db": str(copy), "gazetteer_path": cfg.gazetteer_path, "batch_size": 4}),
    )
    assert again.new == 0 and again.already_stored == first.articles
    assert dump(copy) == before


def test_new_files_add_only_their_own_results(
    sample_run: tuple[Config, pipeline.RunSummary], tmp_path: Path
) -> None:
    cfg, first = sample_run
    copy = tmp_path / "more.duckdb"
    shutil.copy(cfg.db, copy)
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "Militants attack checkpoint in the north\n\n date 2019-05-04\n\n"
        "Gunmen attacked an army checkpoint outside the town of Tabqa in northern Syria on Saturday, "
        "killing three soldiers, a local monitoring group said. The attackers fled on motorbikes after "
        "a short exchange of fire, and the army closed the road for several hours.\n",
        encoding="utf-8",
    )
    before = dump(copy)
    more = pipeline.run(
        [str(extra)], Config().with_overrides({"db": str(copy), "gazetteer_path": cfg.gazetteer_path})
    )
    after = dump(copy)
    assert more.new == 1
    assert len(after["articles"]) == len(before["articles"]) + 1
    assert set(before["articles"]) <= set(after["articles"])
    assert set(before["mentions"]) <= set(after["mentions"])


CRASHING_RUN = textwrap.dedent(
    """
    import os, signal, sys
    from fieldreport import pipeline, store
    from fieldreport.settings import Config

    cfg = Config().with_overrides({"db": sys.argv[1], "gazetteer_path": sys.argv[2], "batch_size": 3})
    real_upsert = store.Store._upsert
    calls = {"batches": 0, "tables": 0}

    def upsert(self, table, rows):
        real_upsert(self, table, rows)
        if table == "articles":
            calls["batches"] += 1
            if calls["batches"] == 3:  # die inside the third batch's transaction
                os.kill(os.getpid(), signal.SIGKILL)

    store.Store._upsert = upsert
    pipeline.run([sys.argv[3]], cfg)
    """
)


def test_a_run_killed_mid_batch_resumes_to_the_same_database(
    sample_run: tuple[Config, pipeline.RunSummary], tmp_path: Path
) -> None:
    cfg, _ = sample_run
    db = tmp_path / "killed.duckdb"
    proc = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, str(db), cfg.gazetteer_path, str(EXAMPLES)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == -9, proc.stderr
    partial = dump(db)
    assert 0 < len(partial["articles"]) < len(dump(cfg.db)["articles"])
    pipeline.run(
        [str(EXAMPLES)],
        Config().with_overrides({"db": str(db), "gazetteer_path": cfg.gazetteer_path, "batch_size": 3}),
    )
    assert dump(db) == dump(cfg.db)


def test_a_missing_input_is_an_error_before_any_work(cfg: Config, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing-here"):
        pipeline.run([str(tmp_path / "nothing-here")], cfg)
    assert not Path(cfg.db).exists()


def test_the_python_api_runs_and_reads_events(tmp_path: Path, gazetteer_path: str) -> None:
    import fieldreport

    db = str(tmp_path / "api.duckdb")
    summary = fieldreport.run([str(EXAMPLES / "feeds")], db=db, gazetteer_path=gazetteer_path)
    found = list(fieldreport.read_events(db))
    assert summary.events == len(found) > 0
    assert all(e["mentions"] for e in found)


def test_one_sentence_reports_are_analysed_and_empty_pages_rejected(
    tmp_path: Path, gazetteer_path: str
) -> None:
    import fieldreport

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "bori.txt").write_text("Gunmen killed 3 in Bori, Rivers State, on Monday.\n", encoding="utf-8")
    (notes / "kano.txt").write_text(
        "Police fired tear gas at traders protesting a new market levy in Kano on 4 June 2021.\n",
        encoding="utf-8",
    )
    (notes / "missing.txt").write_text("Page not found\n\nThe page you requested does not exist.\n")
    (notes / "menu.txt").write_text("Home | News | Politics | Sport | Contact us\n", encoding="utf-8")
    db = str(tmp_path / "notes.duckdb")
    summary = fieldreport.run([str(notes)], db=db, gazetteer_path=gazetteer_path)
    assert summary.articles == 2 and summary.rejects == {"too_short": 2}
    with Store(db, read_only=True) as s:
        rejected = {Path(r["origin"]).name: r for r in s.query("SELECT * FROM rejects")}
        events = s.query(
            """SELECT DISTINCT e.event_id, e.location, e.fatalities, e.event_date, a.origin
               FROM events e JOIN event_mentions em USING (event_id) JOIN articles a USING (article_id)"""
        )
    assert set(rejected) == {"missing.txt", "menu.txt"}
    assert all(
        r["reason"] == "too_short" and "no complete sentence" in r["detail"] for r in rejected.values()
    )
    by_note = {Path(e["origin"]).name: e for e in events}
    assert set(by_note) == {"bori.txt", "kano.txt"}
    assert by_note["bori.txt"]["location"] == "Bori" and by_note["bori.txt"]["fatalities"] == 3
    assert by_note["kano.txt"]["location"] == "Kano" and by_note["kano.txt"]["event_date"] == "2021-06-04"


def test_undated_reports_take_their_own_day_then_their_storys_date(
    tmp_path: Path, gazetteer_path: str
) -> None:
    import json

    import fieldreport

    news = tmp_path / "news"
    news.mkdir()
    bokkos = "in Bokkos local government area of Plateau State"
    police = "the Plateau State police command said"
    dated = {
        "id": "plateau-1",
        "published": "2022-08-03",
        "title": "Gunmen kill 12 in Bokkos",
        "text": f"Gunmen attacked three villages {bokkos}, killing 12 people and burning homes, {police}. "
        "Residents said the gunmen arrived on motorcycles before dawn.",
    }
    (news / "dated.jsonl").write_text(json.dumps(dated) + "\n", encoding="utf-8")
    sirte = "the eastern district of Sirte"
    texts = {
        # its own day, "On 9th August", with no year: the year is its story's, the day its own
        "own_day.txt": f"More killed in Bokkos\n\nOn 9th August, gunmen killed five more villagers {bokkos}, "
        f"{police}. On Sunday, gunmen shot dead two farmers in Mushere, residents said.",
        # nothing of its own: its story's date
        "undated.txt": f"Gunmen on motorcycles attacked villages {bokkos}, killing villagers, {police}.",
        # a story with no dated report: a photo bounds it, its lead's weekday dates it to the week
        "photo.txt": f"Forces advance in Sirte\n\nPhoto: A fighter in {sirte} on June 7, 2016. (AFP)\n\n"
        f"Pro-government fighters advanced into {sirte} on Thursday, a day after an assault on Islamic "
        "State positions began, commanders said. Fighting raged near the port and the Ouagadougou centre.",
        "photo_story.txt": "Pro-government fighters battled Islamic State militants near the port and the "
        f"Ouagadougou centre in {sirte} on Sunday, commanders said.",
    }
    for name, text in texts.items():
        (news / name).write_text(text + "\n", encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    fieldreport.run([str(news)], db=db, gazetteer_path=gazetteer_path)
    cols = "article_id, origin, published, published_source, published_precision"
    with Store(db, read_only=True) as s:
        arts = {Path(r["origin"]).name.split(":")[0]: r for r in s.query(f"SELECT {cols} FROM articles")}
        mentions = s.query("SELECT article_id, event_date, date_evidence FROM mentions")
    got = {k: (a["published"], a["published_source"], a["published_precision"]) for k, a in arts.items()}
    assert got["dated.jsonl"] == ("2022-08-03", "metadata", None)
    assert got["own_day.txt"] == ("2022-08-09", "text", None)
    assert got["undated.txt"][:2] == ("2022-08-03", "story")
    assert got["photo.txt"] == ("2016-06-09", "text", 2)  # the Thursday after the photo of Tuesday 7 June
    assert got["photo_story.txt"] == ("2016-06-09", "story", 2)

    def days(name: str, evidence: str | None = None) -> set[str | None]:
        aid = arts[name]["article_id"]
        return {
            m["event_date"]
            for m in mentions
            if m["article_id"] == aid and evidence in (None, m["date_evidence"])
        }

    assert days("own_day.txt", "Sunday") == {"2022-08-07"}  # the Sunday before its own day
    for name in ("photo.txt", "photo_story.txt"):
        assert days(name) and all(d and d.startswith("2016-06") for d in days(name)), name
    again = fieldreport.run([str(news)], db=db, gazetteer_path=gazetteer_path)
    assert again.redated == 0  # re-running changes nothing
