"""Casualty claims, fatalities and actors on sentences written for these tests (real spaCy model)."""

from __future__ import annotations

import pytest

from fieldreport.events import extract, find_claims
from fieldreport.fuse import fatalities
from fieldreport.records import Article, EventDate


def run(nlp, text, published="2021-05-10"):
    from fieldreport.nlp import sentences_of

    article = Article("art1", "h1", "test", "txt", text, text, published=published, outlet="Test Wire")
    doc = nlp(text)
    return extract(
        article, doc, sentences_of(doc), locate=lambda s: None, date_of=lambda s: EventDate(None, None)
    )


def figures(nlp, text):
    """(kind, low, high) of every claim in one sentence, read with its parse."""
    doc = nlp(text)
    return [(c.kind, c.low, c.high) for c in find_claims(text, 0, doc[:])]


# -- figures --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated victims add up, under an active or a passive verb
        ("Raiders stormed the market, killing three farmers and a teacher.", [("killed", 4, 4)]),
        ("Two herders and five soldiers were killed near the well.", [("killed", 7, 7)]),
        ("The bomber blew himself up, killing a guard and himself.", [("killed", 2, 2)]),
        # killing verbs beyond "killed"
        ("Two traders were shot and killed on the road.", [("killed", 2, 2)]),
        ("Three men were beaten to death by a mob.", [("killed", 3, 3)]),
        # a life claimed is one dead
        ("Police said a stray bullet claimed a life on Elm Street.", [("killed", 1, 1)]),
        # a name with an age is a person, even one the small model reads as an organisation
        (
            "Police said 38-year-old Brenna Holt and her son, 15-year-old Jo Pratt, were found dead at home.",
            [("killed", 2, 2)],
        ),
        # "where they died" stands for the people taken there
        ("The two guards were flown to a trauma center where they died.", [("killed", 2, 2)]),
        ("Four Zaghawa killed in the raid on the camp", [("killed", 4, 4)]),
        ("The blast resulted in the deaths of six pupils.", [("killed", 6, 6)]),
        ("The ambush claimed nine lives.", [("killed", 9, 9)]),
        # a toll stated after the event, with no victims named
        ("Fighting broke out in the hills, 8 reported dead.", [("killed", 8, 8)]),
        # a time span is not a toll
        ("The fighting killed 4 people over three days.", [("killed", 4, 4)]),
        # ACLED's figures for vague quantities: tens 10, dozens 12, scores 20, hundreds 100
        ("Tens of villagers were killed.", [("killed", 10, 99)]),
        ("Scores of rebels were killed.", [("killed", 20, 99)]),
        ("Hundreds of people died in the siege.", [("killed", 100, 999)]),
        # uncounted deaths: ACLED's 10 for a significant toll, 3 for one the text calls small
        ("An unknown number of soldiers died in the ambush.", [("killed", 10, 99)]),
        ("The rebels ambushed a convoy, killing an unidentified number of soldiers.", [("killed", 10, 99)]),
        ("A number of soldiers were killed in the ambush.", [("killed", 10, 99)]),
        ("Both sides suffered heavy casualties.", [("killed", 10, 99)]),
        ("The raid caused light casualties.", [("killed", 3, 9)]),
        # an attempt or a wish is no death
        ("A prisoner tried to kill himself in his cell.", []),
        # a denial with a qualifier is still a denial
        ("The depot burned but no human casualties were reported.", [("killed", 0, 0)]),
    ],
)
def test_figures(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Unknown gunmen broke into the house and killed him.", 1),
        ("A shopkeeper was shot dead outside his shop.", 1),
        ("Fighters beheaded a village elder and his son.", 2),
        ("The bodies of five fishermen were found on the shore.", 5),
        ("A teacher was wounded in the attack and later died in hospital.", 1),
        # a surname the small model may read as an organisation: no organisation dies
        ("Whitfield was pronounced dead at the scene.", 1),
        ("Police said Marcus Dunlevy from Akron died after he was shot twice.", 1),
        # a killing named by its deadly means
        ("Detectives said the fatal shooting of a man outside a bar was not random.", 1),
    ],
)
def test_victims_counted_from_the_parse(nlp, text, expected):
    # "was wounded ... and later died" keeps its injured claim too
    assert [f for f in figures(nlp, text) if f[0] == "killed"] == [("killed", expected, expected)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # plural people the text says died without a figure: ACLED's 3 for a limited toll
        ("Soldiers killed civilians in the village.", [("killed", 3, 9)]),
        ("More people died in the shelling than in the fighting.", [("killed", 3, 9)]),
        ("More from the northern districts fell to police bullets than from the south.", [("killed", 3, 9)]),
        # a share of a group, or a definite group that the killing clause itself defines
        ("Half of the villagers who died in the shelling were women.", [("killed", 3, 9)]),
        ("Most of the herders killed in the raids were young.", [("killed", 3, 9)]),
        ("Nearly a third of them were killed by police bullets.", [("killed", 3, 9)]),
        # deaths and lives named with no figure
        ("The opposition questioned the number of deaths in police firing.", [("killed", 3, 9)]),
        ("The deaths of traders in army shelling angered the chiefs.", [("killed", 3, 9)]),
        ("The clashes resulted in the death of a trader.", [("killed", 1, 1)]),
        ("Army shelling claimed lives in three villages.", [("killed", 3, 9)]),
        # a count of deaths told as the toll of violence
        ("Officials said 30 deaths due to army shelling had been recorded.", [("killed", 30, 30)]),
        ("Twelve of these deaths took place in the clashes.", [("killed", 12, 12)]),
        # one person fallen to bullets, and a figure after a quote mis-decoded to letters
        ("A youth fell to police bullets near the bridge.", [("killed", 1, 1)]),
        ("\u00e2\u20ac\u0153Two persons have been killed in the firing, he said.", [("killed", 2, 2)]),
        # an ordinal victim's death is the toll so far; "the second" may be the second of two shot
        ("Two men were killed and a third died at a hospital.", [("killed", 2, 2), ("killed", 3, 3)]),
        ("A second victim has died after Sunday's shooting.", [("killed", 2, 2)]),
        ("The second man later died at a hospital.", [("killed", 1, 1)]),
        ("Two men suffered minor injuries and a third person died.", [("killed", 1, 1)]),
        ("A fourth rebel commander was killed by a sniper in the city.", [("killed", 1, 1)]),
    ],
)
def test_deaths_without_a_figure(nlp, text, expected):
    assert [f for f in figures(nlp, text) if f[0] == "killed"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hedged toll is a toll
        ("Four herders are feared dead after the raid.", 4),
        ("Raiders burned the hamlet on Friday, 17 believed dead.", 17),
        ("Convoy ambushed near the river. Driver presumed dead.", 1),
        # named sides written as acronyms or with a particle
        ("Clashes in the hills. 12 RSF killed including an officer.", 12),
        ("Three al Shabaab dead after the ambush.", 3),
        # deaths counted as such
        ("Herders and farmers clash near the well. One death reported.", 1),
        ("The raid causes one death.", 1),
        ("The shelling results in three civilian deaths.", 3),
        ("Bomb hits a checkpoint. Four deaths, many wounded.", 4),
        ("Gunmen raid two villages. Two reported deaths.", 2),
        # shot dead with the figure between
        ("Bandits shoot two dead at the market.", 2),
        # suicide attackers among the dead
        ("Three bombers blew up near a mosque, killing only themselves.", 3),
        ("Two attackers stormed the post, killing themselves and a guard.", 3),
        # bodies found are deaths
        ("Eleven bodies were buried in a field near the camp.", 11),
        ("A mass grave with 14 bodies was found outside the town.", 14),
        ("The bodies of four men and a boy were recovered from the river.", 5),
        # quoted vague figures and a headline's victim with no article
        ('Troops clear the forest. "Several" rebels killed.', (3, 9)),
        ("Soldier shot and killed by gunmen at a checkpoint.", 1),
    ],
)
def test_tolls_in_the_words_of_field_notes(nlp, text, expected):
    doc = nlp(text)
    found = [c for s in doc.sents for c in find_claims(s.text, s.start_char, s) if c.kind == "killed"]
    want = expected if isinstance(expected, tuple) else (expected, expected)
    assert [(c.low, c.high) for c in found][:1] == [want]


