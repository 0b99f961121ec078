"""The wizard files all three kinds of request: initial, re-parole of a granted request, and
refiling after a denial; refusals about the earlier request land on its step and field."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from django.test import Client

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.codes import ErrorCode
from paroledesk.core.filing import FieldError
from paroledesk.intake.services import request_file
from paroledesk.intake.tests.test_wizard import ANSWERS, answer, errors_on, start
from paroledesk.intake.wizard.fields import HOW_TO_FIX
from paroledesk.intake.wizard.steps import REVIEW, locate
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)
NEW_FACTS = "A hospital in Houston has now accepted him and set the surgery for January 12."
INSIDE = {"location": "inside_us", "current_country": ""}


def earlier(alice, olivia, sam, outcome: Outcome | None, **overrides) -> ParoleRequest:
    """A request alice filed for Farid, decided as ``outcome`` (None: not decided yet)."""
    request = request_file(raw=filing_document(**overrides), filed_by=alice, today=TODAY).request
    if outcome is None:
        return request
    work.case_assign(request=request, officer=olivia, actor=sam)
    work.case_start_review(request=request, actor=olivia)
    if outcome is Outcome.DENY:
        work.case_decide(
            request=request, outcome=outcome, actor=olivia, reasons=["insufficient_evidence"]
        )
        return request
    work.case_decide(
        request=request,
        outcome=outcome,
        actor=olivia,
        parole_days=365,
        parole_fee_exception="medical_emergency",
    )
    work.arrival_record(request=request, arrived_on=TODAY, actor=None)
    return request


def fill(client: Client, draft, kind: str, extra: dict[str, str], **per_step) -> None:
    """Answer every step of a draft of this kind; ``extra`` answers the earlier-request step."""
    steps = {"kind": {"kind": kind}, **({kind: extra} if kind != "initial" else {})}
    steps.update({step: answers for step, answers in ANSWERS.items() if step != "kind"})
    for step, answers in steps.items():
        response = client.post(
            f"/requests/drafts/{draft.pk}/{step}/", {**answers, **per_step.get(step, {})}
        )
        assert response.status_code == 302, (step, response.context["form"].errors)


def test_the_first_question_is_the_kind_and_it_decides_which_steps_follow(client):
    draft = start(client)
    page = client.get(f"/requests/drafts/{draft.pk}/kind/").content.decode()
    assert "What are you asking for?" in page
    assert "A denial cannot be appealed" in page
    assert "Ask at least 90 days before their parole ends." in page  # the lead time is policy
    assert "of 10" in page
    assert client.get(f"/requests/drafts/{draft.pk}/refiling/").status_code == 404

    for kind, following, total in [
        ("initial", "filer", 10),
        ("reparole", "reparole", 11),
        ("refiling", "refiling", 11),
    ]:
        response = answer(client, draft, "kind", kind=kind)
        assert response["Location"] == f"/requests/drafts/{draft.pk}/{following}/"
        page = client.get(f"/requests/drafts/{draft.pk}/filer/").content.decode()
        assert f"of {total}" in page
    reparole = client.get(f"/requests/drafts/{draft.pk}/refiling/").content.decode()
    assert "A denial cannot be appealed, and no motion can be filed against it." in reparole
    assert "a new filing fee" in reparole


def test_a_reparole_of_a_granted_request_is_filed_through_the_wizard(client, alice, olivia, sam):
    granted = earlier(alice, olivia, sam, Outcome.APPROVE)
    draft = start(client)
    typed = granted.receipt_number.lower()[:5] + " " + granted.receipt_number[5:]
    fill(client, draft, "reparole", {"related_receipt_number": typed}, location=INSIDE)
    draft.refresh_from_db()
    assert draft.data["related_receipt_number"] == granted.receipt_number
    assert draft.data["beneficiary"]["current_country"] == "US"

    review = client.get(f"/requests/drafts/{draft.pk}/review/").content.decode()
    assert "Re-parole: more time for someone already paroled" in review
    assert f"<dd>{granted.receipt_number}</dd>" in review
    assert "How much longer they need to stay" in review
    reason = client.get(f"/requests/drafts/{draft.pk}/reason/").content.decode()
    assert "Why they need more time" in reason
    assert "why must they stay longer?" in reason

    submitted = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert submitted["Location"] == f"/requests/drafts/{draft.pk}/filed/"
    filed = ParoleRequest.objects.exclude(pk=granted.pk).get()
    assert (filed.kind, filed.related_request, filed.location) == ("reparole", granted, "inside_us")
    assert filed.beneficiary == granted.beneficiary
    assert filed.current_country == "US"
    done = client.get(submitted["Location"]).content.decode()
    assert f"renew the parole granted under request {granted.receipt_number}" in done


def test_a_refiling_of_a_denied_request_is_filed_through_the_wizard(client, alice, olivia, sam):
    denied = earlier(alice, olivia, sam, Outcome.DENY)
    draft = start(client)
    answers = {"related_receipt_number": denied.receipt_number, "new_facts": NEW_FACTS}
    fill(client, draft, "refiling", answers)

    review = client.get(f"/requests/drafts/{draft.pk}/review/").content.decode()
    assert "The denied request and what is new" in review
    assert f"<dd>{denied.receipt_number}</dd>" in review
    assert NEW_FACTS in review
    assert f'href="/requests/drafts/{draft.pk}/refiling/?from=review"' in review

    submitted = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert submitted["Location"] == f"/requests/drafts/{draft.pk}/filed/"
    filed = ParoleRequest.objects.exclude(pk=denied.pk).get()
    assert (filed.kind, filed.related_request, filed.new_facts) == ("refiling", denied, NEW_FACTS)
    done = client.get(submitted["Location"]).content.decode()
    assert f"after the denial of request {denied.receipt_number}" in done
    assert filed.beneficiary == denied.beneficiary


@pytest.mark.parametrize(
    ("kind", "outcome", "number", "beneficiary", "says"),
    [
        ("reparole", None, "", {}, "brought no parole to renew (received)"),
        ("reparole", Outcome.DENY, "", {}, "brought no parole to renew (denied)"),
        ("reparole", None, "IOE2704099999", {}, "No request for this beneficiary has receipt"),
        ("reparole", Outcome.APPROVE, "", {"given_name": "Omid"}, "No request for this bene"),
        ("refiling", None, "", {}, "was not denied (received)"),
        ("refiling", Outcome.APPROVE, "", {}, "was not denied (paroled)"),
        ("refiling", Outcome.DENY, "", {"given_name": "Omid"}, "No request for this bene"),
    ],
)
def test_a_refusal_about_the_earlier_request_lands_on_its_step_and_field(
    client, alice, olivia, sam, kind, outcome, number, beneficiary, says
):
    found = earlier(alice, olivia, sam, outcome)
    draft = start(client)
    answers = {"related_receipt_number": number or found.receipt_number, "new_facts": NEW_FACTS}
    where = INSIDE if kind == "reparole" else {}
    fill(client, draft, kind, answers, beneficiary=beneficiary, location=where)

    response = client.post(f"/requests/drafts/{draft.pk}/submit/")
    assert response["Location"] == f"/requests/drafts/{draft.pk}/{kind}/?from=review"
    assert ParoleRequest.objects.count() == 1
    step = client.get(response["Location"])
    [message] = errors_on(step)["related_receipt_number"]
    assert says in message
    assert (
        HOW_TO_FIX[ErrorCode(f"{kind}_requires_{'hq_grant' if kind == 'reparole' else 'denial'}")]
        in message
    )
    page = step.content.decode()
    assert 'id="id_related_receipt_number-error"' in page
    assert 'href="#id_related_receipt_number"' in page
    review = client.get(f"/requests/drafts/{draft.pk}/review/").content.decode()
    # The review lists it too, linking to the step that puts it right.
    link = re.search(
        rf'href="/requests/drafts/{draft.pk}/{kind}/\?from=review">([^<]*)</a>', review
    )
    assert link is not None
    assert says in html.unescape(link.group(1))


@pytest.mark.parametrize(
    ("kind", "path", "code", "step", "field"),
    [
        ("refiling", "new_facts", "new_facts_required", "refiling", "new_facts"),
        ("refiling", "related_receipt_number", "refiling_requires_denial", "refiling", ""),
        ("reparole", "related_receipt_number", "reparole_requires_hq_grant", "reparole", ""),
        ("refiling", "beneficiary.location", "beneficiary_inside_us", "location", "location"),
        ("initial", "beneficiary.location", "beneficiary_inside_us", "location", "location"),
    ],
)
def test_the_codes_about_the_kind_of_request_lead_to_their_step(kind, path, code, step, field):
    [found] = locate([FieldError(code, path, "Refused.")], {"kind": kind})
    expected = field or path
    assert (found.step, found.field) == (step, expected)
    assert found.step != REVIEW


@pytest.mark.parametrize(
    ("kind", "location", "says"),
    [
        ("initial", {**INSIDE, "current_country": "US"}, {"location": "change what you are"}),
        ("refiling", {**INSIDE, "current_country": "US"}, {"location": "only a re-parole"}),
        ("reparole", {**INSIDE, "current_country": "MX"}, {"current_country": "country is US"}),
        (
            "reparole",
            {"location": "outside_us", "current_country": "MX"},
            {"location": "parole for someone outside the United States"},
        ),
        (
            "reparole",
            {"location": "outside_us", "current_country": ""},
            {
                "location": "a re-parole is for someone inside",
                "current_country": "choose the country they are in now",
            },
        ),
    ],
)
def test_only_a_reparole_may_be_for_someone_inside_the_united_states(client, kind, location, says):
    draft = start(client)
    answer(client, draft, "kind", kind=kind)
    found = errors_on(client.post(f"/requests/drafts/{draft.pk}/location/", location))
    assert sorted(found) == sorted(says)
    for field, words in says.items():
        assert words.casefold() in found[field][0].casefold()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Enter the receipt number of the denied request."),
        ("12345", "must be three letters followed by ten digits, like IOE2700100042."),
        ("IOE2799900001", "has workday 999"),
    ],
)
def test_the_receipt_number_is_checked_as_typed(client, typed, says):
    draft = start(client)
    answer(client, draft, "kind", kind="refiling")
    response = client.post(
        f"/requests/drafts/{draft.pk}/refiling/",
        {"related_receipt_number": typed, "new_facts": ""},
    )
    found = errors_on(response)
    assert says in found["related_receipt_number"][0]
    assert found["new_facts"] == ["Say what is new since the denial."]


def test_another_kind_drops_the_answers_that_belonged_to_the_first(client, alice, olivia, sam):
    granted = earlier(alice, olivia, sam, Outcome.APPROVE)
    draft = start(client)
    fill(
        client,
        draft,
        "reparole",
        {"related_receipt_number": granted.receipt_number},
        location=INSIDE,
    )

    # Changed from the review: the new kind's own questions come next, then the review.
    changed = client.post(
        f"/requests/drafts/{draft.pk}/kind/", {"kind": "refiling", "from": "review"}
    )
    assert changed["Location"] == f"/requests/drafts/{draft.pk}/refiling/?from=review"
    draft.refresh_from_db()
    assert "related_receipt_number" not in draft.data
    assert "location" not in draft.data["beneficiary"]
    assert "Farid" in draft.data["beneficiary"]["given_name"]
    assert client.get(f"/requests/drafts/{draft.pk}/reparole/").status_code == 404
    review = client.get(f"/requests/drafts/{draft.pk}/review/").content.decode()
    assert "The parole to renew" not in review
    assert "Not answered" in review
    again = client.post(
        f"/requests/drafts/{draft.pk}/refiling/",
        {"related_receipt_number": "IOE2704000001", "new_facts": NEW_FACTS, "from": "review"},
    )
    assert again["Location"] == f"/requests/drafts/{draft.pk}/review/"
