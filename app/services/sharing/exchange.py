"""Sharing one case between computers through a folder: share, join, sync, remove.

Casebook never moves bytes over a network: it writes its own change files into a folder and
reads the other computers' files from it. Whatever carries the folder between computers (a
cloud drive's own program, Syncthing, a USB stick) is the family's choice.

A sync sends first, then receives. Sending commits this computer's new revisions (with the
number of the change file they go out in) before writing the file, so a stick pulled out
mid-write loses nothing: the next sync writes that file again. Receiving takes in each other
computer's change files in order, one transaction per file, so a file is either wholly taken
in or not at all.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import platform
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.paths import config_dir
from app.problems import Problem
from app.records import kinds
from app.services.sharing import signed
from app.services.sharing.folder import (
    FolderProblem,
    PublishedSlots,
    SharedFolder,
    folder_key,
    new_computer_id,
    read_published_slots,
    read_share_file,
    shareable,
)
from app.store import sharing, signing_key
from app.store.atomic import write_atomic
from app.store.case import PERSON_ID, Case
from app.store.changes import FILE
from app.store.folders import fresh_folder
from app.store.keyslots import KeySlots, WrongSecret
from app.store.records import RecordMissing
from app.store.sharing import BadRevision, Identity, Revision
from app.store.signing_key import SigningIdentity
from app.translation import _

_MACHINE_FILE = "this-computer"


class SharingProblem(Problem):
    """Sharing cannot do what was asked; the message says why in plain words."""


class NotShared(SharingProblem):
    """The case is not shared with another computer."""


class CopiedCase(SharingProblem):
    """This case folder was copied from a computer that shares it, not joined."""


@dataclass(frozen=True)
class SyncReport:
    """What one sync did, in numbers and in plain words."""

    sent: int = 0  # revisions written to the folder
    received: int = 0  # revisions taken in from other computers
    conflicts: int = 0  # records waiting for a person to choose between two versions
    peers: list[str] = field(default_factory=list)  # the other computers, by name
    notes: list[str] = field(default_factory=list)  # what could not be done, and why

    def to_json(self) -> dict[str, Any]:
        """The report as `casebook sync --json` prints it."""
        return {"sent": self.sent, "received": self.received, "conflicts": self.conflicts,
                "peers": self.peers, "notes": self.notes}


def default_computer_name() -> str:
    """A first suggestion for this computer's name (the user can give another)."""
    return platform.node() or _("This computer")


