"""Name keys: the normalised forms the gazetteer is indexed and queried by.

Two keys per name, both computed the same way at index time and at query time, so
matching is a plain equality lookup (no fuzzy scan):

``name_key``
    accents, case, apostrophes and hyphens folded, Arabic/Romance articles dropped, doubled
    letters and a final "-h" folded ("Ar-Raqqah"/"Raqqa"/"Raqa" -> "raqa", "Deir ez-Zor" -> "deir zor").
``skeleton_key``
    a consonant skeleton of ``name_key`` for transliteration variants
    ("Deir ez-Zor"/"Dayr az Zawr"/"Deir el-Zour" -> "dar zar", "Mosul"/"Mawsil" -> "masal"):
    consonants kept, each vowel group reduced to "a". It collides more, so callers use it only
    as a fallback.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Leading/infix articles dropped from keys: Arabic al- and its sun-letter forms, el-, the ...
ARTICLES = frozenset("al el il ul ar as ad ash az an at ath adh ed es ez et en er the".split())

# Letters NFKD does not decompose.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
        "ŧ": "t",
        "ʿ": "",
        "ʾ": "",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
        "´": "",
        "ʼ": "",
        "ʻ": "",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SKELETON_SUBS = (
    ("kh", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("dj", "j"),
    ("q", "k"),
    ("ck", "k"),
    ("c", "k"),
)
_VOWEL_W = re.compile(r"[aeiouy]+w(?![aeiouy])")  # "aw" in "Zawr", "Mawsil" is a vowel
_VOWELS = re.compile(r"[aeiouy]+")
_REPEAT = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case ASCII with accents and apostrophes removed, other punctuation as spaces."""
    if text.isascii():
        return _NON_ALNUM.sub(" ", text.lower().replace("'", "").replace("`", "")).strip()
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.translate(_SPECIAL)
    return _NON_ALNUM.sub(" ", text).strip()


def is_latin(text: str) -> bool:
    """True when the name is written in Latin script (after folding accents)."""
    if text.isascii():
        return True
    folded = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "’‘ʿʾʼ" for ch in folded)


def tokens(text: str) -> list[str]:
    """Folded tokens with articles removed (kept when nothing else is left)."""
    toks = fold(text).split()
    kept = [t for t in toks if t not in ARTICLES]
    return kept or toks


def _key_token(tok: str) -> str:
    # spelling variants that never distinguish two places: doubled letters, a final -h
    # after a vowel ("Raqqah" = "Raqqa" = "Raqa"), "ou" for "u" ("Baghouz" = "Baghuz")
    if tok.isdigit() or len(tok) < 3:
        return tok
    tok = _REPEAT.sub(r"\1", tok).replace("ou", "u")
    if len(tok) > 3 and tok.endswith("h") and tok[-2] in "aeiou":
        tok = tok[:-1]
    return tok


def name_key(text: str) -> str:
    return " ".join(_key_token(t) for t in tokens(text))


@lru_cache(maxsize=200_000)
def keys(text: str) -> tuple[str, str]:
    """(name_key, skeleton_key) of a name, sharing the tokenisation."""
    toks = tokens(text)
    return " ".join(_key_token(t) for t in toks), " ".join(_skeleton_token(t) for t in toks)


def _skeleton_token(tok: str) -> str:
    if tok.isdigit():
        return tok
    for a, b in _SKELETON_SUBS:
        tok = tok.replace(a, b)
    tok = _REPEAT.sub(r"\1", tok)
    if len(tok) > 2 and tok.endswith("h") and tok[-2] in "aeiouy":
        tok = tok[:-1]
    return _VOWELS.sub("a", _VOWEL_W.sub("a", tok))


def skeleton_key(text: str) -> str:
    return " ".join(_skeleton_token(t) for t in tokens(text))
