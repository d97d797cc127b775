from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fieldreport.events import incidents
from fieldreport.records import EventDate, Location, Mention

TOWN = Location(
    "Millbrook", 41.78, -73.69, 1, "US", "United States", "New York", None, "geonames:1", "Millbrook"
)
FAR = Location("Elmira", 42.09, -76.81, 1, "US", "United States", "New York", None, "geonames:2", "Elmira")
PUBLISHED = EventDate("2016-05-09", 1, "publication date")


def mention(start: int, sentence: str, **kw: object) -> Mention:
    base = Mention(
        article_id="a1", sentence_index=start, start=start, end=start + len(sentence), sentence=sentence,
        event_type="Violence against civilians", sub_event_type="Attack", actor1=None,
        actor2="Civilians (United States)", location=TOWN, date=PUBLISHED, trigger="shot",
    )  # fmt: skip
    return replace(base, **kw)


@pytest.mark.parametrize("rule", incidents.RULES, ids=lambda r: r.name)
def test_every_rule_decides_its_own_examples(rule: incidents.Rule) -> None:
    for sentence in rule.examples:
        assert incidents.decision(sentence) is rule, sentence
    for sentence in rule.counter:
        assert incidents.decision(sentence) is None, sentence


def test_an_incident_told_over_several_sentences_is_one_incident() -> None:
    told = incidents.group(
        [
            mention(0, "Two men were shot outside a bar in Millbrook late Saturday.",
                    date=EventDate("2016-05-07", 1, "late Saturday")),
            mention(70, "One of them died at the hospital on Sunday, police said.",
                    date=EventDate("2016-05-08", 1, "on Sunday"), trigger="died"),
            mention(130, "A witness said the gunman fired six shots.", location=None),
        ]
    )  # fmt: skip
    assert [m.incident for m in told] == [0, 0, 0]


def test_organised_sides_of_another_type_or_pair_are_another_incident() -> None:
    # ACLED's unit: an air strike and a ground battle in one town on one day are two events
    strike = mention(
        0,
        "Coalition jets bombed IS positions in Millbrook on Sunday.",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Coalition: US-led Coalition",
        inter1=8,
        actor2="Islamic State",
        inter2=2,
    )
    clash = replace(
        strike,
        start=60,
        sentence="SDF fighters clashed with IS in the town.",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="SDF: Syrian Democratic Forces",
        inter1=2,
    )
    again = replace(strike, start=120, sentence="More strikes hit the IS depot.")
    unnamed = replace(clash, start=180, sentence="Gunfire was heard all night.", actor1=None, actor2=None)
    told = incidents.group([strike, clash, again, unnamed])
    assert [m.incident for m in told] == [0, 1, 0, 0]


def test_another_place_day_or_a_marker_starts_another_incident() -> None:
    lead = mention(
        0, "A man was shot dead in Millbrook on Monday.", date=EventDate("2016-05-09", 1, "on Monday")
    )
    told = incidents.group(
        [
            lead,
            mention(50, "Gunmen also killed a farmer in Elmira.", location=replace(FAR, evidence="Elmira")),
            mention(90, "A woman was wounded in Millbrook last Tuesday.",
                    date=EventDate("2016-05-03", 1, "last Tuesday")),
            mention(140, "In a separate shooting, a teenager was hurt."),
        ]
    )  # fmt: skip
    assert [m.incident for m in told] == [0, 1, 2, 3]


def test_background_and_running_totals_are_no_incident() -> None:
    told = incidents.group(
        [
            mention(0, "A man was shot dead in Millbrook on Monday."),
            mention(50, "It was the town's third homicide this year."),
            mention(100, "Gang violence has killed 40 people since 2014."),
        ]
    )
    assert [(m.start, m.incident) for m in told] == [(0, 0)]


def test_unresolved_weekdays_still_tell_two_days_apart() -> None:
    # an article with no publication date: "late on Monday" and "Tuesday" cannot become dates
    monday = mention(
        0,
        "Late on Monday, a strike killed 21 people fleeing by boat.",
        date=EventDate(None, None, "Late on Monday"),
    )
    tuesday = mention(60, "One of Tuesday's strikes killed eight.", date=EventDate(None, None, "Tuesday"))
    assert [m.incident for m in incidents.group([monday, tuesday])] == [0, 1]


def test_an_earlier_period_is_another_incident() -> None:
    # a report of this week's fighting recalls "last month"'s entry into the city
    today = mention(0, "Fighters clashed with the militants in the old city.")
    earlier = mention(
        60, "They entered the east of the city last month.", date=EventDate("2016-04-15", 3, "last month")
    )
    assert [m.incident for m in incidents.group([today, earlier])] == [0, 1]


