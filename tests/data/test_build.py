"""make data: deterministic, all-or-nothing."""

import filecmp

import pytest

from sovind.data.build import build_all
from sovind.data.steps import STEPS
from sovind.errors import DataError
from tests.helpers import copy_data, replace_line, set_cell


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
    set_cell(data / "raw" / "cia_1952_electric_power.csv", 2, "value", "47.O")
    with pytest.raises(DataError) as caught:
        build_all(data)
    assert "cia_1952_electric_power.csv, line 2, column 'value': '47.O' is not a valid number" in str(caught.value)
    after = {p.name: p.read_bytes() for p in [*(data / "clean").glob("*.csv"), data / "datapackage.json"]}
    assert after == before


def test_renamed_label_is_reported(tmp_path):
    data = copy_data(tmp_path)
    for line in (2, 3):
        replace_line(data / "raw" / "encyclopediacom_electricity_grid.csv", line, "Total output", "Total production")
    with pytest.raises(DataError, match=r"encyclopediacom_electricity_grid.csv, line 2, column 'table_row': no row "
                                        r"with table_row='Total output'.*line 2 has 'Total production'"):
        build_all(data)


def test_a_typo_in_one_label_of_a_series_stops_the_build_naming_the_row(tmp_path):
    data = copy_data(tmp_path)
    replace_line(data / "raw" / "sufds_1928_ch10_electric_power.csv", 3, "Soviet Union", "Soviet Uniom")
    with pytest.raises(DataError, match=r"sufds_1928_ch10_electric_power.csv, line 3, column 'table_row': this row "
                                        r"ends in no clean table"):
        build_all(data)


def test_rows_left_out_on_purpose_need_a_rule_with_a_reason(tmp_path):
    data = copy_data(tmp_path)
    (data / "meta" / "ignored_raw_rows.yaml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"nutter_1962_appendix_f.csv, line \d+, column 'table_row'"):
        build_all(data)


def test_a_script_url_in_the_bibliography_stops_the_build(tmp_path):
    data = copy_data(tmp_path)
    bib = data / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("url          = {https://istmat.org/node/41186}",
                                                           "url          = {javascript:alert(1)}"), encoding="utf-8")
    with pytest.raises(DataError, match="entry 'gosplan1929': url 'javascript:alert\\(1\\)' is not an http"):
        build_all(data)


def test_a_value_in_the_wrong_unit_is_refused_naming_its_raw_row(tmp_path):
    data = copy_data(tmp_path)
    assert set_cell(data / "raw" / "cia_1952_electric_power.csv", 2, "unit", "million kWh") == "billion kWh"
    with pytest.raises(DataError, match=r"data/raw/cia_1952_electric_power.csv, line 2, column 'value': "
                                        r"electricity_generation: .* billion kWh is outside the plausible range"):
        build_all(data)


def test_every_unit_needs_a_plausible_range(tmp_path):
    data = copy_data(tmp_path)
    ranges = data / "meta" / "_plausible.yaml"
    ranges.write_text(ranges.read_text(encoding="utf-8").replace("EJ: [0.01, 100]\n", ""), encoding="utf-8")
    with pytest.raises(DataError, match="annual_series: unit 'EJ' has no plausible range"):
        build_all(data)


def test_a_duplicate_built_row_is_reported_at_its_raw_row(tmp_path):
    data = copy_data(tmp_path)
    raw = data / "raw" / "cia_1952_electric_power.csv"
    lines = raw.read_text(encoding="utf-8").splitlines(keepends=True)
    raw.write_text("".join([*lines, lines[1]]), encoding="utf-8")  # the same printed row twice
    with pytest.raises(DataError, match=rf"data/raw/cia_1952_electric_power.csv, line {len(lines) + 1}, "
                                        r"column 'estimate\+year': duplicate key .*\(in data/clean/electricity_"):
        build_all(data)
