"""Bundles: build a signed evidence pack (PDF) from the record, preview it, and keep a list.

Building runs in the background with progress and a Cancel button; nothing is written until the
bundle is complete. Bundles made before are listed with when, what they cover, their SHA-256 and
who they were given to; each can be opened, checked, rebuilt or marked as given to someone.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.formats import short_day
from app.records.model import Complaint
from app.records.values import parse_instant
from app.services.bundles.history import BUNDLE_EVENTS, PastBundle, mark_given, past_bundles
from app.services.bundles.options import OPTIONAL, SECTION_TITLES, BundleOptions
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from app.store.changes import Changes
from ui.dates import OptionalDate
from ui.evidence_dialog import EvidenceDialog
from ui.fields import combo, form_label
from ui.i18n import tr
from ui.operations import Operations
from ui.viewer import AttachmentViewer, pdf_page_images
from ui.widgets import button, heading, into_sight, named, notice, paragraph, show_notice
from ui.wrapped_list import wrap_items

# Building and checking bundles need reportlab, pypdf and pyHanko (most of a second to load):
# they are imported inside the background work, never on the window's thread.
if TYPE_CHECKING:
    from app.services.bundles.verify import BundleCheck

PREVIEW_PAGES = 4
ZERO_WIDTH_SPACE = "\u200b"
# What each section holds, shown beside its tick box.
SECTION_HINTS = {
    "summary": tr("the complaint's issues, each linked to its evidence (needs a complaint)"),
    "chronology": tr("every dated record in order"),
    "requests": tr("what was asked for, when it was due, and how late"),
    "plans": tr("each plan against the version it replaced"),
    "standards": tr("the standards your records are tagged with"),
    "spending": tr("money spent for each agreed outcome"),
    "exhibits": tr("the original files, numbered E1, E2…"),
}


class _Relay(QObject):
    """Carries progress from the worker thread to the window."""

    progress = Signal(float, str)


def _when(instant: str) -> str:
    when = parse_instant(instant)
    return tr("{day}, {time} UTC").format(day=short_day(when), time=f"{when:%H:%M}")


def bundle_text(bundle: PastBundle, breakable: bool = False,
                complaints: dict[str, str] | None = None) -> str:
    """Several plain lines describing a past bundle (`complaints`: their titles by id).
    `breakable` lets the long hash and path wrap on a narrow window (invisible break points
    after each group and slash)."""
    given = ", ".join(bundle.given_to) if bundle.given_to else tr("not recorded")
    gap = ZERO_WIDTH_SPACE if breakable else ""
    digest = gap.join(bundle.sha256[i:i + 16] for i in range(0, 64, 16))
    title = (complaints or {}).get(bundle.options.complaint_id or "")
    return tr(
        "Made {0}: {1}\n{pages} pages, {exhibits} exhibit{2}{3}. Given to: "
        "{given}\nFingerprint: {digest}\nSaved as {4}"
    ).format(
        _when(bundle.built_at),
        bundle.options.scope_text(title),
        "" if bundle.exhibits == 1 else "s",
        ", large print" if bundle.options.large_print else "",
        bundle.path.replace("/", "/" + gap),
        pages=bundle.pages,
        exhibits=bundle.exhibits,
        given=given,
        digest=digest,
    )


class BundlesPage(QWidget):
    """Choose what a bundle covers, preview it, build it, and see bundles made before."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self._cancel: threading.Event | None = None
        self._relay = _Relay()
        self._relay.progress.connect(self._show_progress)
        self._previews: list[QLabel] = []
        # The screen scrolls in the scroll area every section sits in (a second one inside it
        # squeezed the wrapped paragraphs at extra-large text).
        named(self, tr("Bundles"))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(tr("Bundles")))
        lay.addWidget(paragraph(
            tr("A bundle is one PDF for an advocate, ombudsman or solicitor: a cover, contents, "
               "the story in date order, your requests and how late the answers were, and every "
               "original document. It is signed with this case's own key, so anyone can check "
               "later that nothing in it was changed.")))
        lay.addWidget(self._scope_box())
        lay.addWidget(self._sections_box())
        lay.addWidget(self._looks_box())
        self._build_making(lay)
        self._build_history(lay)
        lay.addStretch(1)
        ops.changed.connect(self._changed)
        self.reload()

    # --- the choices -------------------------------------------------------------------------
    def _build_history(self, lay: QVBoxLayout) -> None:
        """Bundles made before, with what can be done to the chosen one."""
        lay.addWidget(heading(tr("Bundles made before"), "subheading"))
        self.history = QListWidget()
        wrap_items(self.history)
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setMinimumHeight(160)
        named(self.history, tr("List of bundles made before"),
              tr("Choose one, then open, check, rebuild it, or note who you gave it to"))
        self.history.currentRowChanged.connect(lambda _row: self._enable_history())
        lay.addWidget(self.history)
        row = QHBoxLayout()
        self.open_button = button(tr("&Open"), tr("Show the chosen bundle's pages"))
        self.open_button.clicked.connect(self.open_chosen)
        self.check_button = button(
            tr("Chec&k"), tr("Check the chosen bundle's signature and files")
        )
        self.check_button.clicked.connect(self.check_chosen)
        self.rebuild_button = button(
            tr("&Rebuild"), tr("Make the chosen bundle again from the record as it is now")
        )
        self.rebuild_button.clicked.connect(self._ask_and_rebuild)
        self.given_button = button(tr("G&iven to…"), tr("Note who you gave the chosen bundle to"))
        self.given_button.clicked.connect(self._ask_given)
        self.print_button = button(tr("Print a cop&y…"), tr("Print the chosen bundle"))
        self.print_button.clicked.connect(self.print_chosen)
        for b in (self.open_button, self.check_button, self.print_button, self.rebuild_button,
                  self.given_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)

    def _build_making(self, lay: QVBoxLayout) -> None:
        """Preview, build and cancel, the progress bar, and the strip of preview pages."""
        actions = QHBoxLayout()
        self.preview_button = button(
            tr("&Preview"), tr("Show the first pages without saving anything")
        )
        self.preview_button.clicked.connect(self.preview)
        self.build_button = button(
            tr("&Build and save…"), tr("Make the signed PDF and choose where to save it")
        )
        self.build_button.clicked.connect(self._ask_and_build)
        self.cancel_button = button(tr("Cancel b&uilding"), tr("Stop; nothing will be saved"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        for b in (self.preview_button, self.build_button, self.cancel_button):
            actions.addWidget(b)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        named(self.progress, tr("Progress of the bundle"))
        lay.addWidget(self.progress)
        self.status = notice()
        lay.addWidget(self.status)
        # The preview scrolls sideways on its own, so it never widens the form above it.
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setVisible(False)
        named(self.preview_area, tr("Preview of the first pages"))
        strip = QWidget()
        self.preview_row = QHBoxLayout(strip)
        self.preview_row.setContentsMargins(0, 0, 0, 0)
        self.preview_area.setWidget(strip)
        lay.addWidget(self.preview_area)

    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(tr("What it covers"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.complaint = combo(tr("Complaint"))
        form.addRow(form_label(tr("Co&mplaint:"), self.complaint), self.complaint)
        today = date.today()
        self.date_from = OptionalDate(tr("From"), today.replace(month=1, day=1))
        self.date_to = OptionalDate(tr("To"), today)
        self.date_from.known.setText(tr("From"))
        self.date_to.known.setText(tr("Up to"))
        form.addRow(form_label(tr("Dates:"), self.date_from.known), self.date_from)
        form.addRow("", self.date_to)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(tr("tags as you gave them to records, separated by commas"))
        named(self.tags, tr("Only records with these tags"), tr("Leave empty for every record; "
                                                                "separate tags with commas"))
        form.addRow(form_label(tr("Only &tags:"), self.tags), self.tags)
        self.include: tuple[str, ...] = ()  # the person's own choices of records
        self.exclude: tuple[str, ...] = ()
        self.records_button = button(
            tr("Choose the recor&ds…"),
            tr("See every record, ticked where it goes in, with why; add or take out any of them"),
        )
        self.records_button.clicked.connect(self.choose_records)
        self.records_note = paragraph(tr("Casebook chooses the records from what you set above."))
        row = QHBoxLayout()
        row.addWidget(self.records_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.records_note, 1)
        form.addRow(form_label(tr("Records:"), self.records_button), row)
        return box

    def choose_records(self) -> EvidenceDialog:
        """Open the list of ticks; the person's changes apply to the next bundle built."""
        dialog = EvidenceDialog(self.case, self.ops, self.options(), self)
        dialog.accepted.connect(lambda: self._set_choices(dialog.include, dialog.exclude))
        dialog.open()
        return dialog

    def _set_choices(self, include: tuple[str, ...], exclude: tuple[str, ...]) -> None:
        self.include, self.exclude = include, exclude
        self.records_note.setText(
            tr("{0} added by you and {1} taken out by you; the rest as Casebook chose.").format(
                len(include), len(exclude)
            )
            if include or exclude
            else tr("Casebook chooses the records from what you set above.")
        )

    def _sections_box(self) -> QGroupBox:
        box = QGroupBox(tr("What goes in"))
        col = QVBoxLayout(box)
        col.addWidget(paragraph(tr("The cover, the contents and the manifest of original files "
                                   "are always included.")))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        col.addLayout(grid)
        self.section_boxes: dict[str, QCheckBox] = {}
        for row, name in enumerate(OPTIONAL):
            # Tick boxes do not wrap their text, so the explanation is a label beside it.
            tick = QCheckBox(SECTION_TITLES[name])
            tick.setChecked(True)
            named(tick, SECTION_TITLES[name], SECTION_HINTS[name])
            self.section_boxes[name] = tick
            grid.addWidget(tick, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(paragraph(SECTION_HINTS[name]), row, 1)
        return box

    def _looks_box(self) -> QGroupBox:
        box = QGroupBox(tr("Who it is for, and how it looks"))
        form = QFormLayout(box)
        # Labels above their boxes: these labels are long, and must not be squeezed.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.for_whom = QLineEdit()
        self.for_whom.setPlaceholderText(tr("for example the ombudsman, or an advocate"))
        named(self.for_whom, tr("Prepared for"), tr("Printed on the cover"))
        form.addRow(form_label(tr("Prepared &for:"), self.for_whom), self.for_whom)
        self.redact = QLineEdit()
        self.redact.setPlaceholderText(tr("names separated by commas"))
        named(self.redact, tr("Names to withhold"), tr("Other people's names to leave out of "
                                                       "Casebook's own pages; original documents "
                                                       "are not changed"))
        form.addRow(form_label(tr("Other people's names to &withhold on Casebook's pages:"),
                               self.redact), self.redact)
        self.large_print = QCheckBox(tr("Large pri&nt"))
        named(
            self.large_print, tr("Large print"), tr("Every word in the bundle 16 point or bigger")
        )
        form.addRow(self.large_print)
        return box

    def options(self) -> BundleOptions:
        """The choices on screen as bundle options."""
        complaint = self.complaint.currentData()
        return BundleOptions(
            complaint_id=str(complaint) if complaint else None,
            date_from=self.date_from.value(), date_to=self.date_to.value(),
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            sections=tuple(n for n, tick in self.section_boxes.items() if tick.isChecked()),
            large_print=self.large_print.isChecked(),
            redact=tuple(n.strip() for n in self.redact.text().split(",") if n.strip()),
            for_whom=" ".join(self.for_whom.text().split()),
            include=self.include, exclude=self.exclude)

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Refresh the complaints to choose from and the list of bundles made (read in the
        background)."""
        case = self.case

        def read() -> tuple[list[Complaint], list[PastBundle]]:
            with case.snapshot():
                return case.list_of(Complaint), past_bundles(case)

        self.ops.query(read, lambda found: self._show(*found))

    def _show(self, complaints: list[Complaint], bundles: list[PastBundle]) -> None:
        chosen = self.complaint.currentData()
        self.complaint.clear()
        self.complaint.addItem(tr("No complaint: the whole record"), None)
        for c in sorted(complaints, key=lambda c: (c.opened_on or date.min, c.id)):
            self.complaint.addItem(c.title, c.id)
        found = self.complaint.findData(chosen)
        self.complaint.setCurrentIndex(max(found, 0))
        self.bundles = bundles
        self.history.clear()
        titles = {c.id: c.title for c in complaints}
        for bundle in self.bundles:
            item = QListWidgetItem(bundle_text(bundle, breakable=True, complaints=titles))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         bundle_text(bundle, complaints=titles))
            self.history.addItem(item)
        if self.bundles:
            self.history.setCurrentRow(0)
        self._enable_history()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._cancel is None:
            self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.touches("complaint") or changes.case_events & BUNDLE_EVENTS:
            self.reload()

    def _enable_history(self) -> None:
        chosen = self.chosen() is not None and self._cancel is None
        for b in (self.open_button, self.check_button, self.print_button, self.rebuild_button,
                  self.given_button):
            b.setEnabled(chosen)

    def chosen(self) -> PastBundle | None:
        """The bundle chosen in the list."""
        row = self.history.currentRow()
        return self.bundles[row] if 0 <= row < len(self.bundles) else None

    # --- building ----------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self.build_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:  # the bar and Cancel come into sight, below the fold at 200% text
            QTimer.singleShot(0, self.progress, lambda: into_sight(self.progress))
        else:
            self._cancel = None
        self._enable_history()

    def _start(self) -> threading.Event:
        cancel = threading.Event()
        self._cancel = cancel
        self.progress.setValue(0)
        self._busy(True)
        return cancel

    def _show_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"{message} — %p%")
        show_notice(self.status, message + "…")

    def _failed(self, message: str) -> None:
        self._busy(False)
        show_notice(self.status, message)

    def cancel(self) -> None:
        """Stop the bundle being built; nothing is saved."""
        if self._cancel is not None:
            self._cancel.set()
            show_notice(self.status, tr("Stopping…"))

    def preview(self) -> None:
        """Build the bundle in memory (not signed, not saved) and show its first pages."""
        options = self.options()
        cancel = self._start()
        relay = self._relay

        def work() -> list[QImage] | str:
            from app.services.bundles.builder import BundleCancelled, build_bundle

            try:
                built = build_bundle(self.case, options, sign=False, cancel=cancel,
                                     progress=relay.progress.emit)
            except BundleCancelled as exc:
                return str(exc)
            return pdf_page_images(built.pdf, scale=0.45, limit=PREVIEW_PAGES)

        self.ops.query(work, self._show_preview, self._failed)

    def _show_preview(self, result: list[QImage] | str) -> None:
        self._busy(False)
        for label in self._previews:
            label.deleteLater()
        self._previews = []
        if isinstance(result, str):
            show_notice(self.status, result)
            return
        tallest = max((image.height() for image in result), default=0)
        bar = self.preview_area.horizontalScrollBar().sizeHint().height()
        self.preview_area.setFixedHeight(tallest + bar + 8)
        self.preview_area.setVisible(bool(result))
        for number, image in enumerate(result, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            named(label, tr("Preview of page {number}").format(number=number))
            self.preview_row.addWidget(label)
            self._previews.append(label)
        show_notice(
            self.status,
            tr("Preview of the first {0} pages. Nothing has been saved yet.").format(len(result)),
        )

    def _ask_and_build(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Save the bundle"), "bundle.pdf",
                                                tr("PDF files (*.pdf)"))
        if target:
            self.build_to(Path(target), self.options())

    def build_to(self, target: Path, options: BundleOptions) -> None:
        """Build, sign and save a bundle to `target` in the background."""
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        cancel = self._start()
        relay = self._relay

        def work() -> PastBundle | str:
            from app.services.bundles.builder import BundleCancelled, make_bundle

            try:
                return make_bundle(self.case, options, target, cancel=cancel,
                                   progress=relay.progress.emit)
            except BundleCancelled as exc:
                return str(exc)

        self.ops.write(work, self._built, self._failed)

    def _built(self, result: PastBundle | str) -> None:
        self._busy(False)
        if isinstance(result, str):
            show_notice(self.status, result)
            return
        self.reload()
        show_notice(
            self.status,
            tr(
                "Saved {name}: {pages} pages, signed. Its fingerprint is kept in the "
                "case's history, so you can show later which file you gave."
            ).format(name=Path(result.path).name, pages=result.pages),
        )

    # --- bundles made before -----------------------------------------------------------------
    def print_chosen(self) -> None:
        """Print the chosen bundle, every page (drawn in the background)."""
        from ui.printing import print_in_background, print_pdf  # Qt's printing, when first used

        found = self._read_chosen()
        if found is not None:
            data = found[1]
            print_in_background(self, tr("Print the bundle"),
                                lambda printer: print_pdf(printer, data),
                                lambda words: show_notice(self.status, words))

    def _read_chosen(self) -> tuple[PastBundle, bytes] | None:
        bundle = self.chosen()
        if bundle is None:
            return None
        try:
            data = Path(bundle.path).read_bytes()
        except OSError:
            show_notice(
                self.status,
                tr("The file {path} is no longer there; you can rebuild it.").format(
                    path=bundle.path
                ),
            )
            return None
        if hashlib.sha256(data).hexdigest() != bundle.sha256:
            # Another bundle saved over it, or the file was changed: either way not this one.
            show_notice(
                self.status,
                tr(
                    "The file {path} is not the bundle made on {0} any more: it has been "
                    "replaced or changed. You can rebuild it."
                ).format(_when(bundle.built_at), path=bundle.path),
            )
            return None
        return bundle, data

    def open_chosen(self) -> None:
        """Show the chosen bundle in Casebook's viewer."""
        found = self._read_chosen()
        if found is None:
            return
        bundle, data = found
        info = AttachmentInfo(bundle.id, Path(bundle.path).name, "application/pdf",
                              bundle.sha256, len(data), bundle.built_at, False, bundle.pages,
                              "", None)
        AttachmentViewer(info, data, self).exec()

    def check_chosen(self) -> None:
        """Check the chosen bundle's file: signature and every attached original."""
        found = self._read_chosen()
        if found is None:
            return
        data = found[1]
        show_notice(self.status, tr("Checking the bundle…"))
        # The signature and every original are checked in the background: a large bundle
        # takes a few seconds.
        def check() -> BundleCheck:
            from app.services.bundles.verify import verify_bundle

            return verify_bundle(data)

        self.ops.query(check,
                       lambda result: show_notice(self.status,
                                                  "✓ " + " ".join(result.lines()[:3])),
                       lambda m: show_notice(self.status, tr("✗ Not verified. {m}").format(m=m)))

    def _ask_and_rebuild(self) -> None:
        bundle = self.chosen()
        if bundle is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, tr("Save the rebuilt bundle"), bundle.path,
                                                tr("PDF files (*.pdf)"))
        if target:
            self.rebuild_to(Path(target))

    def rebuild_to(self, target: Path) -> None:
        """Build the chosen bundle again, with the same choices, counted to today."""
        bundle = self.chosen()
        if bundle is not None:
            self.build_to(target, replace(bundle.options, as_of=None))

    def _ask_given(self) -> None:
        bundle = self.chosen()
        if bundle is None:
            return
        name, ok = QInputDialog.getText(
            self, tr("Given to"), tr("Who did you give this bundle to?")
        )
        if ok:
            self.mark_given(name)

    def mark_given(self, name: str) -> None:
        """Note that the chosen bundle was given to someone."""
        bundle = self.chosen()
        if bundle is None:
            return
        self.ops.write(
            lambda: mark_given(self.case, bundle.id, name),
            lambda _b: show_notice(self.status, tr("Noted: given to {0}.").format(name.strip())),
            self._failed,
        )
