"""The essays' code cells are held to the same ruff rules as the package."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sovind.essay.declaration import essays
from sovind.essay.execute import text_notebook

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"


@pytest.mark.parametrize("name", list(essays()))
def test_code_cells_are_ruff_clean(name):
    cells = [c.source for c in text_notebook(essays()[name]).cells if c.cell_type == "code"]
    code = "\n\n\n".join(cells) + "\n"
    result = subprocess.run([RUFF, "check", "--no-cache", "--extend-ignore", "D,E402,E303",
                             "--stdin-filename", f"book/essays/{name}.py", "-"],
                            input=code, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
