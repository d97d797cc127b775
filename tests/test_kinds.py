"""Tests of fieldreport.events.kinds: which sub-event type ACLED's codebook gives a report,
on sentences written for these tests (real spaCy model, real event classifier when installed)."""

from __future__ import annotations

import pytest

from fieldreport.events import detect as d
from fieldreport.events import extract
from fieldreport.nlp import sentences_of
from fieldreport.records import Article, EventDate


def mentions(nlp, text):
    article = Article("k1", "h1", "test", "txt", text, text, published="2021-05-31", outlet="Test Wire")
    doc = nlp(text)
    return extract(
        article, doc, sentences_of(doc), locate=lambda s: None, date_of=lambda s: EventDate(None, None)
    )


def first(nlp, text):
    found = mentions(nlp, text)
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the village of Kalindi overnight and burned several huts.",
        "Gunmen opened fire on a crowded market in Mbeya, killing four.",
        "Militiamen ambushed a minibus on the road to Walo and killed the driver.",
        "A pastor was attacked by armed men on his way to church.",
    ],
)
def test_attack_on_people_no_one_defends_is_violence_against_civilians(nlp, text):
    m = first(nlp, text)
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert m.actor2 is not None and m.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a police station in the north of the town, killing two officers.",
        "Rebels attacked an army post near the border, injuring three.",
        "Soldiers clashed with rebels near the river crossing, killing six.",
    ],
)
def test_attack_on_armed_men_or_posts_stays_a_battle(nlp, text):
    assert first(nlp, text).sub_event_type == "Armed clash"


def test_toll_of_unarmed_victims_makes_an_attack_one_sided(nlp):
    m = first(nlp, "Armed men attacked a wedding party near Gando, killing five guests.")
    assert m.sub_event_type == "Attack"
    m = first(nlp, "Four members of the ruling party were killed in an attack at a bar.")
    assert m.sub_event_type == "Attack"


def test_residents_fighting_police_riot_but_communities_fighting_each_other_battle(nlp):
    m = first(nlp, "Residents clashed with police over the demolition of their homes, injuring two officers.")
    assert (m.event_type, m.sub_event_type) == ("Riots", "Violent demonstration")
    assert m.actor1 == "Rioters"
    m = first(nlp, "Farmers and herders clashed over grazing land in two villages, killing three.")
    assert m.event_type == "Battles"


def test_crowd_burning_property_is_a_riot_not_a_strategic_development(nlp):
    m = first(nlp, "Angry residents ransacked the offices of the electoral commission on Monday.")
    assert (m.event_type, m.sub_event_type, m.actor1) == ("Riots", "Mob violence", "Rioters")
    m = first(nlp, "Rebels looted the health centre and torched the market on Monday.")
    assert m.sub_event_type == "Looting/property destruction"


def test_arrests_at_a_protest_are_the_intervention_in_it(nlp):
    found = mentions(nlp, "Police arrested 40 students who had gathered to protest against the new fees.")
    assert [(m.sub_event_type, m.actor1, m.actor2) for m in found] == [
        ("Protest with intervention", "Protesters", "Police")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Teachers went on a 48-hour strike to demand unpaid salaries.",
        "Hospital workers launched an indefinite strike over pay.",
        "A strike by bus drivers shut the capital's transport on Monday.",
        # a bare "strike" with no word of war, even when a coalition called it
        "The national strike called by the opposition coalition was also observed in the port.",
    ],
)
def test_a_work_stoppage_is_a_peaceful_protest(nlp, text):
    found = mentions(nlp, text)
    assert found and {m.sub_event_type for m in found} == {"Peaceful protest"}


def test_a_strike_told_with_no_word_of_war_is_no_air_strike(nlp):
    text = "Shops stayed shut across the city. The strike is meant to last three days."
    assert all(m.event_type != "Explosions/Remote violence" for m in mentions(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A strike on a rebel hideout killed five fighters on Tuesday.", "Air/drone strike"),
        ("The coalition said a strike destroyed a checkpoint near the river.", "Air/drone strike"),
    ],
)
def test_a_strike_with_words_of_war_stays_military(nlp, text, expected):
    assert first(nlp, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text",
    [
        "Supporters of the two parties clashed at a rally in the market town.",
        "Touts and transporters clashed over control of a motor park on Monday.",
        "Clashes broke out between police and students at the university.",
    ],
)
def test_crowds_fighting_with_no_armed_group_riot(nlp, text):
    assert first(nlp, text).sub_event_type == "Violent demonstration"


