"""Pages generated from the data package and the figure manifest, and the book-level citation files."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from sovind import catalogue, paths
from sovind.files import write_if_changed

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




def figure_manifest(path: Path = paths.BOOK / "figures.yml") -> dict:
    """Return the committed figure manifest: ``figures`` (id → essay) and ``moved`` (old id → new place)."""
    with path.open(encoding="utf-8") as handle:
        manifest = yaml.safe_load(handle)
    return {"figures": manifest.get("figures") or {}, "moved": manifest.get("moved") or {}}


def essay_figures(essay: str) -> list[str]:
    """Return the identifiers of one essay's figures, in book order."""
    return [figure_id for figure_id, owner in figure_manifest()["figures"].items() if owner == essay]


def figures_markdown(manifest: dict, figure_dir: Path = paths.FIGURES) -> str:
    """Render the Figures page: every figure with its number, title, preview, essay and permalink."""
    lines = [
        "# Figures",
        "",
        "Every figure in the book, in book order. Each has a permanent identifier that does not",
        "change when figures are renumbered. A permalink made from the identifier keeps working.",
        "Beside each figure in its essay, **Cite and reuse** gives a ready citation, the picture as",
        "SVG and PNG, and the CSV of exactly the data plotted.",
        "",
        "This page is generated from `book/figures.yml` by `make book`; do not edit it by hand.",
        "",
    ]
    for figure_id, essay in manifest["figures"].items():
        meta = json.loads((figure_dir / f"{figure_id}.json").read_text(encoding="utf-8"))
        lines += [
            f"## {meta['title']}",
            "",
            f'<img class="sovind-thumb" src="../_static/figures/{figure_id}.svg" '
            f'alt="{meta["alt"].replace(chr(34), "&quot;")}" width="260" loading="lazy">',
            "",
            f"{{numref}}`{figure_id}` in {{doc}}`{essay}` · identifier `{figure_id}` · "
            f"{{ref}}`permalink <{figure_id}>` ({meta['url']}) · "
            f'<a download href="../_static/figures/{figure_id}.svg">SVG</a> · '
            f'<a download href="../_static/figures/{figure_id}.png">PNG</a> · '
            f'<a download href="../_static/figures/{figure_id}.csv">CSV</a>',
            "",
        ]
    return "\n".join(lines)


def redirects_script(manifest: dict) -> str:
    """Return the script that sends an old figure permalink to the figure's new place."""
    moved = {old: f"{place['essay']}.html#{place['id']}" for old, place in sorted(manifest["moved"].items())}
    return (
        "// Generated from book/figures.yml by `make book`: old figure identifiers and where they went.\n"
        f"window.SOVIND_MOVED_FIGURES = {json.dumps(moved, sort_keys=True)};\n"
        "(function () {\n"
        "  var id = decodeURIComponent(window.location.hash.slice(1));\n"
        "  var to = window.SOVIND_MOVED_FIGURES[id];\n"
        "  var book = document.currentScript.src.replace(/_static\\/.*$/, 'book/');\n"
        "  if (to) { window.location.replace(new URL(to, book)); }\n"
        "})();\n"
    )


def citation_cff() -> str:
    """Return CITATION.cff for the book, its version taken from ``_config.yml``."""
    from sovind import book

    return (
        "# Generated from _config.yml by `make book`; edit the version there.\n"
        "cff-version: 1.2.0\n"
        "message: \"If you use this book, its data or a figure from it, please cite it as below.\"\n"
        "type: dataset\n"
        f"title: \"{book.title()}\"\n"
        "authors:\n"
        f"  - name: \"{book.author()}\"\n"
        f"version: \"{book.version()}\"\n"
        f"url: \"{book.base_url()}\"\n"
        "license: CC-BY-4.0\n"
        "keywords: [Soviet Union, industrialisation, economic history, GOELRO, open data]\n"
    )


def how_to_cite_markdown() -> str:
    """Return the "How to cite" page for the book as a whole."""
    from sovind import book

    year = book.config().get("copyright", "")
    return f"""# How to cite

Cite the book as a whole like this:

> {book.author()} ({year}). *{book.title()}*, version {book.version()}. {book.base_url()}

```bibtex
@book{{sovind-book,
  author    = {{{{{book.author()}}}}},
  title     = {{{{{book.title()}}}}},
  year      = {{{year}}},
  edition   = {{version {book.version()}}},
  url       = {{{book.base_url()}}}
}}
```

The same details, in machine-readable form, are in `CITATION.cff` at the top of the
repository.

**A figure.** Every figure has a permanent identifier and a **Cite and reuse** block
beside it, with a citation, BibTeX, and downloads of the picture and of the data plotted.
The {{doc}}`figures` page lists them all.

**A number or a dataset.** Cite the original source. Every value names it: the
{{doc}}`data-catalogue` gives each dataset's sources, and each row of a dataset gives the
page, table or section. Please cite this book as well when you use its compilation, its
harmonised units or its comparisons.

**Versions.** The version number changes whenever data or essays change. When you cite
a number or a figure, give the version you saw. Texts and data are licensed CC BY 4.0 and
code MIT.
"""


def write_generated_pages() -> list[Path]:
    """Write every generated page and file: catalogue, figures, redirects, how-to-cite, CITATION.cff."""
    manifest = figure_manifest()
    outputs = {
        paths.BOOK / "data-catalogue.md": catalogue_markdown(catalogue.package()),
        paths.BOOK / "figures.md": figures_markdown(manifest),
        paths.STATIC / "figure-redirects.js": redirects_script(manifest),
        paths.BOOK / "how-to-cite.md": how_to_cite_markdown(),
        paths.ROOT / "CITATION.cff": citation_cff(),
    }
    for target, text in outputs.items():
        write_if_changed(target, text)
    return list(outputs)
