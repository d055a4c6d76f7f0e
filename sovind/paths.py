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
FIGURES = STATIC / "figures"
#: Records of each essay's last execution: the inputs it was run from.
EXECUTED = BOOK / "executed.json"


def figure_dir() -> Path:
    """Where figures are written now: ``book/_static/figures`` unless a run redirects it.

    The essay runner points ``SOVIND_FIGURE_DIR`` at a scratch directory so that
    a run that fails half-way never overwrites the published figures.
    """
    return Path(os.environ.get("SOVIND_FIGURE_DIR", FIGURES))


def relative(path: Path) -> str:
    """Return ``path`` relative to the repository root, for messages and metadata."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
