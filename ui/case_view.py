"""The open case: a navigation list of sections, the search box, and the DEMO label."""

from __future__ import annotations

import gc
import importlib
from functools import partial
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.records import kinds
from app.store.case import Case, CaseFacts
from app.store.changes import Changes
from ui.i18n import tr
from ui.keyboard import PaneKeys, first_control, no_record_chosen_by_tab, screen_panes
from ui.operations import Operations
from ui.sections import SECTIONS, section_title
from ui.sharing_bar import SharingBar
from ui.sizes import fit_screen
from ui.unsaved import leave_anyway, unsaved_in
from ui.widgets import Heading, button, heading, named, scrolling

if TYPE_CHECKING:
    from ui.bundles import BundlesPage
    from ui.complaints import ComplaintsPage
    from ui.correspondence import CorrespondencePage
    from ui.diary import DiaryPage
    from ui.journey import JourneyPage
    from ui.money import MoneyPage
    from ui.people import PeoplePage
    from ui.plans import PlansPage
    from ui.requests import RequestsPage
    from ui.search import SearchPage
    from ui.standards import StandardsPage
    from ui.today import TodayPage

# Where each section's screen is defined. A screen, and its module, is loaded the first time it
# is shown or asked for, so opening a large case pays only for the screen in front of the person.
SCREENS: dict[str, tuple[str, str]] = {
    "Today": ("ui.today", "TodayPage"), "Diary": ("ui.diary", "DiaryPage"),
    "Correspondence": ("ui.correspondence", "CorrespondencePage"),
    "Requests": ("ui.requests", "RequestsPage"), "Complaints": ("ui.complaints", "ComplaintsPage"),
    "Plans": ("ui.plans", "PlansPage"), "Standards": ("ui.standards", "StandardsPage"),
    "Journey": ("ui.journey", "JourneyPage"), "Money": ("ui.money", "MoneyPage"),
    "People": ("ui.people", "PeoplePage"), "Search": ("ui.search", "SearchPage"),
    "Bundles": ("ui.bundles", "BundlesPage"),
}
P = TypeVar("P", bound=QWidget)
# Once the first screen is up, the other screens' modules (and the PDF and signing libraries
# behind them, about half a second in all) are imported in the background, so visiting a
# section for the first time does not freeze the window while Python loads code. One module
# per query, in turn with the screens' own reads, so a screen being filled in never competes
# with an import.
PRELOAD_AFTER_MS = 300


def _scrolling(page: QWidget) -> QScrollArea:
    """A screen in a frameless scroll area: when the window is smaller than the screen needs
    (extra-large text on a laptop), the screen scrolls instead of forcing the window taller
    than the display or squeezing its parts."""
    area = scrolling(page)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the screen's controls take the keyboard
    return area


def _ignore(_result: object) -> None:
    """Nothing to do when a background step with no result finishes."""


class _Screen(Generic[P]):
    """A section's screen as an attribute of the view (`view.diary`), built on first use."""

    def __init__(self, section: str) -> None:
        self.section = section

    def __get__(self, view: CaseView, owner: type) -> P:
        return cast(P, view.section_screen(self.section))



