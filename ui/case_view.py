"""The open case: a navigation list of sections, the search box, and the DEMO label."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.store.case import Case
from ui.diary import DiaryPage
from ui.operations import Operations
from ui.people import PeoplePage
from ui.search import SearchPage
from ui.widgets import button, heading, named, paragraph

# Sections whose screens come later say plainly what they will hold.
PLANNED = {
    "Today": "What needs doing: requests they have not answered (and how many days overdue), "
             "things due in the next two weeks, and reminders such as a review date or when "
             "a guardianship order runs out.",
    "Correspondence": "Every letter, email and portal message, in and out, kept with the "
                      "original file and threaded by reply. You will be able to bring in "
                      "emails, PDFs and scans.",
    "Requests": "Everything you have asked for that has a legal clock — copies of records, "
                "complaints at each stage, ombudsman time limits — with the date it is due.",
    "Plans": "Each version of the support or outcomes plan, and a side-by-side comparison "
             "that shows outcomes removed, narrowed or reworded between versions.",
    "Money": "The personal budget, council payments in, spending out, and which agreed "
             "outcome each payment was for.",
    "Bundles": "Evidence bundles (PDF) for an advocate, ombudsman or solicitor, built from the "
               "record in one step and checkable by anyone.",
}
SECTIONS = ["Today", "Diary", "Correspondence", "Requests", "Plans", "Money", "People",
            "Bundles", "Search"]


def _planned_page(title: str, text: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(heading(title))
    layout.addWidget(paragraph("This part of Casebook is not built yet. It will hold: " + text))
    layout.addWidget(paragraph("Everything in your case is already kept safely, and will "
                               "appear here when this section is ready."))
    layout.addStretch(1)
    return page


class CaseView(QWidget):
    """Everything shown while a case is unlocked."""

    lock_requested = Signal()

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        person = case.person()
        self.setAccessibleName(f"Case of {person.name}")
        outer = QVBoxLayout(self)
        if case.is_demo:
            banner = QLabel("DEMO CASE — everyone and everything in it is made up")
            banner.setProperty("role", "demo")
            banner.setWordWrap(True)
            named(banner, "Demo case: everyone and everything in it is made up")
            outer.addWidget(banner)
        top = QHBoxLayout()
        title = heading(person.name)
        top.addWidget(title, 1)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search everything…")
        self.search_box.setClearButtonEnabled(True)
        named(self.search_box, "Search everything", "Type words and press Enter")
        self.search_box.returnPressed.connect(self.run_search)
        top.addWidget(self.search_box, 1)
        self.lock_button = button("&Lock", "Lock the case now; you will need your passphrase "
                                           "to open it again")
        self.lock_button.clicked.connect(self.lock_requested.emit)
        top.addWidget(self.lock_button)
        outer.addLayout(top)
        body = QHBoxLayout()
        self.nav = QListWidget()
        named(self.nav, "Sections", "Use the arrow keys to move between sections")
        self.pages = QStackedWidget()
        self.diary = DiaryPage(case, ops)
        self.people = PeoplePage(case, ops)
        self.search = SearchPage(case)
        self.search.open_record.connect(self.open_record)
        built: dict[str, QWidget] = {"Diary": self.diary, "People": self.people,
                                     "Search": self.search}
        for name in SECTIONS:
            page = built.get(name) or _planned_page(name, PLANNED[name])
            self.pages.addWidget(page)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 40, 160))
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
        self.go("Diary")

    def go(self, section: str) -> None:
        """Show a section by name."""
        self.nav.setCurrentRow(SECTIONS.index(section))

    def run_search(self) -> None:
        """Search for what is in the search box and show the results."""
        self.go("Search")
        self.search.run(self.search_box.text())

    def open_record(self, record_type: str, record_id: str) -> None:
        """Jump from a search result to the record."""
        if record_type == "diary":
            self.go("Diary")
            self.diary.show_entry(record_id)
        elif record_type == "contact":
            self.go("People")
            self.people.select(record_id)

    def refresh_fonts(self) -> None:
        """Re-measure widths that depend on the text size."""
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 40, 160))
