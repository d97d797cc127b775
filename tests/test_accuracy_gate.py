"""The accuracy gate: the real pipeline on real input, its measures held to the floors pinned in
tests/accuracy_floors.json, so a change that makes the output worse fails here even when every
unit test passes.

Three corpora, each run once (one module-scoped fixture each) into a real DuckDB file:

- seeds: the five articles the project started from (``<repo>/../shared/seeds``);
- examples: the bundled ``examples/`` folder;
- gva check: a fixed sample of the CHECK half of ``<repo>/../shared/data/gva`` (the first
  ``sample_incidents`` incidents of that half in the fixed hash order of benchmarks/incidents.py),
  scored with benchmarks/incident_score.py. The gate reads only its aggregate figures, never an
  item: the check half is not for tuning.

``<repo>/../shared`` is where CI clones the evaluation data; without it the seeds and gva gates
fail when ``CI`` is set (a gate that silently skips is no gate) and skip otherwise.

Each measure has a ``min`` (a floor) and/or a ``max`` (a ceiling: events per incident, number of
events, articles with no event). A change may raise a floor or lower a ceiling when it measures
better; it may loosen one only with its reason in the commit message.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldreport import pipeline, read_events
from fieldreport.settings import Config

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
FLOORS = json.loads((Path(__file__).resolve().parent / "accuracy_floors.json").read_text(encoding="utf-8"))

sys.path.insert(0, str(ROOT / "benchmarks"))
from incident_score import article_urls, score  # noqa: E402
from incidents import load_articles, load_incidents, sample, write_input  # noqa: E402


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must provide ../shared beside the repository")
        pytest.skip(f"{path} is not present")
    return path


def _run(inputs: list[Path], db: Path, gazetteer_path: str) -> list[dict[str, Any]]:
    """The real pipeline into a fresh DuckDB file, defaults but for the test gazetteer; its events."""
    cfg = Config().with_overrides({"db": str(db), "gazetteer_path": gazetteer_path})
    pipeline.run([str(p) for p in inputs], cfg)
    return list(read_events(str(db)))


def _corpus_measures(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Events, dated events, and the shares dated and located. "datable" events have a mention in
    an article with a publication date: an event of undated reports only may rightly have no date,
    so the share dated is of the datable ones, which fusing events does not move."""
    datable = [e for e in events if any(m.get("published") for m in e.get("mentions") or [])]
    located = sum(1 for e in events if e.get("latitude") is not None and e.get("longitude") is not None)
    return {
        "events": len(events),
        "dated_events": sum(1 for e in events if e.get("event_date")),
        "datable_dated_share": _share(sum(1 for e in datable if e.get("event_date")), len(datable)),
        "located_share": _share(located, len(events)),
    }


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def _check(corpus: str, measured: dict[str, Any]) -> None:
    """Every measured figure against its pinned bounds; one message listing every figure."""
    bounds = {k: v for k, v in FLOORS[corpus].items() if not k.startswith("_")}
    problems = []
    for name, value in measured.items():
        if name not in bounds:
            problems.append(f"{name} has no bound in accuracy_floors.json: pin it")
            continue
        low, high = bounds[name].get("min"), bounds[name].get("max")
        if value is None and (low is not None or high is not None):
            problems.append(f"{name} could not be measured")
        elif low is not None and value < low:
            problems.append(f"{name} {value:.4g} fell below its floor {low}")
        elif high is not None and value > high:
            problems.append(f"{name} {value:.4g} rose above its ceiling {high}")
    problems += [f"{name} is pinned but not measured" for name in bounds.keys() - measured.keys()]
    figures = ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in measured.items())
    print(f"{corpus}: {figures}")
    assert not problems, f"{corpus}: " + "; ".join(problems) + f"\nmeasured: {figures}"


