"""Each essay's declared parameters and scenarios: the one place they are defined.

The essay's papermill ``parameters`` cell holds the defaults (a test checks they
match), the essay validates its values with :func:`check_parameters`, the
"Assumptions you can change" table on its page comes from :func:`assumptions_markdown`,
and ``python -m sovind rerun`` validates command-line values with :func:`parse_values`.
A new essay gets all of that by declaring its parameters here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sovind.errors import ParameterError


@dataclass(frozen=True)
class Parameter:
    """One assumption a reader may change."""

    name: str
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    #: Or take the allowed values from a dataset: (dataset, column, {column: value} filter).
    choices_from: tuple[str, str, dict[str, Any]] | None = None

    def allowed(self) -> list[Any]:
        """Return the allowed values, reading the dataset if they come from the data."""
        if self.choices:
            return list(self.choices)
        from sovind.load import load

        dataset, column, where = self.choices_from  # type: ignore[misc]
        frame = load(dataset)
        for key, value in where.items():
            frame = frame[frame[key] == value]
        return sorted(frame[column].unique().tolist())

    def parse(self, text: str) -> Any:
        """Convert a command-line string to this parameter's type, or raise naming what is expected."""
        if isinstance(self.default, bool):
            if text.lower() in {"true", "false"}:
                return text.lower() == "true"
            raise ParameterError(f"parameter {self.name!r} is {text!r}; it must be true or false")
        if isinstance(self.default, int):
            try:
                return int(text)
            except ValueError:
                raise ParameterError(f"parameter {self.name!r} is {text!r}; it must be a whole number, "
                                     f"one of {', '.join(map(str, self.allowed()))}") from None
        return text


@dataclass(frozen=True)
class Essay:
    """An essay: its notebook stem, title, parameters and named alternative scenarios."""

    name: str
    title: str
    parameters: tuple[Parameter, ...]
    scenarios: dict[str, dict[str, Any]] = field(default_factory=dict)

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


ESSAYS: dict[str, Essay] = {e.name: e for e in [
    Essay("goelro", "The GOELRO plan", (
        Parameter("capacity_target_source", "wiki_industrialization",
                  "whose account of the plan's capacity target to use",
                  choices_from=("plan_targets", "source", {"plan": "goelro-1920", "indicator": "capacity"})),
        Parameter("fyp_variant", "optimal", "which first Five-Year Plan variant the 1932 outcome is compared with",
                  choices=("starting", "optimal")),
        Parameter("estimate_1940", "cia-1952", "which estimate of 1940 electricity generation to use",
                  choices_from=("electricity_generation", "estimate", {"year": 1940})),
    ), {"lower-capacity-target": {"capacity_target_source": "info7_dneproges", "fyp_variant": "starting"}}),
    Essay("fyp1", "The first Five-Year Plan", (
        Parameter("plan_variant", "optimal", "which plan the 1932 outcomes are measured against",
                  choices=("starting", "optimal", "revised")),
        Parameter("outcome_estimate", "worldhistoryproject", "whose figures for 1932 output to use",
                  choices_from=("industrial_output", "estimate", {"year": 1932})),
        Parameter("base_year", 1928, "base year of the output index", choices=(1913, 1928)),
    ), {"revised-targets": {"plan_variant": "revised"}}),
    Essay("urbanisation", "Urbanisation", (
        Parameter("interpolation", "logistic", "how to read the urban share between censuses",
                  choices=("linear", "logistic")),
        Parameter("census_1939", "official", "which published variant of the 1939 census to use",
                  choices_from=("census_population", "variant", {"year": 1939, "measure": "urban"})),
        Parameter("include_1937", False, "whether the curve also passes through the annulled 1937 census",
                  choices=(False, True)),
    ), {"linear-revised-1939": {"interpolation": "linear", "census_1939": "wikipedia-exact"}}),
    Essay("evacuation", "The wartime evacuation of industry", (
        Parameter("loss_estimate", "erickson", "whose figures for the share of pre-war output lost to use",
                  choices_from=("occupied_shares", "estimate", {})),
        Parameter("enterprise_count", "werth-1523", "which published count of evacuated enterprises to use",
                  choices_from=("evacuated_enterprises", "estimate", {"scope": "all", "destination": "all"})),
        Parameter("people_estimate", "manley", "which estimate of people evacuated to use",
                  choices_from=("evacuated_people", "estimate", {})),
    ), {"larger-counts": {"enterprise_count": "yashin-2593", "people_estimate": "yashin-whole-war",
                          "loss_estimate": "gko-postanovlyaet"}}),
]}


def essay(name: str) -> Essay:
    """Return the named essay; the error lists the essays."""
    if name not in ESSAYS:
        raise ParameterError(f"unknown essay {name!r}; essays: {', '.join(ESSAYS)}")
    return ESSAYS[name]


def check_parameters(name: str, **values: Any) -> dict[str, Any]:
    """Check every value an essay runs with, then record them for the figures' provenance.

    Raises :class:`ParameterError` naming the allowed values for the first bad one.
    """
    from sovind.figures import begin_essay
    from sovind.params import check_choice

    declared = essay(name)
    for key in values:
        declared.parameter(key)
    for parameter in declared.parameters:
        check_choice(parameter.name, values.get(parameter.name, parameter.default), parameter.allowed())
    begin_essay(name, **values)
    return values


def parse_values(name: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Turn command-line ``NAME VALUE`` pairs into checked parameter values (nothing is run)."""
    from sovind.params import check_choice

    declared = essay(name)
    values: dict[str, Any] = {}
    for key, text in pairs:
        parameter = declared.parameter(key)
        if key in values:
            raise ParameterError(f"parameter {key!r} is given twice")
        values[key] = parameter.parse(text)
        check_choice(key, values[key], parameter.allowed())
    return values


def assumptions_markdown(name: str) -> str:
    """Return the essay's "Assumptions you can change" table, and links to its scenarios, as MyST."""
    declared = essay(name)
    lines = ["| Assumption | Default | Allowed values | What it means |", "|---|---|---|---|"]
    for p in declared.parameters:
        allowed = ", ".join(f"`{v}`" for v in p.allowed())
        lines.append(f"| `{p.name}` | `{p.default}` | {allowed} | {p.help} |")
    command = " ".join(f"-p {k} {v}" for k, v in next(iter(declared.scenarios.values()), {}).items())
    lines += ["", f"To rerun this essay with other values: `make rerun ESSAY={name} PARAMS=\"{command}\"`, "
              "then read the report of what changed (see the README)."]
    if declared.scenarios:
        links = ", ".join(f"{{doc}}`scenarios/{name}-{s}`" for s in declared.scenarios)
        lines += ["", f"Alternative scenarios, run with the book: {links}."]
    return "\n".join(lines)
