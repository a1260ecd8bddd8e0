"""Mailbox scale check: 1,000 council emails with attachments brought in from one mbox file.

`run()` writes the mailbox (each message a typed PDF letter attached, every third a reply to
an earlier one, a tenth from outside the council so the filter leaves them out) and makes an
empty case, then times `import_mailbox` in a fresh child process, from the first byte read to
the last letter saved. The target is 60 s for the 1,000 messages.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from random import Random
from typing import Any

from app.records.model import Correspondence, Person
from app.services.mail.mailbox_import import import_mailbox, sender_filter
from app.store.case import Case
from benchmarks.bundle_bench import KDF, PASSPHRASE, ROOT, _sentence, typed_pdf
from benchmarks.measure import peak_rss_mb

MESSAGES = 1000
COUNCIL = "@glenmuir.example.gov.uk"


def write_mailbox(path: Path, messages: int = MESSAGES) -> None:
    """An mbox as Gmail's Takeout writes one: 'From ' lines, then each message as sent."""
    rng = Random(17)
    letters = [typed_pdf(rng, 1 + n % 2) for n in range(20)]  # reused: their text varies
    start = datetime(2024, 1, 8, 9, 30, tzinfo=UTC)
    with path.open("wb") as out:
        for number in range(messages):
            outsider = number % 10 == 9
            sender = "offers@shop.example.com" if outsider else f"officer{number % 4}{COUNCIL}"
            message = EmailMessage()
            message["From"] = f"Officer {number % 4} <{sender}>"
            message["To"] = "Morag Test <morag@example.org>"
            reply = number % 3 == 2 and number > 3
            message["Subject"] = (f"Re: Support plan {number - 3}" if reply
                                  else f"Support plan {number}")
            message["Date"] = format_datetime(start + timedelta(hours=7 * number))
            message["Message-ID"] = f"<m{number}{COUNCIL.replace('@', '@mail.')}>"
            if reply:
                message["In-Reply-To"] = f"<m{number - 3}{COUNCIL.replace('@', '@mail.')}>"
            message.set_content("\n\n".join(_sentence(rng, 18) for _ in range(4)))
            message.add_attachment(letters[number % len(letters)], maintype="application",
                                   subtype="pdf", filename=f"letter-{number}.pdf")
            raw = message.as_bytes(policy=message.policy.clone(linesep="\n"))
            out.write(f"From {sender} Mon Jan 08 09:30:00 2024\n".encode())
            out.write(raw.replace(b"\nFrom ", b"\n>From "))
            out.write(b"\n")


def measure(folder: Path, mailbox: Path, messages: int = MESSAGES) -> dict[str, Any]:
    """Import the mailbox into the case at `folder`; the wall-clock time and the counts."""
    case = Case.open_with_passphrase(folder, PASSPHRASE)
    started = time.perf_counter()
    result = import_mailbox(case, mailbox, sender_filter([COUNCIL]))
    elapsed = time.perf_counter() - started
    letters = case.count(Correspondence)
    case.close()
    return {"mailbox_1000_s": round(elapsed, 2), "mailbox_imported": result.imported,
            "mailbox_skipped": result.skipped, "mailbox_duplicates": result.duplicates,
            "mailbox_rejected": len(result.rejected), "mailbox_letters_in_case": letters,
            "mailbox_ms_per_message": round(1000 * elapsed / messages, 1),
            "mailbox_peak_rss_mb": round(peak_rss_mb(), 1)}


def run() -> dict[str, Any]:
    """Write the mailbox and an empty case, and measure the import in a child process."""
    with tempfile.TemporaryDirectory(prefix="casebook-mailbox-bench-") as tmp:
        mailbox, folder = Path(tmp) / "council.mbox", Path(tmp) / "case"
        write_mailbox(mailbox)
        Case.create(folder, Person(name="Bench Person", jurisdiction="scotland"), PASSPHRASE,
                    kdf=KDF)[0].close()
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.mailbox_bench", str(folder), str(mailbox)],
            cwd=ROOT, capture_output=True, text=True, timeout=900, check=True)
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        result["mailbox_mb"] = round(mailbox.stat().st_size / 1e6, 1)
    return result


if __name__ == "__main__":
    if len(sys.argv) > 2:
        print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]))))
    else:
        print(json.dumps(run(), indent=1))
