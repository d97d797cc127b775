"""Geo on local news: words that are also towns, the article's own place (dateline, title, outlet),
and places a sentence names that are not where its event happened. Real model, real index."""

from __future__ import annotations

import pytest

from fieldreport.geo import find_places, locate
from fieldreport.geo.focus import article_focus, unit_of
from fieldreport.geo.locate import ELSEWHERE, elsewhere
from fieldreport.geo.nonplaces import NOT_THE_TOWN, PLACE_EVIDENCE, not_the_town, place_evidence
from fieldreport.records import Article, Place, Sentence


def analyse(nlp, gaz, text: str, **meta):
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text, **meta)
    doc = nlp(text)
    sentences = [
        Sentence(i, s.start_char, s.end_char, s.text, text.count("\n\n", 0, s.start_char))
        for i, s in enumerate(doc.sents)
    ]
    return article, sentences, find_places(article, doc, gaz)


def where(nlp, gaz, text: str, needle: str, **meta):
    article, sentences, places = analyse(nlp, gaz, text, **meta)
    sentence = next(s for s in sentences if needle in s.text)
    return locate(sentence, places, article, sentences), places


def names(places) -> set[str]:
    return {p.text for p in places}


# ---------- the rules, as data ----------


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("All victims of the shooting at Union Street Park were released.", "Union", "street name"),
        ("He was shot west of the Harbor (110) Freeway.", "Harbor", "street name"),
        ("He was walking in the 6300 block of South Cottage Grove when", "Cottage", "address"),
        ("The teen was at home in the 300 block of Madrid when", "Madrid", "address"),
        ("a report of a gunshot at Upton and North Poe, just east", "Upton", "intersection"),
        ("target shooting with a .223 Rifle when he missed", "Rifle", "model or calibre"),
        ("He fired a Century Sporter .308 rifle.", "Century", "model number"),
        ("Officer Hines said the man fled.", "Hines", "person's title"),
        ("Jimmy Lyons, 32, admitted to the shooting.", "Lyons", "person's age"),
        ("She entered an Alford plea on June 9.", "Alford", "named after a person"),
        ("Two men were shot in Union on Sunday.", "Union", None),
        ("Seven people were shot in Chicago on Sunday.", "Chicago", None),
        ("Seven people were shot on the South Side on Sunday.", "South Side", "part of a city"),
        ("A boy was shot in the Brookfield neighborhood.", "Brookfield", "part of a city"),
        ("A boy was shot in the Washington Heights neighborhood.", "Washington", "part of a city"),
        ("Three died in a home in the Brighton Park neighborhood.", "Brighton", "part of a city"),
        ("Two were hurt at a bar in Little Havana.", "Havana", "part of a city"),
        ("Two were hurt at a bar in Havana.", "Havana", None),
        ("In 2015 Baltimore saw more killings.", "Baltimore", None),
        ("Six were hurt in an Independence Day shooting.", "Independence", "named day"),
        ("He was shot on Christmas Eve in Columbus.", "Columbus", None),
        ("It happened between Lexington and Jefferson Avenues.", "Lexington", "intersection"),
        ("It happened between Lexington and Jefferson Avenues.", "Jefferson", "street name"),
        ("They drove between Lexington and Frankfort.", "Lexington", None),
    ],
)
def test_not_the_town_rules(text: str, name: str, rule: str | None) -> None:
    i = text.index(name)
    assert not_the_town(text, i, i + len(name)) == rule


