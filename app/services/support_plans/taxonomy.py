"""The reference taxonomy records are tagged with, read from `app/resources/reference/`.

Five data files: the SDS Framework of Standards (standards and their core components), the
other nations' frameworks taken from their laws (England's Care Act, Wales's Social Services and
Well-being Act), the seven steps of self-directed support, a short list of laws, and the
questions a review record should answer. Tags point into them with a prefix (`standard:9.10`,
`england:1.4`, `wales:2.2`, `step:3`, `law:uk-gdpr-art15`); anything else is a free tag. All
explanations in the files are Casebook's own paraphrase; a law's own words are kept only as its
short `official` wording beside them.
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
SCOTLAND_PREFIX = "standard"
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


def _name(prefix: str, short: str, key: str) -> str:
    """'Standard 9.10' for the SDS standards, else the framework's short name and the number
    ('England 1.4')."""
    if prefix == SCOTLAND_PREFIX:
        return _("Standard {number}").format(number=key)
    return f"{short} {key}"


@dataclass(frozen=True)
class Component:
    """One numbered part of a framework's entry: a core component of an SDS standard (9.10),
    or one item a law lists (England 1.4: control over daily life, Care Act s1(2)(d))."""

    id: str
    standard: int
    title: str
    meaning: str
    prefix: str = SCOTLAND_PREFIX
    short: str = ""  # the framework's short name, e.g. 'England'
    ref: str = ""  # where the law says it, e.g. 's1(2)(d)'
    official: str = ""  # the law's own words, in short

    @property
    def tag(self) -> str:
        """The tag a record carries to point at this component."""
        return f"{self.prefix}:{self.id}"

    @property
    def name(self) -> str:
        """'Standard 9.10' or 'England 1.4'."""
        return _name(self.prefix, self.short, self.id)

    @property
    def label(self) -> str:
        """A plain one-line name, e.g. 'Standard 9.10 — You can see your records'."""
        return f"{self.name} — {self.title}"


@dataclass(frozen=True)
class Standard:
    """One of the twelve SDS Framework standards with its core components, or one part of
    another nation's framework (England 1: wellbeing, Care Act s1(2)) with its items."""

    number: int
    title: str
    meaning: str
    components: tuple[Component, ...]
    prefix: str = SCOTLAND_PREFIX
    short: str = ""
    ref: str = ""
    official: str = ""

    @property
    def tag(self) -> str:
        """The tag a record carries to point at the whole standard."""
        return f"{self.prefix}:{self.number}"

    @property
    def name(self) -> str:
        """'Standard 9' or 'England 1'."""
        return _name(self.prefix, self.short, str(self.number))

    @property
    def label(self) -> str:
        """A plain one-line name, e.g. 'Standard 9 — Transparency'."""
        return f"{self.name} — {self.title}"


