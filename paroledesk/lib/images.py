"""Photos without what they say about where and when they were taken.

A phone photo of a person in danger can carry the GPS position it was taken
at, the time, the phone, and a thumbnail of the picture before any cropping.
``without_metadata`` keeps an image's pixels byte for byte (nothing is decoded
and encoded again, so nothing is lost) and drops every block that is not
needed to show it:

- JPEG: every APPn and comment segment (EXIF and its thumbnail, XMP, IPTC,
  maker notes, multi-picture data), except the JFIF header, the colour
  profile (ICC) and Adobe's colour transform, which change how it looks;
- PNG: every chunk but those that make up the picture and its colours (text,
  eXIf, time and unknown private chunks go);
- in both, anything after the image's end (a video of a "motion photo", or a
  file appended to hide it).

The photo's orientation is kept: if the camera recorded one, it is written
back as a new EXIF block holding that tag alone, so the photo still shows
upright.
"""

from __future__ import annotations

import io
import zlib

from PIL import Image

from paroledesk.core.codes import ErrorCode
from paroledesk.lib.files import UploadRefused

_ORIENTATION = 0x0112
_EXIF_HEADER = b"Exif\x00\x00"
_DAMAGED = "This image is damaged or incomplete and cannot be shown. Save it again and upload it."

# JPEG markers: APPn segments kept when they begin with these identifiers.
_SOI, _EOI, _SOS, _APP1, _COM = 0xD8, 0xD9, 0xDA, 0xE1, 0xFE
_KEPT_APP = {0xE0: b"JFIF\x00", 0xE2: b"ICC_PROFILE\x00", 0xEE: b"Adobe"}
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM and the restart markers

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEPT = frozenset(
    {
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT",
        b"sRGB", b"cICP", b"mDCV", b"cLLI", b"bKGD", b"hIST", b"pHYs", b"sPLT",
        b"acTL", b"fcTL", b"fdAT",
    }
)  # fmt: skip


def _damaged() -> UploadRefused:
    return UploadRefused(ErrorCode.UNSUPPORTED_FILE_TYPE, _DAMAGED)


def _orientation_exif(data: bytes) -> bytes | None:
    """An EXIF block (with its "Exif" header) holding only the photo's orientation, if
    it was turned; None for an upright photo or one without EXIF."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            orientation = image.getexif().get(_ORIENTATION)
    except Exception:  # an unreadable EXIF block is dropped like any other
        return None
    if not isinstance(orientation, int) or not 2 <= orientation <= 8:
        return None
    exif = Image.Exif()
    exif[_ORIENTATION] = orientation
    block = exif.tobytes()
    return block if block.startswith(_EXIF_HEADER) else _EXIF_HEADER + block


def _jpeg_segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload


def _entropy_end(data: bytes, start: int) -> int:
    """Where the compressed data of a scan ends: at the first marker that is not a
    stuffed 0xFF00 or a restart marker."""
    at = start
    while (at := data.find(b"\xff", at)) != -1 and at + 1 < len(data):
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            at += 2
            continue
        return at  # a marker, perhaps after fill bytes
    raise _damaged()


def _jpeg(data: bytes) -> bytes:
    kept = [b"\xff\xd8"]
    at = 2
    while True:
        if at >= len(data) or data[at] != 0xFF:
            raise _damaged()
        while at < len(data) and data[at] == 0xFF:  # fill bytes before a marker
            at += 1
        if at >= len(data):
            raise _damaged()
        marker = data[at]
        at += 1
        if marker == _EOI:
            kept.append(b"\xff\xd9")
            break  # anything after the end is dropped
        if marker in _STANDALONE or marker == _SOI:
            raise _damaged()  # outside a scan, neither may appear
        length = int.from_bytes(data[at : at + 2], "big")
        if length < 2 or at + length > len(data):
            raise _damaged()
        payload = data[at + 2 : at + length]
        at += length
        if 0xE0 <= marker <= 0xEF or marker == _COM:
            identifier = _KEPT_APP.get(marker)
            if identifier is not None and payload.startswith(identifier):
                kept.append(_jpeg_segment(marker, payload))
            continue
        kept.append(_jpeg_segment(marker, payload))
        if marker == _SOS:
            end = _entropy_end(data, at)
            kept.append(data[at:end])
            at = end
    if (exif := _orientation_exif(data)) is not None:
        # After the JFIF header, which must come first, if there is one.
        place = 2 if kept[1].startswith(b"\xff\xe0") else 1
        kept.insert(place, _jpeg_segment(_APP1, exif))
    return b"".join(kept)


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload).to_bytes(4, "big")
    return len(payload).to_bytes(4, "big") + kind + payload + crc


def _png(data: bytes) -> bytes:
    kept = [_PNG_SIGNATURE]
    at = len(_PNG_SIGNATURE)
    exif = _orientation_exif(data)
    while True:
        if at + 12 > len(data):
            raise _damaged()
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        end = at + 12 + length
        if end > len(data):
            raise _damaged()
        if kind == b"IDAT" and exif is not None:
            kept.append(_png_chunk(b"eXIf", exif.removeprefix(_EXIF_HEADER)))
            exif = None
        if kind in _PNG_KEPT:
            kept.append(data[at:end])
        at = end
        if kind == b"IEND":
            return b"".join(kept)  # anything after the end is dropped


def without_metadata(data: bytes, content_type: str) -> bytes:
    """The image with its metadata and anything after its end removed (see above); other
    types unchanged. UploadRefused if the image is damaged."""
    strip = {"image/jpeg": _jpeg, "image/png": _png}.get(content_type)
    if strip is None:
        return data
    cleaned = strip(data)
    try:
        with Image.open(io.BytesIO(cleaned)) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds of errors on damaged files
        raise _damaged() from None
    return cleaned
