"""Output of key industrial products, every published estimate as its own series.

Electricity is not here: every estimate of generation is in ``electricity_generation``, so that
one source's figure for one year is one row in the whole book.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

WHP = "worldhistoryproject_first_fyp.csv"


def _labels(product: str, estimate: str) -> dict[str, str]:
    return {"product": product, "estimate": estimate}


PICKS = [
    *(Pick(WHP, printed, "actual", _labels(product, "worldhistoryproject"))
      for printed, product in [("Pig iron", "pig_iron"), ("Steel", "steel"), ("Coal", "coal"), ("Oil", "oil")]),
    Pick("intrestinghistory_table1.csv", "Чугун, млн. т", "1913", _labels("pig_iron", "intrestinghistory")),
    Pick("intrestinghistory_table1.csv", "Чугун, млн. т", "1928", _labels("pig_iron", "intrestinghistory")),
    Pick("intrestinghistory_table1.csv", "Чугун, млн. т", "1932", _labels("pig_iron", "intrestinghistory")),
    Pick("intrestinghistory_table1.csv", "Чугун, млн. т", "1937", _labels("pig_iron", "intrestinghistory")),
    Pick("intrestinghistory_table1.csv", "Сталь, млн. т", "1913", _labels("steel", "intrestinghistory")),
    Pick("intrestinghistory_table1.csv", "Сталь, млн. т", "1928", _labels("steel", "intrestinghistory")),
    Pick("intrestinghistory_table1.csv", "Сталь, млн. т", "1932", _labels("steel", "intrestinghistory")),
    Pick("intrestinghistory_table1.csv", "Сталь, млн. т", "1937", _labels("steel", "intrestinghistory")),
    Pick("o_staline_p48.csv", "выплавлено чугуна", "фактически", _labels("pig_iron", "o-staline")),
    Pick("o_staline_p48.csv", "выплавка чугуна", "", _labels("pig_iron", "o-staline")),
    Pick("stalin_1946_speech.csv", "чугуна", "", _labels("pig_iron", "stalin-1946")),
    Pick("stalin_1946_speech.csv", "стали", "", _labels("steel", "stalin-1946")),
    Pick("stalin_1946_speech.csv", "угля", "", _labels("coal", "stalin-1946")),
    Pick("stalin_1946_speech.csv", "нефти", "", _labels("oil", "stalin-1946")),
    Pick("time_1956_hard_figures.csv", "Steel production", "from", _labels("steel", "time-1956")),
    Pick("time_1956_hard_figures.csv", "Coal output", "from", _labels("coal", "time-1956")),
    Pick("gosplan_1933_results_cement.csv", "Производство цемента", "в 1927/28 г.",
         _labels("cement", "gosplan-1933-results")),
    Pick("gosplan_1933_results_cement.csv", "Производство цемента", "в 1932 г.",
         _labels("cement", "gosplan-1933-results")),
    Pick("gse_coal_industry_table1.csv", "Coal production of the USSR (millions of tons)", "Total",
         _labels("coal", "gse")),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/industrial_output.csv``."""
    return series(PICKS, raw_dir)
