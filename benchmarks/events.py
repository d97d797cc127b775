"""Event benchmark on CASE 2021 task 2, ACLED Africa 2016 notes, a UCDP GED sample and
IndiaPoliceEvents (../shared/data; read its README), printed as markdown tables.

    .venv/bin/python benchmarks/events.py [--data DIR] [--sets case,acled,ucdp,ipe] [--limit N]
                                          [--notes-limit N] [--errors N] [--dump FILE] [--geo-focus X]

Halves: every item is in the "tune" or the "check" half of benchmarks/split.py by its id (CASE: the
snippet id; ACLED: EVENT_ID_CNTY; UCDP: id; IndiaPoliceEvents: doc_id), and every table has a
column per half and one for all items. Read the tune half's errors and write rules from them; the
check half is only ever read as figures. ``--errors N`` examples and ``--dump`` lines come from the
tune half alone. ``--limit N`` takes the first N items of each file (file order), then splits them.

CASE 2021 task 2 (snippets, 30 classes): each snippet through ``fieldreport.classify`` exactly as
``fieldreport classify`` runs it; our names map to the dataset's labels by ``CASE_LABELS`` (a
one-to-one table); no event (null) is its own prediction "NONE", always wrong. Accuracy, F1
weighted by gold support and macro F1 over the gold classes of the items counted. A second pass
over the same analysis says whether an error is detection or selection: "any mention" counts a
snippet right when any of its ACLED mentions (or, for the five other classes, any cue of
``events.other``) has the gold class, an upper bound for the main-event rule.

ACLED Africa 2016 (NOTES), note by note: each note analysed as an article published on the last
day of the month of its EVENT_DATE (the notes carry no date; as benchmarks/time.py does), its main
event chosen by ``classify.main_mention`` (first violent mention, else first; the five non-ACLED
classes are not used: every ACLED row is an ACLED event).
- coarse type, old taxonomy -> ours (``OLD_TYPES``): Battle-* -> Battles; Remote violence ->
  Explosions/Remote violence; Violence against civilians -> same; Riots/Protests -> Protests or
  Riots, either counts (the old type is one class for both; ACLED split it in 2019); Strategic
  development, Non-violent transfer of territory, Headquarters or base established -> Strategic
  developments. A note with no mention counts as wrong. ACLED's 2019 taxonomy moved two kinds of
  the old Violence against civilians out of it (``RECODED_2019``): mob violence (now Riots) and
  excessive force against protesters (now Protests); such a note typed with either sub-event
  type counts as right. "strict" is the share without that re-coding.
- actor: ACTOR1 against our actor1, both normalised (lower case, "(2012-)" periods and
  punctuation dropped); a match is the same normalised name, or ACTOR1 resolving through our
  actor dictionary to our actor1's name (alias), or one name containing the other. "either side"
  also accepts our actor2 (ACLED: "Actor 1 and Actor 2 do not imply directionality").
- fatalities: FATALITIES against the deaths of the event the main mention belongs to once
  ``fuse.run`` has fused the note's mentions, as the pipeline stores it (ACLED's row is an event,
  not a sentence; a note is one article); of its report for EVENT_DATE when fusion split a
  short range over days. No mention counts as 0 dead. "main mention's own claims" is the figure
  of the main mention alone by fuse.py's rule (``fuse.fatalities``), the measure before.
- location: our main mention's point within 25 km of LATITUDE/LONGITUDE; "any place" is the
  share of notes where any resolved place the note names is within 25 km (the geoparser's bound).

ACLED notes through the product path (``--notes-limit N``, default 1000; 0 skips it): the first N
notes of each half in the fixed order (sha256 of EVENT_ID_CNTY) are written to a JSONL file, one
line per note ``{id: EVENT_ID_CNTY, text: NOTES, published: the last day of its month}``, and that
file goes through ``fieldreport.run`` (the ``--geo-focus`` setting, nothing else) into a fresh
DuckDB database, one per half, exactly as a user would run it; the events are read back with
``fieldreport.read_events``. A note's events are those with a mention (copied ones too: a
near-duplicate note carries its original's evidence) whose article's ``source_id`` (the articles
table) is the note's id. Its main event is chosen by the same rule as note by note: the note's
main mention (``classify.main_mention`` over the mentions the pipeline stored for the note's
article, or for the article it is a near-duplicate of), then the event that mention was fused
into (its report for EVENT_DATE when fusion split it over days); when that mention is in no event
but the note has events, the one with most deaths, else the first by date ("fallback"). The
measures are the note-by-note ones, taken on the event as stored: its coarse type (strict and with
the 2019 recode), its fatalities exact, its point within 25 km. Also: notes rejected (the
``rejects`` table, by the line of the JSONL file), notes not stored at all (same text as a note
already stored), notes that are a near-duplicate of another, notes that yielded no event, notes
whose main event also holds another note's mentions (fused across notes), and the main mention's
own coarse type as stored (the analysis inside the pipeline, before fusion). The note-by-note
figures beside them are on the same notes.

UCDP GED sample: rows whose source_headline states a number of dead (``_STATES_DEAD``: a number,
digits or words, and a death word) are analysed, each ";"-separated headline as its own article
(published on date_start) with where_description as a second paragraph; the main mention of each
headline is fused with fuse.py's rule (lowest count across sources); right when low <= ours <= high.

IndiaPoliceEvents (KILL): each article analysed (published: its metadata date). The gold KILL
label means police killed someone, so a sentence is predicted KILL when it holds a killing done
by the police as our output records it: a killed claim with a count > 0 (its phrase starts in the
sentence) of a violent mention, or of excessive force against protesters (``_deadly``), whose
side that used force is a police force (``police_killed``: actor1, or actor2 for excessive force,
as ACLED names the protesters actor1 there; ``is_police``: inter 1 and "police" in the actor's
name, "Police Forces of India" or "police" kept as written) and whose victims are not the police
(a battle names state forces first, whoever attacked); or the trigger of such a mention when the
trigger is a killing word (``detect``'s "kill" triggers: killed, shot dead, lynched...). "any
killer" (any killed claim or kill trigger, the rule before actors were used) is a diagnostic of
detection. The gold sentences are located in the article text in order; ours map to them by
character offsets. A document is KILL when any sentence is. Nothing here is copied into the
repository.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import duckdb  # noqa: E402
from split import HALVES, half  # noqa: E402

import fieldreport  # noqa: E402
from fieldreport import nlp  # noqa: E402
from fieldreport.classify import classify, main_mention  # noqa: E402
from fieldreport.events import detect as d  # noqa: E402
from fieldreport.events import other  # noqa: E402
from fieldreport.events.taxonomy import is_violent  # noqa: E402
from fieldreport.fuse import fatalities  # noqa: E402
from fieldreport.fuse import run as fuse_run  # noqa: E402
from fieldreport.geo.gazetteer import distance_km  # noqa: E402
from fieldreport.pipeline import Resources, analyse  # noqa: E402
from fieldreport.records import Analysed, Article, Mention  # noqa: E402
from fieldreport.settings import Config  # noqa: E402

DEFAULT_DATA = BENCH.parent.parent / "shared" / "data"
SETS = ("case", "acled", "ucdp", "ipe")
GROUPS = (*HALVES, "all")

# our sub_event_type -> CASE 2021 task 2 label (one to one)
CASE_LABELS = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protestors": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    other.NATURAL: "NATURAL_DISASTER",
    other.MAN_MADE: "MAN_MADE_DISASTER",
    other.CRIME: "ORG_CRIME",
    other.DIPLOMATIC: "DIPLO",
    other.ATTRIBUTION: "ATTRIB",
}
NONE = "NONE"

# old ACLED event type -> the event types of ours that count as right
OLD_TYPES = {
    "Battle-No change of territory": {"Battles"},
    "Battle-Government regains territory": {"Battles"},
    "Battle-Non-state actor overtakes territory": {"Battles"},
    "Remote violence": {"Explosions/Remote violence"},
    "Violence against civilians": {"Violence against civilians"},
    "Riots/Protests": {"Protests", "Riots"},
    "Strategic development": {"Strategic developments"},
    "Non-violent transfer of territory": {"Strategic developments"},
    "Headquarters or base established": {"Strategic developments"},
}

# Old types whose events ACLED's 2019 taxonomy moved elsewhere: these sub-event types of ours are
# where such events are now coded.
RECODED_2019 = {"Violence against civilians": {"Excessive force against protestors", "Mob violence"}}

DUMP = None  # --dump: an open file for per-item results of the tune half

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?|scores?"
)
_STATES_DEAD = (
    re.compile(rf"\b(?:\d+|{_NUMBER_WORDS})\b", re.I),
    re.compile(
        r"\b(?:kill\w*|dead|died|dies|deaths?|perish\w*|slain|massacre\w*|execut\w*|lives|bodies|martyr\w*)\b",
        re.I,
    ),
)
_KILL_WORDS = [rx for rx, _, kind, _ in d.TRIGGERS if kind == "kill"]


def _pct(num: float, den: float) -> str:
    return f"{100 * num / den:.1f}" if den else "-"


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _article(key: str, text: str, published: str | None = None) -> Article:
    return Article(
        article_id=key, content_hash=key, origin=key, fmt="txt", raw=text, text=text, published=published
    )


def _analysed(arts: Sequence[Article], cfg: Config, res: Resources) -> Iterator[tuple[nlp.Parsed, Analysed]]:
    for p in nlp.parse(arts, cfg):
        yield p, analyse(p, res)


def _limited(rows: Iterable[dict], limit: int) -> list[dict]:
    out = []
    for r in rows:
        if limit and len(out) >= limit:
            break
        out.append(r)
    return out


def _by_group(halves: Sequence[str]) -> dict[str, list[int]]:
    """Indices of the items of each half, and of all items."""
    out: dict[str, list[int]] = {h: [i for i, x in enumerate(halves) if x == h] for h in HALVES}
    out["all"] = list(range(len(halves)))
    return out


def _table(rows: Sequence[tuple[str, Mapping[str, str]]], cols: Sequence[str] = GROUPS) -> None:
    """A markdown table: one row per measure, one column per half (and all)."""
    print("| measure | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for label, cells in rows:
        print(f"| {label} | " + " | ".join(cells.get(c, "-") for c in cols) + " |")


def _counts(counter: Counter[str]) -> str:
    return "; ".join(f"{k} {v}" for k, v in counter.most_common()) or "none"


# --- CASE 2021 task 2 ---------------------------------------------------------------------------


def f1_scores(
    gold: Sequence[str], pred: Sequence[str]
) -> tuple[dict[str, tuple[float, float, float, int]], float, float]:
    """Per gold class (P, R, F1, support), weighted F1, macro F1 (over the gold classes)."""
    classes = sorted(set(gold))
    per: dict[str, tuple[float, float, float, int]] = {}
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        np_, ng = sum(p == c for p in pred), sum(g == c for g in gold)
        pr, rc = (tp / np_ if np_ else 0.0), (tp / ng if ng else 0.0)
        per[c] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0, ng)
    n = len(gold)
    weighted = sum(f * s for _, _, f, s in per.values()) / n if n else 0.0
    macro = sum(f for _, _, f, _ in per.values()) / len(per) if per else 0.0
    return per, weighted, macro


def run_case(data: Path, cfg: Config, res: Resources, limit: int, errors: int, notes_limit: int) -> None:
    with open(data / "case2021_task2" / "case2021_task2.dev.tsv", encoding="utf-8", newline="") as f:
        rows = _limited(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), limit)
    halves = [half(r["id"]) for r in rows]
    lines = [json.dumps({"id": r["id"], "text": r["EventSnippet"]}) for r in rows]
    pred: list[str] = []
    for r, out in zip(rows, classify(lines, cfg), strict=True):
        assert out["id"] == r["id"], out
        sub = out.get("sub_event_type")
        pred.append(CASE_LABELS[sub] if sub else NONE)
    gold = [r["SubType"] for r in rows]
    if DUMP is not None:
        for r, h, g, p in zip(rows, halves, gold, pred, strict=True):
            if h == "tune":
                DUMP.write(json.dumps({"set": "case", "id": r["id"], "gold": g, "pred": p}) + "\n")
    # second pass: is the gold class among what the analysis found at all?
    any_hit: list[bool] = []
    arts = [_article(f"case-{r['id']}", r["EventSnippet"]) for r in rows]
    for g, (p, a) in zip(gold, _analysed(arts, cfg, res), strict=True):
        found = {CASE_LABELS[m.sub_event_type] for m in a.mentions}
        found |= {
            CASE_LABELS[o.sub_event_type] for o in other.detect(p.doc, p.sentences, d.year_of(None, p.doc))
        }
        any_hit.append(g in found)
    groups = _by_group(halves)
    scores = {k: f1_scores([gold[i] for i in ix], [pred[i] for i in ix]) for k, ix in groups.items()}

    def col(fn: Callable[[list[int], tuple[dict, float, float]], str]) -> dict[str, str]:
        return {k: fn(ix, scores[k]) for k, ix in groups.items()}

    print(f"## CASE 2021 task 2 ({len(rows)} snippets, {len(set(gold))} classes)\n")
    _table(
        [
            ("snippets", col(lambda ix, s: str(len(ix)))),
            ("accuracy", col(lambda ix, s: _pct(sum(gold[i] == pred[i] for i in ix), len(ix)))),
            ("weighted F1", col(lambda ix, s: f"{100 * s[1]:.1f}")),
            ("macro F1 (gold classes)", col(lambda ix, s: f"{100 * s[2]:.1f} ({len(s[0])})")),
            ("no event predicted", col(lambda ix, s: str(sum(pred[i] == NONE for i in ix)))),
            (
                "gold class among any mention/cue",
                col(lambda ix, s: _pct(sum(any_hit[i] for i in ix), len(ix))),
            ),
        ]
    )
    tune = groups["tune"]
    confusions: Counter[tuple[str, str]] = Counter((gold[i], pred[i]) for i in tune if gold[i] != pred[i])
    print(
        "\n| class | support (tune / check) | F1 tune | F1 check | F1 all | predicted (all) "
        "| most often predicted instead (tune) |"
    )
    print("|---|---|---:|---:|---:|---:|---|")
    for c, (_, _, f1_all, _) in sorted(scores["all"][0].items(), key=lambda kv: -kv[1][3]):
        cells = []
        for k in HALVES:
            per = scores[k][0]
            cells.append(f"{100 * per[c][2]:.0f}" if c in per else "-")
        support = " / ".join(str(scores[k][0][c][3]) if c in scores[k][0] else "0" for k in HALVES)
        instead = Counter({p: n for (g, p), n in confusions.items() if g == c}).most_common(3)
        shown = ", ".join(f"{p} {n}" for p, n in instead)
        f1s = " | ".join(cells)
        print(f"| {c} | {support} | {f1s} | {100 * f1_all:.0f} | {pred.count(c)} | {shown or '-'} |")
    print("\nTop confusions in the tune half (gold -> predicted):", end=" ")
    print("; ".join(f"{g} -> {p} ({n})" for (g, p), n in confusions.most_common(15)))
    if errors:
        print(f"\nFirst {errors} errors of the tune half:\n")
        shown_n = 0
        for i in tune:
            if gold[i] != pred[i] and shown_n < errors:
                print(f"- {rows[i]['id']} {gold[i]} -> {pred[i]}: {_short(rows[i]['EventSnippet'])}")
                shown_n += 1


# --- ACLED Africa 2016 notes -------------------------------------------------------------------


def norm_actor(name: str | None) -> str:
    name = re.sub(r"\(\d{4}-(?:\d{4})?\)", " ", (name or "").lower())
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def actor_match(gold: str, ours: str | None, res: Resources) -> bool:
    g, o = norm_actor(gold), norm_actor(ours)
    if not g or not o:
        return False
    if g == o or (len(o) > 3 and o in g) or (len(g) > 3 and g in o):
        return True
    alias = res.actors.resolve(gold)
    return alias is not None and alias.name == ours


@dataclass
class NoteScore:
    """One ACLED note scored on one path (note by note, or through the product)."""

    id: str
    half: str
    old_type: str
    ours: str = NONE  # our coarse type, NONE when no event
    found: bool = False  # a main mention (note by note) or a main event (product)
    type_ok: bool = False
    type_strict: bool = False
    gold_fat: int = 0
    fat: int = 0
    located: bool = False
    loc_ok: bool = False
    # note by note only
    actor1: bool = False
    either: bool = False
    fat_mention_ok: bool = False
    loc_any: bool = False
    fat_error: str | None = None
    loc_error: str | None = None
    # product path only
    rejected: str | None = None  # the reject's reason
    stored: bool = True
    duplicate: bool = False
    has_event: bool = False
    fallback: bool = False
    shared: bool = False  # the main event holds another note's mentions too
    far: bool = False  # ... of a note whose ACLED point is > 25 km from this note's
    other_type: bool = False  # ... of a note of another ACLED (old) event type
    mention_type_ok: bool = False
    event_notes: int = 0
    sub: str | None = None


def _acled_day(r: Mapping[str, str]) -> date:
    return date(*reversed([int(x) for x in r["EVENT_DATE"].split("/")]))  # dd/mm/yyyy


def _anchor(r: Mapping[str, str]) -> date:
    """The day a note is published on: the last day of its EVENT_DATE's month."""
    g = _acled_day(r)
    return date(g.year, g.month, calendar.monthrange(g.year, g.month)[1])


