"""Checking a bundle: the signature covers every byte, and every original file matches.

Anyone can run this on a bundle they were given. It needs nothing from the case: the signer's
certificate travels inside the signature, and its fingerprint is compared with the one the
signed manifest names (and, by eye, with the one printed on the cover).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from asn1crypto import cms
from asn1crypto import parser as asn1_parser
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from app.formats import long_day
from app.problems import Problem
from app.services.bundles.quiet import quiet_pdf_libraries
from app.store.case_details import certificate_fingerprint
from app.translation import _

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

    def files_line(self) -> str:
        """What the check of the attached originals found, in words that fit the count."""
        if self.files_checked == 0:
            return _("It holds no original files to check.")
        if self.files_checked == 1:
            return _("Its one original file matches the list it was signed with.")
        return _("All {files_checked} original files match the list they were signed "
                 "with.").format(files_checked=self.files_checked)

    def lines(self) -> list[str]:
        """The result for a person, a line each."""
        return [
            _("The bundle checks out: it has not been changed since it was signed."),
            _("The signature covers the whole file ({pages} pages), signed {signed_at}.").format(
                pages=self.pages, signed_at=self.signed_at
            ),
            self.files_line(),
            _("Signing key fingerprint: {signer_fingerprint}").format(
                signer_fingerprint=self.signer_fingerprint
            ),
            _("Audit chain head: event {chain_seq}, {chain_head} (check code {check_code})").format(
                chain_seq=self.chain_seq, chain_head=self.chain_head, check_code=self.check_code
            ),
        ]


DAMAGED = _("This file is damaged or is not a Casebook bundle.")
UNREADABLE = _("The signature could not be read: the file has been changed or damaged.")
CHANGED_AREA = (_("The bundle has been changed since it was signed: the signature area holds "
                  "bytes that are not part of the signature."))
_HEX_STRING = re.compile(rb"<([0-9A-F]*)>")
# The signed attributes of a Casebook signature: content type, message digest and the
# signing certificate (v2), by object identifier.
_SIGNED_ATTRIBUTES = ("1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4",
                      "1.2.840.113549.1.9.16.2.47")


def verify_bundle(data: bytes) -> BundleCheck:
    """Check a bundle's signature and attached originals; BundleCheckFailed if anything is off."""
    with quiet_pdf_libraries():
        return _verify(data)


def _verify(data: bytes) -> BundleCheck:
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - a crafted file can break the PDF reader in any way
        raise BundleCheckFailed(DAMAGED) from None
    if not signatures:
        raise BundleCheckFailed(_("This PDF has no Casebook signature, so it cannot be checked."))
    if len(signatures) != 1:
        # Casebook signs once, forbidding changes; a second signature means someone added a
        # revision (perhaps with their own key) after it was signed.
        raise BundleCheckFailed(_("The bundle has been changed since Casebook signed it: someone "
                                  "added to it and signed it again."))
    signature = signatures[0]
    _check_signature_area(data, signature)
    try:
        signer = signature.signer_cert
        context = ValidationContext(trust_roots=[signer], allow_fetching=False)
        status = validate_pdf_signature(signature, context)
    except Exception:  # noqa: BLE001 - a crafted file can break the validator in any way
        raise BundleCheckFailed(UNREADABLE) from None
    if not status.intact:
        raise BundleCheckFailed(_("The bundle has been changed since it was signed: its contents "
                                  "no longer match the signature."))
    if not status.valid:
        raise BundleCheckFailed(_("The signature itself is not valid, so the bundle cannot be "
                                  "trusted."))
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise BundleCheckFailed(_("Something was added to the file after it was signed."))
    fingerprint = certificate_fingerprint(signer.dump())
    carried = [choice.chosen.dump() for choice in signature.signed_data["certificates"] or ()]
    if any(der != signer.dump() for der in carried):
        # Casebook puts only its own certificate in the signature; anything else is a change.
        raise BundleCheckFailed(_("The bundle has been changed since it was signed: the signature "
                                  "carries a certificate Casebook did not put there."))
    manifest, attached, pages = _read_attachments(data)
    if manifest.get("signer_fingerprint") != fingerprint:
        raise BundleCheckFailed(_("The bundle was signed with a different key from the one its "
                                  "manifest names."))
    checked = _check_files(manifest, attached)
    head = manifest.get("chain_head") or {}
    signed_at = _("{day} at {time} UTC").format(
        day=long_day(status.signer_reported_dt), time=f"{status.signer_reported_dt:%H:%M}") \
        if status.signer_reported_dt else _("at an unrecorded time")
    return BundleCheck(fingerprint, int(head.get("seq", 0)), str(head.get("hash", "")),
                       str(head.get("check_code", "")), pages, checked, signed_at)