def test_every_rule_is_named_and_has_examples() -> None:
    for rule in (*NOT_THE_TOWN, *PLACE_EVIDENCE, *ELSEWHERE):
        assert rule.name and rule.decides and rule.examples
        assert rule.before is not None or rule.after is not None or rule.itself is not None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Two men were shot in Union on Sunday.", "Union", True),
        ("a man from Harbor was hurt", "Harbor", True),
        ("the town of Star has one police officer", "Star", True),
        ("Union leaders met on Sunday.", "Union", False),
    ],
)
def test_place_evidence(text: str, name: str, expected: bool) -> None:
    i = text.index(name)
    assert place_evidence(text, i, i + len(name)) is expected


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("Jeffrey S. Lee, 29, of Fernandina Beach, was pronounced dead.", "Fernandina Beach", "home"),
        ("The suspect was taken into custody in Tulsa on Friday.", "Tulsa", "taken to"),
        ("The suspect was arrested Friday in Dallas.", "Dallas", "arrested in"),
        ("The boy was flown to Fargo for treatment.", "Fargo", "taken to"),
        ("Two died on the way to UMMC in Jackson.", "Jackson", "taken to"),
        ("She died en route to Fargo, deputies said.", "Fargo", "taken to"),
        ("A man was shot on his way to work in Fargo.", "Fargo", None),
        ("A Marietta, Ga. teen remains in the hospital.", "Marietta", "where someone is from"),
        ("Two men were shot in Tulsa on Friday.", "Tulsa", None),
        ("A Chicago man was shot on Sunday.", "Chicago", None),
        ("He died at Mercy Hospital in Springfield hours later.", "Springfield", "a hospital's town"),
        ("Smith, born in Elmira, moved to the city in 2010.", "Elmira", "born in"),
        ("A man was shot outside a hospital in Springfield.", "Springfield", None),
        ("Ortiz, who lived in Elmira, was pronounced dead at the scene.", "Elmira", "lives in"),
        ("The girl, who lives with her aunt in Oswego, was not hurt.", "Oswego", "lives in"),
        ("A man living in a tent was shot in Oswego on Friday.", "Oswego", None),
    ],
)
def test_elsewhere_rules(text: str, name: str, rule: str | None) -> None:
    i = text.index(name)
    assert elsewhere(Place(i, i + len(name), name), text) == rule


# ---------- words that are also towns ----------


def test_chicago_dateline_officer_is_no_place_and_the_event_is_in_chicago(nlp, gaz) -> None:
    text = (
        "Seven people were shot Sunday night in a park, police said.\n\n"
        "Officer Smith said the gunman fled on foot. Officer Jones said no one was arrested."
    )
    loc, places = where(nlp, gaz, text, "Seven people", dateline="CHICAGO")
    assert not {"Officer", "Smith", "Jones"} & names(places)
    assert loc is not None
    assert (loc.location, loc.admin1, loc.country_code, loc.geo_precision) == ("Chicago", "Illinois", "US", 1)
    assert loc.latitude == pytest.approx(41.85, abs=0.2)
    assert loc.gazetteer_id is not None


def test_union_street_is_the_street_not_the_town_of_union(nlp, gaz) -> None:
    text = (
        "Seven people were shot Sunday night at Union Street Park in LaGrange, Ga., police said. "
        "Union Street was closed for hours."
    )
    loc, places = where(nlp, gaz, text, "Seven people")
    assert not [p for p in places if p.resolved and p.name == "Union"]
    assert loc is not None and (loc.location, loc.admin1) == ("LaGrange", "Georgia")


def test_a_rifle_with_its_calibre_and_a_model_number_are_not_towns(nlp, gaz) -> None:
    text = (
        "A man was shot in Cassopolis, Mich., on Sunday. A neighbor was target shooting with a .223 Rifle "
        "when the bullet went into the house. He also owned a Century Sporter .308 rifle."
    )
    _, _, places = analyse(nlp, gaz, text)
    resolved = {p.name for p in places if p.resolved}
    assert "Rifle" not in resolved and "Century" not in resolved


def test_everyday_words_are_towns_only_with_evidence(nlp, gaz) -> None:
    text = (
        "Metro police said the Journal Star reported the shooting. Police said a man was hurt.\n\n"
        "Later a woman was shot in Union, S.C., deputies said."
    )
    _, _, places = analyse(nlp, gaz, text)
    resolved = {(p.name, p.admin1) for p in places if p.resolved}
    assert ("Union", "South Carolina") in resolved
    assert not {n for n, _ in resolved} & {"Metro", "Star", "Police"}


# ---------- the article's own place ----------


def test_jackson_in_an_article_naming_mississippi_is_jackson_mississippi(nlp, gaz) -> None:
    text = "A man was shot in Jackson on Friday night. It was the third shooting in Mississippi this week."
    loc, places = where(nlp, gaz, text, "A man was shot")
    jackson = next(p for p in places if p.text == "Jackson")
    assert (jackson.name, jackson.admin1, jackson.feature) == ("Jackson", "Mississippi", "PPL")
    assert loc is not None and (loc.location, loc.admin1) == ("Jackson", "Mississippi")


