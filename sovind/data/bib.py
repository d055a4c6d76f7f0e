"""The bibliography, ``data/references.bib``: every source a value may cite."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pybtex.database import BibliographyData, parse_file

from sovind import paths


@lru_cache(maxsize=4)
def _parse(path: Path) -> BibliographyData:
    return parse_file(str(path), bib_format="bibtex")


def entries(path: Path = paths.REFERENCES) -> BibliographyData:
    """Parse the bibliography once and return pybtex's data for it."""
    return _parse(Path(path))


def keys(path: Path = paths.REFERENCES) -> frozenset[str]:
    """Return the set of citation keys in the bibliography."""
    return frozenset(entries(path).entries.keys())


def _plain(text: str) -> str:
    """Drop BibTeX's protective braces and write ``--`` as an en dash."""
    return text.replace("{", "").replace("}", "").replace("--", "–")


def _who(entry) -> str | None:  # noqa: ANN001 - a pybtex Entry
    """Return the work's author(s), editor(s), organisation or publisher as readers name them; None if anonymous."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if people:
        names = [" ".join(p.prelast_names + p.last_names) for p in people]
        who = names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2 else f"{names[0]} et al."
    else:
        who = entry.fields.get("organization") or entry.fields.get("publisher")
    return _plain(who) if who else None


def author_year(key: str, path: Path = paths.REFERENCES) -> str:
    """Return how a reader names a source: 'Author (year)', e.g. 'Goldman and Filtzer (n.d.)'."""
    entry = entries(path).entries[key]
    return f"{_who(entry) or _title_as_name(entry)} ({entry.fields.get('year', 'n.d.')})"


def _title_as_name(entry) -> str:  # noqa: ANN001 - a pybtex Entry
    """Name an anonymous work by its title, as historians cite one: italic-free, shortened at a word."""
    title = _plain(entry.fields.get("title", "Anon.").split(" [")[0].split(": ")[0])
    if len(title) <= 40:
        return title
    return title[:40].rsplit(" ", 1)[0] + "…"


def short_title(key: str, path: Path = paths.REFERENCES) -> str:
    """Return a one-line human description of an entry: 'Author (year), Title'."""
    entry = entries(path).entries[key]
    title = _plain(entry.fields.get("title", ""))
    if _who(entry) is None:
        return f"{title} ({entry.fields.get('year', 'n.d.')})"  # an anonymous work is named by its title
    return f"{author_year(key, path)}, {title}"


#: Addresses a source may link to: web pages and DOIs, never a script (``javascript:``) or a local file.
SAFE_URL = re.compile(r"^(https?://|doi:|https://doi\.org/)[^\s\"'<>]+$", re.IGNORECASE)


def check_urls(path: Path = paths.REFERENCES) -> None:
    """Refuse a ``url`` that is not an http(s) address or a DOI: the bibliography page makes each one a link."""
    from sovind.errors import DataError

    for key, entry in entries(path).entries.items():
        url = entry.fields.get("url")
        if url is not None and not SAFE_URL.match(url):
            raise DataError(paths.relative(path), f"entry {key!r}: url {url!r} is not an http(s) address or a DOI",
                            column="url")
