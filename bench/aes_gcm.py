"""AES-256-GCM for the AWS CLI peer, which has no local cipher of its own (openssl enc refuses
GCM): `seal KEY_B64 IN OUT` writes IV || ciphertext || tag; `open KEY_B64 IN OUT` reverses it."""
import base64
import os
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

mode, key_b64, source, target = sys.argv[1:5]
key = base64.b64decode(key_b64)
data = open(source, "rb").read()
if mode == "seal":
    iv = os.urandom(12)
    out = iv + AESGCM(key).encrypt(iv, data, None)
else:
    out = AESGCM(key).decrypt(data[:12], data[12:], None)
open(target, "wb").write(out)
