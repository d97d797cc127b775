from __future__ import annotations

import csv
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from fieldreport import sources
from fieldreport.errors import InputError
from fieldreport.records import RawDoc, Reject
from fieldreport.settings import Config

from .fixtures_sources import (
    ARTICLE_HTML,
    ARTICLE_TXT,
    ATOM,
    RSS,
    UNDATED_HTML,
    item,
    write_jsonl,
    write_warc,
)

CFG = Config()


def read_all(inputs: list[str], cfg: Config = CFG, stdin: io.StringIO | None = None) -> list[RawDoc | Reject]:
    return list(sources.read(inputs, cfg, stdin=stdin))


def docs(items: list[RawDoc | Reject]) -> list[RawDoc]:
    return [x for x in items if isinstance(x, RawDoc)]


def rejects(items: list[RawDoc | Reject]) -> list[Reject]:
    return [x for x in items if isinstance(x, Reject)]


# ---------------------------------------------------------------- expand


def test_expand_folder_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    for rel in ("z.txt", "a.txt", "b/m.txt", "b/deep/k.txt", "b/c.html"):
        (tmp_path / rel).write_text(ARTICLE_TXT, encoding="utf-8")
    got = [p.relative_to(tmp_path).as_posix() for p in sources.expand([str(tmp_path)])]
    assert got == ["a.txt", "b/c.html", "b/deep/k.txt", "b/m.txt", "z.txt"]


def test_expand_globs_stdin_marker_and_no_duplicates(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for rel in ("one.txt", "two.txt", "sub/three.txt", "sub/four.html"):
        (tmp_path / rel).write_text(ARTICLE_TXT, encoding="utf-8")
    flat = sources.expand([str(tmp_path / "*.txt")])
    assert [p.name for p in flat] == ["one.txt", "two.txt"]
    deep = sources.expand([str(tmp_path / "**" / "*.txt"), "-", str(tmp_path / "one.txt")])
    assert [p.name for p in deep] == ["one.txt", "three.txt", "two.txt", "-"]


def test_expand_missing_path_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="nope.txt.*does not exist") as info:
        sources.expand([str(missing)])
    assert info.value.exit_code == 2
    with pytest.raises(InputError, match=r"matches no file"):
        sources.expand([str(tmp_path / "*.jsonl")])
    # read() checks eagerly: the error comes at the call, not at the first item.
    with pytest.raises(InputError):
        sources.read([str(missing)], CFG)


# ---------------------------------------------------------------- formats


