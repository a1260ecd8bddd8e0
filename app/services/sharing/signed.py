"""Each change file is signed by the computer that wrote it, with that computer's own key (the
one its bundles are signed with). Every computer sharing the case holds the case's key, so the
folder's sealing alone cannot tell one computer from another; the signature can: a removed
computer cannot pass its changes off as another's, and the case check can say who made what."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from app.store.case_details import certificate_fingerprint
from app.store.signing_key import SigningIdentity


def sign(identity: SigningIdentity, inner: dict[str, Any]) -> dict[str, Any]:
    """A change file's payload, signed: the exact text signed, the certificate, the signature."""
    text = json.dumps(inner, ensure_ascii=False, separators=(",", ":"))
    signature = identity.key.sign(text.encode("utf-8"), ec.ECDSA(hashes.SHA256()))
    return {"inner": text,
            "certificate": identity.certificate.public_bytes(
                serialization.Encoding.PEM).decode("ascii"),
            "signature": base64.b64encode(signature).decode("ascii")}


def opened(outer: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
    """A signed payload's contents and its signer's certificate fingerprint, or None when the
    signature does not check (or anything in it is malformed)."""
    try:
        text, pem, signature = outer["inner"], outer["certificate"], outer["signature"]
        cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
        key = cert.public_key()
        if not isinstance(key, ec.EllipticCurvePublicKey):
            return None
        key.verify(base64.b64decode(signature, validate=True), text.encode("utf-8"),
                   ec.ECDSA(hashes.SHA256()))
        inner = json.loads(text)
    except (KeyError, TypeError, ValueError, UnicodeError, binascii.Error, InvalidSignature):
        return None
    if not isinstance(inner, dict):
        return None
    return inner, certificate_fingerprint(cert.public_bytes(serialization.Encoding.DER))
