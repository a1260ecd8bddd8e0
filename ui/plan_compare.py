"""Compare two plan versions side by side, outcome by outcome, with the changed words marked."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.records.model import Plan
from app.services.support_plans.plan_facts import (
    budget_text,
    format_day,
    involvement_text,
    plan_name,
)
from app.services.support_plans.plancompare import DiffToken, PlanDiff
from app.services.support_plans.plans import compare_plans, diff_summary
from app.store.case import Case
from ui.i18n import tr
from ui.operations import Operations
from ui.widgets import button, heading, named, notice, paragraph, show_notice

KIND_WORDS = {"same": tr("Unchanged"), "reworded": tr("Reworded"), "narrowed": tr("⚠ NARROWED")}


def marked_words(tokens: list[DiffToken]) -> str:
    """HTML of a word diff: taken-out words struck through in brackets, new words underlined.

    Marks are shapes as well as colours, so they read in high contrast and in print.
    """
    runs: list[tuple[str, list[str]]] = []
    for token in tokens:
        if runs and runs[-1][0] == token.op:
            runs[-1][1].append(token.text)
        else:
            runs.append((token.op, [token.text]))
    parts = []
    for op, words in runs:
        text = escape(" ".join(words))
        if op == "removed":
            parts.append(f"<s>[− {text}]</s>")
        elif op == "added":
            parts.append(f"<u><b>+ {text}</b></u>")
        else:
            parts.append(text)
    return " ".join(parts)


def _flag(value: bool | None, who: str) -> str:
    if value is False:
        return tr("<b>⚠ No — {0} was not involved in this version</b>").format(escape(who))
    return escape(involvement_text(value))


def comparison_html(older: Plan, newer: Plan, diff: PlanDiff) -> str:
    """The comparison as an HTML page: facts side by side, then outcome by outcome."""
    texts = {o.id: o.text for o in [*older.outcomes, *newer.outcomes]}
    head = tr(
        "<tr><th width='34%'>Earlier: {0}<br>{1}</th><th width='32%'>What "
        "changed</th><th width='34%'>Later: {2}<br>{3}</th></tr>"
    ).format(
        escape(plan_name(older)),
        escape(format_day(older.dated)),
        escape(plan_name(newer)),
        escape(format_day(newer.dated)),
    )
    facts = [
        (tr("Budget"), escape(budget_text(older)), escape(budget_text(newer))),
        (tr("Guardian consulted"), _flag(older.guardian_consulted, tr("the guardian")),
         _flag(newer.guardian_consulted, tr("the guardian"))),
        (tr("Person involved"), _flag(older.person_involved, tr("the person")),
         _flag(newer.person_involved, tr("the person"))),
    ]
    rows = [head]
    rows += [f"<tr><td>{a}</td><td><b>{escape(label)}</b></td><td>{b}</td></tr>"
             for label, a, b in facts]
    rows.append(tr("<tr><th colspan='3' align='left'>Outcomes</th></tr>"))
    for change in diff.changed:
        reasons = "".join(f"<li>{escape(r)}</li>" for r in change.reasons)
        later = (escape(texts[change.to_id]) if change.kind == "same"
                 else marked_words(change.tokens))
        rows.append(
            f"<tr><td>{escape(texts[change.from_id])}</td>"
            f"<td><b>{KIND_WORDS[change.kind]}</b>{'<ul>' + reasons + '</ul>' if reasons else ''}"
            f"</td><td>{later}</td></tr>")
    rows += [tr("<tr><td>{0}</td><td><b>⚠ REPLACED BY — NARROWED?</b><br>Not linked: check "
                "whether one service has taken the place of this aim</td><td>{1}</td></tr>"
                ).format(escape(texts[r.old_id]), escape(texts[r.new_id])) for r in diff.replaced]
    gone, new = {r.old_id for r in diff.replaced}, {r.new_id for r in diff.replaced}
    rows += [tr("<tr><td>{0}</td><td><b>⚠ REMOVED</b><br>Not in the later "
                "version</td><td>—</td></tr>").format(escape(texts[oid]))
             for oid in diff.removed if oid not in gone]
    rows += [tr("<tr><td>—</td><td><b>ADDED</b><br>New in the later "
                "version</td><td>{0}</td></tr>").format(escape(texts[oid]))
             for oid in diff.added if oid not in new]
    legend = (tr("<p>In the later version, words taken out are shown struck through in "
                 "brackets, like <s>[− example]</s>, and new words underlined in bold with a plus, "
                 "like <u><b>+ example</b></u>.</p>"))
    warnings = ("".join(f"<li><b>⚠ {escape(w)}.</b></li>" for w in diff.warnings)
                or tr("<li>No warnings: nothing was removed, narrowed or cut.</li>"))
    return (
        tr(
            "<h3>Warnings</h3><ul>{warnings}</ul>{legend}<table border='1' "
            "cellspacing='0' cellpadding='6' width='100%'>"
        ).format(warnings=warnings, legend=legend)
        + "".join(rows)
        + "</table>"
    )


class PlanCompareView(QWidget):
    """Pick two versions; see warnings, the budget, who was involved and every outcome."""

    back = Signal()

    def __init__(self, case: Case, ops: Operations) -> None:
        super().__init__()
        self.case, self.ops = case, ops
        self._asked = 0  # each comparison asked for; only the latest is shown
        self.summary: list[str] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Compare two versions")), 1)
        self.back_button = button(tr("&Back to plans"), tr("Return to the list of plans"))
        self.back_button.clicked.connect(self.back.emit)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        layout.addWidget(paragraph(tr("Outcomes decide what the budget may be spent on, so an "
                                      "outcome that is narrowed or removed can cut support "
                                      "without anyone saying so.")))
        pickers = QHBoxLayout()
        self.older = QComboBox()
        self.newer = QComboBox()
        for combo, text in ((self.older, tr("Ea&rlier version:")), (self.newer,
                                                                    tr("La&ter version:"))):
            named(combo, text.replace("&", "").rstrip(":"))
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            column = QVBoxLayout()
            label = QLabel(text)
            label.setBuddy(combo)
            column.addWidget(label)
            column.addWidget(combo)
            pickers.addLayout(column, 1)
        layout.addLayout(pickers)
        self.older.currentIndexChanged.connect(lambda _i: self.run())
        self.newer.currentIndexChanged.connect(lambda _i: self.run())
        self.problem = notice()
        layout.addWidget(self.problem)
        self.view = QTextBrowser()
        named(self.view, tr("The comparison, outcome by outcome"))
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.copy_button = button(
            tr("Cop&y as text"),
            tr("Copy a plain-text summary of the comparison to paste into a letter or email"),
        )
        self.copy_button.clicked.connect(self.copy_text)
        row.addWidget(self.copy_button)
        self.print_button = button(tr("&Print…"), tr("Print the comparison"))
        self.print_button.clicked.connect(self.print_comparison)
        row.addWidget(self.print_button)
        layout.addLayout(row)

    def set_plans(self, plans: list[Plan], older_id: str | None, newer_id: str | None) -> None:
        """Offer these versions (oldest first) and compare the two given."""
        for combo, chosen in ((self.older, older_id), (self.newer, newer_id)):
            combo.blockSignals(True)
            combo.clear()
            for plan in plans:
                combo.addItem(f"{format_day(plan.dated)} — {plan_name(plan)}", plan.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.run()

    def run(self) -> None:
        """Compare the two chosen versions and show the result."""
        first, second = self.older.currentData(), self.newer.currentData()
        self.summary = []
        if not first or not second or first == second:
            show_notice(self.problem, tr("Choose two different versions to compare."))
            self.view.clear()
            return
        case = self.case
        self._asked += 1
        asked = self._asked

        def refused(message: str) -> None:
            if asked == self._asked:
                show_notice(
                    self.problem, tr("These cannot be compared: {message}").format(message=message)
                )
                self.view.clear()

        def compared(found: tuple[Plan, Plan, PlanDiff]) -> None:
            if asked == self._asked:
                self._show(*found)

        self.ops.query(lambda: compare_plans(case, first, second), compared, refused)

    def _show(self, older: Plan, newer: Plan, diff: PlanDiff) -> None:
        self.summary = diff_summary(older, newer, diff)
        show_notice(self.problem, "")
        self.view.setHtml(comparison_html(older, newer, diff))

    def print_comparison(self) -> None:
        """Print the comparison as shown."""
        from ui.printing import print_html, print_in_background  # Qt's printing, when first used

        html = self.view.toHtml()
        print_in_background(self, tr("Print the comparison"),
                            lambda printer: print_html(printer, html),
                            lambda words: show_notice(self.problem, words))

    def copy_text(self) -> None:
        """Put the plain-English summary on the clipboard."""
        if self.summary:
            QGuiApplication.clipboard().setText("\n".join(self.summary))
