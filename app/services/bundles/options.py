"""What a bundle covers and how it looks: the choices a person makes before building one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.formats import short_day
from app.problems import Problem
from app.records.values import ValueProblem, parse_date
from app.translation import _

# Every section in bundle order. Cover, contents and manifest are always included: without them
# a bundle cannot be navigated or checked.
SECTION_TITLES: dict[str, str] = {
    "cover": _("Cover"),
    "contents": _("Contents"),
    "summary": _("Summary of the complaint"),
    "chronology": _("Chronology"),
    "requests": _("Requests and their deadlines"),
    "plans": _("Plan comparisons"),
    "standards": _("Standards engaged"),
    "spending": _("Spending by outcome"),
    "exhibits": _("Exhibits"),
    "manifest": _("Manifest of original files"),
}
ALWAYS = ("cover", "contents", "manifest")
OPTIONAL = tuple(name for name in SECTION_TITLES if name not in ALWAYS)
MAX_REDACTIONS = 50


class BundleError(Problem):
    """A bundle cannot be built as asked; the message is one plain line."""


@dataclass(frozen=True)
class BundleOptions:
    """The scope, sections and presentation of one bundle.

    Scope: a complaint, a date range, tags, or any mix (all must hold); nothing chosen means the
    whole record. `as_of` is the date overdue days are counted to (today when not given).
    """

    complaint_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    tags: tuple[str, ...] = ()
    sections: tuple[str, ...] = OPTIONAL
    large_print: bool = False
    redact: tuple[str, ...] = ()
    for_whom: str = ""
    as_of: date | None = None
    # Records and files the person added to, or took out of, what the scope chose. They are
    # kept with a past bundle, so rebuilding it gives the same evidence.
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def check(self) -> None:
        """Refuse choices that cannot make a bundle, with a plain message."""
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise BundleError(_("The end date is before the start date."))
        unknown = [s for s in self.sections if s not in OPTIONAL]
        if unknown:
            raise BundleError(
                _("There is no bundle section called {0!r}. Choose from: {1}.").format(
                    unknown[0], ", ".join(OPTIONAL)
                )
            )
        if len(self.redact) > MAX_REDACTIONS:
            raise BundleError(
                _("Please choose at most {MAX_REDACTIONS} names to withhold.").format(
                    MAX_REDACTIONS=MAX_REDACTIONS
                )
            )
        for name in self.redact:
            if len(name.strip()) < 2:
                raise BundleError(_("Each name to withhold needs at least two letters."))
        for tag in self.tags:
            if not tag.strip():
                raise BundleError(_("A tag to include cannot be blank."))
        both = sorted(set(self.include) & set(self.exclude))
        if both:
            raise BundleError(_("{0} is both added and taken out: choose one.").format(both[0]))

    def includes(self, section: str) -> bool:
        """Whether a section is in this bundle."""
        return section in ALWAYS or section in self.sections

    def scope_text(self, complaint_title: str | None = None) -> str:
        """The scope in plain words, for the cover and the list of past bundles, naming the
        complaint by its title (a person never sees its id)."""
        parts = []
        if self.complaint_id:
            parts.append(
                _("the complaint “{complaint_title}”").format(complaint_title=complaint_title)
                if complaint_title
                else _("a complaint")
            )
        if self.date_from and self.date_to:
            parts.append(_("{first} to {last}").format(first=_day(self.date_from),
                                                       last=_day(self.date_to)))
        elif self.date_from:
            parts.append(_("from {day}").format(day=_day(self.date_from)))
        elif self.date_to:
            parts.append(_("up to {0}").format(_day(self.date_to)))
        if self.tags:
            parts.append("tagged " + ", ".join(self.tags))
        if self.include:
            parts.append(_("{0} added by hand").format(len(self.include)))
        if self.exclude:
            parts.append(_("{0} taken out by hand").format(len(self.exclude)))
        return "; ".join(parts) if parts else _("the whole record")

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values, kept with a past bundle so it can be rebuilt."""
        return {
            "complaint_id": self.complaint_id,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "tags": list(self.tags),
            "sections": list(self.sections),
            "large_print": self.large_print,
            "redact": list(self.redact),
            "for_whom": self.for_whom,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "include": list(self.include),
            "exclude": list(self.exclude),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> BundleOptions:
        """Read options kept with a past bundle."""
        try:
            return cls(
                complaint_id=raw.get("complaint_id"),
                date_from=_opt_date(raw.get("date_from")),
                date_to=_opt_date(raw.get("date_to")),
                tags=tuple(str(t) for t in raw.get("tags", ())),
                sections=tuple(str(s) for s in raw.get("sections", OPTIONAL)),
                large_print=bool(raw.get("large_print", False)),
                redact=tuple(str(n) for n in raw.get("redact", ())),
                for_whom=str(raw.get("for_whom") or ""),
                as_of=_opt_date(raw.get("as_of")),
                include=tuple(str(i) for i in raw.get("include", ())),
                exclude=tuple(str(i) for i in raw.get("exclude", ())),
            )
        except (ValueProblem, TypeError, AttributeError):
            raise BundleError(_("The saved choices for this bundle could not be read.")) from None

    def dumps(self) -> str:
        """The options as one JSON string."""
        return json.dumps(self.to_json(), sort_keys=True)


def _opt_date(value: Any) -> date | None:
    return parse_date(value) if value else None


def _day(value: date) -> str:
    return short_day(value)
