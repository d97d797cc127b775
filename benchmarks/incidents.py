"""Article-level benchmark on real local news about US shootings: ../shared/data/gva (read its
README), each article filed under the Gun Violence Archive (GVA) incident it reports, printed as a
markdown table with one column per half of the split (benchmarks/split.py).

    .venv/bin/python benchmarks/incidents.py [--half tune|check|both] [--limit N] [--db PATH [--reuse]]
                                             [--dump FILE] [--data DIR]

The input is the product path, nothing less: the articles of the chosen incidents, as they are
(empty pages, wrong pages and repeated paragraphs are real input), are written to a JSONL file,
one line per article with its ``id``, ``url`` (the address it was scraped from, as a user's
input has it: the outlet's address tells its home; an event's mentions lead back to the article
by it), ``title``, ``text`` and ``published`` (its first 10 characters), and that file goes
through ``fieldreport.run`` with the default settings into a fresh DuckDB database, one per half
(halves never share a run, so a half scores the same alone or beside the other). The events are
read back with ``fieldreport.read_events``.

Only incidents with a point (lat/lon) and a date are scored. An incident's half is
``split.half(incident_id)``; ``--limit N`` takes the first N of each half ordered by the sha256 of
the incident id, so a limited sample is fixed. An event is *from* an article when one of its
mentions (copied ones too: a duplicate article carries its original's evidence) has that article's
url; an event *is the incident* ("matches") when its point is within 25 km of the incident's and its
event_date within ±1 day of the incident's date. Per half:

- incident recall: share of incidents with a matching event from one of their articles.
- events per incident: for each incident, the distinct events from any of its articles, summed
  over incidents and divided by the number of incidents (1.0 is right: one event per incident;
  every extra event is a split or a spurious event).
- share of those events that are the incident: of the events counted in events per incident,
  the share that match their incident.
- found: day exact / killed exact / injured exact: among incidents found, their best event (the
  matching event nearest in place, then nearest in day, then lowest event_id) has event_date equal
  to the incident's date / ``fatalities`` equal to its killed / ``injured`` equal to its injured
  (None, or no such field, is wrong); incidents whose GVA count is missing are left out of that
  measure.
- place within 25 km (any day): share of incidents with an event from their articles within 25 km
  whatever its date (recall without the day: the difference is dating error).
- multi-article incidents in one event (every article): among incidents with 2 or more distinct
  articles, the share where one matching event has a mention from every one of its articles, the
  strict measure of fusing several outlets' reports of one incident (an empty or wrong page among
  them counts against it).
- multi-article incidents in one event (articles that matched): the looser variant: at least one
  article yielded a matching event, and one matching event has a mention from every article that
  yielded a matching event.
- counts: incidents scored, articles (distinct, of those incidents), articles that yielded no
  event (no mention in any event), and the seconds ``fieldreport.run`` took.

Targets: recall >= 90%, events per incident <= 1.2, events that are the incident >= 85%, day and
killed exact >= 90%, injured exact >= 85%, multi-article incidents in one event >= 90%.

``--dump FILE`` writes one JSON line per TUNE incident (gold record, its articles' titles, every
event from its articles with its date, place, point, type, actors, deaths, injured, mention
sentences and whether it matches) to read its errors; the check half is never dumped: read only
its figures. ``--db PATH`` keeps the databases (``PATH`` with ``.tune``/``.check`` before its
suffix; overwritten) and ``--reuse`` scores them again without running the pipeline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from incident_score import (  # noqa: E402
    COUNTS,
    MEASURES,
    article_id,
    article_url,
    article_urls,
    by_article,
    judge,
    matches,
    score,
    scored,
)
from split import HALVES, half  # noqa: E402

import fieldreport  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"


def load_incidents(data: Path) -> list[dict[str, Any]]:
    with open(data / "gva" / "incidents.dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_articles(data: Path) -> dict[str, dict[str, Any]]:
    with open(data / "gva" / "articles.dev.jsonl", encoding="utf-8") as f:
        return {a["id"]: a for a in (json.loads(line) for line in f if line.strip())}


def sample(incidents: Sequence[dict[str, Any]], which: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The scored incidents of half ``which``, in the fixed order (sha256 of the id), first ``limit``."""
    chosen = [i for i in scored(incidents) if half(i["incident_id"]) == which]
    chosen.sort(key=lambda i: hashlib.sha256(i["incident_id"].encode()).hexdigest())
    return chosen if limit is None else chosen[:limit]


def write_input(incidents: Sequence[dict[str, Any]], articles: dict[str, dict[str, Any]], path: Path) -> int:
    """The incidents' articles as a JSONL input file, each once; returns how many."""
    ids = list(dict.fromkeys(a for i in incidents for a in i["article_ids"]))
    with open(path, "w", encoding="utf-8") as f:
        for aid in ids:
            a = articles[aid]
            line = {
                "id": aid,
                "url": article_url(aid, a),
                "title": a.get("title"),
                "text": a.get("text"),
                "published": (a.get("published") or "")[:10] or None,
            }
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(ids)


