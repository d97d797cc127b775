"""What a normaliser needs to know about where an expression stands: the anchor (publication
date), the tense of its clause, and the last date the text mentioned (for anaphora such as
"the following month")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from .calendar import Norm
from .lexicon import FUTURE_CUE, PAST_CUE

_NOT_PAST = {
    "united",
    "hundred",
    "need",
    "red",
    "speed",
    "bed",
    "seed",
    "feed",
    "based",
    "armed",
    "called",
    "so-called",
    "named",
    "backed",
    "allied",
    "limited",
    "detailed",
    "proposed",
}
_NEAR = 30  # characters between a tense cue and an expression it governs
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?$", re.I)
_AUX_BEFORE = re.compile(r"\b(?:be|to|will|would|shall)\s+$", re.I)
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n\s*\n")


_ABBREV_END = re.compile(
    r"(?:\b[ap]\.m|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K)|\b[A-Z])\.[\"”’']?\s*$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Fallback sentence bounds when the caller gives none."""
    bounds, start = [], 0
    for m in _SENT_SPLIT.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def merge_abbreviations(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin sentences split after "a.m." or "Gen.": tense cues must see the whole clause."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(bounds):
        if (
            out
            and _ABBREV_END.search(text[max(out[-1][0], out[-1][1] - 12) : out[-1][1]])
            and text[out[-1][1] : s].strip() == ""
            and "\n\n" not in text[out[-1][1] : s]
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@dataclass
class Ctx:
    text: str
    anchor: date | None
    bounds: list[tuple[int, int]]
    ref: Norm | None = None
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.bounds = merge_abbreviations(self.text, self.bounds) or [(0, len(self.text))]
        self._starts = [s for s, _ in self.bounds]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        s, e = self.bounds[i]
        return (s, e) if s <= pos < max(e, s + 1) else (max(0, pos - 300), min(len(self.text), pos + 300))

    def direction(self, start: int, end: int) -> int:
        """-1 when the clause around [start, end) is past (or unmarked), +1 when future."""
        return self.tense(start, end)[0]

    def tense(self, start: int, end: int) -> tuple[int, bool]:
        """(direction, explicit): the nearest tense cue before the expression decides; without
        one, the nearest after it ("On Tuesday, the council will vote"); without any, past
        (news reports what happened). Explicit only when the cue is near enough to be the
        expression's own verb ("attacked on 5 May", not "invited ... to a ceremony on March 12")."""
        s, e = self.sentence(start)
        before, after = self.text[s:start], self.text[end : max(e, end)]
        if _SINCE_BEFORE.search(before):
            return -1, True  # "since March": always on or before the time of writing
        cues = _cues(before)
        if cues:
            pos, kind = cues[-1]
            return kind, len(before) - pos <= _NEAR
        cues = _cues(after)
        if cues:
            pos, kind = cues[0]
            return kind, pos <= _NEAR
        return -1, False

    def prev_word(self, pos: int) -> str:
        m = re.search(r"([\w’'-]+)[^\w\n]{0,3}$", self.text[max(0, pos - 40) : pos])
        return m[1] if m else ""

    def next_word(self, pos: int) -> str:
        m = re.match(r"[ \t]+([\w’'-]+)", self.text[pos : pos + 40])
        return m[1] if m else ""

    def sentence_initial(self, pos: int) -> bool:
        s, _ = self.sentence(pos)
        return not re.search(r"\w", self.text[s:pos]) or bool(re.search(r"[.!?:\"“]\s*$", self.text[s:pos]))


def _cues(segment: str) -> list[tuple[int, int]]:
    out, future_spans = [], []
    for m in FUTURE_CUE.finditer(segment):
        out.append((m.start(), 1))
        future_spans.append((m.start(), m.end()))
    for m in PAST_CUE.finditer(segment):
        if m[0].lower() in _NOT_PAST or any(a <= m.start() < b for a, b in future_spans):
            continue
        if m.start() > 0 and segment[m.start() - 1] in "-‐":  # "US-backed", "Kurdish-led"
            continue
        if _AUX_BEFORE.search(segment, max(0, m.start() - 8), m.start()):  # "will be held", "to be signed"
            continue
        out.append((m.start(), -1))
    return sorted(out)
