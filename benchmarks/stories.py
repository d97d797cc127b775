"""Stories and fusion benchmark: WikiRef220 (../shared/data/wikiref220), articles to stories; and
a fusion set generated at run time (``benchmarks/fusion.py``: reports of one event must be one).

    .venv/bin/python benchmarks/stories.py [--data DIR] [--sets wikiref,fusion] [--orders N]
                                           [--threshold T] [--notes N]

Articles are fed to :class:`fieldreport.stories.StoryIndex` one at a time. WikiRef220 has no
dates, so the time window plays no part. Clustering is incremental, so the result depends on the
order of arrival: the file order and ``--orders`` - 1 seeded shuffles are run, and the table
gives each and their mean. Scores against the gold topics: adjusted Rand index, normalised mutual
information (arithmetic mean normalisation) and B-cubed precision, recall and F1.
Nothing here is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fusion  # noqa: E402

from fieldreport.stories import THRESHOLD, cluster  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _comb2(n: int) -> float:
    return n * (n - 1) / 2


def ari(gold: list[str], pred: list[str]) -> float:
    pairs = Counter(zip(gold, pred, strict=True))
    a, b = Counter(gold), Counter(pred)
    index = sum(_comb2(n) for n in pairs.values())
    sa, sb = sum(_comb2(n) for n in a.values()), sum(_comb2(n) for n in b.values())
    expected = sa * sb / _comb2(len(gold))
    top = (sa + sb) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def nmi(gold: list[str], pred: list[str]) -> float:
    n = len(gold)
    pairs = Counter(zip(gold, pred, strict=True))
    a, b = Counter(gold), Counter(pred)
    mi = sum(c / n * math.log(n * c / (a[g] * b[p])) for (g, p), c in pairs.items())
    ha = -sum(c / n * math.log(c / n) for c in a.values())
    hb = -sum(c / n * math.log(c / n) for c in b.values())
    return mi / ((ha + hb) / 2) if ha + hb else 1.0


def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    pairs = Counter(zip(gold, pred, strict=True))
    a, b = Counter(gold), Counter(pred)
    p = sum(pairs[(g, q)] / b[q] for g, q in zip(gold, pred, strict=True)) / len(gold)
    r = sum(pairs[(g, q)] / a[g] for g, q in zip(gold, pred, strict=True)) / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--orders", type=int, default=5, help="file order plus N-1 seeded shuffles")
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--sets", default="wikiref,fusion")
    ap.add_argument("--notes", type=int, default=400, help="ACLED notes the fusion set is made from")
    args = ap.parse_args(argv)
    sets = args.sets.split(",")
    if "fusion" in sets:
        print(fusion.run(args.data, args.notes) + "\n")
    if "wikiref" not in sets:
        return 0
    path = args.data / "wikiref220" / "wikiref220.dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    print(f"## WikiRef220: {len(rows)} articles, {len(set(r['topic'] for r in rows))} topics\n")
    print("| order | stories | ARI | NMI | B-cubed P | B-cubed R | B-cubed F1 | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    f1s, aris, nmis = [], [], []
    for k in range(args.orders):
        order = list(range(len(rows)))
        if k:
            random.Random(k).shuffle(order)
        t0 = time.perf_counter()
        items = ((str(i), rows[i]["text"], None) for i in order)
        got = cluster(items, threshold=args.threshold)
        secs = time.perf_counter() - t0
        gold = [rows[i]["topic"] for i in range(len(rows))]
        pred = [got[str(i)] for i in range(len(rows))]
        p, r, f = bcubed(gold, pred)
        f1s.append(f)
        aris.append(ari(gold, pred))
        nmis.append(nmi(gold, pred))
        name = "file order" if k == 0 else f"shuffle {k}"
        print(
            f"| {name} | {len(set(pred))} | {aris[-1]:.3f} | {nmis[-1]:.3f} | {p:.3f} | {r:.3f} | {f:.3f} "
            f"| {secs:.1f} |"
        )
    print(
        f"| mean | | {statistics.fmean(aris):.3f} | {statistics.fmean(nmis):.3f} | | "
        f"| {statistics.fmean(f1s):.3f} | |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