def test_an_outlet_from_jackson_ms_reads_its_county_in_mississippi(nlp, gaz) -> None:
    text = "A man accused of shooting five people was found dead in the Lincoln County jail on Saturday."
    title = "Suspect in mass shooting found dead - MSNewsNow.com - Jackson, MS"
    _, _, places = analyse(nlp, gaz, text, title=title)
    county = next(p for p in places if p.text == "Lincoln County")
    assert (county.admin1, county.feature) == ("Mississippi", "ADM2")


def test_the_dateline_state_decides_the_town_of_the_body(nlp, gaz) -> None:
    text = "A teenager was found dead in a vehicle in Greenwood early Sunday morning. Police arrested a man."
    loc, places = where(nlp, gaz, text, "Police arrested", dateline="GREENWOOD, Ind.")
    body = next(p for p in places if p.text == "Greenwood")
    assert (body.name, body.admin1) == ("Greenwood", "Indiana")
    assert loc is not None and (loc.location, loc.admin1, loc.geo_precision) == ("Greenwood", "Indiana", 1)


def test_a_sentence_without_a_place_takes_the_dateline_not_a_later_name(nlp, gaz) -> None:
    text = (
        "A boy was shot in the leg Wednesday, police said.\n\n"
        "The suspect was taken into custody in Tulsa on Friday. He had moved from Dallas."
    )
    loc, _ = where(nlp, gaz, text, "A boy was shot", dateline="BROKEN ARROW, Okla.")
    assert loc is not None and (loc.location, loc.admin1) == ("Broken Arrow", "Oklahoma")
    loc, _ = where(nlp, gaz, text, "taken into custody", dateline="BROKEN ARROW, Okla.")
    assert loc is not None and loc.location == "Broken Arrow"


def test_the_title_place_locates_a_story_whose_text_names_only_streets(nlp, gaz) -> None:
    text = "Police responded to reports of people shot in the 2700 block of Hinson Drive on Friday night."
    loc, places = where(
        nlp, gaz, text, "Police responded", title="8 shot, 1 in serious condition after Durham drive-by"
    )
    assert [(p.name, p.admin1, p.source) for p in places if p.source == "title"] == [
        ("Durham", "North Carolina", "title")
    ]
    assert loc is not None and (loc.location, loc.admin1) == ("Durham", "North Carolina")


def test_a_victims_home_is_not_where_the_shooting_was(nlp, gaz) -> None:
    text = "Jeffrey S. Lee, 29, of Fernandina Beach, was pronounced dead at the scene in St. Augustine."
    loc, _ = where(nlp, gaz, text, "pronounced dead")
    assert loc is not None and (loc.location, loc.admin1) == ("Saint Augustine", "Florida")


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("Man Killed At Gresham Nightclub", [("Gresham", "Oregon")]),
        ("Investigation Underway After Child Shot In The Head", []),
        ("Police: 6 Shot At Party", []),
    ],
)
def test_a_title_place_uses_every_word_of_its_name(nlp, gaz, title: str, found: list) -> None:
    # "At" and "The" fold away in a name's key ("Shot At" would be a town called "Shot")
    _, _, places = analyse(nlp, gaz, "A man was shot early Sunday, police said.", title=title)
    assert [(p.name, p.admin1) for p in places if p.source == "title"] == found


def test_frame_places_stay_out_of_the_text_offsets(nlp, gaz) -> None:
    _, _, places = analyse(
        nlp, gaz, "A man was shot on Friday.", dateline="CHICAGO", title="Man shot in Chicago"
    )
    frame = [(p.source, p.start, p.end, p.name) for p in places]
    assert frame == [("title", 0, 0, "Chicago"), ("dateline", 0, 0, "Chicago")]


