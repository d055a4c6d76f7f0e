"""Machine-readable published data, brought in as files: ``data/raw/external/<source>/``.

Each folder holds files exactly as fetched from a public repository, and a
``provenance.yaml`` naming, for each file, the repository, commit, path, SHA-256
and size, with the licence and the original publication it copies (a key of
``data/references.bib``). :func:`source_file` refuses a file whose hash differs
from its record, so an edited or re-downloaded file stops the build.

The readers below turn each source's own layout into :class:`Value` records: one
printed number, with the file, line and column it came from. Values a source
marks as missing, and values known to be placeholders rather than data, are
returned as :class:`Excluded` with the reason, never silently dropped.
"""

from __future__ import annotations

import csv
import io
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sovind import paths
from sovind.errors import DataError
from sovind.files import sha256

EXTERNAL = paths.RAW / "external"


@dataclass(frozen=True)
class SourceFile:
    """One fetched file and its provenance."""

    path: Path
    folder: str
    publication: str
    repository: str
    commit: str
    original_path: str

    @property
    def label(self) -> str:
        """The file as named in the data (relative to ``data/raw``)."""
        return f"external/{self.folder}/{self.path.name}"

    def text(self) -> str:
        """Return the file's text with any line ending (CR, CRLF) read as a newline, without a BOM."""
        return self.path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=16)
def provenance(folder: str, raw_dir: Path | None = None) -> dict[str, Any]:
    """Return a source folder's ``provenance.yaml``."""
    path = (raw_dir or paths.RAW) / "external" / folder / "provenance.yaml"
    if not path.exists():
        raise DataError(paths.relative(path), "file not found: every external source needs a provenance record")
    with path.open(encoding="utf-8") as handle:
        try:
            return yaml.safe_load(handle)
        except yaml.YAMLError as exc:
            raise DataError(paths.relative(path), f"not valid YAML: {exc}".replace("\n", " ")) from None


def source_file(folder: str, name: str, raw_dir: Path | None = None) -> SourceFile:
    """Return one fetched file after checking its SHA-256 against its provenance record."""
    record = provenance(folder, raw_dir)
    entry = next((f for f in record["files"] if f["file"] == name), None)
    path = (raw_dir or paths.RAW) / "external" / folder / name
    label = paths.relative(path)
    if entry is None:
        raise DataError(label, f"not listed in {folder}/provenance.yaml")
    if not path.exists():
        raise DataError(label, "file not found")
    if sha256(path) != entry["sha256"]:
        raise DataError(label, f"SHA-256 differs from {folder}/provenance.yaml: the file is not the one fetched from "
                               f"{entry['repository']} at {entry['commit'][:12]}")
    return SourceFile(path, folder, entry.get("publication", record["publication"]), entry["repository"],
                      entry["commit"], entry["path"])


@dataclass(frozen=True)
class Value:
    """One number as a source file holds it, with where it came from."""

    file: SourceFile
    line: int
    locator: str
    text: str

    def number(self) -> float:
        """Return the value as a number (thousands separators dropped), or raise naming file and line."""
        try:
            return float(self.text.replace(",", ""))
        except ValueError:
            raise DataError(self.file.label, f"{self.text!r} is not a number ({self.locator})",
                            line=self.line) from None


@dataclass(frozen=True)
class Excluded:
    """A cell of a source left out of the data, and why."""

    file: SourceFile
    line: int
    locator: str
    text: str
    reason: str


def _rows(source: SourceFile) -> list[tuple[int, list[str]]]:
    """Return (line number, cells) for every row of a CSV source file."""
    reader = csv.reader(io.StringIO(source.text()))
    return [(number, row) for number, row in enumerate(reader, start=1)]


def _take(source: SourceFile, line: int, locator: str, cell: str, year: int,
          values: list[tuple[int, Value]], excluded: list[Excluded]) -> None:
    """File one cell: an empty or NA cell is missing in the source, anything else a value for ``year``."""
    if cell in {"", "NA"}:
        excluded.append(Excluded(source, line, locator, cell, "missing in the source"))
    else:
        values.append((year, Value(source, line, locator, cell)))


def wide_row(source: SourceFile, label_column: int, label: str, years: range,
             column_name: str = "{year}") -> tuple[list[tuple[int, Value]], list[Excluded]]:
    """Read one row of a wide file (one column a year): values for ``years``, and the empty or NA cells."""
    rows = _rows(source)
    header = rows[0][1]
    found = [(n, r) for n, r in rows[1:] if len(r) > label_column and r[label_column].strip() == label]
    if len(found) != 1:
        raise DataError(source.label, f"expected one row labelled {label!r}, found {len(found)}")
    line, row = found[0]
    values, excluded = [], []
    for year in years:
        name = column_name.format(year=year)
        if name not in header:
            excluded.append(Excluded(source, line, f'row "{label}", no column {name}', "", "year not in the file"))
            continue
        _take(source, line, f'row "{label}", column {name}', row[header.index(name)].strip(), year, values,
              excluded)
    return values, excluded


