from __future__ import annotations

from dataclasses import replace

from fieldreport import fuse
from fieldreport.records import Claim, EventDate, Location, Mention

RAQQA = Location("Raqqa", 35.95, 39.01, 1, "SY", "Syria", "Raqqa", None, "geonames:163915", "Raqqa")


def mention(article_id: str, start: int = 0, **kw: object) -> Mention:
    base = Mention(
        article_id=article_id, sentence_index=0, start=start, end=start + 20,
        sentence="A strike hit the town.", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1="Coalition: US-led Coalition",
        actor2="Civilians (Syria)", inter1=8, inter2=7, location=RAQQA,
        date=EventDate("2017-06-06", 1, "on Tuesday"), trigger="strike", notes="n", confidence=0.7,
    )  # fmt: skip
    return replace(base, **kw)


def killed(low: int, high: int, victims: str = "civilians", claimant: str | None = None) -> Claim:
    return Claim("killed", low, high, victims, claimant, "text", 0, 4)


def injured(low: int, high: int, claimant: str | None = None) -> Claim:
    return Claim("injured", low, high, "unknown", claimant, "text", 0, 4)


META = {
    "a1": {"outlet": "Levant Wire", "duplicate_of": None},
    "a2": {"outlet": "Northern Post", "duplicate_of": None},
    "a3": {"outlet": "Copy Desk", "duplicate_of": "a1"},
}


def test_same_day_place_actors_and_type_is_one_event_with_all_sources() -> None:
    events, links = fuse.run(
        [mention("a1", claims=(killed(8, 8),)), mention("a2", claims=(killed(10, 12),))], META
    )
    assert len(events) == 1
    e = events[0]
    # a3 copies a1: its outlet counts, with no span since its text was not given
    assert e.sources == ("Levant Wire", "Copy Desk", "Northern Post")
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (8, 8, 12)
    assert [(link.article_id, link.start) for link in links] == [("a1", 0), ("a3", None), ("a2", 0)]


TABQA = replace(RAQQA, location="Tabqa", latitude=35.84, longitude=38.55, gazetteer_id="geonames:1")


def test_different_day_or_place_stays_distinct() -> None:
    other_day = mention("a2", date=EventDate("2017-06-04", 1, "late on Sunday"))
    elsewhere = mention("a2", start=50, location=TABQA, incident=1)
    events, _ = fuse.run([mention("a1"), other_day, elsewhere], META)
    assert len(events) == 3
    assert [e.event_date for e in events] == ["2017-06-04", "2017-06-06", "2017-06-06"]


def test_undated_mentions_of_different_articles_are_not_merged() -> None:
    undated = EventDate(None, None, None)
    events, _ = fuse.run([mention("a1", date=undated), mention("a2", date=undated)], META)
    assert len(events) == 2


def test_victim_groups_add_up_within_an_article_and_no_claim_means_zero() -> None:
    m = mention(
        "a1",
        claims=(
            killed(1, 1, "SDF: Syrian Democratic Forces"),
            killed(2, 2, "Islamic State"),
            Claim("injured", 4, 4, "SDF", None, "four were wounded", 0, 5),
        ),
    )
    events, _ = fuse.run([m], META)
    assert (events[0].fatalities, events[0].fatalities_low, events[0].fatalities_high) == (3, 3, 3)
    events, _ = fuse.run([mention("a2")], META)
    assert events[0].fatalities == 0


def test_a_duplicate_adds_its_outlet_and_evidence_span_not_an_event() -> None:
    texts = {"a3": "Intro line. A strike hit the town. More."}
    events, links = fuse.run([mention("a1")], META, texts)
    assert len(events) == 1
    assert events[0].sources == ("Levant Wire", "Copy Desk")
    copied = [link for link in links if link.copied]
    assert [(c.article_id, c.start, c.end) for c in copied] == [("a3", 12, 34)]