def test_a_crowd_beside_armed_men_or_communities_fighting_stays_a_battle(nlp):
    assert first(nlp, "Gunmen clashed with party supporters near the stadium.").event_type == "Battles"
    assert first(nlp, "Herders and farmers clashed over grazing land.").event_type == "Battles"


def test_headline_present_and_ongoing_protests_are_events(nlp):
    assert first(nlp, "Pensioners protest unpaid benefits in Kaduna.").sub_event_type == "Peaceful protest"
    assert first(nlp, "A protest is underway at the university.").sub_event_type == "Peaceful protest"
    assert not mentions(nlp, "Militants attack convoys on highways to seize fuel.")
    # only a text's first sentence is a headline: later, the present simple is habitual
    doc = nlp("The union met on Monday. Pensioners protest whenever benefits are late.")
    second = list(doc.sents)[1]
    assert [(t.text, d.reject_reason(t, second, 2021)) for t in d.find_triggers(second)] == [
        ("protest", "generic")
    ]


def test_a_target_that_fights_back_or_is_guarded_makes_a_battle(nlp):
    m = first(nlp, "Rebels ambushed a bus carrying soldiers on leave, killing two.")
    assert m.sub_event_type == "Armed clash"
    m = first(nlp, "Gunmen attacked a hotel on Friday and troops battled them for hours.")
    assert m.event_type == "Battles"


def test_a_killing_whose_dead_are_an_armed_side_is_a_battle(nlp):
    m = first(nlp, "Soldiers kill four al Shabaab fighters near Afmadow.")
    assert (m.sub_event_type, m.actor2) == ("Armed clash", "Al Shabaab")


def test_who_takes_ground_decides_its_kind_and_a_withdrawal_makes_it_unopposed(nlp):
    m = first(nlp, "The army units took control of the village of Kadugli on Monday.")
    assert m.sub_event_type == "Government regains territory"
    m = first(nlp, "Rebel fighters seized the town of Walo after government troops withdrew on Monday.")
    assert m.sub_event_type == "Non-violent transfer of territory"


def test_planting_a_bomb_is_not_planning_one_and_harm_short_of_death_is_an_attack(nlp):
    m = first(nlp, "A bomb planted under a bridge near Jowhar detonated on Monday, wounding two soldiers.")
    assert m.event_type == "Explosions/Remote violence"
    m = first(nlp, "Party supporters beat and robbed a journalist in Kindia on Monday.")
    assert (m.sub_event_type, m.actor2) == ("Attack", "Civilians")
    assert first(nlp, "Gunmen assassinated a district head in Kaura on Monday.").sub_event_type == "Attack"


def test_dead_of_the_security_forces_make_a_battle_with_the_state(nlp):
    text = "At least 12 members of the security forces were killed in Taliban attacks in Kunduz on Monday."
    m = first(nlp, text)
    assert m.event_type == "Battles"
    assert {m.actor1, m.actor2} >= {"Taliban"}


def test_what_a_long_war_has_done_so_far_is_background(nlp):
    text = (
        "The envoy arrived in Aden on Monday to revive talks on ending a war that has killed 10,000 people."
    )
    assert not mentions(nlp, text)
    m = first(nlp, "Rebels killed 12 soldiers in an ambush near Kidal on Monday.")
    assert sum(c.low for c in m.claims if c.kind == "killed") == 12


@pytest.mark.parametrize(
    "text, sub",
    [
        (
            "Hundreds of students marched on Wednesday over the deadly police shooting of a teenager.",
            "Peaceful protest",
        ),
        (
            "Police opened fire on demonstrators in Bamako on Friday, killing two.",
            "Excessive force against protestors",
        ),
        (
            "Two protesters were shot dead as police dispersed a march in Conakry on Friday.",
            "Excessive force against protestors",
        ),
    ],
)
def test_force_on_the_protesters_not_a_killing_they_protest(nlp, text, sub):
    assert first(nlp, text).sub_event_type == sub


