"""A book figure as data: what the kernel records, and how the site cites and shows it.

An essay's run turns an Altair chart into a :class:`FigureRecord`
(:meth:`sovind.essay.run.Run.publish`): the Vega-Lite spec with its inline data,
title, alt text, a source line naming every source of the plotted rows, and
the run's provenance. The record travels as an output of the executed notebook
(no file is written by the kernel). At book-build time the Sphinx extension
reads it back, renders the page's HTML from ``templates/figure.html`` and
writes the exports (:mod:`sovind.site.export`).

Everything here is a pure function of the record: no counter, no clock.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup, escape

from sovind import book
from sovind.data import bib
from sovind.data.coverage import LABELS, source_class
from sovind.site.style import WIDTH

#: A permanent figure identifier: lower-case words joined by hyphens.
FIGURE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Placeholder for the figure number, replaced by the Sphinx extension at build time.
FIGNUM = '<span class="sovind-fignum" data-figure-id="{id}">?</span>'

LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class FigureRecord:
    """A published figure: everything needed to show, cite and export it."""

    id: str
    title: str
    alt: str
    source_line: str
    spec: dict[str, Any]
    #: The plotted rows as CSV, columns in the chart's order (JSON round trips sort object keys).
    csv: str = ""
    essay: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FigureRecord:
        """Rebuild a record from :meth:`to_json`'s output."""
        return cls(**{k: data[k] for k in ("id", "title", "alt", "source_line", "spec", "csv", "essay", "provenance")})

    def to_json(self) -> dict[str, Any]:
        """Return the record as plain JSON-able data."""
        return asdict(self)

    def url(self) -> str:
        """Return the figure's permalink: its essay page with the figure's identifier as anchor."""
        return f"{book.base_url()}book/{self.essay or 'index'}.html#{self.id}"

    def citation(self, number: str | None = "?") -> str:
        """Return a plain-text citation; ``number`` is the figure number in the book (None: cite by identifier)."""
        year = book.config().get("copyright", "")
        figure = f"Figure {number} [{self.id}]" if number is not None else f"Figure [{self.id}]"
        return (f"{book.author()} ({year}). “{self.title}”. {figure} in "
                f"{book.title()}, version {book.version()}. {self.url()}")

    def bibtex(self, number: str = "?") -> str:
        """Return a BibTeX entry for the figure; ``number`` is the figure number in the book."""
        year = book.config().get("copyright", "")
        return "\n".join([
            f"@misc{{sovind-{self.id},",
            f"  author       = {{{{{book.author()}}}}},",
            f"  title        = {{{{{self.title}}}}},",
            f"  howpublished = {{Figure {number} ({self.id}) in \\emph{{{book.title()}}}, version {book.version()}}},",
            f"  year         = {{{year}}},",
            f"  url          = {{{self.url()}}},",
            f"  note         = {{Licence {LICENCE[0]}}}",
            "}",
        ])

    def metadata(self) -> dict[str, Any]:
        """Return the figure's metadata as exported to ``<id>.json``."""
        return {
            "id": self.id,
            "title": self.title,
            "alt": self.alt,
            "essay": self.essay,
            "url": self.url(),
            "source_line": self.source_line,
            "licence": LICENCE[0],
            "provenance": self.provenance,
        }

    def html(self, static_url: str) -> str:
        """Return the page's HTML: an upgradeable chart container, source line, cite-and-reuse block.

        ``static_url`` is the relative URL of the folder holding the figure's exports.
        """
        spec = json.dumps(self.spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
        return template("figure.html").render(
            figure=self, base=f"{static_url}/{self.id}", width=WIDTH, spec=spec, licence=LICENCE,
            number_placeholder=FIGNUM.format(id=self.id),
            citation=self.citation("\0"), bibtex=self.bibtex("\0"), provenance=sorted(flat(self.provenance)),
        )


@lru_cache(maxsize=8)
def template(name: str) -> jinja2.Template:
    """Return a template of ``sovind/site/templates`` (HTML templates escape what they insert)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                             autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["numbered"] = lambda text, placeholder: Markup(str(escape(text)).replace("\0", placeholder))
    return env.get_template(name)


def flat(provenance: dict[str, Any]) -> list[tuple[str, Any]]:
    """Flatten one level of nested provenance into ``key.subkey`` pairs."""
    out: list[tuple[str, Any]] = []
    for key, value in provenance.items():
        if isinstance(value, dict):
            out.extend((f"{key}.{k}", v) for k, v in value.items())
        else:
            out.append((key, value))
    return out


def _dataset_names(node: Any) -> list[str]:
    """Return the inline datasets a spec uses, in the order of its layers and panels (not of their hash names)."""
    if not isinstance(node, dict):
        return []
    data = node.get("data")
    names = [data["name"]] if isinstance(data, dict) and "name" in data else []
    for key in ("layer", "hconcat", "vconcat", "concat", "spec"):
        value = node.get(key)
        for part in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
            names += _dataset_names(part)
    return names


def plotted_data(spec: dict[str, Any]) -> pd.DataFrame:
    """Return every row of every inline dataset of a Vega-Lite spec, in the order the chart draws them.

    The datasets are taken layer by layer, panel by panel, so that a change to
    one value never reorders the rows of the others (their names are hashes).
    Altair's placeholder for layers drawn from constants alone (rows with no
    fields, such as a rule at 100 per cent) carries no data and is skipped.
    """
    datasets = spec.get("datasets", {})
    order = [name for name in dict.fromkeys(_dataset_names(spec)) if name in datasets]
    order += sorted(set(datasets) - set(order))
    frames = [pd.DataFrame(datasets[name]) for name in order if any(datasets[name])]
    if not frames:
        raise ValueError("the chart has no inline data; pass a DataFrame to alt.Chart")
    return pd.concat(frames, ignore_index=True, sort=False)


def data_csv(data: pd.DataFrame) -> str:
    """Return plotted rows as the CSV the book publishes."""
    return data.to_csv(index=False, lineterminator="\n")


#: A year in a locator ("row 1913", "column X1913"): the part that varies along a time series.
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d)(?!\d)")


def _ranges(years: list[int]) -> str:
    """Write sorted years as runs: [1913, 1914, 1915, 1920] -> '1913-1915, 1920' (with en dashes)."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def folded(locators: set[str]) -> list[str]:
    """Fold locators that differ only in one year into one: 'row 1913' ... 'row 1945' -> 'row 1913–1945'.

    A series read from one table cell per year would otherwise print one locator
    per point, a wall of text under every chart. Locators with no year, or with
    more than one, are kept as they are. Sorted, so the line is stable.
    """
    by_template: dict[str, list[int]] = {}
    kept: list[str] = []
    for locator in locators:
        years = _YEAR.findall(locator)
        if len(years) != 1:
            kept.append(locator)
            continue
        by_template.setdefault(_YEAR.sub("\0", locator), []).append(int(years[0]))
    for template, years in by_template.items():
        kept.append(template.replace("\0", _ranges(sorted(set(years)))))
    return sorted(kept)


