"""What Casebook knows about each record type, declared once.

Each record dataclass in `app.records.model` has one `RecordKind` here: its stored name, the
case-file list it lives in, how its list sorts, which field is its title, which fields hold
searchable words and which hold days, what other records it refers to, whether it takes tags,
and what a person calls it. The store, search, interchange, bundles and the window all read
these declarations instead of keeping tables of their own.

The declarations are checked when this module is imported, so a record type added with only its
dataclass (or a declaration naming a field that does not exist) stops Casebook at start-up with
a message that says what is missing, never later as a `KeyError` in front of a user.
"""

from __future__ import annotations

import dataclasses
import graphlib
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.records import model
from app.records.hints import type_hints
from app.translation import _

# Things a reference can point at that are not record types of their own.
FILE = "attachment"
OUTCOME = "outcome"


class DeclarationProblem(RuntimeError):
    """A record type is missing its declaration or is declared wrongly (a programming error)."""


@dataclass(frozen=True)
class Ref:
    """A field that holds the id of another record (`path` as in `Ref.values`)."""

    path: str
    kind: str


@dataclass(frozen=True)
class RecordKind:
    """Everything the rest of Casebook needs to know about one record type."""

    name: str  # as stored and in the audit log
    cls: type
    list_key: str  # the case-file list (empty for the one supported person)
    label: str  # a section or group heading: "Letters and emails"
    singular: str  # "letter or email", for sentences
    sort: tuple[str, ...]  # fields whose first non-empty value orders the list, newest first
    title: str  # the field shown as its title and weighted first in search
    text: tuple[str, ...]  # fields holding words worth searching ("outcomes.text" reaches in)
    days: tuple[str, ...] = ()  # fields holding the days it happened on, most telling first
    refs: tuple[Ref, ...] = ()
    taggable: bool = False
    section: str | None = None  # the window's section that shows it, if any
    sort_casefold: bool = False  # sort by the words, ignoring case (names)


def _kind(name: str, cls: type, list_key: str, label: str, singular: str,
          **rest: Any) -> RecordKind:
    return RecordKind(name, cls, list_key, label, singular, **rest)


def _files() -> Ref:
    return Ref("attachment_ids", FILE)


KINDS: tuple[RecordKind, ...] = (
    _kind("person", model.Person, "", _("The person"), "person", sort=(), title="name",
          text=("name", "known_as", "local_authority", "communication"),
          days=("date_of_birth",)),
    _kind("authority", model.Authority, "authorities", _("Legal authority"), _("legal authority"),
          sort=("granted_on",), title="reference", text=("reference", "powers"),
          days=("granted_on", "expires_on"), refs=(Ref("holder", "contact"), _files())),
    _kind("contact", model.Contact, "contacts", _("People"), _("person or organisation"),
          sort=("name",), sort_casefold=True, title="name",
          text=("name", "organisation", "email", "phone", "address", "notes"),
          section="People"),
    _kind("diary", model.DiaryEntry, "diary", _("Diary"), _("diary entry"),
          sort=("occurred_at",), title="title",
          text=("title", "body", "purpose_stated", "commitments.text", "tags"),
          days=("occurred_at",), taggable=True, section="Diary",
          refs=(Ref("participants", "contact"), Ref("commitments.by", "contact"), _files())),
    _kind("correspondence", model.Correspondence, "correspondence", _("Letters and emails"),
          _("letter or email"), sort=("received_at", "sent_at"), title="subject",
          text=("subject", "body", "tags"), days=("received_at", "sent_at"), taggable=True,
          section="Correspondence",
          refs=(Ref("from_", "contact"), Ref("to", "contact"), Ref("cc", "contact"),
                Ref("in_reply_to", "correspondence"), _files())),
    _kind("request", model.Request, "requests", _("Requests"), _("request"),
          sort=("made_on",), title="summary", text=("summary",),
          days=("made_on", "due_on", "extended_to", "answered_on"), section="Requests",
          refs=(Ref("made_via", "correspondence"), Ref("to", "contact"),
                Ref("answered_by", "correspondence"), Ref("complaint_id", "complaint"))),
    _kind("complaint", model.Complaint, "complaints", _("Complaints"), _("complaint"),
          sort=("opened_on",), title="title",
          text=("title", "against", "issues", "desired_resolution", "tags"),
          days=("opened_on", "first_aware_on"), taggable=True, section="Complaints"),
    _kind("plan", model.Plan, "plans", _("Plans"), _("plan"),
          sort=("dated",), title="title", text=("title", "outcomes.text", "checklist.note", "tags"),
          days=("dated", "received_on", "review_due"), taggable=True, section="Plans",
          refs=(Ref("author", "contact"), Ref("supersedes", "plan"),
                Ref("copy_request", "request"), Ref("outcomes.continues", OUTCOME), _files())),
    _kind("transaction", model.Transaction, "transactions", _("Money"), _("payment"),
          sort=("date",), title="counterparty", text=("counterparty", "description", "category"),
          days=("date",), section="Money",
          refs=(Ref("outcome_ids", OUTCOME), _files())),
    _kind("schedule", model.PaymentSchedule, "schedules", _("How the council pays"),
          _("payment schedule"), sort=("first_on",), title="payer", text=("payer", "note"),
          days=("first_on", "ends_on"), section="Money"),
)
# Names for things that are not record types but appear beside them (search hits, the log).
OTHER_LABELS = {FILE: _("Files"), OUTCOME: _("Outcomes")}

_BY_NAME = {k.name: k for k in KINDS}
_BY_CLASS = {k.cls: k for k in KINDS}


