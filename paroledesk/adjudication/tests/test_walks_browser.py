"""Issue 9's two walks in a real browser, each person at a browser of their own.

One request goes from its receipt to the beneficiary's arrival: a supervisor
assigns it, the officer asks for evidence, the requestor answers by upload,
the officer approves on condition of the parole fee, the fee is recorded, and
the arrival with the I-94's end date. Another is denied, and its requestor
files anew from the denied request's page. The requestor opens every notice
through the link on her request page, and each says what issue 9 says it
must. Every page visited is checked by ``check_page`` (axe-core, the CSP,
its assets).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfWriter

from paroledesk.adjudication.models import DENIAL_TEXT, DenialReason
from paroledesk.adjudication.tests.steps import assigned
from paroledesk.cases.clock import clock_for
from paroledesk.cases.models import Grant, ParoleRequest
from paroledesk.intake.tests.test_evidence_samples import use_temporary_storage
from paroledesk.intake.tests.test_wizard_browser import (
    answer_beneficiary,
    answer_filer,
    answer_location,
    answer_the_rest,
    receipt_shown,
)
from paroledesk.notices.models import Notice
from paroledesk.notices.templatetags.notice_dates import long_date
from paroledesk.policy.selectors import business_calendar, policy_on
from paroledesk.testing.browser import browser_page, check_page, sign_in, visit
from paroledesk.testing.fixtures import PASSWORD
from paroledesk.testing.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Seat = Callable[[str], Page]


@pytest.fixture
def seat(browser: Browser, live_server: Any) -> Iterator[Seat]:
    """``seat("olivia")``: a browser of olivia's own, signed in. Each person signs in once,
    as at their own desk (a second sign-in within the minute would reuse a spent code)."""
    with ExitStack() as desks:

        def sit(username: str) -> Page:
            page = desks.enter_context(browser_page(browser))
            sign_in(page, live_server, username, PASSWORD)
            return page

        yield sit


def status(page: Page) -> Locator:
    return page.get_by_role("heading", name=re.compile(r"^Status: "))


def press(page: Page, button: str) -> None:
    """Press a button that loads another page, and check that page."""
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    check_page(page)


def follow(link: Locator) -> None:
    """Follow a link to another page, and check that page."""
    with link.page.expect_navigation():
        link.click()
    check_page(link.page)


def choose(page: Page, label: str) -> None:
    # USWDS draws its own radios and checkboxes: people click the label, so do we.
    page.locator("label.usa-radio__label, label.usa-checkbox__label").filter(
        has_text=re.compile(r"^\s*" + re.escape(label) + r"\s*$")
    ).click()


def notice_links(page: Page) -> Locator:
    table = page.get_by_role("table", name="Written notices sent about this request")
    return table.get_by_role("link")


def open_notice(page: Page, live_server: Any, title: str) -> str:
    """The text of the one notice titled ``title`` listed on the request page shown,
    fetched through the page's own link with its signed-in session."""
    link = notice_links(page).filter(has_text=re.compile(r"^" + re.escape(title) + r" notice of "))
    expect(link).to_have_count(1)
    # Headless Chromium may not show a PDF inline: fetch it with the page's session instead.
    answer = page.request.get(live_server.url + str(link.get_attribute("href")))
    assert answer.status == 200, answer.status
    assert answer.headers["content-type"] == "application/pdf"
    return pdf_text(answer.body())


def said(text: str, *phrases: str) -> None:
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"The notice does not say {missing}:\n{text}"


