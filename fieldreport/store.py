"""Store stage: one DuckDB file holds articles, mentions, claims, places, events and rejects.

Every table has a content-derived primary key and every write is an upsert, so running the
same input twice changes nothing. One batch of articles is written in one transaction: a run
killed half-way leaves whole batches only, and the next run picks up after the last one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .dedup import Fingerprint
from .errors import StoreError
from .events.taxonomy import in_acled_scope
from .ids import stable_id
from .records import (
    PUBLICATION_DATE,
    Analysed,
    Article,
    Claim,
    Embed,
    Event,
    EventDate,
    Location,
    Mention,
    Reject,
)
from .stories import Story, StoryIndex

SCHEMA_VERSION = 2

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY, content_hash VARCHAR, origin VARCHAR, fmt VARCHAR,
    url VARCHAR, title VARCHAR, outlet VARCHAR, author VARCHAR, published VARCHAR,
    published_source VARCHAR, dateline VARCHAR, source_id VARCHAR, duplicate_of VARCHAR,
    similarity DOUBLE, embeds VARCHAR, raw VARCHAR, text VARCHAR);
CREATE TABLE IF NOT EXISTS fingerprints (
    article_id VARCHAR PRIMARY KEY, content_hash VARCHAR, signature UBIGINT[]);
CREATE TABLE IF NOT EXISTS lsh_bands (
    band_key BIGINT, article_id VARCHAR, PRIMARY KEY (band_key, article_id));
CREATE TABLE IF NOT EXISTS timexes (
    article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR, value VARCHAR,
    date VARCHAR, precision INTEGER, range_end VARCHAR, PRIMARY KEY (article_id, start, "end"));
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR,
    gazetteer_id VARCHAR, latitude DOUBLE, longitude DOUBLE, country_code VARCHAR, admin1 VARCHAR,
    admin2 VARCHAR, feature VARCHAR, score DOUBLE, resolved BOOLEAN, source VARCHAR,
    PRIMARY KEY (article_id, start, "end"));
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_index INTEGER, start INTEGER,
    "end" INTEGER, sentence VARCHAR, event_type VARCHAR, sub_event_type VARCHAR, actor1 VARCHAR,
    actor2 VARCHAR, inter1 INTEGER, inter2 INTEGER, event_date VARCHAR, time_precision INTEGER,
    date_evidence VARCHAR, location VARCHAR, latitude DOUBLE, longitude DOUBLE,
    geo_precision INTEGER, country_code VARCHAR, country VARCHAR, admin1 VARCHAR, admin2 VARCHAR,
    gazetteer_id VARCHAR, location_evidence VARCHAR, trigger VARCHAR, notes VARCHAR,
    confidence DOUBLE);
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY, mention_id VARCHAR, article_id VARCHAR, kind VARCHAR,
    low INTEGER, high INTEGER, victims VARCHAR, claimant VARCHAR, outlet VARCHAR, text VARCHAR,
    start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, event_date VARCHAR, time_precision INTEGER, event_type VARCHAR,
    sub_event_type VARCHAR, actor1 VARCHAR, actor2 VARCHAR, inter1 INTEGER, inter2 INTEGER,
    country_code VARCHAR, country VARCHAR, admin1 VARCHAR, admin2 VARCHAR, location VARCHAR,
    latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER, fatalities INTEGER,
    fatalities_low INTEGER, fatalities_high INTEGER, sources VARCHAR[], notes VARCHAR);
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id VARCHAR, mention_id VARCHAR, article_id VARCHAR, sentence VARCHAR, start INTEGER,
    "end" INTEGER, copied BOOLEAN, PRIMARY KEY (event_id, mention_id));
CREATE TABLE IF NOT EXISTS rejects (
    reject_id VARCHAR PRIMARY KEY, origin VARCHAR, reason VARCHAR, detail VARCHAR, stage VARCHAR);
CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY, seq INTEGER, size INTEGER, first_day VARCHAR, last_day VARCHAR,
    norm DOUBLE);
CREATE TABLE IF NOT EXISTS story_terms (
    story_id VARCHAR, term VARCHAR, weight DOUBLE, PRIMARY KEY (story_id, term));
CREATE TABLE IF NOT EXISTS story_df (term VARCHAR PRIMARY KEY, df BIGINT);
"""
# Columns added after a table first shipped: a database written by an older version gains them.
_MIGRATIONS = """
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_when VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_precision INTEGER;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS section VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS page_type VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS outlet_home VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS story_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS fatalities_disputed BOOLEAN;
ALTER TABLE events ADD COLUMN IF NOT EXISTS injured INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS injured_low INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS injured_high INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS injured_disputed BOOLEAN;
ALTER TABLE events ADD COLUMN IF NOT EXISTS political BOOLEAN;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS range_start VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS range_end VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS incident INTEGER;
"""
# events whose ``political`` is unknown (fused by a version before it), with what judges it
_UNJUDGED = "SELECT {what} FROM events WHERE political IS NULL"
_SIDES = "event_id, event_type, sub_event_type, actor1, inter1, actor2, inter2"
_CREATED = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)")
_MIGRATED = re.compile(r"ALTER TABLE (\w+) ADD COLUMN IF NOT EXISTS (\w+)")


