"""Year labels as printed ("1913", "1927/28") and the calendar year they end in."""

from __future__ import annotations

import re

_SINGLE = re.compile(r"^(\d{4})$")
_ECONOMIC = re.compile(r"^(\d{4})/(\d{2})$")


def year_of(label: str) -> int:
    """Return the calendar year in which a printed period ends.

    ``"1913"`` is 1913. ``"1927/28"`` is the Soviet economic year from
    1 October 1927 to 30 September 1928, and ends in 1928.
    Raises :class:`ValueError` for any other form.
    """
    label = label.strip()
    if m := _SINGLE.match(label):
        return int(m.group(1))
    if m := _ECONOMIC.match(label):
        start = int(m.group(1))
        if int(m.group(2)) != (start + 1) % 100:
            raise ValueError(f"period {label!r} does not span two consecutive years")
        return start + 1
    raise ValueError(f"period {label!r} is neither 'YYYY' nor 'YYYY/YY'")
