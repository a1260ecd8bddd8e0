"""Bring in a bank statement: choose the file, check the preview, then import it in one step."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.formats import amount_text
from app.services.budget.bankcsv import COLUMN_NAMES
from app.services.budget.bankimport import (
    ImportPreview,
    ImportResult,
    import_statement,
    preview_statement,
)
from app.services.support_plans.plan_facts import format_day, outcome_index
from app.store.case import Case
from ui.i18n import tr
from ui.labels import BANK_LAYOUTS
from ui.money_forms import dialog_body
from ui.operations import Operations
from ui.sizes import fit_height
from ui.widgets import button, file_choice, named, notice, paragraph, show_notice

# What each column role is called on screen.
ROLE_WORDS = {
    "ignore": tr("Not needed"),
    "date": tr("Date"),
    "description": tr("Description"),
    "amount": tr("Amount (in and out)"),
    "paid_in": tr("Money in"),
    "paid_out": tr("Money out"),
    "balance": tr("Balance"),
}
MAX_COLUMNS = 10


def _sample_cells(data: bytes) -> list[str]:
    """The first non-empty line's cells, only to show beside the column choices."""
    text = data[:4000].decode("utf-8-sig", errors="replace")
    for cells in csv.reader(io.StringIO(text)):
        if any(c.strip() for c in cells):
            return [c.strip() for c in cells][:MAX_COLUMNS]
    return []


