"""Geocoding benchmark on GeoWebNews, LGL, TR-News and GeoVirus (../shared/data), two settings:

(a) resolution of the gold spans: ``find_places(..., spans=gold)``, the path of
    ``fieldreport geoparse --gold-spans``: the given spans resolved with the article's context;
(b) end to end: ``find_places(..., mentions=True)`` spans (what ``fieldreport geoparse`` outputs:
    places, and demonyms, places inside organisation names and metonyms, which these corpora
    annotate as toponyms) against the gold spans (overlap = match), then Acc@161km of the matched.

    .venv/bin/python benchmarks/geocoding.py [--data DIR] [--limit N] [--sets gwn,lgl,trnews,geovirus]
                                             [--half tune|check|both]

Every figure is given per half of the split (benchmarks/split.py) by the article's id: GeoWebNews'
``file``, LGL's and TR-News' ``docid``, GeoVirus' ``source`` URL (it has no other id). Read the
tune half's errors; only ever look at the check half's figures. ``--limit N`` takes the first N
articles of each set (file order) before splitting. Each article goes in with what a real input
has beside its text: its title and URL where the set gives them (GeoWebNews' ``link``, LGL's and
TR-News' ``url``), which tell the outlet's home.

GeoWebNews: toponyms with a GeoNames id and coordinates, Non_Toponym skipped. Exact match compares
GeoNames ids. Countries and admin units carry GeoNames ids but not GeoNames' points (countries
take the Factbook's, admin units the middle of their places): a right choice can still be
>161 km from the gold point (Canada, Alberta); the "right id, far point" column counts these.
A gold span left without coordinates counts as 20,039 km off (half the Earth's circumference) in
every error figure, as in Gritta et al. Nothing here is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from split import HALVES, half  # noqa: E402

from fieldreport.events import ActorDictionary  # noqa: E402
from fieldreport.geo import Gazetteer, find_places  # noqa: E402
from fieldreport.geo.gazetteer import distance_km  # noqa: E402
from fieldreport.geo.namesakes import FRAME  # noqa: E402
from fieldreport.nlp import parse  # noqa: E402
from fieldreport.records import Article, Place  # noqa: E402
from fieldreport.settings import load_config  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MAX_KM = 20039.0
NAMES = {"gwn": "GeoWebNews", "lgl": "LGL", "trnews": "TR-News", "geovirus": "GeoVirus"}
# published figures, gold spans given: (exact %, Acc@161km, mean error km, AUC)
PUBLISHED = {
    "gwn": ("Mordecai3", 90.1, 94.1, 249.4, None),
    "lgl": ("Mordecai3", 79.4, 82.7, 303.9, None),
    "trnews": ("Mordecai3", 84.3, 87.3, 294.7, None),
    "geovirus": ("CamCoder", None, 82.0, None, 0.31),
}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    name: str
    geonames_id: str | None
    lat: float
    lon: float


@dataclass(frozen=True)
class Doc:
    set: str
    id: str
    text: str
    golds: tuple[Gold, ...]
    title: str | None = None
    url: str | None = None


def _f(elem: ET.Element | None, tag: str) -> str:
    found = elem.find(tag) if elem is not None else None
    return (found.text or "").strip() if found is not None else ""


def _articles(path: Path) -> Iterator[ET.Element]:
    for _, elem in ET.iterparse(path):
        if elem.tag == "article":
            yield elem
            elem.clear()


def _align(text: str, phrase: str, start: int, window: int = 10) -> int | None:
    """Start of the occurrence of ``phrase`` nearest ``start`` (TR-News spans are shifted)."""
    if text[start : start + len(phrase)] == phrase:
        return start
    lo = max(0, start - window)
    hits, i = [], text.find(phrase, lo)
    while i != -1 and i <= start + window:
        hits.append(i)
        i = text.find(phrase, i + 1)
    return min(hits, key=lambda h: abs(h - start)) if hits else None


def load_gwn(path: Path) -> Iterator[Doc]:
    for art in _articles(path):
        text = art.find("text").text or ""  # type: ignore[union-attr]
        golds = []
        for t in art.iter("toponym"):
            gid = _f(t, "geonamesID")
            if _f(t, "type") == "Non_Toponym" or not gid or not _f(t, "latitude") or not _f(t, "longitude"):
                continue
            s, e = int(_f(t, "start")), int(_f(t, "end"))
            golds.append(Gold(s, e, text[s:e], gid, float(_f(t, "latitude")), float(_f(t, "longitude"))))
        yield Doc(
            "gwn", art.get("file", ""), text, tuple(golds), _f(art, "title") or None, _f(art, "link") or None
        )


def load_lgl(path: Path, name: str) -> Iterator[Doc]:
    for art in _articles(path):
        text = art.find("text").text or ""  # type: ignore[union-attr]
        golds = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is None or not _f(gaz, "lat") or not _f(gaz, "lon"):
                continue
            phrase, s = _f(t, "phrase"), int(_f(t, "start"))
            if name == "trnews":
                aligned = _align(text, phrase, s)
                if aligned is None:
                    continue
                s = aligned
            golds.append(
                Gold(
                    s,
                    s + len(phrase),
                    phrase,
                    gaz.get("geonameid"),
                    float(_f(gaz, "lat")),
                    float(_f(gaz, "lon")),
                )  # noqa: E501
            )
        yield Doc(
            name, art.get("docid", ""), text, tuple(golds), _f(art, "title") or None, _f(art, "url") or None
        )


def load_geovirus(path: Path) -> Iterator[Doc]:
    for i, art in enumerate(_articles(path)):
        text = art.find("text").text or ""  # type: ignore[union-attr]
        golds = []
        for loc in art.iter("location"):
            s, e = int(_f(loc, "start")) - 1, int(_f(loc, "end")) - 1
            golds.append(Gold(s, e, text[s:e], None, float(_f(loc, "lat")), float(_f(loc, "lon"))))
        yield Doc("geovirus", _f(art, "source") or str(i), text, tuple(golds))


def load(name: str, data: Path) -> Iterator[Doc]:
    if name == "gwn":
        return load_gwn(data / "geowebnews" / "GWN.dev.xml")
    if name == "lgl":
        return load_lgl(data / "lgl" / "lgl.dev.xml", "lgl")
    if name == "trnews":
        return load_lgl(data / "trnews" / "TR-News.dev.xml", "trnews")
    return load_geovirus(data / "geovirus" / "GeoVirus.dev.xml")


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _error(p: Place | None, g: Gold) -> float:
    if p is None or p.latitude is None or p.longitude is None:
        return MAX_KM
    return distance_km(p.latitude, p.longitude, g.lat, g.lon)


def auc(errors: list[float]) -> float:
    """Area under the sorted log(1+error)/log(20039) curve (Gritta et al. 2018); 0 is perfect."""
    ys = sorted(math.log(1 + min(e, MAX_KM)) / math.log(MAX_KM) for e in errors)
    if len(ys) < 2:
        return ys[0] if ys else float("nan")
    return sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False)) / (len(ys) - 1)


@dataclass
class Stats:
    n: int = 0
    exact: int = 0
    exact_n: int = 0  # gold spans with a GeoNames id
    held_n: int = 0  # ... whose id our gazetteer holds (countries and admin units it keys otherwise)
    held_exact: int = 0
    errors: list[float] | None = None
    no_name: Counter[str] | None = None
    wrong: Counter[str] | None = None
    far_point: Counter[str] | None = None  # the right GeoNames id, but our point is >161 km off
    wrong_country: int = 0  # wrong-candidate failures where our pick is a country (its centroid)
    wrong_absent: int = 0  # wrong-candidate failures whose gold GeoNames entry is not a candidate
    gold_n: int = 0
    pred_n: int = 0
    matched: int = 0
    matched_errors: list[float] | None = None

    def __post_init__(self) -> None:
        self.errors, self.matched_errors = [], []
        self.no_name, self.wrong, self.far_point = Counter(), Counter(), Counter()


def evaluate(
    doc: Doc, places: tuple[Place, ...], given: tuple[Place, ...], gaz: Gazetteer, st: Stats
) -> None:
    """``places``: what find_places recognised; ``given``: its resolution of the gold spans."""
    # (a) gold spans given
    for g, pred in zip(doc.golds, given, strict=True):
        err = _error(pred, g)
        st.n += 1
        st.errors.append(err)  # type: ignore[union-attr]
        hit = False
        if g.geonames_id:
            st.exact_n += 1
            hit = pred.gazetteer_id == f"geonames:{g.geonames_id}"
            st.exact += hit
            if gaz.get(f"geonames:{g.geonames_id}") is not None:
                st.held_n += 1
                st.held_exact += hit
        if err > 161:
            key = g.name.strip()
            if hit:
                st.far_point[key] += 1  # type: ignore[index]
            elif not gaz.lookup(key):
                st.no_name[key] += 1  # type: ignore[index]
            else:
                st.wrong[key] += 1  # type: ignore[index]
                st.wrong_country += pred.feature == "PCLI"
                gold_id = f"geonames:{g.geonames_id}"
                if g.geonames_id and all(e.gazetteer_id != gold_id for e in gaz.lookup(key)):
                    st.wrong_absent += 1  # the name is known, but not the gold place it names here
    # (b) end to end: one-to-one greedy matching of overlapping spans
    st.gold_n += len(doc.golds)
    st.pred_n += len(places)
    used: set[int] = set()
    for g in doc.golds:
        best, best_ov = None, 0
        for i, p in enumerate(places):
            ov = _overlap(p.start, p.end, g.start, g.end)
            if i not in used and ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
            st.matched += 1
            p = places[best]
            st.matched_errors.append(_error(p if p.resolved else None, g))  # type: ignore[union-attr]


def _pct(num: float, den: float) -> str:
    return f"{100 * num / den:.1f}" if den else "-"


def _pub(v: float | None, fmt: str = "{:.1f}") -> str:
    return fmt.format(v) if v is not None else "-"


Results = dict[tuple[str, str], Stats]


def resolution_table(results: Results) -> str:
    rows = [
        "| dataset | half | gold spans | exact % (ours / pub) | exact % of ids we hold (n) "
        "| Acc@161 (ours / pub) | mean km (ours / pub) "
        "| median km | AUC (ours / pub) | fail: not in gazetteer "
        "| fail: wrong candidate (country picked / gold entry not among candidates) "
        "| fail: right id, far point |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (name, which), st in results.items():
        sys_, pe, pa, pm, pauc = PUBLISHED[name]
        errs = st.errors or []
        acc = sum(e <= 161 for e in errs)
        mean = statistics.fmean(errs) if errs else float("nan")
        med = statistics.median(errs) if errs else float("nan")
        rows.append(
            f"| {NAMES[name]} | {which} | {st.n} "
            f"| {_pct(st.exact, st.exact_n) if st.exact_n else '-'} / {_pub(pe)} "
            f"| {_pct(st.held_exact, st.held_n)} ({st.held_n}) "
            f"| {_pct(acc, st.n)} / {_pub(pa)} ({sys_}) | {mean:.0f} / {_pub(pm, '{:.0f}')} | {med:.0f} "
            f"| {auc(errs):.2f} / {_pub(pauc, '{:.2f}')} "
            f"| {sum(st.no_name.values())} "  # type: ignore[union-attr]
            f"| {sum(st.wrong.values())} ({st.wrong_country} / {st.wrong_absent if st.exact_n else '-'}) "  # type: ignore[union-attr]
            f"| {sum(st.far_point.values())} |"  # type: ignore[union-attr]
        )
    return "\n".join(rows)


def e2e_table(results: Results) -> str:
    rows = [
        "| dataset | half | gold | predicted | matched | P | R | F1 | Acc@161 of matched "
        "| pub Acc@161 (gold spans) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (name, which), st in results.items():
        p = st.matched / st.pred_n if st.pred_n else 0.0
        r = st.matched / st.gold_n if st.gold_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = sum(e <= 161 for e in st.matched_errors or [])
        sys_, _, pa, _, _ = PUBLISHED[name]
        rows.append(
            f"| {NAMES[name]} | {which} | {st.gold_n} | {st.pred_n} | {st.matched} "
            f"| {100 * p:.1f} | {100 * r:.1f} "
            f"| {100 * f1:.1f} | {_pct(acc, st.matched)} | {_pub(pa)} ({sys_}) |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="articles per set (0: all)")
    ap.add_argument("--sets", default="gwn,lgl,trnews,geovirus")
    ap.add_argument("--top", type=int, default=10, help="most frequent failure names to list (tune half)")
    ap.add_argument("--half", choices=(*HALVES, "both"), default="both")
    ap.add_argument(
        "--dump",
        type=Path,
        help="write each gold span of the tune half, with what we resolved it to, as JSON lines",
    )
    args = ap.parse_args(argv)
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    halves = HALVES if args.half == "both" else (args.half,)

    cfg = load_config()  # fieldreport.toml in the working directory, as the CLI reads it
    gaz = Gazetteer.load(cfg)
    results: Results = {}
    t0 = time.perf_counter()
    actors = ActorDictionary.load()
    for name in args.sets.split(","):
        docs = []
        for doc in load(name, args.data):
            if args.limit and len(docs) >= args.limit:
                break
            docs.append(doc)
        docs = [d for d in docs if half(d.id) in halves]
        arts = [
            Article(
                article_id=f"{name}-{d.id}",
                content_hash="h",
                origin=f"{name}:{d.id}",
                fmt="txt",
                raw=d.text,
                text=d.text,
                title=d.title,
                url=d.url,
            )
            for d in docs
        ]
        stats = {which: Stats() for which in halves}
        for doc, parsed in zip(docs, parse(arts, cfg), strict=True):
            named = [(m.start, m.end) for m in actors.find(parsed.article.text)]  # as geoparse does
            places = find_places(parsed.article, parsed.doc, gaz, mentions=True, not_places=named)
            # what geoparse outputs: no place outside the text (dateline, title, quoted police)
            places = tuple(p for p in places if p.source not in FRAME)
            given = find_places(parsed.article, parsed.doc, gaz, spans=[(g.start, g.end) for g in doc.golds])
            evaluate(doc, places, given, gaz, stats[half(doc.id)])
            if dump is not None and half(doc.id) == "tune":  # the check half is read only as figures
                for g, p in zip(doc.golds, given, strict=True):
                    row = {
                        "set": name, "doc": doc.id, "text": g.name, "start": g.start, "gold": g.geonames_id,
                        "ours": p.gazetteer_id, "name": p.name, "admin1": p.admin1, "cc": p.country_code,
                        "km": round(_error(p, g)),
                    }  # fmt: skip
                    dump.write(json.dumps(row) + "\n")
        for which in halves:
            results[(name, which)] = stats[which]
        print(
            f"{NAMES[name]}: {len(docs)} articles, {sum(st.n for st in stats.values())} gold spans "
            f"({time.perf_counter() - t0:.0f}s)",
            file=sys.stderr,
        )

    if dump is not None:
        dump.close()
    limit = f", first {args.limit} articles per set" if args.limit else ""
    print(f"## (a) Resolution of the gold spans{limit}\n")
    print(resolution_table(results))
    print(f"\n## (b) End to end (find_places spans vs gold spans){limit}\n")
    print(e2e_table(results))
    print(f"\n## Most frequent failures (>161 km), tune half, top {args.top}\n")
    for (name, which), st in results.items():
        if which != "tune":
            continue  # the check half is read only as figures
        nn = ", ".join(f"{k} ({v})" for k, v in st.no_name.most_common(args.top))  # type: ignore[union-attr]
        wc = ", ".join(f"{k} ({v})" for k, v in st.wrong.most_common(args.top))  # type: ignore[union-attr]
        fp = ", ".join(f"{k} ({v})" for k, v in st.far_point.most_common(args.top))  # type: ignore[union-attr]
        print(f"- {NAMES[name]}: not in gazetteer: {nn or '-'}\n  wrong candidate: {wc or '-'}")
        print(f"  right id, far point: {fp or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
