"""The data package: valid, complete, and every clean value traceable to a raw row."""

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import Package

from sovind.data import bib
from sovind.files import sha256

PACKAGE = json.loads(Path("data/datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}

# An independent statement of the unit conversions, for checking clean values.
FACTORS = {
    ("kWh", "billion kWh"): Decimal("1e-9"),
    ("million kWh", "billion kWh"): Decimal("0.001"),
    ("млн. квтч", "billion kWh"): Decimal("0.001"),
    ("billion kWh", "billion kWh"): Decimal(1),
    ("kW", "MW"): Decimal("0.001"),
    ("тыс. квт", "MW"): Decimal(1),
    ("million kW", "MW"): Decimal(1000),
    ("млн. кВт", "MW"): Decimal(1000),
    ("млн кВт", "MW"): Decimal(1000),
    ("тыс. кВт", "MW"): Decimal(1),
    ("млрд кВт•ч", "billion kWh"): Decimal(1),
    ("млн. бочек", "million barrels"): Decimal(1),
    ("thousand people", "million people"): Decimal("0.001"),
    ("GW", "MW"): Decimal(1000),
    ("MW", "MW"): Decimal(1),
    ("млн. т", "million t"): Decimal(1),
    ("тыс. т", "million t"): Decimal("0.001"),
    ("million tons", "million t"): Decimal(1),
    ("million rubles", "million roubles"): Decimal(1),
    ("billion rubles", "million roubles"): Decimal(1000),
    ("per cent", "per cent"): Decimal(1),
    ("%", "per cent"): Decimal(1),
    ("people", "million people"): Decimal("0.000001"),
    ("wagons", "thousand wagons"): Decimal("0.001"),
    ("million wagons", "thousand wagons"): Decimal(1000),
}


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_package_validates_with_frictionless():
    report = Package("data/datapackage.json").validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_clean_file_is_described_and_hash_matches():
    files = sorted(p.stem for p in Path("data/clean").glob("*.csv"))
    assert files == sorted(RESOURCES)
    for name, resource in RESOURCES.items():
        path = Path("data") / resource["path"]
        assert resource["hash"] == f"sha256:{sha256(path)}", name
        assert resource["bytes"] == path.stat().st_size, name
        assert resource["licenses"], name
        assert resource["sources"], name


def test_every_source_key_resolves_to_a_bib_entry():
    keys = bib.keys()
    for resource in RESOURCES.values():
        used = {v for row in rows(Path("data") / resource["path"]) for k, v in row.items()
                if k == "source" or k.startswith("source_")}
        assert used <= keys, used - keys
        assert {s["key"] for s in resource["sources"]} == used


def test_every_raw_row_names_a_known_source_and_locator():
    keys = bib.keys()
    for path in sorted(Path("data/raw").glob("*.csv")):
        for number, row in enumerate(rows(path), start=2):
            assert row["source"] in keys, f"{path}:{number}"
            assert row["locator"].strip(), f"{path}:{number}"


TRANSCRIBED = sorted(n for n, r in RESOURCES.items()
                     if r["raw"] and not any(f.startswith("external/") for f in r["raw"]))


@pytest.mark.parametrize("name", TRANSCRIBED)
def test_every_clean_value_traces_back_to_its_raw_row(name):
    for row in rows(Path("data") / RESOURCES[name]["path"]):
        raw_rows = rows(Path("data/raw") / row["raw_file"])
        raw = raw_rows[int(row["raw_line"]) - 2]
        assert (raw["source"], raw["locator"]) == (row["source"], row["locator"])
        if not row.get("value", row.get("capacity")):
            assert raw["value"] == ""
            continue
        clean_value = Decimal(row.get("value") or row["capacity"])
        if raw["unit"] == row["unit"]:
            assert clean_value == Decimal(raw["value"])
        else:
            assert clean_value == Decimal(raw["value"]) * FACTORS[(raw["unit"], row["unit"])]
        if "period" in row:
            assert row["period"] == raw["period"]