def default_person() -> str:
    """A first suggestion for who uses this computer: their login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return _("Someone")


def machine_marker() -> str:
    """A random id kept in this computer's own settings folder (never in a case folder): a
    case folder copied to another computer by hand meets a different one and is caught."""
    path = config_dir() / _MACHINE_FILE
    try:
        found = path.read_text(encoding="ascii").strip()
        if len(found) == 32:
            return found
    except (OSError, UnicodeDecodeError):
        pass
    marker = secrets.token_hex(16)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, marker.encode("ascii"))
    return marker


def _names_checked(name: str, person: str) -> tuple[str, str]:
    name, person = name.strip(), person.strip()
    if not name or not person or len(name) > 80 or len(person) > 80:
        raise SharingProblem(_("Please give this computer a name, and the name of the "
                               "person who uses it (each up to 80 characters)"))
    return name, person


# Sharing and joining ---------------------------------------------------------------------------
def share(case: Case, folder: Path, name: str, person: str) -> SyncReport:
    """Make the case shareable through `folder` (empty, or new) and send the whole case there.
    A case already shared is refused."""
    name, person = _names_checked(name, person)
    with case.reading() as conn:
        if sharing.identity(conn) is not None:
            raise SharingProblem(_("This case is already shared (through {folder})").format(
                folder=sharing.share_facts(conn)[0]))
    folder = Path(folder).absolute()
    SharedFolder.create(folder, case.key_slots, folder_key(case.db_key, case.case_id))
    who = Identity(new_computer_id(), name, person)
    with case.transaction() as tx:
        sharing.set_identity(tx.conn, who, str(folder), machine_marker(),
                             _signer(case).fingerprint)
    return sync(case)


def join(folder: Path, case_dir: Path, name: str, person: str, *,
         passphrase: str | None = None, recovery_code: str | None = None) -> tuple[Case,
                                                                                 SyncReport]:
    """Set up a case on this computer from a shared folder, opened with the passphrase or the
    recovery code (nothing weaker), and take in everything the other computers have sent."""
    name, person = _names_checked(name, person)
    folder = Path(folder).absolute()
    case_id, slots, db_key, clock = _open_shared_keys(folder, passphrase, recovery_code)
    with fresh_folder(Path(case_dir), _("choose an empty or new folder for the case")) as made:
        case = Case.create_joined(made, KeySlots(case_id, list(slots.slots)), db_key)
        try:
            shared = SharedFolder.open(folder, case_id, folder_key(db_key, case_id))
            if not shared.computers():
                raise FolderProblem(_("The shared folder holds nothing from the other computer "
                                      "yet; wait until it has finished copying, then try "
                                      "again"))
            who = Identity(new_computer_id(), name, person)
            with case.transaction() as tx:
                sharing.set_identity(tx.conn, who, str(folder), machine_marker(),
                                     _signer(case).fingerprint)
                sharing.set_slots_state(tx.conn, clock, _slots_hash(slots))
            report = sync(case)
            try:
                case.row(PERSON_ID)
            except RecordMissing:
                raise FolderProblem(_("The shared folder does not yet hold the whole case; "
                                      "wait until it has finished copying, then try "
                                      "again")) from None
        except BaseException:
            case.close()
            raise
    return case, report


def _open_shared_keys(folder: Path, passphrase: str | None,
                      recovery_code: str | None) -> tuple[str, KeySlots, bytes, str]:
    """The case's id, the newest key slots the typed passphrase or code opens, the key, and
    when those slots were set. A passphrase changed since the case was shared is in the
    changing computer's published slots, not the share file: the newest are tried first, and
    only slots sealed under the key they open are believed."""
    case_id, first = read_share_file(folder)
    candidates: list[tuple[str, KeySlots, PublishedSlots | None]] = [
        (p.clock, p.slots, p) for p in read_published_slots(folder, case_id)]
    candidates.append(("", first, None))
    refused: WrongSecret | None = None
    for clock, slots, published in candidates:
        try:
            db_key = (slots.open_with_passphrase(passphrase) if passphrase is not None
                      else slots.open_with_recovery(recovery_code or ""))
        except WrongSecret as exc:
            refused = refused or exc
            continue
        key = folder_key(db_key, case_id)
        if published is not None and not published.authentic(key):
            continue
        # Slots sealed since, under this key, mean this passphrase or code has been changed:
        # the case is joined with the one in force (the old one still opens older copies).
        if any(p.clock > clock and p.authentic(key) for _c, _s, p in candidates if p):
            refused = WrongSecret(_("That passphrase or recovery code was changed on another "
                                    "computer sharing the case; use the new one"))
            continue
        return case_id, slots, db_key, clock
    raise refused or WrongSecret(_("That passphrase doesn't open this case"))


def _slots_hash(slots: KeySlots) -> str:
    return hashlib.sha256(shareable(slots).to_bytes()).hexdigest()


# Syncing ---------------------------------------------------------------------------------------
class _Waiting(Exception):
    """A file a change needs has not finished arriving: try the change file again later."""


def _shared(case: Case) -> tuple[Identity, SharedFolder]:
    with case.reading() as conn:
        who = sharing.identity(conn)
        folder, machine = sharing.share_facts(conn)
    if who is None or folder is None:
        raise NotShared(_("This case is not shared with another computer"))
    if machine != machine_marker():
        raise CopiedCase(_("This case was copied here from another computer rather than "
                           "joined, so it cannot share changes as that computer. Use Join on "
                           "this computer with the shared folder instead; nothing was "
                           "changed."))
    return who, SharedFolder.open(Path(folder), case.case_id,
                                  folder_key(case.db_key, case.case_id))


def _signer(case: Case) -> SigningIdentity:
    """This computer's own key for the case (its bundles are signed with it too)."""
    with case.transaction() as tx:
        return signing_key.load_or_create(tx.conn, case.case_id, case.db_key)


def _payload(signer: SigningIdentity, who: Identity, number: int, revs: list[Revision],
             removed: list[str]) -> dict[str, Any]:
    return signed.sign(signer, {"computer": who.computer, "name": who.name,
                                "person": who.person, "number": number,
                                "revisions": [r.to_json() for r in revs], "removed": removed})