@dataclass(frozen=True)
class Framework:
    """What one nation's law or guidance says good support includes: Scotland's SDS standards,
    England's and Wales's taken from their Acts and regulations (Northern Ireland has none
    published to encode)."""

    jurisdiction: Jurisdiction
    prefix: str  # of its tags
    name: str  # 'Care Act 2014 (England)', read after 'the'
    short: str  # 'England', in 'England 1.4'
    source: Source
    standards: tuple[Standard, ...]

    @property
    def components(self) -> tuple[Component, ...]:
        """Every item, in framework order."""
        return tuple(c for s in self.standards for c in s.components)

    @property
    def example(self) -> str:
        """An entry to suggest as an example tag: '9.10' in Scotland, else one of the
        framework's own ('England 1.4')."""
        if self.prefix == SCOTLAND_PREFIX:
            return "9.10"
        names = [c.name for c in self.components]
        return names[3] if len(names) > 3 else names[0]


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
    nations: tuple[Jurisdiction, ...] = ()  # where it applies; empty is everywhere

    def applies_in(self, nation: Jurisdiction | None) -> bool:
        """Whether the picker offers it for a case in `nation` (None: offer everything)."""
        return nation is None or not self.nations or nation in self.nations

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
    others: tuple[Framework, ...] = ()  # the other nations' frameworks

    @cached_property
    def components(self) -> tuple[Component, ...]:
        """Every core component, in framework order."""
        return tuple(c for s in self.standards for c in s.components)

    @cached_property
    def frameworks(self) -> tuple[Framework, ...]:
        """Every nation's framework, Scotland's SDS standards first."""
        scotland = Framework("scotland", SCOTLAND_PREFIX, _("SDS Framework of Standards"),
                             _("Standard"), self.standards_source, self.standards)
        return (scotland, *self.others)

    def framework(self, nation: Jurisdiction) -> Framework | None:
        """The framework for a case in `nation`, or None where none is published."""
        return next((f for f in self.frameworks if f.jurisdiction == nation), None)

    @cached_property
    def _entries(self) -> dict[str, Standard | Component]:
        found: dict[str, Standard | Component] = {}
        for framework in self.frameworks:
            for standard in framework.standards:
                found[standard.tag] = standard
                found.update((c.tag, c) for c in standard.components)
        return found

    def entry(self, tag: str) -> Standard | Component | None:
        """The framework entry a tag (in its standard form) points at, if any."""
        return self._entries.get(tag)

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
        for framework in self.frameworks:
            nations = (framework.jurisdiction,)
            for s in framework.standards:
                found.append(TagOption(s.tag, "standard", str(s.number), s.name, s.title,
                                       s.meaning, _refs(s), nations))
                found.extend(TagOption(c.tag, "component", c.id, c.name, c.title, c.meaning,
                                       _refs(c), nations)
                             for c in s.components)
        # The seven steps are offered with self-directed support, which is Scotland's.
        found.extend(
            TagOption(s.tag, "step", str(s.number), _("Step {number}").format(number=s.number),
                      s.title, s.meaning, s.records, ("scotland",))
            for s in self.steps
        )
        found.extend(
            TagOption(law.tag, "law", law.id, law.citation, law.title, law.meaning, (),
                      law.jurisdictions)
            for law in self.laws
        )
        return tuple(found)

    def search(self, text: str, nation: Jurisdiction | None = None) -> list[TagOption]:
        """Tag options matching `text` by number, title or meaning, best first; with `nation`,
        only those that apply there (England's Care Act, not Scotland's standards).

        Case is ignored. An exact id or tag comes first, then ids starting with the text, then
        titles containing every word, then anything mentioning every word. Blank text lists all.
        """
        query = " ".join(text.casefold().split())
        offered = [o for o in self.options if o.applies_in(nation)]
        if not query:
            return offered
        ranked: list[tuple[int, int, TagOption]] = []
        for index, option in enumerate(offered):
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
        framework = next((f for f in self.frameworks if f.prefix == kind), None)
        if not colon or (kind not in _PREFIXES and framework is None):
            return ParsedTag(text, "free", text)
        key = rest.strip()
        if framework is not None:
            return self._parse_standard(framework, key)
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

    def _parse_standard(self, framework: Framework, key: str) -> ParsedTag:
        prefix = framework.prefix
        match = _STANDARD_KEY.match(key)
        if match is None:
            example = "9 or 9.10" if prefix == SCOTLAND_PREFIX else "1 or 1.4"
            return ParsedTag(f"{prefix}:{key}", "standard", key, _(
                "'{key}' is not a standard number such as {example}.").format(
                    key=key, example=example))
        number = int(match[1])
        component_id = str(number) if match[2] is None else f"{number}.{int(match[2])}"
        tag = f"{prefix}:{component_id}"
        problem = None if tag in self._entries else _(
            "{name} is not in the {framework}.").format(
                name=_name(prefix, framework.short, component_id), framework=framework.name)
        kind: TagKind = "standard" if match[2] is None else "component"
        return ParsedTag(tag, kind, component_id, problem)

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


def source_words(entry: Standard | Component) -> str:
    """What the source itself calls an entry, for showing beside Casebook's plain title:
    'Official title (2024 edition): “Worker autonomy”' for an SDS standard, 'In Care Act 2014
    s1(2)(d): “control by the individual over day-to-day life”' for an entry taken from a law
    or guidance, just the place where only the gist was checked, and nothing where there is
    nothing to add (no official title, or one the same as the plain title)."""
    if entry.prefix == SCOTLAND_PREFIX:
        if not entry.official or entry.official.casefold() == entry.title.casefold():
            return ""
        # The titles are the May 2024 edition's; the component numbers are still 2021's.
        return _("Official title (2024 edition): “{official}”").format(official=entry.official)
    if entry.official:
        return _("In {ref}: “{official}”").format(ref=entry.ref, official=entry.official)
    return _("In {ref}").format(ref=entry.ref) if entry.ref else ""


