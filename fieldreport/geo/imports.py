"""Import external place lists into the gazetteer: GeoNames dumps, ACLED/UCDP exports, a user CSV.

>>> report = import_files(gaz, ["admin1CodesASCII.txt", "SY.zip", "alternateNamesV2.zip"])
>>> report.added, report.by_file, report.rejected[:3]

Formats are detected from the file name, then from the first line:

``admin1CodesASCII.txt`` / ``admin2Codes.txt``
    GeoNames admin code tables; they add no entries, they turn the admin codes of the main dump
    into names. They are read first whatever the argument order.
GeoNames main dump (``allCountries.txt``, ``XX.txt``, ``cities15000.txt``, or a ``.zip`` of one)
    19 tab-separated columns. Kept: feature class P (populated places) and A (administrative
    units and countries); classes H, T, L and S only when they have a population or alternate
    names (a named hill or a ``S.FRM`` farm with no other name is noise); R, U and V never. Ids
    are ``geonames:<geonameid>``, the ids the bundled countries and admin units already have, so a
    dump replaces their approximate points by GeoNames' own. Admin-1/admin-2 names come from the
    gazetteer's own admin entries (by their GeoNames code, ``CC.a1`` / ``CC.a1.a2``) so that they
    agree with :meth:`Gazetteer.find_admin`, else from the admin code files of the same call, else
    None. Alternate names (column 4) are
    aliases, filtered like the builder's (:func:`~fieldreport.geo.gazetteer.clean_alternates`:
    Latin script, no codes, no machine transliterations).
``alternateNamesV2.txt`` / ``alternateNames.txt`` (or a ``.zip``)
    aliases for geonameids already in the gazetteer (so pass it after the dump, or on its own
    later); link/post/iata/icao/faac/wkdt/unlc rows are skipped; same alias filter as above.
ACLED CSV export (``location``, ``latitude``, ``longitude``, ``country``/``admin1``, any case)
    one ``PPL`` entry per distinct (location, latitude, longitude), ``acled:<hash>``.
UCDP GED CSV (``where_coordinates``, ``latitude``, ``longitude``, ...)
    the name is ``where_coordinates`` without a trailing " town"/" village"/"(...)"; rows whose
    ``where_prec`` is 3 or more (admin-unit or country centroids) are skipped; ``ucdp:<hash>``.
User CSV (``name, alternate_names, latitude, longitude, country_code, admin1, admin2, feature``)
    alternate names separated by ``;`` or ``|``; ``user:<hash>``.

Files are streamed (zip members are read in place, never extracted) and written in batches of
:data:`BATCH` entries. A bad row or an unreadable file never aborts the import: it is recorded
in :attr:`ImportReport.rejected` as ``(origin, "reason: line N: detail")``.

Re-importing is idempotent: an entry whose id is already in the gazetteer with the same fields
(and, except for the large GeoNames dumps, the same aliases) is not written again, so a second
import of the same files reports ``added == 0``. A changed record replaces the stored one.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..ids import normalise_text, stable_id
from .gazetteer import Entry, Gazetteer, clean_alternates, strip_admin_word
from .names import keys

log = logging.getLogger(__name__)

BATCH = 5_000
MAX_REJECTS_PER_FILE = 1_000
GEONAMES_COLUMNS = 19

_SKIP_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc"})
_ALWAYS_CLASSES = frozenset("PA")
_NAMED_CLASSES = frozenset("HTLS")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_SETTLEMENT_WORD = re.compile(r"\s+(?:town|village)$", re.IGNORECASE)
_COUNTRY_FILE = re.compile(r"^(?:[a-z]{2}|allcountries|cities\d+)\.txt$", re.IGNORECASE)
_ALT_SPLIT = re.compile(r"[;|]")

# kinds, in processing order
ADMIN1, ADMIN2, GEONAMES, ACLED, UCDP, USER, ALTNAMES = (
    "admin1",
    "admin2",
    "geonames",
    "acled",
    "ucdp",
    "user",
    "alternatenames",
)
_ORDER = {ADMIN1: 0, ADMIN2: 1, GEONAMES: 2, ACLED: 3, UCDP: 3, USER: 3, ALTNAMES: 4}
_SOURCE = {GEONAMES: "geonames", ALTNAMES: "geonames", ACLED: "acled", UCDP: "ucdp", USER: "user"}


@dataclass(frozen=True)
class ImportReport:
    """What :func:`import_files` did.

    ``added`` is the sum of ``by_file``: entries written (new or changed) for place files, entries
    that gained aliases for an alternate-names file; admin code files count 0.
    """

    added: int
    by_file: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)


Opener = Callable[[], contextlib.AbstractContextManager[TextIO]]


@dataclass
class _Source:
    key: str  # the path as given: the by_file key
    origin: str  # path, or path!member for a zip member
    kind: str
    open: Opener


class _Rejects:
    def __init__(self, out: list[tuple[str, str]], origin: str) -> None:
        self.out, self.origin, self.extra = out, origin, 0
        self.count = 0

    def add(self, reason: str, line: int | None, detail: str) -> None:
        self.count += 1
        if self.count > MAX_REJECTS_PER_FILE:
            self.extra += 1
            return
        where = f"line {line}: " if line is not None else ""
        self.out.append((self.origin, f"{reason}: {where}{detail}"))

    def close(self) -> None:
        if self.extra:
            self.out.append((self.origin, f"too_many_rejects: {self.extra} more rows rejected"))


def import_files(gaz: Gazetteer, paths: Sequence[str | Path]) -> ImportReport:
    """Import every file of ``paths`` into ``gaz``; see the module docstring for the formats."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    rejected: list[tuple[str, str]] = []
    by_file: dict[str, int] = {}
    sources: list[_Source] = []
    for p in paths:
        key = str(p)
        by_file.setdefault(key, 0)
        try:
            found = list(_detect(Path(p), key))
        except (OSError, zipfile.BadZipFile, UnicodeError, csv.Error) as e:
            rejected.append((key, f"unreadable_file: {e}"))
            continue
        if not found:
            rejected.append((key, "unknown_format: not a GeoNames, ACLED, UCDP or user place file"))
        sources.extend(found)
    sources.sort(key=lambda s: _ORDER[s.kind])  # stable: argument order within a kind

    ctx = _Context(gaz)
    for src in sources:
        rej = _Rejects(rejected, src.origin)
        writer = _Writer(gaz, _SOURCE.get(src.kind, "user"), check_aliases=src.kind != GEONAMES)
        try:
            with src.open() as fh:
                if src.kind in (ADMIN1, ADMIN2):
                    _read_admin_codes(fh, ctx.admin_names[src.kind], rej)
                elif src.kind == GEONAMES:
                    _read_geonames(fh, ctx, writer, rej)
                elif src.kind == ALTNAMES:
                    _read_alternate_names(fh, gaz, writer, rej)
                else:
                    _read_csv(fh, src.kind, ctx, writer, rej)
        except (OSError, zipfile.BadZipFile, UnicodeError, EOFError) as e:
            rej.add("unreadable_file", None, str(e))
        finally:
            writer.flush()  # what was read before an error is kept
            rej.close()
        by_file[src.key] += writer.written
        log.info("imported %d entries from %s", writer.written, src.origin)
    return ImportReport(sum(by_file.values()), by_file, rejected)


