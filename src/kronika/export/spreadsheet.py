"""CSV files that spreadsheets open safely: UTF-8, RFC 4180 quoting, no formulas.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read as a formula by Excel, LibreOffice and Google Sheets ("CSV injection"): a news
sentence such as ``=HYPERLINK("http://…")`` would become a live link. Such cells get a
leading apostrophe, which spreadsheets show as plain text. Numbers are written as numbers
(``-3.7`` stays a longitude); a whole-number float is written without ``.0``.

Rows are written one at a time, so a file of any length streams to ``out``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO

from kronika.export.columns import Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP's list)."""


def neutralise_formula(text: str) -> str:
    """``text`` made safe to open in a spreadsheet (see the module docstring)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_text(value: Cell) -> str:
    """How one cell is written: empty for ``None``, numbers as numbers, text made safe."""
    if value is None:
        return ""
    if isinstance(value, str):  # most cells: checked first
        return neutralise_formula(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Utf8Sink:
    """Hands each line the csv module writes to a binary stream as UTF-8."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return self._out.write(text.encode("utf-8"))


def write_csv(out: BinaryIO, header: Sequence[str], rows: Iterable[Mapping[str, Cell]]) -> int:
    """Write a header line and one line per row (cells in ``header`` order) to ``out``;
    returns the number of rows written."""
    writer = csv.writer(_Utf8Sink(out))
    writer.writerow(header)
    written = 0
    for row in rows:
        writer.writerow([cell_text(row.get(name)) for name in header])
        written += 1
    return written
