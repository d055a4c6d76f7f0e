import shutil

import pytest

from sovind.data.load import load
from sovind.errors import DataError
from tests.helpers import copy_data, replace_line, set_cell


def test_load_types_columns_by_schema():
    frame = load("electricity_generation")
    assert str(frame["year"].dtype) == "Int64"
    assert str(frame["value"].dtype) == "float64"
    assert frame["source"].notna().all()


def test_load_unknown_dataset_lists_names():
    with pytest.raises(KeyError, match="datasets: .*electricity_generation"):
        load("coal_output")


def test_load_rejects_hand_edited_file(tmp_path):
    data = copy_data(tmp_path)
    old = set_cell(data / "clean" / "electricity_generation.csv", 2, "value", "")
    set_cell(data / "clean" / "electricity_generation.csv", 2, "value", str(float(old) + 1))
    with pytest.raises(DataError, match="differs from the hash in data/datapackage.json; run `make data`"):
        load("electricity_generation", data)


def test_load_rejects_invalid_file_before_hash(tmp_path):
    data = copy_data(tmp_path)
    replace_line(data / "clean" / "power_capacity.csv", 3, ",MW,", ",kW,")
    with pytest.raises(DataError, match="line 3, column 'unit'"):
        load("power_capacity", data)


def test_load_missing_file(tmp_path):
    data = copy_data(tmp_path)
    shutil.move(data / "clean" / "power_stations.csv", tmp_path / "elsewhere.csv")
    with pytest.raises(DataError, match="file not found; run `make data`"):
        load("power_stations", data)
