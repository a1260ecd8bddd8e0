"""A fuzz suite that stays: mutated real inputs for every reader a stranger's file reaches.

Bank statements, case files, key-slot files, backup headers and signed bundles are taken from
the project's own examples and changed (bytes flipped, inserted, cut; JSON values replaced by
others of any type, removed, nested). Every run must end as the command line ends: accepted,
or refused with one plain line (a `Problem`); never another exception, never part of a
record, and the case must still pass its check.

`make test` runs 400 to 1,500 cases of each (about a minute in all); `make fuzz` runs
CASEBOOK_FUZZ_EXAMPLES (10,000) of each and prints how many were accepted and refused.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main as cli_main
from app.problems import Problem
from app.records.model import Transaction
from app.services.casefile.demo import DEMO_PASSPHRASE, create_demo_case
from app.services.casefile.interchange import export_case, import_case
from app.store import backup
from app.store.case import Case
from app.store.keyslots import KEYSLOT_FILE
from tests.conftest import FAST_KDF

EXAMPLES = int(os.environ.get("CASEBOOK_FUZZ_EXAMPLES", "0")) or None
BANK = Path(__file__).parent / "data" / "bank"
TALLY: dict[str, Counter[str]] = {}


def _budget(default: int) -> Any:
    """Hypothesis settings for one input type: `default` cases here, EXAMPLES under make fuzz."""
    # The same cases every run of make test (so CI never fails by chance); new ones each
    # run of make fuzz.
    return settings(max_examples=EXAMPLES or default, deadline=None, database=None,
                    derandomize=not EXAMPLES,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    """Under make fuzz, say how many inputs of each type were tried and what became of them."""
    yield
    if EXAMPLES:
        for name, counts in TALLY.items():
            print(f"\nfuzz {name}: {sum(counts.values())} inputs — "
                  + ", ".join(f"{n} {what}" for what, n in sorted(counts.items())))


def _tally(kind: str, outcome: str) -> None:
    TALLY.setdefault(kind, Counter())[outcome] += 1


def _plain(problem: BaseException) -> str:
    """A refusal must be one plain line."""
    text = str(problem)
    assert text and "\n" not in text and "Traceback" not in text, repr(text)
    assert len(text) < 600, text[:200]
    return text


# ---------------------------------------------------------------- mutations

_SPICE = [b"9" * 40, b"-", b"\x00", b'"', b",", b"\r\n", b"\xff\xfe", b"1e999", b"NaN",
          b"[" * 80, b"{", b"}", b"\\u0000", b"\xc3", "£".encode(), b"(", b")",
          b"31/02/2026", b"\t", b";", b" " * 500]


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with one to four byte-level changes."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(len(out) - 1, 0)))
        how = draw(st.sampled_from(["flip", "insert", "spice", "delete", "cut", "repeat"]))
        if how == "flip" and out:
            out[where] ^= draw(st.integers(1, 255))
        elif how == "insert":
            out[where:where] = draw(st.binary(min_size=1, max_size=32))
        elif how == "spice":
            out[where:where] = draw(st.sampled_from(_SPICE))
        elif how == "delete":
            del out[where:where + draw(st.integers(1, 64))]
        elif how == "cut":
            del out[where:]
        elif how == "repeat":
            out[where:where] = out[where:where + draw(st.integers(1, 400))]
    return bytes(out)


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(["", "2026-02-30", "2026-01-01T00:00:00Z", "x" * 5000]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=3),
    max_leaves=8)


def _places(doc: Any, skip: Callable[[str], bool]) -> list[tuple[Any, Any, str]]:
    """Every (container, key, path) in a JSON document, skipping paths `skip` names."""
    found: list[tuple[Any, Any, str]] = []
    stack: list[tuple[Any, str]] = [(doc, "$")]
    while stack:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) \
            if isinstance(node, list) else ()
        for key, value in items:
            where = f"{path}.{key}" if isinstance(node, dict) else f"{path}[{key}]"
            if skip(where):
                continue
            found.append((node, key, where))
            stack.append((value, where))
    return found


@st.composite
def reshaped(draw: st.DrawFn, doc: Any, skip: Callable[[str], bool] = lambda _p: False) -> Any:
    """A copy of a JSON document with one to three values replaced, removed or nested."""
    doc = json.loads(json.dumps(doc))
    for _ in range(draw(st.integers(1, 3))):
        places = _places(doc, skip)
        if not places:
            break
        node, key, _path = places[draw(st.integers(0, len(places) - 1))]
        how = draw(st.sampled_from(["replace", "remove", "nest", "duplicate"]))
        if how == "remove":
            node.pop(key) if isinstance(node, dict) else node.pop(key)
        elif how == "nest":
            node[key] = [node[key]] if draw(st.booleans()) else {"x": node[key]}
        elif how == "duplicate" and isinstance(node, list):
            node.append(json.loads(json.dumps(node[key])))
        else:
            node[key] = draw(_VALUES)
    return doc


# ---------------------------------------------------------------- the case under test

@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def demo_folder(workspace: Path) -> Path:
    folder = workspace / "demo"
    create_demo_case(folder, kdf=FAST_KDF).close()
    return folder


def _scratch(workspace: Path) -> Path:
    return Path(tempfile.mkdtemp(dir=workspace))


def _cli(*args: str) -> tuple[int, str]:
    """Run the command line in process; return its exit status and what it printed as errors."""
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = cli_main(list(args))
    return code, err.getvalue()


# ---------------------------------------------------------------- bank statements

_STATEMENTS = sorted(p.read_bytes() for p in BANK.iterdir())


@given(data=st.data())
@_budget(400)
def test_fuzz_bank_statements(data: st.DataObject, demo_folder: Path, workspace: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    original = data.draw(st.sampled_from(_STATEMENTS))
    statement = data.draw(mutated(original))
    place = _scratch(workspace)
    (place / "statement.csv").write_bytes(statement)
    folder = place / "demo"
    shutil.copytree(demo_folder, folder)  # a fresh case each time keeps each run's cost even
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", DEMO_PASSPHRASE)
    with Case.open_with_passphrase(folder, DEMO_PASSPHRASE) as case:
        before = len(case.list_of(Transaction))
    code, err = _cli("import-bank", str(folder), str(place / "statement.csv"))
    assert code in (0, 1), err
    assert "Traceback" not in err and "did not expect" not in err
    with Case.open_with_passphrase(folder, DEMO_PASSPHRASE) as case:
        after = len(case.list_of(Transaction))
        if code == 1:
            assert len(err.strip().splitlines()) == 1, err
            assert after == before  # nothing of a refused statement is kept
        _tally("bank statement", "imported" if code == 0 else "refused")
        case.verify()
    shutil.rmtree(place)


# ---------------------------------------------------------------- case files

@pytest.fixture(scope="module")
def case_file(demo_folder: Path, workspace: Path) -> Any:
    target = workspace / "case.json"
    with Case.open_with_passphrase(demo_folder, DEMO_PASSPHRASE) as case:
        export_case(case, target)
    whole = json.loads(target.read_bytes())
    # Small stand-ins for the files keep each case cheap to copy and change (a file's bytes
    # only ever meet the hash check); every reference to them still holds.
    for n, attachment in enumerate(whole["attachments"]):
        data = f"file {n}".encode()
        attachment.update(data=base64.b64encode(data).decode("ascii"),
                          sha256=hashlib.sha256(data).hexdigest())
    return whole


def _not_attachment_data(path: str) -> bool:
    # Changing an attachment's base64 only ever meets the hash check; spend the cases elsewhere.
    return path.endswith(".data")


@given(data=st.data())
@_budget(600)
def test_fuzz_case_files(data: st.DataObject, case_file: Any, workspace: Path) -> None:
    if data.draw(st.booleans()):
        blob = json.dumps(data.draw(reshaped(case_file, _not_attachment_data))).encode()
    else:
        blob = data.draw(mutated(json.dumps(case_file, indent=1).encode()))
    place = _scratch(workspace)
    (place / "case.json").write_bytes(blob)
    try:
        case, _code = import_case(place / "new", place / "case.json", "fuzz passphrase",
                                  kdf=FAST_KDF)
    except Problem as exc:
        _plain(exc)
        assert not (place / "new").exists()  # no half-made case
        _tally("case file", "refused")
    else:
        with case:
            case.verify()
        _tally("case file", "imported")
    shutil.rmtree(place)


# ---------------------------------------------------------------- key-slot files

@given(data=st.data())
@_budget(1500)
def test_fuzz_key_slot_files(data: st.DataObject, demo_folder: Path, workspace: Path) -> None:
    place = _scratch(workspace)
    (place / "case").mkdir()
    for name in os.listdir(demo_folder):
        os.link(demo_folder / name, place / "case" / name) if name != KEYSLOT_FILE else None
    original = (demo_folder / KEYSLOT_FILE).read_bytes()
    if data.draw(st.booleans()):
        blob = json.dumps(data.draw(reshaped(json.loads(original)))).encode()
    else:
        blob = data.draw(mutated(original))
    (place / "case" / KEYSLOT_FILE).write_bytes(blob)
    try:
        Case.open_with_passphrase(place / "case", DEMO_PASSPHRASE).close()
    except Problem as exc:
        _plain(exc)
        _tally("key-slot file", "refused")
    else:
        _tally("key-slot file", "opened")
    shutil.rmtree(place)


# ---------------------------------------------------------------- backup headers

@pytest.fixture(scope="module")
def backup_file(demo_folder: Path, workspace: Path) -> tuple[bytes, Any, bytes]:
    """A real backup split into its magic line, its JSON header and the database after it."""
    target = workspace / "demo.casebook"
    with Case.open_with_passphrase(demo_folder, DEMO_PASSPHRASE) as case:
        backup.make_backup(case, target)
    raw = target.read_bytes()
    length = int.from_bytes(raw[len(backup.MAGIC):len(backup.MAGIC) + 8], "big")
    start = len(backup.MAGIC) + 8
    return raw[:len(backup.MAGIC)], json.loads(raw[start:start + length]), raw[start + length:]


@given(data=st.data())
@_budget(1500)
def test_fuzz_backup_headers(data: st.DataObject, backup_file: tuple[bytes, Any, bytes],
                             workspace: Path) -> None:
    magic, header, body = backup_file
    if data.draw(st.booleans()):
        blob = json.dumps(data.draw(reshaped(header))).encode()
    else:
        blob = data.draw(mutated(json.dumps(header).encode()))
    length = data.draw(st.sampled_from([len(blob), len(blob), max(len(blob) - 1, 0),
                                        len(blob) + 7, 2**64 - 1]))
    place = _scratch(workspace)
    (place / "b.casebook").write_bytes(magic + length.to_bytes(8, "big") + blob + body)
    try:
        backup.restore(place / "b.casebook", place / "restored",
                       passphrase=DEMO_PASSPHRASE).close()
    except Problem as exc:
        _plain(exc)
        assert not (place / "restored").exists()
        _tally("backup header", "refused")
    else:
        _tally("backup header", "restored")
    shutil.rmtree(place)


# ---------------------------------------------------------------- signed bundles

@pytest.fixture(scope="module")
def bundle_pdf(demo_folder: Path, workspace: Path) -> bytes:
    target = workspace / "bundle.pdf"
    code, err = _cli_with_passphrase("bundle", str(demo_folder), "--out", str(target),
                                     "--sections", "chronology")
    assert code == 0, err
    return target.read_bytes()


def _cli_with_passphrase(*args: str) -> tuple[int, str]:
    os.environ["CASEBOOK_PASSPHRASE"] = DEMO_PASSPHRASE
    try:
        return _cli(*args)
    finally:
        del os.environ["CASEBOOK_PASSPHRASE"]


@given(data=st.data())
@_budget(1000)
def test_fuzz_bundle_verify(data: st.DataObject, bundle_pdf: bytes, workspace: Path) -> None:
    pdf = data.draw(mutated(bundle_pdf))
    place = _scratch(workspace)
    (place / "b.pdf").write_bytes(pdf)
    code, err = _cli("verify", str(place / "b.pdf"))
    assert code in (0, 1), err
    assert "Traceback" not in err and "did not expect" not in err, err
    assert len(err.strip().splitlines()) <= 1, err
    if pdf != bundle_pdf:
        assert code == 1, "a changed bundle was accepted"
    _tally("bundle", "refused" if code else "unchanged (two changes undid each other), accepted")
    shutil.rmtree(place)
