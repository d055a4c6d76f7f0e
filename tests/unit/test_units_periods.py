from decimal import Decimal

import pytest

from sovind.data.periods import year_of
from sovind.data.units import format_decimal, harmonise


@pytest.mark.parametrize(
    ("label", "year"),
    [("1913", 1913), ("1927/28", 1928), ("1932/33", 1933), ("1899/00", 1900), (" 1940 ", 1940)],
)
def test_year_of_known_labels(label, year):
    assert year_of(label) == year


@pytest.mark.parametrize("label", ["1927/29", "1927-28", "27/28", "first half of 1941", ""])
def test_year_of_rejects_other_forms(label):
    with pytest.raises(ValueError, match="period"):
        year_of(label)


@pytest.mark.parametrize(
    ("value", "unit", "expected", "clean_unit"),
    [
        ("4112000000", "kWh", "4.112", "billion kWh"),
        ("5050", "млн. квтч", "5.05", "billion kWh"),
        ("1.75", "GW", "1750", "MW"),
        ("1.5", "млн. кВт", "1500", "MW"),
        ("733655", "kW", "733.655", "MW"),
        ("1700", "тыс. квт", "1700", "MW"),
    ],
)
def test_harmonise_is_exact(value, unit, expected, clean_unit):
    converted, unit_out = harmonise(value, unit)
    assert (format_decimal(converted), unit_out) == (expected, clean_unit)


def test_harmonise_unknown_unit_lists_known_units():
    with pytest.raises(KeyError, match="unknown unit 'furlongs'.*known units: .*kWh"):
        harmonise("1", "furlongs")


def test_format_decimal_has_no_exponent():
    assert format_decimal(Decimal("1.75E+3")) == "1750"


@pytest.mark.parametrize(("label", "kind", "year"), [
    ("1928", "year", 1928),
    ("1927/28", "economic", 1928),
    ("October–December 1932", "special-quarter", 1932),
    ("1928/29–1932/33", "cumulative", 1933),
    ("1928–1932", "cumulative", 1932),
    ("October 1928–December 1932", "cumulative", 1932),
])
def test_each_kind_of_period_and_the_year_it_ends_in(label, kind, year):
    from sovind.data.periods import kind_of

    assert (kind_of(label), year_of(label)) == (kind, year)


@pytest.mark.parametrize("label", ["1932/33–1928/29", "1932–1928", "1928/29–1932/34"])
def test_a_range_must_run_forwards_between_valid_periods(label):
    with pytest.raises(ValueError, match="period"):
        year_of(label)
