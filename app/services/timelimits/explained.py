"""Every time limit Casebook counts, in plain words, for the Help page "What the time limits
mean": what it is, when the clock stops or can be stretched, and the law behind it."""

from __future__ import annotations

from app.services.timelimits.deadlines import load_rules
from app.translation import _

NATIONS = {"scotland": _("Scotland"), "england": _("England"), "wales": _("Wales"),
           "northern-ireland": _("Northern Ireland")}


def time_limits_text(jurisdiction: str | None = None) -> str:
    """The rules for one nation (all nations when None), as Markdown, one section each."""
    nation = NATIONS.get(jurisdiction or "")
    lines = [_("# What the time limits mean"), ""]
    lines.append(_("The rules Casebook uses for {nation}.").format(nation=nation) if nation else
                 _("The rules Casebook uses, with the nations each applies in."))
    lines.append("")
    for rule in load_rules().rules:
        if jurisdiction and jurisdiction not in rule.jurisdictions:
            continue
        if rule.source is None:
            continue  # a date the person was given, not a rule of law
        lines += [f"## {rule.title}", "", rule.plain, ""]
        if rule.pause:
            lines += [_("*When the clock stops:* {pause}").format(pause=rule.pause), ""]
        if rule.extension is not None:
            lines += [
                _("*When they can take longer:* {when}.").format(when=rule.extension.when),
                "",
            ]
        where = "" if nation else " (" + ", ".join(
            NATIONS[n] for n in rule.jurisdictions if n in NATIONS) + ")"
        lines += [
            _("Where it comes from: {reference}{where}.").format(
                reference=rule.reference, where=where
            ),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