def _write_files(case: Case, shared: SharedFolder, revs: list[Revision]) -> None:
    for rev in revs:
        sha = sharing.file_sha256(rev)
        if sha and not rev.deleted and not shared.has_file(sha):
            shared.write_file(sha, case.attachment_data(rev.record_id))


def _send(case: Case, who: Identity, shared: SharedFolder) -> int:
    present = shared.numbers(who.computer)
    with case.reading() as conn:
        upcoming = sharing.next_segment(conn)
        removed = [p.computer for p in sharing.peers(conn) if p.removed_at]
    if any(n >= upcoming for n in present):
        raise CopiedCase(_("Another copy of this case is sending changes as this computer: "
                           "the case folder was probably copied by hand. Join the shared "
                           "folder properly on the other computer; nothing was changed."))
    signer: SigningIdentity | None = None  # loaded only when there is a file to sign
    for number in range(1, upcoming):  # a file lost when a stick was pulled out: again
        if number not in present:
            with case.reading() as conn:
                lost = sharing.segment_revisions(conn, number)
            signer = signer or _signer(case)
            _write_files(case, shared, lost)
            shared.write_changes(who.computer, number,
                                 _payload(signer, who, number, lost, removed))
    digest = _slots_hash(case.key_slots)
    with case.reading() as conn:
        state = sharing.slots_state(conn)
    if state is None or state[1] != digest:  # the passphrase or code was changed here
        with case.transaction() as tx:
            clock = sharing.Clock(tx.conn)
            reading = clock.tick()
            clock.save()
            sharing.set_slots_state(tx.conn, reading, digest)
            shared.write_slots(who.computer, reading, case.key_slots)
    with case.transaction() as tx:
        sharing.capture(tx.conn, who)
        files = sharing.take_unsent(tx.conn)
    for number, revs in files:
        signer = signer or _signer(case)
        _write_files(case, shared, revs)
        shared.write_changes(who.computer, number, _payload(signer, who, number, revs, removed))
    return sum(len(revs) for _number, revs in files)


def _file_reader(shared: SharedFolder) -> Callable[[str], bytes]:
    def read(sha256: str) -> bytes:
        found = shared.read_file(sha256)
        if found.status != "ok":
            raise _Waiting(found.status)
        return found.body
    return read


def _newer(name: str) -> str:
    return _("{name} has a newer Casebook: its changes are kept in the folder and will be "
             "taken in once Casebook is updated here").format(name=name)


def _take_in(case: Case, who: Identity, shared: SharedFolder, computer: str,
             peer: sharing.Peer | None) -> tuple[int, list[str]]:
    """Take in one other computer's new change files, in order; (revisions, notes)."""
    number = (peer.applied if peer else 0) + 1
    label = peer.name if peer else _("another computer")
    received = 0
    while True:
        found = shared.read_changes(computer, number)
        if found.status == "missing":
            return received, []
        if found.status == "arriving":
            return received, [_("A change file from {name} is still being copied "
                                           "into the folder; it will be taken in at the next "
                                           "sync").format(name=label)]
        if found.status == "newer":
            return received, [_newer(label)]
        opened = signed.opened(found.payload or {})
        payload, fingerprint = opened or ({}, "")
        try:
            if (opened is None or payload.get("computer") != computer
                    or payload.get("number") != number
                    or not isinstance(payload.get("revisions"), list)
                    or (peer is not None and peer.fingerprint not in (None, fingerprint))):
                raise BadRevision("")
            revs = [Revision.from_json(r) for r in payload["revisions"]]
            name, person = str(payload.get("name") or label), str(payload.get("person") or "")
        except BadRevision:
            return received, [_("A change file from {name} (number {number}) is "
                                           "damaged or was not made by a computer sharing this "
                                           "case; it was ignored").format(name=label,
                                                                          number=number)]
        if any(r.record_type != FILE and not kinds.is_kind(r.record_type) for r in revs):
            # A kind of record a later Casebook added: taken in whole once this one knows it.
            return received, [_newer(name)]
        try:
            with case.transaction() as tx:
                got = sharing.receive(tx.conn, revs, _file_reader(shared))
                sharing.note_peer(tx.conn, computer, name, person, number, fingerprint)
                for gone in payload.get("removed") or []:
                    if isinstance(gone, str) and gone != who.computer:
                        sharing.mark_removed(tx.conn, gone)
        except _Waiting:
            return received, [_("A file from {name} is still being copied into the "
                                           "folder; its changes will be taken in at the next "
                                           "sync").format(name=name)]
        received += got.revisions
        label = name
        if peer is None or peer.fingerprint is None:  # the key is pinned from now on
            peer = sharing.Peer(computer, name, person, number, None, None, fingerprint)
        number += 1


