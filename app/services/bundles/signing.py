"""The case's own signing key, and signing a finished bundle with it (PAdES).

The key is made the first time a bundle is built. Its private half never leaves the case: it is
kept in the case's encrypted database, and is itself encrypted with a key derived from the
case's database key, so a copy of the row alone is useless. The certificate is self-signed; what
makes it trustworthy is its fingerprint, printed on every bundle's cover and written to the
case's audit log when the key was made.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers import PdfSignatureMetadata
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.services.bundles.quiet import quiet_pdf_libraries
from app.store.case import Case

KEY_META = "bundle_signing_key"
CERT_META = "bundle_signing_cert"
FIELD_NAME = "CasebookSignature"
_KDF_INFO = b"casebook bundle signing key v1"


@dataclass(frozen=True)
class SigningIdentity:
    """The case's signing key and its self-signed certificate."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def certificate_der(self) -> bytes:
        """The certificate in DER form."""
        return self.certificate.public_bytes(serialization.Encoding.DER)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate, in hex: what the cover prints and verify reports."""
        return certificate_fingerprint(self.certificate_der)


def certificate_fingerprint(der: bytes) -> str:
    """SHA-256 hex of a DER certificate."""
    return hashlib.sha256(der).hexdigest()


def _password(case: Case) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=case.case_id.encode("utf-8"),
                info=_KDF_INFO)
    return hkdf.derive(case.db_key).hex().encode("ascii")


def _new_identity(case: Case) -> SigningIdentity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"Casebook bundle key {case.case_id[:12]}"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Casebook"),
    ])
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=365 * 50))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(key, certificate)


def signing_identity(case: Case) -> SigningIdentity:
    """The case's signing identity, made (and recorded in the audit log) the first time."""
    with case.transaction() as conn:
        stored_key, stored_cert = case.meta(KEY_META), case.meta(CERT_META)
        if stored_key and stored_cert:
            key = serialization.load_pem_private_key(stored_key.encode("ascii"),
                                                     password=_password(case))
            if not isinstance(key, ec.EllipticCurvePrivateKey):
                raise ValueError("The case's signing key is not in the expected form.")
            return SigningIdentity(key, x509.load_pem_x509_certificate(
                stored_cert.encode("ascii")))
        identity = _new_identity(case)
        pem = identity.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(_password(case)))
        cert_pem = identity.certificate.public_bytes(serialization.Encoding.PEM)
        # The meta table lives inside the encrypted database; the key is encrypted again.
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                         [(KEY_META, pem.decode("ascii")), (CERT_META, cert_pem.decode("ascii"))])
        case.log_case_event("signing-key-created", "bundle-signing-key", identity.fingerprint)
        return identity


def sign_pdf(pdf: bytes, identity: SigningIdentity, reason: str) -> bytes:
    """Sign the whole file (PAdES baseline, certifying: no later changes allowed)."""
    cert = asn1_x509.Certificate.load(identity.certificate_der)
    key = asn1_keys.PrivateKeyInfo.load(identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                  cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
                                      [cert]))
    meta = PdfSignatureMetadata(field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES,
                                md_algorithm="sha256", reason=reason, certify=True,
                                docmdp_permissions=fields.MDPPerm.NO_CHANGES)
    with quiet_pdf_libraries():
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out = signers.sign_pdf(writer, meta, signer=signer)
    return bytes(out.getvalue())