@pytest.mark.parametrize(
    ("meta", "homes", "unit"),
    [
        ({"url": "https://www.chicagotribune.com/news/x"}, ["Chicago"], None),
        # a smaller city's paper, its name ten times any namesake's size (not Columbus or Springfield)
        ({"url": "https://www.bradenton.com/news/x"}, ["Bradenton"], None),
        ({"url": "https://www.springfieldnews.com/x"}, [], None),
        ({"url": "https://www.oregonlive.com/x"}, ["Oregon"], None),
        ({"url": "https://www.washingtonpost.com/x"}, [], None),
        ({"outlet": "The Baltimore Sun"}, ["Baltimore"], None),
        ({"title": "Man shot - MSNewsNow.com - Jackson, MS"}, ["Jackson"], ("US", "Mississippi")),
        ({"title": "Shooting - WAFF-TV: News for Huntsville, AL"}, ["Huntsville"], ("US", "Alabama")),
        ({"dateline": "MILTON TOWNSHIP, Mich."}, [], ("US", "Michigan")),
        # a network's local site, and an archived copy of a page
        ({"url": "https://chicago.cbslocal.com/2017/03/16/boy-shot/"}, ["Chicago"], None),
        # a network's station named after its city; the network alone names none
        ({"url": "https://www.fox13memphis.com/news/x"}, ["Memphis"], None),
        ({"url": "https://www.clickondetroit.com/news/x"}, ["Detroit"], None),
        ({"url": "https://www.nbcnews.com/news/x"}, [], None),
        ({"url": "http://web.archive.org/web/2016/http://www.oregonlive.com/x"}, ["Oregon"], None),
        # a URL that does not parse names no outlet, and stops nothing
        ({"url": "http://web.archive.org/web/2016/http://[www.oregonlive.com/x"}, [], None),
    ],
)
def test_outlet_home_and_dateline_state(gaz, meta: dict, homes: list[str], unit) -> None:
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw="x", text="x", **meta)
    focus = article_focus(article, gaz)
    assert [city for city, _ in focus.homes] == homes
    assert focus.home_unit == unit


# ---------- readings no reader makes ----------


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("A 10-year-old girl was shot in Philadelphia on Monday.", "Philadelphia", "Pennsylvania"),
        ("A girl was shot in the leg in Toledo on Monday.", "Toledo", "Ohio"),
    ],
)
def test_an_old_name_of_a_capital_or_a_small_province_does_not_beat_a_city(
    nlp, gaz, text, name, admin1
) -> None:
    _, _, places = analyse(nlp, gaz, text)
    place = next(p for p in places if p.text == name)
    assert (place.name, place.admin1, place.country_code) == (name, admin1, "US")


def test_one_capital_per_country_and_no_nickname_for_a_state(gaz) -> None:
    capitals = [e for e in gaz.lookup("Washington") if e.feature == "PPLC"]
    assert [(e.admin1, e.country_code) for e in capitals] == [("District of Columbia", "US")]
    assert all(e.feature != "PPLC" for e in gaz.lookup("Greenwood"))
    california = [e for e in gaz.lookup("California") if e.feature == "ADM1"]
    assert [(e.name, e.admin1) for e in california] == [("California", "California")]


def test_a_school_named_after_its_town_is_in_that_town(nlp, gaz) -> None:
    text = "Shots were fired in the parking lot of Grand Junction High School on Monday."
    loc, places = where(nlp, gaz, text, "Shots were fired", title="Colorado High School Shooting 2016")
    school = next(p for p in places if p.text == "Grand Junction High School")
    assert (school.name, school.admin1, school.resolved) == ("Grand Junction", "Colorado", True)
    assert loc is not None and (loc.location, loc.admin1) == ("Grand Junction", "Colorado")


def test_a_side_of_the_city_is_the_datelines_city_not_a_town_of_that_alias(nlp, gaz) -> None:
    text = "A 16-year-old boy was shot Sunday afternoon on the South Side, police said."
    loc, places = where(nlp, gaz, text, "A 16-year-old", dateline="CHICAGO")
    side = next(p for p in places if p.text == "South Side")
    assert (side.resolved, side.name, side.admin1) == (False, None, "Illinois")  # not Eltingville, N.Y.
    assert loc is not None and (loc.location, loc.admin1, loc.geo_precision) == ("South Side", "Illinois", 2)
    assert loc.latitude == pytest.approx(41.85, abs=0.2) and loc.gazetteer_id is None


def test_a_correspondents_dateline_is_not_where_the_fighting_was(nlp, gaz) -> None:
    text = (
        "Fighting raged in Raqqa on Monday, monitors said. Ten fighters were killed and dozens were "
        "wounded.\n\nThe coalition said its jets struck positions overnight."
    )
    for needle in ("Ten fighters", "The coalition"):
        loc, _ = where(nlp, gaz, text, needle, dateline="BEIRUT")
        assert loc is not None and loc.country_code == "SY" and loc.location != "Beirut"


