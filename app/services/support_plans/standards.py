"""Evidence by tag: which records point at which standard, step or law.

Any record with a `tags` list takes part, so a type that gains tags later is counted without
changes here. Tags are read through the taxonomy, so 'Standard:09.10' and
'standard:9.10' are the same evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.records import kinds
from app.services.support_plans.taxonomy import (
    SCOTLAND_PREFIX,
    Component,
    Framework,
    Standard,
    TagProblem,
    load_taxonomy,
)
from app.store import records
from app.store.case import Case
from app.translation import _


@dataclass(frozen=True)
class Evidence:
    """One record carrying one tag."""

    record_type: str
    record_id: str
    day: date | None
    title: str
    tag: str


@dataclass(frozen=True)
class ComponentEvidence:
    """A core component and the records tagged with it, newest first."""

    component: Component
    evidence: tuple[Evidence, ...]

    @property
    def sentence(self) -> str:
        """'6 records show 9.10 not met' ('… England 1.4 not met'), or that nothing is tagged
        yet."""
        part = self.component
        return evidence_sentence(len(self.evidence),
                                 part.id if part.prefix == SCOTLAND_PREFIX else part.name)


@dataclass(frozen=True)
class StandardEvidence:
    """A standard: records tagged with it as a whole, and with each of its components."""

    standard: Standard
    whole: tuple[Evidence, ...]
    components: tuple[ComponentEvidence, ...]

    @property
    def record_count(self) -> int:
        """How many different records point at this standard or any of its components."""
        ids = {e.record_id for e in self.whole}
        ids.update(e.record_id for c in self.components for e in c.evidence)
        return len(ids)


def evidence_sentence(count: int, what: str) -> str:
    """Plain words for how many records show a standard not met."""
    if count == 0:
        return _("No records tagged with {what} yet").format(what=what)
    noun = _("record shows") if count == 1 else _("records show")
    return _("{count} {noun} {what} not met").format(count=count, noun=noun, what=what)


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Tags as they are stored: references in one standard form, blanks and repeats dropped.

    A tag starting 'standard:', 'step:' or 'law:' that points at nothing raises TagProblem; any
    other text is kept as a free tag.
    """
    taxonomy = load_taxonomy()
    found: list[str] = []
    for raw in tags:
        if not raw.strip():
            continue
        parsed = taxonomy.parse_tag(raw)
        if parsed.problem is not None:
            raise TagProblem(parsed.problem)
        if parsed.tag not in found:
            found.append(parsed.tag)
    return found


def _title(record_type: str, data: dict[str, Any]) -> str:
    value = data.get(kinds.kind(record_type).title)
    if isinstance(value, str) and value.strip():
        return value.strip()
    kind = data.get("kind")
    return (
        str(kind).replace("-", " ").capitalize()
        if kind
        else _("Untitled {record_type}").format(record_type=record_type)
    )


def tagged_records(case: Case) -> list[Evidence]:
    """Every (record, tag) pair in the case, newest first; tags in their standard form.

    Reads the stored rows directly (they were checked when saved), so only records that carry
    tags are looked at, however large the case.
    """
    taxonomy = load_taxonomy()
    found: list[Evidence] = []
    with case.reading() as conn:
        for row in records.tagged_rows(conn):
            if not kinds.is_kind(row.type):
                continue
            day, title = kinds.day_of(row.type, row.data), _title(row.type, row.data)
            seen: set[str] = set()
            for raw in row.data["tags"]:
                if not isinstance(raw, str) or not raw.strip():
                    continue
                tag = taxonomy.parse_tag(raw).tag
                if tag not in seen:
                    seen.add(tag)
                    found.append(Evidence(row.type, row.id, day, title, tag))
    found.sort(key=lambda e: (e.day or date.min, e.record_id), reverse=True)
    return found


def evidence_by_tag(case: Case) -> dict[str, list[Evidence]]:
    """Records grouped by tag (standard form), newest first within each tag."""
    grouped: dict[str, list[Evidence]] = {}
    for item in tagged_records(case):
        grouped.setdefault(item.tag, []).append(item)
    return grouped


def tag_counts(case: Case) -> dict[str, int]:
    """How many records carry each tag."""
    return {tag: len(items) for tag, items in evidence_by_tag(case).items()}


def case_framework(case: Case) -> Framework | None:
    """The framework for the case's nation (Scotland's SDS standards, England's Care Act, …),
    or None where none is published (Northern Ireland)."""
    return load_taxonomy().framework(case.person().jurisdiction)


def standards_evidence(case: Case, framework: Framework | None = None) -> list[StandardEvidence]:
    """Every standard of `framework` (Scotland's SDS standards unless told), in order, with the
    evidence tagged for it and its components."""
    grouped = evidence_by_tag(case)
    chosen = framework or load_taxonomy().frameworks[0]
    return [
        StandardEvidence(
            standard=s,
            whole=tuple(grouped.get(s.tag, ())),
            components=tuple(ComponentEvidence(c, tuple(grouped.get(c.tag, ())))
                             for c in s.components),
        )
        for s in chosen.standards
    ]
