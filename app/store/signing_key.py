"""The case's own signing key, made with the case, for signing evidence bundles.

Its private half never leaves the case: it is kept in the case's encrypted database and is
itself encrypted with a key derived from the case's database key, so a copy of the row alone
is useless. The certificate is self-signed; what makes it trustworthy is its fingerprint, written
to the audit log when the key is made and printed on every bundle's cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import NameOID

from app.store import audit
from app.store.case_details import CERT_META, SIGNING_SUBJECT, certificate_fingerprint
from app.store.db import Connection
from app.translation import _

__all__ = ["CERT_META", "KEY_META", "SigningIdentity", "certificate_fingerprint", "create", "load",
           "load_or_create"]
KEY_META = "bundle_signing_key"
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


def _password(case_id: str, db_key: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=case_id.encode("utf-8"),
                info=_KDF_INFO)
    return hkdf.derive(db_key).hex().encode("ascii")


def _new_identity(case_id: str) -> SigningIdentity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"Casebook bundle key {case_id[:12]}"),
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


def _stored(conn: Connection) -> dict[str, str]:
    rows = conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                        (KEY_META, CERT_META)).fetchall()
    return {str(k): str(v) for k, v in rows}


def load(conn: Connection, case_id: str, db_key: bytes) -> SigningIdentity | None:
    """The case's signing identity, or None if the case has none yet."""
    stored = _stored(conn)
    if KEY_META not in stored or CERT_META not in stored:
        return None
    key = serialization.load_pem_private_key(stored[KEY_META].encode("ascii"),
                                             password=_password(case_id, db_key))
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError(_("The case's signing key is not in the expected form."))
    return SigningIdentity(key, x509.load_pem_x509_certificate(stored[CERT_META].encode("ascii")))


def create(conn: Connection, case_id: str, db_key: bytes) -> SigningIdentity:
    """Make and keep the signing identity, logging its fingerprint (call in a transaction)."""
    identity = _new_identity(case_id)
    pem = identity.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_password(case_id, db_key)))
    cert_pem = identity.certificate.public_bytes(serialization.Encoding.PEM)
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                     [(KEY_META, pem.decode("ascii")), (CERT_META, cert_pem.decode("ascii"))])
    audit.append(conn, "signing-key-created", audit.CASE_EVENT, SIGNING_SUBJECT, None,
                 identity.fingerprint)
    return identity


def load_or_create(conn: Connection, case_id: str, db_key: bytes) -> SigningIdentity:
    """The case's signing identity on this computer; a case made before keys came with the
    case gets its key now, and the audit log records it (call in a transaction)."""
    return load(conn, case_id, db_key) or create(conn, case_id, db_key)
