"""Time stage: temporal expressions, their normalisation, and event dates."""

from __future__ import annotations

import re
from datetime import date

import pytest

from fieldreport.dates import (
    event_date,
    event_dates_in_range,
    find_timexes,
    governing_timex,
    lead_day,
    owndate,
)
from fieldreport.dates.eventdate import DEATH, INCIDENT, STATEMENT, STEP, role
from fieldreport.records import Article, EventDate, Sentence, Timex

SUNDAY = "2019-03-03"  # a Sunday
WEDNESDAY = "2017-06-07"  # a Wednesday


def article(text: str, published: str | None = SUNDAY) -> Article:
    return Article(
        article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text, published=published
    )


def split(text: str) -> tuple[Sentence, ...]:
    """Sentences by a simple split; paragraphs are separated by blank lines."""
    out = []
    for p, m in enumerate(re.finditer(r"[^\n]+", text)):
        for s in re.finditer(r".+?(?:[.!?](?=\s+[A-Z\"“]|\s*$)|$)", m[0]):
            if s[0].strip():
                start = m.start() + s.start() + len(s[0]) - len(s[0].lstrip())
                out.append(Sentence(len(out), start, m.start() + s.end(), s[0].strip(), p))
    return tuple(out)


def timexes(text: str, published: str | None = SUNDAY) -> tuple[Timex, ...]:
    return find_timexes(article(text, published), split(text))


def one(text: str, phrase: str, published: str | None = SUNDAY) -> Timex:
    found = [t for t in timexes(text, published) if phrase in t.text]
    assert len(found) == 1, (phrase, timexes(text, published))
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t


# --- relative days, anchor Sunday 2019-03-03 ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value", "day"),
    [
        ("Rebels shelled the town on Sunday.", "Sunday", "2019-03-03", "2019-03-03"),
        (
            "The offensive resumed on Friday night after a pause.",
            "Friday night",
            "2019-03-01TNI",
            "2019-03-01",
        ),
        ("Militia fighters seized the bridge on Saturday.", "Saturday", "2019-03-02", "2019-03-02"),
        ("Two villages were shelled yesterday.", "yesterday", "2019-03-02", "2019-03-02"),
        ("A convoy was ambushed today near the border.", "today", "2019-03-03", "2019-03-03"),
        ("Overnight, gunfire was heard in the old town.", "Overnight", "2019-03-02TNI", "2019-03-02"),
        ("Early on Sunday, a patrol came under fire.", "Early on Sunday", "2019-03-03", "2019-03-03"),
        ("Troops moved in late Saturday.", "late Saturday", "2019-03-02", "2019-03-02"),
        ("Smoke rose over the camp last night.", "last night", "2019-03-02TNI", "2019-03-02"),
        ("The bridge was blown up three days ago.", "three days ago", "2019-02-28", "2019-02-28"),
    ],
)
def test_relative_days(text: str, phrase: str, value: str, day: str) -> None:
    t = one(text, phrase)
    assert (t.value, t.date, t.precision) == (value, day, 1)


def test_weeks_and_months() -> None:
    t = one("Fighting intensified last month in the north.", "last month")
    assert (t.type, t.value, t.date, t.precision) == ("DATE", "2019-02", "2019-02-15", 3)
    for phrase in ("this week", "earlier this week"):
        t = one(f"The minister had claimed {phrase} that the town was safe.", phrase)
        assert (t.value, t.date, t.precision) == ("2019-W09", "2019-02-27", 2)
    t = one("A market was bombed two weeks ago.", "two weeks ago")
    assert (t.value, t.date, t.precision) == ("2019-W07", "2019-02-13", 2)
    t = one("The rebels withdrew last week.", "last week")
    assert (t.value, t.precision) == ("2019-W08", 2)
    t = one("Talks collapsed last year.", "last year")
    assert (t.value, t.date, t.precision) == ("2018", None, None)


def test_partial_date_takes_nearest_year() -> None:
    t = one("On 11th March, the enclave was pounded by artillery.", "11th March", published="2019-03-12")
    assert (t.value, t.date, t.precision) == ("2019-03-11", "2019-03-11", 1)
    t = one("The siege began on December 28.", "December 28", published="2019-01-03")
    assert t.date == "2018-12-28"
    # a past-tense verb right before it: last May, not the nearer May to come
    assert one("Pro-government forces attacked on 5 May.", "5 May").date == "2018-05-05"


