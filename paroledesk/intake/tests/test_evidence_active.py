"""Polyglot and active files are refused (issue 8, finding 9); photos are kept without
their metadata (finding 8)."""

import io
import zipfile

import pytest
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from paroledesk.intake.tests.test_evidence import refusal, upload
from paroledesk.intake.tests.test_evidence_samples import pdf_bytes
from paroledesk.testing.fixtures import client_for

pytestmark = pytest.mark.django_db


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    return writer


def with_open_action_script() -> bytes:
    writer = page_writer()
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello')"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return written(writer)


def with_named_script() -> bytes:
    """A document-level script, in the catalog's name tree rather than an action."""
    writer = page_writer()
    script = writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('hello')"),
            }
        )
    )
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("greeting"), script])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )
    return written(writer)


def with_launch_action() -> bytes:
    writer = page_writer()
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return written(writer)


def with_attachment() -> bytes:
    writer = page_writer()
    writer.add_attachment("payload.exe", b"MZ" + bytes(100))
    return written(writer)


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("run.bat", "echo hello")
    return out.getvalue()


def with_markup() -> bytes:
    header, rest = pdf_bytes().split(b"\n", 1)
    return header + b"\n%<html><script>alert(1)</script></html>\n" + rest


REFUSED = {
    "html and a script inside a pdf": (with_markup(), "markup"),
    "a zip appended to a pdf": (pdf_bytes() + zip_bytes(), "after its end"),
    "html followed by a pdf": (b"<html><body>hello</body></html>\n" + pdf_bytes(), "not one"),
    "a javascript open action": (with_open_action_script(), "script"),
    "a named javascript": (with_named_script(), "script"),
    "a launch action": (with_launch_action(), "program"),
    "an embedded file": (with_attachment(), "files inside"),
    "a png with html before it": (b"<svg onload=alert(1)>" + b"\x89PNG\r\n\x1a\n", "not one"),
}


@pytest.mark.parametrize(("content", "says"), REFUSED.values(), ids=REFUSED.keys())
def test_polyglot_and_active_files_are_refused(filed, alice, storage, content, says):
    response = upload(client_for(alice), filed.receipt_number, content)
    assert refusal(response) == [("unsupported_file_type", "file")]
    assert says in response.json()["errors"][0]["message"]
    assert not filed.documents.exists()


def test_a_pdf_may_end_with_whitespace(filed, alice, storage):
    response = upload(client_for(alice), filed.receipt_number, pdf_bytes() + b"\r\n \n")
    assert response.status_code == 201, response.content


GPS = 0x8825
ORIENTATION = 0x0112


def phone_photo(format_: str = "JPEG") -> bytes:
    image = Image.new("RGB", (40, 30))
    image.putdata([(x * 6 % 256, y * 8 % 256, 90) for y in range(30) for x in range(40)])
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS).update({1: "N", 2: (38.0, 53.0, 23.0), 3: "W", 4: (77.0, 2.0, 11.0)})
    out = io.BytesIO()
    options = {"quality": 90} if format_ == "JPEG" else {}
    image.save(out, format=format_, exif=exif.tobytes(), **options)
    if format_ == "JPEG":
        return out.getvalue() + b"appended video bytes"
    return out.getvalue()


def pixels(content: bytes) -> bytes:
    with Image.open(io.BytesIO(content)) as image:
        return image.convert("RGB").tobytes()


@pytest.mark.parametrize(("format_", "name"), [("JPEG", "photo.jpg"), ("PNG", "photo.png")])
def test_a_photo_is_stored_without_its_gps_position_but_upright_and_intact(
    filed, alice, storage, format_, name
):
    photo = phone_photo(format_)
    with Image.open(io.BytesIO(photo)) as sent:
        assert sent.getexif().get_ifd(GPS)  # the sample does carry a position
    client = client_for(alice)
    response = upload(client, filed.receipt_number, photo, name=name, sent_as="image/jpeg")
    assert response.status_code == 201, response.content
    document_id = response.json()["id"]
    download = client.get(f"/api/v1/requests/{filed.receipt_number}/documents/{document_id}")
    stored = download.getvalue()
    assert response.json()["size_bytes"] == len(stored)
    with Image.open(io.BytesIO(stored)) as kept:
        exif = kept.getexif()
        assert not exif.get_ifd(GPS)
        assert dict(exif) == {ORIENTATION: 6}
    assert b"PhoneMaker" not in stored
    assert b"appended video" not in stored
    assert pixels(stored) == pixels(photo)