def sync(case: Case) -> SyncReport:
    """Send this computer's new changes to the shared folder and take in the others'."""
    who, shared = _shared(case)
    sent = _send(case, who, shared)
    received, notes = 0, []
    with case.reading() as conn:
        known = {p.computer: p for p in sharing.peers(conn)}
    for computer in shared.computers():
        peer = known.get(computer)
        if computer == who.computer or (peer is not None and peer.removed_at):
            continue
        got, said = _take_in(case, who, shared, computer, peer)
        received += got
        notes.extend(said)
    notes.extend(_take_keys(case, who, shared))
    with case.reading() as conn:
        waiting = sharing.conflict_count(conn)
        names = [p.name for p in sharing.peers(conn) if not p.removed_at]
    return SyncReport(sent, received, waiting, names, notes)


def _take_keys(case: Case, who: Identity, shared: SharedFolder) -> list[str]:
    """Take the passphrase and recovery code another computer set, if newer than this one's:
    one case, one passphrase. Says so, because the old passphrase stops working here."""
    with case.reading() as conn:
        state = sharing.slots_state(conn)
        peers = {p.computer: p for p in sharing.peers(conn)}
    newest = next((p for p in shared.published_slots() if p.computer != who.computer
                   and p.computer in peers and not peers[p.computer].removed_at), None)
    if newest is None or (state is not None and newest.clock <= state[0]):
        return []
    digest = _slots_hash(newest.slots)
    peer = peers[newest.computer]
    changed = state is None or digest != state[1]
    if changed:
        case.adopt_key_slots(newest.slots, (peer.computer, peer.person))
    with case.transaction() as tx:
        sharing.set_slots_state(tx.conn, newest.clock, digest)
    if not changed:
        return []
    return [_("{person} changed the passphrase or recovery code on {name}: from now on the "
              "case opens here with the new one too.").format(person=peer.person,
                                                              name=peer.name)]


# Status, choices and removing a computer -------------------------------------------------------
def move_folder(case: Case, folder: Path) -> None:
    """Find the shared folder somewhere new on this computer: a USB stick that came up under
    another drive letter, a cloud folder that moved. Only a folder sharing this same case is
    taken."""
    folder = Path(folder).absolute()
    case_id, _slots = read_share_file(folder)
    if case_id != case.case_id:
        raise FolderProblem(_("{folder} shares a different case; nothing was changed").format(
            folder=folder))
    with case.transaction() as tx:
        if sharing.identity(tx.conn) is None:
            raise NotShared(_("This case is not shared with another computer"))
        sharing.set_folder(tx.conn, str(folder))


def version_title(rev: Revision) -> str:
    """A version's title, subject or name, to tell records apart in a list ("" if none)."""
    data = json.loads(rev.data)
    return next((str(data[k]) for k in ("title", "subject", "name", "summary", "filename")
                 if isinstance(data, dict) and data.get(k)), "")


def conflicts(case: Case) -> list[sharing.Conflict]:
    """The records waiting for a person to choose between two versions."""
    with case.reading() as conn:
        return sharing.conflicts(conn)


def choose(case: Case, record_id: str, rev: str) -> None:
    """Keep one of a record's waiting versions (the others stay in its history)."""
    with case.transaction() as tx:
        who = sharing.identity(tx.conn)
        if who is None:
            raise NotShared(_("This case is not shared with another computer"))
        sharing.choose(tx.conn, who, record_id, rev)


def remove_computer(case: Case, which: str) -> sharing.Peer:
    """Stop taking in a computer's changes from now on, here and (at their next sync) on the
    other computers; return it. `which` is its name or id."""
    with case.transaction() as tx:
        found = [p for p in sharing.peers(tx.conn)
                 if which in (p.computer, p.name) and not p.removed_at]
        if len(found) != 1:
            raise SharingProblem(_("No computer called {which} shares this case").format(
                which=which)
                            if not found else
                            _("More than one computer is called {which}; use its id").format(
                                which=which))
        sharing.mark_removed(tx.conn, found[0].computer)
    return found[0]