def wide_column(source: SourceFile, column: str, years: range) -> tuple[list[tuple[int, Value]], list[Excluded]]:
    """Read one column of a long-by-year file whose first column is the year."""
    rows = _rows(source)
    header = [h.strip() for h in rows[0][1]]
    if column not in header:
        raise DataError(source.label, f"no column {column!r}", line=1, column=column)
    index = header.index(column)
    values, excluded = [], []
    for line, row in rows[1:]:
        try:
            year = int(float(row[0]))
        except (ValueError, IndexError):
            continue
        if year not in years:
            continue
        cell = row[index].strip() if index < len(row) else ""
        _take(source, line, f'row {row[0].strip()}, column "{column}"', cell, year, values, excluded)
    return values, excluded


def long_rows(source: SourceFile, key: dict[str, str], value_column: str,
              years: range) -> tuple[list[tuple[int, Value]], list[Excluded]]:
    """Read a long file (one row per entity and year) for the rows matching ``key``."""
    rows = _rows(source)
    header = rows[0][1]
    for column in [*key, value_column, "year"]:
        if column not in header:
            raise DataError(source.label, f"no column {column!r}", line=1, column=column)
    values, excluded = [], []
    for line, row in rows[1:]:
        cells = dict(zip(header, row, strict=False))
        if any(cells.get(k) != v for k, v in key.items()) or int(cells["year"]) not in years:
            continue
        year = int(cells["year"])
        where = ", ".join(f"{k} {v}" for k, v in key.items())
        _take(source, line, f"row {where}, year {year}, column {value_column}", cells[value_column].strip(), year,
              values, excluded)
    return values, excluded


#: Labels of census rows that are not one year of age (interleaved subtotals, age ranges).
_AGE = re.compile(r"^(\d+|100\+)$")
_UNKNOWN_AGE = ("unknown", "возраст")
_TOTAL = ("total", "всего")


def census_file(source: SourceFile) -> tuple[list[str], list[tuple[int, str, list[str]]]]:
    """Return a census text file's column names (from its ``#`` header) and its rows (line, label, cells)."""
    lines = source.text().split("\n")
    header = next((line for line in lines if line.startswith("#")), None)
    if header is None:
        raise DataError(source.label, "no '# age, ...' header naming the columns", line=1)
    columns = [c.strip() for c in header.lstrip("#").split(",")][1:]
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        tokens = line.split()
        if len(tokens) <= len(columns):
            continue  # a line without a label and a full set of counts
        label, cells = " ".join(tokens[: -len(columns)]).rstrip(":"), tokens[-len(columns):]
        rows.append((number, label, cells))
    return columns, rows


def census_count(source: SourceFile, column: str) -> tuple[float, int, str, str]:
    """Return a census file's count for ``column`` (e.g. "both genders"): value, line, locator and how it was got.

    A printed total row is used as printed. Without one, the count is the sum of
    the single-year-of-age rows, ``100+`` and age not stated; subtotal rows and
    five-year ranges are skipped.
    """
    columns, rows = census_file(source)
    if column not in columns:
        raise DataError(source.label, f"no column {column!r}; the header names {', '.join(columns)}", line=1)
    index = columns.index(column)
    for number, label, cells in rows:
        if label.lower() in _TOTAL and len(cells) > index:
            return float(cells[index].replace(",", "")), number, f'row "{label}", column "{column}"', "printed total"
    total, used = 0.0, 0
    for _, label, cells in rows:
        if _AGE.match(label) or label.lower().startswith(_UNKNOWN_AGE):
            total += float(cells[index].replace(",", ""))
            used += 1
    if not used:
        raise DataError(source.label, f"no age rows to add up in column {column!r}")
    return total, 1, f'sum of the {used} rows of single years of age, 100+ and age not stated, column "{column}"', "sum"


#: The 1939 census workbook's population categories (as printed, with its soft line-break hyphens) → measures.
_REPUBLIC_MEASURES = {"все насе-ление": "total", "город-ское насе-ление": "urban", "сель-ское насе-ление": "rural"}


