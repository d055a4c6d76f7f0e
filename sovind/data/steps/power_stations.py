"""Named power stations of the GOELRO programme: dates and capacities, by source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.raw import RawRow, read_raw
from sovind.data.steps._pick import RAW_COLUMNS, Pick, picked, provenance, quantity

STATIONS = "power_stations_named.csv"

#: Station → kind of station. Thermal stations burned coal or peat (see each raw
#: row's note); hydro stations are named as such in their sources.
KIND = {
    "Kashira": "thermal",
    "Shatura": "thermal",
    "Nizhny Novgorod (Balakhna)": "thermal",
    "Volkhov": "hydro",
    "Dneproges": "hydro",
    "Zemo-Avchala": "hydro",
}

#: Printed event descriptions → the event they record.
EVENTS = {
    "first unit put into service": "first_power",
    "construction authorised (design capacity)": "design",
    "first generator started": "first_power",
    "complete first stage on line": "first_stage_complete",
    "station formally opened": "opening",
    "first unit put into operation": "first_power",
    "design capacity reached": "design_capacity_reached",
    "first stage": "first_power",
    "put into operation (design capacity)": "opening",
}

EXTRA = [Pick("aif_2017_dneproges_infographic.csv", "ДнепроГЭС: проектная мощность",
              labels={"station": "Dneproges", "event": "design_capacity_reached"})]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/power_stations.csv``."""
    out = []
    rows = read_raw(STATIONS, RAW_COLUMNS, raw_dir, optional=frozenset({"value", "unit"}))
    for row in rows:
        station, printed = row["table_row"], row["column"]
        if station not in KIND:
            raise row.fail("table_row", f"unknown station {station!r}; known: {', '.join(KIND)}")
        if printed not in EVENTS:
            raise row.fail("column", f"unknown event {printed!r}; known: {', '.join(EVENTS)}")
        out.append(_station_row(row, station, EVENTS[printed]))
    for pick in EXTRA:
        for row in picked(pick, raw_dir):
            out.append(_station_row(row, pick.labels["station"], pick.labels["event"]))
    return out


def _station_row(row: RawRow, station: str, event: str) -> dict[str, Any]:
    capacity, unit = quantity(row) if row["value"] else ("", "")
    return {
        "station": station,
        "kind": KIND[station],
        "event": event,
        "year": row.year(),
        "event_as_printed": row["column"] if row["column"] else row["table_row"],
        "capacity": capacity,
        "unit": unit,
        **provenance(row),
    }
