"""Dedup stage: exact and near-duplicate articles (syndicated copies, light rewrites).

A duplicate is linked to the first article seen with the same content
(``Article.duplicate_of``); it is another mention of that content, never a source of new
events. Near-duplicates are found with MinHash over word 5-gram shingles and LSH
banding; the band keys live in the store, so memory does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np
from datasketch import MinHash

from .records import Article
from .settings import Config

_WORD = re.compile(r"\w+", re.UNICODE)
_SHINGLE = 5
_SEED = 1  # fixed: signatures must be comparable across runs and machines


@dataclass(frozen=True, slots=True)
class Fingerprint:
    article_id: str
    content_hash: str
    signature: tuple[int, ...]
    bands: tuple[int, ...]  # one LSH key per band, position = band number


class SeenIndex(Protocol):
    """What dedup needs from storage: earlier articles that may match, asked once per batch."""

    def same_content(self, content_hashes: Sequence[str]) -> dict[str, str]: ...

    def band_matches(self, bands: Sequence[int]) -> dict[int, list[tuple[str, tuple[int, ...]]]]: ...


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < _SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + _SHINGLE]).encode() for i in range(len(words) - _SHINGLE + 1)}


def fingerprint(article: Article, cfg: Config) -> Fingerprint:
    mh = MinHash(num_perm=cfg.minhash_perm, seed=_SEED)
    mh.update_batch(list(shingles(article.text)))
    sig = tuple(int(v) for v in mh.hashvalues)
    rows = cfg.minhash_perm // cfg.minhash_bands
    bands = tuple(_band_key(b, sig[b * rows : (b + 1) * rows]) for b in range(cfg.minhash_bands))
    return Fingerprint(article.article_id, article.content_hash, sig, bands)


def _band_key(band: int, values: Sequence[int]) -> int:
    digest = hashlib.blake2b(repr((band, tuple(values))).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def run(articles: Sequence[Article], cfg: Config, seen: SeenIndex) -> list[tuple[Article, Fingerprint]]:
    """Mark each article that copies an earlier one (stored, or earlier in this batch)."""
    fingerprints = [fingerprint(a, cfg) for a in articles]
    stored_hashes = seen.same_content([a.content_hash for a in articles])
    stored_bands = seen.band_matches(sorted({k for fp in fingerprints for k in fp.bands}))
    batch_hashes: dict[str, str] = {}
    batch_bands: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
    out: list[tuple[Article, Fingerprint]] = []
    for article, fp in zip(articles, fingerprints, strict=True):
        exact = stored_hashes.get(article.content_hash) or batch_hashes.get(article.content_hash)
        if exact is not None and exact != article.article_id:
            original, sim = exact, 1.0
        else:
            candidates = [
                c for key in fp.bands for c in (*stored_bands.get(key, ()), *batch_bands.get(key, ()))
            ]
            original, sim = _most_similar(article.article_id, fp, candidates, cfg.near_duplicate)
        if original is not None:
            article = replace(article, duplicate_of=original, similarity=round(sim, 3))
        else:
            batch_hashes.setdefault(article.content_hash, article.article_id)
            for key in fp.bands:
                batch_bands.setdefault(key, []).append((article.article_id, fp.signature))
        out.append((article, fp))
    return out


def _most_similar(
    article_id: str,
    fp: Fingerprint,
    candidates: Iterable[tuple[str, tuple[int, ...]]],
    threshold: float,
) -> tuple[str | None, float]:
    best_id: str | None = None
    best_sim = 0.0
    for other_id, signature in dict(candidates).items():
        if other_id == article_id:
            continue
        sim = similarity(fp.signature, signature)
        if sim < threshold:
            continue
        # ties go to the smaller id so the choice does not depend on query order
        if sim > best_sim or (sim == best_sim and best_id is not None and other_id < best_id):
            best_id, best_sim = other_id, sim
    return best_id, best_sim
