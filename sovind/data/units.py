"""Units as printed in the sources, and how each converts to the book's units.

Conversion uses :class:`decimal.Decimal`, so a clean value is exactly the
printed value times a power of ten: no floating-point residue, byte-identical
output on every run.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Unit(NamedTuple):
    """A printed unit's harmonised equivalent: ``clean = printed × factor``."""

    clean: str
    factor: Decimal


#: Printed unit (exactly as the raw file spells it) → harmonised unit.
UNITS: dict[str, Unit] = {
    # value of output and indexes, kept as printed (Nutter 1962, Appendix F)
    "billion rubles (1926/27 prices)": Unit("billion rubles (1926/27 prices)", Decimal(1)),
    "index, 1928 = 100": Unit("index, 1928 = 100", Decimal(1)),
    "index, 1950 = 100": Unit("index, 1950 = 100", Decimal(1)),
    "index, 1940 = 100": Unit("index, 1940 = 100", Decimal(1)),
    # electrical energy → billion kWh
    "kWh": Unit("billion kWh", Decimal("1e-9")),
    "million kWh": Unit("billion kWh", Decimal("0.001")),
    "billion kWh": Unit("billion kWh", Decimal(1)),
    "млн. квтч": Unit("billion kWh", Decimal("0.001")),
    "млн. кВт·ч": Unit("billion kWh", Decimal("0.001")),
    "млрд. кВт·ч": Unit("billion kWh", Decimal(1)),
    "млрд. квт-ч": Unit("billion kWh", Decimal(1)),
    "млрд кВт•ч": Unit("billion kWh", Decimal(1)),
    # electrical power (installed capacity) → MW
    "kW": Unit("MW", Decimal("0.001")),
    "thousand kW": Unit("MW", Decimal(1)),
    "million kW": Unit("MW", Decimal(1000)),
    "MW": Unit("MW", Decimal(1)),
    "GW": Unit("MW", Decimal(1000)),
    "тыс. квт": Unit("MW", Decimal(1)),
    "тыс. кВт": Unit("MW", Decimal(1)),
    "млн. кВт": Unit("MW", Decimal(1000)),
    "млн кВт": Unit("MW", Decimal(1000)),
    # mass → million tonnes. Sources that print "tons" without saying metric are
    # taken as metric tonnes; each such row says so in its note.
    "млн. т": Unit("million t", Decimal(1)),
    "тыс. т": Unit("million t", Decimal("0.001")),
    "million tons": Unit("million t", Decimal(1)),
    # cement → million barrels, the unit of the plan and its reports (no conversion to tonnes is sourced)
    "млн. бочек": Unit("million barrels", Decimal(1)),
    # money → million roubles (current prices of the source)
    "million rubles": Unit("million roubles", Decimal(1)),
    "billion rubles": Unit("million roubles", Decimal(1000)),
    "млн. руб.": Unit("million roubles", Decimal(1)),
    # rates
    "per cent": Unit("per cent", Decimal(1)),
    "%": Unit("per cent", Decimal(1)),
    # people, enterprises and railway wagons
    "enterprises": Unit("enterprises", Decimal(1)),
    "million people": Unit("million people", Decimal(1)),
    "people": Unit("million people", Decimal("0.000001")),
    "thousand people": Unit("million people", Decimal("0.001")),
    "wagons": Unit("thousand wagons", Decimal("0.001")),
    "million wagons": Unit("thousand wagons", Decimal(1000)),
    # counts and durations stay as they are
    "stations": Unit("stations", Decimal(1)),
    "regions": Unit("regions", Decimal(1)),
    "years": Unit("years", Decimal(1)),
    "months": Unit("months", Decimal(1)),
    "tanks": Unit("tanks", Decimal(1)),
    "times 1913": Unit("times 1913", Decimal(1)),
}


def harmonise(value: str, unit: str) -> tuple[Decimal, str]:
    """Convert a printed value in a printed unit to the book's unit.

    Raises :class:`KeyError` naming the known units when ``unit`` is unknown;
    callers turn that into a :class:`~sovind.errors.DataError` with file and line.
    """
    if unit not in UNITS:
        raise KeyError(f"unknown unit {unit!r}; known units: {', '.join(sorted(UNITS))}")
    target = UNITS[unit]
    converted = (Decimal(value) * target.factor).normalize()
    return converted, target.clean


def format_decimal(value: Decimal) -> str:
    """Write a decimal without exponent or trailing zeros (``1.75``, ``1750``)."""
    text = format(value.normalize(), "f")
    return text