# ---------- detection ----------


def _detect(path: Path, key: str) -> Iterator[_Source]:
    if not path.is_file():
        raise OSError(f"{path} is not a readable file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [i.filename for i in zf.infolist() if not i.is_dir()]
            for member in members:
                base = member.rsplit("/", 1)[-1]
                if base.lower().startswith(("readme", "iso-languagecodes")):
                    continue
                opener = _zip_opener(path, member)
                with opener() as fh:
                    kind = _sniff(base, fh.readline())
                if kind:
                    yield _Source(key, f"{key}!{member}", kind, opener)
        return
    opener = _file_opener(path)
    with opener() as fh:
        kind = _sniff(path.name, fh.readline())
    if kind:
        yield _Source(key, key, kind, opener)


def _file_opener(path: Path) -> Opener:
    def open_() -> contextlib.AbstractContextManager[TextIO]:
        return open(path, encoding="utf-8-sig", errors="replace", newline="")

    return open_


def _zip_opener(path: Path, member: str) -> Opener:
    @contextlib.contextmanager
    def open_() -> Iterator[TextIO]:
        with zipfile.ZipFile(path) as zf, zf.open(member) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")

    return open_


def _sniff(name: str, first: str) -> str | None:
    low = name.lower()
    if low.startswith("admin1codes"):
        return ADMIN1
    if low.startswith("admin2codes"):
        return ADMIN2
    if low.startswith("alternatenames"):
        return ALTNAMES
    first = first.rstrip("\r\n")
    if _COUNTRY_FILE.match(name):
        return GEONAMES
    if "\t" in first:
        cols = first.split("\t")
        if len(cols) == GEONAMES_COLUMNS and cols[0].isdigit():
            return GEONAMES
        if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
            return ALTNAMES
        if len(cols) == 4 and cols[3].strip().isdigit():
            return {1: ADMIN1, 2: ADMIN2}.get(cols[0].count("."))
        return None
    try:
        header = {h.strip().lower() for h in next(csv.reader([first]))}
    except (csv.Error, StopIteration):
        return None
    if not {"latitude", "longitude"} <= header:
        return None
    if "where_coordinates" in header:
        return UCDP
    if "location" in header and header & {"country", "admin1", "admin2"}:
        return ACLED
    if "name" in header:
        return USER
    return None


# ---------- writing ----------


class _Writer:
    """Collects entries and writes the new or changed ones in batches."""

    def __init__(self, gaz: Gazetteer, source: str, *, check_aliases: bool) -> None:
        self.gaz, self.source, self.check_aliases = gaz, source, check_aliases
        self.pending: dict[str, tuple[Entry, list[str]]] = {}
        self.written = 0

    def add(self, entry: Entry, aliases: Iterable[str] = ()) -> None:
        prev = self.pending.get(entry.gazetteer_id)
        merged = list(dict.fromkeys([*(prev[1] if prev else ()), *aliases]))
        self.pending[entry.gazetteer_id] = (entry, merged)
        if len(self.pending) >= BATCH:
            self.flush()

    def add_aliases(self, gazetteer_id: str, aliases: Iterable[str]) -> None:
        """Aliases for an entry already in the gazetteer (the stored entry is rewritten unchanged)."""
        prev = self.pending.get(gazetteer_id)
        if prev is None:
            entry = self.gaz.get(gazetteer_id)
            if entry is None:
                return
            prev = (entry, [])
        self.pending[gazetteer_id] = (prev[0], list(dict.fromkeys([*prev[1], *aliases])))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        entries: list[Entry] = []
        aliases: dict[str, list[str]] = {}
        for gid, (entry, names) in self.pending.items():
            names = [a for a in names if keys(a)[0]]  # an alias without a key is never indexed
            old = self.gaz.get(gid)
            if old is not None and old == entry:
                if not self.check_aliases:
                    continue
                names = [a for a in names if not self._indexed(gid, a)]
                if not names:
                    continue
            entries.append(entry)
            if names:
                aliases[gid] = names
        self.pending.clear()
        if entries:
            self.written += self.gaz.add_entries(entries, aliases, source=self.source)

    def _indexed(self, gazetteer_id: str, name: str) -> bool:
        return any(e.gazetteer_id == gazetteer_id for e in self.gaz.lookup(name, fuzzy=False))


class _Context:
    """Lookups shared by the files of one call: admin code names, countries, admin units."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.admin_names: dict[str, dict[str, str]] = {ADMIN1: {}, ADMIN2: {}}
        self._gaz_admin: dict[str, str | None] = {}
        self._countries: dict[str, str | None] = {}
        self._admins: dict[tuple[str | None, str, str], str] = {}

    def admin_from_code(self, level: str, code: str) -> str | None:
        """Admin name of a GeoNames code ("SY.07"): the gazetteer's entry, else the code files."""
        if code not in self._gaz_admin:
            if len(self._gaz_admin) > 100_000:
                self._gaz_admin.clear()
            entry = self.gaz.by_code(code, "ADM1" if level == ADMIN1 else "ADM2")
            self._gaz_admin[code] = entry.name if entry else None
        return self._gaz_admin[code] or self.admin_names[level].get(code)

    def country_code(self, name: str) -> str | None:
        name = name.strip()
        if not name:
            return None
        if name not in self._countries:
            cc = None
            for candidate in dict.fromkeys([name, _PAREN.sub("", name)]):
                hits = [e for e in self.gaz.lookup(candidate) if e.is_country]
                if hits:
                    cc = hits[0].country_code
                    break
            self._countries[name] = cc
        return self._countries[name]

    def admin(self, cc: str | None, raw: str, feature: str) -> str | None:
        """An export's admin unit name, as the gazetteer spells it when it knows the unit."""
        raw = raw.strip()
        if not raw:
            return None
        k = (cc, raw, feature)
        if k not in self._admins:
            bare = strip_admin_word(raw) or raw
            name = bare
            for candidate in dict.fromkeys([raw, bare]):
                hits = [
                    e
                    for e in self.gaz.lookup(candidate)
                    if e.feature == feature and (cc is None or e.country_code == cc)
                ]
                if hits:
                    name = hits[0].name
                    break
            self._admins[k] = name
        return self._admins[k]


# ---------- readers ----------


def _lines(fh: TextIO) -> Iterator[tuple[int, list[str]]]:
    for n, line in enumerate(fh, 1):
        line = line.rstrip("\r\n")
        if line and not line.startswith("#"):
            yield n, line.split("\t")


def _coords(lat: str, lon: str) -> tuple[float, float]:
    la, lo = float(lat), float(lon)
    if not (math.isfinite(la) and math.isfinite(lo) and -90 <= la <= 90 and -180 <= lo <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return la, lo


def _read_admin_codes(fh: TextIO, out: dict[str, str], rej: _Rejects) -> None:
    for n, cols in _lines(fh):
        if len(cols) < 2 or not cols[0] or not cols[1]:
            rej.add("malformed_row", n, "expected code<TAB>name<TAB>asciiname<TAB>geonameid")
            continue
        out[cols[0]] = cols[1]


def _read_geonames(fh: TextIO, ctx: _Context, writer: _Writer, rej: _Rejects) -> None:
    for n, cols in _lines(fh):
        if len(cols) != GEONAMES_COLUMNS:
            rej.add("malformed_row", n, f"expected {GEONAMES_COLUMNS} tab-separated columns, got {len(cols)}")
            continue
        gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = cols[:9]
        if not gid.isdigit() or not name.strip():
            rej.add("malformed_row", n, "missing geonameid or name")
            continue
        try:
            la, lo = _coords(lat, lon)
        except ValueError as e:
            rej.add("bad_coordinates", n, str(e))
            continue
        try:
            population = int(cols[14]) if cols[14].strip() else 0
        except ValueError:
            population = 0
        alt = [a for a in alternates.split(",") if a]
        if fclass not in _ALWAYS_CLASSES and (fclass not in _NAMED_CLASSES or not (population > 0 or alt)):
            continue
        cc = cc.strip().upper() or None
        a1 = a2 = code = None
        if fcode.startswith("PCL") and cc:
            fcode, code = "PCLI", cc
        elif fcode in ("ADM1", "ADM2") and cc and cols[10].strip():
            code = f"{cc}.{cols[10].strip()}" + (f".{cols[11].strip()}" if fcode == "ADM2" else "")
        if cc and cols[10].strip():
            a1 = ctx.admin_from_code("admin1", f"{cc}.{cols[10].strip()}")
            if cols[11].strip():
                a2 = ctx.admin_from_code("admin2", f"{cc}.{cols[10].strip()}.{cols[11].strip()}")
        entry = Entry(
            f"geonames:{gid}",
            name.strip(),
            la,
            lo,
            cc,
            a1,
            a2,
            fcode or ("PPL" if fclass == "P" else fclass),
            max(population, 0),
            code,
        )
        names = list(clean_alternates([ascii_name, *alt] if ascii_name != name else alt))
        writer.add(entry, names)


def _read_alternate_names(fh: TextIO, gaz: Gazetteer, writer: _Writer, rej: _Rejects) -> None:
    known: dict[str, bool] = {}
    for n, cols in _lines(fh):
        if len(cols) < 4 or not cols[1].isdigit():
            rej.add("malformed_row", n, "expected alternateNameId, geonameid, isolanguage, name, ...")
            continue
        if cols[2] in _SKIP_LANGS or not cols[3]:
            continue
        gid = f"geonames:{cols[1]}"
        if gid not in known:
            if len(known) > 200_000:
                known.clear()
            known[gid] = gid in writer.pending or gaz.get(gid) is not None
        if not known[gid]:
            continue
        for alias in clean_alternates([cols[3]]):
            writer.add_aliases(gid, [alias])


def _read_csv(fh: TextIO, kind: str, ctx: _Context, writer: _Writer, rej: _Rejects) -> None:
    reader = csv.reader(fh, skipinitialspace=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return
    col = {h: i for i, h in enumerate(header)}
    last = -1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            if reader.line_num == last:
                break
            last = reader.line_num
            rej.add("malformed_row", reader.line_num, str(e))
            continue
        n = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            rej.add("malformed_row", n, f"expected {len(header)} comma-separated columns, got {len(row)}")
            continue

        def get(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None else ""

        try:
            la, lo = _coords(get("latitude"), get("longitude"))
        except ValueError as e:
            rej.add("bad_coordinates", n, str(e))
            continue
        lat_r, lon_r = round(la, 5), round(lo, 5)
        if kind == USER:
            name = normalise_text(get("name"))
            if not name:
                rej.add("malformed_row", n, "empty name")
                continue
            cc = get("country_code").upper() or None
            entry = Entry(
                f"user:{stable_id(name, lat_r, lon_r)}",
                name,
                la,
                lo,
                cc,
                get("admin1") or None,
                get("admin2") or None,
                get("feature") or "PPL",
            )
            aliases = [a.strip() for a in _ALT_SPLIT.split(get("alternate_names")) if a.strip()]
            writer.add(entry, aliases)
            continue
        if kind == UCDP:
            prec = get("where_prec")
            if prec.isdigit() and int(prec) >= 3:
                continue  # admin-unit or country centroid, not a place
            name = normalise_text(_SETTLEMENT_WORD.sub("", _PAREN.sub("", get("where_coordinates"))))
            raw_a1, raw_a2 = get("adm_1"), get("adm_2")
        else:
            name = normalise_text(get("location"))
            raw_a1, raw_a2 = get("admin1"), get("admin2")
        if not name:
            rej.add("malformed_row", n, "empty place name")
            continue
        cc = ctx.country_code(_PAREN.sub("", get("country")) or get("country"))
        a1 = ctx.admin(cc, raw_a1, "ADM1")
        a2 = ctx.admin(cc, raw_a2, "ADM2")
        writer.add(Entry(f"{kind}:{stable_id(name, lat_r, lon_r)}", name, la, lo, cc, a1, a2, "PPL"))
