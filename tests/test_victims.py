from __future__ import annotations

import pytest

from fieldreport.events.victims import SELF, victim_group


@pytest.mark.parametrize(
    ("phrase", "group"),
    [
        # sides add up in a toll told in parts
        ("two soldiers", "soldiers"),
        ("a soldier", "soldiers"),
        ("15 attackers", "attackers"),
        ("Imbonerakure", "Imbonerakure"),
        # people told by age, sex or kin name no side: one victim told three ways is one
        ("a 16-year-old boy", "unknown"),
        ("the teen", "unknown"),
        ("his son", "unknown"),
        ("a baby", "unknown"),
        ("three people", "unknown"),
        ("himself", SELF),
    ],
)
def test_victim_group(phrase: str, group: str) -> None:
    assert victim_group(phrase) == group
