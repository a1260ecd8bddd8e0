"""Every real-world PDF in the shared corpus goes into a bundle: merged, or as a placeholder."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.records.model import Person
from app.services.bundles import BundleOptions, make_bundle, verify_bundle
from app.services.bundles.exhibits import open_pdf
from app.services.bundles.quiet import quiet_pdf_libraries
from app.store.case import Case
from tests.conftest import FAST_KDF, PASSPHRASE

CORPUS = Path("/work/shared/corpus/pdf")
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")


def test_every_corpus_pdf_is_merged_or_shown_as_a_placeholder(tmp_path: Path) -> None:
    files = sorted(CORPUS.glob("*.pdf"))
    assert len(files) >= 60
    case, _code = Case.create(tmp_path / "case", Person("Zoë O’Brien", "wales"), PASSPHRASE,
                              kdf=FAST_KDF)
    with case:
        for path in files:
            case.add_attachment(path.name, path.read_bytes(), "application/pdf")
        out = tmp_path / "corpus.pdf"
        made = make_bundle(case, BundleOptions(sections=("exhibits",)), out)
    data = out.read_bytes()
    check = verify_bundle(data)
    assert check.files_checked == len(files)
    reader = PdfReader(io.BytesIO(data))
    manifest = json.loads(reader.attachments["casebook-manifest.json"][0])
    assert made.pages == manifest["pages"] == len(reader.pages)
    by_name = {e["filename"]: e for e in manifest["exhibits"]}
    placeholders = []
    for path in files:
        exhibit = by_name[path.name]
        with quiet_pdf_libraries():
            original, problem = open_pdf(path.read_bytes())
        if original is None:
            placeholders.append(path.name)
            assert exhibit["shown_as"].startswith("placeholder:"), path.name
            assert exhibit["pages"] == 1
            text = subprocess.run(["pdftotext", "-f", str(exhibit["first_page"]), "-l",
                                   str(exhibit["first_page"]), str(out), "-"],
                                  capture_output=True, text=True, check=True).stdout
            assert path.name in text and "attached inside this PDF" in text
        else:
            assert exhibit["shown_as"] == (f"{len(original.pages)} original page"
                                           f"{'' if len(original.pages) == 1 else 's'}")
            assert exhibit["pages"] == len(original.pages)
    # The corpus's password-protected files that no empty password opens.
    assert {"crazyones-encrypted-256.pdf", "encrypted-file.pdf",
            "libreoffice-writer-password.pdf"} <= set(placeholders)
    assert len(placeholders) < len(files) // 4
    checked = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    # 0 is clean; 3 is warnings, which come from damage inside the original files themselves.
    assert checked.returncode in (0, 3), checked.stdout + checked.stderr
    rendered = subprocess.run(["pdftoppm", "-r", "10", "-png", str(out), str(tmp_path / "p")],
                              capture_output=True, text=True, timeout=300)
    assert rendered.returncode == 0
    assert len(list(tmp_path.glob("p-*.png"))) == len(reader.pages)