def test_a_day_after_is_relative() -> None:
    # TimeML leaves the signal out of the expression: "a day", not "a day after"
    t = one("Fires still burned, a day after a strike hit a depot.", "a day")
    assert t.text == "a day" and t.date is None and t.value == "P1D"


# --- anchor Wednesday 2017-06-07 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("Fighters broke into the district on Tuesday.", "Tuesday", "2017-06-06"),
        ("Late on Monday, a boat was hit on the river.", "Late on Monday", "2017-06-05"),
        ("The militia captured the citadel on Wednesday.", "Wednesday", "2017-06-07"),
        ("A monitor said Sunday's raid killed five.", "Sunday", "2017-06-04"),
        ("The envoys will meet on Tuesday in Geneva.", "Tuesday", "2017-06-13"),
        ("Talks are expected to resume on Friday.", "Friday", "2017-06-09"),
        ("The council plans to vote on Monday.", "Monday", "2017-06-12"),
        ("A soldier was pictured in the village on June 6, 2017.", "June 6, 2017", "2017-06-06"),
        ("They had clashed last Wednesday.", "last Wednesday", "2017-05-31"),
    ],
)
def test_weekdays_follow_tense(text: str, phrase: str, day: str) -> None:
    t = one(text, phrase, published=WEDNESDAY)
    assert (t.date, t.precision) == (day, 1)


def test_absolute_dates_and_months() -> None:
    assert one("It fell on 1 March 2019.", "1 March 2019", None).value == "2019-03-01"
    assert one("The report is dated 2019-03-03.", "2019-03-03", None).date == "2019-03-03"
    t = one("Strikes began in August 2014 and spread the following month.", "August 2014", None)
    assert (t.value, t.date, t.precision) == ("2014-08", "2014-08-15", 3)
    t = one("Strikes began in August 2014 and spread the following month.", "the following month", None)
    assert (t.value, t.date, t.precision) == ("2014-09", "2014-09-15", 3)
    t = one("The operation to take the city began in November.", "November", WEDNESDAY)
    assert (t.value, t.precision) == ("2016-11", 3)
    t = one("Elections will be held in November.", "November", WEDNESDAY)
    assert t.value == "2017-11"
    assert one("Clashes flared in June near the dam.", "June", WEDNESDAY).value == "2017-06"
    t = one("The group overran the city in 2014.", "2014", WEDNESDAY)
    assert (t.type, t.value, t.date, t.precision) == ("DATE", "2014", None, None)
    t = one("The caliphate was declared nearly three years ago.", "nearly three years ago", WEDNESDAY)
    assert (t.value, t.precision) == ("2014", None)


def test_durations_and_ranges() -> None:
    t = one("It would end a devastating four-year campaign.", "four-year")
    assert (t.type, t.value, t.date) == ("DURATION", "P4Y", None)
    assert one("The force has spent seven months advancing.", "seven months").value == "P7M"
    t = one("The shelling has gone on for two days.", "two days")
    assert (t.type, t.value, t.range_end) == ("DURATION", "P2D", None)
    t = one("Strikes destroyed car bombs during the past two days of battle.", "the past two days")
    assert (t.type, t.value, t.date, t.range_end, t.precision) == ("DURATION", "P2D", "2019-03-02", SUNDAY, 1)
    assert event_dates_in_range(t) == ["2019-03-02", "2019-03-03"]
    t = one("Dozens have been killed since Thursday.", "since Thursday")
    assert (t.value, t.date, t.range_end) == ("2019-02-28", "2019-02-28", SUNDAY)
    assert event_dates_in_range(t) == ["2019-02-28", "2019-03-01", "2019-03-02", "2019-03-03"]
    assert one("It was full of families days ago.", "days ago").value == "PAST_REF"
    t = one("The battle raged from Friday to Sunday.", "Friday")
    assert (t.date, t.range_end) == ("2019-03-01", SUNDAY)
    assert event_dates_in_range(one("It burned on Friday.", "Friday")) == ["2019-03-01"]
    assert event_dates_in_range(one("It began in 2014.", "2014")) == []


def test_clock_time_joins_its_day() -> None:
    t = one("The ceasefire will start at 9 a.m. Tuesday.", "9 a.m. Tuesday", WEDNESDAY)
    assert (t.type, t.value, t.date) == ("TIME", "2017-06-13T09:00", "2017-06-13")


