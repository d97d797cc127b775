from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from fieldreport import clean, sources
from fieldreport.ids import normalise_text, stable_id
from fieldreport.records import Article, Embed, RawDoc, Reject
from fieldreport.settings import Config

from .fixtures_sources import (
    ARTICLE_HTML,
    ARTICLE_TXT,
    ATOM,
    BODY,
    EMPTY_BODY_HTML,
    PARAS,
    RSS,
    UNDATED_HTML,
    write_warc,
)

CFG = Config()
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def txt(text: str, **meta: str | None) -> RawDoc:
    return RawDoc(origin="t.txt", fmt="txt", text=text, **meta)


def ok(result: Article | Reject) -> Article:
    assert isinstance(result, Article), result
    return result


# ---------------------------------------------------------------- plain-text metadata


def test_headline_byline_dateline_and_signoff() -> None:
    a = ok(clean.clean(txt(ARTICLE_TXT), CFG))
    assert a.title == "Convoy struck on northern highway"
    assert a.author == "Mara Lind and Tomas Reyes"
    assert a.dateline == "KORVAL, Eastland"
    assert a.outlet == "Northwire"  # the dateline's agency beats the sign-off
    assert a.text == BODY
    assert a.published is None and a.published_source is None


def test_a_dateline_under_furniture_and_a_repeated_headline_is_found() -> None:
    title = "Convoy struck on northern highway"
    header = f"Station Seven News\n\n{title}\n\n"
    a = ok(clean.clean(txt(header + "KORVAL, EASTLAND - " + BODY, title=title), CFG))
    assert (a.dateline, a.text) == ("KORVAL, EASTLAND", header + BODY)


def test_an_archived_copy_was_published_by_the_day_the_archive_took_it() -> None:
    url = "http://web.archive.org/web/20150310093000/http://www.example-gazette.com/news/convoy"
    late = ok(clean.clean(txt("Convoy struck\n\n" + BODY, url=url, published="2017-01-29"), CFG))
    assert (late.published, late.published_source) == (None, None)
    before = ok(clean.clean(txt("Convoy struck\n\n" + BODY, url=url, published="2015-03-08"), CFG))
    assert (before.published, before.published_source) == ("2015-03-08", "metadata")


def test_characters_that_print_nothing_are_dropped() -> None:
    page = "Convoy struck\n\n\u200bKORVAL - Gun\u00admen fired on the con\u200bvoy. " + BODY
    a = ok(clean.clean(txt(page), CFG))
    assert a.dateline == "KORVAL"
    assert a.text == "Gunmen fired on the convoy. " + BODY


def test_signoff_names_the_outlet_when_nothing_else_does() -> None:
    a = ok(clean.clean(txt("Convoy struck\n\n" + BODY + "\n\n— Valley Gazette"), CFG))
    assert a.outlet == "Valley Gazette"
    assert a.text == BODY


def test_date_header_prefix_is_stripped_and_used() -> None:
    a = ok(clean.clean(txt(" date 2019-03-03 " + BODY), CFG))
    assert (a.published, a.published_source) == ("2019-03-03", "header")
    assert a.text == BODY
    assert a.title is None  # the first paragraph is a long sentence, not a headline


def test_date_header_contradicted_by_the_story_is_not_trusted() -> None:
    story = (
        "Kurdish-led fighters said on March 1, 2019 that they had surrounded the last militants in the "
        "village, and clashes went on through the night as air strikes hit the encampment."
    )
    a = ok(clean.clean(txt(" date 2017-06-06 " + story), CFG))
    # no other source but the lead's own day, "said on March 1, 2019"
    assert (a.published, a.published_source) == ("2019-03-01", "text")
    later = "Clashes went on through the night. Fighters said on March 1, 2019 they held the village."
    a = ok(clean.clean(txt(" date 2017-06-06 " + later), CFG))
    assert (a.published, a.published_source) == (None, None)  # no other source: null, not a guess
    a = ok(clean.clean(txt(" date 2017-06-06 BAGHOUZ, Syria, March 2, 2019 (Reuters) - " + story), CFG))
    assert (a.published, a.published_source) == ("2019-03-02", "dateline")


def test_date_header_with_a_date_that_looks_ahead_is_kept() -> None:
    story = (
        "Fighters surrounded the last militants in the village on Sunday, and commanders said "
        "talks on the handover are scheduled for June 3, 2019 in the provincial capital."
    )
    a = ok(clean.clean(txt(" date 2019-03-03 " + story), CFG))
    assert (a.published, a.published_source) == ("2019-03-03", "header")


def test_date_header_line_under_the_headline() -> None:
    a = ok(clean.clean(txt("Convoy struck on northern highway\n\n date 2019-03-03 \n\n" + BODY), CFG))
    assert (a.title, a.published, a.published_source, a.text) == (
        "Convoy struck on northern highway",
        "2019-03-03",
        "header",
        BODY,
    )