def test_explosives_found_or_defused_are_disrupted_weapons_use(nlp):
    m = first(nlp, "A roadside bomb was found near the airport on Monday and defused by army engineers.")
    assert m.sub_event_type == "Disrupted weapons use"


def test_civilians_hit_are_the_target_never_a_side_of_a_clash(nlp):
    text = "At least 21 civilians died on Monday when people fleeing by boat were hit by coalition aircraft."
    m = first(nlp, text)
    assert m.event_type in ("Violence against civilians", "Explosions/Remote violence")
    assert m.actor2 is not None and m.actor2.startswith("Civilians")


def test_casualties_aimed_at_are_not_a_toll(nlp):
    text = "The militants seed the roads with mines, aiming to inflict as many casualties as possible."
    assert all(not m.claims for m in mentions(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("People protested in the market town. Soldiers shot at protesters, killing one.",
         "Excessive force against protestors"),
        ("Students protested at the campus over fees. They were met by violent repression from soldiers.",
         "Excessive force against protestors"),
        ("Students protested at the university over fees. Police fired tear gas to disperse them.",
         "Protest with intervention"),
        ("Hundreds marched in the capital on Monday. The next day, the opposition held a rally.",
         "Peaceful protest"),
    ],
)  # fmt: skip
def test_a_protest_takes_the_kind_of_the_force_told_after_it(nlp, text, expected):
    assert first(nlp, text).sub_event_type == expected


def test_a_state_killing_that_names_an_armed_group_and_no_one_unarmed_is_a_battle(nlp):
    clash = first(nlp, "Troops cleared a Boko Haram camp near the lake on Monday, killing 58.")
    assert (clash.sub_event_type, clash.actor2) == (
        "Armed clash", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    )  # fmt: skip
    # people killed where the group holds sway are still the victims
    assert first(nlp, "Soldiers killed three people in a Boko Haram stronghold.").sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a field note's bare headline verb, which the parser reads as a noun
        ("SAF bomb Golo on Feb 12. No casualties.", "Air/drone strike"),
        ("Military shell rebel areas north of the river.", "Shelling/artillery/missile attack"),
        # the means of an attack type it
        ("Peacekeepers attacked rebel positions with artillery.", "Shelling/artillery/missile attack"),
        ("The air force targeted militant positions near the port.", "Air/drone strike"),
    ],
)
def test_bombing_and_shelling_told_by_a_bare_verb_or_by_the_means(nlp, text, expected):
    assert first(nlp, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text",
    ["Man shot in Sherman", "Rock Hill teen shot in foot during Memorial Day party"],
)
def test_a_headlines_participle_with_no_auxiliary_tells_a_shooting(nlp, text):
    assert first(nlp, text).sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text",
    ["Girl stable after accidental shooting", "Deputies investigating fatal shooting of 4-year-old"],
)
def test_a_headlines_shooting_with_no_article_is_a_shooting(nlp, text):
    assert first(nlp, text).sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "Suspect held in Saturday's shooting",  # told before: the arrest, not a shooting of its own
        "The city reopened its shooting range on Monday.",
    ],
)
def test_a_shooting_told_before_or_a_range_is_no_shooting_of_its_own(nlp, text):
    assert all(m.sub_event_type != "Attack" for m in mentions(nlp, text))


def test_a_type_that_names_a_means_needs_that_means_in_the_article(nlp):
    # "struck" reads as a strike; in a story of a shooting that names no aircraft, shell or bomb
    # the men struck were hurt by gunfire
    text = "Shots rang out outside the bar. The men were struck in the ankle, leg and foot."
    assert [m.sub_event_type for m in mentions(nlp, text)] == ["Attack"]
    jets = first(nlp, "Coalition jets struck Houthi positions near the port.")
    assert jets.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    "text",
    [
        # force the protesters demand an end to, detainees they carry pictures of, a car chase
        "Dozens rallied in the capital. They demanded the release of demonstrators detained last week.",
        "Hundreds staged a protest in the square and carried pictures of detainees.",
        "Protesters marched on Sunday. Protests began after a court cleared an officer over a car chase.",
    ],
)
def test_force_the_protest_is_about_leaves_it_peaceful(nlp, text):
    assert first(nlp, text).sub_event_type == "Peaceful protest"


