"""Running the essays: parameters checked on entry; a failed run publishes nothing; runs are reproducible."""

import pytest
from papermill.exceptions import PapermillExecutionError

from sovind import paths
from sovind.data.load import load
from sovind.essay.declaration import essay, essays
from sovind.essay.execute import execute, run_dir, text_notebook
from sovind.essay.rerun import headlines

pytestmark = pytest.mark.kernel


def published_bytes():
    files = [p for p in paths.BUILD_RUNS.rglob("*") if p.is_file()] + sorted(paths.BOOK.glob("*.ipynb"))
    return {str(p): p.read_bytes() for p in files}


@pytest.mark.parametrize("name", list(essays()))
def test_each_text_has_one_generic_parameters_cell(name):
    cells = [c for c in text_notebook(essay(name)).cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1 and cells[0].source.splitlines()[-1] == "parameters = {}"


@pytest.mark.parametrize(("name", "parameter", "value", "allowed"), [
    ("goelro", "fyp_variant", "pessimal", "'starting', 'optimal'"),
    ("goelro", "estimate_1940", "gosplan-1929", "'cia-1952', 'encyclopedia-com', 'time-1956'"),
    ("goelro", "capacity_target_source", "lenin", "'aif2017'"),
    ("fyp1", "plan_variant", "pessimal", "'starting', 'optimal', 'revised'"),
    ("fyp1", "outcome_estimate", "gosplan",
     "'cow-nmc-6', 'gosplan-1933-results', 'intrestinghistory', 'mitchell-1998', 'o-staline', 'worldhistoryproject'"),
    ("fyp1", "base_year", 1920, "1913, 1928"),
    ("urbanisation", "interpolation", "spline", "'linear', 'logistic'"),
    ("evacuation", "enterprise_count", "1360", "'werth-1523'"),
])
def test_bad_parameter_fails_with_allowed_values_and_publishes_nothing(name, parameter, value, allowed):
    before = published_bytes()
    assert before, "no published runs: run `make essays` first"
    with pytest.raises(PapermillExecutionError) as caught:
        execute(essay(name), {parameter: value}, run_dir(name))
    assert "ParameterError" in str(caught.value) and allowed in str(caught.value)
    assert published_bytes() == before


def test_non_default_run_changes_the_glued_numbers(tmp_path):
    execute(essay("goelro"), {"estimate_1940": "encyclopedia-com", "fyp_variant": "starting",
                              "capacity_target_source": "info7_dneproges"}, tmp_path)
    default, changed = headlines(run_dir("goelro")), headlines(tmp_path)
    assert default.keys() == changed.keys()
    generation = load("electricity_generation").set_index(["estimate", "year"])["value"]
    targets = load("plan_targets").query("plan == 'fyp1-1929' and indicator == 'generation'").set_index("variant")
    capacity = load("plan_targets").query("plan == 'goelro-1920' and indicator == 'capacity'").set_index("source")
    assert (default["gen_1940"], changed["gen_1940"]) == (generation[("time-1956", 1940)],
                                                          generation[("encyclopedia-com", 1940)])
    assert (default["fyp_target_gen"], changed["fyp_target_gen"]) == (targets.loc["optimal", "value"],
                                                                      targets.loc["starting", "value"])
    assert changed["target_gw"] == capacity.loc["info7_dneproges", "value"] / 1000
    assert default["gen_1940"] != changed["gen_1940"] and default["target_gw"] != changed["target_gw"]
    assert sorted(p.stem for p in (tmp_path / "figures").iterdir()) == sorted(essay("goelro").figures)


def test_a_run_is_byte_identical_when_repeated(tmp_path):
    values = {"plan_variant": "starting", "base_year": 1913}
    execute(essay("fyp1"), values, tmp_path / "a")
    execute(essay("fyp1"), values, tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    notebook = (tmp_path / "a" / "fyp1.ipynb").read_text(encoding="utf-8")
    assert '"papermill"' not in notebook and '"execution"' not in notebook and "/tmp/" not in notebook


@pytest.mark.parametrize("parameters", [
    {"plan_variant": "starting", "outcome_estimate": "intrestinghistory", "base_year": 1913},
    {"plan_variant": "revised", "outcome_estimate": "o-staline", "base_year": 1928},
])
def test_fyp1_runs_under_non_default_assumptions(tmp_path, parameters):
    execute(essay("fyp1"), parameters, tmp_path)
    default, changed = headlines(run_dir("fyp1")), headlines(tmp_path)
    assert default.keys() == changed.keys()
    assert changed["plan_variant"] == parameters["plan_variant"]
    assert changed["pig_pct"] != default["pig_pct"]
    assert changed["n_compared"] >= 1


def test_evacuation_runs_under_non_default_assumptions(tmp_path):
    parameters = {"loss_estimate": "gko-postanovlyaet", "enterprise_count": "yashin-2593", "people_estimate": "dubson"}
    execute(essay("evacuation"), parameters, tmp_path)
    default, changed = headlines(run_dir("evacuation")), headlines(tmp_path)
    assert default.keys() == changed.keys()
    assert (default["n_enterprises"], changed["n_enterprises"]) == (1523, 2593)
    assert changed["breakdown_matches"] is False and default["breakdown_matches"] is True
    assert changed["loss_text"] != default["loss_text"]


def test_urbanisation_runs_under_non_default_assumptions(tmp_path):
    parameters = {"interpolation": "linear", "census_1939": "wikipedia-exact", "include_1937": True}
    execute(essay("urbanisation"), parameters, tmp_path)
    default, changed = headlines(run_dir("urbanisation")), headlines(tmp_path)
    assert default.keys() == changed.keys()
    assert changed["share_1939"] != default["share_1939"]
    assert (changed["crossing"], changed["crossing_other"]) == (default["crossing_other"], default["crossing"])
    assert 1959 < changed["crossing"] < 1970