@pytest.mark.parametrize(
    "text",
    [
        "The police killed them.",  # a pronoun, or a definite plural, is a group counted before
        "The villagers were killed.",
        "Officials said 300 deaths took place in the district this year.",  # may sum many events
        "The shelling could cost lives.",
        # a hedge, an accusation, a part of a toll counted elsewhere, a death under inquiry
        "Troops responded, perhaps killing some attackers.",
        "The woman was accused of murdering people.",
        "Among the militants killed were two commanders.",
        "Police are investigating the recent death of a trader.",
        "The shells landed on a farm and killed a large number of goats.",
        # an active sentence misread as a headline's passive: the forces are the killers
        "Near the border, army forces killed on Sunday a militant.",
        # shot is not killed; a count of bodies needs their finding; "the" is a group told before
        "Soldiers shot two protesters near the court.",
        "Relatives mourned the bodies of the two men.",
    ],
)
def test_no_figure_no_claim(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an age names one person, however old
        ("Detectives say he shot and killed 41-year-old Dana Price outside the store.", [("killed", 1, 1)]),
        ("The gunman killed 27-year-old Lee Ortiz and 19-year-old Sam Ortiz.", [("killed", 2, 2)]),
        ("The bodies of 63-year-old Ann Cole and 8-year-old Mia Cole were found Monday.", [("killed", 2, 2)]),
        # a number that counts no people
        ("Bail was set at $250,000 for the man charged in the killing.", []),
        ("Related: March 4, 2016 Bar owner dead after a shooting on Elm Street", []),
        ("A 911 call at 2 a.m. reported two men shot dead on the porch.", [("killed", 2, 2)]),
        ("Photo 12 of 40 Mourners carry the coffins of three men shot and killed.", [("killed", 3, 3)]),
        ("Four men between the ages of 19 and 44 were wounded.", [("injured", 4, 4)]),
        ("The killing raised the county's homicide toll to 61 for the year.", []),
        ("Deputies investigating fatal shooting of 4-year-old", [("killed", 1, 1)]),
        # still counts
        ("The shooting raised the death toll to 3.", [("killed", 3, 3)]),
        ("Gunmen killed 41 villagers in the raid.", [("killed", 41, 41)]),
    ],
)
def test_ages_money_dates_and_running_totals_count_no_victims(nlp, text, expected):
    assert figures(nlp, text) == expected


