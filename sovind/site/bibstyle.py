"""The bibliography's style: author–year labels, sorted by author, titles as printed, proper dashes.

A pybtex formatting style (``sovind``) for sphinxcontrib-bibtex, registered by the book's Sphinx
extension. It differs from pybtex's ``plain`` in three ways only: each entry is labelled by its
author and year as the essays name it ("Nutter 1962"), not by a number; entries are sorted by
that name (an anonymous work by its title); and titles keep the capitals they are printed
with, with ``--`` written as an en dash.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pybtex.plugin import register_plugin
from pybtex.richtext import String
from pybtex.style.formatting.plain import Style as Plain
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field, sentence

from sovind.data.bib import author_year


def _dashes(text: Any) -> Any:
    return text.map(lambda part: String(part.value.replace("--", "–")))


class AuthorYearLabels(BaseLabelStyle):
    """Label each entry as readers name it in the essays: "Nutter 1962", "Gosplan SSSR 1929"."""

    def format_labels(self, sorted_entries: Iterable[Any]) -> Iterator[str]:
        """Yield one label per entry, in the order given; works by one author in one year get a, b, c..."""
        entries = list(sorted_entries)
        labels = [author_year(entry.key).replace(" (", " ").removesuffix(")") for entry in entries]
        seen: dict[str, int] = {}
        for label in labels:
            if labels.count(label) == 1:
                yield label
            else:
                seen[label] = seen.get(label, 0) + 1
                yield label + " " + "abcdefghijklmnopqrstuvwxyz"[seen[label] - 1]


class ByName(BaseSortingStyle):
    """Sort entries as a reader looks them up: by the name the essays use, then the year, then the key."""

    def sorting_key(self, entry: Any) -> tuple[str, str]:
        """Return the entry's name and year, lower case, and its key to break ties."""
        return author_year(entry.key).lower(), entry.key


class Style(Plain):
    """pybtex's plain style with author–year labels, author–year sorting and titles as printed."""

    default_label_style = "sovind"
    default_sorting_style = "sovind"

    def format_title(self, e: Any, which_field: str, as_sentence: bool = True) -> Any:
        """Return the title as printed (no forced lower case), with en dashes."""
        title = field(which_field, apply_func=_dashes)
        return sentence[title] if as_sentence else title


def register() -> None:
    """Make the style and its labels known to pybtex (idempotent)."""
    register_plugin("pybtex.style.labels", "sovind", AuthorYearLabels, force=True)
    register_plugin("pybtex.style.sorting", "sovind", ByName, force=True)
    register_plugin("pybtex.style.formatting", "sovind", Style, force=True)
