"""Known-bad raw rows are rejected with an error naming file, line and column."""

import pytest

from sovind.data.raw import read_raw
from sovind.data.steps._pick import RAW_COLUMNS
from sovind.errors import DataError

HEADER = "table_row,column,period,value,unit,source,locator,note\n"
GOOD = "generation,,1913,2,billion kWh,wiki_industrialization,Section GOELRO,\n"


def write(tmp_path, *rows, header=HEADER):
    path = tmp_path / "sample.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


def test_good_file_reads(tmp_path):
    write(tmp_path, GOOD)
    rows = read_raw("sample.csv", RAW_COLUMNS, tmp_path, optional=frozenset({"column"}))
    assert [(r.line, r["period"], r.decimal("value"), r.year(), r.unit()) for r in rows] == [
        (2, "1913", 2, 1913, "billion kWh")
    ]


@pytest.mark.parametrize(
    ("bad_row", "column", "message"),
    [
        ("generation,,1913,two,billion kWh,wiki_industrialization,Section GOELRO,\n", "value",
         "'two' is not a valid number"),
        ("generation,,1913,2,furlongs,wiki_industrialization,Section GOELRO,\n", "unit", "unknown unit"),
        ("generation,,1913,2,billion kWh,,Section GOELRO,\n", "source", "required: Every value needs a citation key"),
        ("generation,,1913,2,billion kWh,no_such_key,Section GOELRO,\n", "source", "not in data/references.bib"),
        ("generation,,1913,2,billion kWh,wiki_industrialization,,\n", "locator", "required: Give the page, table"),
        ("generation,,c. 1913,2,billion kWh,wiki_industrialization,Section GOELRO,\n", "period", "neither"),
    ],
)
def test_bad_row_names_file_line_and_column(tmp_path, bad_row, column, message):
    write(tmp_path, GOOD, bad_row)
    with pytest.raises(DataError) as caught:
        rows = read_raw("sample.csv", RAW_COLUMNS, tmp_path, optional=frozenset({"column"}))
        for row in rows:  # value, unit and period are checked when a step reads them
            row.decimal("value"), row.unit(), row.year()
    error = caught.value
    assert (error.file.endswith("sample.csv"), error.line, error.column) == (True, 3, column)
    assert message in str(error)
    assert f"line 3, column '{column}'" in str(error)


def test_missing_column_is_named(tmp_path):
    write(tmp_path, "generation,,1913,2,billion kWh,wiki_industrialization,\n",
          header="table_row,column,period,value,unit,source,note\n")
    with pytest.raises(DataError, match="line 1, column 'locator': missing column"):
        read_raw("sample.csv", RAW_COLUMNS, tmp_path, optional=frozenset({"column"}))


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match="nothing.csv: file not found"):
        read_raw("nothing.csv", RAW_COLUMNS, tmp_path)


@pytest.mark.parametrize(("bad_row", "column", "message"), [
    ("generation,,2940,2,billion kWh,wiki_industrialization,Section GOELRO,\n", "period", "year 2940 is outside"),
    ("=HYPERLINK(1),,1913,2,billion kWh,wiki_industrialization,Section GOELRO,\n", "table_row", "as a formula"),
    ("generation,,1913,2,billion kWh,wiki_industrialization,@SUM(A1),\n", "locator", "as a formula"),
    ("generation,,1913,4.7e1,billion kWh,wiki_industrialization,Section GOELRO,\n", "value", "not a plain number"),
    ("generation,,1913,٣,billion kWh,wiki_industrialization,Section GOELRO,\n", "value", "not a plain number"),
])
def test_implausible_or_hostile_cells_are_refused_naming_the_row(tmp_path, bad_row, column, message):
    write(tmp_path, GOOD, bad_row)
    with pytest.raises(DataError, match=message) as caught:
        rows = read_raw("sample.csv", RAW_COLUMNS, tmp_path, optional=frozenset({"column"}))
        for row in rows:
            row.year()
    assert (caught.value.line, caught.value.column) == (3, column)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"\xef\xbb\xbf" + HEADER.encode() + GOOD.encode(), "byte-order mark"),
    (HEADER.encode() + GOOD.encode().replace(b"2,", b"2\x00,"), "NUL byte"),
    (HEADER.encode() + GOOD.encode().replace(b"Section", b"Secti\xf3n"), "not UTF-8"),
    (HEADER.replace("note", "note,extra").encode() + GOOD.encode(), "unknown column"),
])
def test_broken_files_get_a_clear_message(tmp_path, content, message):
    (tmp_path / "sample.csv").write_bytes(content)
    with pytest.raises(DataError, match=message):
        read_raw("sample.csv", RAW_COLUMNS, tmp_path, optional=frozenset({"column"}))


def test_a_record_spanning_lines_is_named_by_its_first_line(tmp_path):
    write(tmp_path, 'generation,,1913,2,billion kWh,wiki_industrialization,Section GOELRO,"two\nlines"\n', GOOD)
    rows = read_raw("sample.csv", RAW_COLUMNS, tmp_path, optional=frozenset({"column"}))
    assert [r.line for r in rows] == [2, 4]