def test_a_bare_toll_with_no_sides_around_is_violence_against_civilians(nlp):
    found = first(nlp, "Two were killed overnight in the hills near the border.")
    assert (found.event_type, found.actor2) == ("Violence against civilians", "Civilians")
    # with two sides fighting in the paragraph, the dead are the fighting's
    found = mentions(nlp, "Troops fought IS militants near the border. Two were killed.")
    assert {m.event_type for m in found} == {"Battles"}


def test_a_raid_on_a_named_town_no_one_defends_is_on_its_people(nlp):
    found = first(nlp, "FRPI militiamen attacked Bikima in the Irumu area.")
    assert (found.sub_event_type, found.actor2) == ("Attack", "Civilians (Democratic Republic of Congo)")
    # troops named on the ground, or the state attacking, make a battle
    assert first(nlp, "IS attacked SDF positions in Baghouz.").sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 15 opposition supporters for holding an unlawful demonstration in the town.",
        "Security forces arrested two men demonstrating in the main square on Sunday.",
    ],
)
def test_arrests_of_people_protesting_are_the_intervention_in_their_protest(nlp, text):
    assert [m.sub_event_type for m in mentions(nlp, text)] == ["Protest with intervention"]


def test_an_arrest_that_only_describes_someone_is_no_event(nlp):
    text = "Families of fishermen detained abroad staged a protest outside the ministry."
    assert [m.sub_event_type for m in mentions(nlp, text)] == ["Peaceful protest"]


def test_an_attack_on_armed_men_or_their_post_stays_a_clash_whatever_the_classifier_says(nlp):
    text = "Gunmen attacked a government military garrison in the north, killing six."
    assert first(nlp, text).sub_event_type == "Armed clash"


def test_a_crowd_protesting_in_a_first_sentence_in_the_present_is_a_headline(nlp):
    assert first(nlp, "Students protest registration fees.").sub_event_type == "Peaceful protest"
    assert all(m.trigger != "protest" for m in mentions(nlp, "Workers protest when wages fall."))


@pytest.mark.parametrize(
    "text, expected",
    [
        # the police attacking a protest: the force used on it, not a riot
        ("Police used tear gas and assaulted protesters during a protest in the capital.",
         "Excessive force against protestors"),
        # a crowd storming a building, or fighting the police, riots
        ("Angry customers stormed the local branch of the bank.", "Riots"),
        ("Police fought pitched battles with residents opposed to the plan.", "Riots"),
        ("Rival party cadres clashed on the main road in the capital.", "Riots"),
    ],
)  # fmt: skip
def test_who_the_crowd_is_in_the_fight_decides_riot_or_force(nlp, text, expected):
    found = first(nlp, text)
    assert expected in (found.sub_event_type, found.event_type)


@pytest.mark.parametrize(
    "text, reported",
    [
        # a past year dates the event: history
        ("IS overran Raqqa in 2014.", False),
        ("The war, which began in 2011, has killed thousands.", False),
        # a number that counts people, or a year that dates another clause, does not
        ("About 2000 opposition supporters marched through the capital on Sunday.", True),
        ("Thousands of students marched in memory of three youths killed by police in 1990.", True),
        ("The fighting has killed 20 people since Monday.", True),
    ],
)
def test_a_past_year_makes_background_only_when_it_dates_the_event(nlp, text, reported):
    assert bool(mentions(nlp, text)) is reported


def test_a_killed_militant_leader_is_an_armed_sides_dead(nlp):
    text = "A militant leader was killed in an army operation in the mountains on Monday."
    assert first(nlp, text).sub_event_type == "Armed clash"


def test_a_bare_strike_in_a_text_about_a_work_stoppage_is_the_stoppage(nlp):
    text = 'Traders held a "dead city" protest to demand security. The strike is to last two days.'
    assert {m.event_type for m in mentions(nlp, text)} == {"Protests"}


@pytest.mark.parametrize(
    "text",
    [
        "An off-duty police officer was shot dead by gunmen outside his home in Arish on Monday.",
        "Militants executed three captured soldiers in Sirte on Monday.",
        "A soldier was assassinated overnight in his house in Gao.",
        "The bodies of seven men were found dumped near Mujejuru on Monday.",
    ],
)
def test_a_killing_its_victim_could_not_answer_is_violence_against_civilians(nlp, text):
    # ACLED codes executions, assassinations and men killed off duty or at home as one-sided
    # violence, whoever the victim was
    assert first(nlp, text).event_type == "Violence against civilians"


