"""The reference taxonomy records are tagged with, read from `app/resources/reference/`.

Four data files: the SDS Framework of Standards (standards and their core components), the
seven steps of self-directed support, a short list of laws, and the questions a review record
should answer. Tags point into them with a prefix (`standard:9.10`, `step:3`, `law:uk-gdpr-art15`);
anything else is a free tag. All wording in the files is Casebook's own paraphrase.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Literal, cast

from app.paths import REFERENCE
from app.problems import Problem
from app.records.model import Jurisdiction, choices
from app.translation import _

TagKind = Literal["standard", "component", "step", "law", "free"]
ChecklistKind = Literal["must", "where-relevant"]

_STANDARD_KEY = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?$")
_COMPONENT_ID = re.compile(r"^([1-9]\d?)\.([1-9]\d?)$")
_STEP_KEY = re.compile(r"^\d{1,2}$")
_LAW_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PREFIXES = ("standard", "step", "law")
_CHECKLIST_KINDS: tuple[ChecklistKind, ...] = ("must", "where-relevant")


class TaxonomyProblem(Problem):
    """A reference file is missing or malformed; the message names the file and the entry."""


class TagProblem(Problem):
    """A tag that cannot be used: blank, or pointing at nothing in the reference lists (a
    standard, step or law Casebook does not know); the message says why."""


@dataclass(frozen=True)
class Source:
    """Where one reference file's facts come from, and when they were last checked."""

    title: str
    publisher: str
    year: int
    url: str
    note: str
    checked_on: date


@dataclass(frozen=True)
class Component:
    """One numbered core component of an SDS standard, e.g. 9.10."""

    id: str
    standard: int
    title: str
    meaning: str

    @property
    def tag(self) -> str:
        """The tag a record carries to point at this component."""
        return f"standard:{self.id}"

    @property
    def label(self) -> str:
        """A plain one-line name, e.g. 'Standard 9.10 — You can see your records'."""
        return f"Standard {self.id} — {self.title}"


@dataclass(frozen=True)
class Standard:
    """One of the twelve SDS Framework standards with its core components."""

    number: int
    title: str
    meaning: str
    components: tuple[Component, ...]

    @property
    def tag(self) -> str:
        """The tag a record carries to point at the whole standard."""
        return f"standard:{self.number}"

    @property
    def label(self) -> str:
        """A plain one-line name, e.g. 'Standard 9 — Transparency'."""
        return f"Standard {self.number} — {self.title}"


@dataclass(frozen=True)
class Step:
    """One of the seven steps of self-directed support, with the records that belong there."""

    number: int
    title: str
    meaning: str
    records: tuple[str, ...]

    @property
    def tag(self) -> str:
        """The tag a record carries to place it at this step."""
        return f"step:{self.number}"

    @property
    def label(self) -> str:
        """A plain one-line name, e.g. 'Step 3 — Getting my plan agreed'."""
        return _("Step {number} — {title}").format(number=self.number, title=self.title)


@dataclass(frozen=True)
class LawRef:
    """A piece of legislation a record can be tagged with."""

    id: str
    citation: str
    title: str
    meaning: str
    jurisdictions: tuple[Jurisdiction, ...]
    url: str

    @property
    def tag(self) -> str:
        """The tag a record carries to point at this law."""
        return f"law:{self.id}"

    @property
    def label(self) -> str:
        """A plain one-line name, e.g. 'UK GDPR Art 15 — Getting a copy of your data'."""
        return f"{self.citation} — {self.title}"


@dataclass(frozen=True)
class ChecklistItem:
    """One question to tick against a council's review record."""

    id: str
    kind: ChecklistKind
    text: str
    why: str


