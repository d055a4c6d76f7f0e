"""Shares of pre-war output and population in the territory the Soviet Union lost, by source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series


def _p(file: str, row: str, column: str, estimate: str, item: str, bound: str = "as printed") -> Pick:
    return Pick(file, row, column, {"estimate": estimate, "item": item, "bound": bound})


ERICKSON = "erickson_battle_of_moscow.csv"
E_COL = "lost in areas invested by the enemy"
GKO = "gko_postanovlyaet_losses.csv"
WIKI = "wikipedia_soviet_industry_ww2.csv"

PICKS = [
    _p(ERICKSON, "coal production", E_COL, "erickson", "coal"),
    _p(ERICKSON, "pig-iron", E_COL, "erickson", "pig_iron"),
    _p(ERICKSON, "steel", E_COL, "erickson", "steel"),
    _p(ERICKSON, "aluminium", E_COL, "erickson", "aluminium"),
    _p(ERICKSON, "grain production", E_COL, "erickson", "grain"),
    _p(GKO, "чугуну", "за время войны", "gko-postanovlyaet", "pig_iron"),
    _p(GKO, "стали", "за время войны", "gko-postanovlyaet", "steel"),
    _p(GKO, "угля", "за время войны", "gko-postanovlyaet", "coal"),
    _p(GKO, "электроэнергии", "за время войны", "gko-postanovlyaet", "electricity"),
    _p(GKO, "населением", "за время войны", "gko-postanovlyaet", "population"),
    *(_p(WIKI, "total coal, pig iron, and aluminum production", "occupied or isolated territory", "wikipedia", item,
         "over") for item in ("coal", "pig_iron", "aluminium")),
    _p(WIKI, "total grain production", "occupied or isolated territory", "wikipedia", "grain", "nearly"),
    _p(WIKI, "Soviet population before the war", "occupied or isolated territory", "wikipedia", "population"),
    _p("werth_russia_at_war_p114_p117.csv", "coal output lost", "when the Germans had overrun the Donbas", "werth",
       "coal", "over"),
    _p("dobb_economic_effects.csv", "total population", "by the winter of 1941-2", "dobb", "population", "some"),
    _p("dobb_economic_effects.csv", "coal output", "by the winter of 1941-2", "dobb", "coal", "over"),
    _p("polyak_world_economy.csv", "total population of the USSR", "in 1941 under temporary occupation", "polyak",
       "population"),
    _p("polyak_world_economy.csv", "gross output", "in 1941 under temporary occupation", "polyak",
       "industrial_output"),
    _p("goldman_filtzer_fortress.csv", "довоенного населения", "с июня 1941 года по осень 1942-го", "goldman-filtzer",
       "population"),
    _p("goldman_filtzer_fortress.csv", "промышленного производства 1940 года", "с июня 1941 года по осень 1942-го",
       "goldman-filtzer", "industrial_output"),
    *(_p("wikipedia_industrialization_ww2.csv", row, "by the beginning of the winter of 1941", "lelchuk-via-wikipedia",
         item) for row, item in [("population of the Soviet Union lived", "population"),
                                  ("of coal were mined", "coal"), ("of pig iron smelted", "pig_iron")]),
    _p("muller_wehrmacht_occupation.csv", "сбора зерна", "до войны в оккупированных областях", "muller", "grain"),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/occupied_shares.csv``."""
    return series(PICKS, raw_dir, printed_period=True)
