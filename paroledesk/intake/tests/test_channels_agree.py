"""The wizard, the API and the bulk import give the same verdict on the same filing document.

Each document goes through each door in turn, and each door's filing is rolled
back before the next, so that none of them sees another's request. The API and
the import must answer with the same codes on the same fields; the wizard must
refuse it on the same step and question as those errors lead back to
(``steps.locate``), or file it with the same warnings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from rest_framework.test import APIClient

from paroledesk.accounts.models import User
from paroledesk.accounts.services import token_issue
from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.core.codes import ErrorCode
from paroledesk.core.filing import FieldError
from paroledesk.intake.bulk.importer import requests_import
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.services import FilingRefused, request_file
from paroledesk.intake.wizard import steps as wizard
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)
# Someone granted parole who arrived: the grant a re-parole may renew.
GRANTED = "granted"
# A request of the same person that was denied: the one a refiling follows.
DENIED = "denied"


@dataclass(frozen=True)
class Verdict:
    """Filed (with these warnings) or refused (on these steps and questions)."""

    filed: bool
    warnings: frozenset[str] = frozenset()
    refused_on: frozenset[tuple[str, str]] = frozenset()
    codes: frozenset[tuple[str, str | None]] = field(default=frozenset(), compare=False)


def refusal(errors: list[FieldError], document: dict[str, Any]) -> Verdict:
    located = wizard.locate(errors, document)
    return Verdict(
        filed=False,
        refused_on=frozenset((item.step, item.field) for item in located),
        codes=frozenset((error.code.value, error.field) for error in errors),
    )


@contextmanager
def rolled_back() -> Iterator[None]:
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def through_the_api(document: dict[str, Any], alice: User) -> Verdict:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=alice)}")
    response = api.post("/api/v1/requests", document, format="json")
    body = response.json()
    if response.status_code == 201:
        return Verdict(True, frozenset(warning["code"] for warning in body["warnings"]))
    assert response.status_code == 422, body
    errors = [FieldError(ErrorCode(e["code"]), e["field"], e["message"]) for e in body["errors"]]
    return refusal(errors, document)


def through_the_import(document: dict[str, Any], alice: User) -> Verdict:
    line = json.dumps({**document, "channel": "online"})
    (result,) = requests_import(lines=[line], filed_by=alice, today=TODAY)
    if result.receipt_number is not None:
        return Verdict(True, frozenset(result.warnings))
    return refusal(list(result.errors), document)


def answers(step: str, document: dict[str, Any]) -> dict[str, str]:  # noqa: PLR0911
    """What a person types on a step of the wizard to give the document's answers."""
    filer = document.get("requestor") or {}
    person = document.get("beneficiary") or {}
    if step == "kind":
        return {"kind": document["kind"]}
    if step in ("reparole", "refiling"):
        return {
            key: document[key]
            for key in ("related_receipt_number", "new_facts")
            if document.get(key) is not None
        }
    if step == "filer":
        return {key: str(value) for key, value in filer.items()}
    if step == "beneficiary":
        year, month, day = str(person.get("date_of_birth", "--")).split("-")
        keys = ("given_name", "family_name", "country_of_birth", "country_of_citizenship")
        typed = {key: person.get(key, "") for key in keys}
        typed["passport_number"] = person.get("passport_number") or ""
        typed.update(date_of_birth_year=year, date_of_birth_month=month, date_of_birth_day=day)
        return typed
    if step == "location":
        return {"location": person["location"], "current_country": person["current_country"]}
    if step == "period":
        return {"requested_days": str(document["requested_days"])}
    if step == "expedite":
        expedite = document.get("expedite")
        return {} if expedite is None else {"wanted": "on", "reason": expedite.get("reason", "")}
    return {key: str(value) for key, value in (document.get(step) or {}).items()}


def through_the_wizard(document: dict[str, Any], alice: User) -> Verdict:
    browser = Client()
    browser.force_login(alice)
    browser.post("/requests/new/")
    draft = FilingDraft.objects.latest("id")
    refused: set[tuple[str, str]] = set()
    kind_step = browser.post(f"/requests/drafts/{draft.pk}/kind/", answers("kind", document))
    assert kind_step.status_code == 302
    for step in wizard.steps_for(document)[1:]:
        response = browser.post(
            f"/requests/drafts/{draft.pk}/{step.slug}/", answers(step.slug, document)
        )
        if response.status_code == 200:
            refused |= {(step.slug, name) for name in response.context["form"].errors}
    if refused:
        return Verdict(False, refused_on=frozenset(refused))
    try:
        submitted = wizard.draft_submit(owner=alice, draft_id=draft.pk, today=TODAY)
    except wizard.PaperOnly:
        # The wizard sends a waiver to paper rather than refusing it.
        return Verdict(False, refused_on=frozenset({("fee", "payment")}))
    except FilingRefused as refused_filing:
        return refusal(refused_filing.errors, document)
    return Verdict(True, frozenset(warning.code.value for warning in submitted.warnings))


def earlier(alice: User, olivia: User, sam: User, outcome: str) -> str:
    """The receipt number of alice's earlier request for Farid, granted or denied."""
    request = request_file(raw=filing_document(), filed_by=alice, today=TODAY).request
    work.case_assign(request=request, officer=olivia, actor=sam, on=TODAY)
    work.case_start_review(request=request, actor=olivia, on=TODAY)
    if outcome == DENIED:
        work.case_decide(
            request=request,
            outcome=Outcome.DENY,
            actor=olivia,
            reasons=["insufficient_evidence"],
            on=TODAY,
        )
    else:
        work.case_decide(
            request=request,
            outcome=Outcome.APPROVE,
            actor=olivia,
            parole_days=365,
            parole_fee_exception="medical_emergency",
            on=TODAY,
        )
        work.arrival_record(request=request, arrived_on=TODAY, actor=None)
    return request.receipt_number


