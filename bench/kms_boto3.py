"""The kms-envelope-encryption lab's steps as a boto3 script, call for call (23 calls on moto):
two tagged keys and an alias; Encrypt/Decrypt with an encryption context; 4096 bytes accepted
and 4097 refused; GenerateDataKey, 1 MiB sealed locally with AES-GCM and recovered after
Decrypt of the encrypted data key alone; a wrong context refused; rotation, and on-demand rotation where the target has key material ids; DisableKey and
Encrypt with the disabled key; ScheduleKeyDeletion; then the lab's teardown (newest first).

Usage: AWS_ENDPOINT_URL=http://127.0.0.1:PORT python kms_boto3.py
Prints one JSON line: its own timings (import, API, local crypto) for the benchmark's split.
A check that fails exits 1, as a failed lab assertion would.
"""
import time

started = time.perf_counter()

import datetime  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import secrets  # noqa: E402
import sys  # noqa: E402

import boto3  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

LAB = "kms-envelope-encryption"
run_id = secrets.token_hex(4)
name = f"labs-{LAB}-{run_id}"
context = {"labs:run-id": run_id, "purpose": "envelope-demo"}
expires = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
tags = [{"TagKey": "labs:run-id", "TagValue": run_id}, {"TagKey": "labs:lab", "TagValue": LAB},
        {"TagKey": "labs:expires-at", "TagValue": expires}]

kms = boto3.client("kms", region_name=os.environ.get("AWS_REGION", "us-east-1"),
                   aws_access_key_id="test", aws_secret_access_key="test")
imported = time.perf_counter()

api_seconds = 0.0
api_calls = 0
local_seconds = 0.0


def call(operation, **params):
    """One KMS call, timed; returns the response or the ClientError it raised."""
    global api_seconds, api_calls
    t0 = time.perf_counter()
    try:
        return getattr(kms, operation)(**params)
    except ClientError as e:
        return e
    finally:
        api_seconds += time.perf_counter() - t0
        api_calls += 1


def check(what, ok):
    if not ok:
        print(f"check failed: {what}", file=sys.stderr)
        sys.exit(1)


def error_code(response):
    return response.response["Error"]["Code"] if isinstance(response, ClientError) else None


# provision
main = call("create_key", Description=f"{name}-main", Tags=tags)["KeyMetadata"]
alias = f"alias/{name}"
call("create_alias", AliasName=alias, TargetKeyId=main["KeyId"])
retiring = call("create_key", Description=f"{name}-retiring", Tags=tags)["KeyMetadata"]

# direct-round-trip
secret = f"db-password-{run_id}".encode()
enc = call("encrypt", KeyId=alias, Plaintext=secret, EncryptionContext=context)
check("ciphertext differs from plaintext", enc["CiphertextBlob"] != secret)
dec = call("decrypt", CiphertextBlob=enc["CiphertextBlob"], EncryptionContext=context)
check("decrypted bytes", dec["Plaintext"] == secret)
check("key reported by Decrypt", dec["KeyId"] == main["Arn"])

# direct-limit-4096-bytes
call("encrypt", KeyId=main["KeyId"], Plaintext=bytes(4096))
check("4097 bytes refused", error_code(call("encrypt", KeyId=main["KeyId"], Plaintext=bytes(4097))) == "ValidationException")

# envelope-round-trip
payload = os.urandom(1024 * 1024)
data_key = call("generate_data_key", KeyId=main["KeyId"], KeySpec="AES_256", EncryptionContext=context)
t0 = time.perf_counter()
iv = os.urandom(12)
sealed = iv + AESGCM(data_key["Plaintext"]).encrypt(iv, payload, None)
local_seconds += time.perf_counter() - t0
check("sealed payload differs from the original", sealed[12:76] != payload[:64])
unwrapped = call("decrypt", CiphertextBlob=data_key["CiphertextBlob"], EncryptionContext=context)
t0 = time.perf_counter()
recovered = AESGCM(unwrapped["Plaintext"]).decrypt(sealed[:12], sealed[12:], None)
local_seconds += time.perf_counter() - t0
check("recovered payload is byte-identical", recovered == payload)

# context-mismatch-rejected
wrong = call("decrypt", CiphertextBlob=enc["CiphertextBlob"], EncryptionContext={"labs:run-id": run_id, "purpose": "other"})
check("wrong context refused", error_code(wrong) == "InvalidCiphertextException")

# rotation-enabled
call("enable_key_rotation", KeyId=main["KeyId"])
check("rotation enabled", call("get_key_rotation_status", KeyId=main["KeyId"])["KeyRotationEnabled"])

# on-demand-rotation-keeps-old-ciphertext (moto keys have no CurrentKeyMaterialId: the lab stops there, a known gap)
before_rotation = call("encrypt", KeyId=main["KeyId"], Plaintext=secret, EncryptionContext=context)
material = call("describe_key", KeyId=main["KeyId"])["KeyMetadata"].get("CurrentKeyMaterialId")
if material is not None:
    call("rotate_key_on_demand", KeyId=main["KeyId"])
    while call("describe_key", KeyId=main["KeyId"])["KeyMetadata"].get("CurrentKeyMaterialId") == material:
        time.sleep(10)
    old = call("decrypt", CiphertextBlob=before_rotation["CiphertextBlob"], EncryptionContext=context)
    check("old ciphertext decrypts after rotation", old["Plaintext"] == secret)

# disabled-key-refuses-encrypt (moto encrypts anyway: the lab reports that as a known gap)
call("disable_key", KeyId=retiring["KeyId"])
check("key disabled", call("describe_key", KeyId=retiring["KeyId"])["KeyMetadata"]["KeyState"] == "Disabled")
call("encrypt", KeyId=retiring["KeyId"], Plaintext=secret)

# deletion-is-scheduled
before = datetime.datetime.now(datetime.timezone.utc)
call("schedule_key_deletion", KeyId=retiring["KeyId"], PendingWindowInDays=7)
meta = call("describe_key", KeyId=retiring["KeyId"])["KeyMetadata"]
check("pending deletion", meta["KeyState"] == "PendingDeletion")
check("deletion about 7 days away", abs((meta["DeletionDate"] - before) - datetime.timedelta(days=7)) <= datetime.timedelta(hours=3))

# teardown, newest first: a key already pending deletion counts as gone
for key in (retiring, None, main):
    if key is None:
        call("delete_alias", AliasName=alias)
    elif call("describe_key", KeyId=key["KeyId"])["KeyMetadata"]["KeyState"] != "PendingDeletion":
        call("schedule_key_deletion", KeyId=key["KeyId"], PendingWindowInDays=7)

finished = time.perf_counter()
print(json.dumps({"importMs": round((imported - started) * 1000), "apiMs": round(api_seconds * 1000),
                  "apiCalls": api_calls, "localCryptoMs": round(local_seconds * 1000),
                  "totalMs": round((finished - started) * 1000)}))