def test_an_articles_own_day_dates_it_when_its_text_gives_the_year() -> None:
    later = " Two days earlier, on Feb. 6, 2016, a car bomb hit the same road."
    dateline = ok(clean.clean(txt("ALEPPO, Feb. 8 (Xinhua) -- " + BODY + later), CFG))
    assert (dateline.published, dateline.published_source, dateline.outlet) == (
        "2016-02-08",
        "dateline",
        "Xinhua",
    )
    day_first = ok(clean.clean(txt("GAZA CITY, 8 February 2016 (Reuters) - " + BODY), CFG))
    assert (day_first.dateline, day_first.published, day_first.published_source) == (
        "GAZA CITY",
        "2016-02-08",
        "dateline",
    )
    lead = ok(clean.clean(txt("On 8th February, " + BODY[0].lower() + BODY[1:] + later), CFG))
    assert (lead.published, lead.published_source) == ("2016-02-08", "text")
    stamp = ok(clean.clean(txt("Convoy struck\n\nUpdated 8 Feb, 10:42 GMT\n\n" + BODY + later), CFG))
    assert (stamp.published, stamp.published_source, stamp.text) == ("2016-02-08", "text", BODY + later)
    labelled = ok(clean.clean(txt("Convoy struck\n\nPublished 3:04 PM, March 11, 2019\n\n" + BODY), CFG))
    assert (labelled.published, labelled.published_source) == ("2019-03-11", "text")


def test_without_a_year_an_own_day_waits_for_the_story_and_is_found_again() -> None:
    a = ok(clean.clean(txt("ALEPPO, Feb. 8 (Xinhua) -- " + BODY), CFG))
    assert (a.published, a.dateline) == (None, "ALEPPO")
    ev = clean.own_evidence(a)  # the dateline left the text: read again from the raw input
    assert [f.value for f in ev.days] == ["XXXX-02-08"]
    html = UNDATED_HTML.replace("<p>Engineers", "<p>KHERSON, June 9 (Reuters) - Engineers")
    page = ok(clean.clean(RawDoc(origin="p.html", fmt="html", html=html), CFG))
    assert page.dateline == "KHERSON" and page.published is None
    assert [f.value for f in clean.own_evidence(page).days] == ["XXXX-06-09"]


def test_a_caption_date_bounds_the_article_but_never_dates_it() -> None:
    text = "Convoy struck\n\nFile photo: a convoy on the highway, March 1, 2019.\n\n" + BODY
    a = ok(clean.clean(txt(text), CFG))
    assert (a.published, a.published_source) == (None, None)
    assert clean.own_evidence(a).bound is not None


def test_dateline_with_year_gives_the_date_and_without_year_does_not() -> None:
    with_year = ok(clean.clean(txt("RAQQA, Syria, June 7, 2017 (AFP) — " + BODY), CFG))
    assert with_year.dateline == "RAQQA, Syria"
    assert (with_year.published, with_year.published_source) == ("2017-06-07", "dateline")
    assert with_year.outlet == "AFP"
    assert with_year.text == BODY
    no_year = ok(clean.clean(txt("RAQQA, Syria, June 7 (AFP) — " + BODY), CFG))
    assert no_year.dateline == "RAQQA, Syria" and no_year.published is None
    agencyless = ok(clean.clean(txt("BEIRUT — " + BODY, url="https://www.dailyexample.co.uk/a"), CFG))
    assert agencyless.dateline == "BEIRUT" and agencyless.outlet == "dailyexample.co.uk"


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("KINLOCH, Mo. ( KMOV.com ) – ", "KINLOCH, Mo.", "KMOV.com"),  # spaces inside the brackets
        ("COLUMBUS (WCMH)–", "COLUMBUS", "WCMH"),  # the dash touching the text after an agency
        ("ST. LOUIS, MO (KTVI)-", "ST. LOUIS, MO", "KTVI"),
    ],
)
def test_a_dateline_written_loosely_is_still_the_dateline(opening: str, dateline: str, outlet: str) -> None:
    a = ok(clean.clean(txt(opening + BODY), CFG))
    assert (a.dateline, a.outlet, a.text) == (dateline, outlet, BODY)


def test_a_hyphenated_word_opening_a_paragraph_is_no_dateline() -> None:
    a = ok(clean.clean(txt("U.S.-backed forces took the town. " + BODY), CFG))
    assert a.dateline is None and a.text.startswith("U.S.-backed forces")


