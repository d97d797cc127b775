"""The dashboard in a real browser (Debian's Chromium through Playwright) against a live server
over the examples, ../shared/seeds and the hostile corpus of tests/data/hostile.

Every test also checks that the page logged no console error, opened no dialog and asked for
nothing but 127.0.0.1: the dashboard must work offline.
"""

from __future__ import annotations

import http.client
import math
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from fieldreport import web
from fieldreport.api import create_app

from .conftest import serving
from .fixtures_injured import write_injured_db

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)"
)
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ROOT = Path(__file__).resolve().parents[1]
RAQQA = (35.95, 39.01)
BAGHOUZ = (34.46, 40.93)
PWNED = "<script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@dataclass
class Browse:
    """A page with what it did recorded: console errors, dialogs, requests to other hosts."""

    page: Any
    base: str
    shots: Path
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def goto(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.ready()
        return self.page

    def ready(self) -> None:
        # (a locator, not wait_for_function: the page's CSP forbids the eval that would need)
        self.page.locator("#view[data-status=ready]").wait_for()

    def api(self, path: str, **params: Any) -> Any:
        response = httpx.get(self.base + path, params=params, timeout=30)
        response.raise_for_status()
        return response.json()

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)

    def check(self) -> None:
        """Nothing went wrong on the page, and nothing left the machine."""
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs
        assert not self.foreign, self.foreign
        assert not self.failed, self.failed
        assert self.page.evaluate("window.__pwned") is None


@pytest.fixture
def browse(browser: Any, live_server: str, shots: Path) -> Iterator[Browse]:
    with browsing(browser, live_server, shots) as b:
        yield b


@contextmanager
def browsing(browser: Any, base: str, shots: Path) -> Iterator[Browse]:
    """A fresh browser context on the server at ``base``, its page recorded."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    b = Browse(page, base, shots)

    def on_dialog(dialog: Any) -> None:
        b.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_request(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and parts.hostname != "127.0.0.1":
            b.foreign.append(request.url)

    page.on("console", lambda msg: msg.type == "error" and b.errors.append(msg.text))
    page.on("pageerror", lambda err: b.errors.append(str(err)))
    page.on("dialog", on_dialog)
    page.on("request", on_request)
    # a request cut short by leaving the page is not a failure of the page
    page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and b.failed.append(r.url))
    try:
        yield b
    finally:
        context.close()


def expect(*args: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(*args)


def _near(pos: dict[str, float], target: tuple[float, float], degrees: float) -> bool:
    return math.dist((pos["lat"], pos["lng"]), target) <= degrees


def _total(b: Browse) -> int:
    return int(b.page.locator("#events-table").get_attribute("data-total"))


def _row_dates(b: Browse) -> list[str]:
    return b.page.locator(".events-table tbody tr td:first-child").all_inner_texts()


def _field(page: Any, label: str) -> Any:
    """The value of a labelled field of a page's details list."""
    return page.locator(f'dl.fields dt:text-is("{label}") + dd')