@pytest.mark.parametrize(
    "text",
    [
        "Officials said civilians may leave through the corridor.",
        "May God protect them, a resident said.",
        "The march on the capital was stopped by police.",
        "Thousands joined the March for peace.",
        "Engineers breached the 2,500-meter wall.",
        "They were in the 34-mile zone.",
        "Some 2000 troops were deployed.",
        "The Sunday Times reported the claim.",
        "The council passed Resolution 2254 unanimously.",
        "A second time, the fighters regrouped.",
        "The victim was 25 years old.",
        "A 30-year-old man was wounded.",
        "Fighting paused on the last day of the talks.",
    ],
)
def test_false_friends_are_not_dates(text: str) -> None:
    assert [t for t in timexes(text) if t.type in ("DATE", "TIME") or "old" in text] == []


def test_no_anchor() -> None:
    text = "On Sunday, after strikes on March 1, 2019, rebels fled yesterday."
    found = {t.text: t for t in timexes(text, None)}
    assert (found["Sunday"].value, found["Sunday"].date) == ("XXXX-WXX-7", None)
    assert (found["yesterday"].value, found["yesterday"].date) == ("PAST_REF", None)
    assert found["March 1, 2019"].date == "2019-03-01"
    assert one("Prices rose last month.", "last month", None).date is None


def test_sets_and_refs() -> None:
    assert one("Patrols cross the river every Sunday.", "every Sunday").type == "SET"
    assert one("The town is now under siege.", "now").value == "PRESENT_REF"


# --- event dates -----------------------------------------------------------------------------------


def _event(text: str, sentence_no: int, published: str | None = SUNDAY) -> EventDate:
    art = article(text, published)
    sents = split(text)
    return event_date(sents[sentence_no], find_timexes(art, sents), art, sents)


def test_event_date_prefers_the_sentence_own_expression() -> None:
    text = "Rebels advanced on Friday. On Saturday a depot was hit."
    assert _event(text, 1) == EventDate("2019-03-02", 1, "Saturday")


def test_event_date_falls_back_to_the_paragraph() -> None:
    text = "Rebels advanced on Friday. A depot was hit.\nA market burned."
    assert _event(text, 1) == EventDate("2019-03-01", 1, "Friday")
    # a new paragraph does not inherit the previous paragraph's date
    assert _event(text, 2) == EventDate(SUNDAY, 2, "publication date")


def test_event_date_without_any_date() -> None:
    assert _event("A depot was hit.", 0, None) == EventDate(None, None, None)
    # no publication date: "on Sunday" is unknown, and not the paragraph's earlier date
    text = "Strikes hit the town on March 1, 2019. A depot was hit on Sunday."
    assert _event(text, 1, None) == EventDate(None, None, "Sunday")
    assert _event(text, 0, None) == EventDate("2019-03-01", 1, "March 1, 2019")


def test_event_date_skips_background_dates() -> None:
    text = "Captured by the group in 2014, the city was shelled on Tuesday."
    assert _event(text, 0, WEDNESDAY) == EventDate("2017-06-06", 1, "Tuesday")
    text = "Since launching the operation in November, the force on Tuesday entered the city."
    assert _event(text, 0, WEDNESDAY) == EventDate("2017-06-06", 1, "Tuesday")
    # a past year and nothing else: not an event of publication week
    assert _event("The group overran the city in 2014.", 0, WEDNESDAY) == EventDate(None, None, "2014")
    # a sentence all about the past keeps its own date
    text = "The coalition began strikes in August 2014."
    assert _event(text, 0, WEDNESDAY) == EventDate("2014-08-15", 3, "August 2014")


