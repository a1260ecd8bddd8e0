"""Read UK bank statement exports into dated, pence-exact rows.

Pure and storage-free: bytes go in, frozen dataclasses come out. Nothing is stored and
nothing from the statement is logged. Known banks are recognised by their header row
(or, for Santander, by its text export's labelled lines; for HSBC, by its headerless
date/description/amount shape). Anything else needs a column mapping.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.problems import Problem
from app.translation import _

MAX_BYTES = 20 * 1024 * 1024
COLUMN_NAMES = ("date", "description", "amount", "paid_in", "paid_out", "balance", "ignore")

_PENNY = Decimal("0.01")
_MAX_DIGITS = 12  # pounds: under a trillion, so every amount is held to the penny exactly
_HEADER_SEARCH_LINES = 30  # preamble lines (e.g. Nationwide's account summary) come first
_SHOWN_CHARS = 40

_UNKNOWN_LAYOUT = (
    _("We could not recognise which bank this statement comes from. Say what each column "
      "holds with column mapping, for example --columns date,description,amount,balance "
      "(names: date, description, amount, paid_in, paid_out, balance, ignore).")
)
_NOT_TEXT = (
    _("This file is not a text file, so it cannot be a CSV statement. Download the statement "
      "from your bank as CSV and try again.")
)
_OTHER_FORMATS = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a spreadsheet or zip file"),
    (b"\xd0\xcf\x11\xe0", _("an Excel spreadsheet")),
)


class StatementError(Problem):
    """The file cannot be read as a bank statement at all; the message is one plain line."""


class ColumnMappingError(StatementError):
    """A column mapping (such as ``--columns date,description,amount``) cannot be used."""


@dataclass(frozen=True)
class BankRow:
    """One transaction. Negative ``amount`` is money out; ``line`` is the file line it began on."""

    line: int
    date: date
    description: str
    amount: Decimal
    balance: Decimal | None
    counterparty: str
    fingerprint: str


@dataclass(frozen=True)
class RejectedRow:
    """A data line that could not be used, with a plain reason that starts "Line N: "."""

    line: int
    reason: str


@dataclass(frozen=True)
class ParsedStatement:
    """Every data line of a statement, either as a row or as a rejection, in the file's order.

    ``total_lines`` counts data lines only (never blank, preamble or header lines), so it
    always equals ``len(rows) + len(rejected)``. ``newest_first`` is true when the file lists
    later dates before earlier ones; rows are still given in the file's order.
    """

    layout: str
    rows: list[BankRow]
    rejected: list[RejectedRow]
    total_lines: int
    newest_first: bool


@dataclass(frozen=True)
class _Layout:
    """A bank's export, named by normalised header text."""

    name: str
    signature: frozenset[str]
    date: str
    description: tuple[str, ...]
    counterparty: str | None = None
    amount: str | None = None
    paid_in: str | None = None
    paid_out: str | None = None
    balance: str | None = None
    footers: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Mapping:
    """Which cell (by position) holds what, for one file."""

    date: int
    description: tuple[int, ...]
    counterparty: int | None
    amount: int | None
    paid_in: int | None
    paid_out: int | None
    balance: int | None


def _sig(*names: str) -> frozenset[str]:
    return frozenset(names)


_LAYOUTS = (
    _Layout(
        "monzo",
        _sig("transaction id", "date", "time", "type", "name", "emoji", "category", "amount"),
        date="date", description=("name", "description"), counterparty="name",
        amount="amount", balance="balance",
    ),
    _Layout(
        "starling",
        _sig("date", "counter party", "reference", "type", "amount (gbp)", "balance (gbp)"),
        date="date", description=("counter party", "reference"), counterparty="counter party",
        amount="amount (gbp)", balance="balance (gbp)",
    ),
    _Layout(
        "nationwide",
        _sig("date", "transaction type", "description", "paid out", "paid in", "balance"),
        date="date", description=("transaction type", "description"),
        counterparty="description", paid_in="paid in", paid_out="paid out", balance="balance",
    ),
    _Layout(
        "nationwide-midata",
        _sig("date", "type", "merchant/description", "debit/credit", "balance"),
        date="date", description=("type", "merchant/description"),
        counterparty="merchant/description", amount="debit/credit", balance="balance",
        footers=("arranged overdraft limit",),
    ),
    _Layout(
        "lloyds",  # also Halifax, Bank of Scotland and TSB
        _sig("transaction date", "transaction type", "sort code", "account number",
             "transaction description", "debit amount", "credit amount", "balance"),
        date="transaction date", description=("transaction description",),
        paid_in="credit amount", paid_out="debit amount", balance="balance",
    ),
    _Layout(
        "barclays",
        _sig("number", "date", "account", "amount", "subcategory", "memo"),
        date="date", description=("memo",), amount="amount",
    ),
    _Layout(
        "natwest",  # also RBS and Ulster Bank
        _sig("date", "type", "description", "value", "balance", "account name", "account number"),
        date="date", description=("description",), amount="value", balance="balance",
    ),
    _Layout(
        "hsbc-paid-in-out",
        _sig("date", "type", "description", "paid out", "paid in", "balance"),
        date="date", description=("description",),
        paid_in="paid in", paid_out="paid out", balance="balance",
    ),
    _Layout(
        "santander-csv",
        _sig("date", "narrative", "transaction type", "debit", "credit", "current balance"),
        date="date", description=("narrative",),
        paid_in="credit", paid_out="debit", balance="current balance",
    ),
)

