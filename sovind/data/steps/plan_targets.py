"""Plan targets: the GOELRO plan (1920) and the first Five-Year Plan, from its drafts to its revision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, picked, provenance, quantity

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
    "dvec_2020_goelro_plan.csv": {
        "планировалось строительство 30 электростанций общей установленной мощностью": "capacity",
        "планировалось строительство 30 электростанций": "stations_total",
        "из них 20 — тепловых": "stations_thermal",
        "и 10 — гидравлических": "stations_hydro",
        "довести суммарную годовую выработку электроэнергии до": "generation",
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

#: Table 1 of *Sozdanie fundamenta*: successive drafts, then the two adopted variants,
#: in the order printed. The row label says whose draft it was and its target year.
_DRAFTS = {
    "Перспективы развития народного хозяйства, проект Госплана (1930/31 г.)": "draft-gosplan-perspektivy",
    "Материалы к перспективному плану промышленности ВСНХ (1931/32 г.)": "draft-vsnkh-materialy",
    "Контрольные цифры ВСНХ (1931/32 г.)": "draft-vsnkh-control-1931-32",
    "Директивы ВСНХ (1932/33 г.)": "draft-vsnkh-directives",
    "Контрольные цифры ВСНХ (1932/33 г.)": "draft-vsnkh-control-1932-33",
    "Отправной вариант пятилетки Госплана (1932/33 г.)": "starting",
    "Первый пятилетний план (оптимальный вариант) (1932/33 г.)": "optimal",
}
_PRODUCTS_RU = {"Чугун": "pig_iron", "Железная руда": "iron_ore", "Каменный уголь": "coal", "Нефть": "oil",
                "Цемент": "cement"}
_NO_IRON_ORE = {"Контрольные цифры ВСНХ (1932/33 г.)"}  # printed "—"

FYP1_PRODUCTS = [
    Pick("sozdanie_fundamenta_table1.csv", row, column,
         {"plan": "fyp1-1929", "variant": variant, "indicator": indicator})
    for row, variant in _DRAFTS.items()
    for column, indicator in _PRODUCTS_RU.items()
    if not (row in _NO_IRON_ORE and indicator == "iron_ore")
] + [
    Pick("prudnikova_archival_note_targets.csv", row, column,
         {"plan": "fyp1-1929", "variant": variant, "indicator": indicator})
    for row, indicator in [("Каменный уголь, тыс. т", "coal"), ("Нефть, тыс. т", "oil"),
                           ("Чугун, тыс. т", "pig_iron"), ("Мартен, тыс. т", "open_hearth_steel")]
    for column, variant in [("По оптимальной пятилетке", "optimal"), ("По дополнительным заданиям", "revised")]
] + [
    Pick("k_sudu_istorii_xvi_congress.csv", "производство чугуна в последний год пятилетки", column,
         {"plan": "fyp1-1929", "variant": variant, "indicator": "pig_iron"})
    for column, variant in [("пятилетний план предусматривает", "optimal"), ("решение ЦК", "revised")]
] + [
    Pick("worldhistoryproject_first_fyp.csv", product, "prescribed target",
         {"plan": "fyp1-1929", "variant": "unstated", "indicator": indicator})
    for product, indicator in [("Pig iron", "pig_iron"), ("Steel", "steel"), ("Coal", "coal"), ("Oil", "oil"),
                               ("Electricity", "generation")]
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/plan_targets.csv``."""
    out = []
    for pick in GOELRO + FIRST_FIVE_YEAR_PLAN + FYP1_PRODUCTS:
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
