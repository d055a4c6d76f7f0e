"""Pages generated from the data package, the figure ledger and the essays' declarations; the citation files."""

from __future__ import annotations

import html
import json
from pathlib import Path

import yaml

from sovind import paths
from sovind.data import catalogue
from sovind.data.coverage import LABELS
from sovind.data.raw import raw_schema
from sovind.files import write_if_changed, zip_bytes

#: The whole data package as one zip, linked from the catalogue (built by `make book`, not committed).
DATA_ZIP = paths.BUILD / "sovind" / "downloads" / "sovind-data.zip"

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

% Generated from data/datapackage.json by `make book`; do not edit by hand.
"""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def catalogue_markdown(package: dict) -> str:
    """Render the data package as the MyST Markdown of the catalogue page."""
    lines = [HEADER]
    licence = package["licenses"][0]
    lines.append(f"Licence of the compiled data: [{licence['title']}]({licence['path']}).\n")
    lines.append(f"**Download everything:** {{download}}`the whole data package as one zip "
                 f"<../{DATA_ZIP.relative_to(paths.ROOT).as_posix()}>` (every dataset below as CSV, the "
                 "package's description `datapackage.json` with each file's hash, the bibliography as BibTeX, "
                 "and a README).\n")
    for res in package["resources"]:
        lines.append(f"({res['name']})=\n## {res['title']}\n")
        lines.append(f"{res['description']}\n")
        lines.append(
            f"**Download:** {{download}}`{res['name']}.csv <../data/{res['path']}>` "
            f"({res['bytes']:,} bytes; `{res['hash']}`)\n"
        )
        lines.append(f"**Raw transcriptions:** {', '.join(f'`data/raw/{r}`' for r in res['raw'])}\n")
        cited = "; ".join(f"{{cite:t}}`{s['key']}` ({LABELS[s['class']]})" for s in res["sources"])
        lines.append(f"**Sources** (with the class of each): {cited}.\n")
        lines.append("| Field | Type | Description |\n|---|---|---|")
        for field in res["schema"]["fields"]:
            desc = field.get("description", "")
            enum = field.get("constraints", {}).get("enum")
            if enum:
                desc += f" Allowed values: {', '.join(f'`{v}`' for v in enum)}."
            lines.append(f"| `{field['name']}` | {field['type']} | {_cell(desc)} |")
        key = ", ".join(f"`{k}`" for k in res["schema"]["primaryKey"])
        lines.append(f"\nEach row is identified by {key}.\n")
    lines += coverage_markdown()
    lines += ["(raw-transcriptions)=", "## The raw transcriptions", "",
              "Every file in `data/raw` follows one Frictionless Table Schema (`data/meta/_raw.yaml`), checked "
              "whenever the file is read:", "", "| Field | Type | Required | Description |", "|---|---|---|---|"]
    for field in raw_schema()["fields"]:
        required = "yes" if field.get("constraints", {}).get("required") else "no"
        lines.append(f"| `{field['name']}` | {field['type']} | {required} | {_cell(field.get('description', ''))} |")
    return "\n".join(lines) + "\n"




def coverage_markdown() -> list[str]:
    """Return the catalogue's coverage section: series × year, by best class of source."""
    from sovind.data.coverage import LETTERS, letters, matrix, strong_cells

    table = matrix()
    shown = letters(table)
    years = [str(y) for y in shown.columns]
    lines = ["(coverage)=", "## Coverage, 1913–1945", "",
             "Which series the data hold for which years, and the best class of source for each: "
             + ", ".join(f"**{letter}** {LABELS[cls]}" for cls, letter in LETTERS.items()) + "; a dot means no value. "
             f"{strong_cells(table)} of {table.size} cells rest on official statistics, a plan, an archive or "
             "scholarship. `python -m sovind coverage` prints the same matrix.", "",
             "| Series | " + " | ".join(y[2:] for y in years) + " |", "|---|" + "---|" * len(years)]
    lines += [f"| {name} | " + " | ".join(row) + " |" for name, row in shown.iterrows()]
    return [*lines, ""]