# HSBC's personal download has no header: date, description, amount.
_HSBC_HEADERLESS = _Mapping(date=0, description=(1,), counterparty=None, amount=2,
                            paid_in=None, paid_out=None, balance=None)
# Santander's text export, once its labelled lines are gathered into cells in this order.
_SANTANDER_FIELDS = ("date", "description", "amount", "balance")
_SANTANDER_MAPPING = _Mapping(date=0, description=(1,), counterparty=None, amount=2,
                              paid_in=None, paid_out=None, balance=3)


class _RowProblem(Exception):
    """Why one data line cannot be used; it becomes a RejectedRow and never leaves the module."""


# ---------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?")
_NAMED = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})")


def _shown(raw: str) -> str:
    text = " ".join(raw.split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


def _year(text: str) -> int:
    # Two-digit years on bank exports are this century.
    return 2000 + int(text) if len(text) == 2 else int(text)


def _parse_date(raw: str) -> date:
    text = raw.strip()
    if not text:
        raise _RowProblem(_("there is no date"))
    parts: tuple[int, int, int] | None = None
    if m := _DMY.fullmatch(text):
        parts = (_year(m.group(4)), int(m.group(3)), int(m.group(1)))
    elif m := _ISO.fullmatch(text):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif (m := _NAMED.fullmatch(text)) and m.group(2).lower() in _MONTHS:
        parts = (_year(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    if parts is None:
        raise _RowProblem(
            _("the date '{0}' is not in a form we recognise (for example 31/01/2026, "
              "31 Jan 2026 or 2026-01-31)").format(_shown(text))
        )
    try:
        return date(*parts)
    except ValueError:
        raise _RowProblem(_("the date '{0}' is not a real date").format(_shown(text))) from None


# ---------------------------------------------------------------- money

_MONEY = re.compile(
    r"(?P<open>\()?(?P<sign1>[+-])?£?(?P<sign2>[+-])?"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d+))?(?P<close>\))?"
)
_GBP = re.compile(r"^gbp\s*|\s*gbp$", re.I)
_SPACE_AFTER_SIGN = re.compile(r"(?<=[£+(-])\s+|\s+(?=\))")


def _parse_money(raw: str, what: str) -> Decimal | None:
    """Read one money cell; None when it is empty. Negative means money out."""
    text = raw.strip()
    if not text:
        return None
    compact = _GBP.sub("", text.replace("\u2212", "-"))
    # Spaces may follow a sign, £ or bracket ("£ 12.50"), but never split the digits.
    compact = _SPACE_AFTER_SIGN.sub("", compact)
    m = _MONEY.fullmatch(compact)
    bracketed = m is not None and bool(m.group("open")) and bool(m.group("close"))
    if (
        m is None
        or (m.group("whole") is None and m.group("frac") is None)
        or bool(m.group("open")) != bool(m.group("close"))
        or (m.group("sign1") and m.group("sign2"))
        or (bracketed and (m.group("sign1") or m.group("sign2")))
    ):
        raise _RowProblem(
            _("the {what} '{0}' is not an amount of money").format(_shown(text), what=what)
        )
    frac = m.group("frac") or ""
    if len(frac) > 2:
        raise _RowProblem(
            _("the {what} '{0}' has more than two decimal places (only pounds and "
              "pence are allowed)").format(_shown(text), what=what)
        )
    whole = (m.group("whole") or "0").replace(",", "")
    if len(whole.lstrip("0")) > _MAX_DIGITS:
        raise _RowProblem(
            _("the {what} '{0}' is too large to be an amount of money").format(
                _shown(text), what=what
            )
        )
    value = Decimal(f"{whole}.{frac or '0'}").quantize(_PENNY)
    negative = bracketed or "-" in (m.group("sign1") or "", m.group("sign2") or "")
    if negative and value:
        value = -value
    return value


