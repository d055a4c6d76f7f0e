"""Validate a table against its Frictionless Table Schema, with clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frictionless import Resource, Schema

from sovind import paths
from sovind.data import bib
from sovind.errors import DataError


def validate_csv(path: Path, schema: dict[str, Any], *, label: str | None = None) -> None:
    """Check a CSV file against a Table Schema descriptor and the bibliography.

    Raises :class:`DataError` for the first problem, naming the file, the line
    (counting the header as line 1) and the column. Checks types, required
    cells, enumerated values (such as units), primary-key uniqueness, and that
    every ``source`` cell is a key of ``data/references.bib``.
    """
    label = label or paths.relative(path)
    resource = Resource(path=path.name, basepath=str(path.parent), schema=Schema.from_descriptor(schema))
    report = resource.validate()
    if not report.valid:
        errors = report.flatten(["type", "rowNumber", "fieldName", "note", "cell", "message"])
        kind, line, column, note, cell, message = errors[0]
        if kind == "extra-cell":
            column, note = None, (f"more cells than header columns ({cell!r} is extra): quote a cell that holds a "
                                  "comma")
        note = note or message
        if kind == "primary-key":
            column = "+".join(schema.get("primaryKey", []))
            note = f"duplicate key ({column}): {note}"
        elif kind == "constraint-error" and "required" in note:
            field = next(f for f in schema["fields"] if f["name"] == column)
            note = "empty cell where a value is required" + (f": {field['description']}" if "description" in field
                                                              else "")
        elif kind == "constraint-error" and "enum" in note:
            allowed = next(f for f in schema["fields"] if f["name"] == column)["constraints"]["enum"]
            note = f"value not allowed; allowed values: {', '.join(allowed)}"
        elif kind == "type-error":
            field = next(f for f in schema["fields"] if f["name"] == column)
            note = f"{cell!r} is not a valid {field['type']}"
        raise DataError(label, note, line=line, column=column)
    names = [f["name"] for f in schema["fields"]]
    if "source" in names:
        known = bib.keys()
        with resource:
            for number, row in enumerate(resource.row_stream, start=2):
                if row["source"] not in known:
                    raise DataError(
                        label,
                        f"source key {row['source']!r} is not in data/references.bib",
                        line=number,
                        column="source",
                    )
