"""Dates benchmark: temporal expressions on TempEval-3, event dates on ACLED notes (../shared/data).

    .venv/bin/python benchmarks/time.py [--data DIR] [--sets tempeval,acled] [--split dev|test|both]
                                        [--errors N]

TempEval-3 Task A (timex part): TBAQ-cleaned (TimeBank + AQUAINT) is the development split,
te3-platinum the test split. Each ``.tml`` file's ``<TEXT>`` is stripped of its tags, which gives
the plain text and the character offsets of each gold ``TIMEX3``; the text goes through
``fieldreport.dates.timexes_in(text, dct)`` with the document creation time (``<DCT>``) as the
publication date and no sentence bounds (the fallback splitter finds them). Scored as the
official TE3 scorer scores timexes, but on characters rather than tokens:

* strict: same extent (start and end, after the gold's surrounding whitespace is trimmed);
* relaxed: extents overlap, one gold to one prediction (greedy, in text order);
* P = matched / predicted, R = matched / gold, F1 their harmonic mean;
* value F1: as TE3's attribute F1, P and R counting only relaxed matches whose value is the gold
  value (string equality), i.e. relaxed F1 x value accuracy on the relaxed matches;
* type accuracy: share of the relaxed matches with the gold type.

Published (UzZaman et al. 2013, table 3, platinum): HeidelTime-t relaxed F1 90.30 (P 93.08,
R 87.68), strict F1 81.34, value F1 77.61.

ACLED notes (``acled_africa_2016.dev.csv``): each note, anchored on the last day of the month of
its EVENT_DATE (the notes carry no publication date; the last day of the month tells the month
and year but not the day), split into sentences by ``fieldreport.dates.context.split_sentences``
(one paragraph), then ``event_date`` of its first sentence (the one that reports the coded
event), as the pipeline calls it. A note *states a day* when it holds a day of the month with a
month (``25 May``, ``May 25``, ``16 JAN``) or a numeric day/month (``01/03``); its event date is
scored against EVENT_DATE (dd/mm/yyyy): exactly right, within one day. Notes that name only a
weekday cannot be dated without the publication date and are counted apart.
Nothing here is copied into the repository.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldreport.dates import event_date, governing_timex, timexes_in  # noqa: E402
from fieldreport.dates.context import split_sentences  # noqa: E402
from fieldreport.records import PER_DAY_MAX, Article, Sentence  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
HEIDELTIME = {
    "relaxed F1": 90.30,
    "relaxed P": 93.08,
    "relaxed R": 87.68,
    "strict F1": 81.34,
    "value F1": 77.61,
}
SPLITS = {"dev": ("TBAQ-cleaned/TimeBank", "TBAQ-cleaned/AQUAINT"), "test": ("te3-platinum",)}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    dct: str
    golds: tuple[Gold, ...]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def load_tml(path: Path) -> Doc:
    """The plain text of ``<TEXT>``, its DCT and its gold timexes with character offsets."""
    root = ET.parse(path).getroot()
    dct = ""
    for el in root.iter():
        if _local(el.tag) == "DCT":
            for t in el.iter():
                if _local(t.tag) == "TIMEX3":
                    dct = t.get("value", "")
    text_el = next(el for el in root.iter() if _local(el.tag) == "TEXT")
    parts: list[str] = []
    golds: list[Gold] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if _local(el.tag) == "TIMEX3" and el is not text_el:
            raw = "".join(parts)[start:pos]
            s = start + len(raw) - len(raw.lstrip())
            e = pos - (len(raw) - len(raw.rstrip()))
            if e > s:
                golds.append(Gold(s, e, "".join(parts)[s:e], el.get("type", ""), el.get("value", "")))

    walk(text_el)
    return Doc(path.stem, "".join(parts), dct, tuple(golds))


def load_split(data: Path, split: str) -> list[Doc]:
    docs = []
    for sub in SPLITS[split]:
        docs += [load_tml(p) for p in sorted((data / "tempeval3" / sub).glob("*.tml"))]
    return docs


# --- scoring --------------------------------------------------------------------------------------


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0


def _prf(match: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Errors:
    missed: Counter[str]
    spurious: Counter[str]
    wrong_value: Counter[str]
    wrong_extent: Counter[str]


def score(docs: Iterable[Doc]) -> tuple[Tally, dict[str, Tally], Errors, float]:
    total, by_type = Tally(), {}
    errors = Errors(Counter(), Counter(), Counter(), Counter())
    seconds = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        pred = list(timexes_in(doc.text, doc.dct))
        seconds += time.perf_counter() - t0
        total.gold += len(doc.golds)
        total.pred += len(pred)
        used: set[int] = set()
        for g in doc.golds:
            bt = by_type.setdefault(g.type, Tally())
            bt.gold += 1
            match = next(
                (i for i, p in enumerate(pred) if i not in used and p.start < g.end and g.start < p.end), None
            )
            if match is None:
                errors.missed[f"{g.text!r} {g.type} {g.value}"] += 1
                continue
            used.add(match)
            p = pred[match]
            total.relaxed += 1
            bt.relaxed += 1
            if (p.start, p.end) == (g.start, g.end):
                total.strict += 1
                bt.strict += 1
            else:
                errors.wrong_extent[f"{p.text!r} for {g.text!r}"] += 1
            if p.value == g.value:
                total.value += 1
                bt.value += 1
            else:
                errors.wrong_value[f"{g.text!r}: {p.value} for {g.value} (dct {doc.dct})"] += 1
            if p.type == g.type:
                total.type += 1
                bt.type += 1
        for i, p in enumerate(pred):
            if i not in used:
                errors.spurious[f"{p.text!r} {p.type} {p.value}"] += 1
    return total, by_type, errors, seconds


def tempeval_table(name: str, docs: list[Doc]) -> tuple[str, Errors]:
    total, by_type, errors, seconds = score(docs)
    sp, sr, sf = _prf(total.strict, total.pred, total.gold)
    rp, rr, rf = _prf(total.relaxed, total.pred, total.gold)
    _, _, vf = _prf(total.value, total.pred, total.gold)
    type_acc = 100 * total.type / total.relaxed if total.relaxed else 0.0
    value_acc = 100 * total.value / total.relaxed if total.relaxed else 0.0
    lines = [
        f"### TempEval-3 {name}: {len(docs)} documents ({seconds:.2f} s)",
        "",
        "| gold | predicted | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
        "| value F1 | value acc. | type acc. |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {total.gold} | {total.pred} | {sp:.2f} | {sr:.2f} | {sf:.2f} | {rp:.2f} | {rr:.2f} | {rf:.2f} "
        f"| {vf:.2f} | {value_acc:.2f} | {type_acc:.2f} |",
        "",
        "| gold type | gold | relaxed R | strict R | value acc. | type acc. |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t, bt in sorted(by_type.items(), key=lambda kv: -kv[1].gold):
        rel = bt.relaxed or 1
        lines.append(
            f"| {t} | {bt.gold} | {100 * bt.relaxed / bt.gold:.1f} | {100 * bt.strict / bt.gold:.1f} "
            f"| {100 * bt.value / rel:.1f} | {100 * bt.type / rel:.1f} |"
        )
    return "\n".join(lines), errors


def error_lists(errors: Errors, n: int) -> str:
    out = []
    for title, counter in (
        ("missed (gold text, type, value)", errors.missed),
        ("spurious (text, type, value)", errors.spurious),
        ("wrong value", errors.wrong_value),
        ("wrong extent (predicted for gold)", errors.wrong_extent),
    ):
        out.append(f"\n{title}: {sum(counter.values())}")
        out += [f"  {k} x{c}" for k, c in counter.most_common(n)]
    return "\n".join(out)


# --- ACLED notes ----------------------------------------------------------------------------------

_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
STATES_DAY = re.compile(
    rf"(?i)\b(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b|{_MON}\.?\s+[0-3]?\d(?:st|nd|rd|th)?\b(?!\d)|"
    r"[0-3]?\d/[01]?\d(?:/\d{2,4})?\b)"
)
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _anchor(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


@dataclass(frozen=True)
class NoteDate:
    date: str | None
    precision: int | None
    evidence: str | None
    days: tuple[str, ...]  # the days of the events the pipeline makes: one per day of a short range


def note_date(note: str, anchor: date) -> NoteDate:
    """The event date of the first sentence that has a date of its own (a note often opens with
    what happened and dates it in the next sentence), else of the first sentence (which then
    falls back on the anchor, at week precision). ``days``: the dates of the events fusion makes
    of it, one per day of a stated range of at most ``fuse.PER_DAY_MAX`` days."""
    art = Article(
        article_id="n", content_hash="n", origin="acled", fmt="txt", raw=note, text=note,
        published=anchor.isoformat(),
    )  # fmt: skip
    bounds = split_sentences(note)
    sentences = [Sentence(i, s, e, note[s:e], 0) for i, (s, e) in enumerate(bounds)]
    tx = timexes_in(note, anchor.isoformat(), bounds)
    first = next((s for s in sentences if governing_timex(s, tx, art, sentences) is not None), sentences[0])
    ed = event_date(first, tx, art, sentences)
    days = ed.days()
    if len(days) > PER_DAY_MAX:
        days = [ed.date] if ed.date else []
    return NoteDate(ed.date, ed.precision, ed.evidence, tuple(days))


def _pct(n: int, total: int) -> str:
    return f"{100 * n / max(total, 1):.2f}% ({n})"


def acled_table(path: Path, n_errors: int) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    exact = near = single = stated = weekday_only = wd_exact = n_days = 0
    precision: Counter[str] = Counter()
    misses: list[str] = []
    t0 = time.perf_counter()
    for r in rows:
        gold = date(*reversed([int(x) for x in r["EVENT_DATE"].split("/")]))
        note = r["NOTES"]
        if STATES_DAY.search(note):
            kind = "day"
        elif WEEKDAY.search(note):
            kind = "weekday"
        else:
            continue
        nd = note_date(note, _anchor(gold))
        ok = gold.isoformat() in nd.days
        if kind == "weekday":
            weekday_only += 1
            wd_exact += ok
            continue
        stated += 1
        precision[str(nd.precision)] += 1
        exact += ok
        single += nd.date == gold.isoformat()
        n_days += len(nd.days)
        near += any(abs((date.fromisoformat(d) - gold).days) <= 1 for d in nd.days)
        if not ok:
            misses.append(f"  {gold} got {nd.date} p{nd.precision} from {nd.evidence!r}: {note[:160]!r}")
    seconds = time.perf_counter() - t0
    dist = ", ".join(f"{k}: {v}" for k, v in sorted(precision.items()))
    lines = [
        f"### ACLED notes ({path.name}): {len(rows)} notes ({seconds:.2f} s)",
        "",
        "Anchor (publication date): the last day of the month of EVENT_DATE.",
        "",
        "| notes that state a day | exact day | within 1 day | one date per note, exact "
        "| events per note | time_precision of the one date |",
        "|---:|---:|---:|---:|---:|---|",
        f"| {stated} | {_pct(exact, stated)} | {_pct(near, stated)} | {_pct(single, stated)} "
        f"| {n_days / max(stated, 1):.3f} | {dist} |",
        "",
        "exact day: one of the events the pipeline makes of the note (one per day of a stated range "
        f"of at most {PER_DAY_MAX} days, as ACLED codes multi-day fighting) is on EVENT_DATE. "
        "One date per note: the single date the note's first dated sentence gets (a range's middle).",
        "",
        f"Notes naming only a weekday: {weekday_only}, exact day {wd_exact} "
        "(the anchor cannot place a weekday).",
    ]
    if n_errors:
        lines += ["", f"misses (first {n_errors}):", *misses[:n_errors]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", default="tempeval,acled")
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both", help="TempEval-3 split")
    ap.add_argument("--errors", type=int, default=0, help="list the N most frequent errors")
    args = ap.parse_args(argv)
    sets = {s.strip() for s in args.sets.split(",") if s.strip()}
    if not args.data.is_dir():
        print(f"No data folder {args.data}", file=sys.stderr)
        return 2
    if "tempeval" in sets:
        for split in ("dev", "test") if args.split == "both" else (args.split,):
            name = "TBAQ-cleaned (dev)" if split == "dev" else "platinum (test)"
            table, errors = tempeval_table(name, load_split(args.data, split))
            print(table)
            if split == "test":
                print(
                    "\nHeidelTime-t (published, platinum): "
                    + ", ".join(f"{k} {v}" for k, v in HEIDELTIME.items())
                )
            if args.errors:
                print(error_lists(errors, args.errors))
            print()
    if "acled" in sets:
        print(acled_table(args.data / "acled_africa_2016" / "acled_africa_2016.dev.csv", args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
