"""Child process for the scale suite: unlock the synthetic case, or time searches in it.

    python -m benchmarks.probe_case unlock CASE_FOLDER < passphrase
    python -m benchmarks.probe_case search CASE_FOLDER < queries.json
    python -m benchmarks.probe_case verify CASE_FOLDER

`unlock` times opening the case with its passphrase (the real Argon2id cost) up to the first
read. `search` opens the case from its keyring slot and times each query in the JSON list read
from standard input, as the search box runs it. Each prints one JSON line, with the process's
peak memory. `verify` opens the case from its keyring slot and times `casebook verify`'s
whole check of the audit chain against every record (one read snapshot).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from app.records.model import DiaryEntry
from app.store.case import Case
from benchmarks.measure import peak_rss_mb


def unlock(folder: Path, passphrase: str) -> dict[str, float]:
    """Seconds from asking to open the case with its passphrase to the first record read."""
    started = time.perf_counter()
    case = Case.open_with_passphrase(folder, passphrase)
    case.list_of(DiaryEntry, 0, 1)
    elapsed = time.perf_counter() - started
    case.close()
    return {"elapsed_s": elapsed, "peak_rss_mb": peak_rss_mb()}


def search(folder: Path, queries: list[str]) -> dict[str, object]:
    """Milliseconds per query, in the order given, and how many results each found."""
    case, notice = Case.open_remembered(folder)
    if case is None:
        raise SystemExit(f"the case did not open from its keyring slot: {notice}")
    times: list[float] = []
    found: list[int] = []
    for query in queries:
        started = time.perf_counter()
        hits = case.search(query)
        times.append((time.perf_counter() - started) * 1000)
        found.append(len(hits))
    case.close()
    return {"ms": times, "hits": found, "peak_rss_mb": peak_rss_mb()}


def verify(folder: Path) -> dict[str, object]:
    """Seconds to recompute the audit chain against every stored record and file."""
    case, notice = Case.open_remembered(folder)
    if case is None:
        raise SystemExit(f"the case did not open from its keyring slot: {notice}")
    started = time.perf_counter()
    check = case.verify()
    elapsed = time.perf_counter() - started
    case.close()
    return {"elapsed_s": elapsed, "events": check.head.seq, "peak_rss_mb": peak_rss_mb()}


def main(argv: list[str]) -> int:
    """Run one probe and print its result as JSON."""
    if len(argv) == 2 and argv[0] == "unlock":
        result: dict[str, object] = dict(unlock(Path(argv[1]), sys.stdin.read()))
    elif len(argv) == 2 and argv[0] == "search":
        result = search(Path(argv[1]), [str(q) for q in json.load(sys.stdin)])
    elif len(argv) == 2 and argv[0] == "verify":
        result = verify(Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
