"""A tags box with a searchable list of standards, steps and laws as you type.

It is a line edit holding comma-separated tags, so any form that used a plain line edit for
tags can use it unchanged. Typing '9.10' or a word such as 'records' opens a list of matching
entries ('Standard 9.10 — You can see your records', with what it means); choosing one puts
its tag ('standard:9.10') in place of the word being typed. Down arrow opens the list too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QWidget

from app.records.model import Jurisdiction
from app.services.support_plans.taxonomy import TagOption, Taxonomy, load_taxonomy
from app.store.case import CaseFacts
from ui.i18n import tr
from ui.widgets import named
from ui.wrapped_list import wrap_items

# Enough to choose from without a long scroll; more precise typing narrows it.
MAX_SHOWN = 30


class TagPicker(QLineEdit):
    """Comma-separated tags with a popup of matching standards, steps and laws."""

    def __init__(self, parent: QWidget | None = None, taxonomy: Taxonomy | None = None) -> None:
        super().__init__(parent)
        self.taxonomy = taxonomy or load_taxonomy()
        self.options = QStandardItemModel(self)
        self.matcher = QCompleter(self.options, self)
        self.matcher.setWidget(self)
        self.matcher.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.matcher.setMaxVisibleItems(6)
        self.list = QListView()
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        wrap_items(self.list)
        named(self.list, tr("Matching standards, steps and laws"),
              tr("Use the arrow keys and press Enter to choose"))
        self.matcher.setPopup(self.list)
        # The completer reports the chosen row's text; this maps it back to its tag.
        self.tag_for: dict[str, str] = {}
        self.matcher.activated.connect(self._chosen)
        self.textEdited.connect(lambda _text: self.show_matches())
        self._say_example()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._say_example()  # now in its case view, it knows the case's nation

    def _say_example(self) -> None:
        """The placeholder and description, with an example from the case's own nation."""
        framework = self.taxonomy.framework(self.nation() or "scotland")
        if framework is None:
            self.setPlaceholderText(tr("e.g. records or law; a comma between tags"))
            named(self, tr("Tags"), tr("Type words, or “law” for the laws Casebook knows; "
                                       "choose from the list that opens. Separate tags with "
                                       "commas."))
            return
        example = framework.example
        # Short enough to show whole at extra-large text; the description says the rest.
        self.setPlaceholderText(tr("e.g. {example} or records; a comma between tags").format(
            example=example))
        named(self, tr("Tags"), tr("Type an entry such as {example}, or words; choose from "
                                   "the list that opens. Separate tags with commas.").format(
                                       example=example))

    def _word_span(self) -> tuple[int, int]:
        """Where the tag being typed starts and ends (between commas around the cursor)."""
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        return start, len(text) if end < 0 else end

    def current_word(self) -> str:
        """The tag being typed, without surrounding spaces."""
        start, end = self._word_span()
        return self.text()[start:end].strip()

    def nation(self) -> Jurisdiction | None:
        """The open case's nation, from the case view holding this box (None if not known):
        only what applies there is offered."""
        holder: QObject | None = self
        while holder is not None:
            facts = getattr(holder, "facts", None)
            if isinstance(facts, CaseFacts):
                return facts.person.jurisdiction
            holder = holder.parent()
        return None

    def matches(self, word: str) -> list[TagOption]:
        """The entries the list offers for a word, best first."""
        return self.taxonomy.search(word, self.nation())[:MAX_SHOWN]

    def show_matches(self, show_all: bool = False) -> None:
        """Fill and open the list for the word being typed (all entries if asked)."""
        word = self.current_word()
        if not word and not show_all:
            self.list.hide()
            return
        self.options.clear()
        self.tag_for.clear()
        for option in self.matches(word):
            text = f"{option.name} — {option.title}\n{option.meaning}"
            self.tag_for[text] = option.tag
            item = QStandardItem(text)
            item.setData(f"{option.label}. {option.meaning}",
                         Qt.ItemDataRole.AccessibleTextRole)
            item.setEditable(False)
            self.options.appendRow(item)
        if self.options.rowCount() == 0:
            self.list.hide()
            return
        self.matcher.complete()
        self.list.setCurrentIndex(self.options.index(0, 0))

    def choose(self, tag: str) -> None:
        """Put a tag in place of the word being typed, ready for the next one."""
        start, end = self._word_span()
        text = self.text()
        before = text[:start].rstrip()
        after = text[end:].lstrip(", ")
        joined = (before + " " if before else "") + tag + ", " + after
        self.setText(joined)
        self.setCursorPosition(len(joined) - len(after))
        self.list.hide()

    def _chosen(self, text: str) -> None:
        tag = self.tag_for.get(text)
        if tag:
            self.choose(tag)

    def tags(self) -> list[str]:
        """The tags typed, in order, blanks dropped."""
        return [t.strip() for t in self.text().split(",") if t.strip()]

    def set_tags(self, tags: list[str]) -> None:
        """Show these tags."""
        self.setText(", ".join(tags))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down and not self.list.isVisible():
            self.show_matches(show_all=True)
            return
        super().keyPressEvent(event)
