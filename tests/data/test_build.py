"""make data: deterministic, all-or-nothing."""

import filecmp

import pytest

from sovind.data.build import build_all
from sovind.data.steps import STEPS
from sovind.errors import DataError
from tests.helpers import copy_data, replace_line


def test_build_reproduces_committed_clean_data(tmp_path):
    data = copy_data(tmp_path)
    for path in (data / "clean").glob("*.csv"):
        path.unlink()
    (data / "datapackage.json").unlink()
    assert build_all(data) == list(STEPS)
    for name in STEPS:
        assert filecmp.cmp(data / "clean" / f"{name}.csv", f"data/clean/{name}.csv", shallow=False), name
    assert filecmp.cmp(data / "datapackage.json", "data/datapackage.json", shallow=False)


def test_bad_raw_row_stops_build_and_writes_nothing(tmp_path):
    data = copy_data(tmp_path)
    before = {p.name: p.read_bytes() for p in [*(data / "clean").glob("*.csv"), data / "datapackage.json"]}
    replace_line(data / "raw" / "cia_1952_electric_power.csv", 2, ",47.0,", ",47.O,")
    with pytest.raises(DataError) as caught:
        build_all(data)
    assert "cia_1952_electric_power.csv, line 2, column 'value': '47.O' is not a valid number" in str(caught.value)
    after = {p.name: p.read_bytes() for p in [*(data / "clean").glob("*.csv"), data / "datapackage.json"]}
    assert after == before


def test_renamed_label_is_reported(tmp_path):
    data = copy_data(tmp_path)
    for line in (2, 3):
        replace_line(data / "raw" / "encyclopediacom_electricity_grid.csv", line, "Total output", "Total production")
    with pytest.raises(DataError, match="encyclopediacom_electricity_grid.csv: no row with table_row='Total output'"):
        build_all(data)
