"""Small invented articles and file writers shared by test_sources and test_clean.

Every article here is made up for the tests; none is copied from a real outlet.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

PARAS = (
    "A supply convoy was hit by two roadside bombs on the northern highway early on Tuesday, "
    "killing three drivers and wounding five soldiers, a regional spokesman said.",
    "The trucks had left the depot at dawn carrying fuel and flour to garrison towns along the river, "
    "and the second blast struck as crews tried to pull the wounded from the first vehicle.",
    "No group has said it planted the devices, but the road has been mined several times this year.",
)
BODY = "\n\n".join(PARAS)

# A plain-text article with a headline, byline, dateline and sign-off.
ARTICLE_TXT = (
    "Convoy struck on northern highway\n\n"
    "By Mara Lind and Tomas Reyes\n\n"
    "KORVAL, Eastland (Northwire) - " + PARAS[0] + "\n\n" + PARAS[1] + "\n\n" + PARAS[2] + "\n\n"
    "- Valley Gazette\n"
)

ARTICLE_HTML = """<!DOCTYPE html>
<html><head>
<title>Shelling hits market | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2020-05-14T09:30:00+03:00">
<meta name="author" content="Lena Park">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Shelling hits market in river town</h1>
<p>Artillery shells struck the central market of a small river town on Wednesday morning, killing four
traders and wounding a dozen shoppers, local officials said.</p>
<figure><img src="smoke.jpg">
<figcaption>Smoke rises over the market on May 13, 2020. (ARI VOSS/AFP)</figcaption></figure>
<p>Witnesses said the first shell landed<br>near the grain stalls shortly after nine o'clock, and two more
followed within minutes.</p>
<blockquote class="twitter-tweet"><p>The market is burning, we need ambulances now</p>&mdash; Town Medic
(@townmedic) <a href="https://example.invalid/t">May 13, 2020</a></blockquote>
<p>No group claimed responsibility for the attack, which came a day after talks between the two sides
broke down over the exchange of prisoners.</p>
</article>
<footer>Copyright 2020 Valley Courier</footer>
</body></html>
"""

# An HTML page with the same story but no date in its metadata (for the WARC-Date fallback).
UNDATED_HTML = """<html><head><title>Bridge destroyed</title></head><body><article>
<h1>Bridge over the canal destroyed</h1>
<p>Engineers blew up the last bridge over the eastern canal on Friday night to slow the advance of armoured
columns, residents said, cutting the main road between the two largest towns of the province.</p>
<p>The army said the demolition was planned weeks ago and that ferries would carry civilians across.</p>
</article></body></html>
"""

EMPTY_BODY_HTML = (
    "<html><head><title>Nothing here</title></head><body><script>var x = 1;</script></body></html>"
)


def item(i: int, **extra: object) -> dict[str, object]:
    """A JSONL/CSV item whose text differs by ``i``."""
    base: dict[str, object] = {
        "id": f"doc-{i}",
        "text": f"Item {i} report\n\n" + BODY,
        "url": f"https://news.example.org/story/{i}",
        "title": f"Item {i} report",
        "published": "2019-03-0" + str(i % 9 + 1),
        "outlet": "Example News",
    }
    base.update(extra)
    return base


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return path


def write_warc(path: Path, pages: list[tuple[str, str]], gzip: bool) -> Path:
    """A WARC with a warcinfo record, then one request and one HTML response record per page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "fieldreport tests"}))
        for url, html in pages:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            payload = io.BytesIO(html.encode("utf-8"))
            writer.write_record(
                writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
            )
    return path


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Frontline Wire</title>
<link>https://wire.example.org/</link>
<description>Test feed</description>
<item>
  <title>Convoy struck on northern highway</title>
  <link>https://wire.example.org/convoy</link>
  <pubDate>Sun, 03 Mar 2019 23:10:00 -0500</pubDate>
  <dc:creator>Mara Lind</dc:creator>
  <description>Short summary only.</description>
  <content:encoded><![CDATA[<p>{p0}</p><p>{p1}</p><p>{p2}</p>]]></content:encoded>
</item>
<item>
  <title>Second item with summary only</title>
  <link>https://wire.example.org/second</link>
  <pubDate>Mon, 04 Mar 2019 08:00:00 +0000</pubDate>
  <description>&lt;p&gt;{p1}&lt;/p&gt;&lt;p&gt;{p2}&lt;/p&gt;</description>
</item>
</channel>
</rss>
""".format(p0=PARAS[0], p1=PARAS[1], p2=PARAS[2])

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Desk</title>
<id>urn:example:atom-desk</id>
<updated>2019-03-05T08:00:00Z</updated>
<entry>
  <title>Bridge over the canal destroyed</title>
  <link href="https://atom.example.net/bridge"/>
  <id>urn:example:bridge</id>
  <published>2019-03-05T07:00:00Z</published>
  <updated>2019-03-05T08:00:00Z</updated>
  <author><name>Kim Sato</name></author>
  <content type="html">&lt;p&gt;{PARAS[0]}&lt;/p&gt;&lt;p&gt;{PARAS[1]}&lt;/p&gt;</content>
</entry>
</feed>
"""