class Store:
    """A DuckDB database file holding everything a run produced."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(
                f"No database at {self.path}. Run `fieldreport run INPUT --db {self.path}` first, "
                "or pass --db with the file a run wrote."
            )
        self.con = self._connect(read_only)
        if not read_only:
            self._upgrade()
        elif self._outdated():
            # written by an older version: gain the missing columns once, so every read sees
            # them (NULL); a file that cannot be written to is read as it is
            self.con.close()
            try:
                self.con = duckdb.connect(str(self.path))
            except duckdb.Error:
                pass
            else:
                try:
                    self._upgrade()
                finally:
                    self.con.close()
            self.con = self._connect(read_only)

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(
                f"Cannot open database {self.path}: {e}. Is another fieldreport process using it?"
            ) from e

    def _upgrade(self) -> None:
        self.con.execute(_DDL)
        self.con.execute(_MIGRATIONS)
        self._judge_scope()
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _judge_scope(self) -> None:
        """Events fused before the ``political`` column existed gain it, by the same rule fusion
        applies, from their own type and sides: an export filtered to ACLED's scope then means
        the same on an old database as on a new one."""
        rows = self.con.execute(_UNJUDGED.format(what=_SIDES)).fetchall()
        if not rows:
            return
        judged = pa.Table.from_pylist(
            [{"event_id": r[0], "political": in_acled_scope(*r[1:])} for r in rows],
            schema=pa.schema([("event_id", pa.string()), ("political", pa.bool_())]),
        )
        self.con.register("_judged", judged)
        try:
            self.con.execute(
                "UPDATE events SET political = j.political FROM _judged j WHERE events.event_id = j.event_id"
            )
        finally:
            self.con.unregister("_judged")

    def _outdated(self) -> bool:
        """Whether the database lacks a table or a column this version creates, or holds events
        not yet judged in or out of ACLED's scope."""
        sql = "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database()"
        have = set(self.con.execute(sql).fetchall())
        tables = {t for t, _ in have}
        return (
            any(t not in tables for t in _CREATED.findall(_DDL))
            or any((t, c) not in have for t, c in _MIGRATED.findall(_MIGRATIONS))
            or self.con.execute(_UNJUDGED.format(what="1") + " LIMIT 1").fetchone() is not None
        )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reads used by the pipeline ---------------------------------------------------------

    def known_articles(self, article_ids: Sequence[str]) -> set[str]:
        if not article_ids:
            return set()
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [list(article_ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def same_content(self, content_hashes: Sequence[str]) -> dict[str, str]:
        """For each hash already stored, the first original article with it."""
        if not content_hashes:
            return {}
        rows = self.con.execute(
            """SELECT content_hash, min(article_id) FROM articles
               WHERE duplicate_of IS NULL AND content_hash IN (SELECT unnest(?)) GROUP BY content_hash""",
            [list(content_hashes)],
        ).fetchall()
        return dict(rows)

    def band_matches(self, bands: Sequence[int]) -> dict[int, list[tuple[str, tuple[int, ...]]]]:
        """Stored originals sharing an LSH band key, with their signatures, by key."""
        out: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
        if not bands:
            return out
        rows = self.con.execute(
            """SELECT b.band_key, f.article_id, f.signature FROM lsh_bands b
               JOIN fingerprints f USING (article_id) WHERE b.band_key IN (SELECT unnest(?))""",
            [list(bands)],
        ).fetchall()
        for key, article_id, signature in rows:
            out.setdefault(key, []).append((article_id, tuple(signature)))
        return out

    # -- writes ---------------------------------------------------------------------------

    def write_batch(
        self,
        analysed: Sequence[Analysed],
        fingerprints: Sequence[Fingerprint],
        rejects: Sequence[Reject],
        stories: StoryIndex | None = None,
        story_of: Mapping[str, tuple[str, str | None]] | None = None,
    ) -> None:
        """Everything one batch produced, in a single transaction; with ``stories``, the story
        index's changes too, so that stories and articles never disagree after a crash.

        ``story_of``: article_id -> (story_id, the date the story was placed at or None).
        """

        def work() -> None:
            self._write_rows(analysed, fingerprints, rejects, story_of or {})
            if stories is not None:
                self._save_stories(stories)

        self._transaction(work)

    def _write_rows(
        self,
        analysed: Sequence[Analysed],
        fingerprints: Sequence[Fingerprint],
        rejects: Sequence[Reject],
        story_of: Mapping[str, tuple[str, str | None]],
    ) -> None:
        tables: dict[str, list[dict[str, Any]]] = {
            "articles": [], "fingerprints": [], "lsh_bands": [], "timexes": [], "places": [],
            "mentions": [], "claims": [], "rejects": [r.as_dict() for r in rejects],
        }  # fmt: skip
        for item in analysed:
            a = item.article
            row = a.as_dict()
            row["embeds"] = json.dumps(row["embeds"], ensure_ascii=False)
            row["story_id"], row["story_when"] = story_of.get(a.article_id, (None, None))
            tables["articles"].append(row)
            aid = a.article_id
            tables["timexes"] += [{"article_id": aid, **asdict(t)} for t in item.timexes]
            tables["places"] += [{"article_id": aid, **asdict(p)} for p in item.places]
            for m in item.mentions:
                tables["mentions"].append(_mention_row(m))
                tables["claims"] += [_claim_row(m.mention_id, c) for c in m.claims]
        for fp in fingerprints:
            tables["fingerprints"].append(
                {"article_id": fp.article_id, "content_hash": fp.content_hash, "signature": fp.signature}
            )
            tables["lsh_bands"] += [{"band_key": k, "article_id": fp.article_id} for k in fp.bands]

        for t, rows in tables.items():
            self._upsert(t, rows)

    # -- stories ------------------------------------------------------------------------

    def load_stories(self, **settings: Any) -> StoryIndex:
        """The incremental story index as the last committed batch left it."""
        index = StoryIndex(**settings)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'story_docs'").fetchone()
        index.docs = int(row[0]) if row else 0
        index.df.update(dict(self.con.execute("SELECT term, df FROM story_df").fetchall()))
        terms: dict[str, dict[str, float]] = {}
        for story_id, term, weight in self.con.execute(
            "SELECT story_id, term, weight FROM story_terms"
        ).fetchall():
            terms.setdefault(story_id, {})[term] = weight
        for story_id, seq, size, first, last, norm in self.con.execute(
            "SELECT story_id, seq, size, first_day, last_day, norm FROM stories ORDER BY seq"
        ).fetchall():
            index.stories.append(Story(story_id, terms.get(story_id, {}), norm, size, first, last, seq))
        return index

    def _save_stories(self, index: StoryIndex) -> None:
        changed, df = index.changes()
        for st in changed:
            self.con.execute("DELETE FROM story_terms WHERE story_id = ?", [st.story_id])
        self._upsert(
            "stories",
            [{"story_id": st.story_id, "seq": st.seq, "size": st.size, "first_day": st.first,
              "last_day": st.last, "norm": st.norm} for st in changed],
        )  # fmt: skip
        self._upsert(
            "story_terms",
            [
                {"story_id": st.story_id, "term": t, "weight": w}
                for st in changed
                for t, w in st.centroid.items()
            ],
        )
        self._upsert("story_df", [{"term": t, "df": n} for t, n in df.items()])
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('story_docs', ?)", [str(index.docs)])

    def undated_in_stories(self) -> Iterator[tuple[Article, str, str | None, list[str]]]:
        """Originals without a trustworthy publication date (none, or one inferred earlier) that
        are in a story, with the story's trustworthy publication dates."""
        sql = """
            SELECT a.*, (SELECT list(b.published ORDER BY b.published) FROM articles b
                         WHERE b.story_id = a.story_id AND b.published IS NOT NULL
                           AND b.published_source <> 'story') AS story_dates
            FROM articles a
            WHERE a.duplicate_of IS NULL AND a.story_id IS NOT NULL
              AND (a.published IS NULL OR a.published_source = 'story')
            ORDER BY a.article_id"""
        for row in self.iter_query(sql, size=200):
            dates = row.pop("story_dates") or []
            article, story_id, when = _article(row)
            yield article, story_id or "", when, dates

    def outlet_votes(self) -> Iterator[tuple[str | None, str | None, str, str]]:
        """``(url, outlet, country code, admin1)`` of each original report with located events:
        the unit most of its events are placed in (geo/homes.py)."""
        sql = """
            WITH units AS (
                SELECT article_id, country_code, admin1, count(*) AS n FROM mentions
                WHERE country_code IS NOT NULL AND admin1 IS NOT NULL GROUP BY ALL),
            top AS (
                SELECT *, row_number() OVER (
                    PARTITION BY article_id ORDER BY n DESC, country_code, admin1) AS rank
                FROM units)
            SELECT a.url, a.outlet, t.country_code, t.admin1
            FROM top t JOIN articles a USING (article_id)
            WHERE t.rank = 1 AND a.duplicate_of IS NULL
            ORDER BY a.article_id"""
        for row in self.iter_query(sql):
            yield row["url"], row["outlet"], row["country_code"], row["admin1"]

    def placed_reports(self) -> Iterator[tuple[str, str | None, str | None, str | None, list[Any]]]:
        """``(article_id, url, outlet, outlet_home, places)`` of each original report with events,
        ``places`` the distinct ``(location, country code, admin1)`` its events are placed at."""
        sql = """
            SELECT a.article_id, a.url, a.outlet, a.outlet_home,
                   list(DISTINCT [m.location, m.country_code, m.admin1]) AS places
            FROM mentions m JOIN articles a USING (article_id)
            WHERE a.duplicate_of IS NULL AND m.location IS NOT NULL
            GROUP BY ALL ORDER BY a.article_id"""
        for row in self.iter_query(sql):
            places = [tuple(p) for p in row["places"]]
            yield row["article_id"], row["url"], row["outlet"], row["outlet_home"], places

    def articles_with_stories(
        self, article_ids: Sequence[str]
    ) -> list[tuple[Article, str | None, str | None]]:
        """Stored articles by id, each with its ``(story_id, story_when)``."""
        rows = self.query(
            "SELECT * FROM articles WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id",
            [list(article_ids)],
        )
        return [_article(row) for row in rows]

    def replace_analysis(
        self, analysed: Sequence[Analysed], story_of: Mapping[str, tuple[str, str | None]]
    ) -> None:
        """Rewrite what articles yielded (after their publication date was inferred), in one
        transaction: their old timexes, places, mentions and claims go first."""
        ids = [a.article.article_id for a in analysed]

        def work() -> None:
            for table in ("claims", "mentions", "timexes", "places"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            self._write_rows(analysed, (), (), story_of)

        self._transaction(work)

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """(story_id, story_when) of stored articles."""
        if not article_ids:
            return {}
        rows = self.con.execute(
            "SELECT article_id, story_id, story_when FROM articles WHERE article_id IN (SELECT unnest(?))",
            [list(article_ids)],
        ).fetchall()
        return {a: (s, w) for a, s, w in rows if s}

    def write_rejects(self, rejects: Sequence[Reject]) -> None:
        self._transaction(lambda: self._upsert("rejects", [r.as_dict() for r in rejects]))

    def replace_events(self, fused: Iterable[tuple[Event, Sequence[Any]]], chunk: int = 2000) -> int:
        """Events are derived from all mentions, so each fusion replaces them whole, in one
        transaction, written in chunks as ``fused`` yields (event, links) pairs."""
        count = 0

        def write() -> None:
            nonlocal count
            self.con.execute("DELETE FROM event_mentions")
            self.con.execute("DELETE FROM events")
            events: list[dict[str, Any]] = []
            links: list[dict[str, Any]] = []
            for event, event_links in fused:
                row = asdict(event)
                row.pop("mention_ids")
                row["sources"] = list(event.sources)
                events.append(row)
                links += [link.as_dict() for link in event_links]
                count += 1
                if len(events) >= chunk:
                    self._upsert("events", events)
                    self._upsert("event_mentions", links)
                    events, links = [], []
            self._upsert("events", events)
            self._upsert("event_mentions", links)

            # an event belongs to the story most of its reports belong to
            self.con.execute(
                """UPDATE events SET story_id = (
                       SELECT mode(a.story_id) FROM event_mentions em JOIN articles a USING (article_id)
                       WHERE em.event_id = events.event_id)"""
            )

        self._transaction(write)
        return count

    def _transaction(self, work: Any) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            work()
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _upsert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = [c[0] for c in self.con.execute(f"DESCRIBE {table}").fetchall()]
        data = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows])
        self.con.register("_incoming", data)
        try:
            quoted = ", ".join(f'"{c}"' for c in columns)
            self.con.execute(f"INSERT OR REPLACE INTO {table} ({quoted}) SELECT {quoted} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    # -- reads used by fuse, export and the CLI ------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def iter_query(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[dict[str, Any]]:
        # a cursor of its own, so writes on the main connection while this streams
        # (fusion replacing events) do not cut the stream short
        cur = self.con.cursor().execute(sql, list(params))
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(size):
            for row in rows:
                yield dict(zip(names, row, strict=True))

    def iter_mentions(self) -> Iterator[Mention]:
        """Every stored mention with its claims, in the order fusion streams them."""
        # fuse.report_order: one article's report of an incident at a time, by the earliest day
        # it states (not its publication date), else its most precise date, the earliest of those
        sql = """
            SELECT m.*, (SELECT list(c ORDER BY c.start, c.claim_id) FROM claims c
                         WHERE c.mention_id = m.mention_id) AS claim_rows,
                   coalesce(min(m.event_date) FILTER (WHERE m.time_precision = 1
                                AND m.date_evidence IS DISTINCT FROM ?) OVER report,
                            arg_min(m.event_date, coalesce(m.time_precision, 9)::VARCHAR || m.event_date)
                                OVER report) AS report_day
            FROM mentions m
            WINDOW report AS (PARTITION BY m.article_id, coalesce(m.incident, 0))
            ORDER BY report_day IS NULL, report_day, m.article_id, coalesce(m.incident, 0),
                     m.start, m.mention_id"""
        for r in self.iter_query(sql, [PUBLICATION_DATE]):
            claims = tuple(
                Claim(**{k: v for k, v in c.items() if k not in ("claim_id", "mention_id")})
                for c in r.pop("claim_rows") or ()
            )
            r.pop("report_day")
            yield _mention_from_row(r, claims)

    def duplicate_texts(self) -> Mapping[str, str]:
        """Clean texts of duplicate articles, read one at a time when fusion asks."""
        return _LazyTexts(self)

    def article_meta(self) -> dict[str, dict[str, Any]]:
        rows = self.query(
            "SELECT article_id, origin, url, outlet, published, duplicate_of, title, story_id FROM articles"
        )
        return {r["article_id"]: r for r in rows}

    def counts(self) -> dict[str, int]:
        tables = ("articles", "mentions", "claims", "events", "rejects")
        out = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        out["duplicates"] = self.con.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0]
        return out


def _article(row: dict[str, Any]) -> tuple[Article, str | None, str | None]:
    """An article row as the record, its story_id and story_when."""
    row = dict(row)
    when, story_id = row.pop("story_when"), row.pop("story_id")
    row["embeds"] = tuple(Embed(**e) for e in json.loads(row["embeds"] or "[]"))
    return Article(**row), story_id, when


def _mention_row(m: Any) -> dict[str, Any]:
    loc, date = m.location, m.date
    row = {
        "mention_id": m.mention_id, "article_id": m.article_id, "sentence_index": m.sentence_index,
        "start": m.start, "end": m.end, "sentence": m.sentence, "event_type": m.event_type,
        "sub_event_type": m.sub_event_type, "actor1": m.actor1, "actor2": m.actor2,
        "inter1": m.inter1, "inter2": m.inter2, "trigger": m.trigger, "notes": m.notes,
        "confidence": m.confidence, "incident": m.incident,
    }  # fmt: skip
    if date is not None:
        row.update(
            event_date=date.date, time_precision=date.precision, date_evidence=date.evidence,
            range_start=date.range_start, range_end=date.range_end,
        )  # fmt: skip
    if loc is not None:
        row.update(
            location=loc.location, latitude=loc.latitude, longitude=loc.longitude,
            geo_precision=loc.geo_precision, country_code=loc.country_code, country=loc.country,
            admin1=loc.admin1, admin2=loc.admin2, gazetteer_id=loc.gazetteer_id,
            location_evidence=loc.evidence,
        )  # fmt: skip
    return row


def _claim_row(mention_id: str, c: Any) -> dict[str, Any]:
    row = asdict(c)
    row["mention_id"] = mention_id
    row["claim_id"] = stable_id(mention_id, c.kind, c.start, c.end, c.victims)
    return row


def _mention_from_row(r: dict[str, Any], claims: tuple[Claim, ...]) -> Mention:
    location = None
    if r["location"] is not None or r["country_code"] is not None:
        location = Location(
            location=r["location"], latitude=r["latitude"], longitude=r["longitude"],
            geo_precision=r["geo_precision"], country_code=r["country_code"], country=r["country"],
            admin1=r["admin1"], admin2=r["admin2"], gazetteer_id=r["gazetteer_id"],
            evidence=r["location_evidence"],
        )  # fmt: skip
    date = EventDate(
        r["event_date"], r["time_precision"], r["date_evidence"], r.get("range_start"), r.get("range_end")
    )
    return Mention(
        article_id=r["article_id"], sentence_index=r["sentence_index"], start=r["start"],
        end=r["end"], sentence=r["sentence"], event_type=r["event_type"],
        sub_event_type=r["sub_event_type"], actor1=r["actor1"], actor2=r["actor2"],
        inter1=r["inter1"], inter2=r["inter2"], location=location, date=date, claims=claims,
        trigger=r["trigger"], notes=r["notes"], confidence=r["confidence"],
        incident=r.get("incident") or 0,
    )  # fmt: skip


class _LazyTexts(Mapping[str, str]):
    def __init__(self, store: Store) -> None:
        self.con = store.con.cursor()

    def __getitem__(self, article_id: str) -> str:
        row = self.con.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            raise KeyError(article_id)
        return row[0]

    def __iter__(self) -> Iterator[str]:
        sql = "SELECT article_id FROM articles WHERE duplicate_of IS NOT NULL ORDER BY article_id"
        return iter([r[0] for r in self.con.execute(sql).fetchall()])

    def __len__(self) -> int:
        sql = "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
        return self.con.execute(sql).fetchone()[0]
