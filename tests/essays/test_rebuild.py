"""Rebuilds execute exactly the runs whose inputs changed (correctness only; timings are in make bench)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sovind import paths
from sovind.essay.declaration import essays, read_declaration
from sovind.essay.rebuild import code_hash, decide, jobs
from tests.helpers import scratch_project, set_cell, sovind

pytestmark = pytest.mark.kernel


def executed(report: str) -> list[str]:
    return sorted(line.split(":")[0].removeprefix("executed ") for line in report.splitlines()
                  if line.startswith("executed"))


@pytest.mark.book
def test_after_a_build_every_run_is_current():
    for job in jobs(list(essays())):
        decision = decide(job)
        assert not decision.run, f"{job.label}: {decision.reason} (run `make essays`)"


def test_code_hash_covers_code_cells_and_not_prose(tmp_path):
    text = paths.BOOK / "essays" / "goelro.md"
    original = text.read_text(encoding="utf-8")
    copy = tmp_path / "goelro.md"
    copy.write_text(original.replace("a country that could barely", "a country that could hardly"), encoding="utf-8")
    assert original != copy.read_text(encoding="utf-8")
    assert code_hash(read_declaration(copy)) == code_hash(read_declaration(text))
    copy.write_text(original.replace('run.load("power_stations")', 'run.load("power_stations")  # stations'),
                    encoding="utf-8")
    assert code_hash(read_declaration(copy)) != code_hash(read_declaration(text))


@pytest.mark.book
def test_prose_declaration_and_data_edits_execute_exactly_what_they_should(tmp_path):
    copy = scratch_project(tmp_path)
    assert executed(sovind(copy, "publish")) == []  # the copy starts up to date

    text = copy / "book" / "essays" / "fyp1.md"
    source = text.read_text(encoding="utf-8")
    text.write_text(source.replace("## ", "## Revised: ", 1), encoding="utf-8")
    report = sovind(copy, "publish")
    assert executed(report) == [] and "no notebook executed" in report, report
    page = (copy / "book" / "fyp1.ipynb").read_text(encoding="utf-8")
    assert "## Revised: " in page and "sovind-figure-fyp1" in page  # new prose, outputs kept

    text.write_text(text.read_text(encoding="utf-8").replace("base year of the output index",
                                                             "base year of the index of output"), encoding="utf-8")
    report = sovind(copy, "publish")
    assert executed(report) == ["fyp1", "fyp1@revised-targets"], report
    assert "essay declaration changed" in report

    raw = copy / "data" / "raw" / "topwar_goelro.csv"  # read by the GOELRO essay alone (installed capacity)
    changed = f"{float(set_cell(raw, 2, 'value', '')) + 0.5:.1f}"  # whatever the value is, a different one
    set_cell(raw, 2, "value", changed)
    sovind(copy, "data")
    report = sovind(copy, "publish")
    assert executed(report) == ["goelro", "goelro@lower-capacity-target"], report
    assert "dataset changed: power_capacity" in report
    record = json.loads((copy / "_build/sovind/runs/goelro/figures/goelro-capacity-against-target.json").read_text())
    assert re.search(rf",{round(float(changed) * 1000)}(\.0)?,", record["csv"])  # million kW in the raw, MW here
    assert executed(sovind(copy, "publish")) == []  # and a second rebuild does nothing


@pytest.mark.book
def test_an_essay_that_fails_in_its_kernel_exits_2_with_its_error_and_publishes_nothing(tmp_path):
    import os
    import subprocess
    import sys

    copy = scratch_project(tmp_path)
    text = copy / "book" / "essays" / "goelro.md"
    text.write_text(text.read_text(encoding="utf-8").replace(
        'capacity = run.load("power_capacity")', 'capacity = run.load("power_capacity")\nraise RuntimeError("broken")'),
        encoding="utf-8")
    before = (copy / "_build/sovind/runs/goelro/goelro.ipynb").read_bytes()
    result = subprocess.run([sys.executable, "-m", "sovind", "publish", "goelro"], cwd=copy, capture_output=True,
                            text=True, env={**os.environ, "SOVIND_ROOT": str(copy)}, check=False)
    assert result.returncode == 2
    assert "error: the essay failed in its cell" in result.stderr and "RuntimeError: broken" in result.stderr
    assert len(result.stderr.splitlines()) < 5
    assert (copy / "_build/sovind/runs/goelro/goelro.ipynb").read_bytes() == before


@pytest.mark.book
def test_two_publishes_at_once_leave_a_valid_record_and_run_each_job_once(tmp_path):
    import os
    import subprocess
    import sys

    copy = scratch_project(tmp_path)
    raw = copy / "data" / "raw" / "topwar_goelro.csv"  # read by the GOELRO essay alone
    set_cell(raw, 2, "value", f"{float(set_cell(raw, 2, 'value', '')) + 0.5:.1f}")
    sovind(copy, "data")
    env = {**os.environ, "SOVIND_ROOT": str(copy)}
    both = [subprocess.Popen([sys.executable, "-m", "sovind", "publish"], cwd=copy, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    reports = [p.communicate(timeout=300) for p in both]
    assert [p.returncode for p in both] == [0, 0], [r[1][-2000:] for r in reports]
    runs = sorted(executed(reports[0][0]) + executed(reports[1][0]))
    assert runs == ["goelro", "goelro@lower-capacity-target"], reports
    assert executed(sovind(copy, "publish")) == []
    json.loads((copy / "_build/sovind/runs/goelro/inputs.json").read_text(encoding="utf-8"))


def _cmdline(process) -> str:
    import psutil

    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # gone, or a zombie, between listing and asking
        return ""


def _publisher_running_kernels(tmp_path: Path, kernels: int) -> tuple[Path, Path, Any, list[Any]]:
    """Start a forced publish of a scratch copy and wait (at most a minute) until ``kernels`` kernels run.

    Returns the copy, its temporary folder, the publisher and the publisher's family of processes.
    """
    import os
    import subprocess
    import sys
    import time

    import psutil

    copy = scratch_project(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "SOVIND_ROOT": str(copy), "TMPDIR": str(scratch)}
    publisher = subprocess.Popen([sys.executable, "-m", "sovind", "publish", "--force"], cwd=copy, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    family: list[psutil.Process] = []
    for _ in range(300):
        family = psutil.Process(publisher.pid).children(recursive=True)
        if sum("ipykernel" in _cmdline(p) for p in family) >= kernels:
            break
        time.sleep(0.2)
    return copy, scratch, publisher, family


@pytest.mark.book
def test_stopping_the_publisher_stops_its_workers_and_leaves_whole_runs_and_no_scratch(tmp_path):
    import psutil

    copy, scratch, publisher, family = _publisher_running_kernels(tmp_path, kernels=1)
    assert family, "the publisher started no worker"
    publisher.terminate()  # SIGTERM, as a shell's kill or a CI timeout sends
    publisher.wait(timeout=60)
    _, alive = psutil.wait_procs(family, timeout=60)
    assert alive == [], [_cmdline(p) for p in alive]
    assert list(scratch.glob("sovind-*")) == []
    for run in (copy / "_build/sovind/runs").iterdir():  # each run is the old one or a whole new one
        assert {"headlines.json", "record.json", "figures"} <= {p.name for p in run.iterdir()}, run.name
        assert not run.name.startswith("."), run.name


@pytest.mark.book
def test_killing_the_publisher_outright_leaves_no_live_worker_or_kernel(tmp_path):
    """SIGKILL gives the publisher no chance to stop its pool: Linux must end the workers and their kernels."""
    import psutil

    from sovind.essay.execute import sweep_scratch

    _, scratch, publisher, family = _publisher_running_kernels(tmp_path, kernels=2)  # both workers busy
    assert any("ipykernel" in _cmdline(p) for p in family), "the publisher started no kernel"
    publisher.kill()
    publisher.wait(timeout=60)
    _, alive = psutil.wait_procs(family, timeout=30)
    assert alive == [], [_cmdline(p) for p in alive]
    left = list(scratch.glob("sovind-*"))
    assert sweep_scratch(scratch) == left and list(scratch.glob("sovind-*")) == []  # the next publish sweeps them
