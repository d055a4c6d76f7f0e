"""Known-bad clean rows (wrong type, unknown unit, duplicate key, missing source) are rejected."""

import shutil

import pytest

from sovind.data import catalogue
from sovind.data.validate import validate_csv
from sovind.errors import DataError
from tests.helpers import replace_line

SCHEMA = catalogue.resource("electricity_generation")["schema"]


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "electricity_generation.csv"
    shutil.copyfile("data/clean/electricity_generation.csv", path)
    return path


def source_of_second_row(path):
    header, row = path.read_text(encoding="utf-8").splitlines()[:2]
    return row.split(",")[header.split(",").index("source")]


def test_committed_table_is_valid(table):
    validate_csv(table, SCHEMA)


def test_wrong_type(table):
    replace_line(table, 2, ",1940,", ",nineteen-forty,")
    with pytest.raises(DataError, match=r"line 2, column 'year': 'nineteen-forty' is not a valid integer"):
        validate_csv(table, SCHEMA)


def test_unknown_unit(table):
    replace_line(table, 3, ",billion kWh,", ",TWh,")
    with pytest.raises(DataError, match=r"line 3, column 'unit': value not allowed; allowed values: billion kWh"):
        validate_csv(table, SCHEMA)


def test_duplicate_key(table):
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    table.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    with pytest.raises(DataError, match=rf"line {len(lines) + 1}, column 'estimate\+year': duplicate key"):
        validate_csv(table, SCHEMA)


def test_missing_source(table):
    source = source_of_second_row(table)
    replace_line(table, 2, f",{source},", ",,")
    with pytest.raises(DataError, match=r"line 2, column 'source': empty cell"):
        validate_csv(table, SCHEMA)


def test_source_not_in_bibliography(table):
    source = source_of_second_row(table)
    replace_line(table, 2, f",{source},", ",nobody1999,")
    with pytest.raises(DataError, match=r"line 2, column 'source': source key 'nobody1999' is not in"):
        validate_csv(table, SCHEMA)
