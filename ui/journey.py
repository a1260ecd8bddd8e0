"""Journey: the seven steps of self-directed support, where the person is, and the records
at each step."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout

from app.formats import short_day
from app.records import kinds
from app.services.support_plans.journey import Journey, JourneyItem, journey
from app.store.case import Case
from app.translation import ngettext
from ui.i18n import tr
from ui.operations import Operations
from ui.record_links import LinkedRecordsPage, link_list, record_link
from ui.widgets import heading, named, paragraph


def item_line(item: JourneyItem) -> str:
    """'2 Jun 2026 — Plans: Outcomes plan 2026 (usually here)', the title a link."""
    day = short_day(item.day) if item.day else tr("No date")
    why = tr("tagged for this step") if item.placement == "tagged" else tr("usually here")
    kind = kinds.label(item.record_type)
    return (f"{escape(day)} — {escape(kind)}: "
            + record_link(item.record_type, item.record_id, item.title) + f" <i>({why})</i>")


def journey_html(found: Journey, expanded: frozenset[str] = frozenset()) -> str:
    """The seven steps in order; the current one is marked in words, not colour alone. Long
    lists of records are shortened unless their step is in `expanded`."""
    parts = []
    for entry in found.steps:
        here = entry.step.number == found.current
        count = len(entry.items)
        records = (ngettext("{n} record", "{n} records", count).format(n=count) if count
                   else tr("no records yet"))
        marker = tr("▶ YOU ARE HERE: ") if here else ""
        parts.append(
            tr(
                "<h3><a name='step{number}'></a>{marker}{0}</h3><p>{1} <i>({records})</i></p>"
            ).format(
                escape(entry.step.label),
                escape(entry.step.meaning),
                number=entry.step.number,
                marker=marker,
                records=records,
            )
        )
        if entry.items:
            parts.append(link_list(f"step{entry.step.number}", entry.items, item_line,
                                   expanded))
    return "".join(parts)


INTRO = tr("Self-directed support has seven steps, from finding out the budget to checking how "
           "the plan worked. Casebook puts each record at the step it usually belongs to; tag a "
           "record with a step (for example step:3) to place it yourself.")
# Offered only for a Scottish case: elsewhere the steps are not how the council must work.
NOT_HERE = tr("The seven steps describe self-directed support, the way social care is arranged "
              "in Scotland. The person's nation is set to somewhere else, where the council "
              "does not have to follow them, so Casebook does not place records on them. The "
              "Standards section lists what the law there says instead.")


class JourneyPage(LinkedRecordsPage):
    """Where things are now, then every step with its records as links."""

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__(case, ops)
        self.journey: Journey | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Journey")))
        self.intro = paragraph(INTRO)
        layout.addWidget(self.intro)
        self.where = heading("", "subheading")
        layout.addWidget(self.where)
        self.reason = paragraph("")
        layout.addWidget(self.reason)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        named(self.view, tr("The seven steps and the records at each"),
              tr("Press Tab to move between records and Enter to open one"))
        self.view.anchorClicked.connect(self.follow)
        layout.addWidget(self.view, 1)
        # Takes the room the list leaves when it is hidden (a nation with nothing to list),
        # so the words stay together at the top.
        layout.addStretch(0)

    def reload(self, today: date | None = None) -> None:
        """Work out the journey again in the background (as of `today`, normally the real
        date)."""
        self.stale = False
        case, day, expanded = self.case, today or date.today(), self.expanded
        # The page's HTML (hundreds of links on a long case) is written in the background too.
        def read() -> tuple[Journey, str] | None:
            if case.person().jurisdiction != "scotland":
                return None
            found = journey(case, day)
            return found, journey_html(found, expanded)

        self.ops.query(read, self._found)

    def _found(self, result: tuple[Journey, str] | None) -> None:
        scottish = result is not None
        self.intro.setText(INTRO if scottish else NOT_HERE)
        for part in (self.where, self.reason, self.view):
            part.setVisible(scottish)
        if result is not None:
            self._show(*result)

    def _show(self, found: Journey, html: str) -> None:
        self.journey = found
        current = next(s for s in found.steps if s.step.number == found.current)
        self.where.setText(tr("Where things are now: {label}").format(label=current.step.label))
        self.where.setAccessibleName(self.where.text())
        self.reason.setText(found.reason)
        self.reason.setAccessibleName(found.reason)
        self.show_page(self.view, html, f"step{found.current}")

