"""Each essay's declaration: the one place its parameters, scenarios and figures are defined.

An essay is a MyST Markdown notebook, ``book/essays/<name>.md``. Its front matter
holds, under ``sovind:``, the essay's title, its parameters (default, allowed
values, meaning), its named scenarios and its figure identifiers::

    sovind:
      title: The GOELRO plan
      parameters:
        fyp_variant:
          default: optimal
          help: which first Five-Year Plan variant the 1932 outcome is compared with
          choices: [starting, optimal]
        estimate_1940:
          default: cia-1952
          help: which estimate of 1940 electricity generation to use
          choices_from: {dataset: electricity_generation, column: estimate, where: {year: 1940}}
      scenarios:
        lower-capacity-target: {fyp_variant: starting}
      figures: [goelro-plan-accounts]

Everything else is generated from it: the run context checks values against it
(:mod:`sovind.essay.run`), the page's "Assumptions you can change" table, the
scenario pages, ``python -m sovind essays`` and the table in the README. The
essays and their order are those of ``_toc.yml``: a chapter ``book/<name>`` whose
text is ``book/essays/<name>.md``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sovind import paths
from sovind.errors import ParameterError

#: Where the essays' texts live.
ESSAY_DIR = paths.BOOK / "essays"



def _clip(text: str, limit: int = 60) -> str:
    """Shorten ``text`` to at most ``limit`` characters, at a word, with an ellipsis if it was cut."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"

@dataclass(frozen=True)
class Parameter:
    """One assumption a reader may change."""

    name: str
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    #: Or take the allowed values from a dataset: {dataset, column, where: {column: value or [values]}}, or
    #: from several such datasets (a list), when the values a reader may choose are spread over more than one.
    choices_from: dict[str, Any] | list[dict[str, Any]] | None = None

    @property
    def _specs(self) -> list[dict[str, Any]]:
        """``choices_from`` as a list: one entry for each dataset the allowed values come from."""
        return self.choices_from if isinstance(self.choices_from, list) else [self.choices_from or {}]

    @property
    def column(self) -> str:
        """The column the allowed values are read from (the same in every dataset of ``choices_from``)."""
        columns = {spec["column"] for spec in self._specs}
        if len(columns) != 1:
            raise ParameterError(f"parameter {self.name!r}: choices_from reads different columns {sorted(columns)}")
        return columns.pop()

    def allowed(self) -> list[Any]:
        """Return the allowed values, reading the dataset if they come from the data."""
        if self.choices:
            return list(self.choices)
        return sorted(self._choice_rows()[self.column].unique().tolist())

    def _choice_rows(self) -> Any:
        """Return the dataset rows this parameter's allowed values come from (``choices_from``)."""
        import pandas as pd

        from sovind.data.load import load

        frames = []
        for spec in self._specs:
            frame = load(spec["dataset"])
            for key, value in (spec.get("where") or {}).items():
                frame = frame[frame[key].isin(value if isinstance(value, list) else [value])]
            periods = [c for c in ("period_as_printed", "period") if c in frame]  # to tell one source's values apart
            frames.append(frame[list(dict.fromkeys([spec["column"], "source", *periods]))])
        return pd.concat(frames, ignore_index=True)

    def _option_sources(self) -> dict[Any, set[str]]:
        """Return the sources behind each allowed value that comes from the data; fixed choices have none."""
        if self.choices or not self.choices_from:
            return {}
        return {value: set(group["source"]) for value, group in self._choice_rows().groupby(self.column)}

    def option_classes(self) -> dict[Any, str]:
        """Return, for each allowed value that comes from the data, the class of its source(s).

        A value backed by several sources shows each class once, best first.
        Fixed choices (a plan variant, a method) have no source and are left out.
        """
        from sovind.data.coverage import CLASSES, source_class

        return {value: ", ".join(sorted({source_class(k) for k in sources}, key=CLASSES.index))
                for value, sources in self._option_sources().items()}

    def option_names(self) -> dict[Any, str]:
        """Return, for each allowed value that comes from the data, its source(s) by author and year.

        For example "TIME (1956)". Fixed choices are plain words already and are left out.
        """
        from sovind.data.bib import author_year, short_title
        from sovind.data.periods import in_english

        sources = self._option_sources()
        names = {value: "; ".join(sorted({author_year(k) for k in keys})) for value, keys in sources.items()}
        if not names:
            return names
        rows = self._choice_rows()
        column = next((c for c in ("period_as_printed", "period") if c in rows), None)

        def title(value: Any) -> str:  # the work's title, where one author gives several (two Wikipedia articles)
            return "; ".join(sorted({_clip(short_title(k).split(", ", 1)[-1].split(" [")[0]) for k in sources[value]}))

        def period(value: Any) -> str:  # the period as printed, in English (one article's two counts)
            printed = rows.loc[rows[self.column] == value, column] if column else []
            return in_english(str(printed.iloc[0])) if len(printed) else ""

        for name in sorted(set(names.values())):
            same = [value for value, shown in names.items() if shown == name]
            for describe in (title, period):
                told = {value: describe(value) for value in same}
                if len(same) > 1 and all(told.values()) and len(set(told.values())) == len(same):
                    names.update({value: f"{name}, {told[value]}" for value in same})
                    break
        return names

    def check(self, value: Any) -> Any:
        """Return ``value`` if it is allowed; otherwise raise naming the allowed values."""
        options = self.allowed()
        if value not in options or type(value) is not type(self.default):
            shown = ", ".join(repr(o) for o in options)
            raise ParameterError(f"parameter {self.name!r} is {value!r}; allowed values: {shown}")
        return value

    def parse(self, text: str) -> Any:
        """Convert a command-line string to this parameter's type, or raise naming what is expected."""
        if isinstance(self.default, bool):
            if text.lower() in {"true", "false"}:
                return text.lower() == "true"
            raise ParameterError(f"parameter {self.name!r} is {text!r}; it must be true or false")
        if isinstance(self.default, int):
            if not re.fullmatch(r"-?[0-9]+", text):  # int() would also take "1_913", " 1913" or other digits
                raise ParameterError(f"parameter {self.name!r} is {text!r}; it must be a whole number, "
                                     f"one of {', '.join(map(str, self.allowed()))}")
            return int(text)
        return text


