"""Build the clean tables and ``data/datapackage.json`` from the raw files.

``make data`` runs :func:`build_all`. It is all-or-nothing: every step runs and
every table is validated in a scratch directory first; only when all of them
pass are the clean files and the package descriptor replaced. A bad raw row
therefore stops the build with an error naming file, line and column, and the
published clean data stays as it was.
"""

from __future__ import annotations

import csv
import importlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from sovind import paths
from sovind.data import bib, external
from sovind.data.periods import kind_of
from sovind.data.steps import STEPS
from sovind.data.validate import validate_csv
from sovind.errors import DataError
from sovind.files import sha256, write_if_changed

PACKAGE_META = {
    "profile": "tabular-data-package",
    "name": "soviet-industrialisation",
    "title": "Soviet industrialisation in numbers, 1913–1945",
    "description": (
        "Cleaned, sourced tables behind the essays of the book. Every row names its "
        "source (a key of references.bib) and a locator (page, table or section), and "
        "points back to the raw transcription it came from (raw_file, raw_line). "
        "Where sources disagree, each estimate is its own row."
    ),
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0",
        }
    ],
}


def meta(name: str, meta_dir: Path = paths.META) -> dict[str, Any]:
    """Read a dataset's human-written metadata from ``data/meta/<name>.yaml``."""
    with (meta_dir / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def write_table(rows: list[dict[str, Any]], fields: list[str], key: list[str], path: Path) -> None:
    """Write rows as CSV in schema column order, sorted by the primary key."""
    ordered = sorted(rows, key=lambda r: tuple(_sort_key(r[k]) for k in key))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        writer.writerows(ordered)


def _sort_key(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int) else (1, str(value))


def explicit_periods(rows: list[dict[str, Any]], fields: list[str]) -> list[dict[str, Any]]:
    """Fill in the kind of each printed period, and "not stated" for a territory no step set.

    A table whose schema has ``period_kind`` (or ``target_period_kind``) gets the
    kind of its ``period`` (``target_period``) from :func:`sovind.data.periods.kind_of`,
    so an economic year or a five-year total is never taken for a calendar year.
    """
    out = []
    for row in rows:
        row = dict(row)
        for kind, period in (("period_kind", "period"), ("target_period_kind", "target_period")):
            if kind in fields and kind not in row:
                row[kind] = kind_of(str(row[period])) if row[period] not in ("", None) else ""
        if "territory" in fields and "territory" not in row:
            row["territory"] = "not stated"
        out.append(row)
    return out


def resource_descriptor(name: str, info: dict[str, Any], path: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Assemble a Frictionless resource descriptor for one built table."""
    used = sorted({v for r in rows for k, v in r.items() if k == "source" or k.startswith("source_")})
    entries = bib.entries().entries
    sources = []
    for key in used:
        source = {"title": bib.short_title(key), "key": key, "class": entries[key].fields["sourceclass"]}
        if url := entries[key].fields.get("url"):
            source["path"] = url
        sources.append(source)
    return {
        "name": name,
        "path": f"clean/{name}.csv",
        "profile": "tabular-data-resource",
        "title": info["title"],
        "description": " ".join(info["description"].split()),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": path.stat().st_size,
        "hash": f"sha256:{sha256(path)}",
        "raw": sorted({r["raw_file"] for r in rows if "raw_file" in r}),
        "schema": info["schema"],
        "sources": sources,
        "licenses": PACKAGE_META["licenses"],
    }


def check_plausible(name: str, rows: list[dict[str, Any]], ranges: dict[str, list[float]]) -> None:
    """Refuse a value outside its unit's plausible range (``data/meta/_plausible.yaml``), naming its raw row."""
    for row in rows:
        if "unit" not in row or row.get("value") in (None, ""):
            continue
        where = {"line": int(row["raw_line"]), "column": "value"} if "raw_line" in row else {}
        label = f"data/raw/{row['raw_file']}" if "raw_file" in row else f"data/clean/{name}.csv"
        if row["unit"] not in ranges:
            raise DataError(label, f"{name}: unit {row['unit']!r} has no plausible range in "
                                   "data/meta/_plausible.yaml; add one", **where)
        low, high = ranges[row["unit"]]
        if not low <= float(row["value"]) <= high:
            raise DataError(label, f"{name}: {row['value']} {row['unit']} is outside the plausible range "
                                   f"{low}-{high} for that unit; is the unit or a digit wrong?", **where)


def check_every_raw_row_is_used(rows: list[dict[str, Any]], data_dir: Path) -> None:
    """Refuse a transcribed raw row that ends in no clean table, unless a rule says why it is left out.

    The rules live in ``data/meta/ignored_raw_rows.yaml``. Raises :class:`DataError`
    naming the file and line of the first unused row.
    """
    used = {(r["raw_file"], int(r["raw_line"])) for r in rows if "raw_file" in r and "raw_line" in r}
    with (data_dir / "meta" / "ignored_raw_rows.yaml").open(encoding="utf-8") as handle:
        rules = yaml.safe_load(handle) or []
    for rule in rules:
        if set(rule) - {"file", "periods_after", "reason"} or not rule.get("reason"):
            raise DataError("data/meta/ignored_raw_rows.yaml", f"a rule needs file, periods_after and reason: {rule}")
    for path in sorted((data_dir / "raw").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                if (path.name, line) in used:
                    continue
                if any(rule["file"] == path.name and int(str(row.get("period", ""))[:4] or 0) > rule["periods_after"]
                       for rule in rules):
                    continue
                raise DataError(f"data/raw/{path.name}", "this row ends in no clean table (has a label changed?); "
                                "use it, or list it in data/meta/ignored_raw_rows.yaml with the reason",
                                line=line, column="table_row")


def traced(error: DataError, built: Path) -> DataError:
    """Name the raw row behind a failing row of a table being built, where the row records it."""
    if error.line is None:
        return error
    with built.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    row = rows[error.line - 2] if 2 <= error.line <= len(rows) + 1 else {}
    if not row.get("raw_file") or not row.get("raw_line"):
        return error
    return DataError(f"data/raw/{row['raw_file']}", f"{error.detail} (in {error.file}, line {error.line})",
                     line=int(row["raw_line"]), column=error.column)


def build_all(data_dir: Path = paths.DATA) -> list[str]:
    """Run every step, validate, then replace ``data/clean`` and the descriptor.

    Returns the names of the datasets written.
    """
    bib.check_urls(data_dir / "references.bib")
    external.check_transcriptions(data_dir / "raw")
    scratch = Path(tempfile.mkdtemp(prefix="sovind-build-"))
    try:
        resources = []
        every_row: list[dict[str, Any]] = []
        with (data_dir / "meta" / "_plausible.yaml").open(encoding="utf-8") as handle:
            ranges = yaml.safe_load(handle)
        for name in STEPS:
            step = importlib.import_module(f"sovind.data.steps.{name}")
            info = meta(name, data_dir / "meta")
            fields = [f["name"] for f in info["schema"]["fields"]]
            rows = explicit_periods(step.build(data_dir / "raw"), fields)
            check_plausible(name, rows, ranges)
            every_row.extend(rows)
            target = scratch / f"{name}.csv"
            write_table(rows, fields, info["schema"]["primaryKey"], target)
            try:
                validate_csv(target, info["schema"], label=f"data/clean/{name}.csv (as built)")
            except DataError as exc:
                raise traced(exc, target) from None
            resources.append(resource_descriptor(name, info, target, rows))
        check_every_raw_row_is_used(every_row, data_dir)
        descriptor = {**PACKAGE_META, "resources": resources}
        clean = data_dir / "clean"
        clean.mkdir(exist_ok=True)
        for stale in clean.glob("*.csv"):
            if stale.stem not in STEPS:
                stale.unlink()
        for name in STEPS:
            write_if_changed(clean / f"{name}.csv", (scratch / f"{name}.csv").read_bytes())
        write_if_changed(data_dir / "datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
        return list(STEPS)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