def _num(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def _figure(low: int | None, high: int | None) -> str:
    if low is None:
        return "–"
    return f"{low:,}–{high:,}" if high is not None and high != low else f"{low:,}"


# ------------------------------------------------------------------ the dashboard


def test_map_shows_events_at_raqqa_and_baghouz(browse: Browse) -> None:
    page = browse.goto("/")
    expect(page.locator("#map")).to_have_attribute("data-markers", re.compile(r"[1-9]\d*"))
    positions = page.evaluate("window.fieldreport.positions()")
    total = browse.api("/api/events", limit=1)["total"]
    located = browse.api("/api/events", limit=1000)["items"]
    assert len(positions) == sum(e["latitude"] is not None for e in located) <= total
    raqqa = [p for p in positions if "Raqq" in (p["location"] or "")]
    baghouz = [p for p in positions if p["location"] in ("Baghouz", "Baghuz")]
    assert raqqa and all(_near(p, RAQQA, 0.3) for p in raqqa), raqqa
    assert baghouz and all(_near(p, BAGHOUZ, 1.0) for p in baghouz), baghouz
    # what is drawn: clusters and circles in the map's panes, a legend of the types shown
    assert page.locator(".event-cluster, path.event-marker").count() > 0
    types = {e["event_type"] for e in located}
    expect(page.locator(".legend li")).to_have_count(len(types))
    page.wait_for_timeout(300)  # the country outlines are drawn
    browse.shot("dashboard")
    if os.environ.get("FIELDREPORT_SCREENSHOTS") == "1":
        page.set_viewport_size({"width": 1440, "height": 1250})
        page.screenshot(path=str(ROOT / "docs" / "dashboard.png"))
    browse.check()


def test_map_popup_links_to_the_event(browse: Browse) -> None:
    page = browse.goto("/events")
    strike = browse.api("/api/events", q="Raqqa", sort="-fatalities", limit=1)["items"][0]
    assert page.evaluate("(id) => window.fieldreport.dashboard().map.open(id)", strike["event_id"])
    popup = page.locator(".leaflet-popup .popup")
    expect(popup).to_contain_text(strike["sub_event_type"])
    marker = page.locator(f'path.event-marker[data-event-id="{strike["event_id"]}"]')
    expect(marker).to_have_count(1)
    assert _near(
        {"lat": float(marker.get_attribute("data-lat")), "lng": float(marker.get_attribute("data-lng"))},
        RAQQA,
        0.3,
    )
    popup.locator("a.popup-link").click()
    expect(page).to_have_url(f"{browse.base}/event/{strike['event_id']}")
    browse.ready()
    expect(page.locator("h1")).to_contain_text(strike["sub_event_type"])
    browse.check()


def test_brushing_the_timeline_filters_by_date(browse: Browse) -> None:
    page = browse.goto("/events")
    before = _total(browse)
    svg = page.locator(".timeline-svg")
    expect(svg.locator(".bars rect").first).to_be_visible()
    box = svg.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 42, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=8)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"start=\d{4}-\d\d-\d\d.*end=\d{4}-\d\d-\d\d"))
    start, end = browse.query()["start"][0], browse.query()["end"][0]
    expected = browse.api("/api/events", start=start, end=end, limit=1)["total"]
    assert 0 < expected < before
    expect(page.locator("#events-table")).to_have_attribute("data-total", str(expected))
    assert all(start <= d <= end for d in _row_dates(browse)), (start, end, _row_dates(browse))
    expect(page.locator("#f-start")).to_have_value(start)
    expect(page.locator("#f-end")).to_have_value(end)
    assert 0 < svg.locator(".bars rect.selected").count() < svg.locator(".bars rect").count()
    browse.shot("brushed")
    page.go_back()  # history: the unfiltered view again
    expect(page.locator("#events-table")).to_have_attribute("data-total", str(before))
    expect(page.locator("#f-start")).to_have_value("")
    page.go_forward()
    expect(page.locator("#events-table")).to_have_attribute("data-total", str(expected))
    browse.check()


def test_clicking_a_header_sorts_the_table(browse: Browse) -> None:
    page = browse.goto("/events")
    header = page.locator('button.sort[data-sort="fatalities"]')
    header.click()
    expect(page).to_have_url(re.compile(r"sort=-fatalities"))
    top = browse.api("/api/events", sort="-fatalities", limit=25)["items"]
    rows = page.locator(".events-table tbody tr")
    expect(rows.first).to_have_attribute("data-event-id", top[0]["event_id"])
    expect(page.locator("th[aria-sort=descending]")).to_contain_text("Deaths")
    header.click()
    expect(page).to_have_url(re.compile(r"sort=fatalities"))
    bottom = browse.api("/api/events", sort="fatalities", limit=1)["items"][0]
    expect(rows.first).to_have_attribute("data-event-id", bottom["event_id"])
    page.locator('button.sort[data-sort="location"]').click()
    expect(page).to_have_url(re.compile(r"sort=location"))
    first = browse.api("/api/events", sort="location", limit=1)["items"][0]
    expect(rows.first).to_have_attribute("data-event-id", first["event_id"])
    # next page, and a row opens its event
    total = _total(browse)
    if total > 25:
        page.get_by_role("button", name="Next →").click()
        expect(page).to_have_url(re.compile(r"offset=25"))
        expect(page.locator(".pager-status")).to_contain_text(f"26–{min(50, total)} of")
    event_id = rows.first.get_attribute("data-event-id")
    rows.first.locator("td").nth(2).click()
    expect(page).to_have_url(f"{browse.base}/event/{event_id}")
    browse.check()


