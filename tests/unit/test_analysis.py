import math

import pandas as pd
import pytest

from sovind.errors import DataError
from sovind.essay.analysis import (
    crossing_year,
    first_year_at_least,
    fulfilment,
    index_to_base,
    interpolate_share,
    percent_of,
    ratio,
    shares,
    spread,
    targets,
    value_at,
)

FRAME = pd.DataFrame(
    {
        "estimate": ["a", "a", "b", "b"],
        "year": [1913, 1932, 1913, 1940],
        "value": [2.0, 13.5, 1.9, 48.0],
    }
)


def test_value_at_picks_exactly_one_row():
    assert value_at(FRAME, 1932, estimate="a") == 13.5


def test_value_at_refuses_ambiguity_and_absence():
    with pytest.raises(DataError, match="2 rows for year 1913"):
        value_at(FRAME, 1913)
    with pytest.raises(DataError, match="no row for year 1940 with estimate='a'"):
        value_at(FRAME, 1940, estimate="a")


def test_ratio_and_percent():
    assert ratio(13.5, 2.0) == 6.75
    assert percent_of(13.5, 22.0) == pytest.approx(61.3636, abs=1e-4)
    with pytest.raises(ZeroDivisionError):
        ratio(1.0, 0.0)


def test_first_year_at_least():
    assert first_year_at_least(FRAME, 10) == 1932
    assert first_year_at_least(FRAME, 100) is None


def test_targets_filters_and_complains():
    plans = pd.DataFrame({"plan": ["p", "p", "q"], "indicator": ["x", "y", "x"], "value": [1, 2, 3]})
    assert targets(plans, "p", "x")["value"].tolist() == [1]
    with pytest.raises(DataError, match="no 'z' target for plan 'p'"):
        targets(plans, "p", "z")


def test_fulfilment_keeps_each_target_and_skips_unmatched():
    outcomes = pd.DataFrame({"product": ["coal", "oil", "steel"], "value": [64.0, 21.0, 6.0]})
    goals = pd.DataFrame({"product": ["coal", "coal", "oil", "iron"], "value": [80.0, 100.0, 20.0, 19.0],
                          "source": ["a", "b", "a", "a"]})
    result = fulfilment(outcomes, goals)
    assert result[["product", "target_source", "percent"]].values.tolist() == [
        ["coal", "a", 80.0], ["coal", "b", 64.0], ["oil", "a", 105.0]]


def test_fulfilment_refuses_two_outcomes_for_one_product():
    outcomes = pd.DataFrame({"product": ["coal", "coal"], "value": [1.0, 2.0]})
    with pytest.raises(DataError, match="more than one outcome"):
        fulfilment(outcomes, pd.DataFrame({"product": ["coal"], "value": [1.0], "source": ["a"]}))


def test_index_to_base_within_each_estimate_only():
    frame = pd.DataFrame({
        "product": ["steel"] * 5,
        "estimate": ["x", "x", "x", "y", "y"],
        "year": [1913, 1928, 1937, 1928, 1940],
        "value": [4.0, 5.0, 18.0, 4.0, 18.0],
    })
    indexed = index_to_base(frame, 1913)
    assert indexed[["estimate", "year", "index"]].values.tolist() == [["x", 1913, 100.0], ["x", 1928, 125.0],
                                                                     ["x", 1937, 450.0]]
    assert index_to_base(frame, 1928)["index"].tolist() == [80.0, 100.0, 360.0, 100.0, 450.0]


def test_shares_and_their_guard():
    parts = pd.DataFrame({"region": ["a", "b"], "value": [30.0, 10.0]})
    assert shares(parts, 80.0)["share"].tolist() == [37.5, 12.5]
    with pytest.raises(DataError, match="more than the total"):
        shares(parts, 39.0)


def test_spread_counts_low_and_high():
    frame = pd.DataFrame({"item": ["coal", "coal", "coal", "steel"], "value": [57.0, 63.0, 60.0, 58.0]})
    assert spread(frame, "item").values.tolist() == [["coal", 3, 57.0, 63.0], ["steel", 1, 58.0, 58.0]]


def test_crossing_year_symmetric_cases_are_the_midpoint():
    # A share rising from 40 to 60 per cent over ten years crosses 50 half-way, whatever the method.
    assert crossing_year([1950, 1960], [40.0, 60.0], 50, "linear") == pytest.approx(1955)
    assert crossing_year([1950, 1960], [40.0, 60.0], 50, "logistic") == pytest.approx(1955)


def test_crossing_year_asymmetric_case_differs_by_method():
    years, shares_ = [0, 10], [25.0, 60.0]
    linear = crossing_year(years, shares_, 50, "linear")
    logistic = crossing_year(years, shares_, 50, "logistic")
    assert linear == pytest.approx(10 * 25 / 35)  # 25 of the 35 points of the rise
    # log-odds of 25 % is -ln 3, of 60 % is ln 1.5; 50 % is 0
    assert logistic == pytest.approx(10 * math.log(3) / (math.log(3) + math.log(1.5)))
    for method, year in [("linear", linear), ("logistic", logistic)]:
        assert interpolate_share(years, shares_, year, method) == pytest.approx(50)


def test_crossing_year_none_and_bad_method():
    assert crossing_year([1926, 1939], [17.9, 32.8], 50, "linear") is None
    with pytest.raises(ValueError, match="allowed values: linear, logistic"):
        crossing_year([0, 1], [10.0, 60.0], 50, "cubic")


def test_interpolation_refuses_to_extrapolate():
    with pytest.raises(ValueError, match="outside the censuses"):
        interpolate_share([1926, 1939], [17.9, 32.8], 1950, "linear")
    assert interpolate_share([1926, 1939], [17.9, 32.8], 1926, "logistic") == pytest.approx(17.9)


def test_fulfilment_refuses_different_kinds_of_period_unless_declared():
    from sovind.essay.analysis import ComparisonError

    outcomes = pd.DataFrame({"product": ["coal"], "value": [64.0], "period_kind": ["year"]})
    goals = pd.DataFrame({"product": ["coal"], "value": [75.0], "source": ["gosplan1929"],
                          "target_period_kind": ["economic"]})
    with pytest.raises(ComparisonError, match=r"different periods \(economic, year\); .*across="):
        fulfilment(outcomes, goals)
    result = fulfilment(outcomes, goals, across="the plan year against the calendar year it ended in")
    assert result["percent"].round(1).tolist() == [85.3]


def test_different_territories_are_refused_but_not_stated_is_no_territory():
    from sovind.essay.analysis import ComparisonError, check_comparable

    interwar = pd.DataFrame({"territory": ["interwar-ussr"]})
    check_comparable(interwar, pd.DataFrame({"territory": ["not stated"]}))
    with pytest.raises(ComparisonError, match="different territories"):
        check_comparable(interwar, pd.DataFrame({"territory": ["1991-borders"]}))


def test_first_year_at_least_counts_a_value_equal_to_the_threshold():
    frame = pd.DataFrame({"year": [1928, 1931, 1932], "value": [1700.0, 1750.0, 2000.0]})
    assert first_year_at_least(frame, 1750.0) == 1931
    assert first_year_at_least(frame, 1750.0001) == 1932