def _type_right(old: str, event_type: str | None, sub: str | None) -> tuple[bool, bool]:
    """(right with the 2019 recode, right strictly) for our coarse type and sub-event type."""
    strict = (event_type or NONE) in OLD_TYPES[old]
    return strict or (sub is not None and sub in RECODED_2019.get(old, ())), strict


def event_fatalities(a: Analysed, m: Mention, day: date) -> int:
    """Deaths of the event the main mention fuses into with the note's other mentions, as the
    pipeline stores it; of that event's report for ``day`` when fusion split it over days."""
    events, _ = fuse_run(a.mentions, {a.article.article_id: {"published": a.article.published}})
    mine = [e for e in events if m.mention_id in e.mention_ids]
    if not mine:
        return fatalities([m])[1]
    e = next((e for e in mine if e.event_date == day.isoformat()), mine[0])
    return e.fatalities or 0


def _fat_error(gold: int, m: Mention | None, best: int) -> str:
    if m is None:
        return "no mention" + (" (gold > 0)" if gold else "")
    if not any(c.kind == "killed" for c in m.claims):
        return "no killed claim on the main mention, gold > 0"
    if best > gold:
        return "ours > gold" if gold else "ours > 0, gold 0"
    return "ours < gold"


def _core_rows(scores: Sequence[NoteScore]) -> list[tuple[str, Callable[[Sequence[NoteScore]], str]]]:
    """The measures both paths share, as (label, scores -> cell)."""

    def share(pred: Callable[[NoteScore], bool]) -> Callable[[Sequence[NoteScore]], str]:
        return lambda xs: _pct(sum(pred(x) for x in xs), len(xs))

    def fat_pos(xs: Sequence[NoteScore]) -> str:
        pos = [x for x in xs if x.gold_fat > 0]
        return f"{_pct(sum(x.fat == x.gold_fat for x in pos), len(pos))} ({len(pos)})"

    return [
        ("notes", lambda xs: str(len(xs))),
        ("main mention / main event found", share(lambda x: x.found)),
        (
            "coarse type (strict)",
            lambda xs: f"{share(lambda x: x.type_ok)(xs)} ({share(lambda x: x.type_strict)(xs)})",
        ),
        ("fatalities exact", share(lambda x: x.fat == x.gold_fat)),
        ("fatalities exact, gold > 0 (n)", fat_pos),
        ("location <= 25 km", share(lambda x: x.loc_ok)),
    ]