def source_line(data: pd.DataFrame) -> str:
    """Name every source of the plotted rows, with its class and locators, in a stable order.

    Every row needs a ``source`` (a key of ``data/references.bib``, with its
    ``locator``), unless it is computed by the book from sourced rows: then it
    has no source and a ``derived`` description instead, which the line names.
    Further pairs such as ``outcome_source`` with ``outcome_locator`` name the
    other sources a row combines.
    """
    sourced = data["source"].notna() if "source" in data.columns else pd.Series(False, index=data.index)
    derived = data["derived"].notna() if "derived" in data.columns else pd.Series(False, index=data.index)
    if not (sourced | derived).all() or not sourced.any():
        raise ValueError("every plotted row needs a 'source' value (a key of data/references.bib) "
                         "or, if the book computed it, a 'derived' description")
    where: dict[str, set[str]] = {}
    rows = data[sourced]
    for column in ["source", *sorted(c for c in data.columns if c.endswith("_source"))]:
        locator = "locator" if column == "source" else column.removesuffix("_source") + "_locator"
        for key, loc in zip(rows[column], rows[locator] if locator in rows else [None] * len(rows), strict=True):
            if isinstance(key, str) and key:
                where.setdefault(key, set())
                if isinstance(loc, str) and loc:
                    where[key].add(loc)
    parts = [f"{bib.short_title(key)} [{LABELS[source_class(key)]}]{', ' + '; '.join(folded(locs)) if locs else ''}"
             for key, locs in sorted(where.items())]
    line = "Source: " + ". ".join(parts) + "."
    if derived.any():
        line += " Computed by the book: " + "; ".join(sorted(data.loc[derived, "derived"].unique())) + "."
    return line
