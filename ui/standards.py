"""Standards: for each part of the SDS Framework of Standards, the records tagged with it."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QCheckBox, QTextBrowser, QVBoxLayout

from app.formats import long_day, short_day
from app.records import kinds
from app.services.support_plans.standards import Evidence, StandardEvidence, standards_evidence
from app.services.support_plans.taxonomy import load_taxonomy
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


def standards_html(summary: list[StandardEvidence], only_with_evidence: bool,
                   expanded: frozenset[str] = frozenset()) -> str:
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
                     f"<p>{escape(entry.standard.meaning)} <i>({tagged})</i></p>")
        if entry.whole:
            parts.append(tr("<p>Tagged with the whole standard:</p>") + link_list(
                f"{entry.standard.number}", entry.whole, evidence_line, expanded))
        for part in entry.components:
            if only_with_evidence and not part.evidence:
                continue
            mark = "⚠ " if part.evidence else ""
            parts.append(f"<h4>{escape(part.component.label)}</h4>"
                         f"<p>{escape(part.component.meaning)}<br><b>{mark}"
                         f"{escape(part.sentence)}</b></p>")
            if part.evidence:
                parts.append(link_list(part.component.id, part.evidence, evidence_line,
                                       expanded))
    if not parts:
        return (tr("<p>No records are tagged with a standard yet. Add a tag such as 9.10 to a "
                "diary entry, letter or plan, or untick the box above to see every standard.</p>"))
    return "".join(parts)


class StandardsPage(LinkedRecordsPage):
    """Every standard that has evidence (or all of them), with links to the records."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__(case, ops)
        self.pages: dict[bool, str] = {}  # the page's HTML with and without empty standards
        source = load_taxonomy().standards_source
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Standards")))
        layout.addWidget(paragraph(
            tr("The SDS Framework of Standards says what good self-directed support looks like. "
               "Tag a diary entry, letter, complaint or plan with a standard (for example 9.10) "
               "and it is listed here as evidence that the standard was not met.")))
        self.source = paragraph(
            tr(
                "Source: {title}, {publisher} ({year}); in Casebook's own words. Checked {0}."
            ).format(
                long_day(source.checked_on),
                title=source.title,
                publisher=source.publisher,
                year=source.year,
            )
        )
        self.source.setToolTip(source.url)
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

    def reload(self) -> None:
        """Gather the tagged records again, in the background, and show them."""
        self.stale = False
        case, expanded = self.case, self.expanded

        # Both versions of the page (thousands of links on a long case) are written in the
        # background, so the box switches between them at once.
        def read() -> dict[bool, str]:
            summary = standards_evidence(case)
            return {only: standards_html(summary, only, expanded) for only in (True, False)}

        self.ops.query(read, self._loaded)

    def _loaded(self, pages: dict[bool, str]) -> None:
        self.pages = pages
        self.show_summary()

    def show_summary(self) -> None:
        """Show the gathered evidence, filtered as the box says."""
        self.show_page(self.view, self.pages.get(self.only_evidence.isChecked(), ""))

