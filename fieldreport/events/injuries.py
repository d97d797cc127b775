"""The injured of local news: people a sentence says were hit, less those it counts dead.

Local news counts the people shot ("Seven people were shot", "4 shot outside a club") or tells one
hit ("a boy who was shot in the head", "shot himself in the leg", "a shooting that injured a
teenager", "seriously wounding him", "was hit by a stray bullet", "a man with a gunshot wound",
"the shooting of a 4-year-old", "a teen is in critical condition after a shooting"). Each is read
as injured unless the sentence counts the same people dead; "shot at" (not "shot at a bar") hit no
one. :func:`shot_claims` adds them to the claims :func:`.casualties.find_claims` found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lexicon import VEHICLES
from .figures import AUX, DIED, GUN_WORDS, HEADS_SG, QTY, SHOOTING, VICTIM, RawClaim, mishap, quantity

Add = Callable[[str, tuple[int, int], str, int, int, int], None]

# Local news counts the people shot: "Seven people were shot", "4 shot outside a club". Those the
# sentence does not count dead are the injured; "shot at" (not "shot at a bar") hit no one.
_SHOT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+(?:{VICTIM}\s*)?{AUX}shot\b"
    r"(?!\s+(?:dead|to\s+death|and\s+killed|and\s+fatally|(?:him|her|them)sel(?:f|ves))\b)"
    r"(?!\s+at(?:\s*[.,;]|\s+(?:but|by|from|and|several|multiple|least|him|her|them|police|officers)\b))",
    re.I,
)

# "the gun went off, hitting a bystander": hit by a bullet, so injured unless the sentence says dead
_HIT = re.compile(rf"\b(?:hitting|striking)\s+(?P<q>{QTY})\s+{VICTIM}", re.I)
# Other ways local news tells that people were hit, each read as injured unless the sentence
# counts them dead: "a boy who was shot in the head", "shot himself in the leg", "a shooting that
# injured a teenager", "seriously wounding him", "was hit by a stray bullet", "a man with a
# gunshot wound", "the shooting of a 4-year-old", "a teen is in critical condition after a
# shooting".
_WHO_SHOT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s*,?\s+who\s+{AUX}shot\b(?!\s+(?:dead|to\s+death|at)\b)",
    re.I,
)
_SHOT_IN = re.compile(
    rf"\b(?:shot|shoots|shooting)\s+(?:(?P<q>{QTY})\s+{VICTIM}|(?P<pron>him|her)\b)\s+in\s+(?:the|his|her)\s+"
    r"(?:head|face|neck|chest|back|stomach|abdomen|torso|arm|arms|hand|hands|leg|legs|foot|feet|shoulder|hip|"
    r"thigh|knee|buttocks|side|groin|wrist|finger|ankle|shin|calf|jaw|eye|lower|upper|left|right)\b",
    re.I,
)
_SELF_SHOT = re.compile(
    r"\b(?:accidentally\s+|reportedly\s+|apparently\s+)?(?:shot|shoots|shooting)\s+(?P<victim>him|her)self\b"
    r"(?!\s+(?:dead|to\s+death|fatally)\b)",
    re.I,
)

_WOUNDING = re.compile(
    rf"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hitting|striking|struck|grazing)\s+(?:(?:critically|seriously|"
    rf"severely|fatally)\s+)?(?:(?P<q>{QTY})\s+{VICTIM}|(?P<pron>him|her)\b)",
    re.I,
)
_BULLET_HIT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+{AUX}(?:hit|struck|grazed)\s+(?:by|with)\s+"
    r"(?:a\s+|the\s+)?(?:stray\s+)?(?:bullets?|gunfire|shots?|rounds?|a\s+round)\b",
    re.I,
)
_GUNSHOT_WOUND = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+(?:{AUX}(?:with|suffer\w*|sustain\w*|nursing|"
    rf"treated\s+for|(?:has|had|have))\s+(?:an?\s+|(?:multiple|several|non-life-threatening|minor|serious)\s+)?"
    r"(?:[\w-]+\s+)?gunshot\s+wounds?)",
    re.I,
)
_CONDITION = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+(?:{AUX}|(?:is|are|was|were|remains?)\s+)(?:listed\s+)?"
    r"in\s+(?:critical|serious|stable|fair|good|grave|life-threatening)(?:\s+but\s+stable)?\s+condition\b",
    re.I,
)
_SHOOTING_OF = re.compile(
    rf"\bshooting\s+(?:that\s+(?:injured|wounded)\s+|of\s+)(?P<q>{QTY})\s+{VICTIM}", re.I
)
# ... unless by a car: "was struck by a pickup" is a road accident
_NOT_BY_VEHICLE = rf"(?!\s+(?:by|with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:{VEHICLES})\b)"
# "four victims were struck", "a man was hit": by gunfire only beside a gun or a shooting
_STRUCK = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+{AUX}(?:hit|struck|grazed)\b{_NOT_BY_VEHICLE}",
    re.I,
)
# "the girl was shot in the leg", "the victim had been shot": one hit, where the sentence counts
# no one else (a victim told before is one of the same group, so fusion takes the larger figure)
# "her 6-year-old daughter was shot", "the 17-year-old senior underwent surgery after being shot"
_ONE_VICTIM = (
    rf"\b(?P<q>(?P<art>[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Tt]heir))\s+(?P<victim>(?:[\w'-]+\s+){{0,2}}?(?:{HEADS_SG}))\s+"
    r"(?:(?:has\s+been|had\s+been|was|is|got)\s+|(?:[\w'-]+\s+){1,4}?after\s+being\s+)"
    r"(?:(?:also|accidentally|apparently|reportedly|allegedly|critically|seriously|then)\s+)?"
)
_THE_SHOT = re.compile(
    rf"{_ONE_VICTIM}(?:shot|grazed)\b(?!\s+(?:dead|to\s+death|and\s+killed|and\s+fatally|at|(?:him|her)self)\b)"
)
# "the officer was struck in the hand": by gunfire only beside a gun or a shooting
_THE_STRUCK = re.compile(rf"{_ONE_VICTIM}(?:struck|hit)\b{_NOT_BY_VEHICLE}")
# in the order shot_claims reads them; the last two, a victim struck or in a condition, only beside a
# gun or a shooting
_HIT_READINGS = (_WHO_SHOT, _SHOT_IN, _BULLET_HIT, _GUNSHOT_WOUND, _SHOOTING_OF, _WOUNDING, _THE_SHOT)
_GUN_HIT_READINGS = (_STRUCK, _THE_STRUCK, _CONDITION)
# "Four people were shot, one fatally": the dead among them
_FATALLY = re.compile(rf"(?<![A-Za-z0-9_])(?P<q>{QTY})\s+(?:of\s+them\s+)?(?:were\s+|was\s+)?fatally\b", re.I)


def shot_claims(text: str, found: list[RawClaim], add: Add) -> None:
    """The people a sentence says were shot, less those it counts dead, are its injured."""
    if any(c.kind == "injured" for c in found) or mishap(text):
        return
    for m in _FATALLY.finditer(text):
        rng = quantity(m)
        if rng is not None and not any(c.kind == "killed" for c in found):
            add("killed", rng, "", m.start(), m.end(), m.start("q"))
    dead = sum(c.low for c in found if c.kind == "killed")
    if GUN_WORDS.search(text) and not dead:
        for m in _HIT.finditer(text):
            rng = quantity(m)
            if rng is not None:
                add("injured", rng, m.group("victim") or "", m.start(), m.end(), m.start("q"))
    for m in _SHOT.finditer(text):
        rng = quantity(m)
        if rng is not None and rng[1] > dead:
            victim = m.group("victim") or ""
            add("injured", (max(0, rng[0] - dead), rng[1] - dead), victim, m.start(), m.end(), m.start("q"))
    if dead or DIED.search(text) or any(c.kind == "injured" for c in found):
        return  # the dead are not hurt; people counted shot are not counted again
    readings = _HIT_READINGS
    if GUN_WORDS.search(text) or SHOOTING.search(text):
        readings += _GUN_HIT_READINGS  # "in critical condition" after a crash is no shooting's injured
    for rx in readings:
        for m in rx.finditer(text):
            if m.groupdict().get("pron"):
                add("injured", (1, 1), m.group("pron"), m.start(), m.end(), m.start("pron"))
                continue
            rng = quantity(m)
            if rng is not None:
                add("injured", rng, m.group("victim") or "", m.start(), m.end(), m.start("q"))
    for m in _SELF_SHOT.finditer(text):
        add("injured", (1, 1), m.group("victim") + "self", m.start(), m.end(), m.start())
