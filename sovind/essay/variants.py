"""The variants an essay's page lets a reader switch to, without a kernel: which, where, and what they show.

An essay's page offers, beside the published run, the runs a reader can choose
with its controls (issue: change an essay's assumptions in the browser):

* every combination of its parameters' values, when there are at most
  :data:`ALL_COMBINATIONS` of them;
* otherwise each parameter's other values, one at a time, the rest at their
  defaults, and each declared scenario.

Each variant is executed by the build exactly as ``python -m sovind rerun``
executes a run (:func:`sovind.essay.execute.execute`, the essay's own code), into
``_build/sovind/variants/<essay>/<run-id>/``; a variant that is a declared
scenario is that scenario's run. :func:`variant_data` turns a run into what the
page loads when a reader picks it: every glued number as the page formats it,
and every figure's Vega-Lite spec.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path
from typing import Any

from sovind import paths
from sovind.essay.declaration import Essay, essay

#: Up to this many combinations of parameter values, the page offers all of them.
ALL_COMBINATIONS = 8
VARIANTS = paths.BUILD / "sovind" / "variants"


def _changed(declared: Essay, values: dict[str, Any]) -> dict[str, Any]:
    """Return the values that differ from the essay's defaults: how a variant is named and stored."""
    return {k: v for k, v in values.items() if v != declared.parameter(k).default}


def variant_values(declared: Essay) -> list[dict[str, Any]]:
    """Return the non-default parameter values of every variant the page offers, in a stable order."""
    allowed = {p.name: p.allowed() for p in declared.parameters}
    defaults = {p.name: p.default for p in declared.parameters}
    found: list[dict[str, Any]] = []
    if math.prod(len(v) for v in allowed.values()) <= ALL_COMBINATIONS:
        for combination in itertools.product(*allowed.values()):
            values = _changed(declared, dict(zip(allowed, combination, strict=True)))
            if values:
                found.append(values)
    else:
        found += [{name: value} for name, options in allowed.items() for value in options if value != defaults[name]]
        for scenario in declared.scenarios.values():
            values = _changed(declared, scenario)
            if values and values not in found:
                found.append(values)
    return found


def variant_dir(name: str, values: dict[str, Any]) -> Path:
    """Where the build keeps a variant's run: a declared scenario's own run folder, if it is one."""
    from sovind.essay.execute import run_dir

    declared = essay(name)
    for scenario, scenario_values in declared.scenarios.items():
        if _changed(declared, scenario_values) == values:
            return run_dir(name, scenario)
    from sovind.essay.rerun import run_id  # a variant's folder is named as a rerun's for the same values

    return VARIANTS / name / run_id(values)


def variant_file(name: str, values: dict[str, Any]) -> str:
    """Where the site keeps a variant's data, relative to its ``_static`` folder."""
    from sovind.essay.rerun import run_id

    return f"variants/{name}/{run_id(values)}.json"


def variant_jobs(names: list[str]) -> list[Any]:
    """Return the runs the named essays' variants need (scenarios excluded: the essays' build runs them)."""
    from sovind.essay.execute import run_dir
    from sovind.essay.rebuild import Job

    out = []
    for name in names:
        scenario_dirs = {run_dir(name, s) for s in essay(name).scenarios}
        for values in variant_values(essay(name)):
            if variant_dir(name, values) not in scenario_dirs:
                out.append(Job(name, variant=tuple(sorted(values.items()))))
    return out


def split_glue(text: str) -> tuple[str, str]:
    """Split a ``{glue:text}`` role's text into key and format, as myst-nb does: "share:.1f" -> ("share", ".1f")."""
    key, _, fmt = text.rpartition(":") if ":" in text else (text, "", "s")
    return key, fmt


def glue_uses(declared: Essay) -> list[tuple[str, str]]:
    """Return every (key, format) the essay's text pastes with ``{glue:text}``, once each, in order."""
    import re

    found = {split_glue(text): None for text in
             re.findall(r"\{glue:text\}`([^`]+)`", declared.text.read_text(encoding="utf-8"))}
    return list(found)


def formatted(value: Any, fmt: str) -> str:
    """Format a glued value as the page shows it: myst-nb's own formatting of its plain-text form."""
    from IPython.core.formatters import format_display_data
    from myst_nb.core.variables import format_plain_text

    return format_plain_text(format_display_data(value)[0]["text/plain"], fmt)


def variant_data(name: str, folder: Path, values: dict[str, Any]) -> dict[str, Any]:
    """Return what the page loads for one run: its values, each glued number as shown, each figure's spec."""
    declared = essay(name)
    headlines = json.loads((folder / "headlines.json").read_text(encoding="utf-8"))
    figures = {}
    for figure_id in declared.figures:
        record = json.loads((folder / "figures" / f"{figure_id}.json").read_text(encoding="utf-8"))
        figures[figure_id] = record["spec"]
    glue = {f"{key}:{fmt}": formatted(headlines[key], fmt) for key, fmt in glue_uses(declared) if key in headlines}
    return {"essay": name, "values": values, "glue": glue, "figures": figures}