@dataclass(frozen=True)
class TagOption:
    """One entry in the tag picker."""

    tag: str
    kind: TagKind
    key: str
    name: str
    title: str
    meaning: str
    extra: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What the picker shows, e.g. 'Standard 9.10 — You can see your records'."""
        return f"{self.name} — {self.title}"


@dataclass(frozen=True)
class ParsedTag:
    """A tag split into its kind and key; `problem` says, in plain words, why it is unknown."""

    tag: str
    kind: TagKind
    key: str
    problem: str | None = None

    @property
    def known(self) -> bool:
        """True when the tag points at an entry of the reference taxonomy."""
        return self.kind != "free" and self.problem is None


@dataclass(frozen=True)
class Taxonomy:
    """Everything in `app/resources/reference/`, checked and ready for pickers and labels."""

    standards: tuple[Standard, ...]
    steps: tuple[Step, ...]
    laws: tuple[LawRef, ...]
    checklist: tuple[ChecklistItem, ...]
    standards_source: Source
    steps_source: Source
    law_source: Source
    checklist_source: Source

    @cached_property
    def components(self) -> tuple[Component, ...]:
        """Every core component, in framework order."""
        return tuple(c for s in self.standards for c in s.components)

    @property
    def must_items(self) -> tuple[ChecklistItem, ...]:
        """The things every review record must contain."""
        return tuple(i for i in self.checklist if i.kind == "must")

    @property
    def where_relevant_items(self) -> tuple[ChecklistItem, ...]:
        """The things a review record should contain where they apply."""
        return tuple(i for i in self.checklist if i.kind == "where-relevant")

    def standard(self, number: int) -> Standard | None:
        """The standard with this number, if there is one."""
        return next((s for s in self.standards if s.number == number), None)

    def component(self, component_id: str) -> Component | None:
        """The core component with this id (e.g. '9.10'), if there is one."""
        return next((c for c in self.components if c.id == component_id), None)

    def step(self, number: int) -> Step | None:
        """The step with this number, if there is one."""
        return next((s for s in self.steps if s.number == number), None)

    def law(self, law_id: str) -> LawRef | None:
        """The law with this id, if Casebook lists it."""
        return next((law for law in self.laws if law.id == law_id), None)

    @cached_property
    def options(self) -> tuple[TagOption, ...]:
        """Every taggable entry, in the order the picker lists them when nothing is typed."""
        found: list[TagOption] = []
        for s in self.standards:
            found.append(
                TagOption(s.tag, "standard", str(s.number), _("Standard {number}").format(
                    number=s.number), s.title,
                          s.meaning)
            )
            found.extend(
                TagOption(c.tag, "component", c.id, _("Standard {number}").format(number=c.id),
                          c.title, c.meaning)
                for c in s.components
            )
        found.extend(
            TagOption(s.tag, "step", str(s.number), _("Step {number}").format(number=s.number),
                      s.title, s.meaning,
                      s.records)
            for s in self.steps
        )
        found.extend(
            TagOption(law.tag, "law", law.id, law.citation, law.title, law.meaning)
            for law in self.laws
        )
        return tuple(found)

    def search(self, text: str) -> list[TagOption]:
        """Tag options matching `text` by number, title or meaning, best first.

        Case is ignored. An exact id or tag comes first, then ids starting with the text, then
        titles containing every word, then anything mentioning every word. Blank text lists all.
        """
        query = " ".join(text.casefold().split())
        if not query:
            return list(self.options)
        ranked: list[tuple[int, int, TagOption]] = []
        for index, option in enumerate(self.options):
            rank = _rank(option, query)
            if rank is not None:
                ranked.append((rank, index, option))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [option for _, _, option in ranked]

    def parse_tag(self, tag: str) -> ParsedTag:
        """Split a tag into kind and key; unknown ids are reported in `problem`, not raised."""
        text = tag.strip()
        if not text:
            raise TagProblem("A tag can't be blank.")
        prefix, colon, rest = text.partition(":")
        kind = prefix.strip().casefold()
        if not colon or kind not in _PREFIXES:
            return ParsedTag(text, "free", text)
        key = rest.strip()
        if kind == "standard":
            return self._parse_standard(key)
        if kind == "step":
            return self._parse_step(key)
        return self._parse_law(key)

    def describe_tag(self, tag: str) -> str:
        """A plain label for a tag, e.g. 'Standard 9.10 — You can see your records'."""
        parsed = self.parse_tag(tag)
        if parsed.kind == "free":
            return parsed.tag
        if parsed.problem is not None:
            return f"{parsed.tag} (not recognised)"
        return next(o.label for o in self.options if o.tag == parsed.tag)

    def _parse_standard(self, key: str) -> ParsedTag:
        match = _STANDARD_KEY.match(key)
        if match is None:
            return ParsedTag(f"standard:{key}", "standard", key,
                             f"'{key}' is not a standard number such as 9 or 9.10.")
        number = int(match[1])
        if match[2] is None:
            problem = None if self.standard(number) else (
                f"There is no Standard {number} in the SDS Framework of Standards."
            )
            return ParsedTag(f"standard:{number}", "standard", str(number), problem)
        component_id = f"{number}.{int(match[2])}"
        problem = None if self.component(component_id) else (
            f"Standard {component_id} is not in the SDS Framework of Standards."
        )
        return ParsedTag(f"standard:{component_id}", "component", component_id, problem)

    def _parse_step(self, key: str) -> ParsedTag:
        if _STEP_KEY.match(key) is None:
            return ParsedTag(f"step:{key}", "step", key, f"'{key}' is not a step number such as 3.")
        number = int(key)
        problem = None if self.step(number) else (
            f"There is no Step {number}; the steps run from 1 to {len(self.steps)}."
        )
        return ParsedTag(f"step:{number}", "step", str(number), problem)

    def _parse_law(self, key: str) -> ParsedTag:
        law_id = key.casefold()
        if not law_id:
            return ParsedTag("law:", "law", "", "A law tag needs a name after 'law:'.")
        problem = None if self.law(law_id) else f"'{key}' is not in Casebook's list of laws."
        return ParsedTag(f"law:{law_id}", "law", law_id, problem)


def _rank(option: TagOption, query: str) -> int | None:
    """How well one option matches a casefolded query: 0 is best, None is no match."""
    key, name, title = option.key.casefold(), option.name.casefold(), option.title.casefold()
    if query in (key, option.tag.casefold(), name):
        return 0
    if key.startswith(query) or name.startswith(query):
        return 1
    words = query.split()
    if all(w in title for w in words):
        return 2
    haystack = " ".join((name, title, option.meaning, *option.extra)).casefold()
    if all(w in haystack for w in words):
        return 3
    return None


@cache
def load_taxonomy(folder: Path = REFERENCE) -> Taxonomy:
    """Read and check the four reference files; raises `TaxonomyProblem` naming the bad entry."""
    standards_top = _read(folder, "standards.json")
    steps_top = _read(folder, "steps.json")
    law_top = _read(folder, "law.json")
    checklist_top = _read(folder, "review_checklist.json")
    return Taxonomy(
        standards=_standards(standards_top),
        steps=_steps(steps_top),
        laws=_laws(law_top),
        checklist=_checklist(checklist_top),
        standards_source=_source(standards_top),
        steps_source=_source(steps_top),
        law_source=_source(law_top),
        checklist_source=_source(checklist_top),
    )


def parse_tag(tag: str) -> ParsedTag:
    """Parse a tag against the bundled taxonomy (see `Taxonomy.parse_tag`)."""
    return load_taxonomy().parse_tag(tag)


def describe_tag(tag: str) -> str:
    """Describe a tag using the bundled taxonomy (see `Taxonomy.describe_tag`)."""
    return load_taxonomy().describe_tag(tag)


@dataclass(frozen=True)
class _Entry:
    """One JSON object being checked, with the file and entry named in any complaint."""

    data: dict[str, object]
    file: str
    where: str

    def fail(self, what: str) -> TaxonomyProblem:
        return TaxonomyProblem(f"Reference file {self.file}, {self.where}: {what}.")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' is missing or blank")
        return value.strip()

    def number(self, key: str) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.fail(f"'{key}' must be a whole number from 1 up")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise self.fail(f"'{key}' must be a list of non-blank text")
        return tuple(cast(str, v).strip() for v in value)

    def entries(self, key: str, what: str) -> list[_Entry]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(f"'{key}' must be a non-empty list")
        found = []
        for position, item in enumerate(value, 1):
            if not isinstance(item, dict):
                raise self.fail(f"entry {position} of '{key}' is not an object")
            name = item.get("id", item.get("number"))
            shown = name if isinstance(name, str | int) and not isinstance(name, bool) else None
            where = f"{what} {shown}" if shown is not None else f"{what} at position {position}"
            found.append(_Entry(cast(dict[str, object], item), self.file, where))
        return found


def _read(folder: Path, name: str) -> _Entry:
    path = folder / name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TaxonomyProblem(f"Reference file {name} is missing from {folder}.") from None
    except json.JSONDecodeError as e:
        raise TaxonomyProblem(
            f"Reference file {name} is not valid JSON (line {e.lineno}, column {e.colno})."
        ) from None
    except (OSError, UnicodeDecodeError):
        raise TaxonomyProblem(f"Reference file {name} could not be read.") from None
    if not isinstance(raw, dict):
        raise TaxonomyProblem(f"Reference file {name} should hold a JSON object at the top.")
    return _Entry(cast(dict[str, object], raw), name, "top level")


def _source(top: _Entry) -> Source:
    checked = top.text("checked_on")
    try:
        checked_on = date.fromisoformat(checked)
    except ValueError:
        raise top.fail(f"'checked_on' is '{checked}', not a date like 2026-11-23") from None
    source = top.data.get("source")
    if not isinstance(source, dict):
        raise top.fail("'source' is missing or not an object")
    entry = _Entry(cast(dict[str, object], source), top.file, "source")
    return Source(
        title=entry.text("title"),
        publisher=entry.text("publisher"),
        year=entry.number("year"),
        url=_url(entry),
        note=entry.text("note"),
        checked_on=checked_on,
    )


def _url(entry: _Entry) -> str:
    url = entry.text("url")
    if not url.startswith("https://"):
        raise entry.fail(f"'url' should start with https:// but is '{url}'")
    return url


def _unique(entry: _Entry, key: object, seen: set[object]) -> None:
    if key in seen:
        raise entry.fail("this appears more than once")
    seen.add(key)


def _standards(top: _Entry) -> tuple[Standard, ...]:
    standards = []
    numbers: set[object] = set()
    ids: set[object] = set()
    for entry in top.entries("standards", "standard"):
        number = entry.number("number")
        _unique(entry, number, numbers)
        components = []
        for part in entry.entries("components", "component"):
            component_id = part.text("id")
            match = _COMPONENT_ID.match(component_id)
            if match is None:
                raise part.fail("'id' must look like 9.10")
            if int(match[1]) != number:
                raise part.fail(f"it is listed under standard {number}")
            _unique(part, component_id, ids)
            components.append(
                Component(component_id, number, part.text("title"), part.text("meaning"))
            )
        standards.append(
            Standard(number, entry.text("title"), entry.text("meaning"), tuple(components))
        )
    return tuple(standards)


def _steps(top: _Entry) -> tuple[Step, ...]:
    steps = []
    seen: set[object] = set()
    for entry in top.entries("steps", "step"):
        number = entry.number("number")
        _unique(entry, number, seen)
        steps.append(
            Step(number, entry.text("title"), entry.text("meaning"), entry.texts("records"))
        )
    return tuple(steps)


def _laws(top: _Entry) -> tuple[LawRef, ...]:
    allowed = choices(Jurisdiction)
    laws = []
    seen: set[object] = set()
    for entry in top.entries("laws", "law"):
        law_id = entry.text("id")
        if _LAW_ID.match(law_id) is None:
            raise entry.fail("'id' must be lower-case letters, digits and single hyphens")
        _unique(entry, law_id, seen)
        places = entry.texts("jurisdictions")
        wrong = [p for p in places if p not in allowed]
        if wrong:
            raise entry.fail(f"unknown jurisdiction '{wrong[0]}' (use {', '.join(allowed)})")
        laws.append(
            LawRef(
                id=law_id,
                citation=entry.text("citation"),
                title=entry.text("title"),
                meaning=entry.text("meaning"),
                jurisdictions=tuple(cast(Jurisdiction, p) for p in places),
                url=_url(entry),
            )
        )
    return tuple(laws)


def _checklist(top: _Entry) -> tuple[ChecklistItem, ...]:
    items = []
    seen: set[object] = set()
    for entry in top.entries("items", "item"):
        item_id = entry.text("id")
        _unique(entry, item_id, seen)
        kind = entry.text("kind")
        if kind not in _CHECKLIST_KINDS:
            raise entry.fail(f"'kind' must be {' or '.join(_CHECKLIST_KINDS)}, not '{kind}'")
        items.append(
            ChecklistItem(item_id, kind, entry.text("text"), entry.text("why"))
        )
    return tuple(items)
