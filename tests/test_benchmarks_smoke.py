"""The scale suite's own code, run small so it cannot rot: no timings are checked here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app.records.model import Contact, Correspondence, DiaryEntry
from app.store.case import Case
from benchmarks import run, synth
from benchmarks.bench_keyring import FILE_VARIABLE, BenchmarkKeyring
from benchmarks.measure import median, percentile
from benchmarks.probe_case import search, unlock
from tests.conftest import FAST_KDF

ROOT = Path(__file__).resolve().parent.parent
TINY = synth.Scale(contacts=8, diary=50, letters=20, attachments=5, attachment_bytes=400_000,
                   requests=12, plans=3)


@pytest.fixture
def built(tmp_path: Path) -> synth.BuiltCase:
    """The tiny case, remembered in the test's in-memory keyring."""
    return synth.build(tmp_path / "case", TINY, kdf=FAST_KDF)


def test_the_tiny_case_holds_what_was_asked_for(built: synth.BuiltCase) -> None:
    assert built.counts == {"contacts": 8, "diary": 50, "letters": 20, "attachments": 5,
                            "requests": 12, "plans": 3}
    with Case.open_with_passphrase(built.folder, synth.PASSPHRASE) as case:
        assert case.count(DiaryEntry) == 50 and case.count(Correspondence) == 20
        assert case.count(Contact) == 8
        files = case.attachments()
        assert len(files) == 5 and sum(f.size for f in files) == built.attachment_bytes
        assert len({f.sha256 for f in files}) == 5  # every file's bytes differ
        assert 0.5 * TINY.attachment_bytes < built.attachment_bytes < 1.5 * TINY.attachment_bytes
        typed = [f for f in files if f.filename.startswith("letter-")]
        assert typed and all(f.text.startswith("Dear ") and f.page_count for f in typed)
        for f in files:
            head = case.attachment_data(f.id)[:4]
            assert head == (b"%PDF" if f.media_type == "application/pdf" else b"\xff\xd8\xff\xe0")
        attached = {a for e in case.list_of(DiaryEntry) for a in e.attachment_ids}
        attached |= {a for m in case.list_of(Correspondence) for a in m.attachment_ids}
        assert attached == {f.id for f in files}
        days = [e.occurred_at.day for e in case.list_of(DiaryEntry)]
        assert min(days) >= synth.FIRST_DAY and (max(days) - min(days)).days > 365
        case.verify()


def test_the_same_seed_gives_the_same_case(built: synth.BuiltCase, tmp_path: Path) -> None:
    again = synth.build(tmp_path / "again", TINY, kdf=FAST_KDF, remember=False)
    with Case.open_with_passphrase(built.folder, synth.PASSPHRASE) as first, \
            Case.open_with_passphrase(again.folder, synth.PASSPHRASE) as second:
        assert first.list_of(DiaryEntry) == second.list_of(DiaryEntry)
        assert [f.sha256 for f in first.attachments()] == [f.sha256 for f in second.attachments()]


def test_the_search_and_unlock_probes_work_on_it(built: synth.BuiltCase) -> None:
    queries = synth.queries(40, TINY)
    assert len(queries) == 40 and all(1 <= len(q.split()) <= 3 for q in queries)
    found = search(built.folder, queries)  # opens from the keyring slot
    assert len(found["ms"]) == 40 and sum(1 for n in found["hits"] if n) >= 10
    assert unlock(built.folder, synth.PASSPHRASE)["peak_rss_mb"] > 0


def test_ensure_reuses_a_matching_case_and_rebuilds_a_stale_one(tmp_path: Path) -> None:
    tiny = synth.Scale(contacts=3, diary=5, letters=3, attachments=2, attachment_bytes=50_000,
                       requests=2, plans=1)
    first = synth.ensure(tmp_path, tiny, kdf=FAST_KDF)
    assert not first.reused and first.counts["diary"] == 5
    again = synth.ensure(tmp_path, tiny, kdf=FAST_KDF)
    assert again.reused and again.counts == first.counts
    bigger = synth.ensure(tmp_path, synth.Scale(contacts=3, diary=7, letters=3, attachments=2,
                                                attachment_bytes=50_000, requests=2, plans=1),
                          kdf=FAST_KDF)
    assert not bigger.reused and bigger.counts["diary"] == 7


def test_benchmark_keyring_keeps_secrets_in_its_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FILE_VARIABLE, str(tmp_path / "keys.json"))
    ring = BenchmarkKeyring()
    ring.set_password("Casebook", "case-1", "c2VjcmV0")
    assert BenchmarkKeyring().get_password("Casebook", "case-1") == "c2VjcmV0"
    ring.delete_password("Casebook", "case-1")
    assert ring.get_password("Casebook", "case-1") is None


