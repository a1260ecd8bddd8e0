"""Child process for the crash test: writes records forever, printing each committed id."""

from __future__ import annotations

import sys
from pathlib import Path

from app.records.model import DiaryEntry
from app.records.values import Moment, now_utc
from app.store.case import Case


def main() -> None:
    folder, passphrase = Path(sys.argv[1]), sys.argv[2]
    case = Case.open_with_passphrase(folder, passphrase)
    n = 0
    while True:
        n += 1
        with case.transaction():
            entry = case.add(DiaryEntry(id="", occurred_at=Moment.parse("2026-02-03T10:00"),
                                        recorded_at=now_utc(), kind="note",
                                        title=f"entry {n}", body="x" * (n % 500)))
            case.add_attachment(f"f{n}.bin", bytes([n % 256]) * 2000, "application/octet-stream")
            if n % 3 == 0:
                entry.body = "edited"
                case.save(entry)
        # Only after COMMIT returns is the write acknowledged.
        print(entry.id, flush=True)


if __name__ == "__main__":
    main()
