"""Small computations the essays share, on tidy frames from :func:`sovind.load.load`."""

from __future__ import annotations

import itertools
import math

import pandas as pd

from sovind.errors import DataError


def value_at(frame: pd.DataFrame, year: int, **where: str) -> float:
    """Return the single ``value`` for ``year`` among rows matching ``where``.

    Raises :class:`DataError` when there is no such row or more than one, naming
    the selection, so that an essay never silently picks one of several estimates.
    """
    mask = frame["year"] == year
    for column, wanted in where.items():
        mask &= frame[column] == wanted
    hits = frame.loc[mask, "value"]
    selection = ", ".join(f"{k}={v!r}" for k, v in where.items())
    if len(hits) != 1:
        found = "no row" if hits.empty else f"{len(hits)} rows"
        raise DataError("data/clean", f"{found} for year {year} with {selection}; expected exactly one")
    return float(hits.iloc[0])


def decimal_year(iso_date: str) -> float:
    """Return a date ("1926-12-17", or the same followed by a note) as a year with a fraction: 1926.96.

    The fraction is the days elapsed since 1 January over the days in that year, so
    1 January is the whole year and a census taken in December sits at the end of it.
    """
    import datetime

    day = datetime.date.fromisoformat(iso_date[:10])
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def ratio(numerator: float, denominator: float) -> float:
    """Return ``numerator / denominator``; raises :class:`ZeroDivisionError` for a zero denominator."""
    if denominator == 0:
        raise ZeroDivisionError("ratio with a zero denominator")
    return numerator / denominator


def percent_of(actual: float, target: float) -> float:
    """Return ``actual`` as a percentage of ``target`` (100 means exactly met)."""
    return 100 * ratio(actual, target)


def first_year_at_least(frame: pd.DataFrame, threshold: float) -> int | None:
    """Return the earliest ``year`` whose ``value`` reaches ``threshold``, or None if none does."""
    reached = frame.loc[frame["value"] >= threshold, "year"]
    return int(reached.min()) if not reached.empty else None


def targets(frame: pd.DataFrame, plan: str, indicator: str) -> pd.DataFrame:
    """Return a plan's targets for one indicator, one row per source and variant."""
    rows = frame[(frame["plan"] == plan) & (frame["indicator"] == indicator)]
    if rows.empty:
        raise DataError("data/clean/plan_targets.csv", f"no {indicator!r} target for plan {plan!r}")
    return rows.reset_index(drop=True)


class ComparisonError(ValueError):
    """Two sets of values of different kinds of period or territory were compared without saying why."""


def _values(frame: pd.DataFrame, columns: tuple[str, ...], ignore: frozenset[str] = frozenset()) -> set[str]:
    found: set[str] = set()
    for column in columns:
        if column in frame:
            found |= {str(v) for v in frame[column].dropna()} - ignore - {""}
    return found


def check_comparable(left: pd.DataFrame, right: pd.DataFrame, *, across: str | None = None) -> None:
    """Refuse to compare values of different kinds of period or different territories, unless declared.

    Kinds come from ``period_kind`` or ``target_period_kind`` columns, territories
    from ``territory`` (``"not stated"`` is not a territory). ``across`` is the
    essay's reason why the comparison is meaningful all the same, e.g. that a
    plan's last economic year is set against the calendar year in which the plan
    was declared fulfilled; with it, anything may be compared.
    """
    if across:
        return
    for what, columns, ignore in [("periods", ("period_kind", "target_period_kind"), frozenset()),
                                  ("territories", ("territory",), frozenset({"not stated"}))]:
        kinds = _values(left, columns, ignore) | _values(right, columns, ignore)
        if len(kinds) > 1:
            raise ComparisonError(f"comparing different {what} ({', '.join(sorted(kinds))}); if that is meant, "
                                  "say why with across=\"...\"")


