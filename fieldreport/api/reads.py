"""The API's reads: one function per endpoint, each on a store whose connection is the
request's own cursor. Event records and stories come from ``fieldreport.export`` so the API
and the exports never disagree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from .. import export
from ..geo.namesakes import FRAME
from ..store import Store
from .query import EventFilters, like_pattern, parse_sort, words

# the list view of an event: the JSONL record's scalar fields, plus how many articles report it
EVENT_ITEM = """
SELECT e.event_id, e.event_date, e.time_precision, e.event_type, e.sub_event_type, e.actor1,
       e.actor2, e.inter1, e.inter2, e.country_code, e.country, e.admin1, e.admin2, e.location,
       e.latitude, e.longitude, e.geo_precision, e.fatalities, e.fatalities_low, e.fatalities_high,
       e.fatalities_disputed, e.injured, e.injured_low, e.injured_high, e.injured_disputed, e.political,
       e.story_id,
       (SELECT count(DISTINCT em.article_id) FROM event_mentions em
         WHERE em.event_id = e.event_id) AS n_sources,
       e.notes
FROM events e"""

_ARTICLE_ITEM = """
SELECT a.article_id, a.title, a.outlet, a.url, a.published, a.published_source, a.story_id,
       a.duplicate_of,
       (SELECT count(DISTINCT em.event_id) FROM event_mentions em
         WHERE em.article_id = a.article_id) AS n_events
FROM articles a"""

# never ``raw``: it is the input as fetched, possibly hostile HTML
_ARTICLE_DETAIL = """
SELECT article_id, title, outlet, author, url, published, published_source, published_precision,
       dateline, story_id, duplicate_of, text
FROM articles WHERE article_id = ?"""

# the places of an article's frame (its dateline, its title) are not in its text: no span
_FRAME = ", ".join(f"'{source}'" for source in sorted(FRAME))
# evidence offsets into an article's clean text (a copy's sentence that could not be found in
# it has none, and is no span)
_SPANS = f"""
SELECT * FROM (
  SELECT start, "end", 'event' AS kind, event_id AS ref FROM event_mentions WHERE article_id = ?
  UNION ALL
  SELECT c.start, c."end", 'claim', (SELECT min(em.event_id) FROM event_mentions em
                                     WHERE em.mention_id = c.mention_id)
    FROM claims c WHERE c.article_id = ?
  UNION ALL
  SELECT start, "end", 'place', gazetteer_id FROM places
    WHERE article_id = ? AND coalesce(source, '') NOT IN ({_FRAME})
  UNION ALL
  SELECT start, "end", 'timex', value FROM timexes WHERE article_id = ?
) WHERE start IS NOT NULL AND "end" IS NOT NULL
ORDER BY start, "end", kind, ref"""

_EVENT_ARTICLES = """
SELECT DISTINCT a.article_id, a.title, a.outlet, a.url, a.published, a.published_source
FROM event_mentions em JOIN articles a ON a.article_id = em.article_id
WHERE em.event_id = ?
ORDER BY a.published NULLS LAST, a.article_id"""

_BINS = {"day": "day", "week": "week", "month": "month"}


class View(Store):
    """A Store whose connection is one cursor of the server's read-only connection: DuckDB
    connections are not safe across threads, and sync endpoints run in a thread pool."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
        self.path = Path(path)
        self.con = con


def _where(cond: str) -> str:
    return f" WHERE {cond}" if cond else ""


def health(view: Store) -> dict[str, Any]:
    row = view.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return {"status": "ok", "db": str(view.path), "schema_version": row[0] if row else None,
            "counts": view.counts()}  # fmt: skip


