"""Use a built Casebook the way a person would: `python packaging/package_test.py PROGRAM`.

PROGRAM is the frozen app's folder (dist/casebook) or a `casebook` program (a wheel's, say).
It runs: --version, demo, bundle, verify of the bundle, a deadline, import-file of a PDF, an
email, a scanned page (its words read by OCR, then found by search) and (when this Python can
make one) a HEIC photo, all through the sandboxed reader,
backup, restore into a new folder, verify of the restored case, and the window's self-test
(the demo's Today shown offscreen). Each step must
succeed with its expected words; the first that does not stops the test with its output.
Everything happens in a temporary folder, with its own settings, and is removed afterwards.

--json prints the timings. --against SOURCE_PROGRAM --results FILE also times the window's
start (process start to the demo's Today painted, median of 3) for PROGRAM and for
SOURCE_PROGRAM (the same Casebook run from source), and records `frozen_open_s`,
`source_open_s`, their ratio and the sizes in FILE (benchmarks/results.json).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "demo casebook"
EMAIL = b"""From: Care Team <care@council.example>
To: Guardian <guardian@home.example>
Subject: Your review meeting
Date: Mon, 12 Oct 2026 10:00:00 +0100
Message-ID: <review-1@council.example>
Content-Type: text/plain; charset=utf-8

The review meeting is on 20 October.
"""


def letter_pdf() -> bytes:
    """A one-page letter as a PDF with real text (made with the tester's own ReportLab)."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Letter about the care review")
    page.save()
    return out.getvalue()


def heic_photo() -> bytes | None:
    """A small HEIC photo (as an iPhone takes), if this Python can write one."""
    try:
        import io

        import pillow_heif
        from PIL import Image
    except ImportError:
        return None
    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (320, 200), "white").save(out, format="HEIF")
    return out.getvalue()


def scanned_letter() -> bytes:
    """A picture of a typed page, as a scanner makes it: its words must be read by OCR."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(ROOT / "app" / "resources" / "fonts" / "DejaVuSans.ttf"), 44)
    page = Image.new("L", (1700, 900), 255)
    draw = ImageDraw.Draw(page)
    for row, line in enumerate(("Westshire Council", "Dear Morag,",
                                "Your support plan review is booked for Tuesday.",
                                "Yours sincerely,")):
        draw.text((120, 120 + row * 110), line, font=font, fill=0)
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def program_in(target: Path) -> Path:
    """The program itself, given its folder or its path."""
    if target.is_dir():
        name = "casebook.exe" if sys.platform == "win32" else "casebook"
        return target / name
    return target


class Failed(Exception):
    """A step did not do what a person would expect."""


def run_steps(program: Path, work: Path) -> dict[str, float]:
    """Every step, in order; returns how long each took."""
    env = {**os.environ, "CASEBOOK_PASSPHRASE": PASSPHRASE,
           "CASEBOOK_CONFIG_DIR": str(work / "config"), "CASEBOOK_DATA_DIR": str(work / "data"),
           "CASEBOOK_LOG_DIR": str(work / "log"), "QT_QPA_PLATFORM": "offscreen"}
    timings: dict[str, float] = {}
    case, restored = work / "case", work / "restored"
    (work / "letter.pdf").write_bytes(letter_pdf())
    (work / "review.eml").write_bytes(EMAIL)
    (work / "scan.png").write_bytes(scanned_letter())
    photo = heic_photo()
    if photo is not None:
        (work / "receipt.heic").write_bytes(photo)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    steps: list[tuple[str, list[str], str]] = [
        ("version", ["--version"], f"Casebook {project['version']}"),
        ("demo", ["demo", str(case)], ""),
        ("bundle", ["bundle", str(case), "--out", str(work / "bundle.pdf")], ""),
        ("verify_bundle", ["verify", str(work / "bundle.pdf")], ""),
        ("deadline", ["deadline", "subject-access", "2026-01-31"], "2026"),
        ("import_pdf", ["import-file", str(case), str(work / "letter.pdf"), "--json"],
         "imported"),
        ("import_email", ["import-file", str(case), str(work / "review.eml"), "--json"],
         "imported"),
        *([("import_photo", ["import-file", str(case), str(work / "receipt.heic"), "--json"],
            "imported")] if (work / "receipt.heic").exists() else []),
        ("import_scan", ["import-file", str(case), str(work / "scan.png"), "--json"],
         "imported"),
        ("search_scan", ["search", str(case), "booked Tuesday"], "booked"),
        ("backup", ["backup", str(case), "--out", str(work / "case.cbbackup")], ""),
        ("restore", ["restore", str(work / "case.cbbackup"), str(restored)], ""),
        ("verify_restored", ["verify", str(restored)], ""),
    ]
    for name, args, expected in steps:
        began = time.monotonic()
        done = subprocess.run([str(program), *args], env=env, capture_output=True, text=True,
                              timeout=600, cwd=work)
        timings[name] = round(time.monotonic() - began, 3)
        said = done.stdout + done.stderr
        if done.returncode != 0 or expected not in said:
            raise Failed(f"{name}: exit {done.returncode}, expected {expected!r}\n{said}")
        if "Traceback" in said:
            raise Failed(f"{name} printed a traceback:\n{said}")
        print(f"  ok  {name} ({timings[name]:.1f} s)", flush=True)
    env["CASEBOOK_SPAWNED_AT"] = repr(time.monotonic())
    done = subprocess.run([str(program), "self-test", str(case), "--json"], env=env,
                          capture_output=True, text=True, timeout=600, cwd=work)
    try:
        checked = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise Failed(f"self-test said no result:\n{done.stdout}{done.stderr}") from exc
    if done.returncode != 0 or not checked.get("passed"):
        raise Failed(f"self-test failed: {checked}")
    timings["open_to_today_s"] = checked["today_painted_s"]
    print(f"  ok  window: the demo's Today in {checked['today_painted_s']:.2f} s; file reader "
          f"{checked['file_reader']}; password store {checked['password_store']}", flush=True)
    return timings


def open_time(program: Path, case: Path, work: Path, runs: int = 3) -> float:
    """Median seconds from process start to the demo's Today painted."""
    env = {**os.environ, "CASEBOOK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen",
           "CASEBOOK_CONFIG_DIR": str(work / "config"), "CASEBOOK_DATA_DIR": str(work / "data"),
           "CASEBOOK_LOG_DIR": str(work / "log")}
    seconds = []
    for _ in range(runs + 1):  # the first run warms the disk cache and is not counted
        env["CASEBOOK_SPAWNED_AT"] = repr(time.monotonic())
        done = subprocess.run([str(program), "self-test", str(case), "--json"], env=env,
                              capture_output=True, text=True, timeout=600, cwd=work)
        seconds.append(json.loads(done.stdout.strip().splitlines()[-1])["today_painted_s"])
    return float(statistics.median(seconds[1:]))


