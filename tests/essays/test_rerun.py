"""Rerun any essay with changed assumptions: the command line, its checks and the what-changed report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sovind.data.load import load
from sovind.essay.declaration import essays
from sovind.essay.rerun import rerun

pytestmark = pytest.mark.kernel


def cli(*args: str, runs: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOVIND_RUNS_DIR": str(runs)}
    return subprocess.run([sys.executable, "-m", "sovind", *args], capture_output=True, text=True, env=env,
                          check=False)


@pytest.mark.parametrize(("args", "message"), [
    (("rerun", "gosplan"), "unknown essay 'gosplan'; essays: longview, goelro, fyp1, urbanisation, evacuation"),
    (("rerun", "fyp1", "-p", "plan", "optimal"), "has no parameter 'plan'; parameters: plan_variant"),
    (("rerun", "fyp1", "-p", "base_year", "nineteen"), "it must be a whole number, one of 1913, 1928"),
    (("rerun", "fyp1", "-p", "base_year", "1920"), "allowed values: 1913, 1928"),
    (("rerun", "urbanisation", "-p", "include_1937", "maybe"), "it must be true or false"),
    (("rerun", "goelro", "-p", "fyp_variant", "pessimal"), "allowed values: 'starting', 'optimal'"),
    (("rerun", "fyp1", "-p", "base_year", "1913", "-p", "base_year", "1928"), "given twice"),
    (("rerun", "fyp1", "-p", "base_year"), "requires 2 arguments"),
    (("publish", "gosplan"), "unknown essay 'gosplan'; essays: longview, goelro, fyp1, urbanisation, evacuation"),
])
def test_bad_input_exits_2_with_a_clear_message_and_writes_nothing(tmp_path, args, message):
    runs = tmp_path / "runs"
    result = cli(*args, runs=runs)
    assert result.returncode == 2
    assert message in result.stderr
    assert not runs.exists()


def test_command_line_lists_essays_and_parameters(tmp_path):
    result = cli("essays", runs=tmp_path)
    assert result.returncode == 0
    for essay in essays().values():
        assert f"{essay.name}: {essay.title}" in result.stdout
        for parameter in essay.parameters:
            assert f"  {parameter.name} (default {parameter.default!r})" in result.stdout


@pytest.mark.parametrize("essay", list(essays()))
def test_non_default_rerun_reports_changed_numbers(tmp_path, essay):
    values = next(iter(essays()[essay].scenarios.values()))
    out = rerun(essay, values, tmp_path / "run")
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| Headline number | Published | This run |" in report
    assert "No headline number changed." not in report
    assert (out / f"{essay}.ipynb").exists() and (out / "report.html").exists()
    pictures = sorted(p.stem for p in (out / "pictures").glob("*.svg"))
    assert pictures == sorted(essays()[essay].figures) == sorted(p.stem for p in (out / "published").glob("*.svg"))


def test_default_rerun_reports_no_change(tmp_path):
    out = rerun("fyp1", {}, tmp_path / "run")
    assert "No headline number changed." in (out / "report.md").read_text(encoding="utf-8")


def test_command_line_rerun_writes_under_runs(tmp_path):
    result = cli("rerun", "goelro", "-p", "estimate_1940", "encyclopedia-com", runs=tmp_path / "runs")
    assert result.returncode == 0, result.stderr[-2000:]
    report = tmp_path / "runs" / "goelro" / "estimate_1940-encyclopedia-com" / "report.md"
    generation = load("electricity_generation").set_index(["estimate", "year"])["value"]
    before, after = generation[("time-1956", 1940)], generation[("encyclopedia-com", 1940)]
    assert report.exists() and f"| `gen_1940` | {before:,.2f} | {after:,.2f} |" in report.read_text(encoding="utf-8")


def test_a_whole_number_is_written_with_ascii_digits_only(tmp_path):
    for text in ("1_913", " 1913", "١٩١٣"):
        result = cli("rerun", "fyp1", "-p", "base_year", text, runs=tmp_path / "runs")
        assert result.returncode == 2 and "it must be a whole number" in result.stderr, text


@pytest.mark.book
def test_the_pages_variant_is_what_the_command_line_rerun_gives(tmp_path):
    """What the page switches to for a value is exactly ``python -m sovind rerun`` for it: numbers and figures."""
    from sovind.essay.variants import variant_dir

    result = cli("rerun", "fyp1", "-p", "plan_variant", "starting", runs=tmp_path / "runs")
    assert result.returncode == 0, result.stderr[-2000:]
    rerun_folder = tmp_path / "runs" / "fyp1" / "plan_variant-starting"
    variant = variant_dir("fyp1", {"plan_variant": "starting"})
    assert (variant / "headlines.json").read_bytes() == (rerun_folder / "headlines.json").read_bytes()
    for figure_id in essays()["fyp1"].figures:
        name = f"figures/{figure_id}.json"
        assert (variant / name).read_bytes() == (rerun_folder / name).read_bytes(), figure_id
