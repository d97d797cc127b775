"""The force used on a protest, graded as ACLED grades it: none (a peaceful protest), arrests,
tear gas or batons (a protest with intervention), or force that kills or maims (excessive force
against protesters), told in the protest's sentence or in the two after it.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from ..lexicon import FORCE_NOUNS
from . import retype
from .roles import Context
from .taxonomy import EVENT_TYPES, EXCESSIVE_FORCE, PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, PROTESTS

_PROTEST_FORCE = re.compile(
    r"\b(?:tear\s*gas|dispers\w+|water\s+cannons?|rubber\s+bullets|beat(?:en|ing)?|baton"
    # not an arrest told before: "demanding the release of arrested students"
    r"|(?<!release\sof\s)(?<!release\sof\sthe\s)(?<!release\sof\sall\s)(?:arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?)\b"
    r"|pepper[\s-]spray\w*|suppress\w*|broke\s+up|break\s+up|crack\w*\s+down|crackdown|stun\s+grenades?"
    r"|smoke\s+grenades?|chas(?:e|ed|ing)\b|drag(?:ged)?\s+(?:them|protesters|demonstrators))\b",
    re.I,
)
# ACLED: force that kills or maims peaceful protesters is excessive, not an intervention
_SEVERE_FORCE = re.compile(
    r"\bviolently\s+(?:suppress\w*|dispers\w*|broke|attack\w*)|\blive\s+(?:fire|ammunition)"
    r"|\bviolent(?:ly)?\s+(?:response|repression|crackdown)|\bresponded\s+violently|\bmet\s+(?:by|with)\s+violen\w+"
    r"|\b(?:fired|firing|shot)\s+(?:on|at)\s+(?:them|the\s+crowd|(?:\w+\s+)?(?:protest[eo]rs|demonstrators|students))",
    re.I,
)
# force used on the protesters themselves, not a killing they protest about ("marched over the
# deadly shooting of ...", "demanding justice for two students killed")
FORCE_ON_PROTESTERS = re.compile(
    r"\b(?:protest[eo]rs?|demonstrators?|marchers|crowds?)\s+(?:\w+\s+){0,3}?(?:were|was|been)\s+(?:\w+\s+)?"
    r"(?:killed|shot|wounded|injured)|\b(?:killed|killing|shot|shooting|opened\s+fire\s+on|fired\s+(?:live\s+)?"
    r"(?:rounds|bullets|ammunition)?\s*(?:on|at|into))\s+(?:\w+\s+){0,3}?(?:protest[eo]rs|demonstrators|marchers"
    r"|crowds?)\b",
    re.I,
)


def without_told_arrests(span: Span) -> str:
    """The sentence without arrests that only describe someone ("families of men detained in
    Iraq protested"): those are no force used on the protest."""
    return "".join(
        "" if t.lemma_.lower() in ("arrest", "detain") and t.dep_ in ("amod", "acl") else t.text_with_ws
        for t in span
    )


def force_on_protest(text: str) -> str | None:
    """The protest kind the force the text tells makes of a protest, None for no force."""
    if FORCE_ON_PROTESTERS.search(text) or _SEVERE_FORCE.search(text):
        return EXCESSIVE_FORCE
    if _BY_FORCE.search(text) and not _ABOUT_A_KILLING.search(text):
        if _HURT.search(text) or _VIOLENT_RESPONSE.search(text):
            # "Several people were injured when soldiers responded", "police used excessive force
            # to disperse them": ACLED's excessive force is force that kills or maims
            return EXCESSIVE_FORCE
    return PROTEST_WITH_INTERVENTION if _PROTEST_FORCE.search(text) else None


_HURT = re.compile(
    r"\b(?:kill(?:ed|ing)|shot|shooting|wound(?:ed|ing|s)|injur(?:ed|ing|ies|y)|bullets?|died|dead"
    r"|hospitali[sz]ed|fired\s+(?:on|at|into)|open(?:ed)?\s+fire|live\s+(?:fire|rounds|ammunition))\b",
    re.I,
)
_BY_FORCE = re.compile(rf"\b(?:{FORCE_NOUNS})\b", re.I)
_VIOLENT_RESPONSE = re.compile(
    r"\bexcessive\s+force|\bextreme\s+violence|\bbrutally\b|\bbrutal\s+(?:crackdown|force|repression|response"
    r"|dispersal|assault|attack|beating)|\b(?:used|using|with)\s+violence|\bviolently\b",
    re.I,
)
# a protest about a killing: its dead are no force used on it ("marched over the killing of two
# students by police")
_ABOUT_A_KILLING = re.compile(
    r"\b(?:against|over|at|about|following|after|condemning|denouncing|for)\s+(?:\w+\s+){0,4}?(?:killings?"
    r"|deaths?|murders?|shootings?|assassinations?|abductions?|arrests?|brutality|violence|repression)\b"
    r"|\bjustice\s+for\b|\bpolice\s+brutality\b",
    re.I,
)


_GRADE = {
    None: 0,
    PEACEFUL_PROTEST: 0,
    PROTEST_WITH_INTERVENTION: 1,
    EXCESSIVE_FORCE: 2,
}


def force_told_after(protest: Any, drafts: list[Any], doc: Doc, ctx: Context) -> None:
    """ACLED codes a protest by the force used on it: "People protested in Asasa. Soldiers shot at
    protesters, killing one." is one event of excessive force, told over two sentences."""
    if protest.sub not in (PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION):
        return
    after = [s for s in doc.sents if s.start_char >= protest.sentence.end][:2]
    best = protest.sub
    for sent in after:
        if any(
            x.sentence.start == sent.start_char
            and x.sub in EVENT_TYPES[PROTESTS]
            and x is not protest
            and force_on_protest(sent.text) is None
            for x in drafts
        ):
            break  # another protest begins
        if not _CROWD_HIT.search(sent.text) or _DEMAND.search(sent.text):
            continue  # force on someone else, or force the protesters denounce
        graded = force_on_protest(sent.text)
        if _GRADE[graded] > _GRADE[best]:
            best = graded
    if best != protest.sub:
        span = doc.char_span(protest.sentence.start, protest.sentence.end, alignment_mode="expand")
        if span is not None:
            retype.set_type(protest, best, ctx, span)


# a sentence after a protest tells force used on it when it names the crowd as who suffered it
_CROWD_HIT = re.compile(
    r"\b(?:protest[eo]rs?|demonstrators?|marchers|crowds?|students?|them|they|participants|responded|responding"
    r"|people|persons?|man|woman|youths?|residents|intervened|dispersed?)\b",
    re.I,
)
_DEMAND = re.compile(
    r"\b(?:demand\w*|call\w*\s+for|denounc\w*|condemn\w*|release\s+of|against\s+what)\b", re.I
)
