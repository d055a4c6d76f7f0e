"""Migration to the towns and the urban labour force, 1926–1940, by source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

TSU = "tsu_workers_and_employees.csv"
WOMEN = "tsu_women_share.csv"

PICKS = [
    Pick("britannica_guide_migration.csv", "new hands entered urban work", "Between 1929 and 1932",
         {"indicator": "new_urban_workers", "bound": "about"}),
    Pick("britannica_guide_migration.csv", "of them from the countryside", "Between 1929 and 1932",
         {"indicator": "new_urban_workers_from_countryside", "bound": "about"}),
    Pick("lewin_soviet_century.csv", "towns swelled by", "1926–39",
         {"indicator": "urban_growth", "bound": "as printed"}),
    Pick("lewin_soviet_century.csv", "of them new arrivals", "1926–39",
         {"indicator": "urban_growth_from_arrivals", "bound": "as printed"}),
    Pick("lewin_soviet_century.csv", "through natural growth", "1926–39",
         {"indicator": "urban_growth_from_natural_increase", "bound": "as printed"}),
    Pick("lewin_soviet_century.csv",
         "through administrative decisions to attach larger rural settlements to the category of towns", "1926–39",
         {"indicator": "urban_growth_from_reclassification", "bound": "as printed"}),
    Pick("hoffmann_moving_to_moscow.csv", "peasants who moved permanently to cities", "between 1926 and 1939",
         {"indicator": "peasants_moved_permanently_to_cities", "bound": "at least"}),
    *(Pick(TSU, "Среднегодовая численность рабочих и служащих", year,
           {"indicator": "workers_and_employees", "bound": "as printed"})
      for year in ("1922", "1926", "1928", "1932", "1937", "1940", "1945")),
    *(Pick(WOMEN, "Промышленность", col, {"indicator": "women_share_industry", "bound": "as printed"})
      for col in ("1929 г.", "1933 г.", "На 1 января 1940 г.", "На 1 октября 1945 г.")),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/urban_labour.csv``."""
    return series(PICKS, raw_dir, printed_period=True)
