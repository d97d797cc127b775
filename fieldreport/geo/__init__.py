"""Geo stage: the gazetteer, toponym recognition and resolution, and event location.

>>> gaz = Gazetteer.load(cfg)                       # builds the index on first use
>>> places = find_places(article, doc, gaz)          # toponyms of article.text, resolved
>>> location = locate(sentence, places, article, sentences)
"""

from __future__ import annotations

from .countries import focus_countries
from .focus import Unit, home_text
from .gazetteer import Entry, Gazetteer
from .locate import locate
from .names import name_key as place_key
from .toponyms import find_places

__all__ = ["Entry", "Gazetteer", "Unit", "find_places", "focus_countries", "home_text", "locate", "place_key"]
