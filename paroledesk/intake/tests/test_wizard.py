"""The filing wizard through the test client: each step's checks, drafts, submitting once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from paroledesk.accounts.services import user_create
from paroledesk.core.roles import Role
from paroledesk.intake.models import FilingDraft
from paroledesk.testing.fixtures import PASSWORD, filing_document

pytestmark = pytest.mark.django_db

ANSWERS: dict[str, dict[str, str]] = {
    "kind": {"kind": "initial"},
    "filer": {
        "role": "relative",
        "given_name": "Sara",
        "family_name": "Haidari",
        "relationship": "sister",
        "email": "sara@example.org",
    },
    "beneficiary": {
        "given_name": "Farid",
        "family_name": "Haidari",
        "date_of_birth_month": "3",
        "date_of_birth_day": "14",
        "date_of_birth_year": "1988",
        "country_of_birth": "AF",
        "country_of_citizenship": "AF",
        "passport_number": "p123 4567",
    },
    "location": {"location": "outside_us", "current_country": "PK"},
    "reason": {
        "basis": "urgent_humanitarian",
        "category": "medical",
        "statement": "He needs surgery that is not available where he is.",
        "why_no_visa": "No visa interview can be had for over a year.",
    },
    "period": {"requested_days": "180"},
    "sponsor": {
        "given_name": "Sara",
        "family_name": "Haidari",
        "status": "citizen",
        "annual_income_usd": "$72,000",
        "household_size": "3",
    },
    "fee": {"payment": "paid"},
    "expedite": {},
}


def start(client: Client) -> FilingDraft:
    response = client.post("/requests/new/")
    draft = FilingDraft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/requests/drafts/{draft.pk}/kind/"
    return draft


def answer(client: Client, draft: FilingDraft, step: str, **changes: str):
    return client.post(f"/requests/drafts/{draft.pk}/{step}/", {**ANSWERS[step], **changes})


def fill_all(client: Client, draft: FilingDraft, **per_step: dict[str, str]) -> None:
    for step in ANSWERS:
        response = answer(client, draft, step, **per_step.get(step, {}))
        assert response.status_code == 302, (step, response.context["form"].errors)


def errors_on(response) -> dict[str, list[str]]:
    assert response.status_code == 200
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_starting_shows_what_is_needed_then_makes_an_empty_draft(client, alice):
    page = client.get("/requests/new/")
    assert page.status_code == 200
    assert "Start the request" in page.content.decode()
    assert not FilingDraft.objects.exists()

    draft = start(client)
    assert draft.owner == alice
    # Nothing answered yet; a family group of its own links a family member filed after it.
    assert list(draft.data) == ["family_group"]
    assert draft.submitted_request is None


def test_other_roles_get_the_not_allowed_page_and_strangers_sign_in(client, olivia):
    client.force_login(olivia)
    assert client.get("/requests/new/").status_code == 403
    assert client.post("/requests/new/").status_code == 403
    anonymous = Client().get("/requests/new/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")


def test_every_step_saves_its_part_and_the_draft_becomes_a_filing_document(client):
    draft = start(client)
    fill_all(client, draft)
    draft.refresh_from_db()
    expected = {**filing_document(), "expedite": None}
    assert draft.data.pop("family_group").startswith("wizard-")
    assert draft.data == expected
    assert draft.step == "expedite"


def test_each_step_goes_to_the_next_and_the_last_to_the_review(client):
    draft = start(client)
    steps = list(ANSWERS)
    for step, following in zip(steps, [*steps[1:], "review"], strict=True):
        response = answer(client, draft, step)
        assert response["Location"] == f"/requests/drafts/{draft.pk}/{following}/"


@pytest.mark.parametrize(
    ("step", "changes", "field", "message"),
    [
        ("filer", {"role": ""}, "role", "Choose who is filing the request."),
        ("filer", {"given_name": " "}, "given_name", "Enter your given name."),
        ("filer", {"relationship": ""}, "relationship", "Say how you are related"),
        ("filer", {"role": "organization"}, "organization_name", "name of the organization"),
        ("filer", {"role": "representative"}, "bar_number", "bar number or an accreditation"),
        ("filer", {"email": "sara-at-home"}, "email", "Enter an email address like"),
        (
            "beneficiary",
            {"date_of_birth_day": "30", "date_of_birth_month": "2"},
            "date_of_birth",
            "February 1988 has no day 30.",
        ),
        ("beneficiary", {"date_of_birth_year": "2027"}, "date_of_birth", "cannot be in the future"),
        ("beneficiary", {"date_of_birth_year": "88"}, "date_of_birth", "four digits"),
        ("beneficiary", {"date_of_birth_day": ""}, "date_of_birth", "needs a day"),
        (
            "beneficiary",
            {"date_of_birth_day": "", "date_of_birth_month": "", "date_of_birth_year": ""},
            "date_of_birth",
            "Enter the date of birth.",
        ),
        ("beneficiary", {"country_of_birth": "XX"}, "country_of_birth", "Choose one of"),
        ("beneficiary", {"passport_number": "P1"}, "passport_number", "5 to 20 letters"),
        (
            "location",
            {"location": "inside_us", "current_country": "US"},
            "location",
            "only a re-parole",
        ),
        ("location", {"current_country": "US"}, "current_country", "the country they are in now"),
        ("reason", {"statement": ""}, "statement", "Say what is happening"),
        ("reason", {"basis": "because"}, "basis", "Choose one of the answers listed."),
        ("period", {"requested_days": "0"}, "requested_days", "at least 1 day"),
        ("period", {"requested_days": "six months"}, "requested_days", "whole number, like 90"),
        ("sponsor", {"annual_income_usd": "a lot"}, "annual_income_usd", "whole number of dollars"),
        ("sponsor", {"household_size": "0"}, "household_size", "Count at least the sponsor"),
        ("fee", {"payment": "exempt"}, "exemption", "which ground of exemption applies"),
        ("expedite", {"wanted": "on"}, "reason", "Say why the decision is urgent"),
    ],
)
def test_each_step_says_in_plain_words_what_to_fix(client, step, changes, field, message):
    draft = start(client)
    response = answer(client, draft, step, **changes)

    found = errors_on(response)
    assert list(found) == [field]
    assert message in " ".join(found[field])
    page = response.content.decode()
    # The summary at the top links to the field; the message sits by the field.
    assert 'class="usa-alert usa-alert--error' in page
    assert f'id="id_{field}-error"' in page
    assert re.search(rf'href="#id_{field}(_0|_month)?"', page)
    draft.refresh_from_db()
    assert list(draft.data) == ["family_group"]


def test_the_fee_step_shows_todays_online_fee_and_when_it_took_effect(client):
    draft = start(client)
    page = client.get(f"/requests/drafts/{draft.pk}/fee/").content.decode()
    assert "Pay the filing fee of $580" in page
    assert "April 1, 2024" in page
    assert "Afghan special immigrant" in page  # the exemptions come from policy

    answer(client, draft, "fee", payment="exempt", exemption="armed_forces")
    draft.refresh_from_db()
    assert draft.data["fee"] == {"payment": "exempt", "exemption": "armed_forces"}


def test_a_draft_resumes_at_its_first_unanswered_step(client):
    draft = start(client)
    for step in ("kind", "filer", "beneficiary", "location"):
        answer(client, draft, step)
    draft.refresh_from_db()
    assert draft.step == "location"

    listed = client.get("/requests/").content.decode()
    assert "Farid Haidari" in listed
    assert f'href="/requests/drafts/{draft.pk}/"' in listed
    assert f'href="/requests/drafts/{draft.pk}/delete/"' in listed
    resumed = client.get(f"/requests/drafts/{draft.pk}/")
    assert resumed["Location"] == f"/requests/drafts/{draft.pk}/reason/"
    # Earlier answers are shown again when the user goes back.
    page = client.get(f"/requests/drafts/{draft.pk}/beneficiary/").content.decode()
    assert 'value="Farid"' in page
    assert 'value="P1234567"' in page
    assert '<option value="3" selected>03 - March</option>' in page


def test_save_and_finish_later_returns_to_my_requests(client):
    draft = start(client)
    response = answer(client, draft, "filer", later="1")
    assert response["Location"] == "/requests/"


def test_a_change_from_the_review_goes_back_to_the_review(client):
    draft = start(client)
    fill_all(client, draft)
    response = client.post(
        f"/requests/drafts/{draft.pk}/period/", {"requested_days": "90", "from": "review"}
    )
    assert response["Location"] == f"/requests/drafts/{draft.pk}/review/"
    review = client.get(f"/requests/drafts/{draft.pk}/review/").content.decode()
    assert "90 days" in review
    assert f'href="/requests/drafts/{draft.pk}/period/?from=review"' in review
    assert f'action="/requests/drafts/{draft.pk}/submit/"' in review


def test_a_draft_is_only_its_owners(client, alice):
    draft = start(client)
    bob, _ = user_create(
        username="bob", role=Role.REQUESTOR, email="b@example.org", password=PASSWORD
    )
    other = Client()
    other.force_login(bob)
    base = f"/requests/drafts/{draft.pk}"
    for path in ("/", "/filer/", "/review/", "/filed/", "/paper/", "/delete/"):
        assert other.get(base + path).status_code == 404, path
    assert other.post(base + "/filer/", ANSWERS["filer"]).status_code == 404
    assert other.post(base + "/submit/").status_code == 404
    assert other.post(base + "/delete/").status_code == 404
    assert FilingDraft.objects.filter(pk=draft.pk).exists()
    assert "Haidari" not in other.get("/requests/").content.decode()


def test_the_owner_deletes_a_draft_after_confirming(client):
    draft = start(client)
    assert "Delete the draft" in client.get(f"/requests/drafts/{draft.pk}/delete/").content.decode()
    response = client.post(f"/requests/drafts/{draft.pk}/delete/")
    assert response["Location"] == "/requests/"
    assert not FilingDraft.objects.exists()


def test_before_filing_the_wizard_tells_the_parole_fee_and_the_work_permit_fee(client):
    draft = start(client)
    fill_all(client, draft)
    for url in (f"/requests/drafts/{draft.pk}/fee/", f"/requests/drafts/{draft.pk}/review/"):
        page = " ".join(client.get(url).content.decode().split())
        assert "parole fee of $1,000</strong>" in page
        assert "cannot be waived" in page
        assert "Medical emergency" in page
        assert "Organ donor" in page
        assert "costs <strong>$560</strong>, and $280 to renew" in page
        assert "postmarked since January 1, 2026" in page
