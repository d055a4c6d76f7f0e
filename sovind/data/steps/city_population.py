"""Population of major and new industrial cities, by source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.raw import read_raw
from sovind.data.steps._pick import RAW_COLUMNS, Pick, series

#: Printed city names → one name per city (the name in use at the 1939 census).
CITY = {"Gorki": "Gorky", "Cheliabinsk": "Chelyabinsk", "Novokuznetsk": "Stalinsk (Novokuznetsk)"}
FILES = ("frus_1939_census_despatch.csv", "gse_city_articles.csv", "wikipedia_soviet_census_table.csv",
         "hoffmann_moving_to_moscow.csv")
NOT_CITIES = {"total population of the U. S. S. R.", "population", "urban",
              "peasants who moved permanently to cities"}


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/city_population.csv``: every city row of the listed raw files."""
    picks = []
    for file in FILES:
        seen = set()
        for row in read_raw(file, RAW_COLUMNS, raw_dir, optional=frozenset({"column"})):
            label = row["table_row"].removesuffix("'s population")
            if row["table_row"] in NOT_CITIES or (row["table_row"], row["column"]) in seen:
                continue
            seen.add((row["table_row"], row["column"]))
            picks.append(Pick(file, row["table_row"], row["column"], {"city": CITY.get(label, label)}))
    return series(picks, raw_dir, printed_period=True)
