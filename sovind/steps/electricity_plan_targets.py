"""What the GOELRO plan (1920) and the first Five-Year Plan (1929) set out to build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.steps._pick import Pick, picked, provenance, quantity

GOSPLAN = "gosplan_1929_table2_electrification.csv"

# GOELRO: one pick per source and indicator. The plan named no target year: its
# horizon (10–15 years) is itself a row.
_GOELRO_SOURCES = {
    "wikipedia_industrialization_goelro.csv": {
        "district power plants": "stations_total",
        "thermal power plants": "stations_thermal",
        "hydroelectric power plants": "stations_hydro",
        "total capacity": "capacity",
        "major economic regions": "regions",
    },
    "kes_2015_press_release.csv": {
        "районных электрических станций": "stations_total",
        "ТЭС": "stations_thermal",
        "ГЭС": "stations_hydro",
        "общей мощностью": "capacity",
    },
    "aif_2017_dneproges_infographic.csv": {
        "районных электрических станций": "stations_total",
        "ТЭС": "stations_thermal",
        "ГЭС": "stations_hydro",
        "общей мощностью": "capacity",
    },
    "info7_dneproges_opening.csv": {
        "электростанций": "stations_total",
        "общей мощностью": "capacity",
    },
    "gse_goelro_plan.csv": {
        "designed for a period of (lower bound)": "horizon_min",
        "designed for a period of (upper bound)": "horizon_max",
    },
    "loginov_biography_p5.csv": {
        "планировалось увеличить в ... раза (к 1913)": "generation_multiple_of_1913",
    },
}

GOELRO = [
    Pick(file, label, labels={"plan": "goelro-1920", "variant": "as adopted", "indicator": indicator})
    for file, labels in _GOELRO_SOURCES.items()
    for label, indicator in labels.items()
]

FIRST_FIVE_YEAR_PLAN = [
    Pick(GOSPLAN, row, column, {"plan": "fyp1-1929", "variant": variant, "indicator": indicator})
    for row, indicator in [
        ("1. Общая мощность всех электростанций СССР", "capacity"),
        ("2. Производство электроэнергии всеми электростанциями", "generation"),
        ("В том числе: Районными станциями", "generation_district_stations"),
    ]
    for column, variant in [("1932/33 г. Отправной", "starting"), ("1932/33 г. Оптимальный", "optimal")]
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/electricity_plan_targets.csv``."""
    out = []
    for pick in GOELRO + FIRST_FIVE_YEAR_PLAN:
        dated = pick.labels["plan"] != "goelro-1920"
        for row in picked(pick, raw_dir):
            value, unit = quantity(row)
            out.append(
                {
                    **pick.labels,
                    "target_period": row["period"] if dated else "",
                    "target_year": row.year() if dated else "",
                    "value": value,
                    "unit": unit,
                    **provenance(row),
                }
            )
    return out
