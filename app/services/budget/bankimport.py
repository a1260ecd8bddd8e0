"""A bank statement brought into the case: preview it, then import it all at once.

`bankcsv` reads the file; this module decides what each row becomes. A row whose fingerprint
is already stored on a transaction (`bank_ref`) — even one since deleted — is a duplicate, so
importing the same statement twice adds nothing. Every data line of the file is counted
exactly once: imported, duplicate, or rejected with a reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.records.model import PaymentSchedule, Transaction
from app.services.budget.bankcsv import BankRow, RejectedRow, parse_statement
from app.services.budget.money import PlanTimeline, plan_timeline
from app.services.budget.spending import Suggester, check_links
from app.store import records
from app.store.case import Case
from app.translation import _


@dataclass(frozen=True)
class PlannedRow:
    """One statement row and what importing it would do."""

    row: BankRow
    duplicate: bool
    category: str | None
    suggested: tuple[str, ...]  # outcome ids, best first


@dataclass(frozen=True)
class ImportPreview:
    """What importing a statement would add, before anything is written."""

    layout: str
    rows: tuple[PlannedRow, ...]
    rejected: tuple[RejectedRow, ...]
    total_lines: int

    @property
    def new(self) -> list[PlannedRow]:
        """The rows that would be added."""
        return [r for r in self.rows if not r.duplicate]

    @property
    def duplicates(self) -> int:
        """How many rows are already in the case."""
        return sum(r.duplicate for r in self.rows)


@dataclass(frozen=True)
class ImportResult:
    """What an import did. `total_lines` = `imported` + `duplicates` + len(`rejected`)."""

    layout: str
    imported: int
    duplicates: int
    rejected: tuple[RejectedRow, ...]
    total_lines: int
    transaction_ids: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The shape `casebook import-bank --json` prints."""
        return {"imported": self.imported, "duplicates": self.duplicates,
                "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected]}

    def summary(self) -> str:
        """One plain line: 'Imported 12 payments; 3 were already in the case.'"""
        text = _("Imported {imported} payment{0}").format(
            "s" if self.imported != 1 else "", imported=self.imported
        )
        if self.duplicates:
            text += _("; {duplicates} {0} already in the case").format(
                "was" if self.duplicates == 1 else "were", duplicates=self.duplicates
            )
        if self.rejected:
            text += _("; {0} line{1} could not be used").format(
                len(self.rejected), "s" if len(self.rejected) != 1 else ""
            )
        return text + "."


def known_bank_refs(case: Case) -> set[str]:
    """Every fingerprint already stored, deleted transactions included: a payment the user
    removed does not come back by importing the statement again."""
    with case.reading() as conn:
        return {str(r.data["bank_ref"])
                for r in records.rows_of(conn, "transaction", include_deleted=True)
                if r.data.get("bank_ref")}


def _payers(case: Case) -> list[str]:
    payers = [s.payer for s in case.list_of(PaymentSchedule) if s.payer]
    authority = case.person().local_authority
    return [*payers, authority] if authority else payers


def _plan(case: Case, data: bytes, columns: list[str] | None,
          timeline: PlanTimeline) -> ImportPreview:
    statement = parse_statement(data, columns)
    known = known_bank_refs(case)
    suggester = Suggester(case.list_of(Transaction), timeline, _payers(case))
    planned = []
    for row in statement.rows:
        category = suggester.category(row.counterparty, row.description, row.amount)
        draft = _transaction(row, category, ())
        planned.append(PlannedRow(row, row.fingerprint in known, category,
                                  tuple(suggester.outcomes(draft))))
    return ImportPreview(statement.layout, tuple(planned), tuple(statement.rejected),
                         statement.total_lines)


def _transaction(row: BankRow, category: str | None, outcome_ids: Sequence[str]) -> Transaction:
    return Transaction(id="", date=row.date, amount=row.amount,
                       counterparty=row.counterparty or None, description=row.description or None,
                       category=category, outcome_ids=list(outcome_ids), source="bank-import",
                       bank_ref=row.fingerprint)


def preview_statement(case: Case, data: bytes, columns: list[str] | None = None) -> ImportPreview:
    """Read a statement and say what importing it would do; nothing is written.

    Raises `bankcsv.StatementError` (plain message) if the file cannot be read at all.
    """
    return _plan(case, data, columns, plan_timeline(case))


def import_statement(case: Case, data: bytes, columns: list[str] | None = None, *,
                     links: Mapping[str, Sequence[str]] | None = None) -> ImportResult:
    """Add a statement's new rows as transactions, in one all-or-nothing step.

    `links` maps a row's fingerprint to the outcome ids chosen for it (from the preview's
    suggestions); rows not in it are left unlinked, to be linked afterwards. Duplicates are
    worked out again inside the write, so two imports at once cannot both add a row.
    """
    links = links or {}
    added: list[str] = []
    with case.transaction():
        timeline = plan_timeline(case)
        preview = _plan(case, data, columns, timeline)
        for planned in preview.new:
            t = _transaction(planned.row, planned.category, links.get(planned.row.fingerprint, ()))
            check_links(t, t.outcome_ids, timeline)
            added.append(case.add(t).id)
    return ImportResult(preview.layout, len(added), preview.duplicates, preview.rejected,
                        preview.total_lines, tuple(added))
