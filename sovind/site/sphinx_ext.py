"""The book's Sphinx extension: figures rendered at book-build time, and no third-party scripts.

Directives (used in the essays' MyST text and the generated scenario pages):

* ``{sovind-figure} <id>``: a numbered figure. Its body is the caption. The
  figure's record, written by the essay's last run under
  ``_build/sovind/runs/<essay>/figures/<id>.json``, is rendered with
  ``templates/figure.html`` (chart, source line, cite-and-reuse block), and its
  exports (SVG, PNG, CSV, spec, metadata) are written to ``_static/figures/``
  of the built site. A changed record makes Sphinx re-read the page.
* ``{sovind-compare} <id>`` with ``:run: <essay>@<scenario>``: the published
  picture beside a scenario's, for the scenario pages.
* ``{sovind-assumptions}``: the essay's "Assumptions you can change" table, from
  its declaration.

Hooks: a figure's cite block carries a placeholder for its number, which only
Sphinx knows; it is filled in once the book is resolved. Jupyter Book always
loads sphinx-thebe, which writes into every page an inline script naming a CDN
(unpkg.com) and loads ``sphinx-thebe.js``; the book offers no live kernels in the
page, so both are removed.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sovind import paths
from sovind.site import bibstyle
from sovind.site.figure import FigureRecord

_DROP_FILES = ("sphinx-thebe.js", "sphinx-thebe.css")
#: Where, in a figure's HTML, its caption goes: after the chart, before the source line and citation.
CAPTION_SLOT = "<!-- sovind:caption -->"
_FIGNUM = re.compile(r'(<span class="sovind-fignum" data-figure-id="([a-z0-9-]+)">)\?(</span>)')


def _static_url(docname: str, folder: str) -> str:
    """Return the relative URL from a page to a folder of the built site's ``_static``."""
    return "../" * docname.count("/") + f"_static/{folder}"


class _RecordDirective(SphinxDirective):
    """Shared by the figure directives: find, read and export a figure record."""

    required_arguments = 1

    def run_name(self) -> str:
        """Return the run the figure comes from: ``:run:``, or the essay whose page this is."""
        return self.options.get("run") or Path(self.env.docname).name

    def record(self, run: str) -> FigureRecord:
        """Read the figure's record from a run, and make the page depend on it."""
        path = paths.BUILD_RUNS / run / "figures" / f"{self.arguments[0]}.json"
        if not path.exists():
            raise self.error(f"figure {self.arguments[0]!r}: no record at {paths.relative(path)}; "
                             "run `make essays` (or `python -m sovind publish`) first")
        self.env.note_dependency(str(path))
        return FigureRecord.from_json(json.loads(path.read_text(encoding="utf-8")))

    def export(self, record: FigureRecord, folder: str) -> None:
        """Write the figure's exports into ``_static/<folder>`` of the built site."""
        from sovind.site.export import export

        if self.env.app.builder.name == "html":  # the PDF's single-page build uses the site's exports
            export(record, Path(self.env.app.outdir) / "_static" / folder)


class FigureDirective(_RecordDirective):
    """A numbered, citable figure from an essay's run; the body is the caption."""

    has_content = True
    option_spec = {"run": str}

    def run(self) -> list[nodes.Node]:
        """Return the figure node: the rendered record, then its caption (and legend)."""
        record = self.record(self.run_name())
        self.export(record, "figures")
        figure = nodes.figure()
        # The caption sits right under the chart; the source line and the cite-and-reuse block follow it.
        chart, notes = record.html(_static_url(self.env.docname, "figures")).split(CAPTION_SLOT)
        figure += nodes.raw("", chart, format="html")
        body = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, body)
        if not body.children or not isinstance(body[0], nodes.paragraph):
            raise self.error(f"figure {record.id!r} needs a caption: a paragraph in the directive's body")
        first = body[0]
        figure += nodes.caption(first.rawsource, "", *first.children)
        if len(body) > 1:
            figure += nodes.legend("", *body[1:])
        figure += nodes.raw("", notes, format="html")
        figure["names"].append(record.id)
        self.state.document.note_explicit_target(figure, figure)
        return [figure]