def event_page(view: Store, filters: EventFilters, sort: str, limit: int, offset: int) -> dict[str, Any]:
    cond, params = filters.where()
    order = parse_sort(sort)
    total = view.con.execute(f"SELECT count(*) FROM events e{_where(cond)}", params).fetchone()[0]
    sql = f"{EVENT_ITEM}{_where(cond)} ORDER BY {order} LIMIT ? OFFSET ?"
    items = view.query(sql, [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def histogram(view: Store, filters: EventFilters, bin: str) -> dict[str, Any]:
    cond, params = filters.where(dates=False)
    extra = f" AND {cond}" if cond else ""
    # the unit is a whitelisted constant; TRY_CAST because an undated event has no bin
    sql = f"""
        SELECT strftime(date_trunc('{_BINS[bin]}', TRY_CAST(e.event_date AS DATE)), '%Y-%m-%d') AS date,
               count(*) AS events, coalesce(sum(e.fatalities), 0) AS fatalities,
               coalesce(sum(e.injured), 0) AS injured
        FROM events e WHERE TRY_CAST(e.event_date AS DATE) IS NOT NULL{extra}
        GROUP BY 1 ORDER BY 1"""
    return {"bin": bin, "bins": view.query(sql, params)}


def facets(view: Store, filters: EventFilters) -> dict[str, Any]:
    cond, params = filters.where()
    base = f"WITH f AS (SELECT * FROM events e{_where(cond)}) "
    out: dict[str, Any] = {}
    for column in ("event_type", "sub_event_type"):
        sql = base + (
            f"SELECT {column} AS value, count(*) AS count FROM f WHERE {column} IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        out[column] = view.query(sql, params)
    # the name when known (a country filter takes either), with the code beside it
    sql = base + (
        "SELECT coalesce(country, country_code) AS value, country_code AS code, count(*) AS count FROM f "
        "WHERE coalesce(country, country_code) IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1"
    )
    out["country"] = view.query(sql, params)
    sql = base + (
        "SELECT actor AS value, count(DISTINCT event_id) AS count FROM "
        "(SELECT event_id, actor1 AS actor FROM f UNION ALL SELECT event_id, actor2 FROM f) "
        "WHERE actor IS NOT NULL AND actor <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50"
    )
    out["actor"] = view.query(sql, params)
    return out


def event_detail(view: Store, event_id: str) -> dict[str, Any] | None:
    record = export.event(view, event_id)
    if record is None:
        return None
    record["articles"] = view.query(_EVENT_ARTICLES, [event_id])
    return record


def article_page(view: Store, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    conds, params = [], []
    for word in words(q):
        cols = ("a.title", "a.outlet", "a.url", "a.text")
        conds.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in cols) + ")")
        params += [like_pattern(word)] * len(cols)
    cond = " AND ".join(conds)
    total = view.con.execute(f"SELECT count(*) FROM articles a{_where(cond)}", params).fetchone()[0]
    sql = f"{_ARTICLE_ITEM}{_where(cond)} ORDER BY a.published NULLS LAST, a.article_id LIMIT ? OFFSET ?"
    items = view.query(sql, [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def article_detail(view: Store, article_id: str) -> dict[str, Any] | None:
    rows = view.query(_ARTICLE_DETAIL, [article_id])
    if not rows:
        return None
    record = rows[0]
    record["spans"] = view.query(_SPANS, [article_id] * 4)
    return record


def story_page(view: Store, limit: int, offset: int) -> dict[str, Any]:
    total = view.con.execute("SELECT count(*) FROM stories").fetchone()[0]
    items = list(export.iter_stories(view, brief=True, limit=limit, offset=offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def story_detail(view: Store, story_id: str) -> dict[str, Any] | None:
    record = export.story(view, story_id)
    if record is None:
        return None
    sql = f"{EVENT_ITEM} WHERE e.story_id = ? ORDER BY e.event_date NULLS LAST, e.event_id"
    record["events"] = view.query(sql, [story_id])
    return record


def export_chunks(view: Store, fmt: str, filters: EventFilters, size: int = 1 << 16) -> Iterator[str]:
    """The filtered events in ``fmt``, in chunks of about ``size`` characters: one event per
    write would make a network write per event."""
    cond, params = filters.where()
    buf: list[str] = []
    n = 0
    for chunk in export.render(fmt, export.iter_events(view, cond, params)):
        buf.append(chunk)
        n += len(chunk)
        if n >= size:
            yield "".join(buf)
            buf, n = [], 0
    if buf:
        yield "".join(buf)
