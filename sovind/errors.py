"""The two kinds of error a reader can cause: bad data and bad parameters."""

from __future__ import annotations


class DataError(ValueError):
    """A data file failed validation.

    The message always names the file, and where it can the line and the column,
    so that the reader can open the file and fix it.
    """

    def __init__(
        self,
        file: str,
        message: str,
        *,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.detail = message
        where = file
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message}")


class ParameterError(ValueError):
    """An essay parameter has a value outside the allowed set or range."""
