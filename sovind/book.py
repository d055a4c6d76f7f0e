"""The book's own settings, read from ``_config.yml`` (the one place they live)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sovind import paths


@lru_cache(maxsize=1)
def config(path: Path = paths.ROOT / "_config.yml") -> dict[str, Any]:
    """Return ``_config.yml`` as a dict."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def version() -> str:
    """Return the book's version (``sphinx.config.release`` in ``_config.yml``)."""
    return str(config()["sphinx"]["config"]["release"])


def title() -> str:
    """Return the book's title."""
    return str(config()["title"])


def author() -> str:
    """Return the book's author line."""
    return str(config()["author"])


def base_url() -> str:
    """Return the URL the book is published at, ending in a slash."""
    return str(config()["html"]["baseurl"]).rstrip("/") + "/"
