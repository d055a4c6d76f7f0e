"""A figure's "Table" view: the plotted values as an HTML table, in the words the chart uses.

The table shows the fields the chart encodes or names in its tooltips, under
the titles the chart gives them, then the source of each row by author and
year with its class and locator. It is written beside the figure's other
exports (``<id>.table.html``) and fetched by the page only when a reader asks
for it, so the page itself stays light. The full CSV, with every column,
stays the complete record.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

import pandas as pd

from sovind.data import bib
from sovind.data.coverage import LABELS, source_class
from sovind.site.figure import FigureRecord, plotted_data

#: Encoding channels whose fields a reader reads off the chart, in the order the table shows them.
CHANNELS = ("y", "x", "x2", "y2", "row", "column", "facet", "color", "shape", "strokeDash", "text", "size")
#: Fields that only help draw the chart (a line's unbroken run, say) and mean nothing in a table.
HELPERS = {"run"}
#: Columns shown after the chart's own: where each row comes from.
PROVENANCE = {"source": "Source", "class": "Class of source", "locator": "Where in the source"}


def _encodings(node: Any) -> list[dict[str, Any]]:
    """Return every encoding definition of a spec, tooltips first, then by channel, layer by layer."""
    if isinstance(node, list):
        return [e for part in node for e in _encodings(part)]
    if not isinstance(node, dict):
        return []
    found: list[dict[str, Any]] = []
    encoding = node.get("encoding") or {}
    tooltip = encoding.get("tooltip")
    found += tooltip if isinstance(tooltip, list) else [tooltip] if isinstance(tooltip, dict) else []
    found += [encoding[c] for c in CHANNELS if isinstance(encoding.get(c), dict)]
    for key, value in node.items():
        if key not in ("encoding", "datasets", "data"):
            found += _encodings(value)
    return found


def _title(title: Any, field: str) -> str:
    """Return a column heading: the chart's title for the field, or the field's name in words."""
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    if isinstance(title, str) and title.strip():
        return title.strip()
    return field.replace("_", " ").capitalize()


def columns(spec: dict[str, Any], data: pd.DataFrame) -> dict[str, str]:
    """Return the table's columns, field → heading: what the chart shows, in order, once each."""
    chosen: dict[str, str] = {}
    for definition in _encodings(spec):
        field = definition.get("field")
        if not isinstance(field, str) or field in HELPERS or field in PROVENANCE or field not in data.columns:
            continue
        if field not in chosen or (chosen[field] == _title(None, field) and definition.get("title")):
            chosen[field] = _title(definition.get("title"), field)
    # Two fields under one heading (a year, and the same year as a date for the axis) show once.
    seen: set[str] = set()
    return {f: h for f, h in chosen.items() if not (h in seen or seen.add(h))}


def _cell(value: Any) -> str:
    """Write a value for the table: numbers to four significant figures at most, never in exponent form."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        decimals = max(0, 3 - math.floor(math.log10(abs(value))))
        return f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return str(value)


def table_html(record: FigureRecord) -> str:
    """Return the figure's plotted data as an HTML table, headed by the chart's own titles."""
    data = plotted_data(record.spec)
    shown = columns(record.spec, data)
    sourced = "source" in data.columns
    # A chart that already names each row's source (as "Source") keeps its own column; the class and
    # the locator are still added.
    extra = [c for c in PROVENANCE if PROVENANCE[c] not in shown.values()] if sourced else []
    headings = [*shown.values(), *(PROVENANCE[c] for c in extra)]
    rows = []
    for _, row in data.iterrows():
        cells = [_cell(row[field]) for field in shown]
        key = row["source"] if sourced and isinstance(row["source"], str) else ""
        given = {"source": bib.author_year(key) if key else "computed by the book",
                 "class": LABELS[source_class(key)] if key else "", "locator": _cell(row.get("locator"))}
        cells += [given[c] for c in extra]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    head = "<tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in headings) + "</tr>"
    return (f'<table class="sovind-data-table"><caption>The values plotted in “{escape(record.title)}”, '
            "one row per value, with its source (computed values to four significant figures; the CSV "
            f"holds them in full)</caption><thead>{head}</thead><tbody>{''.join(rows)}"
            "</tbody></table>\n")