# -- claims on events -----------------------------------------------------------------------------


def test_a_toll_in_the_fighting_belongs_to_the_event_told_before(nlp):
    text = (
        "Rebels attacked an army post near Dolo on Monday. "
        "Three soldiers were killed in the fighting, a local official said."
    )
    ms = run(nlp, text)
    assert ms[0].sentence_index == 0
    assert [(c.low, c.claimant) for c in ms[0].claims] == [(3, "local official")]
    assert fatalities([ms[0]])[1] == 3


def test_one_victim_told_by_age_and_by_name_is_one_death(nlp):
    text = (
        "A gunman shot and killed a teenage boy outside a gas station on Friday night. "
        "Police said Daniel Reyes was pronounced dead at a hospital."
    )
    assert fatalities(run(nlp, text))[1] == 1


def test_headline_toll_is_the_victims_not_the_attackers(nlp):
    ms = run(nlp, "Clashes between the army and rebels near Dolo.\n\n12 soldiers killed.")
    assert len(ms) == 1
    assert [(c.kind, c.low) for c in ms[0].claims] == [("killed", 12)]


# -- actors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Burundian soldiers", "Military Forces of Burundi"),
        ("Tanzanian police", "Police Forces of Tanzania"),
        ("the Nigerian army", "Military Forces of Nigeria"),
        ("AMISOM troops", "AMISOM: African Union Mission in Somalia"),
        ("FDLR rebels", "FDLR: Democratic Forces for the Liberation of Rwanda"),
        ("Boko Haram", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ],
)
def test_every_country_has_its_forces_and_known_groups_resolve(book, phrase, name):
    assert book.resolve(phrase).name == name


def test_unnamed_actors_take_acled_names_of_the_country(nlp):
    ms = run(nlp, "Unknown gunmen shot dead a village chief in Mandera, Kenya, on Sunday.")
    assert [(m.actor1, m.inter1) for m in ms] == [("Unidentified Armed Group (Kenya)", 3)]
    ms = run(nlp, "In Kenya, police shot dead two suspected robbers in Nakuru.")
    assert [(m.actor1, m.inter1) for m in ms] == [("Police Forces of Kenya", 1)]


def test_a_battle_names_state_forces_first(nlp):
    ms = run(nlp, "Al Shabaab fighters clashed with Somali soldiers near Baidoa on Monday.")
    assert [(m.actor1, m.actor2) for m in ms] == [("Military Forces of Somalia", "Al Shabaab")]


def killer_words(nlp, text):
    """The killer each killed claim of one sentence names, as the parse or the words around say."""
    from fieldreport.events.victims import killer_of, killer_phrase

    doc = nlp(text)
    out = []
    for c in find_claims(text, 0, doc[:]):
        if c.kind == "killed":
            tok = killer_of(doc[:], c.start, c.end)
            out.append(tok.text if tok is not None else killer_phrase(text[c.end :]))
    return out