def _note_by_note(
    rows: Sequence[dict], cfg: Config, res: Resources, errors: int
) -> tuple[list[NoteScore], dict[str, list[str]]]:
    arts = [_article(f"acled-{r['EVENT_ID_CNTY']}", r["NOTES"], _anchor(r).isoformat()) for r in rows]
    scores: list[NoteScore] = []
    examples: dict[str, list[str]] = defaultdict(list)  # of the tune half only
    for i, (r, (_, a)) in enumerate(zip(rows, _analysed(arts, cfg, res), strict=True)):
        s = NoteScore(id=r["EVENT_ID_CNTY"], half=half(r["EVENT_ID_CNTY"]), old_type=r["EVENT_TYPE"])
        tune = s.half == "tune"
        m = main_mention(a.mentions)
        s.found = m is not None
        s.ours = m.event_type if m else NONE
        s.sub = m.sub_event_type if m else None
        s.type_ok, s.type_strict = _type_right(s.old_type, s.ours, s.sub)
        if tune and not s.type_ok and len(examples[f"type {s.old_type} -> {s.ours}"]) < errors:
            examples[f"type {s.old_type} -> {s.ours}"].append(_short(r["NOTES"]))
        s.actor1 = m is not None and actor_match(r["ACTOR1"], m.actor1, res)
        s.either = s.actor1 or (m is not None and actor_match(r["ACTOR1"], m.actor2, res))
        s.gold_fat = int(r["FATALITIES"])
        s.fat_mention_ok = (fatalities([m])[1] if m else 0) == s.gold_fat
        s.fat = event_fatalities(a, m, _acled_day(r)) if m else 0
        if s.fat != s.gold_fat:
            s.fat_error = _fat_error(s.gold_fat, m, s.fat)
            if tune and len(examples[f"fatalities: {s.fat_error}"]) < errors:
                examples[f"fatalities: {s.fat_error}"].append(
                    f"gold {s.gold_fat}, ours {s.fat}: {_short(r['NOTES'])}"
                )
        if DUMP is not None and tune:
            row = {"set": "acled", "i": i, "id": s.id, "gold": s.old_type, "sub": s.sub, "ok": s.type_ok}
            row |= {"gold_fat": s.gold_fat, "fat": s.fat, "actor1": m.actor1 if m else None}
            DUMP.write(json.dumps(row) + "\n")
        glat, glon = float(r["LATITUDE"]), float(r["LONGITUDE"])
        loc = m.location if m else None
        if loc is not None and loc.latitude is not None and loc.longitude is not None:
            s.located = True
            s.loc_ok = distance_km(loc.latitude, loc.longitude, glat, glon) <= 25
            if not s.loc_ok:
                s.loc_error = "main mention's place > 25 km"
        else:
            s.loc_error = "no mention" if m is None else "mention without coordinates"
        s.loc_any = any(
            p.resolved and p.latitude is not None and distance_km(p.latitude, p.longitude, glat, glon) <= 25  # type: ignore[arg-type]
            for p in a.places
        )
        scores.append(s)
    return scores, examples


