"""Casebook's own pages of a bundle, as reportlab flowables.

Each section starts on a new page with a heading that carries an anchor (`sec:NAME`); chronology
rows carry `rec:ID` anchors; links to exhibits point at `ex:FILE_ID`, which `assemble` resolves
to the exhibit's first page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from app.formats import pounds, weekday_day
from app.records.values import parse_instant, uk_day
from app.services.bundles.content import BundleContent, ChronoRow, Spending
from app.services.bundles.layout import Pen, table_style
from app.services.bundles.options import SECTION_TITLES
from app.services.support_plans import plan_facts
from app.store.attachments import AttachmentInfo
from app.translation import _, ngettext

GRID = colors.Color(0.45, 0.45, 0.45)
# Characters of markup in a table row (normal print) or card (large print) above which the row
# might be taller than a page: a third of a page's worth of text or so, counting markup.
LONG_ROW = 1500
LONG_CARD = 600
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)


@dataclass(frozen=True)
class ExhibitEntry:
    """What Casebook's pages need to know about one exhibit."""

    number: str
    file: AttachmentInfo
    description: str
    when: str
    pages: int
    shown_as: str


def _may_split(row: Sequence[str], limit: int) -> int:
    """Whether a one-row table may break across pages. Short rows move whole to the next page
    (cheaper than KeepTogether, which lays everything out twice); a row long enough that it
    might not fit on one page must be allowed to break, or layout would fail."""
    return 1 if sum(len(cell) for cell in row) > limit else 0


def grouped_hash(digest: str, group: int = 16) -> str:
    """A long hex digest in groups, so it wraps at spaces instead of mid-group."""
    return " ".join(digest[i:i + group] for i in range(0, len(digest), group))


