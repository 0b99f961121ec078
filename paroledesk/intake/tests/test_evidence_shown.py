"""GET .../documents/{id}?disposition=inline: evidence shown in the case page, framed by this
site alone, sandboxed, only for the types checked at upload, and logged like any download."""

import pytest
from rest_framework.test import APIClient

from paroledesk.adjudication import services as work
from paroledesk.audit.models import View
from paroledesk.cases.models import EvidenceDocument
from paroledesk.intake.tests.test_evidence import upload
from paroledesk.intake.tests.test_evidence_samples import image_bytes, pdf_bytes
from paroledesk.testing.fixtures import client_for

pytestmark = pytest.mark.django_db


def added(filed, alice, content, **how) -> str:
    document_id = upload(client_for(alice), filed.receipt_number, content, **how).json()["id"]
    return f"/api/v1/requests/{filed.receipt_number}/documents/{document_id}"


def signed_in(user) -> APIClient:
    """A browser's session, as the case page's frame sends it."""
    client = APIClient()
    client.force_login(user)
    return client


def test_a_pdf_asked_for_inline_is_shown_framed_by_this_site_only_and_sandboxed(
    filed, alice, olivia, sam, storage
):
    url = added(filed, alice, pdf_bytes())
    work.case_assign(request=filed, officer=olivia, actor=sam)
    shown = signed_in(olivia).get(f"{url}?disposition=inline")
    assert shown.status_code == 200
    assert shown["Content-Type"] == "application/pdf"
    assert shown["Content-Disposition"] == 'inline; filename="letter.pdf"'
    assert shown["X-Content-Type-Options"] == "nosniff"
    assert shown["Cache-Control"] == "private, no-store"
    assert shown["X-Frame-Options"] == "SAMEORIGIN"
    policy = [part.strip() for part in shown["Content-Security-Policy"].split(";")]
    assert policy == ["sandbox", "default-src 'none'", "frame-ancestors 'self'"]
    assert shown.getvalue() == pdf_bytes()


def test_a_photo_is_shown_inline_too(filed, alice, sam, storage):
    url = added(filed, alice, image_bytes("PNG"), name="passport.png", sent_as="image/png")
    shown = signed_in(sam).get(f"{url}?disposition=inline")
    assert shown["Content-Type"] == "image/png"
    assert shown["Content-Disposition"] == 'inline; filename="passport.png"'
    assert shown["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("asked", ["", "?disposition=attachment", "?disposition=INLINE"])
def test_otherwise_a_download_stays_an_attachment_no_page_may_frame(
    filed, alice, sam, storage, asked
):
    url = added(filed, alice, pdf_bytes())
    sent = signed_in(sam).get(f"{url}{asked}")
    assert sent["Content-Disposition"] == 'attachment; filename="letter.pdf"'
    assert sent["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in sent["Content-Security-Policy"]
    assert "sandbox" not in sent["Content-Security-Policy"]


def test_a_type_not_judged_safe_to_show_is_only_ever_an_attachment(filed, alice, sam, storage):
    # A row of a type this site never shows in a page, as a type accepted one day would be.
    url = added(filed, alice, pdf_bytes())
    EvidenceDocument.objects.update(content_type="text/html")
    sent = signed_in(sam).get(f"{url}?disposition=inline")
    assert sent["Content-Disposition"].startswith("attachment;")
    assert sent["X-Frame-Options"] == "DENY"


def test_each_view_in_the_page_is_logged_and_others_find_nothing(
    filed, alice, rita, olivia, sam, storage, time_machine
):
    time_machine.move_to("2026-12-01 09:30:00-05:00", tick=False)
    url = f"{added(filed, alice, pdf_bytes())}?disposition=inline"
    assert signed_in(olivia).get(url).status_code == 404
    assert signed_in(rita).get(url).status_code == 404
    work.case_assign(request=filed, officer=olivia, actor=sam)
    assert signed_in(olivia).get(url).status_code == 200
    # The requestor reads her own evidence without a record; staff are recorded each time.
    assert signed_in(alice).get(url).status_code == 200
    (view,) = View.objects.about(filed)
    assert (view.viewer, view.via, view.at.isoformat()) == (
        olivia,
        "document",
        "2026-12-01T14:30:00+00:00",
    )
