"""Pages generated from the data package: the data catalogue."""

from __future__ import annotations

from pathlib import Path

from sovind import catalogue, paths

HEADER = """\
# Data catalogue

Every number in this book comes from one of the datasets below. Each dataset is
a tidy CSV built by code from transcriptions of published tables
(`data/raw`, in the source's own units and year labels). Each row names its
source and locator (the page, table or section), and gives the raw file and line it
came from. When sources disagree, each estimate is a separate row. Nothing is averaged
or filled in.

The descriptions come from `data/datapackage.json`, a
[Frictionless Data Package](https://specs.frictionlessdata.io/data-package/).
This page is generated from it by `make book`; do not edit it by hand.
"""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def catalogue_markdown(package: dict) -> str:
    """Render the data package as the MyST Markdown of the catalogue page."""
    lines = [HEADER]
    licence = package["licenses"][0]
    lines.append(f"Licence of the compiled data: [{licence['title']}]({licence['path']}).\n")
    for res in package["resources"]:
        lines.append(f"({res['name']})=\n## {res['title']}\n")
        lines.append(f"{res['description']}\n")
        lines.append(
            f"**Download:** {{download}}`{res['name']}.csv <../data/{res['path']}>` "
            f"({res['bytes']:,} bytes; `{res['hash']}`)\n"
        )
        lines.append(f"**Raw transcriptions:** {', '.join(f'`data/raw/{r}`' for r in res['raw'])}\n")
        keys = ",".join(s["key"] for s in res["sources"])
        lines.append(f"**Sources:** {{cite:p}}`{keys}`\n")
        lines.append("| Field | Type | Description |\n|---|---|---|")
        for field in res["schema"]["fields"]:
            desc = field.get("description", "")
            enum = field.get("constraints", {}).get("enum")
            if enum:
                desc += f" Allowed values: {', '.join(f'`{v}`' for v in enum)}."
            lines.append(f"| `{field['name']}` | {field['type']} | {_cell(desc)} |")
        key = ", ".join(f"`{k}`" for k in res["schema"]["primaryKey"])
        lines.append(f"\nEach row is identified by {key}.\n")
    return "\n".join(lines)


def write_catalogue(target: Path = paths.BOOK / "data-catalogue.md") -> Path:
    """Write the data catalogue page from ``data/datapackage.json``."""
    text = catalogue_markdown(catalogue.package())
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target