class CompareDirective(_RecordDirective):
    """The published picture of a figure beside the same figure under a scenario's assumptions."""

    option_spec = {"run": str}

    def run(self) -> list[nodes.Node]:
        """Return the two pictures side by side."""
        run = self.options.get("run", "")
        if "@" not in run:
            raise self.error("sovind-compare needs :run: <essay>@<scenario>")
        essay, scenario = run.split("@", 1)
        published, changed = self.record(essay), self.record(run)
        folder = f"scenarios/{essay}-{scenario}"
        self.export(published, "figures")
        self.export(changed, folder)
        left = f"{_static_url(self.env.docname, 'figures')}/{published.id}.svg"
        right = f"{_static_url(self.env.docname, folder)}/{changed.id}.svg"
        html = (f'<div class="sovind-compare">'
                f'<img src="{left}" alt="{escape(published.alt)}, published" width="48%"> '
                f'<img src="{right}" alt="{escape(changed.alt)}, this scenario" width="48%"></div>')
        return [nodes.raw("", html, format="html")]


def labels(classes: str) -> str:
    """Return a comma-separated list of source classes as readers see them."""
    from sovind.data.coverage import LABELS

    return ", ".join(LABELS[c] for c in classes.split(", "))


def _option(value: Any, names: dict[Any, str], classes: dict[Any, str]) -> str:
    """Show a parameter value as a reader names it: its source and class, or the plain word."""
    if value in names:
        return f"{names[value]}, {labels(classes[value])}"
    return _shown(value, names, classes)


