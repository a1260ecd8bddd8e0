"""OCR accuracy and speed: 45 synthetic council letters, each read as a straight scan and as a
phone photo, through the sandbox exactly as an imported file is (`extract_text`).

`ocr_cer_clean` and `ocr_cer_photo` are character error rates over all the letters together
(edits needed / characters in the letters, spacing ignored); `ocr_page_s` is the median
wall-clock seconds per page, sandbox included. The one real scan in the test corpus (a
printed page scanned by someone else, with their own OCR text in it) is read too:
`ocr_real_scan_disagreement` is how far Casebook's reading is from that other OCR's, which is
not the truth, so it carries no target.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from app.services.imports import extract_text
from app.services.imports.sandbox import reading_many
from benchmarks.ocr_letters import character_error_rate, letter, photo, scan, straight

LETTERS = 45
DPIS = (150, 200, 300)
REAL_SCAN = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf"
             / "Seige_of_Vicksburg_Sample_OCR.pdf")


def measure(letters: int = LETTERS) -> dict[str, Any]:
    """Read every letter both ways; the error rates, the time per page and the samples."""
    edits = {"clean": 0.0, "photo": 0.0}
    characters = {"clean": 0, "photo": 0}
    per_page: dict[str, list[float]] = {"clean": [], "photo": []}
    seconds: list[float] = []
    with reading_many():
        for number in range(letters):
            typed = letter(number)
            page = scan(typed.pdf, DPIS[number % len(DPIS)])
            truth = " ".join(typed.text.split())
            for kind, data, name in (("clean", straight(page), "scan.png"),
                                     ("photo", photo(page, number), "photo.jpg")):
                started = time.perf_counter()
                read = extract_text(name, data).text
                seconds.append(time.perf_counter() - started)
                rate = character_error_rate(truth, read)
                per_page[kind].append(round(rate, 4))
                edits[kind] += rate * len(truth)
                characters[kind] += len(truth)
    result: dict[str, Any] = {
        "ocr_cer_clean": round(edits["clean"] / characters["clean"], 4),
        "ocr_cer_photo": round(edits["photo"] / characters["photo"], 4),
        "ocr_page_s": round(statistics.median(seconds), 2),
        "ocr_page_max_s": round(max(seconds), 2),
        "ocr_letters": letters,
        "ocr_samples": {"cer_clean": per_page["clean"], "cer_photo": per_page["photo"],
                        "seconds": [round(s, 2) for s in seconds]},
    }
    if REAL_SCAN.exists():
        result.update(_real_scan())
    return result


def _real_scan() -> dict[str, Any]:
    """Casebook's reading of the corpus's scanned page against the OCR text inside it."""
    from pypdf import PdfReader

    data = REAL_SCAN.read_bytes()
    theirs = " ".join((PdfReader(REAL_SCAN).pages[0].extract_text() or "").split())
    page = scan(data, 200)
    started = time.perf_counter()
    ours = extract_text("vicksburg.png", straight(page)).text
    return {"ocr_real_scan_disagreement": round(character_error_rate(theirs, ours), 4),
            "ocr_real_scan_s": round(time.perf_counter() - started, 2)}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else LETTERS), indent=1))