def test_the_everyday_lexicon_is_read_from_the_installed_model() -> None:
    # an empty lexicon would silently let "Green" and "Golden" be towns again
    from fieldreport.geo.nonplaces import everyday_words

    assert {"green", "golden", "bridge"} <= everyday_words()


def test_a_neighbourhood_is_the_datelines_city_not_a_namesake_elsewhere(nlp, gaz) -> None:
    text = "A man was shot Sunday in the Woodlawn neighborhood, police said."
    loc, places = where(nlp, gaz, text, "A man was shot", dateline="CHICAGO", title="Man shot in Woodlawn")
    assert not [p for p in places if p.resolved and p.admin1 == "Maryland"]  # Woodlawn, Md.
    assert loc is not None and (loc.location, loc.admin1) == ("Chicago", "Illinois")


@pytest.mark.parametrize(
    ("text", "town", "unit"),
    [
        (
            "The boy was taken to a hospital, said a Chicago Police spokeswoman.",
            "Chicago",
            ("US", "Illinois"),
        ),
        ("Baton Rouge Police have charged a 17-year-old.", "Baton Rouge", ("US", "Louisiana")),
        # a name of many towns gives no town; State Police are no town's
        ("Greenville Police Department said the boy was shot.", None, None),
        ("State Police said the trooper was not hurt.", None, None),
    ],
)
def test_the_town_whose_police_the_story_quotes_is_its_home(gaz, text: str, town: str | None, unit) -> None:
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text)
    focus = article_focus(article, gaz)
    assert (focus.home_town.name if focus.home_town else None, focus.home_unit) == (town, unit)


def test_a_neighbourhood_is_the_town_whose_police_the_story_quotes(nlp, gaz) -> None:
    text = (
        "A 3-year-old boy was shot in the head Thursday evening while playing in Englewood.\n\n"
        "He was taken to a hospital, said a Chicago Police spokeswoman."
    )
    loc, places = where(nlp, gaz, text, "Englewood")
    assert not [p for p in places if p.admin1 == "Colorado"]  # Englewood, Colo.
    assert loc is not None and (loc.location, loc.admin1, loc.admin2) == (
        "Englewood",
        "Illinois",
        "Cook County",
    )


@pytest.mark.parametrize(
    ("dateline", "town"),
    [
        ("SOUTHWEST MIAMI-DADE", "MIAMI-DADE"),
        ("NEAR DALLAS, Ore.", "DALLAS"),
        ("WEST PALM BEACH, Fla.", "WEST PALM BEACH"),
        ("EAST ORANGE, N.J.", "EAST ORANGE"),
    ],
)
def test_a_dateline_of_a_part_of_a_place_is_that_places(gaz, dateline: str, town: str) -> None:
    article = Article(
        article_id="a", content_hash="h", origin="t", fmt="txt", raw="x", text="x", dateline=dateline
    )
    assert article_focus(article, gaz).dateline == town


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("A man was shot in the 4100 block of West Roosevelt.", "US"),
        ("The crash closed Interstate 880 for hours.", "US"),
        ("The Bay County Sheriff's Office said the boy was hit.", "US"),
        ("Gunmen attacked a village in Borno State.", None),
    ],
)
def test_the_way_a_text_writes_places_tells_its_country(gaz, text: str, cc: str | None) -> None:
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text)
    assert article_focus(article, gaz).register_cc == cc


def test_a_part_of_a_place_the_article_names_is_that_place(nlp, gaz) -> None:
    text = (
        "A teenager was shot Saturday night in Downtown Memphis, police said. Memphis police are searching."
    )
    loc, places = where(nlp, gaz, text, "teenager")
    assert loc is not None and (loc.location, loc.admin1, loc.geo_precision) == (
        "Downtown Memphis",
        "Tennessee",
        2,
    )


def test_a_person_noun_in_a_headline_is_no_town(nlp, gaz) -> None:
    # Man, West Virginia and Man, Cote d'Ivoire
    loc, places = where(nlp, gaz, "Man shot in Sherman", "Man shot", title="Man shot in Sherman")
    assert "Man" not in names(places)