def _lead(text: str, published: str | None = WEDNESDAY) -> str | None:
    art = article(text, published)
    sents = split(text)
    t = lead_day(find_timexes(art, sents), art, sents)
    return t.date if t else None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the first day told beside an incident
        ("A woman was shot Monday night outside a bar.\nShe is in stable condition.", "2017-06-05"),
        ("City news.\nA teenager was wounded in a shooting late Sunday on Elm Street.", "2017-06-04"),
        # a day in a sentence that tells no incident is not the lead's
        ("The council met on Tuesday.\nA man was shot near the park.", None),
        # a day someone spoke, was arrested, charged or died on is a step after the incident
        ("Police said Tuesday that a man was shot.", None),
        ("A man was arrested Tuesday in the shooting.", None),
        ("A man died Tuesday at a hospital, a day after he was shot Monday.", "2017-06-05"),
        # two days of incidents: the lead's, else neither
        ("Rebels attacked the town on Monday.\nAir strikes hit the camp on Tuesday.", "2017-06-05"),
        (
            "Smoke rose over the town.\nIt was quiet.\n"
            "Rebels attacked on Monday.\nJets bombed the camp on Tuesday.",
            None,
        ),
        ("A man was shot Monday.\nThe shooting on Monday was the second this week.", "2017-06-05"),
        # a sentence that tells when the lead's incident happened without naming it again
        ("Police are looking into a shooting.\nIt happened around 1 p.m. Sunday.", "2017-06-04"),
        ("A girl was grazed by a bullet.\nThe incident occurred late Monday on Elm Street.", "2017-06-05"),
        ("The mayor spoke about crime.\nIt was announced on Monday that the park will close.", None),
        # a day after publication is no day of the incident; nor is a year long gone
        ("Protesters plan to march on Friday over the shooting.", None),
        ("The gunman killed three people in March 2015.", None),
    ],
)
def test_lead_day(text: str, day: str | None) -> None:
    assert _lead(text) == day


def test_a_sentence_without_a_date_takes_the_lead_day_before_the_publication_date() -> None:
    text = "A woman was shot Monday night outside a bar.\nPolice found her in the parking lot."
    art = article(text, WEDNESDAY)
    sents = split(text)
    tx = find_timexes(art, sents)
    lead = lead_day(tx, art, sents)
    assert event_date(sents[1], tx, art, sents, lead) == EventDate(
        "2017-06-05", 1, "Monday night (the lead's day)"
    )
    assert event_date(sents[1], tx, art, sents) == EventDate(WEDNESDAY, 2, "publication date")
    # a sentence with a date of its own keeps it
    text += "\nA second man was shot on Tuesday."
    sents = split(text)
    tx = find_timexes(article(text, WEDNESDAY), sents)
    assert event_date(sents[2], tx, article(text, WEDNESDAY), sents, lead).date == "2017-06-06"


def test_event_date_prefers_the_incidents_day_over_a_later_steps() -> None:
    text = "A man was arrested on Tuesday in the shooting of a teen on Sunday."
    assert _event(text, 0, WEDNESDAY) == EventDate("2017-06-04", 1, "Sunday")
    # with no day of the incident, the incident happened by the step's day: the week up to it
    assert _event("A man was arrested on Tuesday in the shooting.", 0, WEDNESDAY) == EventDate(
        "2017-06-06", 2, "Tuesday (a later step's day)"
    )
    # an arrest with no harm told besides is the event itself, on its day
    assert _event("Police arrested 20 protesters on Tuesday.", 0, WEDNESDAY) == EventDate(
        "2017-06-06", 1, "Tuesday"
    )


def _parsed(nlp, text: str, published: str = WEDNESDAY):  # type: ignore[no-untyped-def]
    art = article(text, published)
    sents = split(text)
    return art, sents, find_timexes(art, sents), nlp(text)


