"""A case on disk: one folder with the encrypted database and its key-slot file.

`Case` is the one owner of the database connection. Every write goes through `transaction()`,
which is all-or-nothing, and every change inside it appends to the audit log.
"""

from __future__ import annotations

import contextlib
import dataclasses
import secrets
import threading
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from app.records import codec, kinds
from app.records.model import Person
from app.records.values import ValueProblem, format_instant, now_utc
from app.store import (
    attachments,
    audit,
    case_details,
    drafts,
    past_bundles,
    records,
    remember,
    schema,
    search,
    sharing,
    undo,
)
from app.store.changes import NOTHING, Changes
from app.store.db import DB_FILE, Connection, DatabaseError, StoreError, connect, read_meta
from app.store.folders import fresh_folder
from app.store.keyslots import KEYSLOT_FILE, KeySlots, WrongSecret, new_recovery_code
from app.store.outputs import clear_leftovers, disk_words
from app.translation import _

R = TypeVar("R")
PERSON_ID = "person"
NOT_REMEMBERED = _("This case is not remembered on this computer.")
_LEFTOVER_AGE_S = 60.0


def validate(record: R) -> R:
    """Round-trip a record through its JSON form, which checks every field and rule."""
    try:
        return codec.decode(type(record), codec.encode(record))
    except codec.FormatProblem as exc:
        if exc.path in ("", "$"):  # the record as a whole, not one field
            raise ValueProblem(exc.problem) from None
        raise ValueProblem(f"{exc.path.replace('_', ' ')}: {exc.problem}") from None


class WrongThread(RuntimeError):
    """The case was called from a thread that must not touch it (a programming error)."""


class CaseClosed(StoreError):
    """The case was locked while something still wanted it."""


@dataclass
class Tx:
    """An open write transaction: its connection, and once committed, what it changed."""

    conn: Connection
    changes: Changes = field(default=NOTHING)


@dataclass(frozen=True)
class CaseCheck:
    """What a passed case check covered."""

    head: audit.ChainHead
    records: int  # records, deleted ones included, with their histories
    files: int  # files, with their bytes and extracted text
    bundles: int  # past bundles whose chain head is still on the chain
    # In a shared case, who made the checked events: (person, computer, how many)
    makers: tuple[tuple[str, str, int], ...] = ()


def check_words(check: CaseCheck, *, full_head: bool = True) -> str:
    """A passed case check in words; the full chain head (for the command line, to compare
    with a bundle's manifest) or only its check code (for the window)."""
    def many(n: int, one: str) -> str:
        return f"{n} {one}" if n == 1 else f"{n} {one}s"

    bundles = (
        _(" The chain heads of all {0} are still on it.").format(many(check.bundles, "past bundle"))
        if check.bundles
        else ""
    )
    head = (
        _("Chain head {hash} (check code {check_code}).").format(
            hash=check.head.hash, check_code=check.head.check_code
        )
        if full_head
        else _("Check code {check_code}.").format(check_code=check.head.check_code)
    )
    made = (
        _(" Since the case was shared, its events were made by {makers}.").format(makers="; ".join(
            _("{person} on {computer} ({n})").format(person=p, computer=c, n=n)
            for p, c, n in check.makers))
        if check.makers
        else ""
    )
    return _(
        "The case checks. Its audit log ({0}) matches all {1} with every "
        "earlier version, {2} with {3} contents, and the case's own "
        "details.{bundles}{made} {head}"
    ).format(
        many(check.head.seq, "event"),
        many(check.records, "record"),
        many(check.files, "file"),
        "its" if check.files == 1 else "their",
        bundles=bundles,
        made=made,
        head=head,
    )


def _describe(conn: Connection, subject: str) -> str:
    """A record, file or case detail in words, for the case check's message."""
    found = case_details.name(subject)
    if found:
        return found
    try:
        row = records.get(conn, subject)
    except records.RecordMissing:
        row = None
    if row is not None and kinds.is_kind(row.type):
        title = records.search_text(row.type, row.data)[0]
        kind = kinds.kind(row.type).singular
        return (
            _("The {kind} “{title}” ({subject})").format(kind=kind, title=title, subject=subject)
            if title
            else _("The {kind} {subject}").format(kind=kind, subject=subject)
        )
    try:
        return _("The file “{filename}” ({subject})").format(
            filename=attachments.get(conn, subject).filename, subject=subject
        )
    except records.RecordMissing:
        return _("Record {subject}").format(subject=subject)


