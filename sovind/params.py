"""Check an essay's parameters on entry, before any work is done."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sovind.errors import ParameterError


def check_choice(name: str, value: Any, allowed: Iterable[Any]) -> Any:
    """Return ``value`` if it is one of ``allowed``; otherwise raise naming them.

    >>> check_choice("estimate", "official", ["official", "western"])
    'official'
    """
    options = list(allowed)
    if value not in options:
        shown = ", ".join(repr(o) for o in options)
        raise ParameterError(f"parameter {name!r} is {value!r}; allowed values: {shown}")
    return value


def check_int_range(name: str, value: Any, low: int, high: int) -> int:
    """Return ``value`` if it is an integer in ``[low, high]``; otherwise raise naming the range."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterError(f"parameter {name!r} is {value!r}; it must be a whole year from {low} to {high}")
    if not low <= value <= high:
        raise ParameterError(f"parameter {name!r} is {value}; allowed range: {low} to {high}")
    return value
