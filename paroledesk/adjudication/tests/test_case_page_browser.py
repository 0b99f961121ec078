"""The case page in a real browser: a supervisor assigns, the officer asks for evidence and
decides, every page checked with axe-core, the error page included."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Frame, Page, expect

from paroledesk.adjudication import services as work
from paroledesk.adjudication.tests.steps import assigned, denied, granted, refiled
from paroledesk.cases.documents import document_upload
from paroledesk.cases.models import EvidenceKind, ParoleRequest
from paroledesk.intake.tests.test_evidence_samples import pdf_bytes, use_temporary_storage
from paroledesk.testing.browser import check_page, sign_in, visit
from paroledesk.testing.fixtures import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_assign_ask_for_evidence_and_deny_from_the_case_page(
    page: Page, live_server: Any, filed: ParoleRequest, sam: Any, olivia: Any
) -> None:
    case = f"/requests/{filed.receipt_number}/"
    sign_in(page, live_server, "sam", PASSWORD)
    visit(page, live_server, case)
    page.get_by_label("Officer").select_option("olivia")
    with page.expect_navigation():
        page.get_by_role("button", name="Assign").click()
    check_page(page)
    expect(page.get_by_text("The request is assigned.")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, "olivia", PASSWORD)
    visit(page, live_server, case)
    # A decision with nothing chosen comes back with the reason, and the page still passes.
    with page.expect_navigation():
        page.get_by_role("button", name="Record the decision").click()
    check_page(page)
    expect(page.get_by_text("The decision was not recorded")).to_be_visible()
    page.get_by_label("Evidence to send").fill("A letter from the treating doctor")
    page.get_by_label("Business days to answer").fill("20")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the request for evidence").click()
    check_page(page)
    expect(page.get_by_text("The request for evidence is sent")).to_be_visible()
    expect(page.get_by_role("heading", name="Status: Evidence requested")).to_be_visible()


# Chromium's own PDF viewer, which shows a PDF inside the frame that loaded it.
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"


def pdf_shown(page: Page, url_end: str) -> Frame | None:
    """The frame that loaded the address ending in ``url_end``, if it holds the PDF viewer
    (not a download, an error page or nothing), waiting a little as a person would."""
    for _ in range(50):
        for frame in page.frames:
            viewer = any(child.url.startswith(PDF_VIEWER) for child in frame.child_frames)
            if frame.url.endswith(url_end) and viewer:
                return frame
        page.wait_for_timeout(100)
    return None


def test_the_officer_reads_a_pdf_of_evidence_in_the_case_page(
    page: Page,
    live_server: Any,
    filed: ParoleRequest,
    alice: Any,
    sam: Any,
    olivia: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    use_temporary_storage(settings, tmp_path)
    document_upload(
        request=filed,
        uploaded_file=SimpleUploadedFile("doctor's letter.pdf", pdf_bytes()),
        kind=EvidenceKind.MEDICAL,
        actor=alice,
    )
    assigned(filed, sam, olivia)
    sign_in(page, live_server, "olivia", PASSWORD)
    visit(page, live_server, f"/requests/{filed.receipt_number}/")
    shown = page.get_by_title("Medical evidence: doctor's letter.pdf (PDF)")
    expect(shown).to_be_visible()
    # Sandboxed, framed by this site alone, and still shown by Chromium's PDF viewer.
    assert pdf_shown(page, "?disposition=inline") is not None
    assert (shown.bounding_box() or {"height": 0})["height"] >= 600
    # The page with the document in it passes as every other page does.
    check_page(page)
    # The file name is also a plain download, for a browser that shows no PDF.
    expect(page.get_by_role("link", name="doctor's letter.pdf", exact=True)).to_have_attribute(
        "href", re.compile(r"/documents/\d+$")
    )


def test_a_refiling_is_compared_with_the_denial_it_follows(
    page: Page, live_server: Any, filed: ParoleRequest, alice: Any, sam: Any, olivia: Any
) -> None:
    refused = denied(filed, sam, olivia)
    refiling = refiled(refused, alice)
    sign_in(page, live_server, "sam", PASSWORD)
    visit(page, live_server, f"/requests/{refiling.receipt_number}/")
    table = page.get_by_role("table", name=f"Request {refiling.receipt_number} beside its linked")
    expect(table.get_by_role("columnheader", name="The denied request it refiles")).to_be_visible()
    expect(table.get_by_role("row", name="Status")).to_contain_text("Received")
    expect(table.get_by_role("row", name="Status")).to_contain_text("Denied")
    with page.expect_navigation():
        table.get_by_role("link", name=refused.receipt_number).click()
    check_page(page)
    expect(page.get_by_role("columnheader", name="A refiling of this request")).to_be_visible()


def test_the_officer_records_the_departure_from_the_case_page(
    page: Page, live_server: Any, filed: ParoleRequest, sam: Any, olivia: Any, time_machine: Any
) -> None:
    granted(filed, sam, olivia)
    time_machine.move_to("2027-03-02 10:00:00-05:00", tick=True)
    work.arrival_record(request=filed, arrived_on=date(2027, 1, 4), actor=olivia)
    sign_in(page, live_server, "olivia", PASSWORD)
    visit(page, live_server, f"/requests/{filed.receipt_number}/")
    page.get_by_label("Date the parolee left the United States").fill("2027-02-26")
    with page.expect_navigation():
        page.get_by_role("button", name="Record the departure").click()
    check_page(page)
    expect(page.get_by_role("heading", name="Status: Parole ended")).to_be_visible()
    expect(page.get_by_role("heading", name="Left the United States: parole ended")).to_be_visible()
