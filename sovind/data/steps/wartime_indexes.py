"""Official indexes of the Soviet war economy, 1941–1945 (1940 = 100), as a German history tabulates them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

SEGBERS = "german_history_segbers_tables.csv"

#: The table's indicators (as printed) → the book's indicator names.
INDICATORS = {
    "Nationaleinkommen": "national income",
    "Gesamtindustrieproduktion": "gross industrial output",
    "Rüstungsindustrie": "armaments industry",
    "Landwirtschaftliche Bruttoproduktion": "gross agricultural output",
    "Güterumschlag aller Transportzweige": "freight, all modes of transport",
    "Kapitalinvestitionen": "capital investment",
    "Zahl der Arbeiter und Angestellten": "workers and employees",
    "Umfang des Einzelhandels": "retail trade",
}

PICKS = [Pick(SEGBERS, printed, "Kennziffer", {"indicator": name}) for printed, name in INDICATORS.items()]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/wartime_indexes.csv``."""
    return series(PICKS, raw_dir)