def _combine(paid_in: Decimal | None, paid_out: Decimal | None) -> Decimal:
    # The column gives the direction; some banks also put a minus sign on debits.
    if paid_in is None and paid_out is None:
        raise _RowProblem(_("there is no amount in either the paid-in or the paid-out column"))
    if paid_in and paid_out:
        raise _RowProblem(_("there are amounts in both the paid-in and the paid-out columns"))
    if paid_out:
        return -abs(paid_out)
    return abs(paid_in) if paid_in is not None else Decimal("0.00")


# ---------------------------------------------------------------- text

def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise StatementError(
            _(
                "The file is {0:.1f} MB, more than the {1} MB limit for a bank "
                "statement. Export a shorter date range and try again."
            ).format(len(data) / 1024 / 1024, MAX_BYTES // 1024 // 1024)
        )
    for magic, what in _OTHER_FORMATS:
        if data.startswith(magic):
            raise StatementError(
                _("This file is {what}, not a CSV file. Download the statement from your "
                  "bank as CSV and try again.").format(what=what)
            )
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                # Older exports (Nationwide, Santander) are Windows-1252: £ is the byte 0xA3.
                text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise StatementError(_NOT_TEXT) from None
    if "\x00" in text:
        raise StatementError(_NOT_TEXT)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise StatementError(_("The file is empty."))
    return text


def _delimiter(text: str) -> str:
    sample = [line for line in text[:8000].split("\n") if line.strip()][:5]
    if any("," in line for line in sample):
        return ","
    if any("\t" in line for line in sample):
        return "\t"
    if any(";" in line for line in sample):
        return ";"
    return ","


# Stands for a line whose quotation mark is never closed (see `_records`).
UNCLOSED_QUOTE: list[str] = ["\x00unclosed quote"]


def _records(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank CSV records with their file line; all-empty rows are blank.

    Read a line at a time: banks never split a payment over lines, and a stray quotation mark
    must cost one line, not swallow the rest of the file as one long cell.
    """
    delimiter = _delimiter(text)
    records: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count('"') % 2:
            records.append((number, UNCLOSED_QUOTE))
            continue
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error as exc:
            raise StatementError(
                _("Line {number} of the file cannot be read as CSV.").format(number=number)
            ) from exc
        if any(cell.strip() for cell in cells):
            records.append((number, cells))
    return records


def _clean(cell: str) -> str:
    # NatWest and Lloyds put an apostrophe before text so spreadsheets keep it as text.
    text = cell.strip()
    return text[1:].strip() if text.startswith("'") else text


def _cell(cells: list[str], index: int | None) -> str:
    """The cleaned cell at ``index``; short rows and unmapped roles read as empty."""
    return _clean(cells[index]) if index is not None and index < len(cells) else ""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _header_name(cell: str) -> str:
    return _collapse(_clean(cell.replace("\ufeff", "")).strip('"')).lower()


def _join_description(parts: list[str]) -> str:
    kept: list[str] = []
    for part in (_collapse(p) for p in parts):
        folded = part.casefold()
        if not part or any(folded in k.casefold() for k in kept):
            continue
        kept = [k for k in kept if k.casefold() not in folded]
        kept.append(part)
    return " - ".join(kept)


_PAYEE_END = re.compile(r"\s{2,}|\s*,\s*")


def _counterparty_from(description: str) -> str:
    # Bank memos pad fields with runs of spaces or " , "; the payee comes first.
    return _PAYEE_END.split(description.strip(), maxsplit=1)[0].strip()


# ---------------------------------------------------------------- layouts

def _is_santander_text(text: str) -> bool:
    head = text[:4000]
    return bool(
        re.search(r"^\s*from\s*:.*\bto\b", head, re.I | re.M)
        and re.search(r"^\s*date\s*:", head, re.I | re.M)
        and re.search(r"^\s*amount\s*:", head, re.I | re.M)
    )


def _santander_records(text: str) -> list[tuple[int, list[str]]]:
    """Gather each "Date: / Description: / Amount: / Balance:" block into one record."""
    records: list[tuple[int, list[str]]] = []
    current: dict[str, str] | None = None
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        m = re.match(r"\s*(date|description|amount|balance)\s*:(.*)", line, re.I)
        if m is None:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "date":
            if current is not None:
                records.append((start, [current.get(f, "") for f in _SANTANDER_FIELDS]))
            current, start = {"date": value}, number
        elif current is not None:
            current[key] = value
    if current is not None:
        records.append((start, [current.get(f, "") for f in _SANTANDER_FIELDS]))
    return records


def _find_header(records: list[tuple[int, list[str]]]) -> tuple[_Layout, int] | None:
    for position, (_number, cells) in enumerate(records[:_HEADER_SEARCH_LINES]):
        names = {_header_name(cell) for cell in cells}
        for layout in _LAYOUTS:
            if layout.signature <= names:
                return layout, position
    return None


def _is_headerless_hsbc(records: list[tuple[int, list[str]]]) -> bool:
    if not records:
        return False
    cells = [_clean(c) for c in records[0][1]]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) != 3 or not cells[1]:
        return False
    try:
        _parse_date(cells[0])
        return _parse_money(cells[2], "amount") is not None
    except _RowProblem:
        return False


def _is_header_or_footer(cells: list[str], header: list[str], layout: _Layout) -> bool:
    """A repeated header line, or a layout's closing summary line, is not a data line."""
    first = _header_name(cells[0])
    if layout.footers and first.startswith(layout.footers):
        return True
    return first == header[0] and [_header_name(c) for c in cells] == header


def _resolve(layout: _Layout, names: list[str]) -> _Mapping:
    def at(name: str | None) -> int | None:
        return names.index(name) if name is not None and name in names else None

    return _Mapping(
        date=names.index(layout.date),
        description=tuple(i for i in (at(n) for n in layout.description) if i is not None),
        counterparty=at(layout.counterparty),
        amount=at(layout.amount),
        paid_in=at(layout.paid_in),
        paid_out=at(layout.paid_out),
        balance=at(layout.balance),
    )


def detect_layout(text: str) -> str | None:
    """Name the bank export layout of decoded statement text, or None if it is not one we know.

    Raises StatementError only if the text cannot be read as CSV at all.
    """
    if _is_santander_text(text):
        return "santander"
    records = _records(text)
    found = _find_header(records)
    if found is not None:
        return found[0].name
    return "hsbc" if _is_headerless_hsbc(records) else None


# ---------------------------------------------------------------- column mapping

_COLUMN_ALIASES = {
    "credit": "paid_in", "money_in": "paid_in", "debit": "paid_out", "money_out": "paid_out",
    "skip": "ignore",
}


def _validate_columns(columns: list[str]) -> list[str]:
    names: list[str] = []
    for raw in columns:
        key = "_".join(raw.strip().lower().replace("-", " ").split())
        if not key:
            raise ColumnMappingError(
                _("The column mapping has an empty name; write ignore for a column to skip.")
            )
        key = _COLUMN_ALIASES.get(key, key)
        if key not in COLUMN_NAMES:
            raise ColumnMappingError(
                _("'{0}' is not a column name we know; use date, description, amount, "
                  "paid_in, paid_out, balance or ignore.").format(_shown(raw))
            )
        names.append(key)
    counts = Counter(names)
    if counts["date"] != 1:
        raise ColumnMappingError(_("The column mapping needs exactly one date column."))
    for name in ("amount", "paid_in", "paid_out", "balance"):
        if counts[name] > 1:
            raise ColumnMappingError(
                _("The column mapping names {name} more than once.").format(name=name)
            )
    has_pair = counts["paid_in"] and counts["paid_out"]
    if counts["amount"] and (counts["paid_in"] or counts["paid_out"]):
        raise ColumnMappingError(
            _("Use either one amount column or a paid_in and paid_out pair, not both.")
        )
    if not counts["amount"] and not has_pair:
        raise ColumnMappingError(
            _("The column mapping needs an amount column, or both paid_in and paid_out.")
        )
    return names


def parse_columns_option(s: str) -> list[str]:
    """Read a ``--columns`` value such as ``date,description,amount,balance``.

    Accepts hyphens or spaces for underscores, and credit/debit for paid_in/paid_out.
    Raises ColumnMappingError (a StatementError) with a plain message if it cannot be used.
    """
    return _validate_columns(s.split(","))


def _mapping_from_columns(names: list[str]) -> _Mapping:
    def at(name: str) -> int | None:
        return names.index(name) if name in names else None

    return _Mapping(
        date=names.index("date"),
        description=tuple(i for i, n in enumerate(names) if n == "description"),
        counterparty=None,
        amount=at("amount"),
        paid_in=at("paid_in"),
        paid_out=at("paid_out"),
        balance=at("balance"),
    )


def _looks_like_header(cells: list[str], mapping: _Mapping) -> bool:
    """A first line whose date cell is a word and whose money cells are not money."""
    date_text = _cell(cells, mapping.date)
    if not re.search(r"[A-Za-z]", date_text):
        return False
    try:
        _parse_date(date_text)
        return False
    except _RowProblem:
        pass
    for i in (mapping.amount, mapping.paid_in, mapping.paid_out, mapping.balance):
        try:
            if _parse_money(_cell(cells, i), "amount") is not None:
                return False
        except _RowProblem:
            continue
    return True


# ---------------------------------------------------------------- rows

def _read_row(
    cells: list[str], mapping: _Mapping
) -> tuple[date, str, Decimal, Decimal | None, str]:
    when = _parse_date(_cell(cells, mapping.date))
    if mapping.amount is not None:
        amount = _parse_money(_cell(cells, mapping.amount), "amount")
        if amount is None:
            raise _RowProblem(_("there is no amount"))
    else:
        amount = _combine(
            _parse_money(_cell(cells, mapping.paid_in), _("paid-in amount")),
            _parse_money(_cell(cells, mapping.paid_out), _("paid-out amount")),
        )
    balance = _parse_money(_cell(cells, mapping.balance), "balance")
    parts = [_cell(cells, i) for i in mapping.description]
    description = _join_description(parts)
    if mapping.counterparty is not None and _cell(cells, mapping.counterparty):
        counterparty = _collapse(_cell(cells, mapping.counterparty))
    else:
        counterparty = _counterparty_from(next((p for p in parts if p), ""))
    return when, description, amount, balance, counterparty


def _fingerprint(
    when: date, amount: Decimal, description: str, balance: Decimal | None, occurrence: int
) -> str:
    key = "\x1f".join((
        when.isoformat(), str(amount), _collapse(description).casefold(),
        "" if balance is None else str(balance), str(occurrence),
    ))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _build(
    layout: str, records: list[tuple[int, list[str]]], mapping: _Mapping
) -> ParsedStatement:
    rows: list[BankRow] = []
    rejected: list[RejectedRow] = []
    seen: Counter[tuple[date, Decimal, str, Decimal | None]] = Counter()
    for line, cells in records:
        if cells is UNCLOSED_QUOTE:
            rejected.append(
                RejectedRow(
                    line,
                    _(
                        'Line {line}: a quotation mark (") is opened but never closed, so the '
                        "line cannot be read"
                    ).format(line=line),
                )
            )
            continue
        try:
            when, description, amount, balance, counterparty = _read_row(cells, mapping)
        except _RowProblem as problem:
            rejected.append(
                RejectedRow(line, _("Line {line}: {problem}").format(line=line, problem=problem))
            )
            continue
        # Identical rows in one file are separate payments: number them so each is kept.
        key = (when, amount, _collapse(description).casefold(), balance)
        occurrence = seen[key]
        seen[key] += 1
        rows.append(BankRow(
            line=line, date=when, description=description, amount=amount, balance=balance,
            counterparty=counterparty,
            fingerprint=_fingerprint(when, amount, description, balance, occurrence),
        ))
    return ParsedStatement(
        layout=layout, rows=rows, rejected=rejected, total_lines=len(records),
        newest_first=len(rows) > 1 and rows[0].date > rows[-1].date,
    )


def parse_statement(data: bytes, columns: list[str] | None = None) -> ParsedStatement:
    """Parse a bank statement export into rows and plain-English rejections.

    With ``columns`` (see parse_columns_option) the file is read by position, skipping a
    first line that looks like a header; otherwise the bank is recognised automatically.
    Raises StatementError if the file cannot be read at all (too large, empty, not text,
    not a layout we know and no column mapping given).
    """
    text = _decode(data)
    if columns is not None:
        mapping = _mapping_from_columns(_validate_columns(columns))
        records = _records(text)
        if records and _looks_like_header(records[0][1], mapping):
            records = records[1:]
        return _build("columns", records, mapping)
    if _is_santander_text(text):
        return _build("santander", _santander_records(text), _SANTANDER_MAPPING)
    records = _records(text)
    found = _find_header(records)
    if found is not None:
        layout, position = found
        header = [_header_name(cell) for cell in records[position][1]]
        data_records = [
            (line, cells) for line, cells in records[position + 1:]
            if not _is_header_or_footer(cells, header, layout)
        ]
        return _build(layout.name, data_records, _resolve(layout, header))
    if _is_headerless_hsbc(records):
        return _build("hsbc", records, _HSBC_HEADERLESS)
    if text.lstrip().startswith("<"):
        raise StatementError(
            _("This file is a web page, not a CSV file (some banks' Excel download is one). "
              "Download the statement as CSV or text and try again.")
        )
    raise StatementError(_UNKNOWN_LAYOUT)
