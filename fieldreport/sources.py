"""Read inputs into RawDocs, streaming, turning every unusable item into a Reject.

Nothing here raises for bad *content*: a run over a messy corpus must finish and
account for every file, line, record and feed item it saw. Only a path the user
typed that matches nothing raises ``InputError`` (the CLI exits with status 2).

Formats are chosen by extension (``.xml`` is sniffed for a feed). Container
formats (JSONL, CSV, WARC) are read one line / row / record at a time and the
size limit applies to each item; single-document files (text, HTML, feeds,
which feedparser must parse whole) are checked against it with ``stat`` before
anything is read.
"""

from __future__ import annotations

import codecs
import csv
import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from .errors import InputError
from .headline import headline
from .records import RawDoc, Reject
from .settings import Config

STDIN = "-"
_SNIFF = 8192
_GLOB_CHARS = frozenset("*?[")
_TEXT_SUFFIXES = {"", ".txt", ".text"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FEED_SUFFIXES = {".rss", ".atom"}
SUPPORTED = ".txt .text (or none), .html .htm, .jsonl .ndjson, .csv, .warc .warc.gz, .rss .atom .xml"
# Magic numbers of common non-text files that may contain no NUL in their first bytes.
_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ITEM_FIELDS = ("url", "title", "published", "outlet", "author")


# ---------------------------------------------------------------- expanding paths


def expand(inputs: Sequence[str]) -> list[Path]:
    """Files, folders (recursively, sorted) and glob patterns as a list of file paths.

    ``-`` stays as the stdin marker. Each path appears once, at its first position.
    Raises ``InputError`` for an input that names nothing.
    """
    out: list[Path] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = str(p)
        if key not in seen:
            seen.add(key)
            out.append(p)

    for item in inputs:
        if item == STDIN:
            add(Path(STDIN))
            continue
        raw = os.path.expanduser(item)
        if _GLOB_CHARS & set(raw) and not os.path.lexists(raw):
            matches = sorted(glob.glob(raw, recursive=True), key=lambda m: Path(m).parts)
            if not matches:
                raise InputError(
                    f"Input pattern {item!r} matches no file. Check the pattern, or run from the folder "
                    "it is relative to."
                )
            for m in matches:
                for p in _walk(Path(m)):
                    add(p)
            continue
        if not os.path.lexists(raw):
            raise InputError(
                f"Input {item!r} does not exist. Check the path, or pass a folder or a quoted glob "
                "pattern such as 'articles/**/*.txt'."
            )
        for p in _walk(Path(raw)):
            add(p)
    return out


def _walk(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    unlisted: list[Path] = []

    def onerror(err: OSError) -> None:
        # A folder we cannot list is handed on as a path so that read() rejects it
        # as unreadable instead of it disappearing from the run.
        unlisted.append(Path(err.filename))

    found: list[Path] = []
    for root, dirs, files in os.walk(path, onerror=onerror):
        dirs.sort()
        found.extend(Path(root) / f for f in files)
    yield from sorted(found + unlisted, key=lambda p: p.parts)


# ---------------------------------------------------------------- reading


def read(inputs: Sequence[str], cfg: Config, stdin: TextIO | None = None) -> Iterator[RawDoc | Reject]:
    """Stream RawDocs and Rejects from the inputs, in input order.

    Paths are expanded eagerly, so a missing input raises ``InputError`` at the call,
    before anything is read.
    """
    paths = expand(inputs)
    return _read_all(paths, cfg, stdin)


def _read_all(paths: list[Path], cfg: Config, stdin: TextIO | None) -> Iterator[RawDoc | Reject]:
    for path in paths:
        if str(path) == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, cfg)
        else:
            yield from read_file(path, cfg)


def read_file(path: Path, cfg: Config) -> Iterator[RawDoc | Reject]:
    """Everything one file yields; never raises for what the file contains."""
    origin = str(path)
    try:
        if path.name.startswith("."):
            yield Reject(origin, "unsupported_format", f"hidden file {path.name!r} is not read")
            return
        st = path.stat()
        if not path.is_file():
            yield Reject(origin, "unreadable", "not a regular file")
            return
        fmt = _format(path)
        if fmt is None:
            yield Reject(origin, "unsupported_format", f"extension {_suffix(path)!r}; supported: {SUPPORTED}")
            return
        if st.st_size == 0:
            yield Reject(origin, "empty", "file is 0 bytes")
            return
        if fmt in ("txt", "html", "feed", "xml") and st.st_size > cfg.max_bytes:
            yield Reject(origin, "too_large", f"{st.st_size} bytes > max_bytes {cfg.max_bytes}")
            return
        with path.open("rb") as f:
            head = f.read(_SNIFF)
        if fmt != "warc" and _is_binary(head):
            yield Reject(origin, "binary", "file holds binary data (NUL bytes or a binary file signature)")
            return
        if fmt == "xml":
            fmt = "feed" if _is_feed(head) else ""
            if not fmt:
                yield Reject(origin, "unsupported_format", "XML file that is neither an RSS nor an Atom feed")
                return
        if fmt == "txt":
            yield _read_single(path, "txt")
        elif fmt == "html":
            yield _read_single(path, "html")
        elif fmt == "jsonl":
            with path.open("rb") as f:
                yield from _read_jsonl(_lines(f, cfg.max_bytes), origin, "jsonl", cfg)
        elif fmt == "csv":
            yield from _read_csv(path, cfg)
        elif fmt == "warc":
            yield from _read_warc(path, cfg)
        else:
            yield from _read_feed(path)
    except OSError as e:
        yield Reject(origin, "unreadable", f"{type(e).__name__}: {e.strerror or e}")
    except Exception as e:  # noqa: BLE001 - a parser bug on one file must not end the run
        yield Reject(origin, "unreadable", f"{type(e).__name__}: {e}")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _format(path: Path) -> str | None:
    suffix = _suffix(path)
    if suffix in _TEXT_SUFFIXES:
        return "txt"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix in (".warc", ".warc.gz"):
        return "warc"
    if suffix in _FEED_SUFFIXES:
        return "feed"
    if suffix == ".xml":
        return "xml"
    return None


def _is_binary(head: bytes) -> bool:
    if b"\x00" in head or head.startswith(_MAGIC):
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.1


def _is_feed(head: bytes) -> bool:
    low = head.lower()
    return b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low


def decode(data: bytes, html: bool = False) -> str:
    """UTF-8 (BOM dropped); HTML may instead declare its own charset in a <meta> tag.

    Raises ``UnicodeDecodeError`` with a message naming the bad byte and its offset.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if html:
            m = _CHARSET.search(data[:4096])
            if m:
                name = m.group(1).decode("ascii", "replace")
                try:
                    if codecs.lookup(name).name != "utf-8":
                        return data.decode(name)
                except (LookupError, UnicodeDecodeError):
                    pass
        why = f"invalid byte 0x{data[e.start : e.start + 1].hex()} at offset {e.start}"
        raise UnicodeDecodeError("utf-8", data, e.start, e.end, why) from e


def _read_single(path: Path, fmt: str) -> RawDoc | Reject:
    origin = str(path)
    data = path.read_bytes()
    try:
        text = decode(data, html=fmt == "html")
    except UnicodeDecodeError as e:
        return Reject(origin, "invalid_utf8", e.reason)
    if not text.strip():
        return Reject(origin, "empty", "file holds only whitespace")
    if fmt == "html":
        return RawDoc(origin=origin, fmt="html", html=text)
    return RawDoc(origin=origin, fmt="txt", text=text)


# ---------------------------------------------------------------- JSONL and stdin


def _lines(f: IO[Any], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, UTF-8 bytes) per line of a binary or text stream; None for a line longer
    than max_bytes, which is skipped in bounded chunks, never held in memory."""
    n = 0
    while line := f.readline(max_bytes + 1):
        n += 1
        data = line if isinstance(line, bytes) else line.encode("utf-8", "surrogateescape")
        if len(data.rstrip(b"\r\n")) > max_bytes:
            while line and line[-1:] not in ("\n", b"\n"):
                line = f.readline(1 << 20)
            yield n, None
        else:
            yield n, data


def _read_stdin(stdin: TextIO, cfg: Config) -> Iterator[RawDoc | Reject]:
    yield from _read_jsonl(_lines(stdin, cfg.max_bytes), "<stdin>", "stdin", cfg)


def _read_jsonl(
    lines: Iterable[tuple[int, bytes | None]], prefix: str, fmt: str, cfg: Config
) -> Iterator[RawDoc | Reject]:
    any_content = False
    for n, data in lines:
        origin = f"{prefix}:line {n}"
        if data is None:
            any_content = True
            yield Reject(origin, "too_large", f"line {n}: longer than max_bytes {cfg.max_bytes}")
            continue
        if not data.strip():
            continue  # blank separator lines are not items
        any_content = True
        try:
            line = data.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            bad = data[e.start : e.start + 1].hex()
            yield Reject(origin, "invalid_utf8", f"line {n}: invalid byte 0x{bad}")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Reject(origin, "malformed_json", f"line {n}: {e.msg} (column {e.colno})")
            continue
        if not isinstance(obj, dict):
            got = type(obj).__name__
            yield Reject(origin, "malformed_json", f"line {n}: expected a JSON object, got {got}")
            continue
        yield _item(obj, origin, fmt, f"line {n}")
    if not any_content:
        yield Reject(prefix, "empty", "no JSON lines, only whitespace")


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    return s if s.strip() else None


def _item(obj: dict[str, Any], origin: str, fmt: str, where: str) -> RawDoc | Reject:
    """A JSONL object or CSV row as a RawDoc; text wins over html when both are given."""
    text = _str(obj.get("text"))
    html = None if text else _str(obj.get("html"))
    if text is None and html is None:
        if headline(_str(obj.get("title"))) is None:
            return Reject(origin, "missing_text", f"{where}: no non-empty 'text' or 'html'")
        text = ""  # an empty page under a headline that tells an incident: the headline is its text
    meta = {k: _str(obj.get(k)) for k in _ITEM_FIELDS}
    section = _first(obj.get("section")) or _first(obj.get("category"))
    return RawDoc(
        origin=origin, fmt=fmt, text=text, html=html, source_id=_str(obj.get("id")), section=section, **meta
    )


def _first(value: Any) -> str | None:
    """A value, or the first non-empty one of a list ("category": ["Opinion", "Syria"])."""
    values = value if isinstance(value, list) else [value]
    return next(filter(None, (_str(v) for v in values if not isinstance(v, (dict, list)))), None)


# ---------------------------------------------------------------- CSV


def _read_csv(path: Path, cfg: Config) -> Iterator[RawDoc | Reject]:
    origin = str(path)
    # The limit is process-wide; only ever raise it, and check each row against max_bytes below.
    if csv.field_size_limit() <= cfg.max_bytes:
        csv.field_size_limit(cfg.max_bytes + 1)
    # surrogateescape keeps undecodable bytes visible per row instead of aborting the file.
    with path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            yield Reject(origin, "empty", "CSV has no header row")
            return
        except csv.Error as e:
            yield Reject(origin, "malformed_csv", f"line 1: {e}")
            return
        names = [h.strip().lower() for h in header]
        if "text" not in names and "html" not in names:
            yield Reject(origin, "missing_text", f"CSV header has no 'text' or 'html' column: {header[:10]}")
            return
        start = reader.line_num + 1
        rows = 0
        while True:
            where = f"line {start}"
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                too_big = "field larger than field limit" in str(e)
                reason = "too_large" if too_big else "malformed_csv"
                yield Reject(f"{origin}:{where}", reason, f"{where}: {e}")
                start = reader.line_num + 1
                continue
            item_origin = f"{origin}:{where}"
            start = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            size = sum(len(cell) for cell in row)
            if size > cfg.max_bytes:
                detail = f"{where}: {size} characters > max_bytes {cfg.max_bytes}"
                yield Reject(item_origin, "too_large", detail)
                continue
            if any(_has_surrogate(cell) for cell in row):
                yield Reject(item_origin, "invalid_utf8", f"{where}: bytes that are not UTF-8")
                continue
            yield _item(dict(zip(names, row, strict=False)), item_origin, "csv", where)
        if rows == 0:
            yield Reject(origin, "empty", "CSV has a header but no rows")


def _has_surrogate(s: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in s)


# ---------------------------------------------------------------- WARC


def _read_warc(path: Path, cfg: Config) -> Iterator[RawDoc | Reject]:
    """HTML response records, one RawDoc each.

    warcio does not raise on most cut-off files: it hands back a short last record
    or silently drops a record whose header is cut. Both are checked for here, so a
    truncated archive keeps what came before the cut and rejects the rest.
    """
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    size = path.stat().st_size
    n = 0
    with path.open("rb") as f:
        it = ArchiveIterator(f)
        try:
            for rec in it:
                n += 1
                item_origin = f"{origin}#record {n}"
                declared = rec.rec_headers.get_header("Content-Length")
                if declared is None:
                    yield _warc_failure(path, n, "header cut off")
                    return
                if int(declared) > cfg.max_bytes:
                    detail = f"record {n}: {declared} bytes > max_bytes {cfg.max_bytes}"
                    yield Reject(item_origin, "too_large", detail)
                    continue
                if rec.rec_type != "response":
                    # warcinfo, request and metadata records describe the crawl, not a document;
                    # they are still drained here so that a cut inside one is noticed.
                    while rec.raw_stream.read(1 << 16):
                        pass
                    if getattr(rec.raw_stream, "limit", 0):
                        yield _warc_failure(path, n, f"cut off inside a {rec.rec_type or 'untyped'} record")
                        return
                    continue
                payload = rec.content_stream().read()
                missing = getattr(rec.raw_stream, "limit", 0)
                status = rec.http_headers.get_statuscode() if rec.http_headers else None
                if missing or not status:
                    detail = f"record {n}: cut off, {missing} of {declared} bytes missing"
                    yield Reject(item_origin, "truncated_warc", detail)
                    return
                yield _warc_doc(rec, payload, item_origin, n)
            end = it.get_record_offset() + it.get_record_length() if n else 0
        except Exception as e:  # noqa: BLE001 - warcio and zlib raise many types on damaged input
            yield _warc_failure(path, n + 1, f"cut off or damaged ({type(e).__name__}: {e})")
            return
    # An uncompressed WARC ends each record with two CRLFs that may be cut without loss.
    if n == 0 or size - end > 4:
        yield _warc_failure(path, n + 1, f"{size - end} bytes after record {n} are not a complete record")


def _warc_failure(path: Path, n: int, what: str) -> Reject:
    """A damaged record: truncated_warc, unless the file never was a WARC."""
    if n == 1 and not _starts_like_warc(path):
        return Reject(str(path), "unsupported_format", "not a WARC file: it does not start with 'WARC/'")
    return Reject(f"{path}#record {n}", "truncated_warc", f"record {n}: {what}")


def _starts_like_warc(path: Path) -> bool:
    import gzip

    try:
        with path.open("rb") as f:
            magic = f.read(2)
        opener = gzip.open if magic == b"\x1f\x8b" else open
        with opener(path, "rb") as f:
            head = f.read(5)
    except EOFError:
        return True  # a gzip stream cut before its first bytes came out: cannot tell, call it cut
    except OSError:
        return False
    return bool(head) and b"WARC/".startswith(head)  # a file cut inside "WARC/" is still a WARC


def _warc_doc(rec: Any, payload: bytes, origin: str, n: int) -> RawDoc | Reject:
    ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        detail = f"record {n}: content type {ctype or 'unknown'!r} is not HTML"
        return Reject(origin, "unsupported_format", detail)
    if not payload.strip():
        return Reject(origin, "empty", f"record {n}: response body is empty")
    if _is_binary(payload[:_SNIFF]):
        return Reject(origin, "binary", f"record {n}: response body holds binary data")
    m = re.search(r"charset=([\w.:-]+)", ctype)
    try:
        if m and codecs.lookup(m.group(1)).name != "utf-8":
            html = payload.decode(m.group(1))
        else:
            html = decode(payload, html=True)
    except (UnicodeDecodeError, LookupError) as e:
        return Reject(origin, "invalid_utf8", f"record {n}: {e}")
    return RawDoc(
        origin=origin,
        fmt="warc",
        html=html,
        url=rec.rec_headers.get_header("WARC-Target-URI"),
        published=rec.rec_headers.get_header("WARC-Date"),
    )


# ---------------------------------------------------------------- feeds


def _read_feed(path: Path) -> Iterator[RawDoc | Reject]:
    import feedparser

    origin = str(path)
    parsed = feedparser.parse(path.read_bytes())
    entries = parsed.get("entries") or []
    feed_meta = parsed.get("feed") or {}
    version = parsed.get("version") or ""
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and isinstance(problem, feedparser.CharacterEncodingOverride):
        problem = None  # a wrong declared encoding that feedparser recovered from
    if not entries and (problem is not None or not version):
        detail = str(problem) if problem is not None else "no RSS or Atom root element"
        yield Reject(origin, "malformed_feed", detail)
        return
    outlet = _str(feed_meta.get("title"))
    for i, entry in enumerate(entries, start=1):
        item_origin = f"{origin}#item {i}"
        html = None
        for content in entry.get("content") or []:
            html = _str(content.get("value"))
            if html:
                break
        html = html or _str(entry.get("summary"))
        if html is None:
            yield Reject(item_origin, "missing_text", f"item {i}: no content, content:encoded or summary")
            continue
        yield RawDoc(
            origin=item_origin,
            fmt="rss",
            html=html,
            url=_str(entry.get("link")),
            title=_str(entry.get("title")),
            published=_str(entry.get("published") or entry.get("updated")),
            outlet=outlet,
            author=_str(entry.get("author")),
            source_id=_str(entry.get("id")),
            section=_first([t.get("term") for t in entry.get("tags") or []]),  # the item's <category>
        )
    if not entries:
        yield Reject(origin, "empty", "feed has no items")
    elif problem is not None:
        detail = f"feed is cut off or broken: {problem}"
        yield Reject(f"{origin}#item {len(entries) + 1}", "malformed_feed", detail)
