"""The section and schema.org type an HTML page declares (fieldreport.pagemeta), through clean and
the pipeline. Every page here is written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from fieldreport import clean, pipeline
from fieldreport.pagemeta import page_meta
from fieldreport.records import Article, RawDoc
from fieldreport.settings import Config
from fieldreport.store import Store

CFG = Config()

REPORT = (
    "Gunmen attacked a police post on the edge of the town of Manbij in northern Syria on Tuesday, killing "
    "four policemen, a local monitoring group said.",
    "The attackers fled towards the river after a short exchange of fire, and the security forces closed "
    "the main road into the town for several hours.",
    "No group has claimed the attack, the third on the police in the area this month.",
)
OTHER_REPORT = (
    "Militants stormed a village near the city of Deir ez-Zor in eastern Syria on Thursday, killing five "
    "civilians and wounding seven others, residents said.",
    "Witnesses said the fighters arrived in pickup trucks before dawn and set fire to two houses before "
    "withdrawing into the desert.",
    "Local officials said the wounded were taken to a hospital in the city.",
)


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def page(head: str = "", paras: tuple[str, ...] = REPORT, title: str = "Police post attacked") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html>\n<html><head><title>{title}</title>\n"
        # og:type is "article" on every story: it must not hide the JSON-LD type
        f'<meta property="og:type" content="article">\n{head}\n</head>'
        f"<body><article><h1>{title}</h1>\n{body}\n</article></body></html>"
    )


def meta_of(html: str) -> tuple[str | None, str | None]:
    return page_meta(lxml.html.fromstring(html))


def cleaned(html: str) -> Article:
    got = clean.clean(RawDoc(origin="p.html", fmt="html", html=html), CFG)
    assert isinstance(got, Article), got
    return got


def test_meta_article_section_is_the_section() -> None:
    a = cleaned(page('<meta property="article:section" content="Opinion">'))
    assert (a.section, a.page_type) == ("Opinion", None)
    assert a.text == "\n\n".join(REPORT)


def test_an_opinion_article_in_a_json_ld_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Valley Courier"},
            {"@type": "WebPage", "name": "Police post attacked"},
            {"@type": "OpinionNewsArticle", "headline": "Police post attacked", "articleSection": "Comment"},
        ],
    }
    a = cleaned(page(ld(graph)))
    assert (a.section, a.page_type) == ("Comment", "OpinionNewsArticle")


@pytest.mark.parametrize(
    "scripts, expected",
    [
        ([[{"@type": "NewsArticle"}, {"@type": "WebPage"}]], "NewsArticle"),
        ([[{"@type": "WebPage"}, {"@type": "NewsArticle"}]], "NewsArticle"),
        ([{"@type": ["NewsArticle", "OpinionNewsArticle"]}], "OpinionNewsArticle"),
        ([{"@type": "Article"}, {"@type": "ReportageNewsArticle"}], "ReportageNewsArticle"),
        ([{"@type": "https://schema.org/AnalysisNewsArticle"}], "AnalysisNewsArticle"),
        ([{"@type": "BlogPosting"}], "BlogPosting"),
        ([{"@type": "WebPage", "mainEntity": {"@type": "OpinionNewsArticle"}}], "OpinionNewsArticle"),
        ([{"@type": "WebPage"}, {"@type": "Organization"}], None),
        # a list of related stories holds other pages' types, never this one's
        (
            [
                {"@type": "ItemList", "itemListElement": [{"@type": "OpinionNewsArticle"}]},
                {"@type": "WebPage"},
            ],
            None,
        ),
    ],
)
def test_the_most_specific_article_type_wins(scripts: list[object], expected: str | None) -> None:
    assert meta_of(page("".join(ld(s) for s in scripts))) == (None, expected)


@pytest.mark.parametrize(
    "script",
    [
        '<script type="application/ld+json">{"@type": "OpinionNewsArticle",</script>',
        '<script type="application/ld+json"></script>',
        '<script type="application/ld+json">"just a string"</script>',
        '<script type="application/ld+json">[1, null, {"@type": 7, "articleSection": {"a": 1}}]</script>',
        '<script type="application/ld+json">' + "[" * 100_000 + "</script>",
    ],
)
def test_broken_json_ld_is_ignored(script: str) -> None:
    assert meta_of(page(script)) == (None, None)
    a = cleaned(page(script))
    assert (a.section, a.page_type) == (None, None)
    assert a.text == "\n\n".join(REPORT)


def test_a_broken_script_does_not_hide_a_good_one() -> None:
    broken = '<script type="application/ld+json">{not json}</script>'
    good = ld({"@type": "NewsArticle", "articleSection": ["", " World  news "]})
    assert meta_of(page(broken + good)) == ("World news", "NewsArticle")


def test_meta_section_beats_json_ld_and_an_input_section_beats_both() -> None:
    head = '<meta property="article:section" content="Analysis">' + ld(
        {"@type": "NewsArticle", "articleSection": "World"}
    )
    assert meta_of(page(head)) == ("Analysis", "NewsArticle")
    doc = RawDoc(origin="p.jsonl:line 1", fmt="jsonl", html=page(head), section="Middle East")
    a = clean.clean(doc, CFG)
    assert isinstance(a, Article) and (a.section, a.page_type) == ("Middle East", "NewsArticle")


def test_an_opinion_page_yields_no_events_and_keeps_its_type(tmp_path: Path, cfg: Config) -> None:
    column = tmp_path / "column.html"
    column.write_text(page(ld({"@type": "OpinionNewsArticle"})), encoding="utf-8")
    report = tmp_path / "report.html"
    report.write_text(
        page(ld({"@type": "NewsArticle"}), OTHER_REPORT, title="Village attacked"), encoding="utf-8"
    )
    summary = pipeline.run([str(column), str(report)], cfg)
    assert summary.new == 2
    assert summary.rejects["opinion_article"] == 1
    with Store(cfg.db, read_only=True) as s:
        rows = s.query(
            "SELECT a.origin, a.page_type, a.section, count(m.mention_id) AS n FROM articles a "
            "LEFT JOIN mentions m USING (article_id) GROUP BY ALL ORDER BY a.origin"
        )
        [why] = s.query("SELECT origin, detail FROM rejects WHERE reason = 'opinion_article'")
    assert [(r["origin"], r["page_type"], r["section"]) for r in rows] == [
        (str(column), "OpinionNewsArticle", None),
        (str(report), "NewsArticle", None),
    ]
    by_origin = {r["origin"]: r["n"] for r in rows}
    assert by_origin[str(column)] == 0  # the attack in its text is no event: the publisher says opinion
    assert by_origin[str(report)] > 0  # the same kind of text under NewsArticle is
    assert why == {"origin": str(column), "detail": "schema.org type opinionnewsarticle"}
