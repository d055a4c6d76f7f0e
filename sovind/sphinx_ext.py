"""A small Sphinx extension that keeps the built book free of third-party scripts.

Jupyter Book always loads sphinx-thebe, which writes into every page an inline
script naming a CDN URL (unpkg.com) and loads ``sphinx-thebe.js``. The book
does not offer live kernels in the page, so both are removed: no built page
refers to a script, style or font on another host.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

_DROP_FILES = ("sphinx-thebe.js", "sphinx-thebe.css")


def _is_thebe(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", "") if hasattr(asset, "attributes") else "")
    return filename.endswith(_DROP_FILES) or "THEBE_JS_URL" in body or "unpkg.com" in filename


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the page-context hook that drops sphinx-thebe's assets."""
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