def letter(folder: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = folder / "surgeon-letter.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_a_request_walks_from_receipt_to_arrival_and_its_requestor_reads_each_notice(
    seat: Seat,
    live_server: Any,
    filed: ParoleRequest,
    sam: Any,
    olivia: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    use_temporary_storage(settings, tmp_path)
    today = timezone.localdate()
    policy = policy_on(today)
    receipt = filed.receipt_number
    case = f"/requests/{receipt}/"
    # Received on or after 2025-10-16: an approval waits for the parole fee.
    assert filed.received_on >= date(2025, 10, 16)

    # Sam, the supervisor, gives the new request to Olivia from its page.
    sam_sees = seat("sam")
    visit(sam_sees, live_server, case)
    expect(status(sam_sees)).to_have_text("Status: Received")
    sam_sees.get_by_label("Officer").select_option("olivia")
    press(sam_sees, "Assign")
    expect(sam_sees.get_by_text("The request is assigned.")).to_be_visible()
    expect(status(sam_sees)).to_have_text("Status: Assigned")

    # Olivia finds it in her work and asks for evidence.
    olivia_sees = seat("olivia")
    follow(olivia_sees.get_by_role("link", name=receipt))
    expect(status(olivia_sees)).to_have_text("Status: Assigned")
    olivia_sees.get_by_label("Evidence to send").fill(
        "A letter from the surgeon with the date of the operation\n"
        "Proof that the hospital accepted him as a patient"
    )
    olivia_sees.get_by_label("Business days to answer").fill("20")
    press(olivia_sees, "Send the request for evidence")
    expect(olivia_sees.get_by_text("The request for evidence is sent")).to_be_visible()
    expect(status(olivia_sees)).to_have_text("Status: Evidence requested")

    # Alice, who filed it, finds it among her requests, with two notices.
    alice_sees = seat("alice")
    follow(alice_sees.get_by_role("link", name=receipt))
    expect(status(alice_sees)).to_have_text("Status: Evidence requested")
    expect(notice_links(alice_sees)).to_have_count(2)
    window = clock_for(filed)
    said(
        open_notice(alice_sees, live_server, "Receipt notice"),
        "Receipt notice",
        receipt,
        "Haidari, Farid",
        "Filing fee paid: $580.",
        f"between {long_date(window.earliest)} and {long_date(window.latest)}",
        "does not grant parole",
    )
    due = business_calendar().add(today, 20)
    said(
        open_notice(alice_sees, live_server, "Request for evidence"),
        receipt,
        f"Please send the following by {long_date(due)}",
        "A letter from the surgeon with the date of the operation",
        "Proof that the hospital accepted him as a patient",
        "decide on the evidence already in the file",
    )

    # She answers from her request page by adding the letter: the request goes back to Olivia.
    follow(alice_sees.get_by_role("link", name="Add evidence"))
    alice_sees.get_by_label("What is this file?").select_option("medical")
    # USWDS's file input script names the control after its drop zone, not after our label.
    alice_sees.locator("input[type=file][name=file]").set_input_files(letter(tmp_path))
    press(alice_sees, "Add the file")
    expect(alice_sees.get_by_text(f"surgeon-letter.pdf is added to {receipt}.")).to_be_visible()
    follow(alice_sees.get_by_role("link", name="I am done adding files"))
    expect(status(alice_sees)).to_have_text("Status: Evidence received")

    # Olivia sees the answer and approves 180 days with no exception to the parole fee.
    visit(olivia_sees, live_server, case)
    expect(status(olivia_sees)).to_have_text("Status: Evidence received")
    expect(olivia_sees.get_by_role("link", name="surgeon-letter.pdf")).to_be_visible()
    choose(olivia_sees, "Approve")
    olivia_sees.get_by_label("Parole period in days (approval)").fill("180")
    expect(olivia_sees.get_by_label("Exception to the parole fee")).to_have_value("")
    press(olivia_sees, "Record the decision")
    expect(olivia_sees.get_by_text("The decision is recorded")).to_be_visible()
    expect(status(olivia_sees)).to_have_text("Status: Conditionally approved")

    # Alice reads the condition: the fee, that it cannot be waived, how to pay, by when.
    visit(alice_sees, live_server, case)
    expect(status(alice_sees)).to_have_text("Status: Conditionally approved")
    fee_due = today + timedelta(days=policy.parole_fee_deadline_days())
    said(
        open_notice(alice_sees, live_server, "Conditional approval: parole fee due"),
        receipt,
        "a parole period of 180 days",
        f"the parole fee of ${policy.parole_fee()} must be paid by {long_date(fee_due)}",
        "cannot be waived",
        "How to pay",
        "quote the receipt number",
        f"If the fee is not paid by {long_date(fee_due)}, the request will be closed.",
    )
    expect(notice_links(alice_sees).filter(has_text="Approval of parole")).to_have_count(0)

    # The fee is paid; Olivia records it, and parole is granted.
    visit(olivia_sees, live_server, case)
    press(olivia_sees, "Record the parole fee as paid")
    expect(olivia_sees.get_by_text("The parole fee is recorded as paid.")).to_be_visible()
    expect(status(olivia_sees)).to_have_text("Status: Approved")

    # Alice reads the grant: the period, the travel document, CBP and the I-94, the work
    # permit, and the duty to leave or ask for re-parole in time.
    visit(alice_sees, live_server, case)
    expect(status(alice_sees)).to_have_text("Status: Approved")
    said(
        open_notice(alice_sees, live_server, "Approval of parole"),
        receipt,
        "Parole is authorized for a period of 180 days.",
        "U.S. embassy or consulate for a travel document",
        "U.S. Customs and Border Protection decides whether to admit them on parole",
        "(Form I-94) shows the date the parole ends",
        "Form I-765, category (c)(11)",
        f"${policy.work_permit_fee(renewal=False)}",
        "must leave the United States before parole ends",
        f"ask for re-parole at least {policy.reparole_lead_days()} days before it ends",
    )

    # Farid arrives; Olivia records the arrival and the end date CBP wrote on the I-94.
    ends = today + timedelta(days=179)
    visit(olivia_sees, live_server, case)
    olivia_sees.get_by_label("Date of arrival").fill(today.isoformat())
    olivia_sees.get_by_label("Date parole ends, as on the I-94").fill(ends.isoformat())
    press(olivia_sees, "Record the arrival")
    expect(
        olivia_sees.get_by_text("The arrival is recorded, with the date parole ends.")
    ).to_be_visible()
    expect(status(olivia_sees)).to_have_text("Status: Paroled")
    grant = Grant.objects.get(request=filed)
    assert (grant.arrived_on, grant.ends_on) == (today, ends)

    # Alice's page tells the end of the walk, with the four notices she read.
    visit(alice_sees, live_server, case)
    expect(status(alice_sees)).to_have_text("Status: Paroled")
    expect(notice_links(alice_sees)).to_have_count(4)
    expect(alice_sees.locator(".usa-process-list__heading")).to_contain_text(
        [
            "Assigned to an officer",
            "More evidence requested",
            "Evidence received",
            "Approved on condition the parole fee is paid",
            "Parole fee paid",
            "Arrived and paroled into the United States",
        ]
    )
    kinds = list(
        Notice.objects.filter(request=filed).order_by("id").values_list("kind", "delivered_at")
    )
    assert [kind for kind, _ in kinds] == ["receipt", "rfe", "conditional_approval", "approval"]
    assert all(delivered for _, delivered in kinds), "every notice was e-mailed"


def test_a_denied_request_tells_there_is_no_appeal_and_its_requestor_files_anew(
    seat: Seat, live_server: Any, filed: ParoleRequest, sam: Any, olivia: Any
) -> None:
    today = timezone.localdate()
    receipt = filed.receipt_number
    case = f"/requests/{receipt}/"
    assigned(filed, sam, olivia, on=today)
    reasons = [DenialReason.INSUFFICIENT_EVIDENCE, DenialReason.INSUFFICIENT_FINANCIAL_SUPPORT]
    note = "The file holds no letter from a doctor, and the sponsor's income was not shown."

    # Olivia denies it from the page, for two of the listed reasons and with a note.
    olivia_sees = seat("olivia")
    visit(olivia_sees, live_server, case)
    choose(olivia_sees, "Deny")
    for reason in reasons:
        choose(olivia_sees, DENIAL_TEXT[reason])
    olivia_sees.get_by_label("Note").fill(note)
    press(olivia_sees, "Record the decision")
    expect(olivia_sees.get_by_text("The decision is recorded")).to_be_visible()
    expect(status(olivia_sees)).to_have_text("Status: Denied")

    # Alice reads why, that there is no appeal, and how to file anew.
    alice_sees = seat("alice")
    follow(alice_sees.get_by_role("link", name=receipt))
    expect(status(alice_sees)).to_have_text("Status: Denied")
    said(
        open_notice(alice_sees, live_server, "Denial notice"),
        receipt,
        *(DENIAL_TEXT[reason] for reason in reasons),
        note,
        "There is no appeal and no motion to reopen or reconsider.",
        "a new Form I-131 and a new fee",
        "if there are significant new facts since this decision",
        'choose "refiling", give this receipt number',
    )

    # From the denied request's page she starts a new request that names it.
    follow(alice_sees.get_by_role("link", name="File a new request after this denial"))
    expect(alice_sees.get_by_text("This request follows the denial of request")).to_contain_text(
        receipt
    )
    press(alice_sees, "Start the request")
    expect(alice_sees.get_by_role("heading", level=1)).to_contain_text(
        "The denied request and what is new"
    )
    expect(alice_sees.get_by_label("Receipt number of the denied request")).to_have_value(receipt)
    alice_sees.get_by_label("What is new since the denial?").fill(
        "The surgeon has now written the letter, and the sponsor's tax return is attached."
    )
    press(alice_sees, "Save and continue")
    answer_filer(alice_sees)
    answer_beneficiary(alice_sees)
    answer_location(alice_sees)
    answer_the_rest(alice_sees)
    expect(alice_sees.get_by_text(receipt, exact=True)).to_be_visible()
    press(alice_sees, "Submit the request")
    refiled = ParoleRequest.objects.get(receipt_number=receipt_shown(alice_sees))
    assert (refiled.kind, refiled.related_request) == ("refiling", filed)