def data_zip(package: dict) -> bytes:
    """Return the whole data package as one zip: descriptor, every clean CSV, the bibliography, a README."""
    from sovind import book

    members: dict[str, bytes | str] = {"datapackage.json": (paths.DATA / "datapackage.json").read_bytes(),
                                       "references.bib": (paths.DATA / "references.bib").read_bytes()}
    for res in package["resources"]:
        members[res["path"]] = (paths.DATA / res["path"]).read_bytes()
    licence = package["licenses"][0]
    members["README.txt"] = "\n".join([
        f"{package['title']}", "", f"The data of {book.title()}, version {book.version()}: {book.base_url()}", "",
        "datapackage.json describes every dataset (fields, units, sources, hash of each file) as a",
        "Frictionless Data Package; each CSV row names its source and locator (page, table or line).",
        "references.bib holds the full reference of every source named.", "",
        f"Licence of the compiled data: {licence['title']} ({licence['path']}). Please cite the original",
        "sources as well as the book.", "",
        *[f"- {res['path']}: {res['title']}" for res in package["resources"]], "",
    ])
    return zip_bytes(members)


def figure_manifest(path: Path = paths.BOOK / "figures.yml") -> dict:
    """Return the figure ledger: ``published`` (every identifier ever published) and ``moved`` (old id → new place)."""
    with path.open(encoding="utf-8") as handle:
        manifest = yaml.safe_load(handle)
    return {"published": list(manifest.get("published") or []), "moved": manifest.get("moved") or {}}


def current_figures() -> dict[str, str]:
    """Return every figure the essays declare now, in book order: identifier → essay."""
    from sovind.essay.declaration import essays

    return {figure_id: name for name, declared in essays().items() for figure_id in declared.figures}


def figures_markdown() -> str:
    """Render the Figures page: every figure with its number, title, preview, essay and permalink."""
    from sovind.essay.execute import run_dir
    from sovind.essay.rerun import figure_record

    lines = [
        "# Figures",
        "",
        "Every figure in the book, in book order. Each has a permanent identifier that does not",
        "change when figures are renumbered. A permalink made from the identifier keeps working.",
        "Beside each figure in its essay, **Cite and reuse** gives a ready citation, the picture as",
        "SVG and PNG, and the CSV of exactly the data plotted.",
        "",
        "% Generated by `make book` from the essays' declarations and their last runs; do not edit by hand.",
        "",
    ]
    for figure_id, essay in current_figures().items():
        record = figure_record(run_dir(essay), figure_id)
        lines += [
            f"## {record.title}",
            "",
            f'<img class="sovind-thumb" src="../_static/figures/{figure_id}.svg" '
            f'alt="{html.escape(record.alt, quote=True)}" width="260" loading="lazy">',
            "",
            f"{{numref}}`{figure_id}` in {{doc}}`{essay}` · identifier `{figure_id}` · "
            f"{{ref}}`permalink <{figure_id}>` ({record.url()}) · "
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


README_START = "<!-- essays table: generated by `make book` from the essays' declarations -->"
README_END = "<!-- end of essays table -->"


def readme_essays_table() -> str:
    """Return the README's table of essays and parameters, from the essays' declarations."""
    from sovind.essay.declaration import essays

    lines = ["| essay | parameter | default | allowed | meaning |", "|---|---|---|---|---|"]
    for declared in essays().values():
        for p in declared.parameters:
            allowed = ", ".join(f"`{v}`" for v in p.allowed())
            lines.append(f"| {declared.name} | `{p.name}` | `{p.default}` | {allowed} | {p.help} |")
    return "\n".join(lines)


def readme_with_table(text: str) -> str:
    """Return the README with the essays table between its markers replaced by the current one."""
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise ValueError(f"README.md must hold the lines {README_START!r} and {README_END!r}")
    return text[: start + len(README_START)] + "\n" + readme_essays_table() + "\n" + text[end:]


def write_generated_pages() -> list[Path]:
    """Write every generated page and file (catalogue, figures, redirects, how-to-cite, CITATION.cff, README table).

    Returns the files that changed.
    """
    manifest = figure_manifest()
    outputs = {
        paths.BOOK / "data-catalogue.md": catalogue_markdown(catalogue.package()),
        paths.BOOK / "figures.md": figures_markdown(),
        paths.STATIC / "figure-redirects.js": redirects_script(manifest),
        paths.BOOK / "how-to-cite.md": how_to_cite_markdown(),
        paths.ROOT / "CITATION.cff": citation_cff(),
        paths.ROOT / "README.md": readme_with_table((paths.ROOT / "README.md").read_text(encoding="utf-8")),
    }
    DATA_ZIP.parent.mkdir(parents=True, exist_ok=True)
    outputs[DATA_ZIP] = data_zip(catalogue.package())
    return [target for target, text in outputs.items() if write_if_changed(target, text)]