def test_byline_date_and_text_timestamp() -> None:
    by = ok(clean.clean(txt("By Jane Roe | March 4, 2019\n\n" + BODY), CFG))
    assert (by.author, by.published, by.published_source, by.title) == (
        "Jane Roe",
        "2019-03-04",
        "byline",
        None,
    )
    stamped = ok(
        clean.clean(txt("Updated: 6 March 2019\n\nPublished: 4 March 2019 10:42 GMT\n\n" + BODY), CFG)
    )
    assert (stamped.published, stamped.published_source, stamped.title) == ("2019-03-04", "text", None)
    assert stamped.text == BODY
    sentence = "Published reports put the toll at 12 on March 2, 2019"
    kept = ok(clean.clean(txt(sentence + "\n\n" + BODY), CFG))
    assert kept.published is None and kept.title == sentence  # a headline, not a timestamp
    updated_only = ok(clean.clean(txt("Updated: 6 March 2019\n\n" + BODY), CFG))
    assert (updated_only.published, updated_only.published_source) == ("2019-03-06", "text")


def test_publication_date_trust_order() -> None:
    text = " date 2019-03-03 BAGHOUZ, Syria, March 2, 2019 (Reuters) - " + BODY
    assert ok(clean.clean(txt(text, published="2019-03-01T12:00:00Z"), CFG)).published_source == "metadata"
    header = ok(clean.clean(txt(text), CFG))
    assert (header.published, header.published_source, header.dateline) == (
        "2019-03-03",
        "header",
        "BAGHOUZ, Syria",
    )
    dateline = ok(
        clean.clean(txt("By Jo Bell, March 1, 2019\n\n" + text.replace(" date 2019-03-03 ", "")), CFG)
    )
    assert (dateline.published, dateline.published_source) == ("2019-03-02", "dateline")
    # An unreadable metadata date is not guessed at; with no other date the article has none.
    assert ok(clean.clean(txt(BODY, published="sometime last spring"), CFG)).published is None


def headed(*front: str, body: str = BODY) -> str:
    """A headline, the given header paragraphs, then ``body``."""
    return "\n\n".join(("Convoy struck on northern highway", *front, body))


@pytest.mark.parametrize(
    "front",
    [
        ("By Ana Quist\nApril 2, 2020",),  # the date on its own line under the name
        ("By Ana Quist", "April 2, 2020"),  # ... or set off by a blank line
        ("By Ana Quist April 2, 2020",),  # ... or run into the name
        ("By Ana Quist\nThursday, 2 April 2020",),
    ],
)
def test_byline_block_with_the_date_under_the_name(front: tuple[str, ...]) -> None:
    a = ok(clean.clean(txt(headed(*front)), CFG))
    assert (a.title, a.author, a.published, a.published_source) == (
        "Convoy struck on northern highway",
        "Ana Quist",
        "2020-04-02",
        "byline",
    )
    assert a.text == BODY


def test_byline_block_without_blank_lines_under_the_headline() -> None:
    a = ok(clean.clean(txt("Convoy struck on northern highway\nBy Ana Quist\nApril 2, 2020\n\n" + BODY), CFG))
    assert (a.title, a.author, a.published, a.published_source) == (
        "Convoy struck on northern highway",
        "Ana Quist",
        "2020-04-02",
        "byline",
    )
    assert a.text == BODY


def test_labelled_date_under_a_byline_is_a_text_date() -> None:
    a = ok(clean.clean(txt(headed("By Ana Quist", "Published: 3 April 2020")), CFG))
    assert (a.author, a.published, a.published_source, a.text) == ("Ana Quist", "2020-04-03", "text", BODY)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday 2 March 2019, 09:40 GMT", "2019-03-02"),
        ("Published 03/03/2019 19:05", "2019-03-03"),
        ("Updated: 4 March 2019 10:42 GMT", "2019-03-04"),
        ("2019-03-03 14:00", "2019-03-03"),
        ("Posted on 14/03/2019 at 7:05 pm", "2019-03-14"),
        ("03/14/2019 19:05 ET", "2019-03-14"),
        ("March 5, 2019", "2019-03-05"),
        ("Published 04/03/2019 19:05", None),  # 4 March or 3 April: not guessed
        ("05.06.2019", None),
    ],
)
def test_timestamp_line_in_the_header(line: str, expected: str | None) -> None:
    a = ok(clean.clean(txt(headed(line)), CFG))
    assert (a.title, a.published) == ("Convoy struck on northern highway", expected)
    assert a.published_source == ("text" if expected else None)
    assert a.text == BODY  # the line goes even when its date cannot be read


@pytest.mark.parametrize(
    "stamps",
    [
        "Posted: Monday, March 4, 2019 9:45 PM EST Updated: Tuesday, March 5, 2019 10:52 AM EST",
        "Posted: Monday, March 4, 2019 9:45 PM EST",
        # labels the page left empty after the stamps
        "Posted: Monday, March 4, 2019 9:45 PM EST Updated: Monday, March 4, 2019 9:50 PM Posted:Updated:",
    ],
)
def test_stamps_run_on_from_the_headline_are_furniture(stamps: str) -> None:
    # pages that set their stamps on the headline's line: the headline stays, the stamps go
    text = "Convoy struck on northern highway " + stamps + "\n\n" + BODY
    a = ok(clean.clean(txt(text, title="Convoy struck on northern highway"), CFG))
    assert (a.published, a.published_source, a.text) == ("2019-03-04", "text", BODY)


