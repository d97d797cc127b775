"""What an HTML page declares it is: its section and its schema.org type.

genre.py trusts a publisher's own label ("Opinion", ``OpinionNewsArticle``) over anything it can
read in the text, so these are read straight from the page's tree. Not from trafilatura: its
``pagetype`` lets og:type, which is "article" on every story, override the JSON-LD type, and its
``categories`` may be the site's topic links ("Syria") rather than the section.

A page's metadata is as hostile as the rest of it: a script that is not valid JSON is skipped,
never raised.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

_LD_SCRIPTS = "//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"
_META_SECTION = "//meta[@property='article:section' or @name='article:section']/@content"
# Types that say what kind of writing the page is: Article and its subtypes (NewsArticle,
# OpinionNewsArticle, BlogPosting, LiveBlogPosting, Report, ...). WebPage and Organization do not.
_ARTICLE_TYPE = re.compile(r"(?:Article|Posting|Report)$")
_HTML_COMMENT = re.compile(r"^\s*<!--|-->\s*$")
_WS = re.compile(r"\s+")
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/(?P<stamp>[^/]+)/(?P<url>.+)$")


def page_meta(tree: Any) -> tuple[str | None, str | None]:
    """(section, page_type) the page declares, each None when it declares none.

    ``tree`` is the lxml.html tree of the page. The section is article:section, else JSON-LD
    articleSection; the type is the local schema.org name ("OpinionNewsArticle").
    """
    objects = list(_ld_objects(tree))
    section = _first_text(tree.xpath(_META_SECTION))
    if section is None:
        section = next((s for obj in objects if (s := _first_text(obj.get("articleSection")))), None)
    return section, _page_type(objects)


def _ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """The page's own JSON-LD objects: top level, in an @graph, or a WebPage's mainEntity.

    Deeper objects are left alone: a list of related stories holds other articles' types.
    """
    for script in tree.xpath(_LD_SCRIPTS):
        text = _HTML_COMMENT.sub("", script.text or "")
        try:
            data = json.loads(text, strict=False)  # strict=False: raw line breaks inside strings
        except (ValueError, RecursionError):
            continue
        for obj in data if isinstance(data, list) else [data]:
            if not isinstance(obj, dict):
                continue
            graph = obj.get("@graph")
            nodes = graph if isinstance(graph, list) else [graph] if isinstance(graph, dict) else []
            for node in [obj, *nodes]:
                if isinstance(node, dict):
                    yield node
                    if isinstance(main := node.get("mainEntity"), dict):
                        yield main


def _page_type(objects: list[dict[str, Any]]) -> str | None:
    """The most specific article type: a NewsArticle subtype, else NewsArticle, else the first
    other article type. A page that calls itself both NewsArticle and OpinionNewsArticle is opinion."""
    found: list[str] = []
    for obj in objects:
        types = obj.get("@type")
        for t in types if isinstance(types, list) else [types]:
            if isinstance(t, str) and (name := re.split(r"[/:#]", t.strip())[-1]):
                if _ARTICLE_TYPE.search(name):
                    found.append(name)
    subtypes = [t for t in found if t.endswith("NewsArticle") and t != "NewsArticle"]
    news = [t for t in found if t == "NewsArticle"]
    return (subtypes or news or found or [None])[0]


def _first_text(value: Any) -> str | None:
    """The first non-empty string of a string or a list, whitespace folded."""
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, str) and (text := _WS.sub(" ", v).strip()):
            return text
    return None


def original_url(url: str) -> str:
    """The page an archive's copy is of (web.archive.org/web/2016.../http://www.wral.com/... is
    wral.com's page): its outlet is the original's, not the archive."""
    m = _ARCHIVED.match(url)
    if m is None:
        return url
    inner = m["url"]
    return inner if "://" in inner else "http://" + inner


def archived_on(url: str | None) -> str | None:
    """The day an archive copied the page ("2016-08-27" for web.archive.org/web/20160827194240/...),
    or None for a page that is no archive's copy: the page was published by then."""
    m = _ARCHIVED.match(url or "")
    stamp = m["stamp"] if m else ""
    if len(stamp) < 8 or not stamp[:8].isdigit():
        return None
    day = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
    try:
        _dt.date.fromisoformat(day)
    except ValueError:
        return None
    return day


def page_host(url: str) -> str:
    """The host of the page a URL is of (an archived copy's original); "" for a URL that does not
    parse ("http://[::1"): a bad URL names no outlet, and stops nothing."""
    try:
        return urlsplit(original_url(url)).hostname or ""
    except ValueError:
        return ""


def registered_domain(url: str | None) -> str | None:
    """ "www.reuters.com" -> "reuters.com", "news.bbc.co.uk" -> "bbc.co.uk" (no suffix list: a
    heuristic); an archived copy's is its original's; None for none or a URL that does not parse."""
    if not url:
        return None
    url = original_url(url)
    host = page_host(url if "//" in url else "//" + url).rstrip(".")
    parts = [p for p in host.split(".") if p]
    if len(parts) < 2:
        return host or None
    second_level = parts[-2] in {"co", "com", "org", "net", "gov", "ac", "edu", "news", "or", "ne", "go"}
    keep = 3 if len(parts) >= 3 and len(parts[-1]) == 2 and second_level else 2
    return ".".join(parts[-keep:])