class CaseView(QWidget):
    """Everything shown while a case is unlocked."""

    lock_requested = Signal()
    back_up_requested = Signal()  # asked for on a screen (Today's backup reminder)
    today: _Screen[TodayPage] = _Screen("Today")
    diary: _Screen[DiaryPage] = _Screen("Diary")
    correspondence: _Screen[CorrespondencePage] = _Screen("Correspondence")
    requests: _Screen[RequestsPage] = _Screen("Requests")
    complaints: _Screen[ComplaintsPage] = _Screen("Complaints")
    plans: _Screen[PlansPage] = _Screen("Plans")
    standards: _Screen[StandardsPage] = _Screen("Standards")
    journey: _Screen[JourneyPage] = _Screen("Journey")
    money: _Screen[MoneyPage] = _Screen("Money")
    people: _Screen[PeoplePage] = _Screen("People")
    search: _Screen[SearchPage] = _Screen("Search")
    bundles: _Screen[BundlesPage] = _Screen("Bundles")

    def __init__(self, case: Case, ops: Operations, facts: CaseFacts) -> None:
        super().__init__()
        self.case, self.ops, self.facts = case, ops, facts
        self._screens: dict[str, QWidget] = {}
        self._preloading = False
        person = facts.person
        self.setAccessibleName(tr("Case of {name}").format(name=person.name))
        outer = QVBoxLayout(self)
        if facts.is_demo:
            # Bold at the body size; fixed colours that read well in either contrast (white on
            # dark red, 8.9:1). No font in the style sheet, so the text size still reaches it.
            banner = Heading(tr("DEMO CASE — everyone and everything in it is made up"), "banner")
            banner.setStyleSheet("background: #8a1c1c; color: white; padding: 4px 10px;")
            banner.setWordWrap(True)
            named(banner, tr("Demo case: everyone and everything in it is made up"))
            outer.addWidget(banner)
        top = QHBoxLayout()
        self.title = heading(person.name)
        top.addWidget(self.title, 1)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(tr("Search everything…"))
        self.search_box.setClearButtonEnabled(True)
        named(self.search_box, tr("Search everything"), tr("Type words and press Enter"))
        self.search_box.returnPressed.connect(self.run_search)
        top.addWidget(self.search_box, 1)
        self.lock_button = button(
            tr("&Lock"), tr("Lock the case now; you will need your passphrase to open it again")
        )
        self.lock_button.clicked.connect(self.lock_requested.emit)
        top.addWidget(self.lock_button)
        outer.addLayout(top)
        self.sharing = SharingBar(case, ops)  # shown only for a shared case
        self.sharing.choose_requested.connect(self.choose_versions)
        outer.addWidget(self.sharing)
        body = QHBoxLayout()
        self.nav = QListWidget()
        named(self.nav, tr("Sections"), tr("Use the arrow keys to move between sections"))
        self.pages = QStackedWidget()
        for name in SECTIONS:
            # An empty stand-in holds each screen's place until `section_screen` builds it.
            self.pages.addWidget(QWidget())
            item = QListWidgetItem(section_title(name))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, section_title(name))
            self.nav.addItem(item)
        # Today comes first. Its screen is built when the view is first shown, not here, so a
        # case opened straight to another section (`go`) never builds a screen it does not show.
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 40, 160))
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
        ops.changed.connect(self._changed)
        # F6 (or Ctrl+Tab): the list of sections, then each pane of the screen in front.
        self.pane_keys = PaneKeys(self, lambda: [self.nav, *screen_panes(self.current_screen())])

    def choose_versions(self) -> None:
        """Open "Two versions — choose" for the records changed on two computers at once."""
        from ui.sharing import ConflictsDialog

        ConflictsDialog(self.case, self.ops, self, chosen=self.sharing.refresh).exec()

    def _changed(self, changes: Changes) -> None:
        if changes.touches("person"):
            self.ops.query(self.case.facts, self._show_facts)

    def _show_facts(self, facts: CaseFacts) -> None:
        self.facts = facts
        self.title.setText(facts.person.name)
        self.setAccessibleName(tr("Case of {name}").format(name=facts.person.name))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self._show_row(self.nav.currentRow())
        if not self._preloading:
            self._preloading = True
            # Asked after the first screen's own reading, so it never delays that screen.
            self.sharing.refresh(then_sync=True)
            modules = [module for module, _name in SCREENS.values()]
            QTimer.singleShot(PRELOAD_AFTER_MS, lambda: self._preload(modules))
        super().showEvent(event)

    def _preload(self, modules: list[str]) -> None:
        """Import each module in turn in the background (see PRELOAD_AFTER_MS)."""
        if not modules:
            # Code, once loaded, lives as long as the program. Setting it aside from the cycle
            # collector halves the collector's full pass (see ui.collector); objects set aside
            # are still freed as soon as nothing refers to them. No collection first: that is
            # a full pass, which is what is avoided.
            gc.freeze()
            return
        self.ops.query(partial(importlib.import_module, modules[0]),
                       lambda _module: self._preload(modules[1:]), _ignore)

    def go(self, section: str) -> None:
        """Show a section by name."""
        self.nav.setCurrentRow(SECTIONS.index(section))

    def go_and_focus(self, section: str) -> None:
        """Show a section and put the keyboard in it (the Go menu's Ctrl+1…9)."""
        self.go(section)
        page = self.current_screen()
        target = first_control(page) if page is not None else None
        (target or self.nav).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_row(self, row: int) -> None:
        leaving = self.current_screen()
        if (leaving is not None and row != self.pages.currentIndex()
                and not leave_anyway(self, unsaved_in(leaving), tr("go to another section"))):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.pages.currentIndex())  # the person stays where they were
            self.nav.blockSignals(False)
            return
        if SECTIONS[row] in SCREENS:
            self.section_screen(SECTIONS[row])
        self.pages.setCurrentIndex(row)

    def section_screen(self, section: str) -> QWidget:
        """A section's screen, built (in place of its stand-in) the first time it is needed."""
        page = self._screens.get(section)
        if page is None:
            module, name = SCREENS[section]
            cls = getattr(importlib.import_module(module), name)
            page = cls(self.case, self.ops)
            if hasattr(page, "open_record"):
                page.open_record.connect(self.open_record)
            if hasattr(page, "back_up_requested"):
                page.back_up_requested.connect(self.back_up_requested)
            if hasattr(page, "first_step"):
                page.first_step.connect(self.take_first_step)
            index, current = SECTIONS.index(section), self.pages.currentIndex()
            stand_in = self.pages.widget(index)
            area = _scrolling(page)
            fit_screen(page, area)
            no_record_chosen_by_tab(page)
            self.pages.insertWidget(index, area)
            if stand_in is not None:
                self.pages.removeWidget(stand_in)
                stand_in.deleteLater()
            self.pages.setCurrentIndex(current)  # the same section stays in front
            self._screens[section] = page
        return page

    def take_first_step(self, section: str) -> None:
        """Go to a section and start its first piece of work (Today's first steps)."""
        self.go_and_focus(section)
        if section == "Diary":
            self.diary.new_entry()
        elif section == "Correspondence":
            self.correspondence.import_button.click()
        elif section == "Plans":
            self.plans.new_plan()

    def refresh_today(self) -> None:
        """Work Today out again, if its screen has been built (a backup was just made, or
        its reminder's setting changed)."""
        from ui.today import TodayPage  # loaded already if its screen was built

        page = self._screens.get("Today")
        if isinstance(page, TodayPage):
            page.refresh()

    def current_screen(self) -> QWidget | None:
        """The screen of the section in front (None before it is built)."""
        return self._screens.get(SECTIONS[self.pages.currentIndex()])

    def run_search(self) -> None:
        """Search for what is in the search box and show the results (Enter in an empty box,
        pressed by mistake, leaves the person where they are)."""
        if not self.search_box.text().strip():
            return
        self.go("Search")
        self.search.run(self.search_box.text())

    def open_record(self, record_type: str, record_id: str) -> None:
        """Jump to a record (from a search result, a link or a card): the section its type is
        declared to be shown in, with the record selected there."""
        section = kinds.kind(record_type).section if kinds.is_kind(record_type) else None
        if section is None:
            return  # files and legal authorities have no section of their own yet
        self.go(section)
        self.section_screen(section).select(record_id)  # type: ignore[attr-defined]

    def refresh_fonts(self) -> None:
        """Re-measure widths that depend on the text size."""
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 40, 160))
