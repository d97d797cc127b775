"""One fixed split of every benchmark's development items into two halves, by a hash of the item id.

- "tune": read its errors item by item and write rules from them.
- "check": never read item by item; look only at its aggregate figures, which say whether rules
  written from the tune half hold on items nobody read.

The split depends on the id alone (not on the order of a file, the size of a sample or the
benchmark), so an item stays in its half for good and every benchmark splits the same way:

    from split import half
    half("95550")  # "tune" or "check"
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "check"]
HALVES: tuple[Half, Half] = ("tune", "check")


def half(item_id: str) -> Half:
    """The half ``item_id`` belongs to: "tune" when sha256("fieldreport-split:" + id) is even."""
    digest = hashlib.sha256(("fieldreport-split:" + item_id).encode()).hexdigest()
    return "tune" if int(digest, 16) % 2 == 0 else "check"