class BankImportDialog(QDialog):
    """Preview a statement row by row — new, already in the case, or not usable — then import."""

    def __init__(self, case: Case, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.case, self.ops = case, ops
        self._asked = 0  # each preview asked for; only the latest is shown
        self.data: bytes | None = None
        self.preview: ImportPreview | None = None
        self.last_result: ImportResult | None = None
        self.setWindowTitle(tr("Import a bank statement"))
        named(self, tr("Import a bank statement"))
        layout, foot = dialog_body(self, 110, 36)
        self.choose_button, self.file_label = file_choice(
            layout, tr("Import a bank statement"),
            tr("Download the statement from your bank as a CSV file. Casebook shows what it found "
               "before anything is added, and skips payments already in the case, so importing "
               "the same statement twice does no harm."),
            tr("&Choose the statement file…"), tr("Pick the CSV file"))
        self.status = notice()
        layout.addWidget(self.status)
        self.own_columns = QCheckBox(tr("&Say what each column holds myself"))
        named(self.own_columns, tr("Say what each column holds myself"),
              tr("For a bank Casebook does not recognise"))
        layout.addWidget(self.own_columns)
        self.mapping = QGroupBox(tr("What each column holds"))
        self.mapping_grid = QFormLayout(self.mapping)
        self.mapping_grid.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.role_boxes: list[QComboBox] = []
        self.mapping.setVisible(False)
        layout.addWidget(self.mapping)
        self._build_preview_table(layout)
        self._build_foot(foot)
        self.choose_button.clicked.connect(self._choose)
        self.own_columns.toggled.connect(self._toggle_mapping)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.accept)

    # ------------------------------------------------------------ the file
    def _build_foot(self, foot: QVBoxLayout) -> None:
        """The counts, whether to link payments to outcomes, Close and Import."""
        self.counts = paragraph("")
        foot.addWidget(self.counts)
        self.use_links = QCheckBox(tr("&Link new payments to the suggested outcome"))
        self.use_links.setChecked(True)
        named(self.use_links, tr("Link new payments to the suggested outcome"),
              tr("You can change any link afterwards on the Payments tab"))
        foot.addWidget(self.use_links)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = button(tr("Close"))
        self.import_button = button(tr("&Import"), tr("Add the new payments to the case"))
        self.import_button.setEnabled(False)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)
        foot.addLayout(buttons)

    def _build_preview_table(self, layout: QVBoxLayout) -> None:
        """The table of what importing would do to each line of the statement."""
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                tr("Line"),
                tr("Date"),
                tr("Paid to or from"),
                tr("Amount"),
                tr("What happens"),
                tr("Suggested outcome"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        named(self.table, tr("What importing would do, line by line"))
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        layout.addWidget(self.table, 1)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the bank statement"),
                                              filter=tr("Statements (*.csv *.txt);;All files (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read the file into memory and preview it."""
        try:
            self.data = path.read_bytes()
        except OSError as exc:
            show_notice(
                self.status,
                tr("Casebook could not read that file: {strerror}").format(strerror=exc.strerror),
            )
            return
        self.file_label.setText(path.name)
        self._build_mapping()
        self.refresh()

    def _build_mapping(self) -> None:
        while self.mapping_grid.count():
            taken = self.mapping_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.setParent(None)  # off the screen now, not when Qt next gets round to it
                widget.deleteLater()
        self.role_boxes = []
        for i, sample in enumerate(_sample_cells(self.data or b"")):
            label = QLabel(tr("Column {0} (e.g. “{1}”):").format(i + 1, sample[:24]))
            label.setWordWrap(True)
            box = QComboBox()
            for role in COLUMN_NAMES:
                box.addItem(ROLE_WORDS[role], role)
            box.setCurrentIndex(COLUMN_NAMES.index("ignore"))
            named(box, tr("Column {0} holds").format(i + 1))
            label.setBuddy(box)
            box.currentIndexChanged.connect(self.refresh)
            self.mapping_grid.addRow(label, box)
            self.role_boxes.append(box)

    def _toggle_mapping(self, on: bool) -> None:
        self.mapping.setVisible(on)
        self.refresh()

    def columns(self) -> list[str] | None:
        """The column roles chosen, or None to let Casebook recognise the bank."""
        if not self.own_columns.isChecked():
            return None
        roles = [str(b.currentData()) for b in self.role_boxes]
        while roles and roles[-1] == "ignore":
            roles.pop()
        return roles

    def set_columns(self, roles: list[str]) -> None:
        """Choose column roles (as a person would with the boxes)."""
        self.own_columns.setChecked(True)
        for box, role in zip(self.role_boxes, roles, strict=False):
            box.setCurrentIndex(COLUMN_NAMES.index(role))
        self.refresh()

    # ------------------------------------------------------------ the preview
    def refresh(self, then: Callable[[], object] | None = None) -> None:
        """Preview the file as it would import now (read in the background); nothing is
        written. `then` runs once the preview is shown."""
        self.preview = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.counts.setText("")
        if self.data is None:
            return
        case, data, columns = self.case, self.data, self.columns()
        self._asked += 1
        asked = self._asked

        def read() -> tuple[ImportPreview, dict[str, str]]:
            with case.snapshot():
                return (preview_statement(case, data, columns),
                        {oid: ref.text for oid, ref in outcome_index(case).items()})

        def shown(found: tuple[ImportPreview, dict[str, str]]) -> None:
            if asked == self._asked:
                self._show(found)
                if then is not None:
                    then()

        self.ops.query(read, shown,
                       lambda message: self._not_read(message) if asked == self._asked else None)

    def _not_read(self, message: str) -> None:
        show_notice(self.status, message)
        if "column mapping" in message and not self.own_columns.isChecked():
            self.own_columns.setChecked(True)

    def _show(self, found: tuple[ImportPreview, dict[str, str]]) -> None:
        preview, words = found
        self.preview = preview
        show_notice(
            self.status,
            tr("Read using the columns you set.")
            if preview.layout == "columns"
            else tr("Recognised as a statement from {0}.").format(BANK_LAYOUTS[preview.layout]),
        )
        lines: list[tuple[int, list[str]]] = []
        for planned in preview.rows:
            r = planned.row
            what = tr("Already in the case — skipped") if planned.duplicate else (
                tr("New") + (f" ({planned.category})" if planned.category else ""))
            hint = words.get(planned.suggested[0], "") if planned.suggested else ""
            lines.append((r.line, [str(r.line), format_day(r.date), r.counterparty,
                                   amount_text(r.amount), what,
                                   "" if planned.duplicate else hint]))
        for rejected in preview.rejected:
            lines.append((rejected.line, [str(rejected.line), "", "", "",
                                          tr("⚠ Cannot be used: ") + rejected.reason.split(": ", 1)
                                          [-1], ""]))
        lines.sort(key=lambda item: item[0])
        self.table.setRowCount(len(lines))
        for r_index, (_line, cells) in enumerate(lines):
            for c_index, text in enumerate(cells):
                self.table.setItem(r_index, c_index, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        new = len(preview.new)
        self.counts.setText(
            tr(
                "{total_lines} lines: {new} new payment{0}, {duplicates} already in "
                "the case, {1} that cannot be used."
            ).format(
                "s" if new != 1 else "",
                len(preview.rejected),
                total_lines=preview.total_lines,
                new=new,
                duplicates=preview.duplicates,
            )
        )
        self.import_button.setEnabled(new > 0)

    # ------------------------------------------------------------ importing
    def run_import(self) -> None:
        """Import the new rows in one step, then say what happened."""
        if self.preview is None or self.data is None:
            return
        links = {p.row.fingerprint: list(p.suggested[:1]) for p in self.preview.new
                 if p.suggested} if self.use_links.isChecked() else {}
        case, data, columns = self.case, self.data, self.columns()
        self.import_button.setEnabled(False)

        def done(result: ImportResult) -> None:
            self.last_result = result
            self.refresh(lambda: show_notice(self.status, result.summary()))

        def failed(message: str) -> None:
            self.import_button.setEnabled(True)
            show_notice(self.status, tr("Nothing was imported. {message}").format(message=message))

        self.ops.write(lambda: import_statement(case, data, columns, links=links),
                       done, failed)

