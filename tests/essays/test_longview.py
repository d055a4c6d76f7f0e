"""The long view: its glued headline numbers match values read from the printed sources by hand.

Each expected value below was read from the source named beside it (not from the book's code or
clean data), so a wrong filter, a mixed-up series or a placeholder let back in makes a test fail.
"""

import pytest

from sovind.essay.execute import run_dir
from sovind.essay.rerun import headlines

pytestmark = pytest.mark.kernel


@pytest.fixture(scope="module")
def glued():
    return headlines(run_dir("longview"))


def test_official_gross_output_multiples_are_nutters_table_f1(glued):
    # Nutter (1962), Table F-1, p. 616, billion rubles at "1926/27" prices: all industry 21.6 (1928),
    # 43.7 (1932), 96.2 (1937); Group "A" 8.5 and 23.3; Group "B" 13.1 and 20.4 (1928, 1932).
    assert glued["official_x_1928_1932"] == pytest.approx(43.7 / 21.6, rel=1e-4)
    assert glued["official_x_1928_1937"] == pytest.approx(96.2 / 21.6, rel=1e-4)
    assert glued["group_a_x_1928_1932"] == pytest.approx(23.3 / 8.5, rel=1e-4)
    assert glued["group_b_x_1928_1932"] == pytest.approx(20.4 / 13.1, rel=1e-4)
    # 1945 against 1940 for Group "B": 32.2 and 54.0.
    assert glued["group_b_1945_pct_1940"] == pytest.approx(100 * 32.2 / 54.0, rel=1e-4)


def test_steel_is_the_correlates_of_war_series_without_its_wartime_interpolations(glued):
    # NMC 6.0, ccode 365, irst (thousand tonnes): 4918 in 1913, 194 in 1920, 18317 in 1940; 1941-44 are
    # COW interpolations (quality code D), which the book leaves out.
    assert glued["steel_1913_mt"] == pytest.approx(4.918)
    assert glued["steel_1920_mt"] == pytest.approx(0.194)
    assert glued["steel_1940_mt"] == pytest.approx(18.317)
    assert glued["steel_gap"] == "1941, 1942, 1943, 1944"
    assert glued["steel_last_year"] == 1940


def test_gdp_per_head_regains_1913_only_in_1930(glued):
    # Maddison Project Database 2020, SUN gdppc: 2254 (1913), 838 (1921, the trough), 2209 (1929), 2308 (1930).
    assert glued["gdp_1913"] == 2254
    assert (glued["gdp_trough_year"], glued["gdp_regained"]) == (1921, 1930)
    assert glued["gdp_trough_pct"] == pytest.approx(100 * 838 / 2254, rel=1e-4)


def test_the_1928_scenario_changes_only_the_base_of_the_physical_index(glued):
    scenario = headlines(run_dir("longview", "base-1928"))
    assert scenario["base_year"] == 1928 and glued["base_year"] == 1913
    assert {k for k in glued if glued[k] != scenario[k]} == {"base_year"}
