import shutil

import pytest
from sovind.params import check_choice, check_int_range

from sovind.data.load import load
from sovind.errors import DataError, ParameterError
from tests.helpers import copy_data, replace_line


def test_check_choice_names_allowed_values():
    assert check_choice("fyp_variant", "optimal", ["starting", "optimal"]) == "optimal"
    with pytest.raises(ParameterError, match="'fyp_variant' is 'pessimal'; allowed values: 'starting', 'optimal'"):
        check_choice("fyp_variant", "pessimal", ["starting", "optimal"])


def test_check_int_range():
    assert check_int_range("year", 1932, 1913, 1940) == 1932
    with pytest.raises(ParameterError, match="allowed range: 1913 to 1940"):
        check_int_range("year", 1950, 1913, 1940)
    with pytest.raises(ParameterError, match="whole year"):
        check_int_range("year", "1932", 1913, 1940)


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
    replace_line(data / "clean" / "electricity_generation.csv", 2, ",47,", ",48,")
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