def test_a_story_naming_no_place_is_in_the_town_whose_police_it_quotes(nlp, gaz) -> None:
    text = "Goldsboro Police are investigating a report that a child was grazed by a bullet on Wednesday."
    loc, places = where(nlp, gaz, text, "grazed")
    assert [p.source for p in places if p.text == "Goldsboro"] == ["agency"]
    assert loc is not None and (loc.location, loc.admin1) == ("Goldsboro", "North Carolina")


def test_a_story_naming_no_place_is_in_its_outlets_town_near_it(nlp, gaz) -> None:
    text = "A boy was wounded when a gun went off at a home on Sunday, officers said."
    loc, places = where(nlp, gaz, text, "A boy", url="https://www.chicagotribune.com/news/boy-hurt")
    assert [(p.name, p.source) for p in places] == [("Chicago", "outlet")]
    assert loc is not None and (loc.location, loc.admin1, loc.geo_precision) == ("Chicago", "Illinois", 2)
    # a story that names a place of its own is there, not in its outlet's town
    _, places = where(
        nlp, gaz, text + " Gary police said.", "A boy", url="https://www.chicagotribune.com/n/x"
    )
    assert "outlet" not in {p.source for p in places}


def test_the_datelines_town_missing_from_the_gazetteer_is_no_namesake_abroad(nlp, gaz) -> None:
    # Pinetown, N.C. is not in the index; Pinetown, KwaZulu-Natal is
    text = "A girl was killed Tuesday. Deputies were called to a home in Pinetown around 6 p.m."
    loc, places = where(nlp, gaz, text, "Deputies", dateline="PINETOWN, N.C.")
    assert not [p for p in places if p.country_code == "ZA"]
    assert loc is not None and (loc.country_code, loc.admin1) == ("US", "North Carolina")


def test_a_word_of_a_persons_name_is_a_place_only_where_written_as_one(nlp, gaz) -> None:
    text = (
        "Victoria Whitehurst, 6, was killed when the gun went off, deputies said in Raleigh. "
        "The shot struck and killed Victoria."
    )
    _, _, places = analyse(nlp, gaz, text)
    assert "Victoria" not in names(places)  # not Asheville (an old name), nor Australia


def test_a_street_in_the_title_is_no_town(nlp, gaz) -> None:
    text = "Two men were killed Thursday night in the 500 block of Sunrise Street, Salinas police said."
    _, _, places = analyse(nlp, gaz, text, title="Victims named in Sunrise Street shooting")
    assert not [p for p in places if p.source == "title"]
    assert not [p for p in places if p.resolved and p.admin1 == "Florida"]  # Sunrise, Fla.


def test_a_container_is_written_after_a_comma_or_a_preposition(nlp, gaz) -> None:
    text = "Boy Killed in Gunplay Shooting\n\nOne teenager was killed in Miami, Florida on Wednesday."
    _, _, places = analyse(nlp, gaz, text)
    assert not [p for p in places if p.country_code not in (None, "US")]


def test_a_bare_city_name_of_another_state_is_a_part_of_the_datelines_city(nlp, gaz) -> None:
    # American news writes "Raleigh, N.C." for a city outside the story's state, unless the AP
    # lets it stand alone ("Atlanta"); a bare "Raleigh" in a Memphis story is Memphis's Raleigh
    text = "Police are looking for two men who shot a woman in Raleigh on Tuesday night."
    loc, places = where(nlp, gaz, text, "Police are looking", dateline="MEMPHIS, Tenn.")
    assert not [p for p in places if p.resolved and p.admin1 == "North Carolina"]
    # the part is kept as the location's text, at the city's point
    assert loc is not None and (loc.location, loc.admin1, loc.geo_precision) == ("Raleigh", "Tennessee", 2)
    assert (round(loc.latitude), round(loc.longitude)) == (35, -90)
    # the same name with its state beside it, a stand-alone city, or its state named: read there
    for text, admin1 in (
        ("He was arrested in Raleigh, N.C., on Friday.", "North Carolina"),
        ("He was arrested in Atlanta on Friday.", "Georgia"),
        ("He fled to North Carolina and was arrested in Raleigh on Friday.", "North Carolina"),
    ):
        _, _, places = analyse(nlp, gaz, text, dateline="MEMPHIS, Tenn.")
        town = next(p for p in places if p.text in ("Raleigh", "Atlanta"))
        assert (town.name, town.admin1) == (town.text, admin1), text