def test_event_ids_are_stable() -> None:
    first, _ = fuse.run([mention("a1")], META)
    again, _ = fuse.run([mention("a1"), mention("a2")], META)
    assert first[0].event_id == again[0].event_id


def test_a_bare_village_name_takes_its_region_from_another_article() -> None:
    bare = Location("Baghouz", 34.7, 38.3, 3, "SY", "Syria", None, None, None, "Baghouz")
    placed = Location("Baghouz", 35.0, 40.4, 2, "SY", "Syria", "Deir ez-Zor", None, None, "Baghouz")
    day = EventDate("2019-03-03", 1, "on Sunday")
    events, _ = fuse.run(
        [
            mention("a1", location=bare, date=day),
            mention("a2", location=placed, date=EventDate("2019-03-02", 1, "Saturday")),
        ],
        META,
    )
    assert [(e.event_date, e.admin1, e.geo_precision) for e in events] == [
        ("2019-03-02", "Deir ez-Zor", 2),
        ("2019-03-03", "Deir ez-Zor", 2),
    ]


STORY = {
    "b1": {"outlet": "Levant Wire", "duplicate_of": None, "story_id": "s1"},
    "b2": {"outlet": "Northern Post", "duplicate_of": None, "story_id": "s1"},
    "b3": {"outlet": "Gulf Daily", "duplicate_of": None, "story_id": "s2"},
}
UNDATED = EventDate("2017-06-06", 2, "publication date")
SAID = "Coalition jets struck a convoy leaving the town, residents said, and the road stayed closed."


def test_a_next_day_report_in_the_same_words_is_the_same_event() -> None:
    later = replace(UNDATED, date="2017-06-07")
    pair = [mention("b1", sentence=SAID, date=UNDATED), mention("b2", sentence=SAID, date=later)]
    events, _ = fuse.run(pair, STORY)
    assert len(events) == 1 and events[0].sources == ("Levant Wire", "Northern Post")
    # another story in other words: nothing says it is the same event
    other = mention("b3", sentence="Jets hit the market in the afternoon, killing traders.", date=UNDATED)
    assert len(fuse.run([pair[0], other], STORY)[0]) == 2
    # another story in the same words is the same report
    assert len(fuse.run([pair[0], replace(pair[1], article_id="b3")], STORY)[0]) == 1


def report(*members: Mention) -> fuse.Report:
    return fuse.Report(list(members), STORY.get(members[0].article_id, {}))