class SectionWriter:
    """Builds the flowables of each section for one bundle."""

    def __init__(self, pen: Pen, content: BundleContent, exhibits: Sequence[ExhibitEntry]) -> None:
        self.pen = pen
        self.st = pen.styles
        self.c = content
        self.exhibits = list(exhibits)
        self.numbers = {e.file.id: e.number for e in exhibits}
        self.large = content.options.large_print

    # --- shared pieces ---------------------------------------------------------------------
    def heading(self, section: str, first: bool = False) -> list[Flowable]:
        """A new page and the section's anchored heading."""
        title = SECTION_TITLES[section]
        return ([] if first else [PageBreak()]) + [
            self.pen.rich(self.pen.anchor(f"sec:{section}") + self.pen.markup(title),
                          self.st.h1)]

    def exhibit_links(self, file_ids: Sequence[str]) -> str:
        """Links to exhibits by number: 'E2, E5'."""
        return ", ".join(self.pen.link(self.numbers[f], f"ex:{f}")
                         for f in file_ids if f in self.numbers)

    def row_link(self, row: ChronoRow) -> str:
        """A link to a chronology row, named by its date and title."""
        label = self.pen.markup(f"{weekday_day(row.when.day)}: {row.title}")
        return self.pen.link(label, row.key) if self.c.options.includes("chronology") else label

    def grid(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
             widths: Sequence[float]) -> list[Flowable]:
        """A table of markup cells.

        Each row is its own table (same column widths) so long tables lay out in linear time
        and a long row may continue on the next page. In large print each row becomes a card
        of label and value, which stays readable at 16 pt.
        """
        cell = self.st.cell
        if self.large:
            label_w = self.st.frame_width * 0.3
            cards: list[Flowable] = []
            for row in rows:
                data = [[Paragraph(f"<b>{self.pen.markup(h)}</b>", cell), Paragraph(v, cell)]
                        for h, v in zip(headers, row, strict=True) if v]
                long = _may_split(row, LONG_CARD)
                table = Table(data, colWidths=[label_w, self.st.frame_width - label_w],
                              splitInRow=long, spaceAfter=self.st.sizes.body * 0.6)
                table.setStyle(self._style(header=False))
                # A card has a row per field; keep a short one on one page.
                cards.append(table if long else KeepTogether([table]))
            return cards
        scale = self.st.frame_width / sum(widths)
        col = [w * scale for w in widths]
        head = Table([[Paragraph(f"<b>{self.pen.markup(h)}</b>", cell) for h in headers]],
                     colWidths=col)
        head.setStyle(self._style(header=True))
        out: list[Flowable] = [head]
        for row in rows:
            table = Table([[Paragraph(v, cell) for v in row]], colWidths=col,
                          splitInRow=_may_split(row, LONG_ROW))
            table.setStyle(self._style(header=False))
            out.append(table)
        return out

    @staticmethod
    def _style(header: bool) -> list[tuple[object, ...]]:
        style = table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL))
        return style

    def note(self, text: str) -> Paragraph:
        """A plain explanatory line."""
        return self.pen.para(text, self.st.body)

    # --- cover and contents ----------------------------------------------------------------
    def cover(self, total_pages: int, fingerprint: str) -> list[Flowable]:
        """Who, by whom, for whom, when, how many pages, and how to check it."""
        c, pen, st = self.c, self.pen, self.st
        person = c.snapshot.person
        out: list[Flowable] = []
        if c.demo:
            out.append(pen.para(_("DEMONSTRATION — made-up people and events"), st.centre,
                                bold=True))
        out += [pen.rich(pen.anchor("sec:cover") + _("Evidence bundle"), st.title),
                pen.para(person.name, st.h1),
                Spacer(1, st.sizes.body)]
        about = person.name + (
            _(", known as {known_as}").format(known_as=person.known_as) if person.known_as else ""
        )
        if person.local_authority:
            about += _(". Council: {local_authority}").format(
                local_authority=person.local_authority
            )
        scope = c.options.scope_text()
        if c.selection.complaint is not None:
            complaint = c.selection.complaint
            scope = _("the complaint “{title}”").format(title=complaint.title) + (
                _(" about {whom}").format(whom=complaint.against) if complaint.against else "")
            rest = c.options.scope_text().split("; ", 1)
            if len(rest) > 1:
                scope += f" ({rest[1]})"
        rows = [
            (_("About"), about),
            (_("Prepared by"), ", ".join(filter(None, (c.preparer.name, c.preparer.standing)))),
            (_("Their authority"), c.preparer.reference or _("Not recorded")),
            (_("Prepared for"), c.options.for_whom or _("Not stated")),
            (_("Covers"), scope),
            (_("Date"), _("{day} (deadlines and overdue days are counted to this date)").format(
                day=plan_facts.format_day(c.as_of))),
            (_("Record as it stood"), self._head_day()),
            *([(_("Written down by"), "; ".join(
                _("{person} (on {computer})").format(person=p, computer=m)
                for p, m in c.writers))] if c.writers else []),
            (_("Size"), ngettext("{pages} pages, {n} exhibit", "{pages} pages, {n} exhibits",
                                 len(self.exhibits)).format(pages=total_pages,
                                                            n=len(self.exhibits))),
        ]
        out += self._pairs([(k, pen.markup(v)) for k, v in rows])
        out.append(pen.para(_("How to check this bundle"), st.h2))
        checks = [
            (_("Audit chain head"), _("event {seq}, {hash}").format(
                seq=c.head.seq, hash=grouped_hash(c.head.hash))),
            (_("Check code"), c.head.check_code),
            (_("Signing key fingerprint (SHA-256)"), grouped_hash(fingerprint, 4)),
        ]
        out += self._pairs([(k, pen.markup(v)) for k, v in checks])
        out.append(self.note(
            _("To check it in Adobe Reader or another PDF reader, open its signature panel: it "
              "should say the document has not been changed since it was signed, and that the "
              "signer's identity is unknown, which is expected because the record signs for "
              "itself; the certificate's SHA-256 fingerprint should match the one above. "
              "Casebook checks the same and more (Check, on its Bundles screen, or the command "
              "'casebook verify' with this file), and also confirms that every original file "
              "attached inside matches the manifest.")))
        out.append(self.note(
            _("The check code lets the person who keeps the record show that the record behind "
              "this bundle has not been changed since.")))
        if c.options.redact:
            count = len(c.options.redact)
            out.append(
                self.note(
                    _(
                        "{count} name{0} of other people {1} withheld on Casebook's own pages "
                        "and shown as “[name withheld]”. The original documents in the "
                        "exhibits, and the files attached inside this PDF, are not changed and "
                        "may still show {2}."
                    ).format(
                        "" if count == 1 else "s",
                        "is" if count == 1 else "are",
                        "it" if count == 1 else "them",
                        count=count,
                    )
                )
            )
        return out

    def _head_day(self) -> str:
        if not self.c.head_at:
            return _("Nothing recorded yet")
        day = uk_day(parse_instant(self.c.head_at))
        return _("Last changed on {0} (audit event {seq})").format(
            plan_facts.format_day(day), seq=self.c.head.seq
        )

    def _pairs(self, pairs: Sequence[tuple[str, str]]) -> list[Flowable]:
        label_w = self.st.frame_width * (0.34 if self.large else 0.28)
        data = [[Paragraph(f"<b>{self.pen.markup(k)}</b>", self.st.cell),
                 Paragraph(v, self.st.cell)] for k, v in pairs]
        table = Table(data, colWidths=[label_w, self.st.frame_width - label_w], splitInRow=1)
        table.setStyle(self._style(header=False))
        return [table, Spacer(1, self.st.sizes.body * 0.6)]

    def contents(self, pages: dict[str, int], sections: Sequence[str]) -> list[Flowable]:
        """Every section and exhibit with its page, each linked."""
        pen, st = self.pen, self.st
        out = self.heading("contents")
        number_w = st.sizes.small * 5
        widths = [st.frame_width - number_w, number_w]
        for name in sections:
            target = f"sec:{name}"
            if name == "exhibits":
                if not self.exhibits:
                    continue
                target = f"ex:{self.exhibits[0].file.id}"
            out.append(self._contents_row(f"<b>{pen.markup(SECTION_TITLES[name])}</b>",
                                          target, pages[target], widths))
            if name == "exhibits":
                for e in self.exhibits:
                    label = pen.markup(f"{e.number} — {e.description}")
                    out.append(self._contents_row(label, f"ex:{e.file.id}",
                                                  pages[f"ex:{e.file.id}"], widths, indent=True))
        return out

    def _contents_row(self, label: str, target: str, page: int, widths: list[float],
                      indent: bool = False) -> Table:
        pad = "&nbsp;" * 4 if indent else ""
        row = Table([[Paragraph(pad + self.pen.link(label, target), self.st.cell),
                      Paragraph(self.pen.link(f"p.&nbsp;{page}", target), self.st.cell)]],
                    colWidths=widths)
        row.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                                 ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
                                 ("TOPPADDING", (0, 0), (-1, -1), 2),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3)))
        return row

    # --- the middle sections ---------------------------------------------------------------
    def summary(self, first: bool) -> list[Flowable]:
        """The complaint's issues, each with the evidence that supports it, and what is wanted."""
        complaint = self.c.selection.complaint
        assert complaint is not None
        pen, st = self.pen, self.st
        out = self.heading("summary", first)
        facts = [
            (_("Complaint"), complaint.title),
            (_("About"), complaint.against or _("Not recorded")),
            (
                _("Made on"),
                plan_facts.format_day(complaint.opened_on)
                if complaint.opened_on
                else _("Not recorded"),
            ),
            (
                _("Where it stands"),
                {"open": _("Open"), "resolved": _("Put right"), "closed": _("Closed")}[
                    complaint.status
                ],
            ),
        ]
        out += self._pairs([(k, pen.markup(v)) for k, v in facts])
        out.append(pen.para(_("What went wrong"), st.h2))
        out.append(self.note(
            _("Under each issue are the chronology entries and exhibits that bear on it: those "
              "linked to this complaint or sharing its tags that mention the issue's subject, and "
              "any entry sharing at least two meaningful words with the issue.")))
        by_key = {r.key: r for r in self.c.rows}
        for number, item in enumerate(self.c.issues, start=1):
            out.append(pen.para(f"{number}. {item.issue}", st.body, bold=True))
            links = [self.row_link(by_key[k]) for k in item.row_keys]
            if links:
                out.append(pen.rich(_("Chronology: ") + "; ".join(links), st.body))
            if item.file_ids and self.exhibit_links(item.file_ids):
                out.append(pen.rich(_("Exhibits: ") + self.exhibit_links(item.file_ids), st.body))
            if not links:
                out.append(self.note(_("No entry in the record matches this issue yet.")))
        out.append(pen.para(_("What would put it right"), st.h2))
        wanted = complaint.desired_resolution or [_("Not recorded")]
        out += [pen.para(f"{n}. {text}", st.body) for n, text in enumerate(wanted, start=1)]
        return out

    def chronology(self, first: bool) -> list[Flowable]:
        """Every dated record in date order, with who, the source and its exhibits."""
        pen = self.pen
        out = self.heading("chronology", first)
        out.append(self.note(
            _("{0} entries, earliest first. Under each date: for a note, how soon it "
              "was written down (notes made at the time carry more weight); for a "
              "letter, its other date and whether its original file is kept; for "
              "anything else, when it was entered in the record.").format(len(self.c.rows))))
        rows: list[list[str]] = []
        for row in self.c.rows:
            when = pen.anchor(row.key) + pen.markup(weekday_day(row.when.day))
            if row.when.at:
                when += "<br/>" + row.when.at.strftime("%H:%M")
            when += f"<br/><i>{pen.markup(row.recorded)}</i>"
            what = f"<b>{pen.markup(row.title)}</b>"
            if row.detail:
                what += "<br/>" + pen.markup(row.detail)
            source = pen.markup(row.source)
            if row.file_ids and self.exhibit_links(row.file_ids):
                source += _("<br/>Exhibit ") + self.exhibit_links(row.file_ids)
            rows.append([when, what, pen.markup(row.who), source])
        if not rows:
            out.append(self.note(_("Nothing dated falls within this bundle's scope.")))
            return out
        return out + self.grid([_("Date"), _("What happened"), _("Who"), _("Source")], rows,
                               [1.05, 2.6, 1.2, 1.05])

    def requests(self, first: bool) -> list[Flowable]:
        """Each request, when it was due, and whether they answered in time."""
        pen = self.pen
        out = self.heading("requests", first)
        if not self.c.clocks:
            out.append(self.note(_("No requests fall within this bundle's scope.")))
            return out
        late = sum(1 for c in self.c.clocks if c.state == "overdue")
        out.append(
            self.note(
                _(
                    "{0} request{1}; {late} not answered and past the date due, counted to {2}."
                ).format(
                    len(self.c.clocks),
                    "" if len(self.c.clocks) == 1 else "s",
                    plan_facts.format_day(self.c.as_of),
                    late=late,
                )
            )
        )
        rows = []
        for c in self.c.clocks:
            r = c.request
            due = plan_facts.format_day(c.due_on) if c.due_on else _("No fixed date")
            rows.append([
                pen.markup(c.what), pen.markup(c.to or _("Not recorded")),
                pen.markup(plan_facts.format_day(r.made_on)),
                pen.markup(due) + f"<br/><i>{pen.markup(c.how_counted)}</i>",
                pen.markup(plan_facts.format_day(r.answered_on) if r.answered_on else _("Not yet")),
                f"<b>{pen.markup(c.plain)}</b>",
            ])
        return out + self.grid(
            [
                _("What was asked for"),
                _("Asked of"),
                _("Made"),
                _("Due"),
                _("Answered"),
                _("Where it stands"),
            ],
            rows,
            [1.5, 1.05, 0.85, 1.3, 0.9, 1.4],
        )

    def plan_comparisons(self, first: bool) -> list[Flowable]:
        """Each plan in scope against the version it replaced."""
        pen, st = self.pen, self.st
        out = self.heading("plans", first)
        if not self.c.comparisons:
            out.append(self.note(_("No plan in this bundle's scope replaces an earlier version.")))
            return out
        for comp in self.c.comparisons:
            older, newer, diff = comp.older, comp.newer, comp.diff
            out.append(CondPageBreak(st.sizes.body * 10))
            name, day = plan_facts.plan_name, plan_facts.format_day
            out.append(
                pen.para(
                    _("{0} ({1}) compared with {2} ({3})").format(
                        name(older), day(older.dated), name(newer), day(newer.dated)
                    ),
                    st.h2,
                )
            )
            for warning in diff.warnings:
                out.append(pen.rich(_("<b>Warning:</b> ") + pen.markup(warning), st.body))
            texts = {o.id: o.text for o in [*older.outcomes, *newer.outcomes]}
            rows = []
            for change in diff.changed:
                kind = {"same": _("Unchanged"), "reworded": _("Reworded"),
                        "narrowed": "NARROWED"}[change.kind]
                why = "<br/>".join(pen.markup(r) for r in change.reasons)
                rows.append([pen.markup(texts[change.from_id]), pen.markup(texts[change.to_id]),
                             f"<b>{kind}</b>" + (f"<br/>{why}" if why else "")])
            rows += [[pen.markup(texts[r.old_id]), pen.markup(texts[r.new_id]),
                      _("<b>REPLACED BY — NARROWED?</b><br/>Not linked in the plan")]
                     for r in diff.replaced]
            gone, new = {r.old_id for r in diff.replaced}, {r.new_id for r in diff.replaced}
            rows += [[pen.markup(texts[o]), "—", "<b>REMOVED</b>"]
                     for o in diff.removed if o not in gone]
            rows += [["—", pen.markup(texts[o]), _("<b>Added</b>")]
                     for o in diff.added if o not in new]
            if rows:
                out += self.grid([_("Before"), _("Now"), _("What changed")], rows, [2, 2, 1.6])
            facts = [
                (_("Budget before"), plan_facts.budget_text(older)),
                (_("Budget now"), plan_facts.budget_text(newer)),
            ]
            if diff.budget and diff.budget.annual_difference:
                yearly = diff.budget.annual_difference
                facts.append((_("Difference in a year"),
                              (_("{amount} less") if yearly < 0 else _("{amount} more")).format(
                                  amount=pounds(abs(yearly)))))
            for plan in (older, newer):
                facts.append((_("Who took part: {0}").format(plan_facts.plan_name(plan)),
                              _("guardian consulted: {guardian}; person involved: {person}").format(
                                  guardian=plan_facts.involvement_text(
                                      plan.guardian_consulted).lower(),
                                  person=plan_facts.involvement_text(
                                      plan.person_involved).lower())))
            out.append(Spacer(1, st.sizes.body * 0.5))
            out += self._pairs([(k, pen.markup(v)) for k, v in facts])
        return out

    def standards(self, first: bool) -> list[Flowable]:
        """Each standard the evidence is tagged with, what it means, and the evidence."""
        pen, st = self.pen, self.st
        out = self.heading("standards", first)
        if not self.c.standards:
            out.append(self.note(_("No record in this bundle's scope is tagged with a standard.")))
            return out
        names = list(dict.fromkeys(item.framework for item in self.c.standards))
        out.append(self.note(_("What the records in this bundle are tagged with, from the {0}.")
                             .format("; ".join(names))))
        by_key = {r.key: r for r in self.c.rows}
        for item in self.c.standards:
            out.append(pen.para(item.label, st.h2))
            if item.meaning:
                out.append(pen.rich(f"<i>{pen.markup(item.meaning)}</i>", st.body))
            links = [self.row_link(by_key[k]) for k in item.row_keys]
            out.append(
                pen.rich(_("Evidence: ") + ("; ".join(links) or _("none in scope")), st.body)
            )
            if self.exhibit_links(item.file_ids):
                out.append(pen.rich(_("Exhibits: ") + self.exhibit_links(item.file_ids), st.body))
        return out

    def spending(self, first: bool) -> list[Flowable]:
        """Spending grouped by the outcome it was for, with receipts."""
        pen, st = self.pen, self.st
        out = self.heading("spending", first)
        money = self.c.spending
        assert money is not None
        about_money = bool(money.schedules or money.checks)
        if money.complaint and not about_money:
            totals = (_("Spent towards the outcomes the complaint is about: {0}. Only the "
                        "complaint's period is shown.").format(pounds(money.spent)))
        else:
            totals = _("Paid in by the council: {0}. Spent: {1}.").format(
                pounds(money.received), pounds(money.spent)
            ) + (
                _(
                    " Only the complaint's period is shown, with every payment in it, "
                    "because the complaint is about money."
                )
                if money.complaint
                else ""
            )
        out.append(self.note(_("{totals} A payment for more than one outcome is shared equally "
                               "between them.").format(totals=totals)))
        if about_money:
            out += self.payments_expected(money)
        for group in money.groups:
            title = group.title + (f" ({group.plan_title})" if group.plan_title else "")
            out.append(pen.para(title, st.h2))
            rows = [[pen.markup(weekday_day(line.transaction.date)),
                     pen.markup(line.transaction.counterparty or ""),
                     pen.markup(line.transaction.description or line.transaction.category or ""),
                     pen.markup(pounds(line.share)),
                     self.exhibit_links(line.transaction.attachment_ids) or "—"]
                    for line in group.lines]
            rows.append(["", "", _("<b>Total</b>"), f"<b>{pen.markup(pounds(group.total))}</b>",
                         ""])
            out += self.grid(
                [_("Date"), _("Paid to"), _("What for"), _("Amount"), _("Receipt")],
                rows,
                [1.2, 1.35, 1.65, 0.9, 0.8],
            )
        return out

    def payments_expected(self, money: Spending) -> list[Flowable]:
        """Each payment the council should have made in the complaint's period, and what
        arrived; a missed or short one says so in words."""
        pen, st = self.pen, self.st
        out: list[Flowable] = [pen.para(_("Payments the council should have made"), st.h2)]
        if not money.schedules:
            out.append(self.note(_("No payment schedule is set and none could be worked out from "
                                   "the payments received, so which payments were due is not "
                                   "shown.")))
            return out
        missed = sum(1 for c in money.checks if c.status == "missed")
        short = sum(1 for c in money.checks if c.status == "short")
        known = (_(" Casebook's money records start on {0}, so nothing due before then is "
                   "shown.").format(weekday_day(money.records_from)) if money.records_from else "")
        out.append(
            self.note(
                _(
                    "The schedule: {0}. Of {1} payments due in the complaint's period, "
                    "{missed} did not arrive and {short} arrived short.{known}"
                ).format(
                    "; ".join(money.schedules),
                    len(money.checks),
                    missed=missed,
                    short=short,
                    known=known,
                )
            )
        )
        if not money.checks:
            return out
        words = {"received": _("Arrived"), "not yet due": _("Not yet due")}
        rows = []
        for c in money.checks:
            if c.status == "missed":
                what = _("<b>MISSED</b>: nothing arrived")
            elif c.status == "short":
                what = _("<b>SHORT</b> by {0}").format(pen.markup(pounds(c.amount - c.received)))
            else:
                what = words[c.status]
            rows.append([pen.markup(weekday_day(c.expected_on)), pen.markup(pounds(c.amount)),
                         pen.markup(pounds(c.received)) if c.received_on else "—",
                         pen.markup(weekday_day(c.received_on)) if c.received_on else "—", what])
        return out + self.grid(
            [_("Due on"), _("Due"), _("Arrived"), _("Arrived on"), _("What happened")],
            rows,
            [1, 0.9, 0.9, 1, 1.6],
        )

    def manifest(self) -> list[Flowable]:
        """Every original file: name, size, SHA-256, when it entered the record, and pages."""
        pen = self.pen
        out = self.heading("manifest", first=True)
        out.append(self.note(
            _("Each exhibit's original file is attached inside this PDF, unchanged. The SHA-256 "
              "fingerprint was taken when the file entered the record; Casebook's Check (or "
              "'casebook verify') compares every attached file with it.")))
        rows = []
        for e in self.exhibits:
            rows.append([self.pen.link(e.number, f"ex:{e.file.id}"), pen.markup(e.file.filename),
                         _("{size:,} bytes").format(size=e.file.size), grouped_hash(e.file.sha256),
                         pen.markup(e.when), pen.markup(e.shown_as)])
        if not rows:
            out.append(self.note(_("This bundle has no exhibits.")))
            return out
        return out + self.grid(
            [
                _("Exhibit"),
                _("File"),
                _("Size"),
                "SHA-256",
                _("Entered the record"),
                _("In this bundle"),
            ],
            rows,
            [0.7, 1.5, 1, 1.6, 1.1, 1.1],
        )

    def middle(self, sections: Sequence[str]) -> list[Flowable]:
        """The sections between the contents and the exhibits, each on new pages."""
        makers = {"summary": self.summary, "chronology": self.chronology,
                  "requests": self.requests, "plans": self.plan_comparisons,
                  "standards": self.standards, "spending": self.spending}
        out: list[Flowable] = []
        for name in sections:
            if name in makers:
                out += makers[name](not out)
        return out