@pytest.mark.parametrize(
    "text, killer",
    [
        # the means as the subject of the toll, or the antecedent of a relative clause holding it
        ("Riots and later police firing in the old town left three dead.", "police"),
        ("The police firing that left two dead was condemned.", "police"),
        (
            "The union sought a probe into the police firing near the mill in which one worker was killed.",
            "police",
        ),
        # a change of subject within a coordination: another side's killing
        ("The gunmen opened fire, but police guards posted at the gate killed one of them.", "police"),
        # the victims' own clause names the means
        ("A youth who was hit in the police firing on Monday died on Wednesday.", "police"),
        ("Most of the people killed in police firing were young.", "police"),
        # a shootout told as one with the side that killed, and firing by a named side
        ("Two men were killed in an encounter with the police near the border.", "police"),
        ("Three herders were killed in heavy firing by the army.", "army"),
        ("\u00e2\u20ac\u0153Two persons have been killed in police firing\u00e2\u20ac, he said.", "police"),
    ],
)
def test_the_killer_a_toll_names(nlp, text, killer):
    assert killer_words(nlp, text) == [killer]


@pytest.mark.parametrize(
    "text",
    [
        "4 policemen and 4 civilians also killed.",  # a headline's passive: its subjects are the dead
        "Police found the bodies of two herders near the bridge.",  # who found the dead did not kill them
        "Two people died following a stabbing near the market.",
        # a subject shared with the first conjunct is the main actor, whom the roles name
        "Troops cleared the camp and killed five fighters.",
    ],
)
def test_no_killer_named(nlp, text):
    assert killer_words(nlp, text) == [None]


def test_deaths_in_police_firing_are_the_polices_event(nlp):
    ms = run(nlp, "More people died in police firing in Nakuru, Kenya, on Friday.")
    # the police are the side that fired: actor1, or actor2 when the vote reads the dead as protesters
    killed = [({m.actor1, m.actor2}, c.low) for m in ms for c in m.claims if c.kind == "killed"]
    assert len(killed) == 1 and "Police Forces of Kenya" in killed[0][0] and killed[0][1] == 3


def test_a_toll_that_names_its_killer_is_that_killers_event(nlp):
    ms = run(nlp, "Two villagers died in police firing in Nakuru, Kenya, on Friday.")
    assert [(m.actor1, [c.low for c in m.claims]) for m in ms] == [("Police Forces of Kenya", [2])]


