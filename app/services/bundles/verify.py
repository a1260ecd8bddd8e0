"""Checking a bundle: the signature covers every byte, and every original file matches.

Anyone can run this on a bundle they were given. It needs nothing from the case: the signer's
certificate travels inside the signature, and its fingerprint is compared with the one the
signed manifest names (and, by eye, with the one printed on the cover).
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from asn1crypto import parser as asn1_parser
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from app.problems import Problem
from app.services.bundles.quiet import quiet_pdf_libraries
from app.services.recording.daywords import long_day
from app.store.signing_key import certificate_fingerprint

MANIFEST_NAME = "casebook-manifest.json"
MANIFEST_FORMAT = "casebook.bundle-manifest"


class BundleCheckFailed(Problem):
    """The bundle does not check out; the message says why in plain words."""


@dataclass(frozen=True)
class BundleCheck:
    """What a successful check found."""

    signer_fingerprint: str
    chain_seq: int
    chain_head: str
    check_code: str
    pages: int
    files_checked: int
    signed_at: str

    def lines(self) -> list[str]:
        """The result for a person, a line each."""
        return [
            "The bundle checks out: it has not been changed since it was signed.",
            f"The signature covers the whole file ({self.pages} pages), signed {self.signed_at}.",
            f"All {self.files_checked} original files match the manifest.",
            f"Signing key fingerprint: {self.signer_fingerprint}",
            f"Audit chain head: event {self.chain_seq}, {self.chain_head} "
            f"(check code {self.check_code})",
        ]


DAMAGED = "This file is damaged or is not a Casebook bundle."


def verify_bundle(data: bytes) -> BundleCheck:
    """Check a bundle's signature and attached originals; BundleCheckFailed if anything is off."""
    with quiet_pdf_libraries():
        return _verify(data)


def _verify(data: bytes) -> BundleCheck:
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        raise BundleCheckFailed(DAMAGED) from None
    if not signatures:
        raise BundleCheckFailed("This PDF has no Casebook signature, so it cannot be checked.")
    if len(signatures) != 1:
        # Casebook signs once, forbidding changes; a second signature means someone added a
        # revision (perhaps with their own key) after it was signed.
        raise BundleCheckFailed("The bundle has been changed since Casebook signed it: someone "
                                "added to it and signed it again.")
    signature = signatures[0]
    if not _signature_bytes_are_exact(signature.sig_object.get("/Contents")):
        raise BundleCheckFailed("The bundle has been changed since it was signed: the signature "
                                "area holds bytes that are not part of the signature.")
    try:
        signer = signature.signer_cert
        context = ValidationContext(trust_roots=[signer], allow_fetching=False)
        status = validate_pdf_signature(signature, context)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError):
        raise BundleCheckFailed("The signature could not be read: the file has been changed "
                                "or damaged.") from None
    if not status.intact:
        raise BundleCheckFailed("The bundle has been changed since it was signed: its contents "
                                "no longer match the signature.")
    if not status.valid:
        raise BundleCheckFailed("The signature itself is not valid, so the bundle cannot be "
                                "trusted.")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise BundleCheckFailed("Something was added to the file after it was signed.")
    fingerprint = certificate_fingerprint(signer.dump())
    carried = [choice.chosen.dump() for choice in signature.signed_data["certificates"]]
    if any(der != signer.dump() for der in carried):
        # Casebook puts only its own certificate in the signature; anything else is a change.
        raise BundleCheckFailed("The bundle has been changed since it was signed: the signature "
                                "carries a certificate Casebook did not put there.")
    manifest, attached, pages = _read_attachments(data)
    if manifest.get("signer_fingerprint") != fingerprint:
        raise BundleCheckFailed("The bundle was signed with a different key from the one its "
                                "manifest names.")
    checked = _check_files(manifest, attached)
    head = manifest.get("chain_head") or {}
    signed_at = (f"{long_day(status.signer_reported_dt)} at "
                 f"{status.signer_reported_dt:%H:%M} UTC") \
        if status.signer_reported_dt else "at an unrecorded time"
    return BundleCheck(fingerprint, int(head.get("seq", 0)), str(head.get("hash", "")),
                       str(head.get("check_code", "")), pages, checked, signed_at)


def _signature_bytes_are_exact(contents: object) -> bool:
    """The signature area holds the signature and zero padding, nothing else: padding bytes are
    outside what the signature covers, so a change there must still be caught."""
    if not isinstance(contents, bytes):
        return False
    try:
        _cls, _method, _tag, header, body, _trailer = asn1_parser.parse(contents)
    except ValueError:
        return False
    return not contents[len(header) + len(body):].strip(b"\x00")


def _read_attachments(data: bytes) -> tuple[dict[str, Any], dict[str, list[bytes]], int]:
    try:
        reader = PdfReader(io.BytesIO(data))
        attached = {name: list(items) for name, items in reader.attachments.items()}
        pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError):
        raise BundleCheckFailed(DAMAGED) from None
    raw = attached.get(MANIFEST_NAME)
    if not raw:
        raise BundleCheckFailed("The bundle has no manifest of its original files.")
    try:
        manifest = json.loads(raw[0].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleCheckFailed("The bundle's manifest cannot be read.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise BundleCheckFailed("The bundle's manifest is not one Casebook wrote.")
    if manifest.get("pages") != pages:
        raise BundleCheckFailed(f"The manifest says {manifest.get('pages')} pages but the file "
                                f"has {pages}.")
    return manifest, attached, pages


def _check_files(manifest: dict[str, Any], attached: dict[str, list[bytes]]) -> int:
    files = manifest.get("exhibits")
    if not isinstance(files, list):
        raise BundleCheckFailed("The bundle's manifest cannot be read.")
    for item in files:
        name = str(item.get("attachment", ""))
        number = item.get("number", "?")
        found = attached.get(name)
        if not found:
            raise BundleCheckFailed(f"The original file for exhibit {number} is missing from "
                                    f"the bundle.")
        blob = found[0]
        if len(blob) != item.get("size") or hashlib.sha256(blob).hexdigest() != item.get(
                "sha256"):
            raise BundleCheckFailed(f"The original file for exhibit {number} "
                                    f"({item.get('filename')}) does not match the manifest.")
    return len(files)
