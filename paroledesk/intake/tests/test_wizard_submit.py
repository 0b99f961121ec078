"""Submitting a wizard draft: fee waivers stay on paper, filing happens once, refusals go back
to their step and field, and evidence is added after filing."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from paroledesk.accounts.services import user_create
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.codes import ErrorCode
from paroledesk.core.filing import FieldError
from paroledesk.core.roles import Role
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.tests.test_wizard import answer, errors_on, fill_all, start
from paroledesk.intake.wizard.steps import REVIEW, locate
from paroledesk.testing.fixtures import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_fee_waiver_means_paper_and_cannot_be_submitted_online(client):
    draft = start(client)
    fill_all(client, draft, fee={"payment": "waiver_requested"})
    draft.refresh_from_db()
    assert draft.data["fee"] == {"payment": "waiver_requested"}

    paper = client.get(f"/requests/drafts/{draft.pk}/paper/").content.decode()
    assert "must be filed on paper" in paper
    assert "USCIS Dallas Lockbox, Attn: HP" in paper
    review = client.get(f"/requests/drafts/{draft.pk}/review/").content.decode()
    assert "USCIS Dallas Lockbox, Attn: HP" in review
    assert f'action="/requests/drafts/{draft.pk}/submit/"' not in review

    response = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert response["Location"] == f"/requests/drafts/{draft.pk}/paper/"
    assert not ParoleRequest.objects.exists()


def test_choosing_a_waiver_goes_straight_to_the_paper_page(client):
    draft = start(client)
    response = answer(client, draft, "fee", payment="waiver_requested")
    assert response["Location"] == f"/requests/drafts/{draft.pk}/paper/"


def test_submit_files_exactly_once_and_shows_the_receipt(client, alice):
    draft = start(client)
    fill_all(client, draft, expedite={"wanted": "on", "reason": "Surgery on 2026-12-20."})

    first = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert first["Location"] == f"/requests/drafts/{draft.pk}/filed/"
    filed = ParoleRequest.objects.get()
    assert filed.receipt_number == "IOE2704000001"
    assert filed.filed_by == alice
    assert filed.expedite_reason == "Surgery on 2026-12-20."
    draft.refresh_from_db()
    assert draft.submitted_request == filed

    again = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert again["Location"] == f"/requests/drafts/{draft.pk}/filed/"
    assert ParoleRequest.objects.count() == 1
    # A submitted draft is no longer a draft: its steps lead to the confirmation.
    step = client.get(f"/requests/drafts/{draft.pk}/filer/")
    assert step["Location"] == f"/requests/drafts/{draft.pk}/filed/"
    assert client.post(f"/requests/drafts/{draft.pk}/delete/").status_code == 302
    assert FilingDraft.objects.filter(pk=draft.pk).exists()
    assert "Farid Haidari" not in client.get("/requests/").content.decode().split("Filed")[0]

    done = client.get(f"/requests/drafts/{draft.pk}/filed/").content.decode()
    assert "IOE2704000001" in done
    assert "April 9, 2027" in done
    assert "May 21, 2027" in done
    notice = filed.notices.get()
    assert f'href="/api/v1/requests/IOE2704000001/notices/{notice.pk}.pdf"' in done
    pdf = client.get(f"/api/v1/requests/IOE2704000001/notices/{notice.pk}.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_submitting_an_unfinished_draft_goes_to_the_first_unanswered_step(client):
    draft = start(client)
    answer(client, draft, "kind")
    answer(client, draft, "filer")
    response = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert response["Location"] == f"/requests/drafts/{draft.pk}/beneficiary/"
    assert not ParoleRequest.objects.exists()


def test_a_refusal_is_shown_on_the_step_and_field_it_is_about(client):
    draft = start(client)
    fill_all(client, draft)
    # The fee changed between saving the step and submitting: intake refuses the old amount.
    draft.refresh_from_db()
    draft.data = {**draft.data, "fee": {"payment": "paid", "amount_usd": 575}}
    draft.save()

    response = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert response["Location"] == f"/requests/drafts/{draft.pk}/fee/?from=review"
    assert not ParoleRequest.objects.exists()
    step = client.get(response["Location"])
    assert "online filing is $580; you sent $575" in " ".join(errors_on(step)["payment"])
    review = client.get(f"/requests/drafts/{draft.pk}/review/").content.decode()
    assert "you sent $575" in review

    # Saving the step again puts it right, and clears the message.
    fixed = answer(client, draft, "fee", **{"from": "review"})
    assert fixed["Location"] == f"/requests/drafts/{draft.pk}/review/"
    assert "you sent $575" not in client.get(fixed["Location"]).content.decode()
    assert client.post(f"/requests/drafts/{draft.pk}/submit/").status_code == 302
    assert ParoleRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "step", "field"),
    [
        ("beneficiary.date_of_birth", "beneficiary", "date_of_birth"),
        ("beneficiary.location", "location", "location"),
        ("beneficiary.current_country", "location", "current_country"),
        ("beneficiary", "beneficiary", ""),
        ("requestor.bar_number", "filer", "bar_number"),
        ("requested_days", "period", "requested_days"),
        ("sponsor", "sponsor", ""),
        ("sponsor.household_size", "sponsor", "household_size"),
        ("fee.amount_usd", "fee", "payment"),
        ("fee.payment", "fee", "payment"),
        ("fee", "fee", "exemption"),
        ("expedite.reason", "expedite", "reason"),
        ("kind", "kind", "kind"),
        # An initial request asks no question about an earlier one.
        ("related_receipt_number", REVIEW, ""),
        ("new_facts", REVIEW, ""),
        (None, REVIEW, ""),
    ],
)
def test_dotted_paths_lead_back_to_their_step_and_field(path, step, field):
    [found] = locate(
        [FieldError(ErrorCode.INVALID, path, "Something is wrong.")], {"kind": "initial"}
    )
    assert (found.step, found.field) == (step, field)


def test_refusals_come_back_in_the_order_of_the_steps():
    found = locate(
        [
            FieldError(ErrorCode.FEE_REQUIRED, "fee", "Fee."),
            FieldError(ErrorCode.INVALID, "requestor.email", "Email."),
        ],
        {},
    )
    assert [item.step for item in found] == ["filer", "fee"]


def small_pdf() -> bytes:

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_evidence_is_added_to_the_filed_request_from_its_page(client, alice):

    draft = start(client)
    fill_all(client, draft)
    client.post(f"/requests/drafts/{draft.pk}/submit/")
    url = "/requests/IOE2704000001/evidence/"
    assert "Add the file" in client.get(url).content.decode()

    pdf = SimpleUploadedFile("letter.pdf", small_pdf(), content_type="application/pdf")
    added = client.post(url, {"kind": "medical", "file": pdf})
    assert added["Location"] == url
    document = ParoleRequest.objects.get().documents.get()
    assert (document.kind, document.original_name) == ("medical", "letter.pdf")
    assert "letter.pdf" in client.get(url).content.decode()

    fake = SimpleUploadedFile("photo.png", b"just some text", content_type="image/png")
    refused = client.post(url, {"kind": "passport", "file": fake})
    assert "Only PDF, JPEG and PNG" in " ".join(errors_on(refused)["file"])
    missing = client.post(url, {"kind": ""})
    assert set(errors_on(missing)) == {"kind", "file"}

    bob, _ = user_create(
        username="bob", role=Role.REQUESTOR, email="b@example.org", password=PASSWORD
    )
    client.force_login(bob)
    assert client.get(url).status_code == 404