def _check_signature_area(data: bytes, signature: Any) -> None:
    """The bytes the signature does not cover must be exactly what Casebook writes there.

    The signature covers the whole file except its own `/Contents` string. So that string must
    be `<`, the DER of the signature in upper-case hex (as pyHanko writes it), zero padding and
    `>`, nothing else; and the CMS inside must hold no more than Casebook put in it, because
    its unsigned parts (the list of digest algorithms, say) could change without breaking it.
    """
    byte_range = signature.sig_object.get("/ByteRange")
    if not (isinstance(byte_range, list) and len(byte_range) == 4
            and all(isinstance(n, int) for n in byte_range)):
        raise BundleCheckFailed(UNREADABLE)
    start, first, gap_end, second = byte_range
    if start != 0 or not 0 < first < gap_end or gap_end + second != len(data):
        raise BundleCheckFailed(_("Something was added to the file after it was signed."))
    written = _HEX_STRING.fullmatch(data[first:gap_end])
    if written is None or len(written[1]) % 2:
        raise BundleCheckFailed(CHANGED_AREA)
    contents = bytes.fromhex(written[1].decode("ascii"))
    try:
        _cls, _method, _tag, header, body, _trailer = asn1_parser.parse(contents)
    except ValueError:
        raise BundleCheckFailed(CHANGED_AREA) from None
    der = contents[:len(header) + len(body)]
    if contents[len(der):].strip(b"\x00") or contents != signature.sig_object.get("/Contents"):
        raise BundleCheckFailed(CHANGED_AREA)
    problem = _cms_problem(der)
    if problem:
        raise BundleCheckFailed(
            _("The bundle has been changed since it was signed: {problem}.").format(problem=problem)
        )


def _cms_problem(der: bytes) -> str | None:
    """What, if anything, the signature holds that Casebook's signatures never do."""
    try:
        info = cms.ContentInfo.load(der, strict=True)
        if not _minimal_lengths(der) or info["content_type"].native != "signed_data":
            return _("the signature is not encoded as Casebook encodes it")
        signed = info["content"]
        signers = list(signed["signer_infos"])
        if len(signers) == 1 and not _canonical(
                signed["version"], signed["digest_algorithms"], signed["encap_content_info"],
                signers[0]["version"], signers[0]["sid"], signers[0]["digest_algorithm"],
                signers[0]["signature_algorithm"]):
            return _("the signature is not encoded as Casebook encodes it")
        algorithms = [a.dump() for a in signed["digest_algorithms"]]
        if len(signers) != 1:
            return _("the signature names more than one signer")
        only = signers[0]
        if signed["version"].native != "v1" or only["version"].native != "v1":
            return _("the signature is not encoded as Casebook encodes it")
        if algorithms != [only["digest_algorithm"].dump()]:
            return _("the signature lists a digest method its signer did not use")
        attributes = [a["type"].dotted for a in only["signed_attrs"]]
        if sorted(attributes) != sorted(_SIGNED_ATTRIBUTES) \
                or any(len(a["values"]) != 1 for a in only["signed_attrs"]):
            return _("the signature holds details Casebook did not write")
        if only["unsigned_attrs"].native is not None or signed["crls"].native is not None:
            return _("something was added to the signature")
        encapsulated = signed["encap_content_info"]
        if encapsulated["content_type"].native != "data" or encapsulated["content"].native:
            return _("the signature holds content of its own")
    except (ValueError, TypeError, KeyError):
        return _("the signature is not encoded as Casebook encodes it")
    return None


def _minimal_lengths(der: bytes) -> bool:
    """Every length in the encoding is written the one way DER allows (shortest form, never
    indefinite), so no element can be re-spelt without the bytes showing it."""
    pending = [(0, len(der))]
    while pending:
        start, end = pending.pop()
        while start < end:
            first = der[start + 1] if start + 1 < end else 0x80
            _cls, method, _tag, header, body, _trailer = asn1_parser.parse(der[start:end])
            if first == 0x80 or (first > 0x80 and (der[start + 2] == 0 or len(body) < 0x80)):
                return False
            if method == 1:  # constructed: look inside
                pending.append((start + len(header), start + len(header) + len(body)))
            start += len(header) + len(body)
    return True


def _canonical(*parts: Any) -> bool:
    """Each of these parts of the signature, which it does not sign, is in canonical DER."""
    for part in parts:
        written = part.dump()
        if part.dump(force=True) != written:
            return False
    return True


def _read_attachments(data: bytes) -> tuple[dict[str, Any], dict[str, list[bytes]], int]:
    try:
        reader = PdfReader(io.BytesIO(data))
        attached = {name: list(items) for name, items in reader.attachments.items()}
        pages = len(reader.pages)
    except Exception:  # noqa: BLE001 - a crafted file can break the PDF reader in any way
        raise BundleCheckFailed(DAMAGED) from None
    raw = attached.get(MANIFEST_NAME)
    if not raw:
        raise BundleCheckFailed(_("The bundle has no manifest of its original files."))
    try:
        manifest = json.loads(raw[0].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleCheckFailed(_("The bundle's manifest cannot be read.")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise BundleCheckFailed(_("The bundle's manifest is not one Casebook wrote."))
    if manifest.get("pages") != pages:
        raise BundleCheckFailed(
            _("The manifest says {0} pages but the file has {pages}.").format(
                manifest.get("pages"), pages=pages
            )
        )
    return manifest, attached, pages


def _check_files(manifest: dict[str, Any], attached: dict[str, list[bytes]]) -> int:
    files = manifest.get("exhibits")
    if not isinstance(files, list):
        raise BundleCheckFailed(_("The bundle's manifest cannot be read."))
    if not all(isinstance(item, dict) for item in files):
        raise BundleCheckFailed(_("The bundle's manifest cannot be read."))
    for item in files:
        name = str(item.get("attachment", ""))
        number = item.get("number", "?")
        found = attached.get(name)
        if not found:
            raise BundleCheckFailed(
                _("The original file for exhibit {number} is missing from the bundle.").format(
                    number=number
                )
            )
        blob = found[0]
        if len(blob) != item.get("size") or hashlib.sha256(blob).hexdigest() != item.get(
                "sha256"):
            raise BundleCheckFailed(
                _(
                    "The original file for exhibit {number} ({0}) does not match the manifest."
                ).format(item.get("filename"), number=number)
            )
    return len(files)
