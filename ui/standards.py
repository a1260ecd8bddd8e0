"""Standards: for each part of the case's nation's framework (Scotland's SDS Framework of
Standards, England's Care Act, Wales's Social Services and Well-being Act), the records tagged
with it."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtWidgets import QCheckBox, QTextBrowser, QVBoxLayout

from app.formats import long_day, short_day
from app.records import kinds
from app.services.support_plans.standards import (
    Evidence,
    StandardEvidence,
    case_framework,
    standards_evidence,
)
from app.services.support_plans.taxonomy import (
    SCOTLAND_PREFIX,
    Component,
    Framework,
    Standard,
    source_words,
)
from app.store.case import Case
from ui.i18n import tr
from ui.operations import Operations
from ui.record_links import LinkedRecordsPage, link_list, record_link
from ui.widgets import heading, named, paragraph


def evidence_line(item: Evidence) -> str:
    """'20 Jun 2026 — Diary: Jamie mentioned a new plan', the title a link to the record."""
    day = short_day(item.day) if item.day else tr("No date")
    kind = kinds.label(item.record_type)
    return (f"{escape(day)} — {escape(kind)}: "
            + record_link(item.record_type, item.record_id, item.title))


def _source_words(entry: Standard | Component) -> str:
    """The source's own name or words for an entry, on a line of its own in italics."""
    words = source_words(entry)
    return f"<br><i>{escape(words)}</i>" if words else ""


def standards_html(summary: list[StandardEvidence], only_with_evidence: bool,
                   expanded: frozenset[str] = frozenset(), example: str = "9.10") -> str:
    """Each standard with its count, each component with its sentence and its records (long
    lists shortened unless their standard or component is in `expanded`)."""
    parts: list[str] = []
    for entry in summary:
        count = entry.record_count
        if only_with_evidence and count == 0:
            continue
        tagged = (
            tr("{count} record{0} tagged").format("s" if count != 1 else "", count=count)
            if count
            else tr("no records tagged yet")
        )
        parts.append(f"<h3>{escape(entry.standard.label)}</h3>"
                     f"<p>{escape(entry.standard.meaning)} <i>({tagged})</i>"
                     f"{_source_words(entry.standard)}</p>")
        if entry.whole:
            parts.append(tr("<p>Tagged with the whole standard:</p>") + link_list(
                f"{entry.standard.number}", entry.whole, evidence_line, expanded))
        for part in entry.components:
            if only_with_evidence and not part.evidence:
                continue
            mark = "⚠ " if part.evidence else ""
            parts.append(f"<h4>{escape(part.component.label)}</h4>"
                         f"<p>{escape(part.component.meaning)}{_source_words(part.component)}<br>"
                         f"<b>{mark}{escape(part.sentence)}</b></p>")
            if part.evidence:
                parts.append(link_list(part.component.id, part.evidence, evidence_line,
                                       expanded))
    if not parts:
        # The example is one of the case's own nation's entries ('England 1.4' in England).
        return (tr("<p>No records are tagged with a standard yet. Add a tag such as {example} "
                   "to a diary entry, letter or plan, or untick the box above to see every "
                   "standard.</p>").format(example=escape(example)))
    return "".join(parts)


@dataclass(frozen=True)
class Words:
    """What the page says above the list, for the case's nation."""

    intro: str
    source: str
    url: str


def framework_words(framework: Framework | None) -> Words:
    """The page's introduction and source line for a framework, or for a nation with none."""
    if framework is None:
        return Words(tr("Northern Ireland has no published framework of standards for "
                        "planning care and support that Casebook can list here, so there is "
                        "nothing to tag against on this page. You can still tag a record with "
                        "a law: type “law” in a Tags box to see the laws Casebook knows."), "", "")
    source = framework.source
    line = tr("Source: {title}, {publisher} ({year}); in Casebook's own words. Checked {0}."
              ).format(long_day(source.checked_on), title=source.title,
                       publisher=source.publisher, year=source.year)
    if framework.prefix == SCOTLAND_PREFIX:
        intro = tr("The SDS Framework of Standards says what good self-directed support looks "
                   "like. Tag a diary entry, letter, complaint or plan with a standard (for "
                   "example 9.10) and it is listed here as evidence that the standard was not "
                   "met.")
    else:
        example = framework.example
        intro = tr("The {law} says what the council must pay attention to and what a care and "
                   "support plan must contain. Tag a diary entry, letter, complaint or plan with "
                   "one of these (for example {example}) and it is listed here as evidence that "
                   "it was not done.").format(law=framework.name, example=example)
    return Words(intro, line, source.url)


class StandardsPage(LinkedRecordsPage):
    """Every standard that has evidence (or all of them), with links to the records."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__(case, ops)
        self.pages: dict[bool, str] = {}  # the page's HTML with and without empty standards
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Standards")))
        # Filled in for the case's nation once it has been read.
        self.intro = paragraph("")
        layout.addWidget(self.intro)
        self.source = paragraph("")
        layout.addWidget(self.source)
        self.only_evidence = QCheckBox(tr("&Show only standards with records tagged"))
        self.only_evidence.setChecked(True)
        named(self.only_evidence, tr("Show only standards with records tagged"))
        self.only_evidence.toggled.connect(lambda _on: self.show_summary())
        layout.addWidget(self.only_evidence)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        named(self.view, tr("Standards and the records tagged with them"),
              tr("Press Tab to move between records and Enter to open one"))
        self.view.anchorClicked.connect(self.follow)
        layout.addWidget(self.view, 1)
        # Takes the room the list leaves when it is hidden (a nation with nothing to list),
        # so the words stay together at the top.
        layout.addStretch(0)

    def reload(self) -> None:
        """Gather the tagged records again, in the background, and show them."""
        self.stale = False
        case, expanded = self.case, self.expanded

        # Both versions of the page (thousands of links on a long case) are written in the
        # background, so the box switches between them at once.
        def read() -> tuple[Words, dict[bool, str]]:
            framework = case_framework(case)
            if framework is None:
                return framework_words(None), {True: "", False: ""}
            summary = standards_evidence(case, framework)
            return framework_words(framework), {
                only: standards_html(summary, only, expanded, framework.example)
                for only in (True, False)}

        self.ops.query(read, self._loaded)

    def _loaded(self, found: tuple[Words, dict[bool, str]]) -> None:
        words, self.pages = found
        self.intro.setText(words.intro)
        self.source.setText(words.source)
        self.source.setToolTip(words.url)
        # Nothing to list or filter in a nation with no framework.
        for part in (self.source, self.only_evidence, self.view):
            part.setVisible(bool(words.source))
        self.show_summary()

    def show_summary(self) -> None:
        """Show the gathered evidence, filtered as the box says."""
        self.show_page(self.view, self.pages.get(self.only_evidence.isChecked(), ""))

