"""A page's headline as its lead: what a reader of the page reads first.

Local news pages often carry the story in the headline and little else in what extraction keeps: a
paywall notice ("Sorry, this zipcode is not in our deliverable area"), a video player's captions,
links to other stories. A reader still learns the incident from the headline ("Six injured in
shooting at Fort Worth party"), so fieldreport reads it too: the clean stage keeps a page whose text
is too short when its headline tells an incident (the headline is then its text), and the analyse
stage reads a page whose text yields no event again with its headline as its lead paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import VIOLENCE
from .records import Article

_TAIL = re.compile(r"\s(?:[-|–—]|::)\s")  # "... - WAFF-TV: News, Weather and Sports for Huntsville, AL"
MIN_WORDS = 3


def headline(title: str | None) -> str | None:
    """The headline without the outlet's name, when it tells an incident; else None."""
    head = _TAIL.split(title or "")[0].strip()
    if len(head.split()) < MIN_WORDS or not VIOLENCE.search(head):
        return None
    return head


def with_headline(article: Article) -> Article | None:
    """The article with its headline as its first paragraph, when the headline tells an incident
    and the text does not already open with it; else None."""
    head = headline(article.title)
    if head is None:
        return None
    if " ".join(head.lower().split()) in " ".join(article.text[: len(head) + 400].lower().split()):
        return None
    text = f"{head}\n\n{article.text}" if article.text.strip() else head
    return replace(article, text=text)