@dataclass(frozen=True)
class Essay:
    """An essay: its name, text, title, parameters, named scenarios and figures."""

    name: str
    title: str
    text: Path
    parameters: tuple[Parameter, ...]
    scenarios: dict[str, dict[str, Any]] = field(default_factory=dict)
    figures: tuple[str, ...] = ()
    #: The ``sovind`` block of the front matter as written, for the rebuild key.
    declared: dict[str, Any] = field(default_factory=dict, compare=False)

    def parameter(self, name: str) -> Parameter:
        """Return the named parameter; the error lists the essay's parameters."""
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        names = ", ".join(p.name for p in self.parameters)
        raise ParameterError(f"essay {self.name!r} has no parameter {name!r}; parameters: {names}")

    def defaults(self) -> dict[str, Any]:
        """Return every parameter's default value."""
        return {p.name: p.default for p in self.parameters}

    def check(self, values: dict[str, Any]) -> dict[str, Any]:
        """Return every parameter's value (defaults filled in), each checked against its allowed values."""
        for key in values:
            self.parameter(key)
        return {p.name: p.check(values.get(p.name, p.default)) for p in self.parameters}

    def scenario(self, name: str) -> dict[str, Any]:
        """Return a declared scenario's parameter values; the error lists the scenarios."""
        if name not in self.scenarios:
            raise ParameterError(f"essay {self.name!r} has no scenario {name!r}; scenarios: "
                                 f"{', '.join(self.scenarios) or 'none'}")
        return self.scenarios[name]

    def declaration_hash(self) -> str:
        """Hash the declaration as written: changing it re-executes this essay only."""
        text = json.dumps(self.declared, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def front_matter(text: str, path: Path) -> dict[str, Any]:
    """Return the YAML front matter of a MyST text notebook; the error names the file."""
    if not text.startswith("---\n"):
        raise ParameterError(f"{paths.relative(path)}: an essay must start with YAML front matter")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ParameterError(f"{paths.relative(path)}: the front matter is not closed by a line '---'")
    return yaml.safe_load(text[4:end]) or {}


def read_declaration(path: Path) -> Essay:
    """Read the essay declared in the front matter of ``path``."""
    meta = front_matter(path.read_text(encoding="utf-8"), path).get("sovind")
    where = paths.relative(path)
    if not isinstance(meta, dict):
        raise ParameterError(f"{where}: the front matter has no 'sovind:' declaration")
    parameters = []
    for name, spec in (meta.get("parameters") or {}).items():
        if not {"default", "help"} <= set(spec) or not ({"choices", "choices_from"} & set(spec)):
            raise ParameterError(f"{where}: parameter {name!r} needs default, help and choices or choices_from")
        parameters.append(Parameter(name, spec["default"], spec["help"], tuple(spec.get("choices") or ()),
                                    spec.get("choices_from")))
    return Essay(name=path.stem, title=meta["title"], text=path, parameters=tuple(parameters),
                 scenarios=dict(meta.get("scenarios") or {}), figures=tuple(meta.get("figures") or ()),
                 declared=meta)


def toc_chapters(toc: Path | None = None) -> list[str]:
    """Return the files of ``_toc.yml``'s chapters, in book order."""
    with (toc or paths.ROOT / "_toc.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return [chapter["file"] for part in data.get("parts", []) for chapter in part.get("chapters", [])
            if "file" in chapter]


@lru_cache(maxsize=1)
def essays() -> dict[str, Essay]:
    """Return every essay, in book order: each chapter ``book/<name>`` with a text ``book/essays/<name>.md``."""
    found = {}
    for chapter in toc_chapters():
        name = Path(chapter).name
        text = ESSAY_DIR / f"{name}.md"
        if chapter == f"book/{name}" and text.exists():
            found[name] = read_declaration(text)
    return found


def essay(name: str) -> Essay:
    """Return the named essay; the error lists the essays."""
    known = essays()
    if name not in known:
        raise ParameterError(f"unknown essay {name!r}; essays: {', '.join(known)}")
    return known[name]


def parse_values(name: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Turn command-line ``NAME VALUE`` pairs into checked parameter values (nothing is run)."""
    declared = essay(name)
    values: dict[str, Any] = {}
    for key, text in pairs:
        parameter = declared.parameter(key)
        if key in values:
            raise ParameterError(f"parameter {key!r} is given twice")
        values[key] = parameter.check(parameter.parse(text))
    return values