def _sample(rows: Sequence[dict], which: str, limit: int) -> list[dict]:
    """The first ``limit`` notes of half ``which`` in the fixed order (sha256 of EVENT_ID_CNTY)."""
    chosen = [r for r in rows if half(r["EVENT_ID_CNTY"]) == which]
    chosen.sort(key=lambda r: hashlib.sha256(r["EVENT_ID_CNTY"].encode()).hexdigest())
    return chosen[:limit]


def write_notes(rows: Sequence[dict], path: Path) -> None:
    """The notes as a JSONL input file, line n (1-based) the note rows[n - 1]."""
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            line = {"id": r["EVENT_ID_CNTY"], "text": r["NOTES"], "published": _anchor(r).isoformat()}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")


def _stored_mention(row: Mapping[str, Any]) -> Mention:
    return Mention(
        article_id=row["article_id"],
        sentence_index=row["sentence_index"],
        start=row["start"],
        end=row["end"],
        sentence=row["sentence"] or "",
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=row["actor1"],
        actor2=row["actor2"],
        trigger=row["trigger"] or "",
    )


def _query(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [c[0] for c in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def product_scores(
    rows: Sequence[dict], path: Path, db: Path, geo_focus: str
) -> tuple[list[NoteScore], float]:
    """The notes through ``fieldreport.run`` into ``db``, each scored on its main event."""
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    write_notes(rows, path)
    started = time.perf_counter()
    fieldreport.run([str(path)], db=str(db), geo_focus=geo_focus)
    seconds = time.perf_counter() - started
    events = {e["event_id"]: e for e in fieldreport.read_events(str(db))}
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = _query(con, "SELECT article_id, source_id, duplicate_of FROM articles")
        stored = _query(
            con,
            'SELECT mention_id, article_id, sentence_index, start, "end", sentence, event_type, '
            "sub_event_type, actor1, actor2, trigger FROM mentions",
        )
        links = _query(con, "SELECT DISTINCT event_id, mention_id FROM event_mentions")
        rejects = _query(con, "SELECT origin, reason FROM rejects")
    finally:
        con.close()
    note_of = {a["article_id"]: a["source_id"] for a in articles}
    article_of = {a["source_id"]: a for a in articles}
    mentions: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for row in stored:
        mentions[row["article_id"]].append((_stored_mention(row), row["mention_id"]))
    events_of_mention: dict[str, list[str]] = defaultdict(list)
    for link in links:
        events_of_mention[link["mention_id"]].append(link["event_id"])
    events_of_note: dict[str, set[str]] = defaultdict(set)
    notes_of_event: dict[str, set[str]] = defaultdict(set)
    for e in events.values():
        for m in e["mentions"]:
            note = note_of.get(m["article_id"])
            if note is not None:
                events_of_note[note].add(e["event_id"])
                notes_of_event[e["event_id"]].add(note)
    line = re.compile(r":line (\d+)$")
    rejected: dict[str, str] = {}
    for rj in rejects:
        hit = line.search(rj["origin"] or "")
        if hit and 1 <= int(hit.group(1)) <= len(rows):
            rejected.setdefault(rows[int(hit.group(1)) - 1]["EVENT_ID_CNTY"], rj["reason"])

    def by_date(ids: Iterable[str]) -> list[dict[str, Any]]:
        return sorted(
            (events[x] for x in set(ids) if x in events),
            key=lambda e: (e["event_date"] or "9999", e["event_id"]),
        )

    gold = {r["EVENT_ID_CNTY"]: (float(r["LATITUDE"]), float(r["LONGITUDE"]), r["EVENT_TYPE"]) for r in rows}
    scores = []
    for r in rows:
        s = NoteScore(id=r["EVENT_ID_CNTY"], half=half(r["EVENT_ID_CNTY"]), old_type=r["EVENT_TYPE"])
        s.gold_fat = int(r["FATALITIES"])
        s.rejected = rejected.get(s.id)
        art = article_of.get(s.id)
        s.stored = art is not None
        s.duplicate = bool(art and art["duplicate_of"])
        s.has_event = bool(events_of_note[s.id])
        own = mentions[(art["duplicate_of"] or art["article_id"])] if art else []
        by_obj = {id(m): mid for m, mid in own}
        m = main_mention([m for m, _ in own])
        if m is not None:
            s.mention_type_ok = _type_right(s.old_type, m.event_type, m.sub_event_type)[0]
        cands = by_date(events_of_mention[by_obj[id(m)]]) if m is not None else []
        e = next(
            (x for x in cands if x["event_date"] == _acled_day(r).isoformat()), cands[0] if cands else None
        )
        if e is None and s.has_event:
            s.fallback = True
            e = max(by_date(events_of_note[s.id]), key=lambda x: x["fatalities"] or 0)  # first of the most
        if e is not None:
            s.found = True
            s.ours, s.sub = e["event_type"] or NONE, e["sub_event_type"]
            s.type_ok, s.type_strict = _type_right(s.old_type, s.ours, s.sub)
            s.fat = e["fatalities"] or 0
            s.event_notes = len(notes_of_event[e["event_id"]])
            s.shared = s.event_notes > 1
            others = [gold[n] for n in notes_of_event[e["event_id"]] if n != s.id and n in gold]
            here = gold[s.id]
            s.far = any(distance_km(here[0], here[1], o[0], o[1]) > 25 for o in others)
            s.other_type = any(o[2] != s.old_type for o in others)
            if e["latitude"] is not None and e["longitude"] is not None:
                s.located = True
                km = distance_km(e["latitude"], e["longitude"], float(r["LATITUDE"]), float(r["LONGITUDE"]))
                s.loc_ok = km <= 25
        scores.append(s)
    return scores, seconds


def _print_note_by_note(scores: Sequence[NoteScore]) -> None:
    groups = {k: [scores[i] for i in ix] for k, ix in _by_group([s.half for s in scores]).items()}

    def share(pred: Callable[[NoteScore], bool]) -> Callable[[Sequence[NoteScore]], str]:
        return lambda xs: _pct(sum(pred(x) for x in xs), len(xs))

    measures = _core_rows(scores)
    measures[5:5] = [
        ("fatalities: main mention's own claims", share(lambda x: x.fat_mention_ok)),
    ]
    measures += [
        ("any place <= 25 km", share(lambda x: x.loc_any)),
        ("actor1", share(lambda x: x.actor1)),
        ("actor1, either side", share(lambda x: x.either)),
    ]
    print(f"## ACLED Africa 2016 notes, note by note ({len(scores)} events)\n")
    _table([(label, {k: fn(xs) for k, xs in groups.items()}) for label, fn in measures])
    confusion = {k: Counter((x.old_type, x.ours) for x in xs) for k, xs in groups.items()}
    ours_types = sorted({o for _, o in confusion["all"]})
    print("\nCoarse type by the old type (rows) and ours (columns), tune / check:\n")
    print("| old type \\ ours | n (tune / check) | " + " | ".join(ours_types) + " |")
    print("|---|---|" + "---|" * len(ours_types))
    for old in OLD_TYPES:
        ns = [sum(v for (g, _), v in confusion[k].items() if g == old) for k in HALVES]
        if sum(ns):
            cells = " | ".join(
                " / ".join(str(confusion[k].get((old, o), 0)) for k in HALVES) for o in ours_types
            )
            print(f"| {old} | {' / '.join(map(str, ns))} | {cells} |")
    print()
    for k in HALVES:
        print(f"Fatality misses, {k}: " + _counts(Counter(x.fat_error for x in groups[k] if x.fat_error)))
        print(
            f"Location misses, {k}: "
            + _counts(Counter(x.loc_error for x in groups[k] if x.loc_error and not x.loc_ok))
        )


def _print_product(
    nbn: Sequence[NoteScore],
    product: Mapping[str, Sequence[NoteScore]],
    seconds: Mapping[str, float],
    limit: int,
) -> None:
    by_id = {s.id: s for s in nbn}

    def share(pred: Callable[[NoteScore], bool]) -> Callable[[Sequence[NoteScore]], str]:
        return lambda xs: _pct(sum(pred(x) for x in xs), len(xs))

    product_only = [
        ("rejected (rejects table)", share(lambda x: x.rejected is not None)),
        (
            "not stored, no reject (text identical to an earlier note's)",
            share(lambda x: not x.stored and x.rejected is None),
        ),
        ("near-duplicate of another note", share(lambda x: x.duplicate)),
        ("yielded no event", share(lambda x: not x.has_event)),
        ("main event holds other notes' mentions", share(lambda x: x.shared)),
        ("... of a note whose ACLED point is > 25 km away", share(lambda x: x.far)),
        ("... of a note of another ACLED event type", share(lambda x: x.other_type)),
        ("main event by the fallback (main mention in no event)", share(lambda x: x.fallback)),
        ("main mention's own coarse type, as stored", share(lambda x: x.mention_type_ok)),
    ]
    cols, cells = [], defaultdict(dict)
    for k, xs in product.items():
        same = [by_id[x.id] for x in xs]
        cols += [f"{k}: note by note", f"{k}: product"]
        for label, fn in _core_rows(xs):
            cells[label][cols[-2]] = fn(same)
            cells[label][cols[-1]] = fn(xs)
        for label, fn in product_only:
            cells[label][cols[-1]] = fn(xs)
        for label, right in (
            ("coarse type", lambda x: x.type_ok),
            ("fatalities exact", lambda x: x.fat == x.gold_fat),
        ):
            lost = [x for x in xs if right(by_id[x.id]) and not right(x)]
            gained = sum(right(x) and not right(by_id[x.id]) for x in xs)
            shared = sum(x.shared for x in lost)
            cells[f"{label}: lost / gained in the product (n; lost with a shared main event)"][cols[-1]] = (
                f"{len(lost)} / {gained} ({shared})"
            )
        cells["run seconds"][cols[-1]] = f"{seconds[k]:.0f}"
    sample = f"first {limit} notes of each half, hash order"
    if all(len(xs) < limit for xs in product.values()):
        sample = "all notes of each half"
    print(f"\n## ACLED Africa 2016 notes through the product path ({sample})\n")
    print(
        "Same notes on both paths; the product path is `fieldreport.run` over a JSONL file of them, "
        "one database per half.\n"
    )
    _table(list(cells.items()), cols)
    print()
    for k, xs in product.items():
        print(f"Rejects, {k}: " + _counts(Counter(x.rejected for x in xs if x.rejected)))
        notes = Counter(min(x.event_notes, 5) for x in xs if x.found)
        print(
            f"Notes in the main event, {k}: "
            + "; ".join(f"{'5+' if c == 5 else c}: {v}" for c, v in sorted(notes.items()))
        )


def run_acled(data: Path, cfg: Config, res: Resources, limit: int, errors: int, notes_limit: int) -> None:
    with open(data / "acled_africa_2016" / "acled_africa_2016.dev.csv", encoding="utf-8", newline="") as f:
        rows = _limited(csv.DictReader(f), limit)
    t = time.perf_counter()
    scores, examples = _note_by_note(rows, cfg, res, errors)
    print(f"acled note by note: {time.perf_counter() - t:.0f}s", file=sys.stderr, flush=True)
    _print_note_by_note(scores)
    if errors:
        print()
        for key, notes in sorted(examples.items(), key=lambda kv: kv[0]):
            for note in notes:
                print(f"- tune, {key}: {note}")
    if not notes_limit:
        return
    product: dict[str, list[NoteScore]] = {}
    seconds: dict[str, float] = {}
    by_id = {s.id: s for s in scores}
    with tempfile.TemporaryDirectory(prefix="events-notes-") as tmp:
        for k in HALVES:
            chosen = _sample(rows, k, notes_limit)
            if not chosen:
                continue
            print(f"acled product path, {k}: {len(chosen)} notes", file=sys.stderr, flush=True)
            product[k], seconds[k] = product_scores(
                chosen, Path(tmp) / f"{k}.jsonl", Path(tmp) / f"{k}.duckdb", cfg.geo_focus
            )
    _print_product(scores, product, seconds, notes_limit)
    if errors and "tune" in product:
        lost: dict[str, list[str]] = defaultdict(list)
        notes = {r["EVENT_ID_CNTY"]: r["NOTES"] for r in rows}
        for x in product["tune"]:
            y = by_id[x.id]
            for what, before, after, detail in (
                ("type", y.type_ok, x.type_ok, f"{x.old_type}: {y.sub} -> {x.sub}"),
                (
                    "fatalities",
                    y.fat == y.gold_fat,
                    x.fat == x.gold_fat,
                    f"gold {x.gold_fat}: {y.fat} -> {x.fat}",
                ),
            ):
                if before and not after and len(lost[what]) < errors:
                    why = x.rejected or (
                        "no event" if not x.has_event else f"{x.event_notes} note(s) in the event"
                    )
                    lost[what].append(f"{x.id} {detail} ({why}): {_short(notes[x.id])}")
        print()
        for what, items in lost.items():
            for item in items:
                print(f"- tune, {what} right note by note, wrong in the product: {item}")


# --- UCDP GED sample ---------------------------------------------------------------------------


def states_dead(headline: str) -> bool:
    return all(rx.search(headline) for rx in _STATES_DEAD)


def run_ucdp(data: Path, cfg: Config, res: Resources, limit: int, errors: int, notes_limit: int) -> None:
    with open(data / "ucdp_ged_sample" / "ucdp_ged.dev.csv", encoding="utf-8", newline="") as f:
        all_rows = list(csv.DictReader(f))
    rows = _limited((r for r in all_rows if states_dead(r["source_headline"])), limit)
    arts, owner = [], []
    for i, r in enumerate(rows):
        for j, h in enumerate(x.strip() for x in r["source_headline"].split(";")):
            if h:
                text = h + ("\n\n" + r["where_description"].strip() if r["where_description"].strip() else "")
                arts.append(_article(f"ucdp-{i}-{j}", text, r["date_start"] or None))
                owner.append(i)
    mains: dict[int, list[Mention]] = defaultdict(list)
    for i, (_, a) in zip(owner, _analysed(arts, cfg, res), strict=True):
        m = main_mention(a.mentions)
        if m is not None:
            mains[i].append(m)
    halves = [half(r["id"]) for r in rows]
    result: list[tuple[int, int, int, int]] = []  # (low, best, high, ours)
    examples: list[str] = []
    for i, r in enumerate(rows):
        lo, best_g, hi = (int(float(r[k])) for k in ("low", "best", "high"))
        best = fatalities(mains[i])[1] if mains[i] else 0
        result.append((lo, best_g, hi, best))
        if halves[i] == "tune" and not lo <= best <= hi and len(examples) < errors:
            examples.append(f"low {lo} best {best_g} high {hi}, ours {best}: {_short(r['source_headline'])}")
    groups = _by_group(halves)

    def col(pred: Callable[[int], bool], share: bool = True) -> dict[str, str]:
        return {
            k: _pct(sum(pred(i) for i in ix), len(ix)) if share else str(sum(pred(i) for i in ix))
            for k, ix in groups.items()
        }

    print(
        f"## UCDP GED sample ({len(rows)} of {len(all_rows)} events whose headline states a number of dead)\n"
    )
    _table(
        [
            ("events", {k: str(len(ix)) for k, ix in groups.items()}),
            ("within low..high", col(lambda i: result[i][0] <= result[i][3] <= result[i][2])),
            ("exact best", col(lambda i: result[i][3] == result[i][1])),
            ("ours > high (n)", col(lambda i: result[i][3] > result[i][2], share=False)),
            ("ours < low (n)", col(lambda i: result[i][3] < result[i][0], share=False)),
            ("no mention (n)", col(lambda i: not mains[i], share=False)),
        ]
    )
    for e in examples:
        print(f"- tune: {e}")


# --- IndiaPoliceEvents -------------------------------------------------------------------------


def is_police(actor: str | None, inter: int | None) -> bool:
    return inter == 1 and "police" in (actor or "").lower()


def _deadly(m: Mention) -> bool:
    # violent types, and the one protest type that is force against people
    return is_violent(m.sub_event_type) or m.sub_event_type == "Excessive force against protestors"


def police_killed(m: Mention) -> bool:
    """The police are the side that used force: actor1, or actor2 of excessive force against
    protesters (ACLED names the protesters actor1 there)."""
    if m.sub_event_type == "Excessive force against protestors":
        return is_police(m.actor2, m.inter2)
    return is_police(m.actor1, m.inter1)


def _police_victims(victims: str) -> bool:
    # a battle lists state forces first whoever attacked: the police's own dead are no police killing
    return "police" in victims.lower()


def kill_offsets(mentions: Sequence[Mention], police_only: bool = True) -> list[int]:
    """Character offsets of what makes a sentence KILL (see the module docstring)."""
    if police_only:
        mentions = [m for m in mentions if police_killed(m)]
    out = [
        c.start
        for m in mentions
        if _deadly(m)
        for c in m.claims
        if c.kind == "killed" and c.high > 0 and not (police_only and _police_victims(c.victims))
    ]
    for m in mentions:
        if _deadly(m) and any(rx.fullmatch(m.trigger) for rx in _KILL_WORDS):
            i = m.sentence.find(m.trigger)
            out.append(m.start + max(i, 0))
    return out


@dataclass
class Prf:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, pred: bool, gold: bool) -> None:
        self.tp += pred and gold
        self.fp += pred and not gold
        self.fn += gold and not pred

    def __str__(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:.3f} / {r:.3f} / {f:.3f}"

    def counts(self) -> str:
        return f"{self.tp + self.fn} / {self.tp + self.fp}"


def run_ipe(data: Path, cfg: Config, res: Resources, limit: int, errors: int, notes_limit: int) -> None:
    folder = data / "indiapoliceevents"
    with open(folder / "docs.dev.jsonl", encoding="utf-8") as f:
        docs = _limited((json.loads(x) for x in f), limit)
    with open(folder / "metadata.dev.jsonl", encoding="utf-8") as f:
        dates = {m["doc_id"]: m.get("date") for m in map(json.loads, f)}
    sents: dict[int, list[dict]] = defaultdict(list)
    with open(folder / "sents.dev.jsonl", encoding="utf-8") as f:
        for s in map(json.loads, f):
            sents[s["doc_id"]].append(s)
    arts = [_article(f"ipe-{x['doc_id']}", x["doc_text"], dates.get(x["doc_id"])) for x in docs]
    sent: dict[str, Prf] = defaultdict(Prf)
    anyk: dict[str, Prf] = defaultdict(Prf)
    doc_level: dict[str, Prf] = defaultdict(Prf)
    n_docs: Counter[str] = Counter()
    fps: list[str] = []
    fns: list[str] = []
    for doc, (_, a) in zip(docs, _analysed(arts, cfg, res), strict=True):
        which = half(str(doc["doc_id"]))
        keys = (which, "all")
        n_docs.update(keys)
        text = doc["doc_text"]
        offsets = kill_offsets(a.mentions)
        any_offsets = kill_offsets(a.mentions, police_only=False)
        pos, doc_pred = 0, False
        for s in sorted(sents[doc["doc_id"]], key=lambda s: s["sent_id"]):
            t = s["sent_text"].strip()
            start = text.find(t, pos) if t else -1
            if start < 0:
                continue
            pos = start + len(t)
            pred = any(start <= o < pos for o in offsets)
            gold = "KILL" in s["sent_labels"]
            doc_pred |= pred
            killer = any(start <= o < pos for o in any_offsets)
            for k in keys:
                sent[k].add(pred, gold)
                anyk[k].add(killer, gold)
            if which == "tune" and pred and not gold and len(fps) < errors:
                fps.append(_short(t))
            if which == "tune" and gold and not pred and len(fns) < errors:
                fns.append(_short(t))
        for k in keys:
            doc_level[k].add(doc_pred, "KILL" in doc.get("doc_labels", []))
    print(f"## IndiaPoliceEvents, KILL ({len(docs)} articles)\n")
    _table(
        [
            ("articles", {k: str(n_docs[k]) for k in GROUPS}),
            ("sentence P / R / F1", {k: str(sent[k]) for k in GROUPS}),
            ("sentence gold / predicted", {k: sent[k].counts() for k in GROUPS}),
            ("sentence, any killer (diagnostic) P / R / F1", {k: str(anyk[k]) for k in GROUPS}),
            ("document P / R / F1", {k: str(doc_level[k]) for k in GROUPS}),
            ("document gold / predicted", {k: doc_level[k].counts() for k in GROUPS}),
        ]
    )
    for s in fps:
        print(f"- tune, false positive: {s}")
    for s in fns:
        print(f"- tune, missed: {s}")


RUNNERS = {"case": run_case, "acled": run_acled, "ucdp": run_ucdp, "ipe": run_ipe}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=0, help="first N items of each file (0: all)")
    ap.add_argument(
        "--notes-limit",
        type=int,
        default=1000,
        help="ACLED notes of each half run through fieldreport.run, in hash order (0: skip that path)",
    )
    ap.add_argument("--errors", type=int, default=0, help="error examples of the tune half to print per kind")
    ap.add_argument(
        "--geo-focus",
        default="",
        help='the geo_focus setting, e.g. "Africa" for the ACLED Africa notes (default: none)',
    )
    ap.add_argument(
        "--dump", type=Path, help="write a JSON line per tune-half CASE snippet or ACLED note here"
    )
    args = ap.parse_args(argv)
    global DUMP
    DUMP = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    cfg = Config().with_overrides({"geo_focus": args.geo_focus})
    res = Resources(cfg)
    timings = []
    for name in args.sets.split(","):
        if name not in RUNNERS:
            ap.error(f"unknown set {name!r}; choose from {', '.join(SETS)}")
        t = time.perf_counter()
        RUNNERS[name](args.data, cfg, res, args.limit, args.errors, args.notes_limit)
        timings.append((name, time.perf_counter() - t))
        print()
        print(f"{name}: {timings[-1][1]:.0f}s", file=sys.stderr)
    print("| set | seconds |\n|---|---|")
    for name, secs in timings:
        print(f"| {name} | {secs:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