@pytest.mark.parametrize(
    ("text", "phrase", "told"),
    [
        ("The sheriff on Sunday identified the four people killed on Saturday.", "Sunday", STEP),
        ("The sheriff on Sunday identified the four people killed on Saturday.", "Saturday", INCIDENT),
        ("A man was arrested Monday in the fatal shooting of a teenager.", "Monday", STEP),
        ("Police arrested 20 protesters in the capital on Monday.", "Monday", INCIDENT),
        ("Classes resumed Tuesday after four students were shot outside the school.", "Tuesday", STEP),
        ("The boy died Tuesday after being shot in the head Monday.", "Tuesday", DEATH),
        ("The boy died Tuesday after being shot in the head Monday.", "Monday", INCIDENT),
        ("Two men killed Friday were identified as brothers.", "Friday", INCIDENT),
        (
            "Police on Tuesday announced an inquiry into a shooting death that occurred Friday.",
            "Tuesday",
            STATEMENT,
        ),
        (
            "Police on Tuesday announced an inquiry into a shooting death that occurred Friday.",
            "Friday",
            INCIDENT,
        ),
        ("Gunmen killed three villagers on Sunday in the north, police said on Monday.", "Monday", STATEMENT),
        ("The shooting was reported at a home on Elm Street on Friday.", "Friday", INCIDENT),
        # a day that is part of the harm's name is the harm's, whatever verb tells it
        ("A man was arrested Monday in Saturday's shooting of a teenager.", "Saturday", INCIDENT),
        ("A man was arrested Monday in Saturday's shooting of a teenager.", "Monday", STEP),
        ("He was wanted for murder in the March 4 fatal stabbing of his cousin.", "March 4", INCIDENT),
        ("Two men were charged in the June 2 slaying of a store clerk.", "June 2", INCIDENT),
        # a step told by its object, whatever the verb
        ("He entered a guilty plea Tuesday in the shooting of his cousin.", "Tuesday", STEP),
        ("Gunmen entered the village on Tuesday and shot two farmers.", "Tuesday", INCIDENT),
        (
            "The father of the boy who was shot made his first appearance before a judge Friday.",
            "Friday",
            STEP,
        ),
    ],
)
def test_a_day_is_the_day_of_the_verb_it_is_told_with(nlp, text: str, phrase: str, told: str) -> None:  # type: ignore[no-untyped-def]
    art, sents, tx, doc = _parsed(nlp, text)
    (t,) = [t for t in tx if phrase in t.text]
    assert role(t, sents[0], text, doc) == told


def test_a_sentence_telling_only_a_later_step_takes_the_lead_day_else_the_week_up_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A man was shot Sunday night on Elm Street.\n"
        "The sheriff's office on Tuesday identified the man who was shot.\n"
        "Classes resumed Monday after the shooting."
    )
    art, sents, tx, doc = _parsed(nlp, text)
    lead = lead_day(tx, art, sents, doc)
    assert lead is not None and lead.date == "2017-06-04"
    assert [event_date(s, tx, art, sents, lead, doc).date for s in sents] == ["2017-06-04"] * 3
    assert event_date(sents[2], tx, art, sents, lead, doc).evidence == "Sunday night (the lead's day)"
    # with no lead day, the incident happened by the step's day
    assert event_date(sents[1], tx, art, sents, None, doc) == EventDate(
        "2017-06-06", 2, "Tuesday (a later step's day)"
    )


def test_event_date_prefers_event_over_reporting_date() -> None:
    text = "The monitor said on Tuesday that a strike killed eight on Monday."
    assert _event(text, 0, WEDNESDAY) == EventDate("2017-06-05", 1, "Monday")
    # a statement's day alone: the killing happened by then, not then (a later step's day, a week)
    text = "The monitor said on Tuesday that eight were killed."
    assert _event(text, 0, WEDNESDAY) == EventDate("2017-06-06", 2, "Tuesday (a later step's day)")


def test_event_date_of_a_range_is_its_middle_at_week_precision_with_every_day() -> None:
    text = "Dozens have been killed since Thursday."
    found = _event(text, 0)
    assert found == EventDate("2019-03-01", 2, "since Thursday", "2019-02-28", "2019-03-03")
    assert found.days() == ["2019-02-28", "2019-03-01", "2019-03-02", "2019-03-03"]
    art = article(text)
    sents = split(text)
    t = governing_timex(sents[0], find_timexes(art, sents), art, sents)
    assert t is not None and event_dates_in_range(t)[0] == "2019-02-28"


def test_seed_like_report() -> None:
    text = (
        " date 2019-03-03 Fighters resisted in the last enclave.\n"
        "The force resumed an offensive on Friday night after a two-week pause.\n"
        "Early on Sunday, a unit came under attack. Two attackers died.\n"
        "A weapons depot was targeted on Saturday.\n"
        "The adviser said the group had been defeated, as he had asserted earlier this week."
    )
    art = article(text)
    sents = split(text)
    tx = find_timexes(art, sents)
    dates = [event_date(s, tx, art, sents) for s in sents]
    assert [d.date for d in dates] == [
        "2019-03-03",
        "2019-03-01",
        "2019-03-03",
        "2019-03-03",
        "2019-03-02",
        "2019-02-27",
    ]
    assert [d.precision for d in dates] == [1, 1, 1, 1, 1, 2]


# --- numeric dates, editors' dates, ranges of listed days ---------------------------------------------


