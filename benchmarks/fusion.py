"""Event fusion benchmark: reports of one event, as other outlets would print it, must come out
as one event; reports of different events must not. Run through ``benchmarks/stories.py --sets
fusion``, or on its own:

    .venv/bin/python benchmarks/fusion.py [--data DIR] [--notes N]

The set is generated at run time and stored nowhere. Its sources are real texts: every k-th ACLED
Africa 2016 note with at least 40 words (so that half of it is still an article; ``--notes`` of
them, each reporting one event coded by ACLED) and the five seed articles. Each source yields
four reports:

* the original, from outlet "Wire A", published the day after the event (ACLED's EVENT_DATE;
  the seeds keep what their text says);
* a syndicated copy: the same text under a byline and a credit line, from "Paper B";
* a trimmed version: the first half of its sentences (at least one), from "Paper C";
* a rewrite: the sentences in reverse order, the first one introduced by "Local sources said",
  published a day later, from "Paper D".

All of them go through ``fieldreport.pipeline.run`` into a fresh database. The unit is a report's
place in the events: report X and report Y are merged when some event has an evidence link to
both (a syndicated copy is linked as ``copied``). Scores over pairs of reports:

* precision: of the merged pairs, those from the same source (pairs of different seed articles
  are not scored: they may report the same event);
* recall: of the pairs from one source where both reports yielded an event, those merged; and
  "recall, all pairs" counting the pairs where one report yielded nothing as misses.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldreport import pipeline  # noqa: E402
from fieldreport.settings import Config  # noqa: E402
from fieldreport.store import Store  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def _variants(source: str, text: str, published: str | None) -> list[dict[str, str | None]]:
    later = None
    if published:
        later = (dt.date.fromisoformat(published) + dt.timedelta(days=1)).isoformat()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    sentences = _sentences(" ".join(paragraphs)) if len(paragraphs) == 1 else paragraphs
    half = sentences[: max(1, len(sentences) // 2)]
    rewrite = list(reversed(sentences))
    rewrite[0] = (
        "Local sources said " + rewrite[0][0].lower() + rewrite[0][1:]
        if rewrite[0][:1].isupper()
        else rewrite[0]
    )
    out = [
        ("original", text, "Wire A", published),
        (
            "copy",
            f"By Staff Reporter\n\n{text}\n\n(Reporting by Wire A; editing by the desk)",
            "Paper B",
            published,
        ),
        ("trimmed", "\n\n".join(half), "Paper C", published),
        ("rewrite", "\n\n".join(rewrite), "Paper D", later),
    ]
    if len(sentences) < 2:
        out = [o for o in out if o[0] != "trimmed"]  # it would be the original again
    return [
        {"id": f"{source}:{kind}", "text": body, "outlet": outlet, "published": date}
        for kind, body, outlet, date in out
    ]


def build(data: Path, notes: int) -> list[dict[str, str | None]]:
    """The generated reports, as JSONL records for ``fieldreport run``."""
    rows = []
    with (data / "acled_africa_2016" / "acled_africa_2016.dev.csv").open(encoding="utf-8") as fh:
        usable = [r for r in csv.DictReader(fh) if len((r.get("NOTES") or "").split()) >= 40]
    step = max(1, len(usable) // max(notes, 1))
    for r in usable[::step][:notes]:
        day = dt.datetime.strptime(r["EVENT_DATE"], "%d/%m/%Y").date() + dt.timedelta(days=1)
        rows += _variants(f"acled-{r['EVENT_ID_CNTY']}", r["NOTES"].strip(), day.isoformat())
    seeds = data.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        rows += _variants(f"seed-{path.stem[:3]}", path.read_text(encoding="utf-8"), None)
    return rows


def score(db: Path) -> dict[str, float]:
    with Store(db, read_only=True) as store:
        links = store.query(
            "SELECT em.event_id, a.source_id FROM event_mentions em JOIN articles a USING (article_id)"
        )
        reports = [r["source_id"] for r in store.query("SELECT source_id FROM articles")]
        rejected = store.query("SELECT count(*) AS n FROM rejects")[0]["n"]
    events: dict[str, set[str]] = defaultdict(set)
    with_event: set[str] = set()
    for link in links:
        events[link["event_id"]].add(link["source_id"])
        with_event.add(link["source_id"])
    merged = {frozenset(p) for members in events.values() for p in itertools.combinations(sorted(members), 2)}

    def source(report: str) -> str:
        return report.split(":")[0]

    scored = [
        p
        for p in merged
        if not all(source(r).startswith("seed-") for r in p) or len({source(r) for r in p}) == 1
    ]
    right = [p for p in scored if len({source(r) for r in p}) == 1]
    by_source: dict[str, list[str]] = defaultdict(list)
    for r in reports:
        by_source[source(r)].append(r)
    gold = [frozenset(p) for rs in by_source.values() for p in itertools.combinations(sorted(rs), 2)]
    both = [p for p in gold if p <= with_event]
    return {
        "reports": len(reports),
        "rejected": rejected,
        "events": len(events),
        "merged pairs": len(merged),
        "precision": len(right) / len(scored) if scored else 1.0,
        "recall (both have events)": sum(p in merged for p in both) / len(both) if both else 0.0,
        "recall, all pairs": sum(p in merged for p in gold) / len(gold) if gold else 0.0,
        "pairs (both have events / all)": f"{len(both)} / {len(gold)}",
    }


def run(data: Path, notes: int) -> str:
    rows = build(data, notes)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "reports.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        db = Path(tmp) / "fusion.duckdb"
        pipeline.run([str(src)], Config().with_overrides({"db": str(db)}))
        result = score(db)
    secs = time.perf_counter() - t0
    lines = [
        f"## Fusion: {notes} ACLED notes and the seeds, 3-4 reports each ({secs:.0f} s)\n",
        "| " + " | ".join(result) + " |",
        "|" + "---|" * len(result),
        "| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in result.values()) + " |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--notes", type=int, default=400)
    args = ap.parse_args(argv)
    print(run(args.data, args.notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
