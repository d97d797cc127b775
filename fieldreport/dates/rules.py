"""Recognition rules: one regular expression per kind of expression, a check of its context
(to drop false friends: "May" the modal, "the march", "Sunday Times", "2,500 troops") and a
normaliser to a TimeML value.

Spans follow TimeML: leading prepositions ("on", "in") stay out, modifiers that belong to the
expression ("late on", "last", "nearly ... ago") stay in. "since" is added by a later pass.
"""

from __future__ import annotations

from .absolute import RULES as ABSOLUTE
from .base import Rule
from .counted import RULES as COUNTED
from .relative import RULES as RELATIVE

# the order breaks ties between matches of the same length: absolute, then relative, then counted
RULES: tuple[Rule, ...] = (*ABSOLUTE, *RELATIVE, *COUNTED)

__all__ = ["RULES", "Rule"]
