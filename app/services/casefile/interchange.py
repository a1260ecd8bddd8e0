"""Read and write a whole case as `case-format.md` version 1 JSON.

Import checks the entire file first — every field, every reference between records, every
attachment's hash — and only then creates the case, in one transaction. A file with any problem
is refused with the JSON path of the first one, and nothing is created.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.records import codec, kinds
from app.records.codec import FormatProblem
from app.records.model import Person
from app.records.values import format_instant, now_utc, parse_instant, quoted
from app.store.case import Case
from app.store.folders import fresh_folder
from app.store.outputs import check_target, write_output
from app.store.records import FORMAT_KEY, HISTORY_KEY, RECORDED_KEY, Version
from app.translation import _

FORMAT = "casebook.case"
VERSION = 1
# Attachments are decoded in memory; this keeps a hostile file from exhausting it.
MAX_FILE_BYTES = 2 * 1024**3


@dataclass
class ImportedAttachment:
    """An attachment read from a case file, checked against its SHA-256."""

    id: str
    filename: str
    media_type: str
    sha256: str
    added_at: str | None
    data: bytes


@dataclass
class CaseDocument:
    """A fully checked case file, ready to store."""

    person: Person
    records: dict[str, list[Any]]
    attachments: list[ImportedAttachment]
    # Keys this Casebook does not know, by record id ("person" for the person): kept as they
    # are through import, edit and export.
    unknown: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Earlier versions of records, by id: when each was saved and its JSON, oldest first.
    history: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)


def _unknown(record_type: str, raw: Any) -> dict[str, Any]:
    known = kinds.json_keys(record_type) | {HISTORY_KEY}
    return {k: v for k, v in raw.items() if k not in known} if isinstance(raw, dict) else {}


def _history(kind: kinds.RecordKind, raw: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    """A record's earlier versions, each checked as a record of its type."""
    items = raw.get(HISTORY_KEY) if isinstance(raw, dict) else None
    if items is None:
        return []
    if not isinstance(items, list):
        raise FormatProblem(f"{path}.{HISTORY_KEY}", _("should be a list"))
    found = []
    for j, item in enumerate(items):
        where = f"{path}.{HISTORY_KEY}[{j}]"
        if not isinstance(item, dict):
            raise FormatProblem(where, _("should be an object"))
        saved = item.get(RECORDED_KEY)
        if not isinstance(saved, str):
            raise FormatProblem(f"{where}.{RECORDED_KEY}", _("is required but missing"))
        try:
            parse_instant(saved)
        except ValueError as exc:
            raise FormatProblem(f"{where}.{RECORDED_KEY}", str(exc)) from None
        earlier = item.get("record")
        version: Any = codec.decode(kind.cls, earlier, f"{where}.record")
        found.append((saved, {**_unknown(kind.name, earlier), **codec.encode(version)}))
    return found


TextExtractor = Callable[[str, bytes], tuple[str, bool, int | None]]


def _no_text(filename: str, data: bytes) -> tuple[str, bool, int | None]:
    return "", False, None


