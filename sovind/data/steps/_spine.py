"""The data spine: annual series and census counts read from machine-readable sources (``data/raw/external``).

The ``annual_series``, ``census_counts`` and ``excluded_values`` steps share
this module, because one reading of the sources gives all three.

Each series names its estimate, its period (calendar years here) and the
territory its source covers. Values a source marks as missing, and values known
to be placeholders rather than data, are collected with their reason in
:func:`excluded`, which the ``excluded_values`` table publishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import openpyxl

from sovind.data.external import (
    Excluded,
    SourceFile,
    Value,
    census_count,
    dbf_records,
    long_rows,
    provenance,
    republic_counts,
    source_file,
    wide_column,
    wide_row,
)
from sovind.errors import DataError

YEARS = range(1913, 1946)

#: The territories a value can refer to.
CONTEMPORARY = "contemporary"  # the borders of each year: Russian Empire to 1917, then the USSR as it stood
INTERWAR = "interwar-ussr"  # the USSR before the annexations of 1939–40
POSTWAR = "postwar-ussr"  # the USSR in its borders after 1945
BORDERS_1991 = "1991-borders"  # the territory of the USSR's successor states
RUSSIAN_EMPIRE = "russian-empire"  # the Empire in its borders of the time


@dataclass(frozen=True)
class Series:
    """How one series is read from one source."""

    series: str
    estimate: str
    unit: str
    territory: str
    note: str = ""


def _row(series: Series, year: int, value: Value, number: float | None = None, *, derived: str = "",
         period_kind: str = "calendar", period: str | None = None) -> dict[str, Any]:
    return {
        "series": series.series, "estimate": series.estimate, "year": year, "period": period or str(year),
        "period_kind": period_kind, "territory": series.territory,
        "value": value.number() if number is None else number,
        "unit": series.unit, "source": value.file.publication, "locator": f"{value.file.path.name}: {value.locator}",
        "note": series.note, "derived": derived, "raw_file": value.file.label, "raw_line": value.line,
    }


#: Known placeholders: (estimate, series, years, reason). Left out of the data and logged.
PLACEHOLDERS = [
    ("cow-nmc-6", "steel", range(1941, 1945),
     "Correlates of War interpolation (\"COW 1 Interpolation\", quality code D in the supplementary file), not data"),
    ("maddison-2010", "gdp", range(1941, 1946),
     "one figure repeated for 1941-1945: an aggregation placeholder, not an estimate for each year"),
]


def _placeholder(estimate: str, series: str, year: int) -> str | None:
    for est, ser, years, reason in PLACEHOLDERS:
        if (est, ser) == (estimate, series) and year in years:
            return reason
    return None


@lru_cache(maxsize=2)
def _collect(raw_dir: Path) -> tuple[tuple[dict[str, Any], ...], tuple[Excluded, ...]]:
    rows: list[dict[str, Any]] = []
    excluded: list[Excluded] = []

    def add(series: Series, found: tuple[list[tuple[int, Value]], list[Excluded]], scale: float = 1.0) -> None:
        values, missing = found
        excluded.extend(missing)
        for year, value in values:
            reason = _placeholder(series.estimate, series.series, year)
            if reason:
                excluded.append(Excluded(value.file, value.line, value.locator, value.text, reason))
            else:
                rows.append(_row(series, year, value, value.number() * scale))

    nmc = source_file("cow_nmc", "NMC-60-abridged.csv", raw_dir)
    add(Series("steel", "cow-nmc-6", "thousand tonnes", CONTEMPORARY,
               "Iron and steel production (irst), from Mitchell (1998); Russian Empire, then USSR."),
        long_rows(nmc, {"ccode": "365"}, "irst", YEARS))
    add(Series("population", "cow-nmc-6", "thousand", CONTEMPORARY, "Total population (tpop)."),
        long_rows(nmc, {"ccode": "365"}, "tpop", YEARS))

    pig = source_file("mitchell_pig_iron", "Pig_Iron_Production_Mitchell.csv", raw_dir)
    add(Series("pig_iron", "mitchell-1998", "thousand tonnes", CONTEMPORARY, "Mitchell's Russia/USSR row."),
        wide_row(pig, 0, "rus", YEARS, "X{year}"))

    for fuel in ("coal", "oil"):
        shift = source_file("etemad_luciani", f"shift_{fuel}.csv", raw_dir)
        add(Series(f"{fuel}_energy", "etemad-1991", "EJ", CONTEMPORARY,
                   f"{fuel.capitalize()} production in energy content (exajoules), not tonnes; the column merges the "
                   "Russian Empire, the USSR and the Russian Federation."),
            wide_column(shift, "Russian Federation & USSR", YEARS))

    gdp = source_file("maddison_2010_2013", "horizontal-file_02-2010-gdp.csv", raw_dir)
    add(Series("gdp", "maddison-2010", "million 1990 GK dollars", BORDERS_1991), wide_row(gdp, 0, "Total Former USSR",
                                                                                          YEARS))
    per_head = source_file("maddison_2010_2013", "mpd_2013-01.csv", raw_dir)
    add(Series("gdp_per_head", "maddison-2013", "1990 GK dollars", BORDERS_1991),
        wide_column(per_head, "F. USSR", YEARS))
    mpd = source_file("maddison_2020", "mpd2020.csv", raw_dir)
    add(Series("gdp_per_head", "maddison-2020", "2011 international dollars", BORDERS_1991),
        long_rows(mpd, {"countrycode": "SUN"}, "gdppc", YEARS))
    add(Series("population", "maddison-2020", "thousand", BORDERS_1991), long_rows(mpd, {"countrycode": "SUN"}, "pop",
                                                                                     YEARS))
    rows.extend(_adh(raw_dir))
    return tuple(rows), tuple(excluded)


def _adh(raw_dir: Path) -> list[dict[str, Any]]:
    """Return population on 1 January from ADH (1993): the printed totals for men and for women, added."""
    source = source_file("adh_1993", "USSR-population-ADH.xlsx", raw_dir)
    book = openpyxl.load_workbook(source.path, read_only=True, data_only=True)
    totals: dict[str, dict[Any, float]] = {}
    for sheet in ("Males", "Females"):
        rows = list(book[sheet].iter_rows(values_only=True))
        header, first = rows[0], rows[1]
        if first[0] != "всего":
            raise DataError(source.label, f"sheet {sheet}: the second row is not the total ('всего')", line=2)
        totals[sheet] = {h: float(v) for h, v in zip(header[1:], first[1:], strict=True) if h is not None}
    out = []
    for heading, men in totals["Males"].items():
        text = str(heading)
        year = int(text[:4])
        if year not in YEARS:
            continue
        if text.endswith("1938"):
            territory = INTERWAR
        elif text.endswith("1946") or year >= 1940:
            territory = POSTWAR
        else:
            territory = INTERWAR
        estimate = "adh-1993" if text == str(year) else f"adh-1993-{territory}"
        series = Series("population", estimate, "thousand", territory,
                        "On 1 January. 1940 and 1941 follow on from 1939 in the borders of 1946, so are read as in "
                        "those borders." if year >= 1940 else "On 1 January.")
        value = Value(source, 2, f'sheets Males and Females, row "всего", column "{text}"', str(men))
        row = _row(series, year, value, men + totals["Females"][heading], period_kind="point-in-time",
                   period=f"1 January {year}", derived="sum of the printed totals for men and for women")
        out.append(row)
    return out


def annual_rows(raw_dir: Path) -> list[dict[str, Any]]:
    """Return the rows of the ``annual_series`` table."""
    return list(_collect(raw_dir)[0])


def excluded(raw_dir: Path) -> list[Excluded]:
    """Return every source cell left out of ``annual_series``, with its reason."""
    return list(_collect(raw_dir)[1])


#: The census files: census year, date, territory, and the columns that give both sexes together.
CENSUSES = {
    1926: ("17 December 1926", INTERWAR, ("both genders",)),
    1937: ("6 January 1937", INTERWAR, ("male", "female")),
    1939: ("17 January 1939", INTERWAR, ("both genders",)),
    1959: ("15 January 1959", POSTWAR, ("both genders",)),
    1970: ("15 January 1970", POSTWAR, ("both genders",)),
}


def census_1897(raw_dir: Path) -> list[dict[str, Any]]:
    """Return the 1897 census: the printed Empire total, and urban and rural summed over the GIS's guberniyas."""
    book_file = source_file("census_1897", "census-1897.xlsx", raw_dir)
    sheet = openpyxl.load_workbook(book_file.path, read_only=True, data_only=True)["Sheet2"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    found = [(n, r) for n, r in enumerate(rows, start=1) if r[0] == "Империя"]
    if len(found) != 1:
        raise DataError(book_file.label, "sheet Sheet2: expected one row 'Империя' (the Empire total)")
    line, empire = found[0]
    base = {"census": 1897, "date": "28 January 1897", "census_date": "1897-01-28 (Old Style)",
            "territory": RUSSIAN_EMPIRE, "unit": "persons"}
    out = [{**base, "measure": "total", "value": int(empire[header.index("чж-о")]), "source": book_file.publication,
            "locator": 'census-1897.xlsx: sheet Sheet2, row "Империя", column "чж-о" (both sexes)', "derived": "",
            "raw_file": book_file.label, "raw_line": line}]
    gis = source_file("census_1897", "1897RussianEmpire.dbf", raw_dir)
    records = [r for r in dbf_records(gis) if (r["POPALL"] or 0) >= 0]  # -1: no data (Finland, Bukhara, Khiva)
    if int(sum(r["POPALL"] for r in records)) != out[0]["value"]:
        raise DataError(gis.label, "the guberniyas of the GIS do not add up to the printed Empire total")
    for measure, field in (("urban", "POPCITY"), ("rural", "POPRUR")):
        out.append({**base, "measure": measure, "value": int(sum(r[field] for r in records)),
                    "source": gis.publication, "locator": f"1897RussianEmpire.dbf: field {field}",
                    "derived": f"sum over the {len(records)} guberniyas and oblasts with data (the GIS codes the "
                               "Finnish guberniyas, Bukhara and Khiva -1, no data), which add up to the printed total",
                    "raw_file": gis.label, "raw_line": 1})
    return out


#: The censuses whose tables the transcription also gives for the Russian republic alone.
REPUBLIC_CENSUSES = {1926: "17 December 1926", 1939: "17 January 1939"}
RSFSR = "rsfsr"  # the Russian Soviet Federative Socialist Republic, in the borders of the census year
#: The union republics of the 1939 census workbook (as printed) → territory keys; the RSFSR is read from its own files.
REPUBLICS_1939 = {
    "УкраинскаяССР": "ukrainian-ssr", "БелорусскаяССР": "belorussian-ssr", "АзербайджанскаяССР": "azerbaijan-ssr",
    "ГрузинскаяССР": "georgian-ssr", "АрмянскаяССР": "armenian-ssr", "ТуркменскаяССР": "turkmen-ssr",
    "УзбекскаяССР": "uzbek-ssr", "ТаджикскаяССР": "tajik-ssr", "КазахскаяССР": "kazakh-ssr",
    "КиргизскаяССР": "kirghiz-ssr",
}


def republic_rows(raw_dir: Path) -> list[dict[str, Any]]:
    """Return the total, urban and rural population of the union republics at the censuses.

    The RSFSR at 1926 and 1939 from its own files; the other ten republics at 1939 (:func:`republic_rows_1939`).
    """
    rows = []
    for year, date in REPUBLIC_CENSUSES.items():
        for measure in ("total", "urban", "rural"):
            name = f"rsfsr-{year}-{measure}.txt"
            source: SourceFile = source_file("rtss_census", name, raw_dir)
            value, line, locator, kind = census_count(source, "both genders")
            rows.append({
                "census": year, "date": date, "territory": RSFSR, "measure": measure, "value": int(value),
                "unit": "persons", "source": source.publication, "locator": f"{name}: {locator}",
                "derived": "sum over single years of age, 100+ and age not stated" if kind == "sum" else "",
                "raw_file": source.label, "raw_line": line,
            })
    return rows + republic_rows_1939(raw_dir, {r["measure"]: r["value"] for r in rows if r["census"] == 1939})


def republic_rows_1939(raw_dir: Path, rsfsr: dict[str, int]) -> list[dict[str, Any]]:
    """Return the total, urban and rural population of the other ten union republics at the census of 1939.

    The workbook also holds the RSFSR and the union: its RSFSR counts must equal those of the RSFSR files
    (``rsfsr``), and the republics must add up to its union total, or the build stops.
    """
    name = "1939-republics.xls"
    source = source_file("rtss_census", name, raw_dir)
    counts = republic_counts(source)
    rows, sums = [], {"total": 0, "urban": 0, "rural": 0}
    for area, measure, value, line, locator in counts:
        if area == "СССР":
            continue  # the union total, checked against the republics' sum below
        sums[measure] += value
        if area == "РСФСР":
            if value != rsfsr[measure]:
                raise DataError(source.label, f"RSFSR {measure} {value:,} differs from the RSFSR census files' "
                                              f"{rsfsr[measure]:,}", line=line, column="G")
            continue  # the RSFSR's rows come from its own files
        if area not in REPUBLICS_1939:
            raise DataError(source.label, f"unknown area {area!r}; known: СССР, РСФСР, {', '.join(REPUBLICS_1939)}",
                            line=line, column="D")
        rows.append({
            "census": 1939, "date": REPUBLIC_CENSUSES[1939], "territory": REPUBLICS_1939[area], "measure": measure,
            "value": value, "unit": "persons", "source": source.publication, "locator": f"{name}: {locator}",
            "derived": "", "raw_file": source.label, "raw_line": line,
        })
    union = {measure: value for area, measure, value, _, _ in counts if area == "СССР"}
    for measure, total in sums.items():
        if total != union.get(measure):
            raise DataError(source.label, f"the republics' {measure} population adds up to {total:,}, not the "
                                          f"union's {union.get(measure)!r}")
    return rows


def census_rows(raw_dir: Path) -> list[dict[str, Any]]:
    """Return the total, urban and rural population of each census, as printed or summed over age."""
    rows = census_1897(raw_dir)
    for year, (date, territory, columns) in CENSUSES.items():
        dated = source_file("rtss_census", f"{year}-date.txt", raw_dir).text().strip()
        for measure in ("total", "urban", "rural"):
            name = f"{year}-{measure}.txt"
            if name not in {f["file"] for f in provenance("rtss_census", raw_dir)["files"]}:
                continue  # the 1937 transcription has no total file
            source: SourceFile = source_file("rtss_census", name, raw_dir)
            parts = [census_count(source, column) for column in columns]
            value = sum(p[0] for p in parts)
            if len(parts) > 1:
                derived = "men plus women, each the sum over single years of age, 100+ and age not stated"
            elif parts[0][3] == "sum":
                derived = "sum over single years of age, 100+ and age not stated"
            else:
                derived = ""
            rows.append({
                "census": year, "date": date, "census_date": dated, "territory": territory, "measure": measure,
                "value": int(value), "unit": "persons", "source": source.publication,
                "locator": f"{name}: " + "; ".join(p[2] for p in parts), "derived": derived,
                "raw_file": source.label, "raw_line": parts[0][1],
            })
    return rows