def test_a_url_with_filters_restores_the_view(browse: Browse) -> None:
    filters = {"event_type": "Battles", "country": "Syria", "actor": "Islamic State", "q": "Baghouz"}
    filters |= {"start": "2019-03-01", "end": "2019-03-31"}
    page = browse.goto("/events?" + "&".join(f"{k}={v}" for k, v in filters.items()))
    expected = browse.api("/api/events", limit=100, **filters)
    assert expected["total"] > 0
    expect(page.locator("#events-table")).to_have_attribute("data-total", str(expected["total"]))
    for name in ("q", "start", "end", "actor"):
        expect(page.locator(f"#f-{name}")).to_have_value(filters[name])
    expect(page.locator("#f-event_type")).to_have_value("Battles")
    expect(page.locator("#f-country")).to_have_value("Syria")
    assert page.evaluate("window.fieldreport.positions().length") == sum(
        e["latitude"] is not None for e in expected["items"]
    )
    for href in page.locator(".exports a").evaluate_all("els => els.map(a => a.getAttribute('href'))"):
        assert parse_qs(urlsplit(href).query) == {k: [v] for k, v in filters.items()}
        assert httpx.get(browse.base + href, timeout=30).status_code == 200
    # a change goes into the URL; back brings the old filters into the inputs again
    page.select_option("#f-event_type", "Explosions/Remote violence")
    expect(page).to_have_url(re.compile(r"event_type=Explosions%2FRemote\+violence"))
    browse.ready()
    page.go_back()
    expect(page.locator("#f-event_type")).to_have_value("Battles")
    expect(page.locator("#events-table")).to_have_attribute("data-total", str(expected["total"]))
    page.locator("#f-q").fill("")
    page.locator("#f-q").press("Enter")
    expect(page).not_to_have_url(re.compile(r"[?&]q="))
    browse.check()


# ------------------------------------------------------------------ event, article and story pages


def test_event_page_shows_sources_claims_and_highlighted_evidence(browse: Browse) -> None:
    strike = browse.api("/api/events", q="Raqqa", sort="-fatalities", limit=1)["items"][0]
    event = browse.api(f"/api/events/{strike['event_id']}")
    page = browse.goto(f"/event/{event['event_id']}")
    expect(page.locator("h1")).to_contain_text(event["sub_event_type"])
    marks = page.locator("mark.hl-evidence")
    expect(marks.first).to_be_visible()
    texts = [" ".join(t.split()) for t in marks.all_text_contents()]
    for mention in event["mentions"]:
        assert " ".join(mention["sentence"].split()) in texts
    expect(page.locator("table.claims tbody tr")).to_have_count(len(event["claims"]))
    expect(page.locator("table.sources tbody tr")).to_have_count(len(event["articles"]))
    for outlet in {a["outlet"] for a in event["articles"] if a["outlet"]}:
        expect(page.locator("table.sources")).to_contain_text(outlet)
    for claim in event["claims"]:
        expect(page.locator("table.claims")).to_contain_text(claim["claimant"] or "–")
    # the injured beside the deaths, as the API gives them
    expect(_field(page, "Injured (best)")).to_have_text(_num(event["injured"]))
    expect(_field(page, "Injured (low–high)")).to_have_text(
        _figure(event["injured_low"], event["injured_high"])
    )
    expect(_field(page, "Deaths (best)")).to_have_text(_num(event["fatalities"]))
    browse.shot("event")
    article = event["articles"][0]
    page.locator(f'table.sources a[href="/article/{article["article_id"]}"]').click()
    expect(page).to_have_url(f"{browse.base}/article/{article['article_id']}")
    browse.ready()
    expect(page.locator(".article-text")).to_contain_text(event["mentions"][0]["sentence"][:40])
    assert page.locator("mark.hl-event").count() >= 1
    browse.check()


def test_story_page_lists_events_and_cited_summary(browse: Browse) -> None:
    stories = browse.api("/api/stories", limit=100)["items"]
    listed = max(stories, key=lambda s: s["n_events"])
    story = browse.api(f"/api/stories/{listed['story_id']}")
    page = browse.goto("/stories")
    expect(page.locator("table.stories tbody tr")).to_have_count(len(stories))
    page.get_by_role("link", name=listed["title"]).first.click()
    expect(page).to_have_url(f"{browse.base}/story/{story['story_id']}")
    browse.ready()
    expect(page.locator(".story-events li")).to_have_count(len(story["events"]))
    expect(page.locator(".summary li")).to_have_count(len(story["summary"]))
    for item, li in zip(story["summary"], page.locator(".summary li").all(), strict=True):
        expect(li.locator(".sentence")).to_have_text(item["sentence"])
        hrefs = li.locator("a.cite").evaluate_all("els => els.map(a => a.getAttribute('href'))")
        assert hrefs == [f"/article/{aid}" for aid in item["article_ids"]]
    assert page.locator(".story-strip circle").count() == sum(1 for e in story["events"] if e["event_date"])
    browse.shot("story")
    page.locator(".story-events a").first.click()
    expect(page).to_have_url(f"{browse.base}/event/{story['events'][0]['event_id']}")
    browse.check()


