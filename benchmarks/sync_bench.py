"""Sharing scale check: two computers' changes meeting through a folder.

`merge()` makes a case, shares it and joins it from a second case folder (both on this
machine, as two computers), then writes 10,000 changes on each: new diary entries, and on both
an edit of the same 100 entries (which become "two versions — choose"). It times the syncs that
bring both computers level (first, second, first again): `sync_10k_s`, target 10 s.

`idle(folder)` copies the ten-year case, shares the copy, and times a sync with nothing new:
`sync_idle_s`, target 0.5 s. Sharing it the first time (every record and file written to the
folder) is reported as `share_ten_year_s`, with no target.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.records import codec
from app.records.model import DiaryEntry, Person
from app.records.values import Moment, now_utc
from app.services.sharing import exchange
from app.store import records
from app.store.case import Case
from benchmarks import synth
from benchmarks.bundle_bench import KDF, PASSPHRASE
from benchmarks.measure import median, peak_rss_mb

CHANGES = 10_000
SHARED_EDITS = 100
RUNS = 3


def _write(case: Case, prefix: str, count: int) -> None:
    """`count` new diary entries, saved as the window saves them (one record, one event)."""
    with case.transaction() as tx:
        for n in range(count):
            entry = DiaryEntry(id=f"{prefix}-{n:05d}",
                               occurred_at=Moment.parse(f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}"
                                                        "T10:00"),
                               recorded_at=now_utc(), kind="note",
                               title=f"Call {n} about the support plan",
                               body="They said someone would ring back by Friday.")
            records.insert(tx.conn, "diary", entry.id, codec.encode(entry))


def _edit(case: Case, count: int, words: str) -> None:
    with case.transaction() as tx:
        for n in range(count):
            row = records.get(tx.conn, f"shared-{n:05d}")
            records.update(tx.conn, row.id, {**row.data, "body": words})


def merge_once(tmp: Path, changes: int = CHANGES) -> dict[str, float]:
    """One run: two computers, `changes` changes each, brought level; seconds and counts."""
    first, _code = Case.create(tmp / "first", Person(name="Bench Person",
                                                     jurisdiction="scotland"),
                               PASSPHRASE, kdf=KDF)
    _write(first, "shared", SHARED_EDITS)
    exchange.share(first, tmp / "folder", "First laptop", "Morag")
    second, _report = exchange.join(tmp / "folder", tmp / "second", "Second PC", "Ewan",
                                    passphrase=PASSPHRASE)
    exchange.sync(first)
    _write(first, "first", changes - SHARED_EDITS)
    _edit(first, SHARED_EDITS, "Morag's account of the call.")
    _write(second, "second", changes - SHARED_EDITS)
    _edit(second, SHARED_EDITS, "Ewan's account of the call.")
    started = time.perf_counter()
    one = exchange.sync(first)
    two = exchange.sync(second)
    three = exchange.sync(first)
    elapsed = time.perf_counter() - started
    level = first.count(DiaryEntry) == second.count(DiaryEntry) == 2 * changes - SHARED_EDITS
    conflicts = len(exchange.conflicts(first))
    first.close()
    second.close()
    if not level or conflicts != SHARED_EDITS:
        raise RuntimeError(f"the computers did not end level ({conflicts} conflicts)")
    return {"elapsed_s": elapsed, "sent": one.sent + two.sent + three.sent,
            "received": one.received + two.received + three.received}


def merge() -> dict[str, Any]:
    """`sync_10k_s`: the median of a few runs, each in fresh folders."""
    runs = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="casebook-sync-bench-") as tmp:
            runs.append(merge_once(Path(tmp)))
    return {"sync_10k_s": round(median([r["elapsed_s"] for r in runs]), 2),
            "sync_10k_revisions_sent": int(runs[0]["sent"]),
            "sync_10k_revisions_received": int(runs[0]["received"]),
            "sync_10k_samples": [round(r["elapsed_s"], 2) for r in runs],
            "sync_peak_rss_mb": round(peak_rss_mb(), 1)}


def idle(folder: Path) -> dict[str, Any]:
    """`sync_idle_s` on a copy of the ten-year case (the original is left as it is)."""
    with tempfile.TemporaryDirectory(prefix="casebook-sync-idle-") as tmp:
        copy = Path(tmp) / "case"
        shutil.copytree(folder, copy)
        case = Case.open_with_passphrase(copy, synth.PASSPHRASE)
        started = time.perf_counter()
        exchange.share(case, Path(tmp) / "folder", "First laptop", "Morag")
        shared = time.perf_counter() - started
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            report = exchange.sync(case)
            times.append(time.perf_counter() - started)
            if report.sent or report.received:
                raise RuntimeError("a sync with nothing new moved something")
        folder_mb = sum(p.stat().st_size for p in (Path(tmp) / "folder").rglob("*")
                        if p.is_file()) / 1e6
        case.close()
    return {"sync_idle_s": round(median(times), 3), "share_ten_year_s": round(shared, 1),
            "share_ten_year_folder_mb": round(folder_mb, 1)}


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(idle(Path(sys.argv[1])), indent=1))
    else:
        print(json.dumps(merge(), indent=1))
