from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from fieldreport.classify import classify, main_event, main_mention
from fieldreport.events import other
from fieldreport.nlp import parse
from fieldreport.records import Article, Mention
from fieldreport.settings import Config

AIR = "Government warplanes struck the town of Saraqib in Idlib province on Tuesday, killing five civilians."
CLASH = (
    "Government troops clashed with Al-Shabaab fighters near Afgoye on Monday; three soldiers were killed."
)
PROTEST = "Hundreds of teachers protested in Nairobi on Friday to demand higher pay."
QUAKE = "A magnitude 6.4 earthquake struck eastern Turkey on Sunday, killing 12 people."
CLAIM = "Islamic State claimed responsibility for the bombing of a market in Baghdad that killed 20 people."
OPINION = (
    "The war in Yemen cannot be won by force of arms, and the West should stop pretending otherwise. "
    "What the country needs is patience and compromise."
)
FACTORY = "A fire broke out at a garment factory in Dhaka on Thursday, killing nine workers."
DIPLOMACY = "The foreign ministers of India and China held talks in Moscow on Thursday."

NON_ACLED = "Non-ACLED event"


def line(id_: Any, text: str) -> str:
    return json.dumps({"id": id_, "text": text})


def run(lines: list[str | bytes], cfg: Config) -> list[dict[str, Any]]:
    return list(classify(lines, cfg))


def outcome(record: dict[str, Any]) -> tuple[Any, Any]:
    assert list(record) == ["id", "event_type", "sub_event_type"]
    return record["event_type"], record["sub_event_type"]


def test_acled_events_are_typed(cfg: Config) -> None:
    out = run([line("air", AIR), line("clash", CLASH), line(3, PROTEST)], cfg)
    assert [r["id"] for r in out] == ["air", "clash", 3]
    assert [outcome(r) for r in out] == [
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Battles", "Armed clash"),
        ("Protests", "Peaceful protest"),
    ]


def test_non_acled_classes(cfg: Config) -> None:
    out = run([line(i, t) for i, t in enumerate([QUAKE, CLAIM, FACTORY, DIPLOMACY])], cfg)
    assert [outcome(r) for r in out] == [
        (NON_ACLED, "Natural disaster"),  # not the air strike "struck" alone would suggest
        (NON_ACLED, "Attribution of responsibility"),  # the claim, not the bombing it is about
        (NON_ACLED, "Man-made disaster"),
        (NON_ACLED, "Diplomatic event"),
    ]


def test_opinion_piece_reports_no_event(cfg: Config) -> None:
    (out,) = run([line("op", OPINION)], cfg)
    assert out == {"id": "op", "event_type": None, "sub_event_type": None}


