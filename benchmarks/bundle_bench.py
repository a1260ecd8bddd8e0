"""Bundle scale check: a 300-entry chronology with 100 exhibits, about 500 pages.

`run()` makes the case, then measures in a fresh child process (so peak memory is the bundle's
own) three things: reportlab alone laying out Casebook's pages without exhibits, pypdf alone
merging the exhibit PDFs, and the whole bundle build (layout, merge, stamps, links, attachments,
signature, file written). The target is a build within twice the two floors together, in under
500 MB. Times are CPU seconds of the measuring process, best of RUNS, because the machine may be
busy with other work and wall-clock time would then measure that instead; the best wall-clock
time of the build is reported too.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from app.records.model import (
    Complaint,
    Contact,
    Correspondence,
    DiaryEntry,
    Person,
    Request,
)
from app.records.values import Moment
from app.services.bundles import BundleOptions, build_bundle
from app.services.bundles.content import gather
from app.services.bundles.exhibits import prepare
from app.services.bundles.layout import Pen, Styles, render
from app.services.bundles.pages import SectionWriter
from app.services.bundles.quiet import quiet_pdf_libraries
from app.services.bundles.scope import select, take_snapshot
from app.store.attachments import AttachmentInfo
from app.store.case import Case
from benchmarks.measure import peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "bundle bench passphrase"
KDF = {"time_cost": 1, "memory_kib": 8192, "parallelism": 1}
RUNS = 3
DIARY, LETTERS, REQUESTS = 180, 100, 19  # with the complaint: 300 chronology rows
TYPED, SCANNED, PHOTOS = 84, 10, 6  # 100 exhibits
WORDS = ("support", "plan", "review", "outcomes", "hours", "budget", "council", "social",
         "worker", "meeting", "visit", "swimming", "music", "group", "personal", "assistant",
         "copy", "records", "request", "reply", "complaint", "guardian", "assessment", "carer",
         "respite", "transport", "day", "centre", "weekly", "monthly")


def _sentence(rng: Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def typed_pdf(rng: Random, pages: int) -> bytes:
    """A typed letter of `pages` pages, as a council would send it."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    for page in range(pages):
        text = pdf.beginText(60, 790)
        text.setFont("Times-Roman", 11)
        text.textLine(f"Glenmuir Council Adult Services — page {page + 1}")
        for _ in range(48):
            text.textLine(_sentence(rng, 14))
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _jpeg(rng: Random, width: int, height: int) -> bytes:
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    out = io.BytesIO()
    noise.point([170 + v // 16 for v in range(256)]).convert("RGB").save(out, "JPEG",
                                                                          quality=75)
    return out.getvalue()


def _scanned(rng: Random, pages: int) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    for _ in range(pages):
        pdf.drawImage(ImageReader(io.BytesIO(_jpeg(rng, 620, 877))), 20, 20, 555, 802)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_case(folder: Path) -> Case:
    """The bench case: diary, letters with their files, requests and one complaint."""
    rng = Random(20261123)
    case, _code = Case.create(folder, Person("Bench Person", "scotland"), PASSPHRASE, kdf=KDF)
    start = date(2024, 1, 1)
    with case.transaction():
        case.add(Contact("c-sw", "Sam Worker", "social-worker", "Glenmuir Council"))
        case.add(Complaint("k-1", "Support cut without review", "Glenmuir Council",
                           ["Support hours were cut without a review",
                            "No copy of the plan was given"],
                           ["Restore the hours"], date(2025, 6, 1), tags=["standard:9.10"]))
        files: list[str] = []
        for n in range(TYPED + SCANNED + PHOTOS):
            if n < TYPED:
                data, name, kind = typed_pdf(rng, rng.choice((3, 4, 5, 5, 6))), f"letter-{n}.pdf", \
                    "application/pdf"
            elif n < TYPED + SCANNED:
                data, name, kind = _scanned(rng, 2), f"scan-{n}.pdf", "application/pdf"
            else:
                data, name, kind = _jpeg(rng, 1200, 900), f"photo-{n}.jpg", "image/jpeg"
            files.append(case.add_attachment(name, data, kind, text="").id)
        for n in range(LETTERS):
            day = start + timedelta(days=n * 7)
            case.add(Correspondence(
                f"m-{n}", "in" if n % 2 else "out", "letter", Moment(day), Moment(day),
                ["c-sw"], [], subject=_sentence(rng, 6), body=_sentence(rng, 30),
                tags=["standard:9.10"] if n % 5 == 0 else [], attachment_ids=[files[n]]))
        for n in range(DIARY):
            day = start + timedelta(days=n * 4 + 1)
            case.add(DiaryEntry(
                f"d-{n}", Moment(day), datetime.combine(day, datetime.min.time(), tzinfo=UTC),
                "phone-call", _sentence(rng, 5), _sentence(rng, 40), ["c-sw"],
                attachment_ids=[files[LETTERS + n]] if n < len(files) - LETTERS else []))
        for n in range(REQUESTS):
            case.add(Request(f"r-{n}", "subject-access", start + timedelta(days=n * 30),
                             "open", made_via=f"m-{n}", to="c-sw", summary=_sentence(rng, 5),
                             complaint_id="k-1" if n < 3 else None))
    return case


def _layout_floor(writer: SectionWriter, styles: Styles) -> float:
    sections = ["cover", "contents", "chronology", "requests", "plans", "standards",
                "exhibits", "manifest"]
    numbers = {**{f"ex:{e.file.id}": 1 for e in writer.exhibits},
               **{f"sec:{s}": 1 for s in sections}}
    started = time.process_time()
    for part in (writer.middle(sections), writer.manifest(),
                 writer.cover(500, "0" * 64) + writer.contents(numbers, sections)):
        render(part, styles.sizes)
    return time.process_time() - started


def _merge_floor(files: list[tuple[AttachmentInfo, bytes]]) -> float:
    started = time.process_time()
    merged = PdfWriter()
    with quiet_pdf_libraries():
        for info, data in files:
            if info.media_type == "application/pdf":
                merged.append(PdfReader(io.BytesIO(data)))
        merged.write(io.BytesIO())
    return time.process_time() - started


def measure(folder: Path) -> dict[str, float]:
    """In this process: the two floors, then the whole build; the best of RUNS each."""
    case = Case.open_with_passphrase(folder, PASSPHRASE)
    options = BundleOptions(as_of=date(2026, 11, 23))
    snapshot = take_snapshot(case)
    selection = select(snapshot, options)
    content = gather(case, options, snapshot, selection, date(2026, 11, 23))
    files = [(snapshot.files[f], case.attachment_data(f)) for f in selection.file_ids]
    styles = Styles(False)
    pen = Pen(styles, ())
    writer = SectionWriter(pen, content, [e.entry for e in prepare(content, files, pen)])
    layout_s = min(_layout_floor(writer, styles) for _ in range(RUNS))
    merge_s = min(_merge_floor(files) for _ in range(RUNS))
    builds, walls = [], []
    for _ in range(RUNS):
        started, wall = time.process_time(), time.perf_counter()
        built = build_bundle(case, options)
        (folder.parent / "bench-bundle.pdf").write_bytes(built.pdf)
        builds.append(time.process_time() - started)
        walls.append(time.perf_counter() - wall)
    case.close()
    build_s, floor = min(builds), layout_s + merge_s
    return {"bundle_500p_s": round(build_s, 3), "bundle_floor_s": round(floor, 3),
            "bundle_ratio": round(build_s / floor, 3),
            "bundle_peak_rss_mb": round(peak_rss_mb(), 1), "bundle_pages": built.pages,
            "bundle_layout_floor_s": round(layout_s, 3), "bundle_merge_floor_s": round(merge_s, 3),
            "bundle_500p_wall_s": round(min(walls), 3)}


def run() -> dict[str, Any]:
    """Make the bench case and measure the bundle in a child process."""
    with tempfile.TemporaryDirectory(prefix="casebook-bundle-bench-") as tmp:
        folder = Path(tmp) / "case"
        make_case(folder).close()
        done = subprocess.run([sys.executable, "-m", "benchmarks.bundle_bench", str(folder)],
                              cwd=ROOT, capture_output=True, text=True, timeout=600, check=True)
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(measure(Path(sys.argv[1]))))
    else:
        print(json.dumps(run(), indent=1))
