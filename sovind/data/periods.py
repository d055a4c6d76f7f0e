"""Periods as printed ("1913", "1927/28", "1928/29–1932/33") : their kind and the calendar year they end in.

The kinds (:data:`KINDS`) are kept apart in the data, in a ``period_kind``
column beside each printed period, so that an economic year is never silently
compared with a calendar year, nor a five-year total with a single year.
"""

from __future__ import annotations

import re

#: What each kind of period means.
KINDS = {
    "year": "a year as printed: the calendar year, unless the source's note says otherwise",
    "calendar": "a calendar year, as the source states",
    "economic": "a Soviet economic year, 1 October to 30 September, printed 1927/28",
    "special-quarter": "October-December 1932, the quarter between the last economic year and the first calendar "
                       "plan year",
    "cumulative": "several years taken together, such as the five plan years 1928/29-1932/33",
    "point-in-time": "a date, such as a census day or 1 January",
}

_SINGLE = re.compile(r"^(\d{4})$")
_ECONOMIC = re.compile(r"^(\d{4})/(\d{2})$")
_RANGE = re.compile(r"^(.+?)\s*[–-]\s*(.+)$")
_MONTH_YEAR = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December) (\d{4})$")
_SPECIAL_QUARTER = "October–December 1932"


def _economic_end(label: str) -> int | None:
    m = _ECONOMIC.match(label)
    if not m:
        return None
    start = int(m.group(1))
    if int(m.group(2)) != (start + 1) % 100:
        raise ValueError(f"period {label!r} does not span two consecutive years")
    return start + 1


def _end(label: str) -> int | None:
    if m := _SINGLE.match(label):
        return int(m.group(1))
    if m := _MONTH_YEAR.match(label):
        return int(m.group(1))
    return _economic_end(label)


def kind_of(label: str) -> str:
    """Return the kind of a printed period (one of :data:`KINDS`); raise for a form not known."""
    label = label.strip()
    if label == _SPECIAL_QUARTER:
        return "special-quarter"
    if _SINGLE.match(label):
        return "year"
    if _economic_end(label) is not None:
        return "economic"
    if (m := _RANGE.match(label)) and _end(m.group(1)) is not None and _end(m.group(2)) is not None:
        return "cumulative"
    raise ValueError(f"period {label!r} is neither 'YYYY', 'YYYY/YY', '{_SPECIAL_QUARTER}' nor a range of them "
                     "('1928/29–1932/33', 'October 1928–December 1932')")


def year_of(label: str) -> int:
    """Return the calendar year in which a printed period ends.

    ``"1913"`` is 1913. ``"1927/28"`` is the Soviet economic year from
    1 October 1927 to 30 September 1928, and ends in 1928. A range ends where
    its last part ends: ``"1928/29–1932/33"`` in 1933. Raises
    :class:`ValueError` for any other form.
    """
    label = label.strip()
    kind = kind_of(label)
    if kind == "special-quarter":
        return 1932
    if kind == "cumulative":
        m = _RANGE.match(label)
        start, end = _end(m.group(1)), _end(m.group(2))
        if start is None or end is None or end < start:
            raise ValueError(f"period {label!r} does not run forwards")
        return end
    return _end(label)  # type: ignore[return-value]


#: English for the periods and qualifiers that Russian sources print (the data keep the printed words).
PRINTED_IN_ENGLISH = {
    "За вторую половину 1941 года": "in the second half of 1941",
    "С июля по ноябрь 1941 г.": "from July to November 1941",
    "июле-ноябре 1941 г.": "in July–November 1941",
    "июне-декабре 1941 г.": "in June–December 1941",
    "в 1941-1942 гг.": "in 1941–1942",
    "к концу 1942 года": "by the end of 1942",
    "за годы войны": "over the years of the war",
    "за время работы Совета": "while the Evacuation Council was at work",
    "за время войны": "during the war",
    "с июня 1941 года по осень 1942-го": "from June 1941 to the autumn of 1942",
    "до войны в оккупированных областях": "before the war, in the occupied regions",
    "во второй половине 1941": "in the second half of 1941",
}


def in_english(printed: str) -> str:
    """Return a period or qualifier as printed in a Russian source in English; other text unchanged."""
    return PRINTED_IN_ENGLISH.get(printed, printed)
