"""Print, through Qt's print dialog: a letter, diary entries between two days, a plan
comparison and a bundle, each read back from the PDF the printer was told to write."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from benchmarks.bundle_bench import typed_pdf
from tests.conftest import demo_window, settle
from ui import printing
from ui.diary import PrintRangeDialog
from ui.letter_dialog import LetterDialog
from ui.shell import Shell


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The print dialog answered with a printer that writes a PDF file."""
    out = tmp_path / "printed.pdf"

    def choose(_parent: object, _title: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "choose_printer", choose)
    return out


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), " ".join((p.extract_text() or "") for p in reader.pages)


@pytest.fixture
def shell(qtbot: Any, demo_folder: Path) -> Shell:
    window: Shell = demo_window(qtbot, demo_folder)
    return window


def test_a_letter_and_diary_entries_are_printed(shell: Shell, printed: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    case, ops = shell.case, shell.ops
    assert case is not None and ops is not None
    dialog = LetterDialog(case, ops, "chaser", request_id="r-sar", parent=shell)
    settle()
    dialog.print_letter()
    settle()
    assert dialog.status.text() == "Sent 1 page to the printer."
    pages, _text_of_image = _text(printed)  # the letter prints as its page's picture
    assert pages == 1
    dialog.close()
    view = shell.case_view
    assert view is not None
    view.go("Diary")
    settle()
    monkeypatch.setattr(PrintRangeDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(PrintRangeDialog, "days",
                        lambda _self: (date(2026, 1, 1), date(2026, 12, 31)))
    view.diary.print_entries()
    settle()
    assert view.diary.detail.error.text().startswith("Sent ")
    pages, words = _text(printed)
    assert pages >= 1 and "Diary: Thu 1 Jan 2026 to Thu 31 Dec 2026" in " ".join(words.split())
    shell.close_case()


def test_a_plan_comparison_is_printed_as_text(shell: Shell, printed: Path) -> None:
    view = shell.case_view
    assert view is not None
    view.go("Plans")
    settle()
    view.plans.open_compare(None)
    settle()
    compare = view.plans.compare
    compare.print_comparison()
    settle()
    assert compare.problem.text().startswith("Sent ")
    _pages, words = _text(printed)
    printed_words = " ".join(words.split())
    assert "3 outcomes have been narrowed, which may limit what the budget" in printed_words
    shell.close_case()


def test_every_page_of_a_pdf_is_printed(printed: Path) -> None:
    data = typed_pdf(Random(9), 3)
    printer = printing.choose_printer(None, "test")  # type: ignore[arg-type]
    assert printing.print_pdf(printer, data) == 3
    assert _text(printed)[0] == 3
