"""Where things live in the repository. Every other module asks here."""

import os
from pathlib import Path

#: The project root. ``SOVIND_ROOT`` points the code at another copy of the project
#: (the rebuild tests and ``make bench`` work on a scratch copy).
ROOT = Path(os.environ.get("SOVIND_ROOT", Path(__file__).resolve().parent.parent)).resolve()
DATA = ROOT / "data"
RAW = DATA / "raw"
CLEAN = DATA / "clean"
META = DATA / "meta"
DATAPACKAGE = DATA / "datapackage.json"
REFERENCES = DATA / "references.bib"
BOOK = ROOT / "book"
STATIC = BOOK / "_static"
#: Build outputs (ignored by git): executed essays and what they recorded.
BUILD = ROOT / "_build"
#: One folder per executed run: ``<essay>`` for the published essay, ``<essay>@<scenario>`` for a scenario.
BUILD_RUNS = BUILD / "sovind" / "runs"
#: The committed snapshots a build is compared with: figure data and headline numbers.
SNAPSHOTS = ROOT / "tests" / "snapshots"


def relative(path: Path) -> str:
    """Return ``path`` relative to the repository root, for messages and metadata."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