def kind(name: str) -> RecordKind:
    """The declaration of a stored type name."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise DeclarationProblem(
            _("'{name}' is not a declared record type").format(name=name)
        ) from None


def kind_of(cls_or_record: object) -> RecordKind:
    """The declaration of a record class or record instance."""
    cls = cls_or_record if isinstance(cls_or_record, type) else type(cls_or_record)
    try:
        return _BY_CLASS[cls]
    except KeyError:
        raise DeclarationProblem(
            _("{name__} is not a declared record type").format(name__=cls.__name__)
        ) from None


def is_kind(name: str) -> bool:
    """Whether a stored type name is a declared record type."""
    return name in _BY_NAME


def listed() -> tuple[RecordKind, ...]:
    """The kinds a case holds lists of (every kind but the one supported person)."""
    return tuple(k for k in KINDS if k.list_key)


def label(name: str) -> str:
    """What a person calls a stored type ("Letters and emails"); the name itself if unknown."""
    found = _BY_NAME.get(name)
    return found.label if found else OTHER_LABELS.get(name, name)


def write_order() -> tuple[RecordKind, ...]:
    """The listed kinds ordered so that anything a record refers to is written before it."""
    graph = {k.name: {r.kind for r in k.refs if is_kind(r.kind) and r.kind != k.name}
             for k in listed()}
    # Outcomes live inside plans, so whatever refers to an outcome comes after plans.
    for k in listed():
        if any(r.kind == OUTCOME for r in k.refs) and k.name != "plan":
            graph[k.name].add("plan")
    return tuple(kind(n) for n in graphlib.TopologicalSorter(graph).static_order())


def values(record: object, path: str) -> Iterator[tuple[str, Any]]:
    """Each value at a dotted field path of a record, with its JSON path from the record:
    `values(plan, "outcomes.continues")` yields `("outcomes[0].continues", "o-1")`, ..."""
    head, _dot, rest = path.partition(".")
    value = getattr(record, head)
    key = _json_key(type(record), head)
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        here = f"{key}[{i}]" if isinstance(value, list) else key
        if rest:
            yield from ((f"{here}.{sub}", v) for sub, v in values(item, rest))
        elif item is not None:
            yield here, item


def day_of(record_type: str, data: dict[str, Any]) -> date | None:
    """The day a stored record is about: its first day field that is set (dates and local
    times are stored as 'YYYY-MM-DD[THH:MM]')."""
    for name in kind(record_type).days:
        value = data.get(name)
        if isinstance(value, str) and len(value) >= 10:
            return date.fromisoformat(value[:10])
    return None


def json_keys(name: str) -> frozenset[str]:
    """The JSON keys this Casebook knows for a stored type (any other key is kept as it is)."""
    return _JSON_KEYS[name]


def _json_key(cls: type, attr: str) -> str:
    for f in dataclasses.fields(cls):
        if f.name == attr:
            return str(f.metadata.get("json", f.name))
    return attr


def _field_type(cls: Any, path: str) -> Any:
    """The type hint at a dotted path, or DeclarationProblem if a step does not exist."""
    head, _dot, rest = path.partition(".")
    hints = type_hints(cls)
    if head not in hints:
        raise DeclarationProblem(
            _(
                "the declaration of {name__} names a field '{head}' that {name__} does not have"
            ).format(name__=cls.__name__, head=head)
        )
    tp = hints[head]
    if not rest:
        return tp
    inner = [a for a in typing.get_args(tp) if dataclasses.is_dataclass(a)]
    if not inner:
        raise DeclarationProblem(
            _("{name__}.{head} holds no records, so '{path}' cannot reach into it").format(
                name__=cls.__name__, head=head, path=path
            )
        )
    return _field_type(inner[0], rest)


def check(kinds: tuple[RecordKind, ...], record_classes: tuple[type, ...]) -> None:
    """Refuse declarations that do not match the record classes (run at import)."""
    declared = {k.cls for k in kinds}
    for cls in record_classes:
        if cls not in declared:
            raise DeclarationProblem(
                _("The record type {name__} has no declaration: add a RecordKind for it "
                  "to KINDS in app/records/kinds.py").format(name__=cls.__name__))
    names = [k.name for k in kinds]
    if len(names) != len(set(names)):
        raise DeclarationProblem(_("two record types are declared with the same name"))
    known = set(names) | set(OTHER_LABELS)
    for k in kinds:
        if not dataclasses.is_dataclass(k.cls):
            raise DeclarationProblem(
                _("{name__} is declared but is not a dataclass").format(name__=k.cls.__name__)
            )
        for path in (*k.sort, k.title, *k.text, *k.days, *(r.path for r in k.refs)):
            _field_type(k.cls, path)
        for ref in k.refs:
            if ref.kind not in known:
                raise DeclarationProblem(
                    _("{name}.{path} refers to '{kind}', which is not a record type").format(
                        name=k.name, path=ref.path, kind=ref.kind
                    )
                )
        if k.taggable and "tags" not in type_hints(k.cls):
            raise DeclarationProblem(
                _("{name} is declared taggable but has no tags field").format(name=k.name)
            )


def record_classes() -> tuple[type, ...]:
    """Every record class the model declares: the supported person and the `Record` union."""
    return (model.Person, *typing.get_args(model.Record))


check(KINDS, record_classes())
_JSON_KEYS = {k.name: frozenset(str(f.metadata.get("json", f.name))
                                for f in dataclasses.fields(k.cls)) for k in KINDS}