def test_an_everyday_word_naming_only_a_tiny_capital_is_no_place(nlp, gaz) -> None:
    # "Valley" is also The Valley, Anguilla's capital of a few thousand: no reason to read it so
    text = "A girl was shot near the Valley Fair Mall on Saturday, police said."
    _, _, places = analyse(nlp, gaz, text)
    assert not [p for p in places if p.text == "Valley"]


def test_an_outlets_home_alone_does_not_make_a_far_city_its_part(nlp, gaz) -> None:
    # a city paper's site carries the wire's national news: only a dateline or the police a story
    # quotes make it a local story
    text = "A gunman opened fire at a mall in Raleigh on Monday, killing two people."
    _, _, places = analyse(nlp, gaz, text, url="https://www.chicagotribune.com/news/nation/story.html")
    assert [(p.name, p.admin1) for p in places if p.text == "Raleigh"] == [("Raleigh", "North Carolina")]


@pytest.mark.parametrize(
    ("text", "meta", "name"),
    [
        # a neighbourhood the gazetteer lacks, in a story that quotes Memphis police
        (
            "Three men were shot outside a Whitehaven nightclub early Sunday, Memphis Police said.",
            {},
            "Whitehaven",
        ),
        # a Brazilian city's name in a story that quotes Albuquerque police
        ("A woman was shot in Rio Grande on Friday, Albuquerque police said.", {}, "Rio Grande"),
    ],
)
def test_a_town_abroad_is_no_reading_in_a_story_set_at_home(nlp, gaz, text: str, meta, name: str) -> None:
    _, _, places = analyse(nlp, gaz, text, **meta)
    assert [p.country_code for p in places if p.text == name and p.resolved] in ([], ["US"])


@pytest.mark.parametrize(
    "text",
    [
        # the country is named: the town abroad stands
        "The suspect, who was born in Whitehaven, England, was arrested Monday, Memphis Police said.",
        "Memphis Police said the gun was bought on a trip to Britain, in Whitehaven.",
    ],
)
def test_a_town_abroad_stands_where_its_country_is_named(nlp, gaz, text: str) -> None:
    _, _, places = analyse(nlp, gaz, text)
    assert [p.country_code for p in places if p.text == "Whitehaven" and p.resolved] == ["GB"]


def test_a_great_city_abroad_keeps_its_reading_in_a_local_story(nlp, gaz) -> None:
    text = "The suspect had flown in from Toronto two days before, Memphis Police said."
    _, _, places = analyse(nlp, gaz, text)
    assert [p.country_code for p in places if p.text == "Toronto"] == ["CA"]


@pytest.mark.parametrize(
    ("written", "state"),
    [
        ("Tenn", "Tennessee"),
        ("Tenn.", "Tennessee"),
        ("Calif", "California"),
        ("Ga", "Georgia"),
        ("TN", "Tennessee"),
    ],
)
def test_a_state_abbreviation_without_its_period_is_the_state(gaz, written: str, state: str) -> None:
    e = unit_of(gaz, written)
    assert e is not None and (e.country_code, e.name) == ("US", state)


def test_a_dateline_with_a_state_abbreviation_without_its_period_sets_the_story_there(nlp, gaz) -> None:
    text = "Police are searching for the men who shot five people outside an apartment complex in Raleigh."
    loc, _ = where(nlp, gaz, text, "Police are searching", dateline="JACKSON, Tenn")
    assert loc is not None and (loc.country_code, loc.admin1) == ("US", "Tennessee")


def test_a_street_the_article_does_not_situate_is_in_the_one_town_it_names(nlp, gaz) -> None:
    text = (
        "Police are searching for a man who shot four men on Marlow Avenue late Saturday. "
        "The victims were taken to hospitals in San Diego."
    )
    loc, places = where(nlp, gaz, text, "Marlow Avenue")
    assert [(p.admin1, p.resolved) for p in places if p.text == "Marlow Avenue"] == [("California", False)]
    assert loc is not None and (loc.admin1, loc.geo_precision) == ("California", 2)