# ------------------------------------------------------------------ injured counts


@pytest.fixture(scope="module")
def injured_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard over a database whose events were written with injured counts."""
    db = tmp_path_factory.mktemp("injured") / "injured.duckdb"
    write_injured_db(db)
    with serving(create_app(db)) as url:
        yield url


def test_event_page_shows_the_injured_beside_the_deaths(
    browser: Any, injured_server: str, shots: Path
) -> None:
    with browsing(browser, injured_server, shots) as b:
        page = b.goto("/event/ev-bomb")
        expect(page.locator(".subtitle")).to_have_text(
            "2021-06-01 · Mosul, Nineveh, Iraq · 4 deaths · 9 (9–15) injured"
        )
        expect(_field(page, "Deaths (best)")).to_have_text("4")
        expect(_field(page, "Injured (best)")).to_have_text("9")
        expect(_field(page, "Injured (low–high)")).to_have_text("9–15")
        expect(_field(page, "Disputed injured")).to_have_text("yes: the sources' latest counts differ")
        claims = page.locator("table.claims tbody tr")
        expect(claims).to_have_count(3)
        expect(page.locator("table.claims")).to_contain_text("Hospital officials")
        b.shot("event-injured")
        # an event no report gives an injured figure for says so, and nothing more
        b.goto("/event/ev-clash")
        expect(page.locator(".subtitle")).to_have_text("2021-06-02 · Kirkuk, Iraq · – deaths")
        expect(_field(page, "Injured (best)")).to_have_text("–")
        expect(_field(page, "Injured (low–high)")).to_have_text("–")
        expect(_field(page, "Disputed injured")).to_have_text("no")
        b.check()


def test_table_has_an_injured_column_that_sorts(browser: Any, injured_server: str, shots: Path) -> None:
    with browsing(browser, injured_server, shots) as b:
        page = b.goto("/events")
        headers = page.locator(".events-table thead th").all_text_contents()
        deaths = next(i for i, t in enumerate(headers) if t.startswith("Deaths"))
        assert headers[deaths + 1].startswith("Injured")
        rows = page.locator(".events-table tbody tr")
        expect(rows).to_have_count(3)

        def injured_cells() -> dict[str, str]:
            return {
                row.get_attribute("data-event-id"): row.locator("td").nth(deaths + 1).inner_text()
                for row in rows.all()
            }

        assert injured_cells() == {"ev-bomb": "9 (9–15)", "ev-attack": "2", "ev-clash": "–"}
        page.locator('button.sort[data-sort="injured"]').click()
        expect(page).to_have_url(re.compile(r"sort=-injured"))
        expect(page.locator("th[aria-sort=descending]")).to_contain_text("Injured")
        expect(rows.first).to_have_attribute("data-event-id", "ev-bomb")
        assert [r.get_attribute("data-event-id") for r in rows.all()] == ["ev-bomb", "ev-attack", "ev-clash"]
        page.locator('button.sort[data-sort="injured"]').click()
        expect(page).to_have_url(re.compile(r"sort=injured"))
        expect(rows.first).to_have_attribute("data-event-id", "ev-attack")
        # the map's popup gives the injured beside the deaths
        assert page.evaluate("(id) => window.fieldreport.dashboard().map.open(id)", "ev-bomb")
        expect(page.locator(".leaflet-popup .popup-deaths")).to_have_text("Deaths: 4 · Injured: 9")
        b.check()


# ------------------------------------------------------------------ hostile input


def _hostile_events(b: Browse) -> list[dict[str, Any]]:
    """The events reported by the articles of tests/data/hostile (markup in their metadata)."""
    out = []
    for item in b.api("/api/events", limit=1000)["items"]:
        event = b.api(f"/api/events/{item['event_id']}")
        if any("__pwned" in f"{a['title']}{a['outlet']}{a['url']}" for a in event["articles"]):
            out.append(event)
    return out


def _assert_inert(b: Browse) -> None:
    page = b.page
    assert page.evaluate("window.__pwned") is None
    assert page.locator('a[href^="javascript:" i], [src^="javascript:" i]').count() == 0
    bad = page.evaluate(
        """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
              .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"""
    )
    assert bad == []
    scripts = page.evaluate("[...document.scripts].map(s => new URL(s.src, location.href).pathname)")
    assert all(s.startswith(("/static/", "/vendor/")) for s in scripts), scripts
    assert page.locator("#view img, #view iframe, #view svg[onload]").count() == 0
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    # app routes, Leaflet's "#" buttons, and http(s) links: nothing else
    assert all(re.match(r"#|/(?!/)|https?://", h) for h in hrefs), hrefs


def test_hostile_input_shows_as_text_and_never_runs(browse: Browse) -> None:
    hostile = _hostile_events(browse)
    assert len(hostile) >= 2, "tests/data/hostile should give events"
    page = browse.page
    for event in hostile:
        browse.goto(f"/event/{event['event_id']}")
        expect(page.locator("mark.hl-evidence").first).to_be_visible()
        expect(page.get_by_text("<script>", exact=False).first).to_be_visible()
        _assert_inert(browse)
        for article in [a for a in event["articles"] if "__pwned" in f"{a['title']}{a['outlet']}{a['url']}"]:
            browse.goto(f"/article/{article['article_id']}")
            expect(page.locator("h1")).to_have_text(article["title"] or "Untitled article")
            _assert_inert(browse)
        if event["story_id"]:
            browse.goto(f"/story/{event['story_id']}")
            _assert_inert(browse)
    browse.shot("hostile-event")
    # the table, the map and its popups with the hostile events in them
    located = next(e for e in hostile if e["latitude"] is not None)
    browse.goto("/events")
    assert page.evaluate("(id) => window.fieldreport.dashboard().map.open(id)", located["event_id"])
    expect(page.locator(".leaflet-popup .popup")).to_be_visible()
    _assert_inert(browse)
    browse.goto("/stories")
    expect(page.get_by_text(PWNED, exact=False).first).to_be_visible()
    _assert_inert(browse)
    page.wait_for_timeout(300)  # a late onerror or timer would have fired by now
    browse.check()


def test_pages_carry_a_content_security_policy(live_server: str) -> None:
    for path in ("/", "/events", "/event/x", "/story/x", "/article/x", "/stories"):
        response = httpx.get(live_server + path)
        assert response.status_code == 200
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "object-src 'none'" in csp
    html = httpx.get(live_server + "/").text
    assert re.findall(r"<script[^>]*>([^<]+)</script>", html) == []  # no inline scripts


def test_vendor_files_are_whitelisted_and_confined(live_server: str) -> None:
    ok = httpx.get(live_server + "/vendor/leaflet/dist/leaflet.js")
    assert ok.status_code == 200 and ok.headers["content-type"].startswith("text/javascript")
    assert httpx.get(live_server + "/vendor/world-atlas/countries-50m.json").status_code == 200
    for path in (
        "/vendor/rw/package.json",  # in node_modules, not in package.json
        "/vendor/leaflet/%2e%2e/d3/package.json",
        "/vendor/leaflet/..%2f..%2fpackage.json",
        "/static/..%2f__init__.py",
        "/static/%2e%2e/__init__.py",
        "/vendor/leaflet/dist/",
    ):
        response = httpx.get(live_server + path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"
    # a raw request line, not normalised by a client
    host, port = urlsplit(live_server).netloc.split(":")
    for raw in (
        "/vendor/leaflet/../../package.json",
        "/static/../__init__.py",
        "/vendor/leaflet/dist/.hidden",
    ):
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("GET", raw)
        response = conn.getresponse()
        assert response.status == 404, raw
        conn.close()
    assert web.VENDOR_PACKAGES == set(
        __import__("json").loads((ROOT / "package.json").read_text())["dependencies"]
    )


def test_without_node_modules_the_page_says_how_to_get_them(
    browse: Browse, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(web.VENDOR_ENV, str(tmp_path))
    response = httpx.get(browse.base + "/vendor/leaflet/dist/leaflet.js")
    assert response.status_code == 404
    assert "make install" in response.json()["error"]["message"]
    page = browse.goto("/events")
    expect(page.locator("#banner")).to_be_visible()
    expect(page.locator("#banner")).to_contain_text("make install")
    expect(page.locator("#banner")).to_contain_text("(npm ci) for the map libraries")
    expect(page.locator(".events-table tbody tr").first).to_be_visible()  # the table still works
    assert browse.foreign == []