@pytest.mark.parametrize(
    "text",
    [
        "Students protested against the killing of two classmates.",  # a cause, not this event's toll
        "A boy was killed in a road accident near the camp.",  # no conflict death
        "Drivers blocked the highway after a soldier shot and killed a trader.",  # the cause of the protest
    ],
)
def test_deaths_that_are_no_toll_of_the_event(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Seven people were shot and wounded early Thursday.", [("injured", 7, 7)]),
        ("Four people were shot, one fatally, outside a bar.", [("injured", 3, 3), ("killed", 1, 1)]),
        ("5 shot during a party at a nightclub.", [("injured", 5, 5)]),
        ("Five people were shot Saturday night; two of them died.", [("injured", 3, 3), ("killed", 2, 2)]),
        ("Two men were shot at but not hit.", []),
        ("Four people were shot at a bar early Saturday.", [("injured", 4, 4)]),
        ("Three teens were shot in the north of the county.", [("injured", 3, 3)]),
        ("The gun went off, hitting a bystander in the arm.", [("injured", 1, 1)]),
        ("The truck rolled over, hitting two cars.", []),
        ("A man was shot dead on Friday.", [("killed", 1, 1)]),
    ],
)
def test_the_people_shot_and_not_counted_dead_are_the_injured(text, expected):
    assert [(c.kind, c.low, c.high) for c in find_claims(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the other ways a report tells that people were hit
        ("A girl who was shot in the arm is in stable condition.", [("injured", 1, 1)]),
        ("Police said a teen accidentally shot a 6-year-old boy in the foot.", [("injured", 1, 1)]),
        ("The officer shot him in the shoulder.", [("injured", 1, 1)]),
        ("A farmer accidentally shot himself in the hand on Monday.", [("injured", 1, 1)]),
        (
            "They are looking into a late-night shooting that injured a 19-year-old woman.",
            [("injured", 1, 1)],
        ),
        ("The man fired at a deputy, seriously wounding him.", [("injured", 1, 1)]),
        ("A woman was struck by a stray bullet while sitting on her porch.", [("injured", 1, 1)]),
        ("Officers found two men with gunshot wounds in a parked car.", [("injured", 2, 2)]),
        ("Deputies were called to the accidental shooting of a 3-year-old.", [("injured", 1, 1)]),
        ("A 16-year-old is in critical condition after a shooting on Elm Street.", [("injured", 1, 1)]),
        ("Two men were shot; one man is in critical condition.", [("injured", 2, 2)]),
        ("A woman is in critical condition after a crash on the highway.", []),
        ("Police fatally shot a man outside the store.", [("killed", 1, 1)]),
        ("Toddler fatally shot by gunman in front of parents", [("killed", 1, 1)]),
        ("Man shot, killed in Dallas", [("killed", 1, 1)]),
        # "no one else was hurt" says nothing more, not that nobody was
        ("No one else was hurt, police said.", []),
        ("No one was hurt, police said.", [("injured", 0, 0)]),
        # how badly, between the verb and its auxiliary
        ("A boy, 4, was critically wounded when a gun went off.", [("injured", 1, 1)]),
        ("Three men were seriously injured in the blast.", [("injured", 3, 3)]),
        ("A 12-year-old girl was accidentally shot at a gun range.", [("injured", 1, 1)]),
        # struck, beside a gun and not by a car
        ("Shots were fired inside the club, where four victims were struck.", [("injured", 4, 4)]),
        ("A woman was struck by a car near the scene of the shooting.", []),
        # what the police do after the deaths is this event's, not a protest over earlier ones
        (
            "Police are investigating after one man was killed and three injured in a shooting.",
            [("killed", 1, 1), ("injured", 3, 3)],
        ),
        ("Students protested after two students were killed.", []),
        # a definite victim hit, where the sentence counts no one else
        ("Police said the father was shot in his side at their home.", [("injured", 1, 1)]),
        ("The officer shot the man.", []),
        # ... named by whose they are, or told after what they went through
        ("Police said her 6-year-old daughter was shot in the yard.", [("injured", 1, 1)]),
        ("The boy underwent surgery after being shot in the neck.", [("injured", 1, 1)]),
        ("The gun went off and the deputy was struck in the hand.", [("injured", 1, 1)]),
        ("The man was struck by a car on Main Street.", []),
        ("A farmer was hit by his tractor and a boy was struck by a taxi.", []),
        # a headline's one victim, hurt or dead
        ("Rock Hill teen shot in foot during Memorial Day party", [("injured", 1, 1)]),
        ("Teen suffers gunshot wound", [("injured", 1, 1)]),
        ("3-year-old fatally shot in Anchorage", [("killed", 1, 1)]),
        ("Monroe County teen dies of gunshot wound", [("killed", 1, 1)]),
        # ... after its source, and before its age
        ("Deputies: Boy, 3, dies after shooting himself in head", [("killed", 1, 1)]),
        ("Man, 45, wounded in shooting on Elm Street", [("injured", 1, 1)]),
        # a video's running time is no figure
        ("0:50 One dead after shooting involving officer", [("killed", 1, 1)]),
        # the shooter's own death
        (
            "Police say the gunman killed two people before killing himself.",
            [("killed", 2, 2), ("killed", 1, 1)],
        ),
        ("The boy found a loaded gun and fatally shot himself.", [("killed", 1, 1)]),
        # one more alive beside the dead, told by the state only the living are in
        ("Three men are dead and another is fighting for his life.", [("killed", 3, 3), ("injured", 1, 1)]),
        ("A boy died and his sister remains in serious condition.", [("killed", 1, 1), ("injured", 1, 1)]),
        ("A woman died and her husband was arrested.", [("killed", 1, 1)]),
    ],
)
def test_more_ways_of_telling_the_injured(text, expected):
    assert [(c.kind, c.low, c.high) for c in find_claims(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A man accidentally shot himself dead while cleaning a rifle.",
        "A boy who was shot in the head died at the hospital.",
        "The gunman fatally wounded him.",
    ],
)
def test_the_dead_are_not_counted_hurt(text):
    assert [c for c in find_claims(text) if c.kind == "injured"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 2-year-old girl was shot while sleeping, police said.", ["Attack"]),
        ("Police are investigating a shooting that left a man hurt.", ["Attack"]),
        ("The shooting happened around 2:50 p.m. on Elm Street.", ["Attack"]),
        # a definite "the shooting" refers back: an arrest in it is an arrest, no second shooting
        ("Police arrested a man Sunday in connection with the shooting.", ["Arrests"]),
        ("He spent the afternoon at a shooting range.", []),
        # a road accident is no strike
        ("The man was struck by a car on Main Street on Monday.", []),
        ("The director shot the film in Toronto.", []),
    ],
)
def test_local_news_tells_a_shooting_by_who_was_shot(nlp, text, expected):
    assert [m.sub_event_type for m in run(nlp, text)] == expected
