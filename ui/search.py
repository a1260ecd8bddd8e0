"""Search everything: results grouped by type, each one a step away from its record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.records import kinds
from app.store.case import Case
from app.store.search import SearchHit, marked
from ui.i18n import tr
from ui.operations import Operations
from ui.widgets import heading, named, paragraph


class SearchPage(QWidget):
    """Shows the results of the search box at the top of the window."""

    open_record = Signal(str, str)  # type, id

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self.hits: list[SearchHit] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Search")))
        self.summary = paragraph(tr("Type in the search box at the top to look through every "
                                    "entry, letter, plan, person and file."))
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Found"), tr("Where the words appear")])
        self.tree.setWordWrap(True)
        named(self.tree, tr("Search results, grouped by type"), tr("Press Enter to open a result"))
        named(self.tree.header(), tr("Search result column headings"))
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)

    def run(self, text: str) -> None:
        """Search in the background, then show the results grouped by type."""
        case = self.case
        self.ops.query(lambda: case.search(text) if text.strip() else [],
                       lambda hits: self._show(text, hits))

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.type)
            if group is None:
                group = QTreeWidgetItem([kinds.label(hit.type), ""])
                groups[hit.type] = group
                self.tree.addTopLevelItem(group)
            item = QTreeWidgetItem([hit.title or tr("(no title)"),
                                    marked(hit.snippet)])
            item.setData(0, Qt.ItemDataRole.UserRole, (hit.type, hit.record_id))
            group.addChild(item)
        for type_name, group in groups.items():
            group.setText(0, f"{kinds.label(type_name)} ({group.childCount()})")
            group.setExpanded(True)
        if text.strip():
            self.summary.setText(
                tr("{0} found for “{1}”.").format(len(hits), text.strip())
                if hits
                else tr("Nothing found for “{0}”. Try fewer or different words.").format(
                    text.strip()
                )
            )
        self.tree.resizeColumnToContents(0)

    def _activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if target:
            self.open_record.emit(*target)
