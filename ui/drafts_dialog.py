"""The words a person had not saved when Casebook locked itself, shown when the case is next
opened: to read, copy back into the form, then let go."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from app.formats import short_day
from app.records.values import parse_instant, uk_day
from app.store.drafts import Draft
from ui.i18n import tr
from ui.sizes import fit_height
from ui.widgets import button, heading, named, paragraph


class DraftsDialog(QDialog):
    """Each kept draft in a box to read and copy; delete them once you have what you need,
    or keep them for next time."""

    def __init__(self, drafts: list[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)
        self.setWindowTitle(tr("Work you had not saved"))
        named(self, tr("Work you had not saved"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Work you had not saved")))
        layout.addWidget(paragraph(tr(
            "Casebook locked itself while you were writing, and kept what you had typed. Copy "
            "what you need back into the form, then delete it here.")))
        self.boxes: list[QPlainTextEdit] = []
        for draft in drafts:
            when = short_day(uk_day(parse_instant(draft.kept_at)))
            title = tr("{what}, kept on {day}").format(what=draft.name[:1].upper()
                                                       + draft.name[1:], day=when)
            layout.addWidget(paragraph(title))
            box = QPlainTextEdit(draft.text)
            box.setReadOnly(True)
            box.setTabChangesFocus(True)
            named(box, title)
            layout.addWidget(box, 1)
            self.boxes.append(box)
        row = QHBoxLayout()
        copy = button(tr("&Copy it all"), tr("Put every kept word on the clipboard to paste"))
        copy.clicked.connect(self.copy_all)
        keep = button(tr("&Keep it for next time"), tr("Close; it is shown again next time"))
        keep.clicked.connect(self.reject)
        done = button(tr("I have it: &delete it"), tr("Delete the kept words from the case"))
        done.clicked.connect(self.accept)
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(keep)
        row.addWidget(done)
        layout.addLayout(row)
        keep.setDefault(True)  # Enter, or Escape, loses nothing
        self.resize(640, 480)

    def copy_all(self) -> None:
        """Every draft's words on the clipboard, one after another."""
        QGuiApplication.clipboard().setText("\n\n".join(box.toPlainText()
                                                        for box in self.boxes))
