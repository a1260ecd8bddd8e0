"""Help inside Casebook, offline: first steps, a short page for each section, and what every
time limit means in plain words. F1 opens it at the section in front."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.paths import RESOURCES
from app.services.timelimits.explained import time_limits_text
from ui.i18n import tr
from ui.reading import reading_width
from ui.sections import SECTIONS, section_title
from ui.sizes import fit_height, keep_readable
from ui.widgets import named

HELP = RESOURCES / "help"
FIRST_STEPS = "First steps"
TIME_LIMITS = "What the time limits mean"
SHARING = "Sharing with another computer"
TOPICS = [FIRST_STEPS, *SECTIONS, TIME_LIMITS, SHARING]  # names in the code; `_title` the shown


def _title(topic: str) -> str:
    if topic == FIRST_STEPS:
        return tr("First steps")
    if topic == TIME_LIMITS:
        return tr("What the time limits mean")
    if topic == SHARING:
        return tr("Sharing with another computer")
    return section_title(topic)


def page_text(topic: str, jurisdiction: str | None = None) -> str:
    """One help page as Markdown (the time limits for the case's nation, if one is open)."""
    if topic == TIME_LIMITS:
        return time_limits_text(jurisdiction)
    name = {FIRST_STEPS: "first-steps", SHARING: "sharing"}.get(topic, topic.lower())
    return (HELP / f"{name}.md").read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """The topics on the left, the chosen page on the right; it stays open beside the window
    while the person works."""

    def __init__(self, parent: QWidget | None = None, topic: str = FIRST_STEPS,
                 jurisdiction: str | None = None) -> None:
        super().__init__(parent)
        fit_height(self)  # as tall as its wrapped text, at any text size
        self.jurisdiction = jurisdiction
        self.setWindowTitle(tr("Casebook help"))
        self.setAccessibleName(tr("Casebook help"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.topics = QListWidget()
        named(self.topics, tr("Help topics"), tr("Arrow keys choose a topic"))
        for name in TOPICS:
            item = QListWidgetItem(_title(name))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _title(name))
            self.topics.addItem(item)
        keep_readable(self.topics, sample=tr("Correspondence and more"))
        self.page = QTextBrowser()
        self.page.setOpenLinks(False)
        reading_width(self.page)
        named(self.page, tr("Help page"))
        row.addWidget(self.topics)
        row.addWidget(self.page, 1)
        layout.addLayout(row, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for found in close.buttons():
            named(found, tr("Close"), tr("Close the help"))
        layout.addWidget(close)
        self.topics.currentRowChanged.connect(self._show)
        self.show_topic(topic)
        screen = self.screen().availableGeometry()
        self.resize(min(screen.width() - 40, max(820, self.fontMetrics().averageCharWidth() * 96)),
                    min(screen.height() - 60, max(560, self.fontMetrics().lineSpacing() * 24)))

    def show_topic(self, topic: str) -> None:
        """Show one topic (a section's name, First steps, or the time limits)."""
        self.topics.setCurrentRow(TOPICS.index(topic) if topic in TOPICS else 0)
        self._show(self.topics.currentRow())

    def _show(self, row: int) -> None:
        if row < 0:
            return
        self.page.setMarkdown(page_text(TOPICS[row], self.jurisdiction))
        self.page.setAccessibleDescription(TOPICS[row])