def test_people_captured_are_abducted_and_armed_men_killed_fought(nlp):
    m = first(nlp, "IS fighters captured two medical workers near Benghazi on Monday.")
    assert m.sub_event_type == "Abduction/forced disappearance"
    m = first(nlp, "Soldiers shot dead two armed Islamists near Kadiria on Tuesday.")
    assert (m.event_type, m.sub_event_type) == ("Battles", "Armed clash")
    m = first(nlp, "A soldier opened gunfire against a group of women in Dhusamareeb on Monday.")
    assert (m.sub_event_type, m.actor2) == ("Attack", "Civilians")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Angry voters beat up a polling agent in Nakigalala on Monday.", "Mob violence"),
        ("A minibus was attacked by rioters in Lalibela on Monday.", "Mob violence"),
        ("More than 200 unemployed youths stormed a firm's offices in Karuma on Monday.", "Mob violence"),
        ("A mob went on the rampage in Durban on Sunday, attacking foreign-owned shops.", "Mob violence"),
        ("Four people were arrested on Monday after two trains were torched in Pretoria.", "Mob violence"),
        ("On Monday there was a clash between Zanu-PF youths and ZimPF youths.", "Violent demonstration"),
    ],
)
def test_a_crowds_violence_is_a_riot(nlp, text, sub):
    # ACLED: an unarmed crowd that attacks is a mob; arrests for it are the answer to the riot
    assert first(nlp, text).sub_event_type == sub


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of workers started a strike in Alexandria on 10 March. The strike ended on 14 March.",
        "Employees of the bank strike in Aweil.",
        '"Dead city" protest strikes were held in Oicha on Monday following the killing of 17 people.',
        "Several planned demonstrations broke out on Monday in Aswan and Luxor.",
        "Students staged a protest in Gbarnga on Monday over a college whose construction started years ago.",
    ],
)
def test_strikes_and_demonstrations_told_plainly_are_protests(nlp, text):
    found = mentions(nlp, text)
    assert found and {m.event_type for m in found} == {"Protests"}


def test_launching_air_strikes_is_no_work_stoppage(nlp):
    m = first(nlp, "Kenyan air forces launch air strikes on al Shabaab locations in Berhani on Monday.")
    assert m.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    "text",
    [
        "People protested in Kombolcha on Monday. Several people were injured when soldiers responded.",
        "Farmers protested in Dobba on Monday. A young man was wounded by soldiers.",
        'Teacher trainees marched in Rabat on Monday and police used "excessive force" to disperse them.',
        "At least three persons were shot and wounded by soldiers during a protest in Hirna on Monday.",
    ],
)
def test_force_that_maims_protesters_is_excessive(nlp, text):
    assert first(nlp, text).sub_event_type == "Excessive force against protestors"


def test_a_protest_over_a_killing_is_no_force_used_on_it(nlp):
    m = first(nlp, "Residents marched in Goma on Monday over the killing of two students by police.")
    assert m.sub_event_type == "Peaceful protest"


def test_shelling_in_ground_fighting_is_the_battle(nlp):
    m = first(nlp, "Shelling and ground clashes between the army and SPLA-IO in Lanyi killed 10 on Monday.")
    assert (m.event_type, m.sub_event_type) == ("Battles", "Armed clash")
    m = first(nlp, "Government forces shelled the rebel-held town of Kafr Nabl on Wednesday.")
    assert m.sub_event_type == "Shelling/artillery/missile attack"


def test_party_supporters_attacking_someone_target_a_civilian(nlp):
    m = first(nlp, "Suspected PDP supporters attacked and killed an APC chieftain in Omoku on Monday.")
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Peacekeepers sexually abused four girls in Bangui on Monday.", "Sexual violence"),
        ("Three carriages were set alight at a station on Monday.", "Looting/property destruction"),
        ("A watchman was found decapitated outside a bank in Bujumbura on Monday.", "Attack"),
        ("Somali forces gained control of Kismayo without violence.", "Non-violent transfer of territory"),
        ("Militants blew up an oil pipeline near Warri on Monday.", "Remote explosive/landmine/IED"),
    ],
)
def test_words_of_field_notes_name_their_events(nlp, text, sub):
    assert first(nlp, text).sub_event_type == sub


