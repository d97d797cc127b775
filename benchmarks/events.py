"""Event benchmark on CASE 2021 task 2, ACLED Africa 2016 notes, a UCDP GED sample and
IndiaPoliceEvents (../shared/data; read its README), printed as markdown tables.

    .venv/bin/python benchmarks/events.py [--data DIR] [--sets case,acled,ucdp,ipe] [--limit N] [--errors N]

CASE 2021 task 2 (snippets, 30 classes): each snippet through ``fieldreport.classify`` exactly as
``fieldreport classify`` runs it; our names map to the dataset's labels by ``CASE_LABELS`` (a
one-to-one table); no event (null) is its own prediction "NONE", always wrong. Accuracy, F1
weighted by gold support and macro F1 over the 30 gold classes. A second pass over the same
analysis says whether an error is detection or selection: "any mention" counts a snippet right
when any of its ACLED mentions (or, for the five other classes, any cue of ``events.other``) has
the gold class, an upper bound for the main-event rule.

ACLED Africa 2016 (NOTES): each note analysed as an article published on the last day of the month
of its EVENT_DATE (the notes carry no date; as benchmarks/time.py does), its main event chosen by
``classify.main_mention`` (first violent mention, else first; the five non-ACLED classes are not
used: every ACLED row is an ACLED event).
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
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = ("case", "acled", "ucdp", "ipe")

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
DUMP = None  # --dump: an open file for per-note results

RECODED_2019 = {"Violence against civilians": {"Excessive force against protestors", "Mob violence"}}

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


def _limited(rows: Iterator[dict], limit: int) -> list[dict]:
    out = []
    for r in rows:
        if limit and len(out) >= limit:
            break
        out.append(r)
    return out


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


def run_case(data: Path, cfg: Config, res: Resources, limit: int, errors: int) -> None:
    with open(data / "case2021_task2" / "case2021_task2.dev.tsv", encoding="utf-8", newline="") as f:
        rows = _limited(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), limit)
    lines = [json.dumps({"id": r["id"], "text": r["EventSnippet"]}) for r in rows]
    pred: list[str] = []
    for r, out in zip(rows, classify(lines, cfg), strict=True):
        assert out["id"] == r["id"], out
        sub = out.get("sub_event_type")
        pred.append(CASE_LABELS[sub] if sub else NONE)
    gold = [r["SubType"] for r in rows]
    if DUMP is not None:
        for r, g, p in zip(rows, gold, pred, strict=True):
            DUMP.write(json.dumps({"id": r["id"], "gold": g, "pred": p}) + "\n")
    per, weighted, macro = f1_scores(gold, pred)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True))
    # second pass: is the gold class among what the analysis found at all?
    any_hit = 0
    arts = [_article(f"case-{r['id']}", r["EventSnippet"]) for r in rows]
    for g, (p, a) in zip(gold, _analysed(arts, cfg, res), strict=True):
        found = {CASE_LABELS[m.sub_event_type] for m in a.mentions}
        found |= {
            CASE_LABELS[o.sub_event_type] for o in other.detect(p.doc, p.sentences, d.year_of(None, p.doc))
        }
        any_hit += g in found
    print(f"## CASE 2021 task 2 ({len(rows)} snippets, {len(per)} classes)\n")
    print("| accuracy | weighted F1 | macro F1 | no event predicted | gold class among any mention/cue |")
    print("|---|---|---|---|---|")
    print(
        f"| {_pct(acc, len(gold))} | {100 * weighted:.1f} | {100 * macro:.1f} | {pred.count(NONE)} "
        f"| {_pct(any_hit, len(gold))} |"
    )
    print("\n| class | support | P | R | F1 | predicted | most often predicted instead |")
    print("|---|---|---|---|---|---|---|")
    confusions: Counter[tuple[str, str]] = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    for c, (pr, rc, f1, s) in sorted(per.items(), key=lambda kv: -kv[1][3]):
        instead = Counter({p: n for (g, p), n in confusions.items() if g == c}).most_common(3)
        shown = ", ".join(f"{p} {n}" for p, n in instead)
        scores = f"{100 * pr:.0f} | {100 * rc:.0f} | {100 * f1:.0f}"
        print(f"| {c} | {s} | {scores} | {pred.count(c)} | {shown or '-'} |")
    print("\nTop confusions (gold -> predicted):", end=" ")
    print("; ".join(f"{g} -> {p} ({n})" for (g, p), n in confusions.most_common(15)))
    if errors:
        print(f"\nFirst {errors} errors:\n")
        shown_n = 0
        for r, g, p in zip(rows, gold, pred, strict=True):
            if g != p and shown_n < errors:
                print(f"- {r['id']} {g} -> {p}: {_short(r['EventSnippet'])}")
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
class AcledStats:
    n: int = 0
    mention: int = 0
    type_ok: int = 0
    type_strict: int = 0
    actor1: int = 0
    either: int = 0
    fat_ok: int = 0
    fat_pos: int = 0
    fat_pos_ok: int = 0
    fat_mention_ok: int = 0
    loc_ok: int = 0
    loc_any: int = 0
    located: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    fat_errors: Counter[str] = field(default_factory=Counter)
    loc_errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


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


def run_acled(data: Path, cfg: Config, res: Resources, limit: int, errors: int) -> None:
    with open(data / "acled_africa_2016" / "acled_africa_2016.dev.csv", encoding="utf-8", newline="") as f:
        rows = _limited(csv.DictReader(f), limit)
    arts = []
    for i, r in enumerate(rows):
        g = date(*reversed([int(x) for x in r["EVENT_DATE"].split("/")]))  # dd/mm/yyyy
        anchor = date(g.year, g.month, calendar.monthrange(g.year, g.month)[1])
        arts.append(_article(f"acled-{i}", r["NOTES"], anchor.isoformat()))
    st = AcledStats()
    for r, (_, a) in zip(rows, _analysed(arts, cfg, res), strict=True):
        st.n += 1
        m = main_mention(a.mentions)
        st.mention += m is not None
        ours = m.event_type if m else NONE
        st.confusion[(r["EVENT_TYPE"], ours)] += 1
        strict = ours in OLD_TYPES[r["EVENT_TYPE"]]
        ok = strict or (m is not None and m.sub_event_type in RECODED_2019.get(r["EVENT_TYPE"], ()))
        st.type_ok += ok
        st.type_strict += strict
        if not ok and len(st.examples[f"type {r['EVENT_TYPE']} -> {ours}"]) < errors:
            st.examples[f"type {r['EVENT_TYPE']} -> {ours}"].append(_short(r["NOTES"]))
        if m is not None and actor_match(r["ACTOR1"], m.actor1, res):
            st.actor1 += 1
        if m is not None and (
            actor_match(r["ACTOR1"], m.actor1, res) or actor_match(r["ACTOR1"], m.actor2, res)
        ):
            st.either += 1
        gold_fat = int(r["FATALITIES"])
        day = date(*reversed([int(x) for x in r["EVENT_DATE"].split("/")]))
        st.fat_mention_ok += (fatalities([m])[1] if m else 0) == gold_fat
        best = event_fatalities(a, m, day) if m else 0
        st.fat_ok += best == gold_fat
        st.fat_pos += gold_fat > 0
        st.fat_pos_ok += gold_fat > 0 and best == gold_fat
        if best != gold_fat:
            why = _fat_error(gold_fat, m, best)
            st.fat_errors[why] += 1
            if len(st.examples[f"fatalities: {why}"]) < errors:
                st.examples[f"fatalities: {why}"].append(
                    f"gold {gold_fat}, ours {best}: {_short(r['NOTES'])}"
                )
        if DUMP is not None:
            row = {"i": st.n - 1, "gold": r["EVENT_TYPE"], "sub": m.sub_event_type if m else None, "ok": ok}
            row |= {"gold_fat": gold_fat, "fat": best, "actor1": m.actor1 if m else None}
            DUMP.write(json.dumps(row) + "\n")
        glat, glon = float(r["LATITUDE"]), float(r["LONGITUDE"])
        loc = m.location if m else None
        if loc is not None and loc.latitude is not None and loc.longitude is not None:
            st.located += 1
            km = distance_km(loc.latitude, loc.longitude, glat, glon)
            st.loc_ok += km <= 25
            if km > 25:
                st.loc_errors["main mention's place > 25 km"] += 1
        else:
            st.loc_errors["no mention" if m is None else "mention without coordinates"] += 1
        st.loc_any += any(
            p.resolved and p.latitude is not None and distance_km(p.latitude, p.longitude, glat, glon) <= 25  # type: ignore[arg-type]
            for p in a.places
        )
    print(f"## ACLED Africa 2016 notes ({st.n} events)\n")
    print(
        "| main mention found | coarse type (strict) | actor1 | actor1, either side | fatalities exact "
        "| fatalities exact, gold > 0 (n) | main mention's own claims | location <= 25 km "
        "| any place <= 25 km |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {_pct(st.mention, st.n)} | {_pct(st.type_ok, st.n)} ({_pct(st.type_strict, st.n)}) "
        f"| {_pct(st.actor1, st.n)} "
        f"| {_pct(st.either, st.n)} | {_pct(st.fat_ok, st.n)} "
        f"| {_pct(st.fat_pos_ok, st.fat_pos)} ({st.fat_pos}) | {_pct(st.fat_mention_ok, st.n)} "
        f"| {_pct(st.loc_ok, st.n)} "
        f"| {_pct(st.loc_any, st.n)} |"
    )
    ours_types = sorted({o for _, o in st.confusion})
    print("\n| old type \\ ours | n | " + " | ".join(ours_types) + " |")
    print("|---|---|" + "---|" * len(ours_types))
    for old in OLD_TYPES:
        n = sum(v for (g, _), v in st.confusion.items() if g == old)
        if n:
            cells = " | ".join(str(st.confusion.get((old, o), 0)) for o in ours_types)
            print(f"| {old} | {n} | {cells} |")
    print("\nFatality misses: " + "; ".join(f"{k} {v}" for k, v in st.fat_errors.most_common()))
    print("Location misses: " + "; ".join(f"{k} {v}" for k, v in st.loc_errors.most_common()))
    if errors:
        print()
        for key, notes in sorted(st.examples.items(), key=lambda kv: kv[0]):
            for note in notes:
                print(f"- {key}: {note}")


# --- UCDP GED sample ---------------------------------------------------------------------------


def states_dead(headline: str) -> bool:
    return all(rx.search(headline) for rx in _STATES_DEAD)


def run_ucdp(data: Path, cfg: Config, res: Resources, limit: int, errors: int) -> None:
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
    within = exact = none = above = below = 0
    examples: list[str] = []
    for i, r in enumerate(rows):
        lo, best_g, hi = (int(float(r[k])) for k in ("low", "best", "high"))
        best = fatalities(mains[i])[1] if mains[i] else 0
        ok = lo <= best <= hi
        within += ok
        exact += best == best_g
        none += not mains[i]
        above += best > hi
        below += best < lo
        if not ok and len(examples) < errors:
            examples.append(f"low {lo} best {best_g} high {hi}, ours {best}: {_short(r['source_headline'])}")
    n = len(rows)
    print(f"## UCDP GED sample ({n} of {len(all_rows)} events whose headline states a number of dead)\n")
    print("| within low..high | exact best | ours > high | ours < low | no mention |")
    print("|---|---|---|---|---|")
    print(f"| {_pct(within, n)} | {_pct(exact, n)} | {above} | {below} | {none} |")
    for e in examples:
        print(f"- {e}")


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


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{tp + fn} | {tp + fp} | {p:.3f} | {r:.3f} | {f:.3f}"


def run_ipe(data: Path, cfg: Config, res: Resources, limit: int, errors: int) -> None:
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
    tp = fp = fn = ptp = pfp = pfn = dtp = dfp = dfn = 0
    fps: list[str] = []
    fns: list[str] = []
    for doc, (_, a) in zip(docs, _analysed(arts, cfg, res), strict=True):
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
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
            police = any(start <= o < pos for o in any_offsets)
            ptp += police and gold
            pfp += police and not gold
            pfn += gold and not police
            if pred and not gold and len(fps) < errors:
                fps.append(_short(t))
            if gold and not pred and len(fns) < errors:
                fns.append(_short(t))
        dgold = "KILL" in doc.get("doc_labels", [])
        dtp += doc_pred and dgold
        dfp += doc_pred and not dgold
        dfn += dgold and not doc_pred
    print(f"## IndiaPoliceEvents, KILL ({len(docs)} articles)\n")
    print("| level | gold | predicted | P | R | F1 |")
    print("|---|---|---|---|---|---|")
    print(f"| sentence | {_prf(tp, fp, fn)} |")
    print(f"| sentence, any killer (diagnostic) | {_prf(ptp, pfp, pfn)} |")
    print(f"| document | {_prf(dtp, dfp, dfn)} |")
    for s in fps:
        print(f"- false positive: {s}")
    for s in fns:
        print(f"- missed: {s}")


RUNNERS = {"case": run_case, "acled": run_acled, "ucdp": run_ucdp, "ipe": run_ipe}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=0, help="items per set (0: all)")
    ap.add_argument("--errors", type=int, default=0, help="error examples to print per kind")
    ap.add_argument(
        "--geo-focus",
        default="",
        help='the geo_focus setting, e.g. "Africa" for the ACLED Africa notes (default: none)',
    )
    ap.add_argument("--dump", type=Path, help="write a JSON line per CASE snippet or ACLED note here")
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
        RUNNERS[name](args.data, cfg, res, args.limit, args.errors)
        timings.append((name, time.perf_counter() - t))
        print()
        print(f"{name}: {timings[-1][1]:.0f}s", file=sys.stderr)
    print("| set | seconds |\n|---|---|")
    for name, secs in timings:
        print(f"| {name} | {secs:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
