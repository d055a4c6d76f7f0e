"""The committed snapshots a build is compared with: each figure's plotted data and chart, each essay's headlines.

Outputs are not committed, so these two small files per figure and essay keep a
regression visible: ``make test`` fails when a build disagrees with them, and
``python -m sovind snapshots`` updates them, as a deliberate commit whose diff
shows what changed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sovind import paths
from sovind.essay.declaration import essays
from sovind.essay.execute import run_dir
from sovind.files import write_if_changed


def headlines_text(headlines: dict[str, Any]) -> str:
    """Return headline numbers as the snapshot stores them: sorted, indented JSON."""
    return json.dumps(headlines, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def chart_text(spec: dict[str, Any]) -> str:
    """Return a chart's Vega-Lite spec without its inline data: marks, encodings, scales, titles.

    The data is in the CSV snapshot; this one catches a changed chart, such as a
    logarithmic scale made linear.
    """
    shape = {k: v for k, v in spec.items() if k not in {"datasets", "$schema"}}
    text = json.dumps(shape, indent=1, sort_keys=True, ensure_ascii=False)
    return re.sub(r'"data-[0-9a-f]{32}"', '"data"', text) + "\n"


def built() -> dict[Path, str]:
    """Return the text of every snapshot file as the current build would write it."""
    from sovind.essay.rerun import figure_record, headlines
    from sovind.site.export import plotted_csv

    out: dict[Path, str] = {}
    for name, declared in essays().items():
        folder = run_dir(name)
        out[paths.SNAPSHOTS / "headlines" / f"{name}.json"] = headlines_text(headlines(folder))
        for figure_id in declared.figures:
            record = figure_record(folder, figure_id)
            out[paths.SNAPSHOTS / "figures" / f"{figure_id}.csv"] = plotted_csv(record)
            out[paths.SNAPSHOTS / "figures" / f"{figure_id}.spec.json"] = chart_text(record.spec)
    return out


def update() -> list[Path]:
    """Write the snapshots from the current build; remove those of figures and essays that are gone.

    Returns the files written or removed.
    """
    files = built()
    changed = []
    for folder in ("headlines", "figures"):
        (paths.SNAPSHOTS / folder).mkdir(parents=True, exist_ok=True)
        for old in (paths.SNAPSHOTS / folder).iterdir():
            if old not in files:
                old.unlink()
                changed.append(old)
    changed += [path for path, text in files.items() if write_if_changed(path, text)]
    return sorted(changed)
