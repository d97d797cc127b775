"""Article texts from ../shared/data, as {"id", "text"} dicts, for benchmarks that need raw news.

Nothing here is copied into the repository; the texts are read where they lie.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_TAG = re.compile(r"<[^>]+>")


def _xml_texts(path: Path, tag: str) -> Iterator[str]:
    for _, elem in ET.iterparse(path):
        if elem.tag == tag and elem.text:
            yield elem.text
            elem.clear()


def articles(data: Path = DEFAULT_DATA) -> Iterator[dict[str, str]]:
    """Every full article text in the evaluation sets (not snippets or coder notes)."""
    sources = [
        ("gwn", data / "geowebnews" / "GWN.dev.xml"),
        ("lgl", data / "lgl" / "lgl.dev.xml"),
        ("trnews", data / "trnews" / "TR-News.dev.xml"),
        ("geovirus", data / "geovirus" / "GeoVirus.dev.xml"),
    ]
    for name, path in sources:
        if path.exists():
            for i, text in enumerate(_xml_texts(path, "text")):
                yield {"id": f"{name}-{i}", "text": text}
    ipe = data / "indiapoliceevents" / "docs.dev.jsonl"
    if ipe.exists():
        with ipe.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                yield {"id": f"ipe-{doc['doc_id']}", "text": doc["doc_text"]}
    wiki = data / "wikiref220"
    for path in sorted(wiki.glob("*.jsonl")) if wiki.exists() else []:
        with path.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                yield {"id": f"wikiref-{i}", "text": json.loads(line)["text"]}
    for path in sorted((data / "tempeval3").rglob("*.tml")) if (data / "tempeval3").exists() else []:
        raw = path.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if m:
            yield {"id": f"te3-{path.stem}", "text": _TAG.sub("", m.group(1)).strip()}


def acled_notes(data: Path = DEFAULT_DATA) -> Iterator[dict[str, str]]:
    path = data / "acled_africa_2016" / "acled_africa_2016.dev.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)