def test_numeric_dates_read_day_first_unless_the_text_says_otherwise() -> None:
    t = one("Gunmen raided the market on 02/03 and fled.", "02/03")
    assert (t.type, t.value, t.date, t.precision) == ("DATE", "2019-03-02", "2019-03-02", 1)
    assert one("The post was overrun on 28/02/2019.", "28/02/2019").value == "2019-02-28"
    # the text writes month first elsewhere ("12/25"), so "01/02" is 2 January
    text = "Aid arrived on 12/25/2018, and the road was cut on 01/02/2019."
    assert one(text, "01/02/2019").value == "2019-01-02"
    assert one("Talks resumed on 10/27/89.", "10/27/89", "1989-11-03").value == "1989-10-27"


@pytest.mark.parametrize(
    "text",
    [
        "A 3/4 majority backed the motion.",
        "The pipe is 1/2 km long.",
        "Guards work 24/7 at the gate.",
        "The ratio was 5/8 at most.",
    ],
)
def test_fractions_are_not_numeric_dates(text: str) -> None:
    assert timexes(text) == ()


def test_capitalised_month_after_a_day() -> None:
    t = one("On 16 JAN a statement claimed the raid.", "16 JAN", "2016-01-31")
    assert (t.value, t.precision) == ("2016-01-16", 1)


def test_month_of_a_relative_year() -> None:
    assert one("The town fell in June last year.", "June last year").value == "2018-06"
    assert one("Elections are due in October this year.", "October this year").value == "2019-10"


def test_signals_stay_out_of_durations_and_later_dates_the_day() -> None:
    t = one("The convoy left two weeks before the vote.", "two weeks")
    assert (t.text, t.type, t.value) == ("two weeks", "DURATION", "P2W")
    # "later" counts from the last date mentioned
    t = one("Rebels took the bridge on Friday. Two days later, the army retook it.", "Two days")
    assert (t.text, t.type, t.value, t.date, t.precision) == ("Two days", "DURATION", "P2D", "2019-03-03", 1)
    # a comparison, not a date
    t = one("The rains started a month earlier than usual.", "a month")
    assert (t.text, t.type, t.value, t.date) == ("a month", "DURATION", "P1M", None)
    # "about" and "over" are not part of the expression; "nearly" is
    assert one("It took about three weeks.", "three weeks").text == "three weeks"
    assert one("It took just over a week.", "a week").text == "a week"
    assert one("It took nearly a year.", "a year").text == "nearly a year"


def test_tense_cues_for_months() -> None:
    # "since" always looks back, whatever the verb
    assert one("The siege has lasted since December.", "since December").value == "2018-12"
    assert one("The talks are expected in December.", "December").value == "2019-12"
    assert one("The vote is supposed to end by May.", "May").value == "2019-05"
    assert one("Ministers bought the land in December.", "December").value == "2018-12"


def test_a_written_date_next_to_a_relative_one_wins() -> None:
    text = "The unrest took a grave turn yesterday [9 February] when youths blocked roads."
    t = one(text, "yesterday", "2016-02-29")
    assert (t.value, t.date) == ("2016-02-09", "2016-02-09")
    t = one("A protest took place in the town today, 19 January.", "today", "2016-01-31")
    assert t.date == "2016-01-19"
    t = one("The militia attacked on Saturday night (28 May).", "Saturday night", "2016-06-03")
    assert (t.type, t.value) == ("TIME", "2016-05-28TNI")
    # two written dates stay as they are
    t = one("It was signed on 3 March, 4 March being a holiday.", "3 March")
    assert t.date == "2019-03-03"


def test_two_consecutive_days_are_a_range() -> None:
    t = one("Protesters marched on 31 January and 1 February.", "31 January", "2019-02-05")
    assert (t.date, t.range_end) == ("2019-01-31", "2019-02-01")
    assert event_dates_in_range(t) == ["2019-01-31", "2019-02-01"]
    # days further apart are a list, not a range
    assert one("Raids came on 3 March and 7 March.", "3 March").range_end is None


def test_more_references() -> None:
    assert one("Prices peaked in mid-1996.", "mid-1996").value == "1996"
    assert one("They will leave in the near future.", "the near future").value == "FUTURE_REF"
    found = {t.text: t.value for t in timexes("The current crisis followed recent clashes.")}
    assert found == {"current": "PRESENT_REF", "recent": "PAST_REF"}
    # not an adjective before a noun
    assert timexes("The river's current was strong.") == ()


