from __future__ import annotations

import datetime as dt

from fieldreport import clean, sources
from fieldreport.dates import find_timexes
from fieldreport.records import Article, Embed, Timex
from fieldreport.settings import Config
from fieldreport.stories import StoryIndex, cluster, terms, time_hint

from .conftest import SHARED

SIEGE = (
    "Kurdish-led fighters pressed their assault on the last Islamic State enclave in Baghouz on Sunday, "
    "as coalition jets struck tunnels and the militants fired mortars at the advancing Syrian Democratic "
    "Forces. Commanders said hundreds of fighters remained inside the encampment by the Euphrates."
)
SIEGE_2 = (
    "Coalition air strikes pounded the Islamic State enclave at Baghouz overnight while Syrian Democratic "
    "Forces fighters waited to storm the encampment; commanders said militants were hiding in tunnels."
)
FOOTBALL = (
    "The league leaders dropped points at home after a late equaliser, and the manager said the title "
    "race would go to the final weekend as his striker limped off with a hamstring injury."
)


def article(aid: str, text: str, published: str | None = None, embeds: tuple[Embed, ...] = ()) -> Article:
    return Article(aid, "h", aid, "txt", raw=text, text=text, published=published, embeds=embeds)


def test_terms_fold_plurals_and_keep_names() -> None:
    t = terms("Air strikes hit the Islamic State enclave. A strike hit Deir ez-Zor.")
    assert t["strike"] == 2 and t["n:islamic state"] == 2.0 and "the" not in t
    assert "n:deir ez-zor" in t


def test_reports_of_one_event_share_a_story_and_other_news_does_not() -> None:
    got = cluster([("a", SIEGE, None), ("b", FOOTBALL, None), ("c", SIEGE_2, None)])
    assert got["a"] == got["c"] != got["b"]
    assert cluster([("a", SIEGE, None), ("b", FOOTBALL, None), ("c", SIEGE_2, None)]) == got  # stable ids


def test_a_report_from_another_year_opens_its_own_story() -> None:
    index = StoryIndex()
    first = index.assign("a", SIEGE, "2019-03-03")
    other = index.assign("c", SIEGE_2, "2017-06-06")
    assert other != first
    assert index.assign("d", SIEGE_2, "2019-03-10") == first
    assert index.assign("e", SIEGE_2, None) == other  # undated: the most similar story of any time


def test_time_hint_prefers_publication_then_full_dates_then_captions() -> None:
    timex = Timex(0, 13, "March 1, 2019", "DATE", "2019-03-01", "2019-03-01", 1)
    relative = Timex(20, 26, "Sunday", "DATE", "2019-03-03", "2019-03-03", 1)
    caption = Embed("caption", "Fighters near Baghouz, June 6, 2017.", date="2017-06-06")
    assert time_hint(article("a", SIEGE, "2019-03-04T10:00"), [timex]) == "2019-03-04"
    assert time_hint(article("a", SIEGE), [timex, relative]) == "2019-03-01"
    assert time_hint(article("a", SIEGE), [relative]) is None  # no year written: nothing known
    assert time_hint(article("a", SIEGE, embeds=(caption,)), []) == "2017-06-06"


def test_the_seeds_are_two_stories() -> None:
    if not (SHARED / "seeds").is_dir():
        import pytest

        pytest.skip("../shared/seeds is not present")
    cfg = Config()
    index = StoryIndex()
    got = {}
    for doc in sources.read([str(SHARED / "seeds")], cfg):
        a = clean.clean(doc, cfg)
        assert isinstance(a, Article)
        name = doc.origin.rsplit("/", 1)[-1][:3]
        got[name] = index.assign(a.article_id, a.text, time_hint(a, find_timexes(a)))
    assert got["000"] == got["001"] == got["002"] != got["003"] == got["004"]


def test_an_undated_article_takes_its_storys_median_date_at_week_precision_at_best() -> None:
    from fieldreport.stories import infer_published

    assert infer_published([]) is None
    assert infer_published(["2019-03-03"]) == ("2019-03-03", 2)
    assert infer_published(["2019-03-05", "2019-03-01", "2019-03-03"]) == ("2019-03-03", 2)
    assert infer_published(["2019-03-01", "2019-03-30"]) == ("2019-03-01", 3)
    # none of the story's dates before the article's photo is its date
    assert infer_published(["2019-03-01", "2019-03-30"], not_before=dt.date(2019, 3, 2)) == ("2019-03-30", 2)
    assert infer_published(["2019-03-01"], not_before=dt.date(2019, 3, 2)) is None


def test_an_undated_article_takes_its_own_day_then_its_storys_then_its_weekday_after_a_photo() -> None:
    from fieldreport.dates import owndate
    from fieldreport.stories import date_undated

    own_day = owndate.evidence("On 9th August, gunmen shot dead two farmers near Bokkos.")
    assert date_undated(own_day, ["2022-08-02", "2022-08-03"]) == ("2022-08-09", "text", None)
    photo = ["Mourners at a funeral in Bokkos on August 8, 2022. (Reuters)"]
    weekday = owndate.evidence(
        "Gunmen shot dead two farmers near Bokkos on Tuesday, police said.", captions=photo
    )
    assert date_undated(weekday, ["2022-08-10", "2022-08-12"]) == ("2022-08-10", "story", 2)
    # the story's dates before the photo are not this article's: its own weekday after the photo is
    assert date_undated(weekday, ["2022-07-01"]) == ("2022-08-09", "text", 2)
    assert date_undated(weekday, []) == ("2022-08-09", "text", 2)
    nothing = owndate.evidence("Gunmen shot dead two farmers near Bokkos, police said.")
    assert date_undated(nothing, []) == (None, None, None)
    assert date_undated(nothing, ["2022-08-10"]) == ("2022-08-10", "story", 2)


def test_figures_that_cannot_all_be_true_are_a_conflict() -> None:
    from fieldreport.stories import figure_conflicts

    a = ("a1", "Aid workers said on Monday. The Red Cross said about 50,000 civilians remained in the town.")
    b = ("a2", "The governor said up to 20,000 people are still trapped in the town, and more are leaving.")
    c = ("a3", "Officials said some 52,000 residents remain in the town despite the fighting.")
    (conflict,) = figure_conflicts([a, b, c])
    assert conflict["field"] == "civilians remaining"
    assert [(x["figure"], x["claimant"]) for x in conflict["claims"]] == [  # type: ignore[union-attr]
        ("about 50,000", "The Red Cross"),
        ("up to 20,000", "The governor"),
        ("some 52,000", "Officials"),
    ]
    assert figure_conflicts([a, c]) == []  # about 50,000 and some 52,000 can both be right
