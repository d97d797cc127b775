from __future__ import annotations

import pytest

from fieldreport.pubdate import Stamp, find_date, normalise_date, stamp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trucks on the highway, March 1, 2019.", "2019-03-01"),
        ("seen on 2 March 2019 and on March 1, 2019", "2019-03-02"),  # the first one written
        ("filed 2019/03/04", "2019-03-04"),
        ("filed 13/03/2019", "2019-03-13"),  # day first: 13 is no month
        ("filed 03/13/2019", "2019-03-13"),  # month first
        ("filed 03.03.2019.", "2019-03-03"),  # both readings agree
        ("filed 03/04/2019", None),  # 3 April or 4 March
        ("filed 03/04/2019, confirmed 5 April 2019", "2019-04-05"),  # the first readable one
        ("31/02/2019", None),
        ("on March 5 at noon", None),  # no year
        ("1.5/3/2019", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03-03T23:30:00-05:00", "2019-03-03"),
        ("Sun, 03 Mar 2019 23:10:00 -0500", "2019-03-03"),
        ("14/03/2019", "2019-03-14"),
        ("04/03/2019", None),
        ("last spring", None),
        (None, None),
    ],
)
def test_normalise_date(value: str | None, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday 2 March 2019, 09:40 GMT", Stamp("", "2019-03-02")),
        ("2019-03-03 14:00", Stamp("", "2019-03-03")),
        ("2019-03-03T14:00:00Z", Stamp("", "2019-03-03")),
        ("March 5, 2019", Stamp("", "2019-03-05")),
        ("Tue 5 Mar 2019 | 7:05 pm (UTC+3)", Stamp("", "2019-03-05")),
        ("10:42 AM ET, Mon March 4, 2019", Stamp("", "2019-03-04")),
        ("Published 03/03/2019 19:05", Stamp("published", "2019-03-03")),
        ("Updated: 4 March 2019 10:42 GMT", Stamp("updated", "2019-03-04")),
        ("Posted on Monday, March 4, 2019", Stamp("posted", "2019-03-04")),
        ("Last updated at 14:20, 4 March 2019", Stamp("last updated", "2019-03-04")),
        ("Published: June 6, 2017 | Staff and wire reports", Stamp("published", "2017-06-06")),
        ("Published 04/03/2019 19:05", Stamp("published", None)),  # a stamp, but ambiguous
        ("04/03/2019", Stamp("", None)),
        # Not timestamps: sentences, headlines, labels without a date, undated days.
        ("Fighting resumed on March 5, 2019", None),
        ("March 5, 2019: the day the bridge fell", None),
        ("Published reports differ on 5 March 2019", None),
        ("Posted 3 hours ago", None),
        ("Updated 12 soldiers were killed on March 5, 2019", None),
        ("Saturday 2 March, 09:40 GMT", None),
        ("Monroe 2 March 2019", None),
        ("", None),
    ],
)
def test_stamp(line: str, expected: Stamp | None) -> None:
    assert stamp(line) == expected
