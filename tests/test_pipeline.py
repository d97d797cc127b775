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