def test_txt_and_extensionless_and_html(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (tmp_path / "b").write_text("\ufeff" + ARTICLE_TXT, encoding="utf-8")  # BOM is dropped
    (tmp_path / "c.text").write_text(ARTICLE_TXT, encoding="utf-8")
    (tmp_path / "d.htm").write_text(ARTICLE_HTML, encoding="utf-8")
    items = read_all([str(tmp_path)])
    assert [(x.origin, x.fmt) for x in docs(items)] == [
        (str(tmp_path / "a.txt"), "txt"),
        (str(tmp_path / "b"), "txt"),
        (str(tmp_path / "c.text"), "txt"),
        (str(tmp_path / "d.htm"), "html"),
    ]
    assert rejects(items) == []
    a, b, _, d = docs(items)
    assert a.text == ARTICLE_TXT and a.html is None
    assert b.text == ARTICLE_TXT
    assert d.html == ARTICLE_HTML and d.text is None


def test_html_with_declared_latin1_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 shelled</p></body></html>'
    (tmp_path / "l.html").write_bytes(page.encode("latin-1"))
    [doc] = read_all([str(tmp_path / "l.html")])
    assert isinstance(doc, RawDoc) and "Café shelled" in (doc.html or "")


def test_jsonl_items_with_metadata_and_line_origins(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "items.jsonl", [item(1), "", item(2, text=None, html="<p>Hi</p>", author="Al")]
    )
    items = read_all([str(path)])
    assert rejects(items) == []
    first, second = docs(items)
    assert first == RawDoc(
        origin=f"{path}:line 1",
        fmt="jsonl",
        text=item(1)["text"],
        url="https://news.example.org/story/1",
        title="Item 1 report",
        published="2019-03-02",
        outlet="Example News",
        source_id="doc-1",
    )
    assert second.origin == f"{path}:line 3"
    assert second.text is None and second.html == "<p>Hi</p>" and second.author == "Al"


def test_ndjson_extension_and_malformed_line_among_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "mixed.ndjson"
    path.write_text(
        json.dumps(item(1))
        + "\n"
        + '{"id": "x" "text": "broken"}\n'
        + "[1, 2]\n"
        + json.dumps(item(4))
        + "\n",
        encoding="utf-8",
    )
    items = read_all([str(path)])
    assert [x.source_id for x in docs(items)] == ["doc-1", "doc-4"]
    assert rejects(items) == [
        Reject(f"{path}:line 2", "malformed_json", "line 2: Expecting ',' delimiter (column 12)"),
        Reject(f"{path}:line 3", "malformed_json", "line 3: expected a JSON object, got list"),
    ]


def test_jsonl_missing_text_and_bad_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    good = json.dumps(item(1)).encode()
    no_text = json.dumps({"id": "n", "text": "   ", "url": "https://x.example/1"}).encode()
    bad_utf8 = b'{"id": "b", "text": "caf\xe9"}'
    path.write_bytes(good + b"\n" + no_text + b"\n" + bad_utf8 + b"\n")
    items = read_all([str(path)])
    assert len(docs(items)) == 1
    assert [(r.origin, r.reason) for r in rejects(items)] == [
        (f"{path}:line 2", "missing_text"),
        (f"{path}:line 3", "invalid_utf8"),
    ]
    assert rejects(items)[0].detail == "line 2: no non-empty 'text' or 'html'"


def test_an_empty_page_under_a_headline_that_tells_an_incident_is_read(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    told = {
        "id": "t",
        "text": "",
        "title": "Teen shot in foot during party - WXYZ",
        "url": "https://x.example/2",
    }
    untold = {"id": "u", "text": "", "title": "Weather for the weekend", "url": "https://x.example/3"}
    path.write_text(json.dumps(told) + "\n" + json.dumps(untold) + "\n", encoding="utf-8")
    items = read_all([str(path)])
    assert [(d.text, d.title) for d in docs(items)] == [("", "Teen shot in foot during party - WXYZ")]
    assert [(r.origin, r.reason) for r in rejects(items)] == [(f"{path}:line 2", "missing_text")]


def test_jsonl_line_over_max_bytes_is_rejected_and_others_read(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", [item(1), item(2, text="x" * 5000), item(3)])
    items = read_all([str(path)], Config(max_bytes=2000))
    assert [x.source_id for x in docs(items)] == ["doc-1", "doc-3"]
    assert [(r.origin, r.reason) for r in rejects(items)] == [(f"{path}:line 2", "too_large")]


def test_csv_rows_with_multiline_text(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "title", "text", "url", "published", "outlet", "author"])
        w.writeheader()
        w.writerow({k: v for k, v in item(1).items() if k in w.fieldnames} | {"author": "Mara Lind"})
        w.writerow({"id": "empty", "text": "", "url": "https://x.example/e"})
        w.writerow({k: v for k, v in item(2).items() if k in w.fieldnames})
    items = read_all([str(path)])
    first, second = docs(items)
    assert first.origin == f"{path}:line 2"
    assert first.fmt == "csv" and first.text == item(1)["text"] and first.author == "Mara Lind"
    assert first.source_id == "doc-1" and first.published == "2019-03-02"
    # item 1's text spans 7 physical lines (3 of them blank), so the next row starts on line 9.
    assert rejects(items) == [
        Reject(f"{path}:line 9", "missing_text", "line 9: no non-empty 'text' or 'html'")
    ]
    assert second.origin == f"{path}:line 10" and second.source_id == "doc-2"


def test_csv_without_text_column_is_one_reject(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,hello\n2,there\n", encoding="utf-8")
    [r] = read_all([str(path)])
    assert isinstance(r, Reject) and (r.origin, r.reason) == (str(path), "missing_text")


def test_stdin_jsonl(tmp_path: Path) -> None:
    stream = io.StringIO(json.dumps(item(1)) + "\nnot json\n" + json.dumps(item(2)) + "\n")
    items = read_all(["-"], stdin=stream)
    assert [(x.origin, x.fmt) for x in docs(items)] == [
        ("<stdin>:line 1", "stdin"),
        ("<stdin>:line 3", "stdin"),
    ]
    assert [(r.origin, r.reason) for r in rejects(items)] == [("<stdin>:line 2", "malformed_json")]


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_html_responses(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    write_warc(
        path,
        [("https://courier.example.com/a", ARTICLE_HTML), ("https://b.example.org/x", UNDATED_HTML)],
        gzip=compressed,
    )
    items = read_all([str(path)])
    assert rejects(items) == []
    a, b = docs(items)
    # warcinfo is record 1; each page is a request then a response.
    assert (a.origin, b.origin) == (f"{path}#record 3", f"{path}#record 5")
    assert a.fmt == "warc" and a.url == "https://courier.example.com/a" and a.html == ARTICLE_HTML
    assert b.url == "https://b.example.org/x"
    assert a.published is not None and a.published[:4].isdigit() and "T" in a.published


@pytest.mark.parametrize("compressed", [False, True])
def test_truncated_warc_keeps_records_before_the_cut(tmp_path: Path, compressed: bool) -> None:
    pages = [
        (f"https://example.org/{i}", ARTICLE_HTML.replace("river town", f"river town {i}")) for i in range(6)
    ]
    whole = write_warc(tmp_path / ("w.warc.gz" if compressed else "w.warc"), pages, gzip=compressed)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    cut.write_bytes(data[: len(data) // 2])
    items = read_all([str(cut)])
    kept = docs(items)
    assert 1 <= len(kept) < 6
    assert [d.url for d in kept] == [u for u, _ in pages[: len(kept)]]
    assert all(d.html in {h for _, h in pages} for d in kept)  # no cut-off page passed as whole
    [r] = rejects(items)
    assert r.reason == "truncated_warc" and r.origin.startswith(f"{cut}#record ")
    assert int(r.origin.rsplit(" ", 1)[1]) > int(kept[-1].origin.rsplit(" ", 1)[1])


def test_warc_non_html_response_is_rejected(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "img.warc"
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=False)
        h = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://x.example/p.png", "response", payload=io.BytesIO(b"png"), http_headers=h
            )
        )
    [r] = read_all([str(path)])
    assert r == Reject(
        f"{path}#record 1", "unsupported_format", "record 1: content type 'image/png' is not HTML"
    )


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "desk.xml").write_text(ATOM, encoding="utf-8")  # .xml is sniffed
    items = read_all([str(tmp_path / "wire.rss"), str(tmp_path / "desk.xml")])
    assert rejects(items) == []
    first, second, atom = docs(items)
    assert first.origin == f"{tmp_path / 'wire.rss'}#item 1" and first.fmt == "rss"
    assert first.title == "Convoy struck on northern highway"
    assert first.url == "https://wire.example.org/convoy"
    assert first.published == "Sun, 03 Mar 2019 23:10:00 -0500"
    assert first.author == "Mara Lind" and first.outlet == "Frontline Wire"
    assert first.html is not None and first.html.startswith("<p>A supply convoy")  # content:encoded wins
    assert second.origin.endswith("#item 2") and second.html is not None and "garrison towns" in second.html
    assert atom.origin == f"{tmp_path / 'desk.xml'}#item 1"
    assert (atom.title, atom.url, atom.published, atom.author, atom.outlet) == (
        "Bridge over the canal destroyed",
        "https://atom.example.net/bridge",
        "2019-03-05T07:00:00Z",
        "Kim Sato",
        "Atom Desk",
    )


def test_a_section_or_category_is_carried_as_the_section(tmp_path: Path) -> None:
    rows = [
        item(1, section="Opinion", category="World"),
        item(2, category=["", "Analysis", "Syria"]),
        item(3, section="  ", category={"name": "x"}),
    ]
    jsonl = write_jsonl(tmp_path / "a.jsonl", rows)
    table = tmp_path / "b.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "Category"])
        w.writeheader()
        w.writerow({"id": "c1", "text": "Shelling in the north.", "Category": "Comment"})
    feed = tmp_path / "c.rss"
    feed.write_text(
        RSS.replace("<dc:creator>", "<category>Opinion</category><category>Syria</category><dc:creator>", 1),
        encoding="utf-8",
    )
    items = read_all([str(jsonl), str(table), str(feed)])
    assert rejects(items) == []
    assert [d.section for d in docs(items)] == ["Opinion", "Analysis", None, "Comment", "Opinion", None]


def test_malformed_feed_cut_feed_and_plain_xml(tmp_path: Path) -> None:
    (tmp_path / "bad.rss").write_text("this is not a feed at all", encoding="utf-8")
    (tmp_path / "cut.rss").write_text(RSS[: RSS.index("Second item")], encoding="utf-8")
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book/></catalog>", encoding="utf-8")
    items = read_all([str(tmp_path)])
    # The item before the cut is kept; the cut item and the rest of the feed are rejected.
    assert [(Path(d.origin).name, d.title) for d in docs(items)] == [
        ("cut.rss#item 1", "Convoy struck on northern highway")
    ]
    assert [(Path(r.origin).name, r.reason) for r in rejects(items)] == [
        ("bad.rss", "malformed_feed"),
        ("cut.rss#item 2", "missing_text"),
        ("cut.rss#item 3", "malformed_feed"),
        ("data.xml", "unsupported_format"),
    ]


# ---------------------------------------------------------------- bad input


def test_bad_files_in_a_folder_each_get_a_reason(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (tmp_path / "zero.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n  ", encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def" * 10)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 near the front line".encode("latin-1"))
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "gz.txt").write_bytes(gzip.compress(b"hello"))
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    items = read_all([str(tmp_path)])
    assert [Path(x.origin).name for x in docs(items)] == ["good.txt"]
    got = {Path(r.origin).name: r.reason for r in rejects(items)}
    assert got == {
        ".DS_Store": "unsupported_format",
        "blank.txt": "empty",
        "doc.pdf": "unsupported_format",
        "gz.txt": "binary",
        "latin.txt": "invalid_utf8",
        "link.txt": "unreadable",
        "nul.txt": "binary",
        "pic.png": "unsupported_format",
        "zero.txt": "empty",
    }
    details = {Path(r.origin).name: r.detail for r in rejects(items)}
    assert details["latin.txt"] == "invalid byte 0xe9 at offset 3"
    assert details["zero.txt"] == "file is 0 bytes"


def test_50mb_text_file_is_too_large_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    chunk = ("shelling reported near the river crossing " * 1000 + "\n").encode()
    with big.open("wb") as f:
        while f.tell() < 50_000_000:
            f.write(chunk)
    assert big.stat().st_size > CFG.max_bytes == 20_000_000

    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(self.name)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    [r] = read_all([str(big)])
    assert isinstance(r, Reject) and r.reason == "too_large"
    assert r.detail == f"{big.stat().st_size} bytes > max_bytes 20000000"
    assert opened == []


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "many.jsonl", [item(i) for i in range(1, 50)])
    stream = sources.read([str(path)], CFG)
    first = next(iter(stream))
    assert isinstance(first, RawDoc) and first.source_id == "doc-1"


def test_file_named_warc_that_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "notes.warc").write_text("just some notes, not an archive\n" * 3, encoding="utf-8")
    (tmp_path / "head.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n")
    (tmp_path / "tiny.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nContent-Length: 5000\r\n\r\n<html>"))
    got = [(Path(r.origin).name, r.reason) for r in rejects(read_all([str(tmp_path)]))]
    assert got == [
        ("head.warc#record 1", "truncated_warc"),
        ("notes.warc", "unsupported_format"),
        ("tiny.warc.gz#record 1", "truncated_warc"),
    ]
