"""Small real files for the evidence tests, made in memory, and the storage they go to.

The functions are shared by the test_evidence* modules; the tests here check the samples.
"""

import io
from pathlib import Path

import magic
import pytest
from django.core.files.storage import default_storage
from PIL import Image
from pypdf import PdfWriter

from paroledesk.lib.files import EXTENSIONS


def pdf_bytes(*, password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.add_metadata({"/Title": "Physician's letter"})
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_bytes(format_: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (30, 90, 160)).save(out, format=format_)
    return out.getvalue()


# An executable's first bytes: what a "document.pdf" that is really a program starts with.
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(4000)


def use_temporary_storage(settings, tmp_path: Path) -> Path:
    """Point the default storage at an empty folder under tmp_path and return it."""
    location = tmp_path / "files"
    default = settings.STORAGES["default"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**default, "OPTIONS": {**default["OPTIONS"], "location": str(location)}},
    }
    assert Path(default_storage.path("x")).parent == location
    return location


def stored_files(location: Path) -> list[Path]:
    return [path for path in location.rglob("*") if path.is_file()] if location.exists() else []


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        (pdf_bytes(), "application/pdf"),
        (image_bytes("PNG"), "image/png"),
        (image_bytes("JPEG"), "image/jpeg"),
    ],
)
def test_each_sample_is_the_type_it_claims_to_be(sample, expected):
    assert magic.from_buffer(sample, mime=True) == expected
    assert expected in EXTENSIONS


def test_the_executable_sample_is_recognised_as_one():
    assert "executable" in magic.from_buffer(ELF) or "ELF" in magic.from_buffer(ELF)
