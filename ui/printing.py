"""Print with the computer's own print dialog: a PDF Casebook made (a letter, a bundle) page
by page, or a page of text (a plan comparison, diary entries). The pages are drawn in the
background; the window goes on answering while a long bundle prints."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from app.problems import Problem
from ui.i18n import tr
from ui.operations import Background

PRINT_DPI = 200  # sharp on paper, and a 500-page bundle stays within memory page by page


class PrintProblem(Problem):
    """The printer would not take the pages; the message says so plainly."""


def choose_printer(parent: QWidget, title: str) -> QPrinter | None:
    """The print dialog; the printer the person chose, or None if they cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() else None


def print_pdf(printer: QPrinter, data: bytes) -> int:
    """Draw each page of a PDF on the printer, scaled to fit the paper; the number printed."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrintProblem(tr("The printer could not be started; check it is switched on "
                                  "and try again."))
        for index in range(len(doc)):
            if index:
                printer.newPage()
            pil = doc[index].render(scale=PRINT_DPI / 72).to_pil().convert("RGB")
            image = QImage(pil.tobytes("raw", "RGB"), pil.width, pil.height, pil.width * 3,
                           QImage.Format.Format_RGB888)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        return len(doc)
    finally:
        if painter.isActive():
            painter.end()
        doc.close()


def print_html(printer: QPrinter, html: str) -> int:
    """Print a page of text (HTML); the number of pages."""
    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)
    return document.pageCount()


def print_in_background(parent: QWidget, title: str, make: Callable[[QPrinter], int],
                        told: Callable[[str], object]) -> None:
    """Ask for a printer, then print with `make` off the window's thread; `told` hears how it
    went, in one line."""
    printer = choose_printer(parent, title)
    if printer is None:
        return
    # One helper per window that prints, kept for the next time.
    helper = parent.findChild(Background, "printing")
    if helper is None:
        helper = Background(parent)
        helper.setObjectName("printing")
    told(tr("Printing…"))
    helper.run(
        lambda: make(printer),
        lambda pages: told(
            tr("Sent {pages} page{0} to the printer.").format(
                "" if pages == 1 else "s", pages=pages
            )
        ),
        lambda message: told(tr("Not printed: {message}").format(message=message)),
    )
