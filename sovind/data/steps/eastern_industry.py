"""The east in the war economy: its share of the union's output, Urals coal, and how soon moved plants restarted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

ENCYCLOPEDIA = "gpw_encyclopedia_eastern_regions.csv"
PARAMONOV = "paramonov_2005_urals.csv"
SEGBERS = "german_history_segbers_tables.csv"
WERTH = "werth_russia_at_war_p114_p117.csv"
WEST_SIBERIA = "snegiryova_safonova_west_siberia.csv"
WAR = "за годы войны"
EAST = "eastern regions"

#: The German table's products (as printed) → the book's item names.
SEGBERS_ITEMS = {
    "Eisenerz": "iron ore", "Manganerz": "manganese ore", "Roheisen": "pig iron", "Stahl": "steel",
    "Walzgut": "rolled steel", "Koks": "coke", "Kohle": "coal", "Öl": "oil", "Werkzeugmaschinen": "machine tools",
    "Traktoren": "tractors", "Elektrizität": "electricity", "Gesamtertrag der Getreideernte": "grain harvest",
}


def _p(file: str, row: str, column: str, region: str, item: str, bound: str = "as printed") -> Pick:
    return Pick(file, row, column, {"region": region, "item": item, "bound": bound})


PICKS = [
    _p(ENCYCLOPEDIA, "промышленные предприятия восточных районов производили военной продукции", "к лету 1941", EAST,
       "military output"),
    _p(ENCYCLOPEDIA, "эвакуированные предприятия вступили в строй (от)", "в среднем", EAST,
       "months until moved plants restarted, from"),
    _p(ENCYCLOPEDIA, "эвакуированные предприятия вступили в строй (до)", "в среднем", EAST,
       "months until moved plants restarted, to"),
    *(_p(SEGBERS, printed, year, EAST, item) for printed, item in SEGBERS_ITEMS.items() for year in ("1940", "1942")),
    _p(PARAMONOV, "на Урале производилось чугуна", WAR, "Urals", "pig iron"),
    _p(PARAMONOV, "на Урале производилось стали", WAR, "Urals", "steel"),
    _p(PARAMONOV, "на Урале производилось проката", WAR, "Urals", "rolled steel"),
    _p(PARAMONOV, "на Урале добывалось угля", WAR, "Urals", "coal"),
    _p(PARAMONOV, "на Урале вырабатывалось электроэнергии", WAR, "Urals", "electricity"),
    _p(PARAMONOV, "уральская промышленность давала всей боевой техники и вооружения", WAR, "Urals",
       "military equipment and arms", "about"),
    _p(PARAMONOV, "предприятий перебазированные на Урал", WAR, "Urals", "enterprises moved there", "almost"),
    _p(PARAMONOV, "удельный вес Урала в общесоюзной добыче угля", "1940 г.", "Urals", "coal"),
    _p(PARAMONOV, "удельный вес Урала в общесоюзной добыче угля", "1945 г.", "Urals", "coal"),
    _p(PARAMONOV, "добыча угля на Урале", "1940 г.", "Urals", "coal mined"),
    _p(PARAMONOV, "добыча угля на Урале", "1945 г.", "Urals", "coal mined"),
    _p(WEST_SIBERIA, "enterprises evacuated to Western Siberia", "here", "Western Siberia", "enterprises moved there"),
    _p(WEST_SIBERIA, "evacuated civilian population received by Western Siberia", "here", "Western Siberia",
       "evacuated civilians received"),
    _p(WERTH, "first T-34 tanks assembled in the Urals by the evacuated Kharkov Tank Works", "by December 8", "Urals",
       "first tanks of the moved Kharkov works"),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/eastern_industry.csv``."""
    return series(PICKS, raw_dir, printed_period=True)
