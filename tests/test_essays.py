"""Running the essays: parameters checked on entry; a failed run publishes nothing."""


import nbformat
import pytest
from papermill.exceptions import PapermillExecutionError
from sovind.notebooks import ESSAYS, execute
from sovind.rerun import glued

from sovind import paths


def published_bytes():
    files = [paths.BOOK / f"{e}.ipynb" for e in ESSAYS] + sorted(paths.FIGURES.glob("*"))
    return {str(p): p.read_bytes() for p in files}


def test_committed_essays_carry_no_run_metadata():
    for essay in ESSAYS:
        notebook = nbformat.read(paths.BOOK / f"{essay}.ipynb", as_version=4)
        assert "papermill" not in notebook.metadata
        for cell in notebook.cells:
            assert not {"papermill", "execution"} & set(cell.metadata), cell.id
            assert "outputs" not in cell or all(o.get("output_type") != "error" for o in cell.outputs)


@pytest.mark.parametrize(("essay", "name", "value", "allowed"), [
    ("goelro", "fyp_variant", "pessimal", "'starting', 'optimal'"),
    ("goelro", "estimate_1940", "gosplan-1929", "'cia-1952', 'encyclopedia-com'"),
    ("goelro", "capacity_target_source", "lenin", "'aif2017'"),
    ("fyp1", "plan_variant", "pessimal", "'starting', 'optimal', 'revised'"),
    ("fyp1", "outcome_estimate", "gosplan", "'intrestinghistory', 'o-staline', 'worldhistoryproject'"),
    ("fyp1", "base_year", 1920, "1913, 1928"),
    ("urbanisation", "interpolation", "spline", "'linear', 'logistic'"),
    ("evacuation", "enterprise_count", "1360", "'werth-1523'"),
])
def test_bad_parameter_fails_with_allowed_values_and_publishes_nothing(essay, name, value, allowed):
    before = published_bytes()
    with pytest.raises(PapermillExecutionError) as caught:
        execute(essay, {name: value})
    assert "ParameterError" in str(caught.value) and allowed in str(caught.value)
    assert published_bytes() == before


def test_non_default_run_changes_the_glued_numbers(tmp_path):
    output = tmp_path / "goelro.ipynb"
    execute("goelro", {"estimate_1940": "encyclopedia-com", "fyp_variant": "starting",
                       "capacity_target_source": "info7_dneproges"},
            output=output, figure_dir=tmp_path / "figures")
    default, changed = glued(paths.BOOK / "goelro.ipynb"), glued(output)
    assert default.keys() == changed.keys()
    assert (default["gen_1940"], changed["gen_1940"]) == ("47.0", "49.0")
    assert (default["fyp_target_gen"], changed["fyp_target_gen"]) == ("22.0", "17.0")
    assert (default["target_gw"], changed["target_gw"]) == ("1.75", "1.5")
    produced = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert produced == sorted(p.name for p in paths.FIGURES.glob("goelro-*"))


@pytest.mark.parametrize("parameters", [
    {"plan_variant": "starting", "outcome_estimate": "intrestinghistory", "base_year": 1913},
    {"plan_variant": "revised", "outcome_estimate": "o-staline", "base_year": 1928},
])
def test_fyp1_runs_under_non_default_assumptions(tmp_path, parameters):
    output = tmp_path / "fyp1.ipynb"
    execute("fyp1", parameters, output=output, figure_dir=tmp_path / "figures")
    default, changed = glued(paths.BOOK / "fyp1.ipynb"), glued(output)
    assert default.keys() == changed.keys()
    assert changed["plan_variant"] == repr(parameters["plan_variant"])
    assert changed["pig_pct"] != default["pig_pct"]
    assert int(changed["n_compared"]) >= 1


def test_evacuation_runs_under_non_default_assumptions(tmp_path):
    output = tmp_path / "evacuation.ipynb"
    parameters = {"loss_estimate": "gko-postanovlyaet", "enterprise_count": "yashin-2593", "people_estimate": "dubson"}
    execute("evacuation", parameters, output=output, figure_dir=tmp_path / "figures")
    default, changed = glued(paths.BOOK / "evacuation.ipynb"), glued(output)
    assert default.keys() == changed.keys()
    assert (default["n_enterprises"], changed["n_enterprises"]) == ("1523", "2593")
    assert changed["breakdown_matches"] == "False" and default["breakdown_matches"] == "True"
    assert changed["loss_text"] != default["loss_text"]


def test_urbanisation_runs_under_non_default_assumptions(tmp_path):
    output = tmp_path / "urbanisation.ipynb"
    parameters = {"interpolation": "linear", "census_1939": "wikipedia-exact", "include_1937": True}
    execute("urbanisation", parameters, output=output, figure_dir=tmp_path / "figures")
    default, changed = glued(paths.BOOK / "urbanisation.ipynb"), glued(output)
    assert default.keys() == changed.keys()
    assert changed["share_1939"] != default["share_1939"]
    assert (changed["crossing"], changed["crossing_other"]) == (default["crossing_other"], default["crossing"])
    assert 1959 < float(changed["crossing"]) < 1970