def test_spelled_out_years() -> None:
    assert one("Atlanta, nineteen ninety-six: a bomb went off.", "nineteen ninety-six").value == "1996"
    assert one("It will be ready by the year two thousand.", "the year two thousand").value == "2000"
    assert one("The law changed in two thousand and one.", "two thousand and one").value == "2001"
    assert timexes("Two thousand people marched; nineteen soldiers died.") == ()


def test_numeric_dates_with_a_leading_zero_need_no_preposition() -> None:
    # fractions and scores never write "03/04"; dates do
    t = one("An anti-militant protest is held in Abdul-Aziz 28/01.", "28/01", "2016-01-31")
    assert (t.date, t.precision) == ("2016-01-28", 1)
    t = one("Residents rallied in 02/01 over unpaid salaries.", "02/01", "2016-01-31")
    assert t.date == "2016-01-02"
    # a range of days written "17-20/03"
    t = one("Seventy are killed during four days of fighting (17-20/03) in Suuj.", "17-20/03", "2016-03-31")
    assert (t.date, t.range_end) == ("2016-03-17", "2016-03-20")
    assert timexes("The vote was 3/1 against.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Police raided a flat in the October 6 suburb of Cairo.",
        "Supporters of the Feb 20 Movement marched to parliament.",
        "Students marched in 26 June District.",
    ],
)
def test_a_date_that_names_a_place_or_group_is_not_a_date(text: str) -> None:
    assert [t for t in timexes(text, "2016-01-31") if t.precision == 1] == []


def test_a_day_until_a_later_day_is_a_range() -> None:
    text = "Clashes began on the evening of 18 March and lasted until the morning of 19 March."
    t = one(text, "18 March", "2016-03-31")
    assert (t.date, t.range_end) == ("2016-03-18", "2016-03-19")
    # a relative expression in between does not break it
    text = "The clash began the evening of 07/03, and continued overnight into the morning of 08/03."
    t = one(text, "07/03", "2016-03-31")
    assert (t.date, t.range_end) == ("2016-03-07", "2016-03-08")
    text = "Beginning 04/01, riders protest over a tariff until 07/01 in Ughelli."
    assert one(text, "04/01", "2016-01-31").range_end == "2016-01-07"


def test_the_past_days_are_the_bracketed_ones_or_count_back_from_a_dated_statement() -> None:
    text = "Three people died in the past two days (24/05 and 25/05) in a fight over levies."
    t = one(text, "the past two days", "2016-05-31")
    assert (t.date, t.range_end) == ("2016-05-24", "2016-05-25")
    text = "As many as 36 militants were killed over the past two days, the army said on Saturday."
    t = one(text, "the past two days", "2019-03-05")  # a Tuesday report of a Saturday statement
    assert (t.date, t.range_end) == ("2019-03-01", "2019-03-02")


def test_a_long_since_range_is_dated_by_its_first_day() -> None:
    text = "Taxi drivers have been protesting since the 14th March in Cape Town."
    sents = split(text)
    found = event_date(sents[0], timexes(text, "2016-03-31"), article(text, "2016-03-31"), sents)
    assert (found.date, found.precision, found.range_start, found.range_end) == (
        "2016-03-14", 1, "2016-03-14", "2016-03-31",
    )  # fmt: skip
    assert len(found.days()) == 18  # too long to be one event per day: fusion makes one


# ---------------------------------------------------------------- an article's own date

OWN_EXAMPLES = [(r.name, text, want) for r in owndate.RULES for text, want in r.examples]


@pytest.mark.parametrize(("rule", "text", "want"), OWN_EXAMPLES)
def test_every_own_date_rule_reads_its_examples(rule: str, text: str, want: str | None) -> None:
    part = next(r.part for r in owndate.RULES if r.name == rule)
    found = [f.value for f in owndate.read(part, text) if f.rule.name == rule]
    assert found[:1] == ([want] if want else []), (rule, text)


def test_every_own_date_rule_has_examples_that_fire_and_that_do_not() -> None:
    for rule in owndate.RULES:
        assert any(want for _, want in rule.examples), rule.name
        assert rule.decides in (owndate.DAY, owndate.BOUND, owndate.WEEKDAY_ONLY)
        assert (rule.source is None) == (rule.decides == owndate.BOUND)  # a bound is never the value