def test_bad_lines_become_error_records_in_order(cfg: Config) -> None:
    lines: list[str | bytes] = [
        line("a", PROTEST),
        "{not json",
        "",  # empty lines are skipped, but still counted in line numbers
        json.dumps({"id": "b"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": PROTEST}),
        b"\xff\xfe",
        line("c", OPINION),
    ]
    out = run(lines, cfg)
    assert [(r["id"], r.get("line"), "error" in r) for r in out] == [
        ("a", None, False),
        (None, 2, True),
        ("b", 4, True),
        (None, 5, True),
        (None, 6, True),
        (None, 7, True),
        ("c", None, False),
    ]
    assert out[2]["error"] == "missing text"
    assert out[5]["error"].startswith("invalid UTF-8")


def test_only_error_lines_need_no_model(cfg: Config) -> None:
    assert run(["[1]", "{"], cfg) == [
        {"id": None, "line": 1, "error": "not a JSON object"},
        {
            "id": None,
            "line": 2,
            "error": "malformed JSON: Expecting property name enclosed in double quotes at column 2",
        },
    ]


def _parsed(text: str, cfg: Config):
    art = Article(article_id="t", content_hash="t", origin="test", fmt="txt", raw=text, text=text)
    return next(parse([art], cfg))


def test_unasserted_cues_are_not_reports(cfg: Config) -> None:
    text = "No group has claimed responsibility. A major earthquake could strike the capital."
    p = _parsed(text, cfg)
    assert other.detect(p.doc, p.sentences) == []
    p = _parsed("Heavy floods swept through the district on Monday.", cfg)
    assert [(o.sub_event_type, o.cue) for o in other.detect(p.doc, p.sentences)] == [
        ("Natural disaster", "floods")
    ]


def _mention(index: int, sub: str, etype: str, trigger: str) -> Mention:
    return Mention("a", index, index * 100, index * 100 + 50, "s", etype, sub, None, None, trigger=trigger)


def test_main_event_prefers_the_first_violent_mention() -> None:
    arrests = _mention(0, "Arrests", "Strategic developments", "arrested")
    bombing = _mention(1, "Remote explosive/landmine/IED", "Explosions/Remote violence", "bomb")
    clash = _mention(2, "Armed clash", "Battles", "clashed")
    assert main_mention([clash, arrests, bombing]) is bombing
    assert main_event([arrests, bombing, clash]) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert main_event([arrests]) == ("Strategic developments", "Arrests")
    assert main_event([]) == (None, None)
    quake = other.OtherMention("Natural disaster", 1, 110, 120, "earthquake")
    assert main_event([], [quake]) == (NON_ACLED, "Natural disaster")
    assert main_event([bombing], [quake]) == main_event([bombing])  # "bomb" is no generic word


def test_classify_command(tmp_path: Path, cfg: Config) -> None:
    from click.testing import CliRunner

    from fieldreport.cli import cli

    config = tmp_path / "fieldreport.toml"
    config.write_text(f'gazetteer_path = "{cfg.gazetteer_path}"\n', encoding="utf-8")
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = "A coalition air strike killed eight civilians in Raqqa on Sunday, the Observatory said."
    src.write_text(json.dumps({"id": "s", "text": text}) + "\nnot json\n", encoding="utf-8")
    args = ["--config", str(config), "classify", "-i", str(src), "-o", str(dst)]
    result = CliRunner().invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    strike = {"id": "s", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    assert rows[0] == strike
    assert rows[1]["line"] == 2 and "error" in rows[1]
    assert "Classified 1 texts; 1 bad lines" in result.stderr


# --- the example classifier and its vote with the rules (classify rule 3) ---------------------------

BASE = "The army set up a new outpost near the border town of Kidal on Monday."
TROOPS = "Hundreds of extra troops were sent to the northern province of Cabo Delgado on Wednesday."
DRUG_BUST = "Police seized heroin and arrested members of a drug gang in the port city of Mombasa."
GOV_TAKES = "Government forces captured the rebel-held town of Kafr Nabl on Saturday."
REBELS_TAKE = "Rebels captured the town of Kafr Nabl from government forces on Saturday."
STONES = "Protesters threw stones at police and burned tyres in Conakry on Tuesday."
FUMES = (
    "Toxic fumes leaking from a storage tank at a chemical works in Gujarat killed three workers on Monday."
)
DEFUSED = "Troops defused a roadside bomb on the road to Gao on Friday."
COMMENT = "Commentators argue that the peace process is doomed because neither side trusts the other."


def test_reports_without_a_trigger_word_are_typed(cfg: Config) -> None:
    texts = [BASE, TROOPS, DRUG_BUST, STONES, FUMES, DEFUSED, COMMENT]
    out = run([line(i, t) for i, t in enumerate(texts)], cfg)
    assert [r["sub_event_type"] for r in out] == [
        "Headquarters or base established",
        "Change to group/activity",
        "Organized crime",  # arrests of criminals are not ACLED's (political) Arrests
        "Violent demonstration",  # the protesters' violence, though "police" is there
        "Man-made disaster",  # toxic fumes from an accident are no chemical weapon
        "Disrupted weapons use",
        None,  # commentary reports no event
    ]


def test_the_rules_say_who_took_the_ground(cfg: Config) -> None:
    out = run([line("gov", GOV_TAKES), line("nsa", REBELS_TAKE)], cfg)
    assert [outcome(r) for r in out] == [
        ("Battles", "Government regains territory"),
        ("Battles", "Non-state actor overtakes territory"),
    ]


def test_a_protest_about_violence_is_the_main_event_not_the_violence() -> None:
    said = "Residents protested in the town after a trader was attacked by gunmen."
    protest = replace(_mention(0, "Peaceful protest", "Protests", "protested"), sentence=said)
    attack = replace(_mention(0, "Attack", "Violence against civilians", "attacked"), sentence=said)
    assert main_mention([attack, protest]) is protest
    # violence told alongside a protest, not as its cause, stays the news
    said = "Residents protested in the town and gunmen attacked a trader."
    assert (
        main_mention([replace(attack, sentence=said), replace(protest, sentence=said)]).trigger == "attacked"
    )


def test_combined_vote() -> None:
    from fieldreport.classify import combined
    from fieldreport.events.retype import RULE_WEIGHT

    classes = (
        "Armed clash",
        "Attack",
        "Government regains territory",
        "Non-state actor overtakes territory",
        "none",
    )
    probs = np.array([0.4, 0.45, 0.05, 0.05, 0.05])
    # the rule's class gains RULE_WEIGHT: 0.4 + 0.3 beats 0.45
    assert RULE_WEIGHT == 0.3
    assert combined(("Battles", "Armed clash"), probs, classes) == ("Battles", "Armed clash")
    assert combined((None, None), probs, classes) == ("Violence against civilians", "Attack")
    assert combined(("Battles", "Armed clash"), None, classes) == ("Battles", "Armed clash")
    territory = np.array([0.05, 0.05, 0.1, 0.75, 0.05])
    rule = ("Battles", "Government regains territory")
    assert combined(rule, territory, classes) == rule  # the rules know the actors
    assert combined((None, None), np.array([0.1, 0.1, 0.1, 0.1, 0.6]), classes) == (None, None)
    diplo = classes + ("Diplomatic event",)
    assert combined((None, None), np.array([0.1, 0.0, 0.0, 0.0, 0.2, 0.7]), diplo) == (
        NON_ACLED,
        "Diplomatic event",
    )
