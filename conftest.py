"""Test-wide set-up: executed notebooks (nbval) write figures to a scratch directory.

Running a notebook writes its figure files; during tests that must never touch
the published figures in book/_static/figures.
"""

import os
import tempfile

os.environ.setdefault("SOVIND_FIGURE_DIR", tempfile.mkdtemp(prefix="sovind-test-figures-"))
