"""A small Sphinx extension for the book's figures and its freedom from third-party scripts.

* Figure numbers: a figure's "Cite and reuse" block is written when the essay
  runs, before Sphinx has numbered anything; it carries a placeholder that this
  extension replaces with the figure's number once the book is resolved.
* No third-party scripts: Jupyter Book always loads sphinx-thebe, which writes
  into every page an inline script naming a CDN URL (unpkg.com) and loads
  ``sphinx-thebe.js``. The book offers no live kernels in the page, so both are
  removed.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

_DROP_FILES = ("sphinx-thebe.js", "sphinx-thebe.css")
_FIGNUM = re.compile(r'(<span class="sovind-fignum" data-figure-id="([a-z0-9-]+)">)\?(</span>)')


def _is_thebe(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", "") if hasattr(asset, "attributes") else "")
    return filename.endswith(_DROP_FILES) or "THEBE_JS_URL" in body or "unpkg.com" in filename


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]


def _number_figures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    numbers = app.env.toc_fignumbers.get(docname, {}).get("figure", {})

    def number(match: re.Match[str]) -> str:
        found = numbers.get(match.group(2))
        return match.group(1) + (".".join(map(str, found)) if found else "?") + match.group(3)

    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if "sovind-fignum" in text:
            raw.replace_self(nodes.raw(raw.rawsource, _FIGNUM.sub(number, text), format=raw.get("format", "html")))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the figure-numbering and thebe-removal hooks."""
    app.connect("doctree-resolved", _number_figures)
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
