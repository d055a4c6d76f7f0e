"""Which series the data hold for which years, 1913–1945, and from what class of source.

``python -m sovind coverage`` prints the matrix; the data catalogue shows it. A
cell holds the best class of source among the values for that series and year,
as one letter (see :data:`LETTERS`); a dot means no value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from sovind import paths
from sovind.data import bib, catalogue

YEARS = range(1913, 1946)

#: Source classes from best to weakest, each with its letter in the matrix.
CLASSES = ["official-statistics", "plan-document", "archival", "scholarly", "reference-work", "press", "popular",
           "partisan"]
LETTERS = {"official-statistics": "O", "plan-document": "P", "archival": "A", "scholarly": "S",
           "reference-work": "R", "press": "N", "popular": "U", "partisan": "X"}
#: How each class reads in prose, captions and source lines.
LABELS = {"official-statistics": "official statistics", "plan-document": "plan document", "archival": "archival",
          "scholarly": "scholarly", "reference-work": "reference work", "press": "press", "popular": "popular",
          "partisan": "partisan"}
#: The classes a default or a headline may rest on.
STRONG = {"official-statistics", "plan-document", "archival", "scholarly"}


def source_class(key: str) -> str:
    """Return the class of a source (``sourceclass`` in ``data/references.bib``)."""
    return bib.entries().entries[key].fields["sourceclass"]


@dataclass(frozen=True)
class Series:
    """A row of the coverage matrix: a name, and how to find its values in one dataset."""

    name: str
    dataset: str
    select: Callable[[pd.DataFrame], pd.DataFrame]


def _where(**equal: object) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def select(frame: pd.DataFrame) -> pd.DataFrame:
        for column, value in equal.items():
            frame = frame[frame[column] == value]
        return frame
    return select


def _excluding(column: str, value: object) -> Callable[[pd.DataFrame], pd.DataFrame]:
    return lambda frame: frame[frame[column] != value]


SERIES = [
    Series("steel", "annual_series", _where(series="steel")),
    Series("pig iron", "annual_series", _where(series="pig_iron")),
    Series("coal", "annual_series", _where(series="coal_energy")),
    Series("oil", "annual_series", _where(series="oil_energy")),
    Series("GDP", "annual_series", _where(series="gdp")),
    Series("GDP per head", "annual_series", _where(series="gdp_per_head")),
    Series("population", "annual_series", _where(series="population")),
    Series("gross industrial output", "gross_industrial_output", _where(table="F-1", series="All industry")),
    Series("producer goods (Group A)", "gross_industrial_output", _where(table="F-1", series='Group "A"')),
    Series("consumer goods (Group B)", "gross_industrial_output", _where(table="F-1", series='Group "B"')),
    Series("electricity generation", "electricity_generation", lambda f: f),
    Series("generating capacity", "power_capacity", lambda f: f),
    Series("census: total", "census_counts", _where(measure="total")),
    Series("census: urban and rural", "census_counts", _where(measure="urban")),
]


def read(name: str) -> pd.DataFrame:
    """Read a clean table as built (``make data`` validated it; the essays' loads check it again)."""
    return pd.read_csv(paths.DATA / catalogue.resource(name)["path"], keep_default_na=False, na_values=[""])


def matrix() -> pd.DataFrame:
    """Return the series × year matrix: the best source class of each cell, or ``None``."""
    cells: dict[str, dict[int, str | None]] = {}
    for series in SERIES:
        frame = series.select(read(series.dataset))
        years = frame["census"] if "census" in frame else frame["year"]
        best: dict[int, str | None] = {year: None for year in YEARS}
        for year, key in zip(years, frame["source"], strict=True):
            if int(year) in best:
                cls = source_class(key)
                current = best[int(year)]
                if current is None or CLASSES.index(cls) < CLASSES.index(current):
                    best[int(year)] = cls
        cells[series.name] = best
    return pd.DataFrame(cells).T[list(YEARS)]


def letters(table: pd.DataFrame) -> pd.DataFrame:
    """Return the matrix with each class as its letter and empty cells as a dot."""
    return table.apply(lambda column: column.map(lambda c: LETTERS[c] if isinstance(c, str) else "."))


def text(table: pd.DataFrame) -> str:
    """Return the matrix as fixed-width text, years as two digits, with its key."""
    shown = letters(table)
    width = max(len(name) for name in shown.index)
    lines = [" " * width + " " + " ".join(f"{y % 100:02d}" for y in shown.columns)]
    lines += [f"{name:<{width}} " + " ".join(f"{cell:>2}" for cell in row) for name, row in shown.iterrows()]
    lines += ["", "Key: " + ", ".join(f"{letter} {cls}" for cls, letter in LETTERS.items()) + ", . no value."]
    return "\n".join(lines)


def strong_cells(table: pd.DataFrame) -> int:
    """Count the cells whose best source is official statistics, a plan, an archive or scholarship."""
    return int(table.isin(STRONG).sum().sum())