def test_reports_of_other_places_days_or_kinds_stay_apart() -> None:
    base = report(mention("b1"))
    # other wording, a side left unnamed: the same incident
    told = report(mention("b2", actor2=None, sentence="Jets hit it."))
    assert fuse.compatible(base, told)
    # between organised sides another sub-type is another ACLED event
    shelled = report(mention("b2", sub_event_type="Shelling/artillery/missile attack", sentence="Shells."))
    assert not fuse.compatible(base, shelled)
    # where no side is an organised armed group, one outlet's shooting is another's attack
    shot = mention("b1", actor1=None, actor2="Civilians (Syria)", event_type="Violence against civilians",
                   sub_event_type="Attack", sentence="A man was shot dead.")  # fmt: skip
    clash = replace(shot, article_id="b2", event_type="Battles", sub_event_type="Armed clash", actor2=None)
    assert fuse.compatible(report(shot), report(clash))
    assert not fuse.compatible(base, report(mention("b2", location=TABQA)))
    assert not fuse.compatible(base, report(mention("b2", date=EventDate("2017-06-08", 1, "on Thursday"))))
    protest = mention("b2", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters")
    assert not fuse.compatible(base, report(protest))
    # two armed sides named, of other types: an air strike and a ground battle the same day are two
    clash = mention("b2", event_type="Battles", sub_event_type="Armed clash", actor1="Islamic State",
                    actor2="SDF: Syrian Democratic Forces")  # fmt: skip
    assert not fuse.compatible(base, report(clash))
    # an article's own incidents never merge with each other
    assert not fuse.compatible(base, report(mention("b1", incident=1)))


def test_each_claimant_counts_once_with_its_latest_toll() -> None:
    meta = {
        "c1": {"outlet": "Levant Wire", "duplicate_of": None, "published": "2017-06-06"},
        "c2": {"outlet": "Northern Post", "duplicate_of": None, "published": "2017-06-08"},
    }
    early = mention(
        "c1", claims=(killed(8, 8, claimant="the Observatory"), killed(12, 12, claimant="activists"))
    )
    later = mention("c2", claims=(killed(21, 21, claimant="Observatory"),))
    (event,), _ = fuse.run([early, later], meta)
    # the Observatory's 21 replaces its 8; the activists' 12 stands: best is the lowest, 12
    assert (event.fatalities_low, event.fatalities, event.fatalities_high) == (12, 12, 21)
    assert event.fatalities_disputed
    (agreed,), _ = fuse.run([mention("c1", claims=(killed(8, 8, claimant="the Observatory"),))], meta)
    assert (agreed.fatalities, agreed.fatalities_disputed) == (8, False)


def test_a_total_the_storys_police_give_is_the_outlets_own_count() -> None:
    # "Seven people were shot ... Three victims were shot and ran to a station, officers said":
    # the officers' part is no rival total; the article's largest total stands
    m = mention(
        "c1",
        claims=(injured(6, 6), injured(2, 2, claimant="officers"), injured(3, 3, claimant="police sources")),
    )
    (event,), _ = fuse.run([m], META)
    assert (event.injured_low, event.injured, event.injured_high, event.injured_disputed) == (6, 6, 6, False)
    # a named party's total is still its own claim, and the lowest stands
    m = mention("c1", claims=(killed(15, 15), killed(30, 30, claimant="the Taliban")))
    (event,), _ = fuse.run([m], META)
    assert (event.fatalities, event.fatalities_high, event.fatalities_disputed) == (15, 30, True)
    # ... as does a figure the police give for one group of victims beside the press's total
    one = Claim("killed", 1, 1, "civilians", "police", "one civilian was killed", 0, 4)
    m = mention("c1", claims=(killed(3, 3), one))
    (event,), _ = fuse.run([m], META)
    assert (event.fatalities, event.fatalities_high) == (1, 3)


def test_a_source_telling_of_one_persons_death_tells_a_part_not_a_total() -> None:
    # "Three people were killed ... 'my son died in my arms,' his mother said": her son is one of
    # the three, not a rival toll of one
    mother = Claim("killed", 1, 1, "unknown", "his mother", "my son died", 0, 4)
    (event,), _ = fuse.run([mention("c1", claims=(killed(3, 3), mother))], META)
    assert (event.fatalities, event.fatalities_disputed) == (3, False)
    # alone, the one death is the toll
    (event,), _ = fuse.run([mention("c1", claims=(mother,))], META)
    assert event.fatalities == 1
    # a count of one is a total that disputes, as ACLED's conservative rule reads it
    count = Claim("killed", 1, 1, "unknown", "the army", "one soldier was killed", 0, 4)
    (event,), _ = fuse.run([mention("c1", claims=(killed(3, 3), count))], META)
    assert (event.fatalities, event.fatalities_high, event.fatalities_disputed) == (1, 3, True)
    # so with the injured: "three others were wounded ... 'my son was hurt,' his mother said"
    hurt = Claim("injured", 1, 1, "unknown", "his mother", "my son was hurt", 0, 4)
    (event,), _ = fuse.run([mention("c1", claims=(injured(3, 3), hurt))], META)
    assert (event.injured, event.injured_disputed) == (3, False)


def test_a_short_stated_range_is_one_event_per_day_sharing_the_deaths() -> None:
    # "Clashes killed 7 from Feb 8-11": ACLED codes four events, 2 + 2 + 2 + 1 dead
    ranged = EventDate("2016-02-09", 2, "Feb 8-11", "2016-02-08", "2016-02-11")
    events, links = fuse.run([mention("a1", date=ranged, claims=(killed(7, 9),))], META)
    assert [e.event_date for e in events] == ["2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11"]
    assert {e.time_precision for e in events} == {1}
    assert [(e.fatalities, e.fatalities_low, e.fatalities_high) for e in events] == [
        (2, 2, 3), (2, 2, 2), (2, 2, 2), (1, 1, 2),
    ]  # fmt: skip
    assert len({e.event_id for e in events}) == 4
    # every day keeps the same evidence, its own and its copy's
    assert sorted((link.event_id, link.article_id) for link in links) == sorted(
        (e.event_id, aid) for e in events for aid in ("a1", "a3")
    )
    # a long range stays one event at its middle
    month = EventDate("2016-02-15", 3, "since 1 February", "2016-02-01", "2016-02-29")
    events, _ = fuse.run([mention("a1", date=month, claims=(killed(7, 9),))], META)
    assert [(e.event_date, e.time_precision, e.fatalities) for e in events] == [("2016-02-15", 3, 7)]


def test_a_toll_that_names_no_victims_is_a_total_not_another_group() -> None:
    # "three civilians were killed ... the death toll rose to five": five, not eight
    m = mention("a1", claims=(killed(3, 3, "civilians"), killed(5, 5, "unknown")))
    events, _ = fuse.run([m], META)
    assert (events[0].fatalities, events[0].fatalities_high) == (5, 5)
    # named groups still add up, and a smaller total does not lower them
    m = mention(
        "a1", claims=(killed(3, 3, "civilians"), killed(2, 2, "Islamic State"), killed(4, 4, "unknown"))
    )
    events, _ = fuse.run([m], META)
    assert events[0].fatalities == 5


def test_within_one_article_a_report_naming_less_is_the_event_told_before() -> None:
    # "IS and the SDF clashed in Raqqa on Tuesday. ... The fighting killed seven."
    lead = mention("a1", sub_event_type="Armed clash", event_type="Battles", actor1="Islamic State",
                   actor2="SDF: Syrian Democratic Forces")  # fmt: skip
    later = replace(lead, start=80, actor2=None, location=None, claims=(killed(7, 7, "unknown"),))
    events, _ = fuse.run([lead, later], META)
    assert [(e.actor2, e.location, e.fatalities) for e in events] == [
        ("SDF: Syrian Democratic Forces", "Raqqa", 7)
    ]
    # a report the article tells as another incident stays another event
    other = replace(later, actor2="Military Forces of Syria", incident=1)
    assert len(fuse.run([lead, other], META)[0]) == 2


def test_a_peaceful_protest_kills_no_one() -> None:
    # "Residents protested after a man was killed": the death is the protest's cause
    protest = mention("a1", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters",
                      actor2=None, claims=(killed(1, 1, "unknown"),))  # fmt: skip
    assert fuse.run([protest], META)[0][0].fatalities == 0


def test_an_uncounted_toll_is_each_days_event_not_a_total() -> None:
    # "Clashes from Feb 8-11. Heavy casualties.": ACLED's 10 for each day's event
    ranged = EventDate("2016-02-09", 2, "Feb 8-11", "2016-02-08", "2016-02-11")
    heavy = Claim("killed", 10, 99, "unknown", None, "Heavy casualties", 0, 16)
    events, _ = fuse.run([mention("a1", date=ranged, claims=(heavy,))], META)
    assert [e.fatalities for e in events] == [10, 10, 10, 10]


def test_another_reports_event_is_matched_on_what_each_article_says_best() -> None:
    # article a1 names both sides, then tells the toll with one; a2 names both sides
    lead = mention("a1", sub_event_type="Armed clash", event_type="Battles", actor1="Islamic State",
                   actor2="SDF: Syrian Democratic Forces")  # fmt: skip
    later = replace(lead, start=80, actor2=None, claims=(killed(7, 7, "unknown"),))
    other = replace(lead, article_id="a2")
    events, links = fuse.run([lead, later, other], META)
    assert len(events) == 1 and {link.article_id for link in links} >= {"a1", "a2"}


def test_the_press_running_count_is_updated_by_a_later_report() -> None:
    # Saturday's report: one man killed; Monday's: a second victim died. No one is quoted: the
    # later report updates the count. Two reports of the same day that disagree stay conservative.
    meta = {
        "d1": {"outlet": "Daily Star", "duplicate_of": None, "published": "2016-05-07"},
        "d2": {"outlet": "Evening Post", "duplicate_of": None, "published": "2016-05-09"},
        "d3": {"outlet": "Courier", "duplicate_of": None, "published": "2016-05-09"},
    }
    first = mention("d1", claims=(killed(1, 1, "unknown"),))
    update = mention("d2", claims=(killed(2, 2, "unknown"),))
    (event,), _ = fuse.run([first, update], meta)
    assert (event.fatalities_low, event.fatalities, event.fatalities_high) == (2, 2, 2)
    same_day = mention("d3", claims=(killed(3, 3, "unknown"),))
    (event,), _ = fuse.run([first, update, same_day], meta)
    assert (event.fatalities, event.fatalities_high, event.fatalities_disputed) == (2, 3, True)


def test_acleds_unit_between_organised_sides_is_one_event_whatever_the_words() -> None:
    # two stories, other words, the same stated day, place, type and pair of sides: one event
    a = mention("b1", sentence="Coalition jets struck the town at dawn.")
    b = mention("b3", sentence="Warplanes of the alliance hit houses near the river.")
    assert len(fuse.run([a, b], STORY)[0]) == 1
    # a publication date alone is no stated day
    published = replace(b, date=EventDate("2017-06-06", 1, "publication date"))
    assert len(fuse.run([a, published], STORY)[0]) == 2


def test_a_report_without_a_place_or_a_headline_needs_more_than_its_story() -> None:
    # short notes of one story, each naming no place: many incidents, not one
    meta = {
        "n1": {"outlet": "Notes", "duplicate_of": None, "story_id": "s9"},
        "n2": {"outlet": "Notes", "duplicate_of": None, "story_id": "s9"},
    }
    shot = mention("n1", actor1=None, actor2="Civilians (Burundi)", location=None,
                   event_type="Violence against civilians", sub_event_type="Attack",
                   sentence="Unidentified gunmen shot dead a man in his home.")  # fmt: skip
    other = replace(
        shot, article_id="n2", sentence="A grenade thrown by unknown men wounded two women at a bar."
    )
    assert not fuse.compatible(fuse.Report([shot], meta["n1"]), fuse.Report([other], meta["n2"]))
    same = replace(other, sentence="Unidentified gunmen shot dead a man in his home on the hill.")
    assert fuse.compatible(fuse.Report([shot], meta["n1"]), fuse.Report([same], meta["n2"]))
    # where the place names disagree, only reports whose headlines agree are one incident
    placed = {**meta["n1"], "title": "Man shot dead in Millbrook home"}
    misread = replace(same, location=TABQA)
    here = replace(shot, location=RAQQA)
    assert not fuse.compatible(fuse.Report([here], meta["n1"]), fuse.Report([misread], meta["n2"]))
    assert fuse.compatible(
        fuse.Report([here], placed),
        fuse.Report([misread], {**meta["n2"], "title": "Millbrook man shot dead at home"}),
    )


def shooting(sentence: str = "A boy was shot Saturday.") -> Mention:
    """A local news report of a shooting: no armed side, a civilian hurt."""
    return mention(
        "a1", sentence=sentence, event_type="Violence against civilians", sub_event_type="Attack",
        actor1=None, actor2="Civilians (United States)", inter1=None,
        date=EventDate("2017-06-03", 1, "Saturday"),
    )  # fmt: skip


def test_the_police_who_arrested_a_suspect_are_no_side_of_the_shooting() -> None:
    shot = shooting()
    arrest = replace(
        shot, start=40, sentence="Police arrested a man on Tuesday in the shooting.",
        event_type="Strategic developments", sub_event_type="Arrests",
        actor1="Police Forces of United States", inter1=1, actor2=None, inter2=None,
        date=EventDate("2017-06-06", 1, "on Tuesday"), confidence=0.9,
    )  # fmt: skip
    events, _ = fuse.run([shot, arrest], META)
    assert [(e.sub_event_type, e.actor1, e.event_date) for e in events] == [("Attack", None, "2017-06-03")]


def test_a_report_dated_only_by_a_later_step_meets_the_incident_in_the_week_before() -> None:
    strike = mention("a1", date=EventDate("2017-06-03", 1, "Saturday"))
    # six days on: further than a week's date (three days either side) reaches
    follow_up = mention("a2", date=EventDate("2017-06-09", 2, "Friday (a later step's day)"))
    events, _ = fuse.run([strike, follow_up], META)
    assert [(e.event_date, e.sources) for e in events] == [
        ("2017-06-03", ("Levant Wire", "Copy Desk", "Northern Post"))
    ]
    # an ordinary week's date there is another event
    week = replace(follow_up, date=EventDate("2017-06-09", 2, "this week"))
    assert len(fuse.run([strike, week], META)[0]) == 2


def test_a_killers_own_death_is_added_to_a_toll_that_names_no_side() -> None:
    m = mention(
        "a1",
        claims=(
            Claim("killed", 2, 2, "unknown", None, "killed two people", 0, 5),
            Claim("killed", 1, 1, "the killer", None, "before killing himself", 10, 20),
        ),
    )
    events, _ = fuse.run([m], META)
    assert (events[0].fatalities_low, events[0].fatalities_high) == (3, 3)


def test_an_arrest_in_a_shooting_told_by_another_outlet_is_a_report_of_that_shooting() -> None:
    shot = shooting("A boy was shot Saturday on Elm Street.")
    arrest = replace(
        shot, article_id="a2", sentence="A man was arrested Sunday in the shooting of a boy.",
        event_type="Strategic developments", sub_event_type="Arrests", actor2=None,
        date=EventDate("2017-06-04", 2, "Sunday (a later step's day)"),
    )  # fmt: skip
    meta = {**META, "a1": {**META["a1"], "story_id": "s"}, "a2": {**META["a2"], "story_id": "s"}}
    assert len(fuse.run([shot, arrest], meta)[0]) == 1
    # an arrest in no harm told is an event of its own
    raid = replace(arrest, sentence="Police arrested a man on Sunday in a drug raid.")
    assert len(fuse.run([shot, raid], meta)[0]) == 2


def test_the_injured_a_later_report_tells_dead_are_dead_not_injured() -> None:
    meta = {
        "a1": {"outlet": "Levant Wire", "duplicate_of": None, "published": "2017-06-06"},
        "a2": {"outlet": "Northern Post", "duplicate_of": None, "published": "2017-06-07"},
    }
    # Tuesday: "two dead and three wounded"; Wednesday: "the toll rose to three"
    first = mention("a1", claims=(killed(2, 2), injured(3, 3)))
    later = mention("a2", claims=(killed(3, 3),))
    (event,), _ = fuse.run([first, later], meta)
    assert (event.fatalities, event.injured) == (3, 2)
    # the wounded counted again on the later day stand as counted
    again = mention("a2", claims=(killed(3, 3), injured(2, 2)))
    (event,), _ = fuse.run([first, again], meta)
    assert (event.fatalities, event.injured) == (3, 2)
    # and one report's own dead and wounded are apart
    (event,), _ = fuse.run([first], meta)
    assert (event.fatalities, event.injured) == (2, 3)