def fulfilment(outcomes: pd.DataFrame, goals: pd.DataFrame, *, key: str = "product",
               across: str | None = None) -> pd.DataFrame:
    """Return actual output as a percentage of target, one row per target.

    ``outcomes`` has one row per ``key`` with ``value`` (the outcome); ``goals``
    has one or more rows per ``key`` with ``value`` (the target) and ``source``.
    Keys present in only one frame are left out. Several targets for one key
    (from different sources) each give their own row: nothing is averaged.
    Outcomes and targets of different kinds of period or territory are refused
    unless ``across`` says why they may be compared (:func:`check_comparable`).
    """
    check_comparable(outcomes, goals, across=across)
    if outcomes[key].duplicated().any():
        raise DataError("outcomes", f"more than one outcome per {key}: choose one estimate first")
    merged = goals.rename(columns={"value": "target", "source": "target_source"}).merge(
        outcomes[[key, "value"]].rename(columns={"value": "actual"}), on=key, how="inner"
    )
    merged["percent"] = 100 * merged["actual"] / merged["target"]
    return merged.sort_values([key, "target_source"]).reset_index(drop=True)


def index_to_base(
    frame: pd.DataFrame, base_year: int, *, by: tuple[str, ...] = ("product", "estimate")
) -> pd.DataFrame:
    """Return ``frame`` with ``index`` = value ÷ value in ``base_year`` × 100, within each ``by`` group.

    Groups without a value in the base year are dropped rather than chained to
    another source's base: an index never mixes two estimates.
    """
    base = frame.loc[frame["year"] == base_year, [*by, "value"]].rename(columns={"value": "base_value"})
    if base.duplicated(list(by)).any():
        raise DataError("index_to_base", f"more than one base-year value per {by}")
    out = frame.merge(base, on=list(by), how="inner")
    out["index"] = 100 * out["value"] / out["base_value"]
    return out.drop(columns="base_value").sort_values([*by, "year"]).reset_index(drop=True)


def shares(parts: pd.DataFrame, total: float) -> pd.DataFrame:
    """Return ``parts`` with ``share`` = value ÷ ``total`` × 100.

    Raises :class:`DataError` when the parts add up to more than the total, which
    would mean they do not belong to it.
    """
    if parts["value"].sum() > total:
        raise DataError("shares", f"parts add up to {parts['value'].sum():g}, more than the total {total:g}")
    return parts.assign(share=100 * parts["value"] / total)


def spread(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Return, for each ``key``, how many estimates there are and their lowest and highest value."""
    grouped = frame.groupby(key)["value"]
    return pd.DataFrame({"n": grouped.size(), "low": grouped.min(), "high": grouped.max()}).reset_index()


#: Ways to interpolate the urban share between two censuses.
INTERPOLATIONS = ("linear", "logistic")


def _logit(percent: float) -> float:
    p = percent / 100
    if not 0 < p < 1:
        raise ValueError(f"a logistic interpolation needs shares strictly between 0 and 100, not {percent}")
    return math.log(p / (1 - p))


def interpolate_share(years: list[float], percents: list[float], at: float, method: str) -> float:
    """Return the share (per cent) in year ``at``, interpolated between the censuses around it.

    ``linear`` draws a straight line in the share; ``logistic`` draws a straight
    line in the log-odds of the share, the S-curve of urban transitions. Outside
    the first and last census nothing is extrapolated: a :class:`ValueError` is raised.
    """
    if method not in INTERPOLATIONS:
        raise ValueError(f"unknown interpolation {method!r}; allowed values: {', '.join(INTERPOLATIONS)}")
    points = sorted(zip(years, percents, strict=True))
    for (y0, s0), (y1, s1) in itertools.pairwise(points):
        if y0 <= at <= y1:
            t = (at - y0) / (y1 - y0)
            if method == "linear":
                return s0 + t * (s1 - s0)
            z = _logit(s0) + t * (_logit(s1) - _logit(s0))
            return 100 / (1 + math.exp(-z))
    raise ValueError(f"year {at} lies outside the censuses {points[0][0]}–{points[-1][0]}")


def crossing_year(years: list[float], percents: list[float], level: float, method: str) -> float | None:
    """Return the (fractional) year in which the interpolated share first reaches ``level`` per cent.

    Returns None if no census interval crosses the level.
    """
    if method not in INTERPOLATIONS:
        raise ValueError(f"unknown interpolation {method!r}; allowed values: {', '.join(INTERPOLATIONS)}")
    points = sorted(zip(years, percents, strict=True))
    for (y0, s0), (y1, s1) in itertools.pairwise(points):
        if s0 < level <= s1:
            if method == "linear":
                return y0 + (level - s0) / (s1 - s0) * (y1 - y0)
            return y0 + (_logit(level) - _logit(s0)) / (_logit(s1) - _logit(s0)) * (y1 - y0)
    return None