def _shown(value: Any, names: dict[Any, str], classes: dict[Any, str]) -> str:
    """Name a parameter value for a reader: its source and class, or the plain word (yes and no for booleans)."""
    if value in names:
        return f"{names[value]} ({labels(classes[value])})"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def controls_html(declared: Any, static: str) -> str:
    """Return the essay's controls (one labelled select per parameter) and the index of its variants.

    Hidden until the page's script shows them (``sovind-variants.js``): without
    JavaScript, and in print, the page is the published run. ``static`` is the
    relative URL of the site's ``_static`` folder.
    """
    from sovind.essay.variants import variant_dir, variant_file, variant_values

    available = [{"values": v, "file": f"{static}/{variant_file(declared.name, v)}"}
                 for v in variant_values(declared) if (variant_dir(declared.name, v) / "headlines.json").exists()]
    fields, params = [], {}
    for p in declared.parameters:
        classes, names = p.option_classes(), p.option_names()
        options = [{"value": v, "text": _shown(v, names, classes)} for v in p.allowed()]
        params[p.name] = {"default": p.default, "label": p.help[:1].upper() + p.help[1:], "options": options}
        choices = "".join(f'<option value="{escape(json.dumps(o["value"]))}"'
                          f'{" selected" if o["value"] == p.default else ""}>{escape(o["text"])}'
                          f'{" — this edition" if o["value"] == p.default else ""}</option>' for o in options)
        fields.append(f'<label class="sovind-control"><span>{escape(params[p.name]["label"])}</span>'
                      f'<select name="{escape(p.name)}">{choices}</select></label>')
    index = json.dumps({"essay": declared.name, "parameters": params, "variants": available},
                       sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    return (f'<form class="sovind-controls" hidden aria-label="Assumptions of this essay">'
            f'<p class="sovind-controls-intro">Change an assumption to see every figure and every number in the '
            f'text recomputed with it (computed when the book was built, by the essay\'s own code).</p>'
            f'{"".join(fields)}<button type="button" class="sovind-tool sovind-reset">Back to this edition</button>'
            f'</form><div class="sovind-variant-status" role="status" aria-live="polite"></div>'
            f'<script type="application/json" class="sovind-variant-index">{index}</script>')


class AssumptionsDirective(SphinxDirective):
    """The essay's "Assumptions you can change": controls, the list of values, and the command to rerun it."""

    def run(self) -> list[nodes.Node]:
        """Return the controls (raw HTML) and the list, parsed as MyST."""
        from sovind.essay.declaration import essay

        declared = essay(Path(self.env.docname).name)
        self.env.note_dependency(str(declared.text))
        lines = []
        for p in declared.parameters:
            classes, names = p.option_classes(), p.option_names()
            default = _option(p.default, names, classes)
            others = [_option(v, names, classes) for v in p.allowed() if v != p.default]
            lines.append(f"- **{p.help[:1].upper()}{p.help[1:]}** (parameter `{p.name}`). This edition: "
                         f"{default}. {'Other values: ' + '; '.join(others) + '.' if others else ''}")
        example = next(iter(declared.scenarios.values()), {})
        command = " ".join(f"-p {k} {v}" for k, v in example.items())
        lines += ["", f"To rerun this essay with other values: `make rerun ESSAY={declared.name} "
                  f"PARAMS=\"{command}\"`, then read the report of what changed (see the README). "
                  f"`python -m sovind essays` lists the value to type for each choice."]
        if declared.scenarios:
            links = ", ".join(f"{{doc}}`scenarios/{declared.name}-{s}`" for s in declared.scenarios)
            lines += ["", f"Alternative scenarios, run with the book: {links}."]
        container = nodes.container(classes=["sovind-assumptions"])
        container += nodes.raw("", controls_html(declared, _static_url(self.env.docname, "").rstrip("/")),
                               format="html")
        self.state.nested_parse(StringList(lines, source=declared.text.name), 0, container)
        return [container]


def keyed_glue_role() -> Any:
    """Return myst-nb's ``glue:text`` role, with each pasted number marked by its key and format.

    The page's script finds every glued number by ``data-glue="key:format"`` to
    show it under another variant; the text is exactly myst-nb's.
    """
    from myst_nb.ext.glue.roles import PasteTextRole

    from sovind.essay.variants import split_glue

    class KeyedPasteText(PasteTextRole):
        def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
            found, messages = super().run()
            key, fmt = split_glue(self.text)
            out: list[nodes.Node] = []
            for node in found:
                if isinstance(node, nodes.inline) and "pasted-text" in node["classes"]:
                    node = nodes.raw(node.astext(), f'<span class="pasted-text sovind-glue" data-glue="'
                                     f'{escape(key)}:{escape(fmt)}">{escape(node.astext())}</span>', format="html")
                out.append(node)
            return out, messages

    return KeyedPasteText()


def _write_variants(app: Sphinx, exception: Exception | None) -> None:
    """Write, for each essay, the data of every variant its page offers into ``_static/variants``."""
    if exception is not None or app.builder.name != "html":
        return
    from sovind.essay.declaration import essays
    from sovind.essay.variants import variant_data, variant_dir, variant_file, variant_values
    from sovind.files import write_if_changed

    for name, declared in essays().items():
        for values in variant_values(declared):
            folder = variant_dir(name, values)
            if (folder / "headlines.json").exists():
                target = Path(app.outdir) / "_static" / variant_file(name, values)
                target.parent.mkdir(parents=True, exist_ok=True)
                data = variant_data(name, folder, values)
                write_if_changed(target, json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")


def _is_thebe(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", "") if hasattr(asset, "attributes") else "")
    return filename.endswith(_DROP_FILES) or "THEBE_JS_URL" in body or "unpkg.com" in filename


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]


def _launch_text(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Point an essay page's launch button at the essay's text, its one source in the repository.

    The page is rendered from ``book/<name>.ipynb``, a build output that git does
    not hold; Binder opens ``book/essays/<name>.md`` instead (jupytext reads it).
    """
    name = pagename.removeprefix("book/")
    if "/" in name or not (paths.BOOK / "essays" / f"{name}.md").exists():
        return

    def fix(buttons: list[dict]) -> None:
        for button in buttons:
            if isinstance(button.get("url"), str):
                button["url"] = button["url"].replace(f"book/{name}.ipynb", f"book/essays/{name}.md")
            fix(button.get("buttons", []))

    fix(context.get("header_buttons", []))


def _number_figures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    numbers = app.env.toc_fignumbers.get(docname, {}).get("figure", {})

    def number(match: re.Match[str]) -> str:
        found = numbers.get(match.group(2))
        return match.group(1) + (".".join(map(str, found)) if found else "?") + match.group(3)

    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if "sovind-fignum" in text:
            raw.replace_self(nodes.raw(raw.rawsource, _FIGNUM.sub(number, text), format=raw.get("format", "html")))


#: A sidebar entry whose sections fold: its link, then the toggle, a ``<summary>`` with only an icon inside.
_TOGGLE = re.compile(r'(<a class="[^"]*reference internal[^"]*" href="[^"]*">)(.*?)(</a><details(?: open="open")?>)'
                     r"<summary>")


def name_toggles(html: str) -> str:
    """Give each fold-out toggle of the sidebar an accessible name: "Sections of <the entry's title>".

    The theme draws the toggle as a bare chevron icon, which a screen reader
    announces as an unnamed control (axe-core: summary-name).
    """
    def named(match: re.Match[str]) -> str:
        title = re.sub(r"<[^>]+>", "", match.group(2))
        return f'{match.group(1)}{match.group(2)}{match.group(3)}<summary aria-label="Sections of {title}">'

    return _TOGGLE.sub(named, html)


def plain_citation_list(html: str) -> str:
    """Drop the list roles sphinxcontrib-bibtex gives the bibliography.

    It marks a ``<div>`` as ``role="list"`` whose children are not all list
    items (axe-core: aria-required-children), and each entry with the
    deprecated ``doc-biblioentry`` role; plain divisions read correctly.
    """
    return html.replace('<div role="list" class="citation-list">', '<div class="citation-list">').replace(
        ' role="doc-biblioentry"', "")


def _accessible(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Mend the two places where the theme's or the bibliography's HTML fails axe-core's serious checks."""
    if "body" in context:
        context["body"] = plain_citation_list(context["body"])
    toctree = context.get("generate_toctree_html")
    if callable(toctree) and not getattr(toctree, "sovind_named", False):
        def named_toctree(*args: Any, **kwargs: Any) -> str:
            return name_toggles(str(toctree(*args, **kwargs)))

        named_toctree.sovind_named = True  # type: ignore[attr-defined]
        context["generate_toctree_html"] = named_toctree


def code_version() -> int:
    """Return a number that changes whenever the site's code or templates change.

    Given to Sphinx as the extension's ``env_version``: a change re-reads every
    page, so an edit to a template or to this extension reaches every figure.
    """
    site = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*site.glob("*.py"), *site.glob("templates/*")]):
        digest.update(path.name.encode() + path.read_bytes())
    return int(digest.hexdigest()[:12], 16)


def _copy_static(app: Sphinx, exception: Exception | None) -> None:
    """Copy the book's own static files after every build, even one in which no page changed.

    Sphinx copies ``html_static_path`` only while writing pages, so an edited script or
    stylesheet would otherwise not reach the site until some page changed too.
    """
    from sphinx.util.fileutil import copy_asset

    if exception is None and app.builder.format == "html":
        for entry in app.config.html_static_path:
            copy_asset(str(Path(app.confdir) / entry), str(Path(app.outdir) / "_static"))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the figure directives and the figure-numbering and thebe-removal hooks."""
    app.add_directive("sovind-figure", FigureDirective)
    app.add_directive("sovind-compare", CompareDirective)
    app.add_directive("sovind-assumptions", AssumptionsDirective)
    app.setup_extension("myst_nb")  # its glue domain first, then the keyed role in its place
    app.add_role_to_domain("glue", "text", keyed_glue_role(), override=True)
    bibstyle.register()  # before sphinxcontrib-bibtex looks up `bibtex_default_style: sovind`
    app.connect("doctree-resolved", _number_figures)
    app.connect("build-finished", _copy_static)
    app.connect("build-finished", _write_variants)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("html-page-context", _launch_text, priority=900)
    app.connect("html-page-context", _accessible, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": code_version()}
