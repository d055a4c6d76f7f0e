"""The committed snapshots a build is compared with: each figure's plotted data, each essay's headline numbers.

Outputs are not committed, so these two small files per figure and essay keep a
regression visible: ``make test`` fails when a build disagrees with them, and
``python -m sovind snapshots`` updates them, as a deliberate commit whose diff
shows what changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sovind import paths
from sovind.essay.declaration import essays
from sovind.essay.execute import run_dir
from sovind.files import write_if_changed


def headlines_text(headlines: dict[str, Any]) -> str:
    """Return headline numbers as the snapshot stores them: sorted, indented JSON."""
    return json.dumps(headlines, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def built() -> dict[Path, str]:
    """Return the text of every snapshot file as the current build would write it."""
    from sovind.essay.rerun import figure_record, headlines
    from sovind.site.export import plotted_csv

    out: dict[Path, str] = {}
    for name, declared in essays().items():
        folder = run_dir(name)
        out[paths.SNAPSHOTS / "headlines" / f"{name}.json"] = headlines_text(headlines(folder))
        for figure_id in declared.figures:
            out[paths.SNAPSHOTS / "figures" / f"{figure_id}.csv"] = plotted_csv(figure_record(folder, figure_id))
    return out


def update() -> list[Path]:
    """Write the snapshots from the current build; remove those of figures and essays that are gone."""
    files = built()
    for folder in ("headlines", "figures"):
        (paths.SNAPSHOTS / folder).mkdir(parents=True, exist_ok=True)
        for old in (paths.SNAPSHOTS / folder).iterdir():
            if old not in files:
                old.unlink()
    for path, text in files.items():
        write_if_changed(path, text)
    return sorted(files)