def run_pipeline(input_path: Path, db: Path) -> float:
    """``fieldreport.run`` into a fresh database; returns the seconds it took."""
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    fieldreport.run([str(input_path)], db=str(db))
    return time.perf_counter() - started


def half_db(db: Path, which: str) -> Path:
    return db.with_name(f"{db.stem}.{which}{db.suffix or '.duckdb'}")


def dump(
    incidents: Sequence[dict[str, Any]], events: list[dict[str, Any]], articles: dict[str, Any], out: Any
) -> None:
    """One JSON line per incident: gold, its articles' titles, every event from its articles."""
    ids_by_url = article_urls(articles)
    events_of = by_article(events, ids_by_url)
    for inc in incidents:
        j = judge(inc, events_of)
        record = {
            "incident": {k: v for k, v in inc.items() if k != "participants"},
            "participants": inc.get("participants"),
            "articles": [
                {"id": a, "title": articles[a].get("title"), "events": sorted(j.per_article[a])}
                for a in j.articles
            ],
            "found": j.best is not None,
            "best": j.best["event_id"] if j.best else None,
            "events": [
                {
                    "event_id": e["event_id"],
                    "matches": matches(e, inc),
                    "event_date": e.get("event_date"),
                    "location": e.get("location"),
                    "admin1": e.get("admin1"),
                    "latitude": e.get("latitude"),
                    "longitude": e.get("longitude"),
                    "geo_precision": e.get("geo_precision"),
                    "sub_event_type": e.get("sub_event_type"),
                    "actor1": e.get("actor1"),
                    "actor2": e.get("actor2"),
                    "fatalities": e.get("fatalities"),
                    "injured": e.get("injured"),
                    "mentions": [
                        {
                            "article": article_id(m, ids_by_url),
                            "copied": m.get("copied"),
                            "sentence": m.get("sentence"),
                        }
                        for m in e.get("mentions") or []
                    ],
                }
                for e in j.events.values()
            ],
        }
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key == "events_per_incident":
        return f"{value:.2f}"
    if key in MEASURES:
        return f"{100 * value:.1f}%"
    if key == "seconds":
        return f"{value:.0f}"
    return str(value)


def _target(key: str) -> str:
    target, kind = MEASURES[key][1], MEASURES[key][2]
    if target is None:
        return ""
    shown = f"{target:.1f}" if key == "events_per_incident" else f"{100 * target:.0f}%"
    return ("<= " if kind == "ceiling" else ">= ") + shown


def table(results: dict[str, dict[str, Any]]) -> str:
    labels = {
        "incidents": "incidents scored",
        "found": "incidents found",
        "multi_incidents": "multi-article incidents",
        "articles": "articles",
        "articles_no_event": "articles that yielded no event",
        "seconds": "run seconds",
    }
    halves = [h for h in HALVES if h in results]
    lines = ["| measure | " + " | ".join(halves) + " | target |", "|---|" + "---:|" * len(halves) + "---|"]
    for key, (label, _, _) in MEASURES.items():
        lines.append(
            f"| {label} | " + " | ".join(_cell(key, results[h][key]) for h in halves) + f" | {_target(key)} |"
        )
    for key in (*COUNTS, "seconds"):
        lines.append(
            f"| {labels[key]} | " + " | ".join(_cell(key, results[h].get(key)) for h in halves) + " |  |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=(*HALVES, "both"), default="both")
    ap.add_argument("--limit", type=int, default=None, help="first N incidents of each half (fixed order)")
    ap.add_argument(
        "--db", type=Path, default=None, help="keep the databases: PATH.tune/.check (overwritten)"
    )
    ap.add_argument("--reuse", action="store_true", help="score the --db databases again, no pipeline run")
    ap.add_argument("--dump", type=Path, default=None, help="per-incident JSONL of the tune half")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args(argv)
    if a.reuse and a.db is None:
        ap.error("--reuse needs --db")
    halves = HALVES if a.half == "both" else (a.half,)
    incidents = load_incidents(a.data)
    articles = load_articles(a.data)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="incidents-") as tmp:
        for which in halves:
            chosen = sample(incidents, which, a.limit)
            db = half_db(a.db, which) if a.db else Path(tmp) / f"{which}.duckdb"
            seconds = None
            if a.reuse:
                if not db.exists():
                    ap.error(f"--reuse: no database {db}")
            else:
                path = Path(tmp) / f"{which}.jsonl"
                n = write_input(chosen, articles, path)
                print(f"{which}: {len(chosen)} incidents, {n} articles -> {db}", file=sys.stderr, flush=True)
                seconds = run_pipeline(path, db)
            events = list(fieldreport.read_events(str(db)))
            results[which] = score(chosen, events, article_urls(articles)) | {"seconds": seconds}
            if a.dump and which == "tune":
                with open(a.dump, "w", encoding="utf-8") as out:
                    dump(chosen, events, articles, out)
    limit = f", first {a.limit} incidents of each half" if a.limit else ""
    print(f"## Incidents (article level, gva{limit})\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
