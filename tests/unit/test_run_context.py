"""The run context: checked parameters, recorded reads, glued headline numbers, the run record."""

import numpy as np
import pytest

from sovind.errors import ParameterError
from sovind.essay import open as open_run
from sovind.essay import run as run_module
from sovind.essay.run import RECORD_MIME, RECORD_NAME, VALUE_MIME


@pytest.fixture
def emitted(monkeypatch):
    out: list[tuple[str, dict]] = []
    monkeypatch.setattr(run_module, "emit", lambda name, bundle: out.append((name, bundle)))
    return out


def test_defaults_are_filled_in_and_checked():
    run = open_run("fyp1", {"base_year": 1913})
    assert run.values == {"plan_variant": "optimal", "outcome_estimate": "mitchell-1998", "base_year": 1913}
    assert run.parameters.base_year == 1913


@pytest.mark.parametrize(("values", "message"), [
    ({"base_year": 1920}, "'base_year' is 1920; allowed values: 1913, 1928"),
    ({"base_year": "1913"}, "'base_year' is '1913'; allowed values: 1913, 1928"),
    ({"plan": "optimal"}, "has no parameter 'plan'; parameters: plan_variant, outcome_estimate, base_year"),
])
def test_bad_values_are_refused_before_anything_is_read(values, message):
    with pytest.raises(ParameterError, match=message):
        open_run("fyp1", values)


def test_a_boolean_parameter_takes_no_integer():
    with pytest.raises(ParameterError, match="'include_1937' is 1; allowed values: False, True"):
        open_run("urbanisation", {"include_1937": 1})


def test_glue_records_plain_values_and_emits_text_and_json(emitted):
    run = open_run("goelro")
    run.glue(share=np.float64(97.14285714285714), year=np.int64(1941), variant="optimal")
    assert run.headlines == {"share": 97.142857, "year": 1941, "variant": "optimal"}
    shown = {name: bundle["text/plain"] for name, bundle in emitted}
    assert shown == {"share": "97.142857", "year": "1941", "variant": "'optimal'"}
    assert [bundle[VALUE_MIME] for _, bundle in emitted] == [{"value": 97.142857}, {"value": 1941},
                                                              {"value": "optimal"}]


def test_glue_refuses_non_values_and_twice_the_same_name(emitted):
    run = open_run("goelro")
    with pytest.raises(TypeError, match="only numbers and text"):
        run.glue(table=[1, 2])
    run.glue(x=1)
    with pytest.raises(ValueError, match="glued twice"):
        run.glue(x=2)


def test_load_records_the_hash_of_each_dataset_read(emitted):
    run = open_run("goelro")
    run.load("electricity_generation")
    run.load("electricity_generation")
    assert list(run.reads) == ["electricity_generation"] and len(run.reads["electricity_generation"]) == 64


def test_close_refuses_a_run_that_skipped_a_declared_figure(emitted):
    run = open_run("goelro")
    with pytest.raises(ValueError, match="declared figures not published by this run: goelro-plan-accounts"):
        run.close()
    run.figures.extend(run.essay.figures)
    run.close()
    [(name, bundle)] = emitted
    assert name == RECORD_NAME
    assert bundle[RECORD_MIME]["essay"] == "goelro" and "sovind.essay.run" in bundle[RECORD_MIME]["modules"]


def test_sweep_removes_only_the_scratch_of_processes_that_are_gone(tmp_path):
    import os

    from sovind.essay.execute import sweep_scratch

    mine = tmp_path / f"sovind-{os.getpid()}-goelro-abc"
    gone = tmp_path / "sovind-2147483000-fyp1-abc"  # above any Linux pid (the maximum is 4194304)
    sockets = tmp_path / "sovind-2147483000-k-xyz"
    other = tmp_path / "sovind-notes"
    for folder in (mine, gone, sockets, other):
        folder.mkdir()
    assert sorted(sweep_scratch(tmp_path)) == sorted([gone, sockets])
    assert mine.exists() and other.exists() and not gone.exists()
