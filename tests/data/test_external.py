"""Machine-readable sources: provenance, hashes, key values checked against an independent reading, placeholders."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from sovind.data import bib
from sovind.data.external import source_file
from sovind.errors import DataError

EXTERNAL = Path("data/raw/external")
FOLDERS = sorted(p.name for p in EXTERNAL.iterdir() if p.is_dir())
CLASSES = {"official-statistics", "plan-document", "archival", "scholarly", "reference-work", "press", "popular",
           "partisan"}


def record(folder: str) -> dict:
    return yaml.safe_load((EXTERNAL / folder / "provenance.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_fetched_file_is_recorded_with_its_hash_and_publication(folder):
    entries = record(folder)["files"]
    listed = {e["file"] for e in entries}
    present = {p.name for p in (EXTERNAL / folder).iterdir()} - {"provenance.yaml"}
    assert listed == present
    for entry in entries:
        data = (EXTERNAL / folder / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"], entry["file"]
        assert len(entry["commit"]) == 40 and entry["repository"] and entry["path"]
        assert entry.get("publication", record(folder)["publication"]) in bib.keys()
    assert record(folder)["licence"]


def test_a_changed_file_is_refused_naming_it(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(EXTERNAL / "cow_nmc", raw / "external" / "cow_nmc")
    path = raw / "external" / "cow_nmc" / "NMC-60-abridged.csv"
    path.write_bytes(path.read_bytes().replace(b",4918,", b",4919,"))
    with pytest.raises(DataError, match="NMC-60-abridged.csv: SHA-256 differs from cow_nmc/provenance.yaml"):
        source_file("cow_nmc", "NMC-60-abridged.csv", raw)


def _select(frame: pd.DataFrame, where: str) -> pd.DataFrame:
    for condition in where.split(";"):
        column, value = condition.split("=", 1)
        frame = frame[frame[column].astype(str) == value]
    return frame


KEY_VALUES = list(csv.DictReader(Path("tests/data/key_values.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("case", KEY_VALUES, ids=lambda c: f"{c['dataset']}:{c['where']}")
def test_key_values_match_an_independent_reading_of_the_source(case):
    frame = pd.read_csv(Path("data/clean") / f"{case['dataset']}.csv")
    found = _select(frame, case["where"])
    assert len(found) == 1, f"{len(found)} rows match {case['where']}"
    assert float(found["value"].iloc[0]) == pytest.approx(float(case["value"]), rel=1e-9)


def test_placeholders_are_left_out_and_logged_with_a_reason():
    series = pd.read_csv("data/clean/annual_series.csv")
    excluded = pd.read_csv("data/clean/excluded_values.csv", keep_default_na=False)
    steel = series[(series["estimate"] == "cow-nmc-6") & (series["series"] == "steel")]
    assert not set(range(1941, 1945)) & set(steel["year"])
    gdp = series[(series["estimate"] == "maddison-2010") & (series["series"] == "gdp")]
    assert gdp["year"].max() == 1940
    logged = excluded[excluded["reason"].str.contains("placeholder|interpolation")]
    assert len(logged) == 4 + 5
    # the Maddison (2010) wartime cells really are one repeated figure: read the source file itself
    with (EXTERNAL / "maddison_2010_2013" / "horizontal-file_02-2010-gdp.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    ussr = next(r for r in rows if r[0].strip() == "Total Former USSR")
    wartime = {ussr[rows[0].index(str(y))] for y in range(1941, 1946)}
    assert wartime == {"333,656"}


def test_every_source_has_a_class_and_a_reason():
    for key, entry in bib.entries().entries.items():
        assert entry.fields.get("sourceclass") in CLASSES, key
        assert len(entry.fields.get("classreason", "")) > 20, key
