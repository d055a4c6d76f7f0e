"""Small computations the essays share, on tidy frames from :func:`sovind.load.load`."""

from __future__ import annotations

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
        raise DataError("data/clean/electricity_plan_targets.csv", f"no {indicator!r} target for plan {plan!r}")
    return rows.reset_index(drop=True)