def test_a_stamp_run_on_mid_page_is_dropped_and_prose_with_a_label_word_stays() -> None:
    stamped = PARAS[1] + " Updated: Tuesday, March 5, 2019 10:52 AM EST"
    prose = "Published reports say the convoy was hit on March 3."
    text = headed(body="\n\n".join((PARAS[0], prose, stamped, PARAS[2], *PARAS[:3])))
    a = ok(clean.clean(txt(text), CFG))
    assert a.published is None
    assert a.text == "\n\n".join((PARAS[0], prose, PARAS[1], PARAS[2], *PARAS[:3]))


def test_published_beats_updated_and_the_first_stamp_wins() -> None:
    text = headed("Updated: 6 March 2019 08:00", "Published: 4 March 2019", "Published: 5 March 2019")
    a = ok(clean.clean(txt(text), CFG))
    assert (a.published, a.published_source, a.text) == ("2019-03-04", "text", BODY)


def test_unlabelled_date_line_after_the_story_starts_is_body_text() -> None:
    text = headed(body=PARAS[0] + "\n\nMarch 5, 2019\n\n" + PARAS[1] + "\n\n" + PARAS[2])
    a = ok(clean.clean(txt(text), CFG))
    assert a.published is None
    assert a.text == "\n\n".join((PARAS[0], "March 5, 2019", PARAS[1], PARAS[2]))


def test_numeric_date_line_inside_the_story_is_dropped_not_used() -> None:
    text = headed(body=PARAS[0] + "\n\n2019-03-05 14:00\n\n" + PARAS[1] + "\n\n" + PARAS[2])
    a = ok(clean.clean(txt(text), CFG))
    assert (a.published, a.text) == (None, BODY)


def test_dateline_is_looked_for_only_in_the_first_paragraph_of_the_story() -> None:
    text = "Two killed.\n\nBEIRUT (Valley Wire) - " + BODY
    a = ok(clean.clean(txt(text, title="Convoy struck"), CFG))
    assert (a.dateline, a.outlet) == (None, None)
    assert a.text == "Two killed.\n\nBEIRUT (Valley Wire) - " + BODY


def test_header_lines_that_are_not_timestamps_stay() -> None:
    for line in ("Fighting resumed on March 5, 2019", "Published reports differ on 5 March 2019"):
        a = ok(clean.clean(txt(line + "\n\n" + BODY), CFG))
        assert (a.title, a.published) == (line, None)


def test_dates_in_captions_teasers_and_tweets_are_never_the_publication_date() -> None:
    text = headed(
        ">> Talks resume on March 1, 2019",
        "File photo: Trucks on the highway, March 1, 2019. Credit: Ana Cruz",
        "The road is cut again — Sam Lee (@samlee) March 1, 2019",
    )
    a = ok(clean.clean(txt(text), CFG))
    assert (a.published, a.published_source, a.text) == (None, None, BODY)
    assert [(e.kind, e.date) for e in a.embeds] == [("caption", "2019-03-01"), ("tweet", "2019-03-01")]


@pytest.mark.parametrize(
    ("prefix", "dateline", "agency"),
    [
        ("KORVAL, Eastland (Valley Wire) - ", "KORVAL, Eastland", "Valley Wire"),
        ("RAQQA, Syria, June 7 (AFP) — ", "RAQQA, Syria", "AFP"),
        ("BEIRUT (Reuters) - ", "BEIRUT", "Reuters"),
        ("MOSUL, Iraq — ", "MOSUL, Iraq", None),
        ("PORT ELIN, Eastland – ", "PORT ELIN, Eastland", None),
    ],
)
def test_dateline_after_a_timestamp_line(prefix: str, dateline: str, agency: str | None) -> None:
    a = ok(clean.clean(txt(headed("Saturday 2 March 2019, 09:40 GMT", body=prefix + BODY)), CFG))
    assert (a.title, a.dateline, a.outlet) == ("Convoy struck on northern highway", dateline, agency)
    assert (a.published, a.published_source) == ("2019-03-02", "text")
    assert a.text == BODY
    by = ok(clean.clean(txt(headed("By Ana Quist", "April 2, 2020", body=prefix + BODY)), CFG))
    assert (by.dateline, by.outlet, by.author, by.text) == (dateline, agency, "Ana Quist", BODY)


