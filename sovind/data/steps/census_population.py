"""Census population, total, urban and rural, each published variant kept apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series


def _p(file: str, row: str, column: str, variant: str, measure: str, status: str = "census") -> Pick:
    return Pick(file, row, column, {"variant": variant, "measure": measure, "status": status})


IST = "istmat_naselenie_ch2.csv"
TSU = "tsu_1979_preliminary_census.csv"
WIKI = "wikipedia_soviet_census_table.csv"
LEWIN = "lewin_soviet_century.csv"

PICKS = [
    # The official series as Soviet statistics printed it, rounded to 0.1 million.
    *(_p(IST, row, col, "official", measure)
      for col in ("1926, 17 дек.", "1939, 17 янв.")
      for row, measure in [("сельское население", "rural"), ("городское население", "urban"),
                           ("всё население", "total")]),
    *(_p(TSU, f"{label} population", col, "official", label.lower())
      for col in ("1959 (according to Jan. 15 census)", "1970 (according to Jan. 15 census)")
      for label in ("Total", "Urban", "Rural")),
    *(_p(TSU, f"{label} population", "1940 (estimate for present borders)", "official-1940-borders",
         label.lower(), "estimate") for label in ("Total", "Urban", "Rural")),
    # Exact counts as the English Wikipedia tabulates them: 1939 is the later, revised total.
    *(_p(WIKI, row, str(year), "wikipedia-exact", measure, "annulled census" if year == 1937 else "census")
      for year in (1926, 1937, 1939, 1959, 1970)
      for row, measure in [("population", "total"), ("urban", "urban")]),
    # The first official release of 1939, exact.
    _p("frus_1939_census_despatch.csv", "total population of the U. S. S. R.", "January 17 1939", "first-release-exact",
       "total"),
    _p("waikato_times_1939_census.csv", "total urban population", "January 17, 1939", "first-release-exact", "urban"),
    # A historian's rounded 1939 figures.
    _p(LEWIN, "total population", "January 1939 census", "lewin", "total"),
    _p(LEWIN, "in the countryside", "January 1939 census", "lewin", "rural"),
    _p(LEWIN, "in the towns", "January 1939 census", "lewin", "urban"),
]


def territory(row: dict[str, Any]) -> str:
    """Return the territory of a row: the censuses before the 1939-40 annexations, the 1940 estimate, or after 1945."""
    if row["status"] == "estimate":
        return "postwar-ussr"  # printed "estimate for present borders" in a publication of 1979
    return "interwar-ussr" if int(row["year"]) <= 1939 else "postwar-ussr"


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/census_population.csv``: a census counts on its census day."""
    rows = series(PICKS, raw_dir, printed_period=True)
    return [{**row, "period_kind": "point-in-time" if "census" in row["status"] else "year",
             "territory": territory(row)} for row in rows]