INSIDE = {**filing_document()["beneficiary"], "location": "inside_us", "current_country": "US"}
REPRESENTATIVE = {"role": "representative", "family_name": "Reyes", "given_name": "Rita"}
ORGANIZATION = {"role": "organization", "email": "help@example.org"}

# (name, changes to the base document, the earlier request it needs, the expected verdict)
CASES: list[tuple[str, dict[str, Any], str | None, Verdict]] = [
    ("complete", {}, None, Verdict(True)),
    (
        "kosovo and stateless",
        {
            "beneficiary": {
                **filing_document()["beneficiary"],
                "country_of_birth": "XK",
                "country_of_citizenship": "stateless",
                "current_country": "XK",
            }
        },
        None,
        Verdict(True),
    ),
    ("long period", {"requested_days": 400}, None, Verdict(True, frozenset({"long_period"}))),
    (
        "expedited",
        {"expedite": {"reason": "The surgery is on December 9."}},
        None,
        Verdict(True, frozenset({"expedite_requested"})),
    ),
    (
        "relative without a relationship",
        {"requestor": {**filing_document()["requestor"], "relationship": None}},
        None,
        Verdict(False, refused_on=frozenset({("filer", "relationship")})),
    ),
    (
        "organization without its name",
        {"requestor": ORGANIZATION},
        None,
        Verdict(False, refused_on=frozenset({("filer", "organization_name")})),
    ),
    (
        "representative without a G-28",
        {"requestor": REPRESENTATIVE},
        None,
        Verdict(False, refused_on=frozenset({("filer", "bar_number")})),
    ),
    (
        "born in the future",
        {"beneficiary": {**filing_document()["beneficiary"], "date_of_birth": "2027-01-04"}},
        None,
        Verdict(False, refused_on=frozenset({("beneficiary", "date_of_birth")})),
    ),
    (
        "inside the United States for an initial request",
        {"beneficiary": INSIDE},
        None,
        Verdict(False, refused_on=frozenset({("location", "location")})),
    ),
    (
        "outside the United States but in the United States",
        {"beneficiary": {**filing_document()["beneficiary"], "current_country": "US"}},
        None,
        Verdict(False, refused_on=frozenset({("location", "current_country")})),
    ),
    (
        "inside the United States but somewhere else",
        {"kind": "reparole", "beneficiary": {**INSIDE, "current_country": "MX"}},
        GRANTED,
        Verdict(False, refused_on=frozenset({("location", "current_country")})),
    ),
    (
        "a re-parole for someone outside",
        {"kind": "reparole"},
        GRANTED,
        Verdict(False, refused_on=frozenset({("location", "location")})),
    ),
    (
        "a re-parole of a live grant",
        {"kind": "reparole", "beneficiary": INSIDE},
        GRANTED,
        Verdict(True),
    ),
    (
        "a re-parole of a denial",
        {"kind": "reparole", "beneficiary": INSIDE},
        DENIED,
        Verdict(False, refused_on=frozenset({("reparole", "related_receipt_number")})),
    ),
    (
        "a refiling without new facts",
        {"kind": "refiling"},
        DENIED,
        Verdict(False, refused_on=frozenset({("refiling", "new_facts")})),
    ),
    (
        "a refiling of a grant",
        {"kind": "refiling", "new_facts": "A new hospital letter."},
        GRANTED,
        Verdict(False, refused_on=frozenset({("refiling", "related_receipt_number")})),
    ),
    (
        "exempt without a ground",
        {"fee": {"payment": "exempt"}},
        None,
        Verdict(False, refused_on=frozenset({("fee", "exemption")})),
    ),
    (
        "exempt on a ground that does not exist",
        {"fee": {"payment": "exempt", "exemption": "friend_of_the_court"}},
        None,
        Verdict(False, refused_on=frozenset({("fee", "exemption")})),
    ),
    (
        "a fee waiver online",
        {"fee": {"payment": "waiver_requested"}},
        None,
        Verdict(False, refused_on=frozenset({("fee", "payment")})),
    ),
    (
        "an expedite without its reason",
        {"expedite": {"reason": ""}},
        None,
        Verdict(False, refused_on=frozenset({("expedite", "reason")})),
    ),
]


@pytest.mark.parametrize(
    ("changes", "needs", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_wizard_the_api_and_the_import_agree(
    changes, needs, expected, policy, alice, olivia, sam, time_machine
):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    document = filing_document(**changes)
    if needs is not None:
        document["related_receipt_number"] = earlier(alice, olivia, sam, needs)
    document = {key: value for key, value in document.items() if value is not None}
    document["requestor"] = {
        key: value for key, value in document["requestor"].items() if value is not None
    }

    verdicts = {}
    for door, file in [
        ("api", through_the_api),
        ("import", through_the_import),
        ("wizard", through_the_wizard),
    ]:
        with rolled_back():
            verdicts[door] = file(document, alice)

    assert verdicts["api"] == expected
    assert verdicts["import"] == verdicts["api"]
    assert verdicts["import"].codes == verdicts["api"].codes
    assert verdicts["wizard"] == verdicts["api"]
