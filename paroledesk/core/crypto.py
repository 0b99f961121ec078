"""Encryption at rest: AES-256-GCM envelopes, keyed blind indexes, sub-keys from one master key.

Plain Python on the `cryptography` package, no Django, so the format can be
read and tested on its own. An envelope is laid out as

    version (1 byte) | key id (4) | nonce (12) | ciphertext | tag (16)

The version and key id are authenticated together with the caller's context
(associated data such as b"document:42"), so a blob moved to another row, or
with its header edited, does not decrypt. See docs/security.md.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
KEY_BYTES = 32
KEY_ID_BYTES = 4
NONCE_BYTES = 12
TAG_BYTES = 16
_HEADER_BYTES = 1 + KEY_ID_BYTES
_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
# Bumping a label gives every sub-key a new value: only with a migration of the data.
_SUB_KEY_LABEL = b"paroledesk/v1/"

Use = Literal["files", "fields"]


class DecryptionError(ValueError):
    """A sealed value that cannot be opened; the message says why, never what it holds."""


def _checked(key: bytes) -> bytes:
    if len(key) != KEY_BYTES:
        raise ValueError(f"An encryption key must be {KEY_BYTES} bytes, not {len(key)}.")
    return key


@functools.lru_cache(maxsize=16)  # few keys, asked for on every value sealed
def key_id(key: bytes) -> bytes:
    """A short name for a key, stored in each envelope so the right key can be found.

    It is a keyed hash of the key itself, so it tells an attacker nothing about the key.
    """
    return hmac.new(_checked(key), b"paroledesk key id", hashlib.sha256).digest()[:KEY_ID_BYTES]


def seal(plaintext: bytes, *, key: bytes, context: bytes) -> bytes:
    """Encrypt and authenticate plaintext, bound to context; a fresh random nonce each time."""
    header = bytes([FORMAT_VERSION]) + key_id(key)
    # 96 random bits per message: safe for far more messages than one key will ever seal.
    nonce = os.urandom(NONCE_BYTES)
    return header + nonce + _cipher(key).encrypt(nonce, plaintext, header + context)


@functools.lru_cache(maxsize=16)
def _cipher(key: bytes) -> AESGCM:
    return AESGCM(_checked(key))


def sealed_key_id(blob: bytes) -> bytes:
    """The id of the key that sealed blob; DecryptionError if blob is not an envelope."""
    if len(blob) < _HEADER_BYTES + NONCE_BYTES + TAG_BYTES:
        raise DecryptionError("The value is too short to be an encrypted envelope.")
    if blob[0] != FORMAT_VERSION:
        raise DecryptionError(f"The envelope has an unknown format version ({blob[0]}).")
    return bytes(blob[1:_HEADER_BYTES])


def open_sealed(blob: bytes, *, key: bytes, context: bytes) -> bytes:
    """The plaintext of blob, if key sealed it for this very context and nothing was altered."""
    found = sealed_key_id(blob)
    if found != key_id(key):
        raise DecryptionError(f"The envelope was sealed with another key (id {found.hex()}).")
    header = bytes(blob[:_HEADER_BYTES])
    nonce = bytes(blob[_HEADER_BYTES : _HEADER_BYTES + NONCE_BYTES])
    body = bytes(blob[_HEADER_BYTES + NONCE_BYTES :])
    try:
        return _cipher(key).decrypt(nonce, body, header + context)
    except InvalidTag:
        raise DecryptionError(
            "The envelope does not open: it was altered, or it belongs to another record."
        ) from None


def blind_index(value: str, *, key: bytes, purpose: str) -> str:
    """A keyed hash of value for equality search on encrypted data (HMAC-SHA256, hex).

    Without the key the index cannot be computed, so guessing a birth date and
    comparing is not possible from the database alone. The purpose keeps indexes
    made for different things from ever matching each other.
    """
    if "\x00" in purpose:
        raise ValueError("A blind index purpose cannot contain NUL.")
    message = purpose.encode() + b"\x00" + value.encode()
    return hmac.digest(_checked(key), message, "sha256").hex()


def _sub_key(master: bytes, label: bytes) -> bytes:
    hkdf = HKDF(algorithm=SHA256(), length=KEY_BYTES, salt=None, info=_SUB_KEY_LABEL + label)
    return hkdf.derive(_checked(master))


@dataclass(frozen=True)
class DataKeys:
    """The sub-keys of one master key: one per use, so no key serves two purposes."""

    files: bytes
    fields: bytes
    index: bytes

    @classmethod
    def derive(cls, master: bytes) -> DataKeys:
        return cls(
            files=_sub_key(master, b"files"),
            fields=_sub_key(master, b"fields"),
            index=_sub_key(master, b"blind-index"),
        )


class Keyring:
    """The master keys in force: the first seals and indexes, every one still opens.

    Rotating keys is putting a new key first and keeping the old ones after it
    until everything has been sealed again (docs/security.md).
    """

    def __init__(self, masters: Sequence[bytes]) -> None:
        if not masters:
            raise ValueError("A keyring needs at least one key.")
        self._all = [DataKeys.derive(master) for master in masters]
        self.current = self._all[0]
        self._by_id: dict[Use, dict[bytes, bytes]] = {
            use: {key_id(getattr(keys, use)): getattr(keys, use) for keys in self._all}
            for use in ("files", "fields")
        }

    def seal(self, plaintext: bytes, *, use: Use, context: bytes) -> bytes:
        return seal(plaintext, key=getattr(self.current, use), context=context)

    def open(self, blob: bytes, *, use: Use, context: bytes) -> bytes:
        found = sealed_key_id(blob)
        key = self._by_id[use].get(found)
        if key is None:
            raise DecryptionError(
                f"The envelope was sealed with a key that is not configured (id {found.hex()})."
            )
        return open_sealed(blob, key=key, context=context)

    def is_current(self, blob: bytes, *, use: Use) -> bool:
        return sealed_key_id(blob) == key_id(getattr(self.current, use))

    def blind_index(self, value: str, *, purpose: str) -> str:
        return blind_index(value, key=self.current.index, purpose=purpose)

    def blind_indexes(self, value: str, *, purpose: str) -> list[str]:
        """The index of value under every key, so a search still finds rows not yet re-indexed."""
        return [blind_index(value, key=keys.index, purpose=purpose) for keys in self._all]


_KEY_FORMAT = "must be 32 random bytes written as 64 hex digits or in base64"


def decode_key(text: str) -> bytes:
    """A 32-byte key from its hex or base64 spelling; ValueError (never quoting it) if malformed."""
    text = text.strip()
    if _HEX_KEY.fullmatch(text):
        return bytes.fromhex(text)
    standard = text.replace("-", "+").replace("_", "/")
    try:
        raw = base64.b64decode(standard + "=" * (-len(standard) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{_KEY_FORMAT}.") from None
    if len(raw) != KEY_BYTES:
        raise ValueError(f"{_KEY_FORMAT}; this one is {len(raw)} bytes long.")
    return raw


def decode_keys(text: str) -> list[bytes]:
    """Comma-separated keys, the current one first; the rest only open older data."""
    parts = [part for part in (piece.strip() for piece in text.split(",")) if part]
    if not parts:
        raise ValueError(f"{_KEY_FORMAT}.")
    keys: list[bytes] = []
    for position, part in enumerate(parts, start=1):
        try:
            keys.append(decode_key(part))
        except ValueError as error:
            prefix = f"key {position} " if len(parts) > 1 else ""
            raise ValueError(f"{prefix}{error}") from None
    if len(set(keys)) != len(keys):
        raise ValueError("lists the same key twice.")
    return keys


def new_key_text() -> str:
    """A fresh random master key, in base64."""
    return base64.b64encode(os.urandom(KEY_BYTES)).decode()
