"""An essay's run context: the one object through which an essay reads data, glues numbers and publishes figures.

An essay starts with::

    run = essay.open("goelro", parameters)
    P = run.parameters          # checked values, defaults filled in: P.fyp_variant

and ends with ``run.close()``. Between the two, :meth:`Run.load` reads a clean
dataset and records its hash, :meth:`Run.glue` puts a number into the prose
(``{glue:text}``) and into the run's headline numbers, and :meth:`Run.publish`
turns a chart into a citable figure.

The kernel writes no file. Figures, headline numbers and the run record (which
datasets were read, which package modules were imported) travel as hidden
outputs of the executed notebook, in the format myst-nb's glue uses; the runner
(:mod:`sovind.essay.execute`) reads them from there. Executing an essay in
Jupyter, on Binder or under nbval therefore never touches the published book.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from sovind import book
from sovind.data.load import load_with_hash
from sovind.essay.declaration import Essay, essay
from sovind.site import style  # noqa: F401  (registers the chart theme)
from sovind.site.figure import FIGURE_ID, FigureRecord, data_csv, plotted_data, source_line

#: myst-nb's prefix for glued outputs that are not displayed where they are made.
GLUE_PREFIX = "application/papermill.record/"
VALUE_MIME = "application/vnd.sovind.value+json"
FIGURE_MIME = "application/vnd.sovind.figure+json"
RECORD_MIME = "application/vnd.sovind.run+json"
#: The glue names under which figures and the run record are emitted.
FIGURE_PREFIX = "sovind-figure-"
RECORD_NAME = "sovind-run-record"


def plain(value: Any) -> Any:
    """Turn numpy and pandas scalars into plain Python values; round floats to six decimals.

    Rounding keeps floating-point residue out of the text the prose shows.
    """
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        value = round(value, 6)
    return value


def emit(name: str, bundle: dict[str, Any]) -> None:
    """Display ``bundle`` as a hidden glue output called ``name`` (shown on the page only where glued)."""
    from IPython.display import display

    display({GLUE_PREFIX + k: v for k, v in bundle.items()}, raw=True,
            metadata={"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}})


class Run:
    """One execution of one essay with checked parameter values."""

    def __init__(self, declared: Essay, values: dict[str, Any]) -> None:
        self.essay = declared
        self.values = declared.check(values)
        self.parameters = SimpleNamespace(**self.values)
        self.reads: dict[str, str] = {}
        self.headlines: dict[str, Any] = {}
        self.figures: list[str] = []

    def load(self, name: str) -> pd.DataFrame:
        """Return a clean dataset (validated against its schema and hash) and record that it was read."""
        frame, digest = load_with_hash(name)
        self.reads.setdefault(name, digest)
        return frame

    def glue(self, **values: Any) -> None:
        """Glue each keyword as a number or text the prose pastes with ``{glue:text}``; record it as a headline."""
        from IPython.core.formatters import format_display_data

        for name, value in values.items():
            value = plain(value)
            if not isinstance(value, (int, float, str, bool)) or value is None:
                raise TypeError(f"glue {name!r}: only numbers and text can be glued, not {type(value).__name__}")
            if name in self.headlines:
                raise ValueError(f"glue {name!r} is glued twice")
            self.headlines[name] = value
            text = format_display_data(value)[0]["text/plain"]
            emit(name, {"text/plain": text, VALUE_MIME: {"value": value}})

    def publish(self, chart: alt.TopLevelMixin, *, id: str, title: str, alt_text: str) -> FigureRecord:
        """Turn ``chart`` into a book figure with a permanent identifier, and emit it.

        ``id`` must be one of the figures the essay declares. Every row the chart
        plots needs ``source`` and ``locator`` columns (or a ``derived``
        description): they make the figure's source line. The page shows the
        figure where the text has ``{sovind-figure}`` with this identifier.
        """
        if not FIGURE_ID.match(id):
            raise ValueError(f"figure id {id!r} must be lower-case words joined by hyphens")
        if id not in self.essay.figures:
            raise ValueError(f"figure id {id!r} is not declared in the front matter of "
                             f"book/essays/{self.essay.name}.md; declared: {', '.join(self.essay.figures)}")
        if id in self.figures:
            raise ValueError(f"figure {id!r} is published twice")
        if not alt_text.strip():
            raise ValueError(f"figure {id!r} needs alt text")
        spec = chart.properties(title=alt.Title(title)).to_dict()
        data = plotted_data(spec)
        line = source_line(data)
        provenance = {
            "book_version": book.version(),
            "figure": id,
            "essay": self.essay.name,
            "parameters": dict(sorted(self.values.items())),
            "datasets_sha256": dict(self.reads),
        }
        record = FigureRecord(id=id, title=title, alt=alt_text, source_line=line, spec=spec,
                              csv=data_csv(data), essay=self.essay.name, provenance=provenance)
        self.figures.append(id)
        emit(FIGURE_PREFIX + id, {"text/plain": f"Figure {id}: {title}", FIGURE_MIME: record.to_json()})
        return record

    def record(self) -> dict[str, Any]:
        """Return what this run read and imported, and its parameter values."""
        modules = sorted(m for m in sys.modules if m == "sovind" or m.startswith("sovind."))
        return {"essay": self.essay.name, "parameters": dict(sorted(self.values.items())),
                "datasets": dict(sorted(self.reads.items())), "modules": modules, "figures": list(self.figures)}

    def close(self) -> None:
        """Emit the run record; every declared figure must have been published."""
        missing = [f for f in self.essay.figures if f not in self.figures]
        if missing:
            raise ValueError(f"declared figures not published by this run: {', '.join(missing)}")
        emit(RECORD_NAME, {"text/plain": f"Run record of {self.essay.name}", RECORD_MIME: self.record()})


def open(name: str, parameters: dict[str, Any] | None = None) -> Run:  # noqa: A001
    """Start a run of essay ``name`` with ``parameters`` (missing ones take their defaults).

    Raises :class:`~sovind.errors.ParameterError` naming the allowed values of
    the first bad parameter, before anything is read.
    """
    return Run(essay(name), dict(parameters or {}))
