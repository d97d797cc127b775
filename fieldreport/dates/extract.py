"""find_timexes: run the rules, keep the longest non-overlapping matches, normalise them in
document order (so anaphora see the dates before them), then join ranges."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..records import Article, Sentence, Timex
from .calendar import DAY, Norm, parse_anchor
from .context import Ctx, split_sentences
from .lexicon import REPORTING
from .rules import RULES, Rule

_SINCE = re.compile(r"\b(?i:ever\s+)?(?i:since)\s+$")
_RANGE_OPEN = re.compile(r"\b(?i:from|between)\s+$")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|(?i:to|until|till|through|and))\s*$")
# "clashes began on 18 March and lasted until the morning of 19 March", "starting Mar 9 and
# into the morning of Mar 10", "Beginning 04/01, riders protest over a tariff until 07/01"
_RANGE_UNTIL = re.compile(
    r"[^.;!?]{0,60}?\b(?i:until|till|into|through)\s+"
    r"(?:(?i:the\s+(?:early\s+)?(?:morning|evening|night|afternoon|hours))\s+(?:of\s+)?)?"
)
_MAX_RANGE_DAYS = 62
_CLOCK = re.compile(r"T\d\d:\d\d$")
_CLOCK_DAY = re.compile(r"\s*(?:\(?(?:[A-Z]{2,4}|(?i:local\s+time))\)?\s*)?(?:,\s*|(?i:on)\s+)?")
_DAY_CLOCK = re.compile(r"\s*,?\s*(?:(?i:at|around|about)\s+)?")


def find_timexes(article: Article, sentences: Sequence[Sentence] = ()) -> tuple[Timex, ...]:
    """Temporal expressions in ``article.text``, normalised against ``article.published``."""
    return timexes_in(article.text, article.published, [(s.start, s.end) for s in sentences])


def timexes_in(text: str, published: str | None, bounds: Sequence[tuple[int, int]] = ()) -> tuple[Timex, ...]:
    """The same on plain text: ``bounds`` are sentence (start, end) offsets, found when empty."""
    ctx = Ctx(text, parse_anchor(published), list(bounds) or split_sentences(text))
    spans = _select(_candidates(ctx))
    out: list[tuple[int, int, Norm]] = []
    for start, end, rule, m in spans:
        norm = rule.normalise(m, ctx)
        out.append((start, end, norm))
        if norm.gran is not None and re.match(r"\d{3}", norm.value):
            ctx.ref = norm
    out = _bracketed(text, _join_ranges(text, ctx.anchor, _since(text, ctx.anchor, _join_clock(text, out))))
    out = _reported_past(ctx, out)
    return tuple(_to_timex(text, s, e, n) for s, e, n in out)


def _join_clock(text: str, items: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """ "9 a.m. Tuesday", "Sunday at 3 p.m.": one TIME on that day."""
    out: list[tuple[int, int, Norm]] = []
    for start, end, n in items:
        if out:
            ps, pe, p = out[-1]
            gap = text[pe:start]
            clock, day = (p, n) if _CLOCK.search(p.value) else (n, p)
            pattern = _CLOCK_DAY if clock is p else _DAY_CLOCK
            if _CLOCK.search(clock.value) and day.precision == 1 and day.date and pattern.fullmatch(gap):
                hm = _CLOCK.search(clock.value)[0]
                joined = Norm("TIME", day.date.isoformat() + hm, day.date, 1, day.range_end, day.gran)
                out[-1] = (ps, end, joined)
                continue
        out.append((start, end, n))
    return out


def _bracketed(text: str, items: list[Item]) -> list[Item]:
    """ "yesterday [9 February]", "on Saturday (28 May)", "today, 19 January", "the past two days
    (24/05 and 25/05)": a written date in apposition to a relative expression is what the
    expression means; both keep their span."""
    out = list(items)
    for i in range(len(out) - 1):
        (s1, e1, a), (s2, e2, b) = out[i], out[i + 1]
        if b.precision != 1 or b.date is None or re.search(r"\d", text[s1:e1]):
            continue  # only a relative expression ("yesterday") takes the date a written one gives
        gap = text[e1:s2]
        bracket = re.fullmatch(r"\s*[\[(]\s*", gap) and re.match(r"\s*[\])]", text[e2 : e2 + 3])
        opened = re.fullmatch(r"\s*[\[(]\s*", gap)
        if a.type == "DURATION" and a.range_end and opened and re.match(r"[^()\[\]]{0,30}[\])]", text[e2:]):
            out[i] = (s1, e1, Norm(a.type, a.value, b.date, 1, b.range_end, a.gran))
            continue
        if a.type not in ("DATE", "TIME") or a.gran != DAY:
            continue
        if not bracket and not re.fullmatch(r"\s*,\s*|\s+on\s+", gap):
            continue
        part = re.search(r"T.*$", a.value) if a.type == "TIME" else None
        value = b.date.isoformat() + (part[0] if part else "")
        out[i] = (s1, e1, Norm(a.type, value, b.date, 1, a.range_end, a.gran))
    return out


def _reported_past(ctx: Ctx, items: list[Item]) -> list[Item]:
    """ "36 were killed over the past two days, the army said on Saturday": the days are counted
    back from the dated statement, not from the publication date."""
    out = list(items)
    for i, (s1, e1, a) in enumerate(out):
        if a.type != "DURATION" or a.date is None or a.range_end is None or a.range_end != ctx.anchor:
            continue
        _, sentence_end = ctx.sentence(s1)
        for s2, _, b in out[i + 1 :]:
            if s2 >= sentence_end:
                break
            said = REPORTING.search(ctx.text[max(e1, s2 - 60) : s2])
            if said and b.precision == 1 and b.date is not None and b.date < ctx.anchor and not b.range_end:
                first = b.date - (a.range_end - a.date)
                out[i] = (s1, e1, Norm(a.type, a.value, first, 1, b.date, a.gran))
                break
    return out


def _candidates(ctx: Ctx) -> list[tuple[int, int, int, Rule, re.Match[str]]]:
    found = []
    for prio, rule in enumerate(RULES):
        for m in rule.pattern.finditer(ctx.text):
            if m.end() <= m.start() or not m[0].strip():
                continue
            if rule.accept is None or rule.accept(m, ctx):
                start, end = _trim(ctx.text, m.start(), m.end())
                found.append((start, end, prio, rule, m))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


Found = tuple[int, int, Rule, re.Match[str]]
Item = tuple[int, int, Norm]


def _select(found: list[tuple[int, int, int, Rule, re.Match[str]]]) -> list[Found]:
    """Longest first (then rule order), never overlapping; returned in text order."""
    taken: list[Found] = []
    for start, end, _, rule, m in sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, rule, m))
    return sorted(taken, key=lambda t: t[0])


def _since(text: str, anchor: date | None, items: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """ "since Sunday": the span takes "since" and, for a day, covers it up to the anchor."""
    out = []
    for start, end, n in items:
        m = _SINCE.search(text, max(0, start - 16), start)
        if m and n.type in ("DATE", "TIME") and n.date is not None and m.end() == start:
            start = m.start()
            if n.precision == 1 and n.range_end is None and anchor is not None and n.date <= anchor:
                n = Norm(n.type, n.value, n.date, n.precision, anchor, n.gran)
        out.append((start, end, n))
    return out


def _join_ranges(text: str, anchor: date | None, items: list[Item]) -> list[Item]:
    """ "from Friday to Sunday", "between March 1 and March 3": the first day covers the range."""
    items = list(items)
    for i in range(len(items) - 1):
        (s1, e1, a), (s2, _, b) = items[i], items[i + 1]
        if a.precision != 1 or a.date is None or a.range_end:
            continue
        if i + 2 < len(items) and not re.search(r"\d", text[s2 : items[i + 1][1]]):
            # "began the evening of 07/03, and continued overnight into the morning of 08/03"
            s3, _, c = items[i + 2]
            if c.precision == 1 and c.date and 0 < (c.date - a.date).days <= 2:
                if _RANGE_UNTIL.fullmatch(text[e1:s3]):
                    items[i] = (s1, e1, Norm(a.type, a.value, a.date, 1, c.date, a.gran))
                    continue
        if b.precision != 1 or b.date is None:
            continue
        if not (0 < (b.date - a.date).days <= _MAX_RANGE_DAYS):
            continue
        if not _RANGE_JOIN.fullmatch(text[e1:s2]):
            if _RANGE_UNTIL.fullmatch(text[e1:s2]):
                items[i] = (s1, e1, Norm(a.type, a.value, a.date, 1, b.date, a.gran))
            continue
        consecutive = (b.date - a.date).days == 1  # "on 31 January and 1 February": both days
        if (
            _RANGE_OPEN.search(text, max(0, s1 - 10), s1)
            or text[e1:s2].strip() in {"-", "–", "—"}
            or consecutive
        ):
            items[i] = (s1, e1, Norm(a.type, a.value, a.date, 1, b.date, a.gran))
    return items


def _to_timex(text: str, start: int, end: int, n: Norm) -> Timex:
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=n.type,
        value=n.value,
        date=n.date.isoformat() if n.date else None,
        precision=n.precision,
        range_end=n.range_end.isoformat() if n.range_end else None,
    )