def republic_counts(source: SourceFile) -> list[tuple[str, str, int, int, str]]:
    """Return a republic census workbook's all-ages counts for both sexes: (republic, measure, persons, row, locator).

    The workbook (``.xls``) has one block per area: a row per population (all, urban, rural) and sex; the area
    is named on its first row, the population on each both-sexes row (column E), the sex in column F and the
    count of all ages in column G. A layout that does not match stops with the file, row and column.
    """
    import xlrd

    sheet = xlrd.open_workbook(str(source.path)).sheet_by_index(0)
    header = sheet.row_values(1)
    if header[3:7] != ["республика", "категория", "пол / возраст", "всего"]:
        raise DataError(source.label, f"row 2 should head columns D-G 'республика, категория, пол / возраст, всего', "
                                      f"not {header[3:7]!r}", line=2, column="D")
    counts, area = [], ""
    for index in range(2, sheet.nrows):
        cells = sheet.row_values(index)
        area = cells[3] or area
        if cells[5] != "оба пола":
            continue
        if cells[4] not in _REPUBLIC_MEASURES:
            raise DataError(source.label, f"unknown population {cells[4]!r}; known: {', '.join(_REPUBLIC_MEASURES)}",
                            line=index + 1, column="E")
        if not isinstance(cells[6], float) or cells[6] != int(cells[6]):
            raise DataError(source.label, f"count {cells[6]!r} is not a whole number", line=index + 1, column="G")
        counts.append((area, _REPUBLIC_MEASURES[cells[4]], int(cells[6]), index + 1,
                       f'sheet "{sheet.name}", row {index + 1}: {area}, {cells[4].replace("-", "")}, both sexes, '
                       f'all ages (column G)'))
    return counts


def dbf_records(source: SourceFile) -> list[dict[str, str | float | None]]:
    """Return the records of a dBASE table (a GIS attribute file): text fields as text, numbers as floats.

    The format is a fixed header, one 32-byte descriptor per field, then
    fixed-width records; the text is UTF-8 (the shapefile's ``.cpg`` says so).
    """
    data = source.path.read_bytes()
    count, header, width = struct.unpack("<IHH", data[4:12])
    fields, position = [], 32
    while data[position] != 0x0D:
        name = data[position:position + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, chr(data[position + 11]), data[position + 16]))
        position += 32
    records = []
    for number in range(count):
        start = header + number * width
        if data[start:start + 1] == b"*":
            continue  # a deleted record
        offset, record = start + 1, {}
        for name, kind, length in fields:
            text = data[offset:offset + length].decode("utf-8").strip()
            offset += length
            record[name] = (float(text) if text else None) if kind == "N" else text
        records.append(record)
    if not records:
        raise DataError(source.label, "no records in the dBASE table")
    return records


#: A quotation in a transcription's note: the printed words between «guillemets».
_QUOTE = re.compile(r"«([^»]+)»")
#: The line a transcription's locator names: "plan.php, line 84 (...)".
_LINE = re.compile(r"\bline (\d+)\b")


def _plain(html: str) -> str:
    """Return a line of HTML as the reader sees its words: tags dropped, entities and spaces normalised."""
    import html as entities

    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def check_transcriptions(raw_dir: Path | None = None) -> None:
    """Check each hand transcription of a fetched page against the page itself.

    A source folder may list ``transcriptions`` (CSV files in ``data/raw``) in its
    ``provenance.yaml``. Every row of such a file must name a line of the folder's
    one fetched file in its locator and quote the printed words in its note, in
    «guillemets»; each quotation must be on that line, word for word. A number
    mistyped in the value is caught by the row's quotation not matching, so the
    transcription can fail; the error names file, line and column.
    """
    from sovind.data.raw import read_raw
    from sovind.data.steps._pick import RAW_COLUMNS

    base = raw_dir or paths.RAW
    for folder in sorted(p.name for p in (base / "external").iterdir() if (p / "provenance.yaml").exists()):
        record = provenance(folder, raw_dir)
        for name in record.get("transcriptions", []):
            (entry,) = record["files"]
            page = source_file(folder, entry["file"], raw_dir).text().split("\n")
            for row in read_raw(name, RAW_COLUMNS, raw_dir, optional=frozenset({"column", "value", "unit"})):
                line = _LINE.search(row["locator"])
                if not line or not 1 <= int(line.group(1)) <= len(page):
                    raise row.fail("locator", f"name a line of external/{folder}/{entry['file']} "
                                              f"(1-{len(page)}), e.g. '{entry['file']}, line 12'")
                quotes = _QUOTE.findall(row["note"])
                if not quotes:
                    raise row.fail("note", "quote the printed words in «guillemets»")
                text = _plain(page[int(line.group(1)) - 1])
                for quote in quotes:
                    if " ".join(quote.split()) not in text:
                        raise row.fail("note", f"«{quote}» is not on line {line.group(1)} of "
                                               f"external/{folder}/{entry['file']}")
                value = row["value"].replace(".", ",") if row["value"] else ""
                if value and not any(value in q or row["value"] in q for q in quotes):
                    raise row.fail("value", f"{row['value']} is not in the quoted words: {' / '.join(quotes)}")