@pytest.fixture(scope="module")
def seeds_events(tmp_path_factory: pytest.TempPathFactory, gazetteer_path: str) -> list[dict[str, Any]]:
    seeds = _shared("seeds")
    return _run([seeds], tmp_path_factory.mktemp("gate-seeds") / "seeds.duckdb", gazetteer_path)


@pytest.fixture(scope="module")
def examples_events(tmp_path_factory: pytest.TempPathFactory, gazetteer_path: str) -> list[dict[str, Any]]:
    return _run(
        [ROOT / "examples"], tmp_path_factory.mktemp("gate-examples") / "examples.duckdb", gazetteer_path
    )


@pytest.fixture(scope="module")
def gva_check(tmp_path_factory: pytest.TempPathFactory, gazetteer_path: str) -> dict[str, Any]:
    data = _shared("data")
    _shared("data", "gva", "incidents.dev.jsonl")
    tmp = tmp_path_factory.mktemp("gate-gva")
    incidents = sample(load_incidents(data), "check", FLOORS["gva_check"]["_sample_incidents"])
    articles = load_articles(data)
    write_input(incidents, articles, tmp / "articles.jsonl")
    events = _run([tmp / "articles.jsonl"], tmp / "gva.duckdb", gazetteer_path)
    return score(incidents, events, article_urls(articles))


def test_seeds_gate(seeds_events: list[dict[str, Any]]) -> None:
    _check("seeds", _corpus_measures(seeds_events))


def test_examples_gate(examples_events: list[dict[str, Any]]) -> None:
    _check("examples", _corpus_measures(examples_events))


def test_gva_check_gate(gva_check: dict[str, Any]) -> None:
    measured = dict(gva_check)
    sampled = measured.pop("incidents")
    assert sampled == FLOORS["gva_check"]["_sample_incidents"], f"sampled {sampled} incidents"
    for count in ("found", "multi_incidents", "articles"):  # sizes, already in the shares
        measured.pop(count)
    _check("gva_check", measured)


def _event(eid: str, day: str, lat: float, articles: list[str], dead: int = 0) -> dict[str, Any]:
    mentions = [{"url": f"https://gva.invalid/{a}", "copied": False} for a in articles]
    return {"event_id": eid, "event_date": day, "latitude": lat, "longitude": 0.0, "fatalities": dead,
            "mentions": mentions}  # fmt: skip


def test_incident_scoring_rules() -> None:
    """The scoring itself, on made-up events (0.1 degree of latitude is about 11 km)."""
    gold = [
        {"incident_id": "1", "date": "2016-01-10", "lat": 0.0, "lon": 0.0, "killed": 1, "injured": 0,
         "article_ids": ["a", "b"]},
        {"incident_id": "2", "date": "2016-01-10", "lat": 10.0, "lon": 0.0, "killed": 0, "injured": 2,
         "article_ids": ["c", "d"]},
        {"incident_id": "3", "date": None, "lat": 0.0, "lon": 0.0, "killed": 0, "injured": 0,
         "article_ids": ["e"]},
    ]  # fmt: skip
    events = [
        _event("x", "2016-01-11", 0.1, ["a", "b"], dead=1),  # incident 1 in one event, a day late
        _event("y", "2016-01-10", 0.0, ["a"], dead=2),  # the nearest match: the best one
        _event("z", "2016-01-10", 5.0, ["b"]),  # from its article, elsewhere
        _event("w", "2016-01-20", 10.0, ["c"]),  # incident 2's place, not its day
    ]
    m = score(gold, events)
    assert (m["incidents"], m["found"], m["multi_incidents"], m["articles"]) == (2, 1, 2, 4)
    assert m["recall"] == 0.5 and m["place_25km"] == 1.0
    assert m["events_per_incident"] == 2.0 and m["events_matching"] == 0.5
    assert m["day_exact"] == 1.0 and m["killed_exact"] == 0.0 and m["injured_exact"] == 0.0
    assert m["multi_one_event"] == 0.5 and m["multi_one_event_loose"] == 0.5
    assert m["articles_no_event"] == 1