def test_statistics_and_targets() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert percentile(samples, 0.95) == 95.0 and median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    checked = run.targets({"qt_empty_window_s": 0.2, "open_case_to_diary_s": 0.7,
                           "search_p95_ms": 12.0, "peak_rss_mb": 310.0,
                           "bundle_floor_s": 1.5, "bundle_500p_s": 2.9,
                           "bundle_peak_rss_mb": 520.0, "today_refresh_ms": 12.0,
                           "gui_longest_stall_ms": 140.0, "theme_switch_ms": 250.0,
                           "mailbox_1000_s": 61.0, "ocr_cer_clean": 0.01,
                           "ocr_cer_photo": 0.09, "ocr_page_s": 1.2, "sync_10k_s": 11.0,
                           "sync_idle_s": 0.2})
    verdicts = {t["metric"]: t["pass"] for t in checked}
    assert verdicts == {"open_case_to_diary_s": False, "search_p95_ms": True,
                        "peak_rss_mb": False, "bundle_500p_s": True,
                        "bundle_peak_rss_mb": False, "today_refresh_ms": True,
                        "gui_longest_stall_ms": False, "theme_switch_ms": True,
                        "mailbox_1000_s": False, "ocr_cer_clean": True,
                        "ocr_cer_photo": False, "ocr_page_s": True, "sync_10k_s": False,
                        "sync_idle_s": True}


@pytest.mark.slow
def test_the_window_and_verify_probes_work_on_the_tiny_case(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The probes `make bench` runs as children, run here the same way on the tiny case,
    remembered in a benchmark keyring file of the test's own."""
    keys = tmp_path / "keys.json"
    monkeypatch.setenv(FILE_VARIABLE, str(keys))
    keyring.set_keyring(BenchmarkKeyring())  # type: ignore[no-untyped-call]
    built = synth.build(tmp_path / "case", TINY, kdf=FAST_KDF)
    env = {**run.child_env(), FILE_VARIABLE: str(keys),
           "CASEBOOK_CONFIG_DIR": str(tmp_path / "config"),
           "CASEBOOK_DATA_DIR": str(tmp_path / "data")}
    for args in (("benchmarks.probe_gui", str(built.folder)),
                 ("benchmarks.probe_case", "verify", str(built.folder))):
        done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                              cwd=ROOT, env=env, timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        found = json.loads(done.stdout.strip().splitlines()[-1])
        if args[0].endswith("probe_gui"):
            assert found["today_refresh_ms"] > 0 and found["gui_longest_stall_ms"] > 0
            assert found["theme_switch_ms"] > 0
        else:
            assert found["events"] > 0 and found["elapsed_s"] > 0


def test_the_mailbox_bench_imports_its_own_mailbox(tmp_path: Path) -> None:
    from app.records.model import Person
    from benchmarks import mailbox_bench

    box, folder = tmp_path / "council.mbox", tmp_path / "case"
    mailbox_bench.write_mailbox(box, messages=20)
    Case.create(folder, Person(name="Bench Person", jurisdiction="scotland"),
                mailbox_bench.PASSPHRASE, kdf=FAST_KDF)[0].close()
    found = mailbox_bench.measure(folder, box, messages=20)
    assert (found["mailbox_imported"], found["mailbox_skipped"]) == (18, 2)
    assert found["mailbox_rejected"] == found["mailbox_duplicates"] == 0
    with Case.open_with_passphrase(folder, mailbox_bench.PASSPHRASE) as case:
        letters = case.list_of(Correspondence)
        assert len(letters) == 18 and all(len(m.attachment_ids) == 2 for m in letters)
        replies = [m for m in letters if (m.subject or "").startswith("Re:")]
        assert replies and all(m.in_reply_to for m in replies)  # threads kept
        case.verify()


def test_the_ocr_bench_reads_its_own_letters() -> None:
    from benchmarks import ocr_bench

    found = ocr_bench.measure(letters=2)
    assert found["ocr_letters"] == 2
    assert len(found["ocr_samples"]["seconds"]) == 4  # each letter as a scan and a photo
    assert 0 <= found["ocr_cer_clean"] < 0.5 and 0 <= found["ocr_cer_photo"] < 0.5


def test_the_sync_bench_brings_two_computers_level(tmp_path: Path, built: synth.BuiltCase) -> None:
    from benchmarks import sync_bench

    found = sync_bench.merge_once(tmp_path / "merge", changes=300)
    assert found["sent"] == found["received"] == 600
    idle = sync_bench.idle(built.folder)
    assert idle["sync_idle_s"] > 0 and idle["share_ten_year_folder_mb"] > 0
