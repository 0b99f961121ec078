from __future__ import annotations

import base64
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paroledesk.core.crypto import (
    FORMAT_VERSION,
    NONCE_BYTES,
    TAG_BYTES,
    DataKeys,
    DecryptionError,
    Keyring,
    blind_index,
    decode_key,
    decode_keys,
    key_id,
    new_key_text,
    open_sealed,
    seal,
)

KEY = bytes(range(32))
OTHER = bytes(range(1, 33))
CONTEXT = b"field:beneficiary.date_of_birth:row-1"


@given(st.binary(max_size=2048), st.binary(max_size=64))
def test_whatever_is_sealed_opens_to_the_same_bytes(plaintext: bytes, context: bytes) -> None:
    assert open_sealed(seal(plaintext, key=KEY, context=context), key=KEY, context=context) == (
        plaintext
    )


def test_an_envelope_is_version_key_id_nonce_ciphertext_and_tag() -> None:
    blob = seal(b"1988-03-14", key=KEY, context=CONTEXT)
    assert blob[0] == FORMAT_VERSION
    assert blob[1:5] == key_id(KEY)
    assert len(blob) == 1 + 4 + NONCE_BYTES + len(b"1988-03-14") + TAG_BYTES
    assert b"1988-03-14" not in blob


def test_sealing_the_same_value_twice_gives_different_envelopes() -> None:
    assert seal(b"P1234567", key=KEY, context=CONTEXT) != seal(
        b"P1234567", key=KEY, context=CONTEXT
    )


def test_an_envelope_moved_to_another_context_does_not_open() -> None:
    blob = seal(b"1988-03-14", key=KEY, context=b"document:1")
    with pytest.raises(DecryptionError, match="belongs to another record"):
        open_sealed(blob, key=KEY, context=b"document:2")


@pytest.mark.parametrize("position", [2, 5, 20, -1])
def test_an_envelope_changed_in_any_byte_does_not_open(position: int) -> None:
    blob = bytearray(seal(b"1988-03-14", key=KEY, context=CONTEXT))
    blob[position] ^= 0x01
    with pytest.raises(DecryptionError):
        open_sealed(bytes(blob), key=KEY, context=CONTEXT)


def test_an_envelope_sealed_with_another_key_says_so_by_its_key_id() -> None:
    blob = seal(b"x", key=OTHER, context=CONTEXT)
    with pytest.raises(DecryptionError, match=f"another key \\(id {key_id(OTHER).hex()}\\)"):
        open_sealed(blob, key=KEY, context=CONTEXT)


def test_a_value_too_short_or_of_an_unknown_version_is_refused_clearly() -> None:
    with pytest.raises(DecryptionError, match="too short"):
        open_sealed(b"\x01abc", key=KEY, context=CONTEXT)
    blob = b"\x02" + seal(b"x", key=KEY, context=CONTEXT)[1:]
    with pytest.raises(DecryptionError, match="unknown format version \\(2\\)"):
        open_sealed(blob, key=KEY, context=CONTEXT)


def test_a_key_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes, not 16"):
        seal(b"x", key=bytes(16), context=CONTEXT)


def test_a_blind_index_is_stable_hex_and_depends_on_key_and_purpose() -> None:
    index = blind_index("haidari|farid|1988-03-14", key=KEY, purpose="beneficiary.identity")
    assert index == blind_index("haidari|farid|1988-03-14", key=KEY, purpose="beneficiary.identity")
    assert len(index) == 64
    assert int(index, 16) >= 0
    assert index != blind_index(
        "haidari|farid|1988-03-14", key=OTHER, purpose="beneficiary.identity"
    )
    assert index != blind_index("haidari|farid|1988-03-14", key=KEY, purpose="passport")
    assert index != blind_index("haidari|farid|1988-03-15", key=KEY, purpose="beneficiary.identity")


def test_sub_keys_differ_from_each_other_and_from_the_master() -> None:
    keys = DataKeys.derive(KEY)
    assert len({keys.files, keys.fields, keys.index, KEY}) == 4
    assert DataKeys.derive(KEY) == keys
    assert DataKeys.derive(OTHER).files != keys.files


def test_a_file_sealed_with_the_file_key_does_not_open_with_the_field_key() -> None:
    ring = Keyring([KEY])
    blob = ring.seal(b"%PDF-1.7", use="files", context=b"document:1")
    with pytest.raises(DecryptionError, match="not configured"):
        ring.open(blob, use="fields", context=b"document:1")


def test_after_rotation_the_new_key_seals_and_the_old_one_still_opens() -> None:
    old_blob = Keyring([OTHER]).seal(b"1988-03-14", use="fields", context=CONTEXT)
    rotated = Keyring([KEY, OTHER])
    assert rotated.open(old_blob, use="fields", context=CONTEXT) == b"1988-03-14"
    assert not rotated.is_current(old_blob, use="fields")
    new_blob = rotated.seal(b"1988-03-14", use="fields", context=CONTEXT)
    assert rotated.is_current(new_blob, use="fields")
    assert Keyring([KEY]).open(new_blob, use="fields", context=CONTEXT) == b"1988-03-14"
    with pytest.raises(DecryptionError, match="not configured"):
        Keyring([KEY]).open(old_blob, use="fields", context=CONTEXT)


def test_during_rotation_a_search_covers_the_index_under_every_key() -> None:
    rotated = Keyring([KEY, OTHER])
    old_index = Keyring([OTHER]).blind_index("v", purpose="p")
    assert rotated.blind_index("v", purpose="p") != old_index
    assert rotated.blind_indexes("v", purpose="p") == [
        rotated.blind_index("v", purpose="p"),
        old_index,
    ]


def test_a_key_is_read_from_hex_or_base64_of_either_alphabet() -> None:
    raw = os.urandom(32)
    assert decode_key(raw.hex()) == raw
    assert decode_key(raw.hex().upper()) == raw
    assert decode_key(base64.b64encode(raw).decode()) == raw
    assert decode_key(base64.urlsafe_b64encode(raw).decode().rstrip("=")) == raw
    assert decode_key(new_key_text()) != decode_key(new_key_text())


@pytest.mark.parametrize(
    "text", ["", "not a key", "00" * 31, base64.b64encode(bytes(16)).decode(), "zz" * 32]
)
def test_a_malformed_key_is_refused_without_quoting_it(text: str) -> None:
    with pytest.raises(ValueError, match="must be 32 random bytes") as refused:
        decode_key(text)
    assert not text or text not in str(refused.value)


def test_several_keys_are_comma_separated_with_the_current_one_first() -> None:
    assert decode_keys(f"{KEY.hex()}, {OTHER.hex()}") == [KEY, OTHER]
    with pytest.raises(ValueError, match="key 2 must be 32 random bytes"):
        decode_keys(f"{KEY.hex()},nonsense")
    with pytest.raises(ValueError, match="same key twice"):
        decode_keys(f"{KEY.hex()},{base64.b64encode(KEY).decode()}")