def test_dateline_when_the_headline_stays_in_the_body() -> None:
    # A metadata title that differs from the first line leaves that line in the text.
    doc = txt(headed(body="BEIRUT (Valley Wire) - " + BODY), title="Another title")
    a = ok(clean.clean(doc, CFG))
    assert (a.dateline, a.outlet) == ("BEIRUT", "Valley Wire")
    assert a.text == "Convoy struck on northern highway\n\n" + BODY


def test_outlet_from_metadata_beats_the_dateline_agency() -> None:
    text = headed("Saturday 2 March 2019, 09:40 GMT", body="BEIRUT (Valley Wire) - " + BODY)
    assert ok(clean.clean(txt(text), CFG)).outlet == "Valley Wire"
    declared = ok(clean.clean(txt(text, outlet="Northern Courier"), CFG))
    assert (declared.outlet, declared.dateline) == ("Northern Courier", "BEIRUT")
    hosted = ok(clean.clean(txt(text, url="https://www.courier.example.com/a"), CFG))
    assert hosted.outlet == "Valley Wire"  # the agency beats the host name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03-03", "2019-03-03"),
        ("2019-03-03T23:30:00-05:00", "2019-03-03"),
        ("Sun, 03 Mar 2019 23:10:00 -0500", "2019-03-03"),
        ("March 3, 2019", "2019-03-03"),
        ("3 March 2019", "2019-03-03"),
        ("2019/03/03", "2019-03-03"),
        ("Mar. 3rd, 2019 10:00", "2019-03-03"),
        ("2019-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value: str | None, expected: str | None) -> None:
    assert clean.normalise_date(value) == expected


# ---------------------------------------------------------------- captions and tweets


def test_captions_are_embeds_with_their_own_dates() -> None:
    text = (
        "Forces push into old town\n\n"
        "File photo: Fighters near the old bridge, March 1, 2019.\n"
        "File photo: Fighters near the old bridge, March 1, 2019.Credit: Ana Cruz/Example Agency\n\n"
        + PARAS[0]
        + "\n\n"
        "A fighter walks past a burned truck on June 6, 2017. (OMAR HADI/AFP)\n"
        "A fighter walks past a burned truck on June 6, 2017. (OMAR HADI/AFP)\n\n"
        "Photo: Smoke over the ridge\n\n" + PARAS[1] + "\n\n" + PARAS[2]
    )
    a = ok(clean.clean(txt(text), CFG))
    assert a.embeds == (
        Embed(
            "caption",
            "File photo: Fighters near the old bridge, March 1, 2019.",
            "Ana Cruz/Example Agency",
            "2019-03-01",
        ),
        Embed(
            "caption", "A fighter walks past a burned truck on June 6, 2017.", "OMAR HADI/AFP", "2017-06-06"
        ),
        Embed("caption", "Photo: Smoke over the ridge", None, None),
    )
    assert a.text == BODY
    assert a.published is None  # a caption's date is never the publication date


def test_tweets_are_embeds_not_body_with_dash_or_em_dash() -> None:
    text = (
        PARAS[0] + "\n\n"
        "Three drones were downed over the dam today. #Dam— Rana Aziz (@rana_aziz) March 3, 2019\n\n"
        + PARAS[1]
        + "\n\n"
        "We are holding the line - Sami Nour (@saminour) Apr 2, 2019\n\n"
        "Pro-government units hold the bridge -- Jean-Luc Roy (@jlroy)\n\n" + PARAS[2]
    )
    a = ok(clean.clean(txt(text), CFG))
    assert a.embeds == (
        Embed(
            "tweet",
            "Three drones were downed over the dam today. #Dam",
            "Rana Aziz (@rana_aziz)",
            "2019-03-03",
        ),
        Embed("tweet", "We are holding the line", "Sami Nour (@saminour)", "2019-04-02"),
        Embed("tweet", "Pro-government units hold the bridge", "Jean-Luc Roy (@jlroy)", None),
    )
    assert a.text == BODY and a.published is None


# ---------------------------------------------------------------- boilerplate


def test_boilerplate_by_rule_and_section_end() -> None:
    text = (
        "Search For Keyword.\n\n"
        "Convoy struck on northern highway\n\n"
        "Send in e-mailSend in e-mail\nSend by e-mail\n"
        "Share | Tweet | Email\n\n" + PARAS[0] + "\n\n"
        ">> Other story: talks resume in the capital | Another teaser\n\n"
        "Advertisement\n\n" + PARAS[1] + "\n\n"
        "(12)   (12)\n\n" + PARAS[2] + "\n\n"
        "Related Video:\n\n"
        "Ten facts about the river war\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n"
        "Click the alert icon to follow topics:\n"
    )
    a = ok(clean.clean(txt(text), CFG))
    assert a.title == "Convoy struck on northern highway"
    assert a.text == BODY


def test_comment_form_lines_are_dropped() -> None:
    text = (
        BODY + "\n\n(33)\u00a0\u00a0 (33)\nTotal Comments (0)\n\nComments About This Article\n\n"
        "Please fill the fields below.\n*code confirming note"
    )
    assert ok(clean.clean(txt(text), CFG)).text == BODY


def test_section_marker_before_the_story_does_not_cut_it() -> None:
    a = ok(clean.clean(txt("Related Stories\n\n" + BODY), CFG))
    assert a.text == BODY


def test_boilerplate_by_repetition_across_documents() -> None:
    cfg = Config(boilerplate_min_docs=3)
    docs = [
        txt(
            f"Valley Gazette front page\n\nStory {i} headline\n\n{PARAS[0]}\n\nThat is all, he said.\n\n"
            f"{PARAS[1]}\n\n{PARAS[2]}\n\nTips line open all night\n"
        )
        for i in range(3)
    ]
    counts: Counter[str] = Counter()
    for d in docs:
        counts.update(clean.line_keys(d, cfg))
    repeated = frozenset(k for k, n in counts.items() if n >= cfg.boilerplate_min_docs)
    assert {"valley gazette front page", "tips line open all night", "that is all, he said."} <= repeated
    assert "story 1 headline" not in repeated
    assert clean.line_keys(txt("A short line\n\n" + PARAS[0]), cfg) == {
        "a short line"
    }  # long lines have no key
    results = [ok(r) for r in clean.run(docs, cfg, repeated)]
    assert [r.title for r in results] == ["Story 0 headline", "Story 1 headline", "Story 2 headline"]
    # Repeated lines go at the edges; a short quote inside the story stays.
    assert results[0].text == "\n\n".join((PARAS[0], "That is all, he said.", PARAS[1], PARAS[2]))
    assert ok(clean.clean(docs[0], cfg)).title == "Valley Gazette front page"  # without `repeated`


# ---------------------------------------------------------------- whitespace, rejects, ids


def test_whitespace_is_normalised() -> None:
    text = (
        "Headline here\r\n\r\n"
        + PARAS[0].replace(" killing", "\nkilling").replace(" a ", "  \t a ")
        + "\n\n\n\n"
        + "  "
        + PARAS[1]
        + "   \n\n"
        + PARAS[2]
        + "\n"
    )
    a = ok(clean.clean(txt(text), CFG))
    assert a.text == BODY
    assert all("\n" not in p and "  " not in p for p in a.text.split("\n\n"))


def test_too_short_and_missing_text_are_clean_rejects() -> None:
    r = clean.clean(txt("Headline\n\nOnly four words here."), CFG)
    detail = (
        'no complete sentence in 4 words of main text ("Only four words here."): none has min_words 5 '
        "words, a verb and a full stop"
    )
    assert r == Reject("t.txt", "too_short", detail, stage="clean")
    assert clean.clean(txt("   \n"), CFG) == Reject("t.txt", "missing_text", "no text or html", stage="clean")
    # an empty page under a headline that tells an incident is read as its headline
    a = clean.clean(txt("", title="Teen shot in foot during party - WXYZ"), CFG)
    assert isinstance(a, Article) and a.text == "Teen shot in foot during party"


@pytest.mark.parametrize(
    "note",
    [
        "Gunmen killed 3 in Bori, Rivers State, on Monday.",
        "Bandits stormed a cattle market near Zurmi and shot two herders dead.",
        "Clashes between herders and farmers in Lafia left four people dead.",
        "Clashes between the army and rebels near Kega.",  # a note with no verb, only its event
        "Market traders marched to the governor's office in Jos",  # a note that lost its full stop
        "Riot police fired tear gas at students. Twelve were arrested.",
        "Two soldiers were wounded when a mine exploded under their truck, the army said.",
    ],
)
def test_one_sentence_of_news_is_a_report(note: str) -> None:
    a = ok(clean.clean(txt(note), CFG))
    assert a.text == note


@pytest.mark.parametrize(
    ("page", "why"),
    [
        ("Breaking: Gunmen kill three in Bori", "6 words of main text"),  # a bare headline
        ("Gunmen kill three in Bori, Rivers State\n\nRead more", "7 words of main text"),
        ("Page not found\n\nSorry, the page you requested does not exist.", "page furniture"),
        ("We use cookies to give you the best experience on our site. Accept", "no main text"),
        ("Home | World | Africa | Politics | Sport | Weather | Contact", "13 words of main text"),
        ("Already a subscriber? Log in to read the whole story.", "page furniture"),
        (
            "Welcome back. Please sign in\n\nWhy are we asking this?\n\n"
            "We have sent a confirmation email to your address. We look forward to seeing you frequently.",
            "page furniture",
        ),
        ("Three killed.", "2 words of main text"),
    ],
)
def test_an_empty_page_is_too_short_and_says_why(page: str, why: str) -> None:
    r = clean.clean(txt(page), CFG)
    assert isinstance(r, Reject) and (r.reason, r.stage) == ("too_short", "clean")
    assert why in r.detail


def test_sentences_that_make_a_report() -> None:
    text = "Home | News | Sport\n\nPolice say gunmen shot a trader in Ibadan market. Click here to share."
    assert clean.complete_sentences(text, 5) == ["Police say gunmen shot a trader in Ibadan market."]
    assert clean.complete_sentences("Soldiers retook the town.", 5) == []  # four words
    assert clean.complete_sentences("Soldiers retook the town.", 4) == ["Soldiers retook the town."]


def test_a_page_without_an_input_url_takes_its_canonical_url() -> None:
    page = ARTICLE_HTML.replace(
        "<head>", '<head>\n<link rel="canonical" href="https://www.courier.example.com/2020/05/market">', 1
    )
    a = ok(clean.clean(RawDoc(origin="p.html", fmt="html", html=page), CFG))
    assert a.url == "https://www.courier.example.com/2020/05/market"
    assert a.article_id == stable_id(a.content_hash, a.url)
    given = ok(clean.clean(RawDoc(origin="p.html", fmt="html", html=page, url="https://feed.example/1"), CFG))
    assert given.url == "https://feed.example/1"


def test_html_without_body_is_no_text() -> None:
    r = clean.clean(RawDoc(origin="e.html", fmt="html", html=EMPTY_BODY_HTML), CFG)
    assert r == Reject("e.html", "no_text", "no main text found in the HTML", stage="clean")


def test_ids_are_stable() -> None:
    doc = txt(ARTICLE_TXT, url="https://a.example.org/1")
    a1, a2 = ok(clean.clean(doc, CFG)), ok(clean.clean(doc, CFG))
    assert (a1.article_id, a1.content_hash) == (a2.article_id, a2.content_hash)
    assert a1.content_hash == stable_id(normalise_text(ARTICLE_TXT))
    assert a1.article_id == stable_id(a1.content_hash, "https://a.example.org/1")
    assert a1.raw == ARTICLE_TXT
    other = ok(clean.clean(txt(ARTICLE_TXT, url="https://b.example.org/1"), CFG))
    assert other.content_hash == a1.content_hash and other.article_id != a1.article_id


def test_registered_domain() -> None:
    assert clean.registered_domain("https://www.reuters.com/world/x") == "reuters.com"
    assert clean.registered_domain("http://news.bbc.co.uk/2/hi") == "bbc.co.uk"
    assert clean.registered_domain(None) is None
    # an archived copy is its original outlet's page, not the archive's
    assert (
        clean.registered_domain("http://web.archive.org/web/20160501/http://www.kcrg.com/news/1")
        == "kcrg.com"
    )
    assert clean.registered_domain("https://web.archive.org/web/2016/www.wral.com/story") == "wral.com"


@pytest.mark.parametrize(
    "url", ["http://[www.oregonlive.com/x", "http://web.archive.org/web/2016/http://[www.oregonlive.com/x"]
)
def test_a_url_that_does_not_parse_names_no_outlet_and_stops_nothing(url: str) -> None:
    a = ok(clean.clean(txt(ARTICLE_TXT, url=url), CFG))
    assert (a.url, a.outlet) == (url, "Northwire")  # the sign-off's, as without a URL


# ---------------------------------------------------------------- HTML, WARC, feeds


def test_html_metadata_captions_and_tweets() -> None:
    doc = RawDoc(origin="p.html", fmt="html", html=ARTICLE_HTML, url="https://www.courier.example.com/a")
    a = ok(clean.clean(doc, CFG))
    assert a.title == "Shelling hits market in river town"
    assert (a.published, a.published_source) == ("2020-05-14", "metadata")
    assert a.outlet == "Valley Courier" and a.author == "Lena Park"
    assert a.embeds == (
        Embed("caption", "Smoke rises over the market on May 13, 2020.", "ARI VOSS/AFP", "2020-05-13"),
        Embed(
            "tweet", "The market is burning, we need ambulances now", "Town Medic (@townmedic)", "2020-05-13"
        ),
    )
    assert a.text == (
        "Artillery shells struck the central market of a small river town on Wednesday morning, killing four "
        "traders and wounding a dozen shoppers, local officials said.\n\n"
        "Witnesses said the first shell landed near the grain stalls shortly after nine o'clock, "
        "and two more followed within minutes.\n\n"
        "No group claimed responsibility for the attack, which came a day after talks between the two sides "
        "broke down over the exchange of prisoners."
    )
    assert a.raw == ARTICLE_HTML and a.fmt == "html"


def test_warc_date_only_when_the_page_has_none(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "c.warc.gz",
        [("https://courier.example.com/a", ARTICLE_HTML), ("https://www.canal.example.org/b", UNDATED_HTML)],
        gzip=True,
    )
    dated, undated = [
        ok(clean.clean(d, CFG)) for d in sources.read([str(path)], CFG) if isinstance(d, RawDoc)
    ]
    assert (dated.published, dated.published_source) == ("2020-05-14", "metadata")
    assert undated.published_source == "metadata"
    assert undated.published == clean.normalise_date(
        next(
            d for d in sources.read([str(path)], CFG) if isinstance(d, RawDoc) and "canal" in (d.url or "")
        ).published
    )
    assert undated.outlet == "canal.example.org" and undated.title == "Bridge over the canal destroyed"


def test_feed_items_clean_with_feed_metadata(tmp_path: Path) -> None:
    (tmp_path / "w.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "d.atom").write_text(ATOM, encoding="utf-8")
    items = [ok(clean.clean(d, CFG)) for d in sources.read([str(tmp_path)], CFG) if isinstance(d, RawDoc)]
    atom, rss1, rss2 = items  # sorted: d.atom before w.rss
    assert (rss1.title, rss1.published, rss1.outlet, rss1.author) == (
        "Convoy struck on northern highway",
        "2019-03-03",
        "Frontline Wire",
        "Mara Lind",
    )
    assert rss1.text == BODY
    assert rss2.text == PARAS[1] + "\n\n" + PARAS[2] and rss2.published == "2019-03-04"
    assert (atom.published, atom.author, atom.outlet) == ("2019-03-05", "Kim Sato", "Atom Desk")


# ---------------------------------------------------------------- the shared seed articles


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("shared/seeds is not present beside the repo")
    out = {}
    for doc in sources.read([str(folder)], CFG):
        assert isinstance(doc, RawDoc), doc
        out[Path(doc.origin).name[:3]] = ok(clean.clean(doc, CFG))
    return out


_NOISE = (
    "Send in e-mail",
    "Click the alert icon",
    "Leave a Reply",
    "Your email address",
    "Related Video",
    "Show Full Article",
    "Total Comments",
    "Comments About This Article",
    "Please fill the fields",
    "Search For Keyword",
    "(33)",
    "code confirming",
    "File photo",
    "Credit:",
    ">>",
    "@mustefabali",
    "Press Association",
    "date 2019",
)


def test_seed_000(seeds: dict[str, Article]) -> None:
    a = seeds["000"]
    assert a.title == "Fierce Fighting in Syria as U.S.-backed Forces Advance on ISIS Fighters"
    assert a.published is None
    [cap] = a.embeds
    assert cap.kind == "caption" and cap.date == "2019-03-01" and cap.author == "Rodi Said/Reuters"
    assert a.text.startswith("Columns of black smoke billowed Sunday")
    assert a.text.endswith("mostly hiding underground, in tunnels.")


def test_seed_002(seeds: dict[str, Article]) -> None:
    a = seeds["002"]
    assert (a.published, a.published_source) == ("2019-03-03", "header")
    assert a.outlet == "Press Association"
    [tweet] = a.embeds
    assert (tweet.kind, tweet.author, tweet.date) == ("tweet", "Mustafa Bali (@mustefabali)", "2019-03-03")
    assert a.text.startswith("Islamic State militants are desperately fighting")


def test_seed_003(seeds: dict[str, Article]) -> None:
    a = seeds["003"]
    [cap] = a.embeds
    assert (cap.kind, cap.date, cap.author) == ("caption", "2017-06-06", "DELIL SOULEIMAN/AFP")
    assert a.published is None
    assert a.text.endswith("seized from IS by the SDF or Western-backed rebels.")


def test_seed_004(seeds: dict[str, Article]) -> None:
    a = seeds["004"]
    assert a.title == "US-backed forces breach wall in Syria ISIS stronghold Raqqa"
    assert a.text.endswith("just a few hundred Daesh militants left in Mosul.")


def test_seeds_have_no_noise_and_one_line_paragraphs(seeds: dict[str, Article]) -> None:
    assert set(seeds) == {"000", "001", "002", "003", "004"}
    for name, a in seeds.items():
        for noise in _NOISE:
            assert noise not in a.text, (name, noise)
        assert all(p and "\n" not in p and p == p.strip() for p in a.text.split("\n\n")), name


def test_html_snippets_and_xml_declarations() -> None:
    snippet = RawDoc(
        origin="s.jsonl:line 1", fmt="jsonl", html="<p>" + PARAS[0] + "</p><p>" + PARAS[1] + "</p>"
    )
    assert ok(clean.clean(snippet, CFG)).text == PARAS[0] + "\n\n" + PARAS[1]
    declared = '<?xml version="1.0" encoding="utf-8"?>\n' + ARTICLE_HTML
    a = ok(clean.clean(RawDoc(origin="x.html", fmt="html", html=declared), CFG))
    assert a.title == "Shelling hits market in river town" and a.raw == declared
