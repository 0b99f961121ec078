"""The filing wizard in a real browser: every page checked by axe-core, the CSP and its assets.

Each page reached goes through ``visit``, ``sign_in`` or ``proceed``, which run
``check_page`` on it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfWriter

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.services import request_file
from paroledesk.policy.services import policy_load_defaults
from paroledesk.testing.browser import check_page, sign_in, visit
from paroledesk.testing.fixtures import PASSWORD, filing_document
from paroledesk.testing.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def heading(page: Page) -> Any:
    return page.get_by_role("heading", level=1)


def proceed(page: Page, button: str = "Save and continue") -> None:
    """Press a button that loads another page, and check that page."""
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    check_page(page)


def choose(page: Page, label: str) -> None:
    # USWDS draws its own radios and checkboxes: people click the label, so do we.
    starts = re.compile(r"^\s*" + re.escape(label))
    page.locator("label.usa-radio__label, label.usa-checkbox__label").filter(
        has_text=starts
    ).click()


def answer_kind(page: Page, kind: str = "Parole for someone outside the United States") -> None:
    expect(heading(page)).to_contain_text("What you are asking for")
    choose(page, kind)
    proceed(page)


def answer_filer(page: Page) -> None:
    expect(heading(page)).to_contain_text("Who is filing")
    choose(page, "A relative of the person who needs parole")
    page.get_by_label("Your given name (first name)").fill("Sara")
    page.get_by_label("Your family name (last name)").fill("Haidari")
    page.get_by_label("How are you related to them?").fill("sister")
    proceed(page)


def answer_beneficiary(page: Page) -> None:
    expect(heading(page)).to_contain_text("The person who needs parole")
    page.get_by_label("Their given name (first name)").fill("Farid")
    page.get_by_label("Their family name (last name)").fill("Haidari")
    page.get_by_label("Month").select_option("3")
    page.get_by_label("Day").fill("14")
    page.get_by_label("Year").fill("1988")
    page.get_by_label("Country of birth").select_option("AF")
    page.get_by_label("Country of citizenship").select_option("AF")
    page.get_by_label("Passport number").fill("P1234567")
    proceed(page)


def answer_location(page: Page, button: str = "Save and continue") -> None:
    expect(heading(page)).to_contain_text("Where they are now")
    choose(page, "Outside the United States")
    page.get_by_label("Which country are they in now?").select_option("PK")
    proceed(page, button)


def answer_reason_to_sponsor(page: Page) -> None:
    """The reason, the length of stay and the sponsor: up to the fee step."""
    expect(heading(page)).to_contain_text("Why they need to come")
    choose(page, "An urgent humanitarian reason")
    choose(page, "Medical")
    page.get_by_label("What is happening, and why must they come now?").fill(
        "He needs heart surgery that no hospital where he lives can do."
    )
    page.get_by_label("Why can’t they get a visa in time?").fill(
        "The embassy has no visa appointments for over a year."
    )
    proceed(page)

    expect(heading(page)).to_contain_text("How long they need to stay")
    page.get_by_label("How many days do they need to stay?").fill("180")
    proceed(page)

    expect(heading(page)).to_contain_text("The sponsor’s support")
    page.get_by_label("Sponsor’s given name (first name)").fill("Sara")
    page.get_by_label("Sponsor’s family name (last name)").fill("Haidari")
    choose(page, "U.S. citizen")
    page.get_by_label("Sponsor’s yearly income, in U.S. dollars").fill("72,000")
    page.get_by_label("People in the sponsor’s household").fill("3")
    proceed(page)


def answer_the_rest(page: Page) -> None:
    """From the reason step to the review page."""
    answer_reason_to_sponsor(page)
    expect(heading(page)).to_contain_text("The filing fee")
    expect(
        page.get_by_role("region", name=re.compile(r"The filing fee today: \$580"))
    ).to_be_visible()
    choose(page, "Pay the filing fee of $580")
    proceed(page)

    expect(heading(page)).to_contain_text("A faster decision")
    proceed(page)

    expect(heading(page)).to_contain_text("Review and submit")
    expect(page.get_by_text("Farid Haidari")).to_be_visible()
    expect(page.get_by_role("link", name="Change the filing fee")).to_be_visible()


def receipt_shown(page: Page) -> str:
    expect(heading(page)).to_have_text("Your request is filed")
    region = page.get_by_role("region", name=re.compile(r"^Receipt number: "))
    expect(region).to_contain_text("We expect a decision between")
    text = region.get_by_role("heading").inner_text()
    found = re.search(r"IOE[0-9]{10}", text)
    assert found is not None, text
    return found.group()


def small_pdf(folder: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = folder / "doctor-letter.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_alice_files_a_request_adds_evidence_and_opens_her_receipt_notice(
    page: Page, live_server: Any, alice: Any, tmp_path: Path
) -> None:
    policy_load_defaults()
    sign_in(page, live_server, "alice", PASSWORD)
    proceed(page, "File a new request")

    answer_kind(page)
    answer_filer(page)
    answer_beneficiary(page)
    answer_location(page)
    answer_the_rest(page)
    proceed(page, "Submit the request")

    receipt = receipt_shown(page)
    assert ParoleRequest.objects.get().receipt_number == receipt
    link = page.get_by_role("link", name="Download the receipt notice (PDF)")
    # Headless Chromium may not show a PDF inline: fetch it with the page's session instead.
    notice = page.request.get(live_server.url + str(link.get_attribute("href")))
    assert notice.status == 200
    assert notice.headers["content-type"] == "application/pdf"
    assert notice.body().startswith(b"%PDF-")

    with page.expect_navigation():
        page.get_by_role("link", name=f"Add evidence to {receipt}").click()
    check_page(page)
    expect(heading(page)).to_have_text(f"Add evidence to {receipt}")
    page.get_by_label("What is this file?").select_option("medical")
    # USWDS's file input script names the control after its drop zone, not after our label.
    page.locator("input[type=file][name=file]").set_input_files(small_pdf(tmp_path))
    proceed(page, "Add the file")
    expect(page.get_by_text(f"doctor-letter.pdf is added to {receipt}.")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("doctor-letter.pdf")


def test_a_fee_waiver_ends_on_the_paper_page_with_a_packet_to_download(
    page: Page, live_server: Any, alice: Any
) -> None:
    policy_load_defaults()
    sign_in(page, live_server, "alice", PASSWORD)
    visit(page, live_server, "/requests/new/")
    proceed(page, "Start the request")
    answer_kind(page)
    answer_filer(page)
    answer_beneficiary(page)
    answer_location(page)
    answer_reason_to_sponsor(page)
    expect(heading(page)).to_contain_text("The filing fee")
    choose(page, "I cannot pay and want to ask for a fee waiver")
    proceed(page)

    expect(heading(page)).to_have_text("This request must be filed on paper")
    packet = page.get_by_role("region", name="Your filing packet")
    expect(packet).to_contain_text("Part D: the evidence checklist")
    # The waiver skipped the last, optional question: it is listed, linked, and marked.
    expect(packet.get_by_role("link", name="A faster decision (optional)")).to_be_visible()
    with page.expect_download() as download:
        packet.get_by_role("link", name="Download your filing packet (PDF)").click()
    assert download.value.suggested_filename.startswith("parole-packet-")
    body = Path(download.value.path()).read_bytes()
    text = pdf_text(body)
    assert "Farid" in text
    assert "USCIS Dallas Lockbox, Attn: HP" in text


def test_a_draft_stopped_midway_is_resumed_after_signing_in_again(
    page: Page, live_server: Any, alice: Any
) -> None:
    policy_load_defaults()
    sign_in(page, live_server, "alice", PASSWORD)
    visit(page, live_server, "/requests/new/")
    proceed(page, "Start the request")

    answer_kind(page)
    answer_filer(page)
    # Nothing entered: the errors are listed at the top and shown by each field.
    proceed(page)
    summary = page.get_by_role("alert").filter(has_text="Please check your answers")
    expect(summary.get_by_role("link", name="Enter their given name.")).to_be_visible()
    expect(page.locator("#id_given_name-error")).to_have_text("Enter their given name.")
    answer_beneficiary(page)
    answer_location(page, "Save and finish later")

    expect(page).to_have_url(live_server.url + "/requests/")
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    check_page(page)

    sign_in(page, live_server, "alice", PASSWORD)
    drafts = page.get_by_role("table", name="Drafts not submitted yet")
    expect(drafts).to_contain_text("Farid Haidari")
    expect(drafts).to_contain_text("Why they need to come")
    with page.expect_navigation():
        drafts.get_by_role("link", name=re.compile(r"^Resume")).click()
    check_page(page)

    answer_the_rest(page)
    proceed(page, "Submit the request")
    receipt = receipt_shown(page)

    visit(page, live_server, "/requests/")
    expect(page.get_by_role("table", name="Drafts not submitted yet")).to_have_count(0)
    expect(page.get_by_role("link", name=receipt)).to_be_visible()


def test_alice_refiles_after_a_denial_and_puts_right_a_wrong_receipt_number(
    page: Page, live_server: Any, alice: Any, olivia: Any, sam: Any
) -> None:
    policy_load_defaults()
    denied = request_file(raw=filing_document(), filed_by=alice).request
    work.case_assign(request=denied, officer=olivia, actor=sam)
    work.case_start_review(request=denied, actor=olivia)
    work.case_decide(
        request=denied, outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"]
    )
    sign_in(page, live_server, "alice", PASSWORD)
    visit(page, live_server, "/requests/new/")
    proceed(page, "Start the request")

    answer_kind(page, "A new request after a denial")
    expect(heading(page)).to_contain_text("The denied request and what is new")
    expect(page.get_by_text("A denial cannot be appealed")).to_be_visible()
    # A number that is no request at all: only filing can tell.
    page.get_by_label("Receipt number of the denied request").fill("IOE2704099999")
    page.get_by_label("What is new since the denial?").fill(
        "A hospital has now accepted him and set the surgery date."
    )
    proceed(page)
    answer_filer(page)
    answer_beneficiary(page)
    answer_location(page)
    answer_the_rest(page)
    expect(page.get_by_text("A hospital has now accepted him")).to_be_visible()
    proceed(page, "Submit the request")

    # Back on the step, the reason is by the field, and listed at the top with a link to it.
    expect(heading(page)).to_contain_text("The denied request and what is new")
    expect(page.locator("#id_related_receipt_number-error")).to_contain_text(
        "No request for this beneficiary has receipt number IOE2704099999."
    )
    summary = page.get_by_role("alert").filter(has_text="Please check your answers")
    expect(summary.get_by_role("link", name=re.compile("IOE2704099999"))).to_be_visible()
    page.get_by_label("Receipt number of the denied request").fill(denied.receipt_number)
    proceed(page, "Save and go back to review")

    expect(heading(page)).to_contain_text("Review and submit")
    expect(page.get_by_text(denied.receipt_number, exact=True)).to_be_visible()
    proceed(page, "Submit the request")
    receipt = receipt_shown(page)
    refiled = ParoleRequest.objects.get(receipt_number=receipt)
    assert (refiled.kind, refiled.related_request) == ("refiling", denied)


def test_alice_files_for_her_daughter_from_her_mothers_confirmation(
    page: Page, live_server: Any, alice: Any
) -> None:
    policy_load_defaults()
    sign_in(page, live_server, "alice", PASSWORD)
    proceed(page, "File a new request")
    answer_kind(page)
    answer_filer(page)
    answer_beneficiary(page)
    answer_location(page)
    answer_the_rest(page)
    proceed(page, "Submit the request")
    first = receipt_shown(page)

    proceed(page, "File for another family member")
    # Who files, where they are, the reason, the sponsor and the fee carry over:
    # only the person is asked, then the review.
    expect(heading(page)).to_contain_text("The person who needs parole")
    expect(page.get_by_text("We carried over your details")).to_be_visible()
    page.get_by_label("Their given name (first name)").fill("Mariam")
    page.get_by_label("Their family name (last name)").fill("Haidari")
    page.get_by_label("Month").select_option("6")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Year").fill("2012")
    page.get_by_label("Country of birth").select_option("AF")
    page.get_by_label("Country of citizenship").select_option("AF")
    proceed(page)
    expect(heading(page)).to_contain_text("Review and submit")
    expect(page.get_by_text("Mariam Haidari")).to_be_visible()
    expect(page.get_by_text("He needs heart surgery")).to_be_visible()
    proceed(page, "Submit the request")

    second = receipt_shown(page)
    assert second != first
    family = page.get_by_role("list").filter(has_text=first)
    expect(family.get_by_role("link", name=first)).to_be_visible()
    with page.expect_navigation():
        family.get_by_role("link", name=first).click()
    check_page(page)
    expect(page.get_by_role("link", name=second)).to_be_visible()
