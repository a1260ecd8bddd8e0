"""Signing a finished bundle (PAdES) with the case's own key (see app/store/signing_key)."""

from __future__ import annotations

import io

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers import PdfSignatureMetadata
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.services.bundles.quiet import quiet_pdf_libraries
from app.store import signing_key
from app.store.case import Case
from app.store.signing_key import SigningIdentity

FIELD_NAME = "CasebookSignature"


def signing_identity(case: Case) -> SigningIdentity:
    """The case's signing identity. A case made before keys came with the case gets its key
    now (and the audit log records it)."""
    with case.transaction() as tx:
        return signing_key.load_or_create(tx.conn, case.case_id, case.db_key)


def sign_pdf(pdf: bytes, identity: SigningIdentity, reason: str) -> bytes:
    """Sign the whole file (PAdES baseline, certifying: no later changes allowed)."""
    cert = asn1_x509.Certificate.load(identity.certificate_der)
    key = asn1_keys.PrivateKeyInfo.load(identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    # The certificate travels once, as the signer's; a second copy would be bytes inside the
    # signature that nothing checks.
    signer = signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                  cert_registry=SimpleCertificateStore())  # type: ignore[no-untyped-call]
    meta = PdfSignatureMetadata(field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES,
                                md_algorithm="sha256", reason=reason, certify=True,
                                docmdp_permissions=fields.MDPPerm.NO_CHANGES)
    with quiet_pdf_libraries():
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out = signers.sign_pdf(writer, meta, signer=signer)
    return bytes(out.getvalue())
