"""Show an attached file inside Casebook, from memory: PDF pages, images, or text.

Nothing is written to a temporary file; the bytes come from the encrypted case and are drawn
directly. Other kinds of file can be saved out only when the user asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.store.attachments import AttachmentInfo
from ui.i18n import tr
from ui.sizes import fit_height
from ui.widgets import button, named, paragraph

MAX_PAGES_SHOWN = 50


def pdf_page_images(data: bytes, scale: float = 1.3, limit: int = MAX_PAGES_SHOWN) -> list[QImage]:
    """Render the first pages of a PDF held in memory."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        images = []
        for index in range(min(len(doc), limit)):
            pil = doc[index].render(scale=scale).to_pil().convert("RGB")
            raw = pil.tobytes("raw", "RGB")
            image = QImage(raw, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # detach from the Python buffer
        return images
    finally:
        doc.close()


class AttachmentViewer(QDialog):
    """A window showing one file."""

    def __init__(self, info: AttachmentInfo, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.info, self.data = info, data
        self.setWindowTitle(info.filename)
        self.setAccessibleName(tr("File {filename}").format(filename=info.filename))
        self.resize(900, 800)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                tr("{filename} — {size:,} bytes — added {0} — fingerprint {1}…").format(
                    info.added_at[:10], info.sha256[:16], filename=info.filename, size=info.size
                )
            )
        )
        layout.addWidget(self._content(), 1)
        row = QHBoxLayout()
        save = button(tr("&Save a copy…"), tr("Save this file outside Casebook (it will not be "
                                              "encrypted there)"))
        save.clicked.connect(self._save_copy)
        close = button(tr("&Close"))
        close.clicked.connect(self.accept)
        row.addWidget(save)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def _content(self) -> QWidget:
        media = self.info.media_type
        if self.info.locked:
            return paragraph(tr("This PDF is locked with a password, so Casebook cannot show its "
                                "pages. The original file is kept safely in the case."))
        if media == "application/pdf":
            try:
                return self._pages(pdf_page_images(self.data))
            except Exception:  # noqa: BLE001 - a damaged PDF gets a plain message
                return paragraph(tr("Casebook could not draw this PDF's pages. The original file "
                                    "is kept safely in the case."))
        if media.startswith("image/"):
            image = QImage.fromData(self.data)
            if not image.isNull():
                return self._pages([image])
        if media.startswith("text/") or self.info.text:
            text = QPlainTextEdit(self.info.text or self.data.decode("utf-8", "replace"))
            text.setReadOnly(True)
            named(text, tr("Text of {filename}").format(filename=self.info.filename))
            return text
        return paragraph(tr("Casebook cannot show this kind of file. It is kept safely in the "
                            "case, and you can save a copy to open it with another program."))

    def _pages(self, images: list[QImage]) -> QWidget:
        holder = QWidget()
        col = QVBoxLayout(holder)
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            named(label, tr("Page {number} of {0}").format(len(images), number=number))
            col.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        named(scroll, tr("Pages"))
        return scroll

    def _save_copy(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Save a copy"), self.info.filename)
        if target:
            with open(target, "wb") as fh:
                fh.write(self.data)