def test_a_brawl_between_communities_is_fought_by_both(nlp):
    m = first(nlp, "Twelve were injured in a fracas between the Gwani and Kinafa communities on Monday.")
    assert m.event_type == "Battles"


@pytest.mark.parametrize(
    "text",
    [
        "Armed men attacked Nero village on Monday. Security forces pushed them back quickly.",
        "Unidentified clan militia attack an al Shabaab location in Adan Yabaal, killing six.",
        "Al Shabaab ambushes a Kenyan convoy at Kolbiyow, destroying a vehicle and killing eight.",
    ],
)
def test_an_attack_answered_or_on_armed_men_is_a_battle(nlp, text):
    assert first(nlp, text).event_type == "Battles"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters marched in Ouahigouya on Monday. Clashes left one soldier injured.",
        "Clashes erupted on Monday between military forces and residents of Assuefri.",
        "Scuffles broke out between two youth groups from rival clans in Ceerigaabo on Monday.",
    ],
)
def test_crowds_fighting_the_state_or_each_other_riot(nlp, text):
    violent = [m for m in mentions(nlp, text) if m.event_type != "Protests"]
    assert violent and violent[0].event_type == "Riots"


def test_a_protest_against_police_brutality_is_no_force_used_on_it(nlp):
    m = first(nlp, "Dozens of lawyers took to the streets on Thursday to protest against police brutality.")
    assert m.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Seleka militiamen broke into a man's house in Kabo on Monday and tortured him.", "Attack"),
        ("Unidentified gunmen attack Elele on Monday, killing two.", "Attack"),
        ("A soldier was stoned to death near Brits on Monday.", "Mob violence"),
        (
            "Al Shabaab fighters took over the town of Ceel-Cadde on Monday without any clash.",
            "Non-violent transfer of territory",
        ),
        ("Clashes between the military and cattle raiders in Tonj on Monday left one dead.", "Armed clash"),
    ],
)
def test_who_was_attacked_and_by_whom(nlp, text, sub):
    assert first(nlp, text).sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Nineteen men were arrested on Monday and forcibly disappeared afterwards.",
            "Abduction/forced disappearance",
        ),
        ("Militia rape a girl in Terra El Madrasa on Monday.", "Sexual violence"),
        ("At least seven men were detained and killed by government forces in Lui on Monday.", "Attack"),
        ("An Italian security guard assaulted two photojournalists at Mitiga airport on Monday.", "Attack"),
    ],
)
def test_disappearances_rapes_and_killings_of_captives_target_civilians(nlp, text, sub):
    violent = [m for m in mentions(nlp, text) if m.event_type != "Strategic developments"]
    assert violent and violent[0].sub_event_type == sub


def test_the_subject_of_an_active_shooting_is_no_victim(nlp):
    m = first(nlp, "A police officer shot and wounded a man in Bosasso on Monday.")
    assert [(c.kind, c.low) for c in m.claims] == [("injured", 1)]
    assert m.event_type == "Violence against civilians"


@pytest.mark.parametrize(
    "text",
    [
        "Two were injured on Monday in a clash among members of All Progressives Congress (APC) in Oka.",
        "Police clashed with FDC women league members in Kisangati on Monday.",
        "In Mitchell's Plain on Monday, community members turned on police, clashing with officers.",
    ],
)
def test_party_members_and_neighbours_fighting_riot(nlp, text):
    assert first(nlp, text).event_type == "Riots"


def test_ground_entered_or_taken_is_fought_for_with_whoever_holds_it(nlp) -> None:
    text = (
        "Islamic State fighters have held the city of Tabqa for three years. "
        "SDF fighters entered Tabqa from the south on Sunday. "
        "SDF fighters captured the old citadel on Monday."
    )
    kinds_of = {(m.sub_event_type, m.actor1, m.actor2) for m in mentions(nlp, text)}
    assert ("Attack", "SDF: Syrian Democratic Forces", "Civilians (Syria)") not in kinds_of
    assert all(m[2] != "Civilians (Syria)" for m in kinds_of if m[0] == "Non-state actor overtakes territory")
