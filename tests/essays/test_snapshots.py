"""The build agrees with the committed snapshots of figure data and headline numbers.

A changed number or a changed figure must be a deliberate commit: `make snapshots`
rewrites tests/snapshots, and its diff shows what changed.
"""

import pytest

from sovind import paths
from sovind.essay.snapshots import built

pytestmark = pytest.mark.book
BUILT = built() if paths.BUILD_RUNS.exists() else {}


def test_there_is_a_snapshot_for_every_figure_and_essay_and_no_other():
    assert BUILT, "no essay runs in _build/sovind: run `make essays` first"
    committed = {p for p in paths.SNAPSHOTS.rglob("*") if p.is_file()}
    assert committed == set(BUILT), "run `make snapshots` and commit tests/snapshots"


@pytest.mark.parametrize("path", sorted(BUILT), ids=lambda p: p.name)
def test_the_build_agrees_with_its_snapshot(path):
    assert path.exists(), f"{paths.relative(path)} is missing: run `make snapshots`"
    assert BUILT[path] == path.read_text(encoding="utf-8"), (
        f"the build differs from {paths.relative(path)}; if the change is meant, run `make snapshots` and commit "
        "the diff")
