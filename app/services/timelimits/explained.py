"""Every time limit Casebook counts, in plain words, for the Help page "What the time limits
mean": what it is, when the clock stops or can be stretched, and the law behind it."""

from __future__ import annotations

from app.services.timelimits.deadlines import load_rules

NATIONS = {"scotland": "Scotland", "england": "England", "wales": "Wales",
           "northern-ireland": "Northern Ireland"}


def time_limits_text(jurisdiction: str | None = None) -> str:
    """The rules for one nation (all nations when None), as Markdown, one section each."""
    nation = NATIONS.get(jurisdiction or "")
    lines = ["# What the time limits mean", ""]
    lines.append(f"The rules Casebook uses for {nation}." if nation else
                 "The rules Casebook uses, with the nations each applies in.")
    lines.append("")
    for rule in load_rules().rules:
        if jurisdiction and jurisdiction not in rule.jurisdictions:
            continue
        if rule.source is None:
            continue  # a date the person was given, not a rule of law
        lines += [f"## {rule.title}", "", rule.plain, ""]
        if rule.pause:
            lines += [f"*When the clock stops:* {rule.pause}", ""]
        if rule.extension is not None:
            lines += [f"*When they can take longer:* {rule.extension.when}.", ""]
        where = "" if nation else " (" + ", ".join(
            NATIONS[n] for n in rule.jurisdictions if n in NATIONS) + ")"
        lines += [f"Where it comes from: {rule.reference}{where}.", ""]
    return "\n".join(lines).rstrip() + "\n"
