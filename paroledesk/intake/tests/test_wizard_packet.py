"""The filing packet: the paper path ends in a PDF made from the draft, to its owner only."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client

from paroledesk.accounts.services import user_create
from paroledesk.core.policy import PolicyKey
from paroledesk.core.roles import Role
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.tests.test_evidence_samples import stored_files
from paroledesk.intake.tests.test_wizard import answer, fill_all, start
from paroledesk.policy.models import PolicyValue
from paroledesk.policy.services import policy_value_save
from paroledesk.testing.fixtures import PASSWORD
from paroledesk.testing.pdf import pdf_text

pytestmark = pytest.mark.django_db

WAIVER = {"fee": {"payment": "waiver_requested"}}


def waiver_draft(client: Client, **per_step: dict[str, str]) -> FilingDraft:
    draft = start(client)
    fill_all(client, draft, **{**WAIVER, **per_step})
    return draft


def packet_text(response) -> str:
    """The PDF's text, with line breaks and runs of spaces made single spaces."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return pdf_text(body)


def packet_url(draft: FilingDraft) -> str:
    return f"/requests/drafts/{draft.pk}/packet.pdf"


def test_a_fee_waiver_draft_gets_a_packet_with_its_answers_fee_and_address(client):
    draft = waiver_draft(client)

    response = client.get(packet_url(draft))
    text = packet_text(response)
    assert response["Content-Disposition"] == (
        f'attachment; filename="parole-packet-{draft.pk}.pdf"'
    )
    for answered in (
        "Farid",
        "Haidari",
        "March 14, 1988",
        "Afghanistan",  # country codes in words
        "Pakistan",
        "P1234567",
        "He needs surgery that is not available where he is.",
        "No visa interview can be had for over a year.",
        "180 days",
        "Sara Haidari",  # the sponsor, and the filer greeted
        "U.S. citizen",
        "$72,000",
        "A relative of the person who needs parole",
    ):
        assert answered in text, answered
    # The figures in force on Monday 2026-11-30 with the default policy.
    assert "$630" in text
    assert "April 1, 2024" in text
    assert "USCIS Dallas Lockbox, Attn: HP" in text
    assert "between 90 and 120 business days" in text
    assert "$1,000" in text
    assert "visiting a dying relative" in text
    assert "Form I-912" in text
    assert "Not answered yet" not in text
    # The answers come in the order of Form I-131, then the sponsor's I-134, then I-912.
    order = [
        "You, the person filing",
        "What you are asking for",
        "The person who needs parole",
        "Why they need parole",
        "How long they need to stay",
        "A faster decision",
        "Part B: the sponsor’s answers for Form I-134",
        "Part C: Form I-912",
        "Part D: the evidence checklist",
        "Part E: the fee, the address and what comes next",
    ]
    part_a = text.rindex("Part A: your answers")  # the heading, after the cover's list
    found = [text.index(heading, part_a) for heading in order]
    assert found == sorted(found)


def test_the_packet_carries_the_address_in_force_on_the_day_it_is_built(
    client, alice, ada, time_machine, django_capture_on_commit_callbacks
):
    draft = waiver_draft(client)
    with django_capture_on_commit_callbacks(execute=True):
        policy_value_save(
            row=PolicyValue(
                key=PolicyKey.FILING_ADDRESS.value,
                effective_from=date(2027, 1, 4),
                value="USCIS Phoenix Lockbox, Attn: HP",
                source="A change of address announced by USCIS",
            ),
            actor=ada,
        )

    before = packet_text(client.get(packet_url(draft)))
    assert "USCIS Dallas Lockbox, Attn: HP" in before
    assert "Phoenix" not in before

    time_machine.move_to("2027-01-05 10:00:00-05:00", tick=False)
    client.force_login(alice)  # her session of November has expired
    after = packet_text(client.get(packet_url(draft)))
    assert "USCIS Phoenix Lockbox, Attn: HP" in after
    assert "Dallas" not in after
    assert "January 4, 2027" in after  # when that address took effect


def test_a_draft_with_questions_open_gets_a_packet_that_marks_them(client):
    draft = start(client)
    for step in ("kind", "filer", "beneficiary", "location"):
        answer(client, draft, step)
    assert answer(client, draft, "fee", payment="waiver_requested")["Location"] == (
        f"/requests/drafts/{draft.pk}/paper/"
    )

    paper = client.get(f"/requests/drafts/{draft.pk}/paper/").content.decode()
    assert f'href="/requests/drafts/{draft.pk}/packet.pdf"' in paper
    assert f'href="/requests/drafts/{draft.pk}/reason/"' in paper  # the open questions, linked

    text = packet_text(client.get(packet_url(draft)))
    assert "Farid" in text
    assert "Some questions are not answered yet" in text
    assert text.count("Not answered yet") >= 4  # reason, period, sponsor, expedite
    assert "Evidence of the reason for parole" in text  # the checklist cannot tell which yet


def test_the_paper_page_offers_the_packet_and_says_what_is_in_it(client):
    draft = waiver_draft(client)
    page = client.get(f"/requests/drafts/{draft.pk}/paper/").content.decode()
    assert "Download your filing packet (PDF)" in page
    assert f'href="/requests/drafts/{draft.pk}/packet.pdf"' in page
    assert "Part D: the evidence checklist" in page
    assert "not answered yet" not in page.lower()


def test_a_draft_that_pays_online_gets_no_packet_but_its_review(client):
    draft = start(client)
    fill_all(client, draft)
    response = client.get(packet_url(draft))
    assert response.status_code == 302
    assert response["Location"] == f"/requests/drafts/{draft.pk}/review/"


def without_token(response) -> str:
    """The page less its CSRF token, which is masked anew on every response."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_another_persons_draft_and_a_missing_draft_are_both_not_found(client):
    draft = waiver_draft(client)
    bob, _ = user_create(
        username="bob", role=Role.REQUESTOR, email="b@example.org", password=PASSWORD
    )
    other = Client()
    other.force_login(bob)
    theirs = other.get(packet_url(draft))
    missing = other.get(f"/requests/drafts/{draft.pk + 1000}/packet.pdf")
    assert theirs.status_code == missing.status_code == 404
    assert without_token(theirs) == without_token(missing)
    assert b"Farid" not in theirs.content


def test_a_stranger_is_sent_to_sign_in(client):
    draft = waiver_draft(client)
    response = Client().get(packet_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_the_packet_is_made_in_memory_and_nothing_is_kept(client, storage):
    draft = waiver_draft(client)
    before = _row_counts()

    response = client.get(packet_url(draft))
    assert "Farid" in packet_text(response)
    assert response["Cache-Control"] == "private, no-store"
    assert _row_counts() == before
    assert stored_files(storage) == []
    # The answers are still sealed in the draft's row: no name in the stored column.
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM intake_filingdraft WHERE id = %s", [draft.pk])
        (stored,) = cursor.fetchone()
    assert "Farid" not in str(stored)