def record(program: Path, against: Path, results: Path) -> dict[str, float]:
    """Time both programs on one demo case and write the keys into `results`."""
    work = Path(tempfile.mkdtemp(prefix="casebook-open-time-"))
    try:
        case = work / "case"
        subprocess.run([str(program), "demo", str(case)], check=True, capture_output=True,
                       env={**os.environ, "CASEBOOK_DATA_DIR": str(work / "data")})
        frozen, source = open_time(program, case, work), open_time(against, case, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    folder = program.parent
    keys = {"frozen_open_s": round(frozen, 3), "source_open_s": round(source, 3),
            "frozen_open_ratio": round(frozen / source, 2),
            "onefolder_mb": round(sum(f.lstat().st_size for f in folder.rglob("*")
                                      if f.is_file() and not f.is_symlink()) / 2**20, 1)}
    debs = sorted(folder.parent.glob("casebook_*.deb"))
    if debs:
        keys["deb_mb"] = round(debs[-1].stat().st_size / 2**20, 1)
    saved = json.loads(results.read_text(encoding="utf-8")) if results.exists() else {}
    saved.update(keys)
    results.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    return keys


def main(argv: list[str]) -> int:
    """Run the steps against one program; exit 1 at the first failure."""
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    program = program_in(Path(argv[0]).resolve())
    if not program.exists():
        print(f"There is no Casebook program at {program}", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="casebook-package-test-"))
    try:
        timings = run_steps(program, work)
    except Failed as exc:
        print(f"FAILED {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if "--against" in argv and "--results" in argv:
        against = program_in(Path(argv[argv.index("--against") + 1]).resolve())
        keys = record(program, against, Path(argv[argv.index("--results") + 1]))
        print(f"  window start, process start to Today: frozen {keys['frozen_open_s']:.2f} s, "
              f"from source {keys['source_open_s']:.2f} s ({keys['frozen_open_ratio']:.2f}x); "
              f"folder {keys['onefolder_mb']:.0f} MB" + (f", .deb {keys['deb_mb']:.0f} MB"
                                                         if "deb_mb" in keys else ""))
        timings.update(keys)
    if "--json" in argv:
        print(json.dumps(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