def test_a_namesake_far_from_the_town_the_story_names_most_is_that_towns_part(nlp, gaz) -> None:
    # no dateline, no quoted police: the Bronx, named twice, sets the story; Allerton, England and
    # its streets are not where it happened
    text = (
        "A man was shot to death in his apartment on Harlow Avenue in the Allerton section of the "
        "Bronx on Monday. A neighbour who has lived in the Bronx for years heard two shots."
    )
    _, places = where(nlp, gaz, text, "shot to death")
    assert {
        (p.text, p.country_code, p.admin1) for p in places if p.text in ("Allerton", "Harlow Avenue")
    } == {
        ("Allerton", "US", "New York"),
        ("Harlow Avenue", "US", "New York"),
    }


def test_a_town_abroad_whose_name_alone_says_its_country_is_no_reading_beside_a_town_at_home(
    nlp, gaz
) -> None:
    # Whitehaven's one reading is English; only Memphis says where the story is, and a name does
    # not vouch for its own country
    text = "Three people were shot at a Memphis apartment complex on Tuesday, and two are critical."
    _, _, places = analyse(nlp, gaz, text, title="3 shot at Whitehaven apartment complex")
    assert [p.country_code for p in places if p.text == "Whitehaven" and p.resolved] in ([], ["US"])
    assert [p.admin1 for p in places if p.text == "Memphis"] == ["Tennessee"]


def test_a_bare_dateline_that_several_countries_have_says_no_country(nlp, gaz) -> None:
    # Santa Ana is a Salvadoran province and a Californian city: the county the text names decides
    text = "Two teens were wounded in a shooting Tuesday night and taken to an Orange County hospital."
    _, _, places = analyse(nlp, gaz, text, dateline="SANTA ANA")
    assert [(p.country_code, p.admin1) for p in places if p.source == "dateline"] == [("US", "California")]


@pytest.mark.parametrize(
    ("text", "word", "abroad"),
    [
        # Fürth meets "Fourth" through the spelling variants a name key folds
        ("A Kansas City teen was hit by a stray bullet during a Fourth of July celebration.", "Fourth", "DE"),
    ],
)
def test_an_everyday_word_is_no_city_abroad_it_only_resembles(
    nlp, gaz, text: str, word: str, abroad: str
) -> None:
    _, _, places = analyse(nlp, gaz, text)
    assert word not in names(places)
    assert [p.text for p in places if p.country_code == abroad] == []


def test_a_kansas_city_teen_is_in_missouri(nlp, gaz) -> None:
    _, _, places = analyse(nlp, gaz, "A Kansas City teen was hit by a stray bullet on the Fourth of July.")
    assert [p.admin1 for p in places if p.text == "Kansas City"] == ["Missouri"]


def test_the_police_of_a_town_shortened_to_its_last_word_are_that_towns(gaz) -> None:
    # "Springs police" is not South Africa's Springs: the Colorado Springs police, named in full too
    text = (
        "Three people were killed at a clinic on Friday. Springs police said the gunman surrendered "
        "after five hours, and the Colorado Springs Police Department thanked the public."
    )
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text)
    town = article_focus(article, gaz).agency_town
    assert town is not None and (town.name, town.admin1) == ("Colorado Springs", "Colorado")


def test_a_parish_is_a_county(nlp, gaz) -> None:
    # the parish, not Terrebonne, Quebec, a larger town than the parish is a county
    texts = (
        "Two women were hurt in a shooting in Bayou Blue, the Terrebonne Parish Sheriff's Office said.",
        "Deputies in Terrebonne Parish are looking for the gunman.",
    )
    read = [
        [(p.country_code, p.admin1) for p in analyse(nlp, gaz, text)[2] if p.text.startswith("Terrebonne")]
        for text in texts
    ]
    assert read == [[("US", "Louisiana")], [("US", "Louisiana")]]


def test_a_county_with_one_state_puts_the_story_in_that_state(nlp, gaz) -> None:
    # Peoria, Arizona is the larger city; Peoria County is only in Illinois
    text = "A homeless man appeared in Peoria County Circuit Court on Monday on charges from the shooting."
    _, _, places = analyse(nlp, gaz, text, dateline="PEORIA")
    assert [(p.name, p.admin1) for p in places if p.source == "dateline"] == [("Peoria", "Illinois")]
