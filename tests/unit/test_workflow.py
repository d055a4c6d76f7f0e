"""The GitHub Pages workflow: actionlint-clean, least privilege, pinned actions, timeouts."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(".github/workflows/book.yml")
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(ACTIONLINT is None, reason="actionlint ships as an x86_64 wheel only")
def test_the_workflow_passes_actionlint():
    result = subprocess.run([ACTIONLINT, str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_job_has_its_own_least_permissions_a_timeout_and_pinned_actions():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert set(jobs["deploy"]["permissions"]) == {"pages", "id-token"}
    for name, job in jobs.items():
        assert job["timeout-minutes"] <= 60, name
        for step in job["steps"]:
            if "uses" in step:
                ref = step["uses"].split("@")[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]
    checkout = next(s for s in jobs["test"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False and checkout["with"]["fetch-depth"] == 0