def test_a_report_that_states_no_day_tells_the_incident_whose_day_was_stated_before() -> None:
    # a story of a funeral a week after the shooting: its reports with no day of their own are
    # dated only by the publication (May 9) or the lead's day, yet tell the shooting of May 2
    shot = mention(0, "A car fired on the family on May 2.", date=EventDate("2016-05-02", 1, "on May 2"))
    undated = mention(50, "The boy was fatally shot in Millbrook.")
    lead_day = mention(90, "He died in hospital.", date=EventDate("2016-05-09", 1, "Monday (the lead's day)"))
    assert [m.incident for m in incidents.group([shot, undated, lead_day])] == [0, 0, 0]
    # a day stated after them is another incident's: the story's background
    earlier = mention(140, "A man was wounded on the same corner on April 6.",
                      date=EventDate("2016-04-06", 1, "on April 6"))  # fmt: skip
    assert [m.incident for m in incidents.group([undated, earlier])] == [0, 1]
    # and a report with no day of its own tells, first, the incident its article's day fits
    told = incidents.group([undated, earlier, replace(lead_day, start=200)])
    assert [m.incident for m in told] == [0, 1, 0]


def test_a_month_over_by_the_publication_is_background() -> None:
    today = mention(0, "Fighters clashed with the militants in the old city.")
    before = mention(
        60, "They entered the east of the city last month.", date=EventDate("2016-04-15", 3, "last month")
    )
    this_month = replace(before, start=120, date=EventDate("2016-05-15", 3, "earlier this month"))
    told = incidents.group([today, before, this_month], published="2016-05-09")
    assert [m.start for m in told] == [0, 120]


def test_a_toll_in_parts_with_a_side_as_written_is_the_battle_told_before() -> None:
    # "Twelve soldiers and 15 Houthi fighters were killed in the fighting": its sides as written
    # are no new pair of organised sides
    clash = mention(0, "Government forces clashed with Houthi fighters on Tuesday.", event_type="Battles",
                    sub_event_type="Armed clash", actor1="Military Forces of Yemen", inter1=1,
                    actor2="Ansar Allah", inter2=2)  # fmt: skip
    toll = replace(clash, start=60, sentence="Twelve soldiers and 15 Houthi fighters were killed.",
                   actor1="Twelve soldiers", inter1=1)  # fmt: skip
    assert [m.incident for m in incidents.group([clash, toll])] == [0, 0]


def test_an_arrest_in_the_incident_on_a_later_day_is_its_report_not_another_incident() -> None:
    lead = mention(
        0, "A man was shot dead in Millbrook on Monday.", date=EventDate("2016-05-09", 1, "on Monday")
    )
    arrest = mention(
        50, "Police arrested a suspect on Wednesday in connection with the shooting.",
        sub_event_type="Arrests", event_type="Strategic developments",
        date=EventDate("2016-05-11", 1, "on Wednesday"),
    )  # fmt: skip
    assert [m.incident for m in incidents.group([lead, arrest])] == [0, 0]
    # told first, with no incident before it, it is an incident of its own
    assert [m.incident for m in incidents.group([arrest])] == [0]
    # an arrest that names no organised side, told after the violence, is its aftermath too
    bare = replace(arrest, sentence="Deputies arrested Josh Smith on Wednesday for obstruction of justice.")
    assert [m.incident for m in incidents.group([lead, bare])] == [0, 0]
    # ... but not one for another matter, one dated before the violence, nor one far from it
    other = replace(arrest, sentence="Police arrested a suspect on Wednesday in a drug raid.")
    assert [m.incident for m in incidents.group([lead, other])] == [0, 1]
    before = replace(bare, date=EventDate("2016-05-07", 1, "on Saturday"))
    assert [m.incident for m in incidents.group([lead, before])] == [0, 1]
    away = replace(bare, location=FAR, sentence="Deputies arrested Josh Smith in Elmira on Wednesday.")
    assert [m.incident for m in incidents.group([lead, away])] == [0, 1]


def test_a_report_dated_by_a_later_step_joins_the_incident_of_the_week_before() -> None:
    lead = mention(
        0, "A man was shot dead in Millbrook on Monday.", date=EventDate("2016-05-09", 1, "on Monday")
    )
    vigil = mention(
        50, "Classes resumed Thursday after the shooting.",
        date=EventDate("2016-05-12", 2, "Thursday (a later step's day)"),
    )  # fmt: skip
    assert incidents.window(vigil) == (date(2016, 5, 5), date(2016, 5, 12))
    assert [m.incident for m in incidents.group([lead, vigil])] == [0, 0]
    # a step a month on is not this incident's
    later = replace(vigil, date=EventDate("2016-06-12", 2, "June 12 (a later step's day)"))
    assert [m.incident for m in incidents.group([lead, later])] == [0, 1]


def test_a_day_told_after_a_step_that_opened_the_report_is_that_incidents_own() -> None:
    # a court story opens with the hearing, then dates the shooting it is about
    hearing = mention(
        0, "A judge on Tuesday denied bond for the man charged after a boy was shot in Millbrook.",
        date=EventDate("2016-06-28", 2, "on Tuesday (a later step's day)"),
    )  # fmt: skip
    shot = mention(
        90, "The boy was shot on April 5, police said.", date=EventDate("2016-04-05", 1, "April 5")
    )
    assert [m.incident for m in incidents.group([hearing, shot])] == [0, 0]
    # a day after the step is another incident's
    after = replace(shot, date=EventDate("2016-07-05", 1, "July 5"))
    assert [m.incident for m in incidents.group([hearing, after])] == [0, 1]