def _refs(entry: Standard | Component) -> tuple[str, ...]:
    """Where a framework entry comes from and the law's words, searched as well as its own."""
    return tuple(text for text in (entry.ref, entry.official) if text)


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
    frameworks_top = _read(folder, "frameworks.json")
    return Taxonomy(
        standards=_standards(standards_top),
        steps=_steps(steps_top),
        laws=_laws(law_top),
        checklist=_checklist(checklist_top),
        standards_source=_source(standards_top),
        steps_source=_source(steps_top),
        law_source=_source(law_top),
        checklist_source=_source(checklist_top),
        others=_frameworks(frameworks_top),
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


def _numbered(owner: _Entry, number: int, names: tuple[str, str], under: str,
              ids: set[object]) -> list[tuple[str, _Entry]]:
    """The entries listed under `owner` (standard or part `number`), each with its checked id:
    '9.10' under standard 9, and no id twice in the file."""
    found = []
    for entry in owner.entries(*names):
        entry_id = entry.text("id")
        match = _COMPONENT_ID.match(entry_id)
        if match is None:
            raise entry.fail(f"'id' must look like {number}.1")
        if int(match[1]) != number:
            raise entry.fail(f"it is listed under {under} {number}")
        _unique(entry, entry_id, ids)
        found.append((entry_id, entry))
    return found


def _standards(top: _Entry) -> tuple[Standard, ...]:
    standards = []
    numbers: set[object] = set()
    ids: set[object] = set()
    for entry in top.entries("standards", "standard"):
        number = entry.number("number")
        _unique(entry, number, numbers)
        components = [Component(component_id, number, part.text("title"), part.text("meaning"))
                      for component_id, part in _numbered(entry, number, ("components",
                                                                          "component"),
                                                          "standard", ids)]
        standards.append(
            Standard(number, entry.text("title"), entry.text("meaning"), tuple(components),
                     official=_optional(entry))
        )
    return tuple(standards)


def _frameworks(top: _Entry) -> tuple[Framework, ...]:
    """England's and Wales's frameworks: parts numbered from 1, items '1.1' under part 1, each
    with the law it comes from."""
    allowed = choices(Jurisdiction)
    found: list[Framework] = []
    checked_on = top.text("checked_on")
    for entry in top.entries("frameworks", "framework"):
        nation, prefix = entry.text("jurisdiction"), entry.text("prefix")
        others = [n for n in allowed if n != "scotland"]  # Scotland's is standards.json
        if nation not in others:
            raise entry.fail(f"'jurisdiction' must be one of {', '.join(others)}")
        if prefix in (*_PREFIXES, *(f.prefix for f in found)):
            raise entry.fail(f"the prefix '{prefix}' is already in use")
        short = entry.text("short") if "short" in entry.data else nation.title()
        # A framework re-checked on its own says when; the others share the file's date.
        checked = entry.data.get("checked_on", checked_on)
        source = _source(_Entry({"source": entry.data.get("source"), "checked_on": checked},
                                top.file, entry.where))
        parts = []
        ids: set[object] = set()
        for part in entry.entries("parts", "part"):
            number = part.number("number")
            _unique(part, number, ids)
            items = [Component(item_id, number, item.text("title"), item.text("meaning"),
                               prefix, short, item.text("ref"), _optional(item))
                     for item_id, item in _numbered(part, number, ("items", "item"), "part",
                                                    ids)]
            parts.append(Standard(number, part.text("title"), part.text("meaning"),
                                  tuple(items), prefix, short, part.text("ref"),
                                  _optional(part)))
        found.append(Framework(cast(Jurisdiction, nation), prefix, entry.text("name"), short,
                               source, tuple(parts)))
    return tuple(found)


def _optional(entry: _Entry) -> str:
    """The law's own words where they were checked; blank where only the gist was."""
    value = entry.data.get("official", "")
    if not isinstance(value, str):
        raise entry.fail("'official' must be text")
    return value.strip()


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