def test_a_day_without_its_year_takes_the_nearest_year_to_the_text_then_the_story() -> None:
    lead = "On 2nd May, militiamen burned a market in Djugu and killed five traders."
    ev = owndate.evidence(lead)
    assert [f.value for f in ev.days] == ["XXXX-05-02"]
    assert owndate.own_date(ev) is None  # no year anywhere: it waits for its story
    dated = owndate.own_date(ev, ["2020-04-28", "2020-05-01"])
    assert dated == owndate.OwnDate("2020-05-02", "text", None, "lead_dmy")
    assert owndate.own_date(owndate.evidence(lead), ["2020-08-01"]).value == "2020-05-02"  # nearest year
    assert owndate.own_date(owndate.evidence(lead), ["2021-01-03"]).value == "2021-05-02"
    # a year the text writes out with a date is taken before the story's
    written = lead + " A similar raid on April 20, 2018 left two dead."
    assert owndate.own_date(owndate.evidence(written), ["2020-05-01"]).value == "2018-05-02"


def test_a_year_never_puts_the_day_before_the_photo() -> None:
    lead = "On 30 December, gunmen attacked a checkpoint outside Kidal."
    photo = ["Soldiers at the checkpoint outside Kidal on January 2, 2020. (AFP)"]
    # nearest to the story's 2 January 2020 would be 30 December 2019, older than the photo
    assert owndate.year_for(12, 30, [date(2020, 1, 2)]) == 2019
    assert owndate.year_for(12, 30, [date(2020, 1, 2)], bound=date(2020, 1, 2)) == 2020
    ev = owndate.evidence(lead, captions=photo)
    assert ev.bound == ev.photo == date(2020, 1, 2)
    assert owndate.own_date(ev, ["2020-01-02"]).value == "2020-12-30"
    # with no text date and no story, a photo of the article gives the year
    assert owndate.own_date(ev).value == "2020-12-30"


def test_a_file_photo_bounds_but_gives_no_year() -> None:
    lead = "On 4 March, fighters shelled the camp at Baghouz."
    ev = owndate.evidence(lead, captions=["File photo: fighters near Baghouz, March 1, 2017."])
    assert ev.bound == date(2017, 3, 1) and ev.photo is None
    assert owndate.own_date(ev) is None


def test_the_dateline_comes_before_the_lead_and_the_lead_before_the_story() -> None:
    ev = owndate.evidence(
        "On 6 February, troops shelled the outskirts of the town.", dateline="ALEPPO, Feb. 8 (Xinhua) -- "
    )
    assert [f.rule.name for f in ev.days] == ["dateline_mdy", "lead_dmy"]
    assert owndate.own_date(ev, ["2016-02-01"]) == owndate.OwnDate(
        "2016-02-08", "dateline", None, "dateline_mdy"
    )


def test_a_lead_day_the_text_puts_in_the_past_is_background() -> None:
    text = "On 15 March 2011, the first protests broke out in Deraa. By 2019 the war had killed thousands."
    assert owndate.own_date(owndate.evidence(text)) is None
    text = "On 15 March 2011, the first protests broke out in Deraa. Peace talks will resume in 2030."
    assert owndate.own_date(owndate.evidence(text)).value == "2011-03-15"  # a year ahead is no later past


def test_a_lead_weekday_after_a_photo_is_that_week() -> None:
    lead = "Rebels advanced into the eastern district of Sirte on Thursday, a day after the assault began."
    photo = "A fighter in the eastern district of Sirte on Tuesday, June 7, 2016. (AFP)"
    ev = owndate.evidence(lead, captions=[photo])
    assert owndate.own_date(ev) is None  # a weekday is no explicit day
    assert owndate.weekday_after_photo(ev) == owndate.OwnDate("2016-06-09", "text", 2, "lead_weekday")
    # from the photo's eve: a lead may report the day before the photo
    ev = owndate.evidence(lead.replace("Thursday", "Monday"), captions=[photo])
    assert owndate.weekday_after_photo(ev).value == "2016-06-06"
    ev = owndate.evidence(lead.replace("Thursday", "Sunday"), captions=[photo])
    assert owndate.weekday_after_photo(ev).value == "2016-06-12"
    ev = owndate.evidence(lead, captions=["File photo: " + photo])
    assert owndate.weekday_after_photo(ev) is None
    assert owndate.weekday_after_photo(owndate.evidence(lead)) is None