@dataclass(frozen=True)
class CaseFacts:
    """The case as a whole: where it is, whom it is about, whether it is the demo."""

    folder: Path
    person: Person
    is_demo: bool


class Case:
    """An unlocked, open case."""

    # Set in tests to the window's thread: a call into the case from it raises WrongThread
    # (when `_refused_if` says so: the tests' own checks may read on that thread).
    _refused_thread: ClassVar[int | None] = None
    _refused_if: ClassVar[Callable[[], bool] | None] = None

    def __init__(self, folder: Path, conn: Connection, slots: KeySlots, db_key: bytes) -> None:
        self.folder = folder
        self._conn = conn  # the one writer
        self._slots = slots
        self._key = db_key
        self._lock = threading.RLock()  # held by the thread that is writing
        self._tx: Tx | None = None
        self._tx_thread: int | None = None
        # Each thread reads through a connection of its own (WAL lets them run beside the
        # writer), so a read never waits behind a write.
        self._readers: dict[int, tuple[Connection, threading.RLock]] = {}
        self._readers_lock = threading.Lock()
        self._local = threading.local()
        self._closed = False

    @classmethod
    def refuse_calls_from(cls, thread_ident: int | None,
                          only_if: Callable[[], bool] | None = None) -> None:
        """Make calls from one thread (the window's, in tests) fail loudly, or only those for
        which `only_if()` is true; None allows all."""
        cls._refused_thread, cls._refused_if = thread_ident, only_if

    def _check(self) -> None:
        if (Case._refused_thread is not None and threading.get_ident() == Case._refused_thread
                and (Case._refused_if is None or Case._refused_if())):
            raise WrongThread(_("The case was called from the window's thread; use the "
                                "window's background helpers"))
        if self._closed:
            raise CaseClosed(_("The case is locked; unlock it to carry on"))

    @contextlib.contextmanager
    def _reader(self) -> Iterator[Connection]:
        """This thread's reader, held so that closing the case waits for the read to end."""
        ident = threading.get_ident()
        with self._readers_lock:
            found = self._readers.get(ident)
            if found is None:
                conn = connect(self.folder / DB_FILE, self._key, read_only=True)
                found = self._readers[ident] = (conn, threading.RLock())
        conn, held = found
        with held:
            if self._closed:
                raise CaseClosed(_("The case is locked; unlock it to carry on"))
            yield conn

    # Creating and opening ---------------------------------------------------------------
    @classmethod
    def create(cls, folder: Path, person: Person, passphrase: str, *,
               kdf: dict[str, int] | None = None, demo: bool = False) -> tuple[Case, str]:
        """Make a new case; return it and its recovery code (shown once, never stored)."""
        person = validate(person)
        if len(passphrase) < 8:
            raise ValueProblem(_("Please choose a passphrase of at least 8 characters"))
        conn: Connection | None = None
        with fresh_folder(Path(folder), _("choose an empty or new folder")) as folder:
            try:
                db_key = secrets.token_bytes(32)
                code = new_recovery_code()
                slots = KeySlots(uuid.uuid4().hex, [])
                slots.set_passphrase(db_key, passphrase, kdf)
                slots.set_recovery(db_key, code)
                conn = connect(folder / DB_FILE, db_key)
                schema.migrate(conn, folder / DB_FILE)
                case = cls(folder, conn, slots, db_key)
                with case.transaction():
                    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                        ("case_id", slots.case_id), ("created_at", format_instant(now_utc())),
                        ("demo", "1" if demo else "0")])
                    audit.append(conn, "created", audit.CASE_EVENT, case_details.CASE_SUBJECT,
                                 None, case_details.case_state(slots.case_id, demo))
                    records.insert(conn, "person", PERSON_ID, codec.encode(person))
                    # Imported here: the window opens existing cases and never needs it.
                    from app.store import signing_key

                    signing_key.create(conn, slots.case_id, db_key)
                slots.save(folder)
            except BaseException:
                if conn is not None:
                    conn.close()
                raise
        return case, code

    @classmethod
    def create_joined(cls, folder: Path, slots: KeySlots, db_key: bytes) -> Case:
        """An empty case on this computer for a case shared from another: the same id and key,
        no records yet (they arrive by syncing), and its own bundle signing key. `folder` must
        be empty; the caller removes it if joining fails."""
        conn = connect(folder / DB_FILE, db_key)
        try:
            schema.migrate(conn, folder / DB_FILE)
            case = cls(folder, conn, slots, db_key)
            with case.transaction():
                conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                    ("case_id", slots.case_id), ("created_at", format_instant(now_utc())),
                    ("demo", "0")])
                audit.append(conn, "joined", audit.CASE_EVENT, case_details.CASE_SUBJECT,
                             None, case_details.case_state(slots.case_id, False))
                from app.store import signing_key

                signing_key.create(conn, slots.case_id, db_key)
            slots.save(folder)
        except BaseException:
            conn.close()
            raise
        return case

    @classmethod
    def _open(cls, folder: Path, slots: KeySlots, db_key: bytes) -> Case:
        db_path = folder / DB_FILE
        if not db_path.exists():
            raise StoreError(_("The case in {folder} has no database file").format(folder=folder))
        conn = connect(db_path, db_key)
        # A passphrase change interrupted by a crash leaves its temporary key file behind.
        clear_leftovers(folder / KEYSLOT_FILE, older_than_s=_LEFTOVER_AGE_S)
        try:
            schema.migrate(conn, db_path)
            conn.author = sharing.author_of(conn)
        except BaseException:
            conn.close()
            raise
        return cls(folder, conn, slots, db_key)

    @classmethod
    def open_with_passphrase(cls, folder: Path, passphrase: str) -> Case:
        """Unlock with the passphrase. A wrong one raises WrongSecret and touches no file."""
        slots = KeySlots.load(Path(folder))
        return cls._open(Path(folder), slots, slots.open_with_passphrase(passphrase))

    @classmethod
    def open_with_recovery_code(cls, folder: Path, code: str) -> Case:
        """Unlock with the printed recovery code."""
        slots = KeySlots.load(Path(folder))
        return cls._open(Path(folder), slots, slots.open_with_recovery(code))

    @classmethod
    def open_remembered(cls, folder: Path) -> tuple[Case | None, str | None]:
        """Unlock with the key remembered on this computer, or say plainly why not."""
        slots = KeySlots.load(Path(folder))
        if slots.get("keyring") is None:
            return None, NOT_REMEMBERED
        found = remember.load(slots.case_id)
        if found.secret is None:
            return None, found.notice
        try:
            db_key = slots.open_with_keyring_secret(found.secret)
            return cls._open(Path(folder), slots, db_key), None
        except WrongSecret as exc:
            return None, str(exc)

    @staticmethod
    def is_case_folder(folder: Path) -> bool:
        """Whether a folder looks like a Casebook case."""
        return (Path(folder) / KEYSLOT_FILE).exists() and (Path(folder) / DB_FILE).exists()

    def close(self) -> None:
        """Lock the case: close every connection and drop the key from this object."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            with self._readers_lock:
                for reader, held in self._readers.values():
                    with held, contextlib.suppress(Exception):
                        reader.close()
                self._readers.clear()
            with contextlib.suppress(Exception):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._key = b""

    @property
    def is_open(self) -> bool:
        """False once the case has been locked."""
        return not self._closed

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Transactions -----------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        """All-or-nothing: everything written inside commits together or not at all.

        A transaction begun inside another is part of it. After the outermost one commits,
        its `Tx.changes` says what it changed, read from the audit events it appended.
        """
        self._check()
        with self._lock:
            if self._tx is not None:
                yield self._tx
                return
            self._conn.execute("BEGIN IMMEDIATE")
            tx = self._tx = Tx(self._conn)
            self._tx_thread = threading.get_ident()
            try:
                start = audit.head(self._conn).seq
                yield tx
                changes = Changes.from_events(audit.events_after(self._conn, start))
                self._conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(DatabaseError):  # a failed COMMIT may have ended it
                    self._conn.execute("ROLLBACK")
                full = disk_words(exc, self.folder / DB_FILE, _("save the change"))
                if full:
                    raise StoreError(full) from None
                raise
            else:
                tx.changes = changes
                for bag in getattr(self._local, "collecting", ()):
                    bag.append(changes)
            finally:
                self._tx = self._tx_thread = None

    def changes_of(self, fn: Callable[[], R]) -> tuple[R, Changes]:
        """Run `fn` as one transaction; return its result and what it changed."""
        with self.transaction() as tx:
            result = fn()
        return result, tx.changes

    def collect_changes(self, fn: Callable[[], R]) -> tuple[R, Changes]:
        """Run `fn`, which may commit any number of transactions on this thread (a bundle reads
        for a while, then records itself); return its result and everything they changed."""
        bag: list[Changes] = []
        stack = self._local.__dict__.setdefault("collecting", [])
        stack.append(bag)
        try:
            result = fn()
        finally:
            stack.remove(bag)
        total = NOTHING
        for changes in bag:
            total = total | changes
        return result, total

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection to read through: inside this thread's transaction, the writer (so the
        transaction sees its own changes); otherwise this thread's own reader."""
        self._check()
        if self._tx_thread == threading.get_ident():
            yield self._conn
        else:
            with self._reader() as conn:
                yield conn

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Everything read inside sees the case at one moment, even while another thread or
        another program writes (one read transaction on this thread's reader)."""
        self._check()
        depth = getattr(self._local, "snapshot_depth", 0)
        if depth or self._tx_thread == threading.get_ident():
            self._local.snapshot_depth = depth + 1
            try:
                yield
            finally:
                self._local.snapshot_depth = depth
            return
        with self._reader() as reader:
            reader.execute("BEGIN")
            self._local.snapshot_depth = 1
            # Nothing can change under a read snapshot, so each type's list is read and decoded
            # once in it however many services ask (Today's sources all ask for the plans).
            self._local.lists = {}
            try:
                reader.execute("SELECT count(*) FROM meta").fetchone()  # the snapshot starts
                yield
            finally:
                self._local.snapshot_depth = 0
                self._local.lists = None
                reader.execute("COMMIT")

    # Identity ---------------------------------------------------------------------------
    @property
    def case_id(self) -> str:
        """The case's permanent id (also binds its key slots)."""
        return self._slots.case_id

    @property
    def key_slots(self) -> KeySlots:
        """The key slots (for backup); they hold only wrapped keys."""
        return self._slots

    @property
    def db_key(self) -> bytes:
        """The raw database key, for making an encrypted backup copy."""
        return self._key

    def meta(self, key: str) -> str | None:
        """A value from the case's fixed metadata."""
        with self.reading() as conn:
            return read_meta(conn, key)

    @property
    def is_demo(self) -> bool:
        """Whether this is the labelled demonstration case."""
        return self.meta("demo") == "1"

    def facts(self) -> CaseFacts:
        """What the window shows about the case as a whole, read in one go."""
        with self.snapshot():
            return CaseFacts(self.folder, self.person(), self.is_demo)

    def person(self) -> Person:
        """The supported person."""
        with self.reading() as conn:
            return codec.decode(Person, records.get(conn, PERSON_ID).data)

    def set_person(self, person: Person, unknown: dict[str, Any] | None = None) -> None:
        """Save changes to the supported person (the old details stay in the history)."""
        person = validate(person)
        with self.transaction() as tx:
            records.update(tx.conn, PERSON_ID, {**(unknown or {}), **codec.encode(person)})

    def person_unknown_keys(self) -> dict[str, Any]:
        """Stored keys of the person that this Casebook does not know."""
        with self.reading() as conn:
            return records.unknown_keys("person", records.get(conn, PERSON_ID).data)

    # Records ----------------------------------------------------------------------------
    def add(self, record: R, *, record_id: str | None = None,
            unknown: dict[str, Any] | None = None, entered_now: bool = True,
            history: Sequence[tuple[str, dict[str, Any]]] = ()) -> R:
        """Store a new record. An empty id gets a fresh one; returns the record as stored.
        `unknown` holds keys this Casebook does not know (from a case file), kept as they are.
        The record is noted as entered now unless `entered_now` is False (brought in from a
        case file, which says when, or leaves it unknown). `history`: its earlier versions
        from a case file (when each was saved, and its JSON), kept as its edit history."""
        name = kinds.kind_of(record).name
        record = validate(record)
        with self.transaction() as tx:
            conn = tx.conn
            rid = getattr(record, "id", "") or record_id or records.new_id(conn, name)
            if records.id_exists(conn, rid):
                raise ValueProblem(_("There is already a record with the id {rid}").format(rid=rid))
            record.id = rid  # type: ignore[attr-defined]
            data = {**(unknown or {}), **codec.encode(record)}
            if entered_now and records.RECORDED_KEY not in data:
                data[records.RECORDED_KEY] = format_instant(now_utc())
            records.insert(conn, name, rid, data, history)
        return record

    def save(self, record: R) -> R:
        """Store a new version of an existing record; the old version is kept."""
        name = kinds.kind_of(record).name
        record = validate(record)
        rid = record.id  # type: ignore[attr-defined]
        with self.transaction() as tx:
            conn = tx.conn
            if records.get(conn, rid).type != name:
                raise ValueProblem(_("Record {rid} is not a {name}").format(rid=rid, name=name))
            records.update(conn, rid, codec.encode(record))
        return record

    def undo(self, seqs: Sequence[int], undone: Collection[int] = ()) -> None:
        """Undo the change made by the audit events `seqs` (see `app.store.undo`), as one
        change of its own; CannotUndo, changing nothing, when it cannot be."""
        with self.transaction() as tx:
            undo.undo(tx.conn, seqs, undone, lambda rid: _describe(tx.conn, rid))

    def delete(self, record_id: str) -> None:
        """Delete a record or file. It is kept as a tombstone with all its history."""
        with self.transaction() as tx:
            conn = tx.conn
            if conn.execute("SELECT 1 FROM attachments WHERE id = ?", (record_id,)).fetchone():
                attachments.tombstone(conn, record_id)
            else:
                records.tombstone(conn, record_id)

    def get(self, cls: type[R], record_id: str) -> R:
        """One live record by id, or RecordMissing."""
        with self.reading() as conn:
            row = records.get(conn, record_id)
        kind = kinds.kind_of(cls)
        if row.deleted_at or row.type != kind.name:
            raise records.RecordMissing(
                _("There is no {singular} {record_id} in this case").format(
                    singular=kind.singular, record_id=record_id
                )
            )
        return codec.decode(cls, row.data)

    def list_of(self, cls: type[R], offset: int = 0, limit: int = -1) -> list[R]:
        """Live records of one type, newest first."""
        lists: dict[type, list[Any]] | None = getattr(self._local, "lists", None)
        whole = offset == 0 and limit == -1
        if whole and lists is not None and cls in lists:
            return list(lists[cls])
        with self.reading() as conn:
            found = [codec.decode(cls, row.data)
                     for row in records.rows_of(conn, kinds.kind_of(cls).name, offset, limit)]
        if whole and lists is not None:
            lists[cls] = found
            return list(found)
        return found

    def list_where(self, cls: type[R], key: str, values: Sequence[str]) -> list[R]:
        """Live records of one type whose JSON field `key` is one of `values`, newest first."""
        kind = kinds.kind_of(cls)
        if key not in {codec.json_name(f) for f in dataclasses.fields(cls)}:  # type: ignore[arg-type]
            raise TypeError(
                _("{name} records have no field {key!r}").format(name=kind.name, key=key)
            )  # a programming error
        with self.reading() as conn:
            rows = records.list_rows_where(conn, kind.name, key, values)
        return [codec.decode(cls, row.data) for row in rows]

    def list_keeping_unknown(self, cls: type[R]) -> list[tuple[R, dict[str, Any]]]:
        """Live records of one type, newest first, each with the stored keys this Casebook
        does not know (so an export can write them back unchanged)."""
        name = kinds.kind_of(cls).name
        with self.reading() as conn:
            return [(codec.decode(cls, row.data), records.unknown_keys(name, row.data))
                    for row in records.rows_of(conn, name)]

    def count(self, cls: type) -> int:
        """How many live records of one type there are."""
        with self.reading() as conn:
            return records.count(conn, kinds.kind_of(cls).name)

    def histories(self, record_type: str) -> dict[str, list[records.Version]]:
        """The saved versions of every live record of a type, by id, oldest first."""
        with self.reading() as conn:
            return records.versions_of_type(conn, record_type)

    def history(self, record_id: str) -> list[records.Version]:
        """Every saved version of a record, oldest first."""
        with self.reading() as conn:
            return records.versions(conn, record_id)

    def row(self, record_id: str) -> records.StoredRow:
        """A record's stored row (type, version, timestamps, tombstone)."""
        with self.reading() as conn:
            return records.get(conn, record_id)

    # Attachments ------------------------------------------------------------------------
    def add_attachment(self, filename: str, data: bytes, media_type: str, *, text: str = "",
                       locked: bool = False, page_count: int | None = None,
                       attachment_id: str | None = None,
                       added_at: str | None = None) -> attachments.AttachmentInfo:
        """Keep a file's bytes inside the encrypted case (text already extracted)."""
        if not filename.strip():
            raise ValueProblem(_("The file has no name"))
        with self.transaction() as tx:
            conn = tx.conn
            if attachment_id and records.id_exists(conn, attachment_id):
                raise ValueProblem(
                    _("There is already a record with the id {attachment_id}").format(
                        attachment_id=attachment_id
                    )
                )
            return attachments.add(conn, filename, data, media_type, text=text, locked=locked,
                                   page_count=page_count, attachment_id=attachment_id,
                                   added_at=added_at)

    def attachment(self, attachment_id: str) -> attachments.AttachmentInfo:
        """A file's details."""
        with self.reading() as conn:
            return attachments.get(conn, attachment_id)

    def attachment_data(self, attachment_id: str) -> bytes:
        """A file's original bytes, read into memory (never to a temporary file)."""
        with self.reading() as conn:
            return attachments.data(conn, attachment_id)

    def attachments(self, include_deleted: bool = False) -> list[attachments.AttachmentInfo]:
        """Every file's details."""
        with self.reading() as conn:
            return attachments.list_all(conn, include_deleted)

    # Search and audit -------------------------------------------------------------------
    def search(self, text: str, limit: int = 200) -> list[search.SearchHit]:
        """Records and files matching every word typed, best first."""
        with self.reading() as conn:
            return search.search(conn, text, limit)

    def audit_events(self, record_id: str | None = None) -> list[audit.AuditEvent]:
        """The audit log, for one record or the whole case."""
        with self.reading() as conn:
            return audit.events(conn, record_id)

    def keep_drafts(self, forms: Sequence[tuple[str, str]]) -> None:
        """Keep the words of forms not yet saved (name, words) inside the case, for when it
        is next opened (Casebook locked itself with them on screen)."""
        with self.transaction() as tx:
            drafts.keep(tx.conn, forms)

    def drafts(self) -> list[drafts.Draft]:
        """The unsaved words kept when the case last locked itself, oldest first."""
        with self.reading() as conn:
            return drafts.load(conn)

    def drop_drafts(self) -> None:
        """Forget the kept drafts."""
        with self.transaction() as tx:
            drafts.drop(tx.conn)

    def log_case_event(self, action: str, subject: str, digest: str | None) -> audit.AuditEvent:
        """Record something done to the case as a whole (a bundle built, a backup made)."""
        with self.transaction() as tx:
            conn = tx.conn
            return audit.append(conn, action, audit.CASE_EVENT, subject, None, digest)

    def verify(self) -> CaseCheck:
        """Recompute the audit chain against everything stored: every record's whole row and
        history, every file's bytes and text, the case's own details; and check every past
        bundle's chain head is still on it. AuditBroken, naming the first thing that differs
        in words, if anything does. Everything is read in one snapshot, so a write made
        meanwhile is never mistaken for tampering."""
        with self.snapshot(), self.reading() as conn:
            kept = records.stored_states(conn)
            files = attachments.stored_states(conn)
            witnesses = past_bundles.witnesses(conn)
            head = audit.verify(conn, {**kept, **files, **case_details.stored_states(conn)},
                                describe=lambda rid: _describe(conn, rid), witnesses=witnesses)
            unmatched = sharing.unmatched_origins(conn)
            if unmatched:
                raise audit.AuditBroken(_(
                    "Audit event {seq} says it took in a change from another computer that "
                    "the case's shared history does not hold as that computer's").format(
                        seq=unmatched[0]))
            makers = tuple(sharing.makers(conn))
        return CaseCheck(head, len(kept), len(files), len(witnesses), makers)

    def copy_database(self, target: Path) -> None:
        """Write a consistent copy of the database, encrypted with the same key, to `target`
        (VACUUM INTO on this thread's reader, so writes carry on meanwhile)."""
        self._check()
        if self._tx_thread == threading.get_ident():
            raise StoreError(_("A copy of the case cannot be made in the middle of a change"))
        with self._reader() as conn:
            conn.execute("PRAGMA query_only = OFF")  # VACUUM INTO writes only the new file
            try:
                conn.execute("VACUUM INTO ?", (str(target),))
            finally:
                conn.execute("PRAGMA query_only = ON")

    def integrity_ok(self) -> bool:
        """SQLite's own structural check of the database file."""
        with self.reading() as conn:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    # Keys -------------------------------------------------------------------------------
    def _save_slots(self, action: str) -> None:
        with self.transaction() as tx:
            conn = tx.conn
            audit.append(conn, action, audit.CASE_EVENT, "keyslots", None,
                         audit.content_hash(sorted(s.type for s in self._slots.slots)))
            self._slots.save(self.folder)

    def adopt_key_slots(self, shared: KeySlots, author: tuple[str, str]) -> None:
        """Take the passphrase and recovery code set on another computer sharing the case
        (their slots wrap the same key); this computer's remembered key is kept. Logged as
        that computer's change."""
        if shared.case_id != self.case_id:
            raise StoreError(_("Those keys belong to another case; nothing was changed"))
        kept = [s for s in self._slots.slots if s.type == "keyring"]
        adopted = KeySlots(self.case_id, [s for s in shared.slots if s.type != "keyring"] + kept)
        with self.transaction() as tx, sharing.authored_by(tx.conn, author):
            audit.append(tx.conn, "keys-changed-elsewhere", audit.CASE_EVENT, "keyslots", None,
                         audit.content_hash(sorted(s.type for s in adopted.slots)))
            adopted.save(self.folder)
        self._slots = adopted

    def change_passphrase(self, new_passphrase: str, kdf: dict[str, int] | None = None) -> None:
        """Re-wrap the key under a new passphrase; the file is replaced in one step."""
        if len(new_passphrase) < 8:
            raise ValueProblem(_("Please choose a passphrase of at least 8 characters"))
        self._slots.set_passphrase(self._key, new_passphrase, kdf)
        self._save_slots("passphrase-changed")

    def new_recovery_code(self) -> str:
        """Replace the recovery code (the old one stops working); return the new one."""
        code = new_recovery_code()
        self._slots.set_recovery(self._key, code)
        self._save_slots("recovery-code-changed")
        return code

    def remember_on_this_computer(self) -> str | None:
        """Keep a key in the OS keyring; None on success, else a plain notice."""
        secret = remember.new_secret()
        notice = remember.store(self.case_id, secret)
        if notice:
            return notice
        self._slots.set_keyring(self._key, secret)
        self._save_slots("remembered-on-computer")
        return None

    def forget_on_this_computer(self) -> None:
        """Remove the keyring slot and the keyring's secret."""
        self._slots.remove("keyring")
        self._save_slots("forgotten-on-computer")
        remember.forget(self.case_id)

    def counts(self) -> dict[str, int]:
        """How many live records of each type the case holds."""
        with self.reading() as conn:
            return {name: records.count(conn, name) for name in (k.name for k in kinds.listed())}