def _attachment(raw: Any, path: str) -> ImportedAttachment:
    if not isinstance(raw, dict):
        raise FormatProblem(path, _("should be an object"))
    for key in ("id", "filename", "media_type", "sha256", "data"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise FormatProblem(f"{path}.{key}", _("is required but missing"))
    added = raw.get("added_at")
    if added is not None:
        if not isinstance(added, str):
            raise FormatProblem(f"{path}.added_at", _("should be a date and time as text"))
        try:
            parse_instant(added)
        except ValueError as exc:
            raise FormatProblem(f"{path}.added_at", str(exc)) from None
    try:
        data = base64.b64decode(raw["data"], validate=True)
    except (binascii.Error, ValueError):
        raise FormatProblem(f"{path}.data", _("is not valid base64")) from None
    if hashlib.sha256(data).hexdigest() != raw["sha256"].lower():
        raise FormatProblem(f"{path}.sha256", _("does not match the file's contents; the file may "
                                                "have been changed or damaged"))
    return ImportedAttachment(raw["id"], raw["filename"], raw["media_type"],
                              raw["sha256"].lower(), added, data)


def _check_references(doc: CaseDocument) -> None:
    """Every declared reference must point at a record of its kind that is in the file."""
    ids: dict[str, set[str]] = {name: {r.id for r in recs} for name, recs in doc.records.items()}
    ids[kinds.FILE] = {a.id for a in doc.attachments}
    ids[kinds.OUTCOME] = {o.id for recs in doc.records.values() for rec in recs
                          for o in getattr(rec, "outcomes", [])}
    for kind in kinds.listed():
        for i, rec in enumerate(doc.records[kind.name]):
            for ref in kind.refs:
                for path, value in kinds.values(rec, ref.path):
                    if value not in ids[ref.kind]:
                        raise FormatProblem(
                            f"{kind.list_key}[{i}].{path}",
                            _("refers to {kind} {0}, which is not in the file").format(
                                quoted(value), kind=ref.kind
                            ),
                        )


def _check_unique_ids(doc: CaseDocument) -> None:
    seen: dict[str, str] = {}
    for kind in kinds.listed():
        key = kind.list_key
        for i, rec in enumerate(doc.records[kind.name]):
            path = f"{key}[{i}].id"
            if rec.id in seen:
                raise FormatProblem(
                    path,
                    _("the id {0} is used twice (also at {1})").format(
                        quoted(rec.id), seen[rec.id]
                    ),
                )
            seen[rec.id] = path
            for j, outcome in enumerate(getattr(rec, "outcomes", [])):
                opath = f"{key}[{i}].outcomes[{j}].id"
                if outcome.id in seen:
                    raise FormatProblem(
                        opath, _("the id {0} is used twice").format(quoted(outcome.id))
                    )
                seen[outcome.id] = opath
    for i, att in enumerate(doc.attachments):
        if att.id in seen:
            raise FormatProblem(
                f"attachments[{i}].id", _("the id {0} is used twice").format(quoted(att.id))
            )
        seen[att.id] = f"attachments[{i}].id"


def parse_document(raw: Any) -> CaseDocument:
    """Check a decoded JSON case file completely; FormatProblem names the first problem."""
    if not isinstance(raw, dict):
        raise FormatProblem("$", _("the file should hold one JSON object"))
    if raw.get("format") != FORMAT:
        raise FormatProblem(
            "format",
            _('should be "{FORMAT}": this is not a Casebook case file').format(FORMAT=FORMAT),
        )
    if raw.get("version") != VERSION:
        raise FormatProblem(
            "version",
            _("this Casebook reads version {VERSION} case files only").format(VERSION=VERSION),
        )
    if "person" not in raw:
        raise FormatProblem("person", _("is required but missing"))
    person = codec.decode(Person, raw["person"], "person")
    unknown = {"person": _unknown("person", raw["person"])}
    recs: dict[str, list[Any]] = {}
    history: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for kind in kinds.listed():
        key = kind.list_key
        items = raw.get(key, [])
        if items is None:
            items = []
        if not isinstance(items, list):
            raise FormatProblem(key, _("should be a list"))
        recs[kind.name] = [codec.decode(kind.cls, item, f"{key}[{i}]")
                           for i, item in enumerate(items)]
        for i, (rec, item) in enumerate(zip(recs[kind.name], items, strict=True)):
            if extra := _unknown(kind.name, item):
                unknown[rec.id] = extra
            if earlier := _history(kind, item, f"{key}[{i}]"):
                history[rec.id] = earlier
    atts_raw = raw.get("attachments") or []
    if not isinstance(atts_raw, list):
        raise FormatProblem("attachments", _("should be a list"))
    atts = [_attachment(a, f"attachments[{i}]") for i, a in enumerate(atts_raw)]
    doc = CaseDocument(person, recs, atts, {k: v for k, v in unknown.items() if v}, history)
    _check_unique_ids(doc)
    _check_references(doc)
    return doc


def read_file(path: Path) -> CaseDocument:
    """Read and check a case file from disk."""
    path = Path(path)
    if not path.is_file():
        raise FormatProblem("$", _("there is no file at {path}").format(path=path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise FormatProblem("$", _("the file is larger than Casebook can import (2 GB)"))
    try:
        raw = json.loads(path.read_bytes().decode("utf-8-sig"), parse_int=_number,
                         parse_float=_number, parse_constant=_Unreadable)
    except UnicodeDecodeError:
        raise FormatProblem("$", _("the file is not UTF-8 text")) from None
    except json.JSONDecodeError as exc:
        raise FormatProblem(
            "$",
            _("the file is not valid JSON (line {lineno}, column {colno})").format(
                lineno=exc.lineno, colno=exc.colno
            ),
        ) from None
    except RecursionError:
        raise FormatProblem(
            "$",
            _(
                "the file nests lists and objects more than {MAX_DEPTH} deep, which no "
                "case file does"
            ).format(MAX_DEPTH=MAX_DEPTH),
        ) from None
    check_shape(raw)
    return parse_document(raw)


# No case file nests this deep (records with outcomes and history reach about 6); the
# limit keeps a hostile file from exhausting the stack.
MAX_DEPTH = 64
_MAX_DIGITS = 30


@dataclass(frozen=True)
class _Unreadable:
    """A number Casebook will not read (too long, or NaN/Infinity), kept so its place can be
    named."""

    text: str


def _number(text: str) -> int | float | _Unreadable:
    if len(text) > _MAX_DIGITS:
        return _Unreadable(text)
    value = float(text) if any(c in text for c in ".eE") else int(text)
    return _Unreadable(text) if value in (float("inf"), float("-inf")) else value


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def _key_path(path: str, key: str) -> str:
    """The path to a key; one that is not a plain name is shown quoted and cut short, so a
    hostile key cannot break the one-line message."""
    if _PLAIN_KEY.fullmatch(key):
        return key if path == "$" else f"{path}.{key}"
    shown = json.dumps(key[:40] + ("…" if len(key) > 40 else ""))
    return f"{'' if path == '$' else path}[{shown}]"


def check_shape(raw: Any) -> None:
    """Refuse, by JSON path, nesting deeper than MAX_DEPTH and numbers too long to read."""
    stack: list[tuple[Any, str, int]] = [(raw, "$", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, _Unreadable):
            raise FormatProblem(
                path,
                _("the number {0}{1} is not one Casebook can read").format(
                    value.text[:20], "…" if len(value.text) > 20 else ""
                ),
            )
        if isinstance(value, dict | list) and depth >= MAX_DEPTH:
            raise FormatProblem(
                path,
                _("nests more than {MAX_DEPTH} deep, which no case file does").format(
                    MAX_DEPTH=MAX_DEPTH
                ),
            )
        if isinstance(value, dict):
            stack.extend((v, _key_path(path, k), depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))


def store_document(case: Case, doc: CaseDocument, extract: TextExtractor = _no_text) -> None:
    """Write a checked document into an open, empty case in one transaction."""
    texts = {a.id: extract(a.filename, a.data) for a in doc.attachments}
    with case.transaction():
        case.set_person(doc.person, doc.unknown.get("person"))
        for att in doc.attachments:
            text, locked, pages = texts[att.id]
            case.add_attachment(att.filename, att.data, att.media_type, text=text, locked=locked,
                                page_count=pages, attachment_id=att.id, added_at=att.added_at)
        # Anything a record refers to is written before it (the order comes from the
        # declarations, so a new record type can never be left out).
        for kind in kinds.write_order():
            for rec in doc.records[kind.name]:
                case.add(rec, unknown=doc.unknown.get(rec.id), entered_now=False,
                         history=doc.history.get(rec.id, ()))


def import_case(folder: Path, source: Path, passphrase: str, *,
                kdf: dict[str, int] | None = None,
                extract: TextExtractor = _no_text) -> tuple[Case, str]:
    """Create a new case in `folder` from a case file; return it and its recovery code."""
    doc = read_file(source)
    with fresh_folder(Path(folder), _("import-json makes a new case")) as target:
        case, code = Case.create(target, doc.person, passphrase, kdf=kdf)
        try:
            store_document(case, doc, extract)
        except BaseException:
            case.close()
            raise
    return case, code


def export_document(case: Case) -> dict[str, Any]:
    """The whole case as a version 1 JSON document (deleted records are left out)."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                           "exported_at": format_instant(now_utc()),
                           "person": {**case.person_unknown_keys(),
                                      **codec.encode(case.person())}}
    for kind in kinds.listed():
        items: list[tuple[Any, dict[str, Any]]] = case.list_keeping_unknown(kind.cls)
        items.reverse()  # oldest first reads more naturally in a file
        versions = case.histories(kind.name)
        doc[kind.list_key] = [_with_history({**unknown, **codec.encode(item)},
                                            versions.get(item.id, []))
                              for item, unknown in items]
    doc["attachments"] = [
        {"id": a.id, "filename": a.filename, "media_type": a.media_type, "sha256": a.sha256,
         "added_at": a.added_at,
         "data": base64.b64encode(case.attachment_data(a.id)).decode("ascii")}
        for a in case.attachments()
    ]
    return doc


def _with_history(record: dict[str, Any], versions: list[Version]) -> dict[str, Any]:
    """A record as exported, with its earlier versions (all but the current one)."""
    earlier = [{RECORDED_KEY: v.saved_at,
                "record": {k: value for k, value in v.data.items() if k != FORMAT_KEY}}
               for v in versions[:-1]]
    return {**record, HISTORY_KEY: earlier} if earlier else record


def export_case(case: Case, target: Path) -> None:
    """Write the case file (the user's explicit export: this is plaintext by design)."""
    check_target(Path(target), _("case file"))  # before the whole case is read
    blob = json.dumps(export_document(case), ensure_ascii=False, indent=1).encode("utf-8")
    write_output(Path(target), blob, _("case file"))

