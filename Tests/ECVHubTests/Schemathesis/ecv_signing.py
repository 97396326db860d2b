"""Signs every request schemathesis sends to the hub, as `ecv` signs them (docs/hub.md, "Every request is signed").

Loaded with SCHEMATHESIS_HOOKS=ecv_signing. The signature covers the bytes that go on the wire, so it is made at
the last moment, on the prepared request: POST /v1/keys with the office key (`@office`), every other request with
an enrolled office-role key. The keys come as base64 of their 32-byte Ed25519 seeds:
ECV_OFFICE_KEY, ECV_SENDER_KEY, and the sender's enrolled name in ECV_SENDER_NAME.
"""

import base64
import hashlib
import os
import secrets
import time

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def _key(variable):
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(os.environ[variable]))


OFFICE = _key("ECV_OFFICE_KEY")
SENDER = _key("ECV_SENDER_KEY")
SENDER_NAME = os.environ["ECV_SENDER_NAME"]

_send = requests.Session.send


def _signed_send(session, request, **kwargs):
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode()
    path = request.path_url
    if request.method == "POST" and path.split("?")[0] == "/v1/keys":
        name, key = "@office", OFFICE
    else:
        name, key = SENDER_NAME, SENDER
    signed_at = str(int(time.time()))
    nonce = secrets.token_hex(16)
    text = "ecv-request/1\n%s\n%s\n%s\n%s\n%s\n" % (
        request.method, path, signed_at, hashlib.sha256(body).hexdigest(), nonce)
    request.headers["ECV-Key"] = name
    request.headers["ECV-Time"] = signed_at
    request.headers["ECV-Nonce"] = nonce
    request.headers["ECV-Signature"] = base64.b64encode(key.sign(text.encode())).decode()
    return _send(session, request, **kwargs)


requests.Session.send = _signed_send
