"""POST /api/v1/screenings: every outcome and flag through the API, and every refusal."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from rest_framework.test import APIClient

from paroledesk.core.screening import Flag, Outcome, Step
from paroledesk.core.tests.test_screening import answers
from paroledesk.testing.fixtures import client_for

URL = "/api/v1/screenings"
pytestmark = pytest.mark.usefixtures("policy")


def ask(body: Any, client: APIClient | None = None) -> Any:
    with time_machine.travel("2026-11-30 12:00:00Z", tick=False):
        return (client or APIClient()).post(URL, body, format="json")


INSIDE_HQ = {"beneficiary_location": "inside_us"}


@pytest.mark.parametrize(
    ("overrides", "outcome", "flags"),
    [
        ({}, Outcome.MAY_REQUEST_PAROLE, []),
        (
            {**INSIDE_HQ, "current_parole": {"granted_by": "uscis_hq", "ends_on": "2027-11-30"}},
            Outcome.MAY_REQUEST_REPAROLE,
            [],
        ),
        ({"prior_denial": {"new_facts": False}}, Outcome.REFILE_NEEDS_NEW_FACTS, []),
        (
            INSIDE_HQ,
            Outcome.NOT_ELIGIBLE,
            [Flag.INSIDE_US_WITHOUT_HQ_PAROLE, Flag.ATTORNEY_REVIEW_RECOMMENDED],
        ),
        (
            {**INSIDE_HQ, "current_parole": {"granted_by": "cbp", "ends_on": "2027-11-30"}},
            Outcome.NOT_ELIGIBLE,
            [Flag.INSIDE_US_WITHOUT_HQ_PAROLE, Flag.REPAROLE_REQUIRES_HQ_GRANT,
             Flag.ATTORNEY_REVIEW_RECOMMENDED],
        ),
        (
            {**INSIDE_HQ, "current_parole": {"granted_by": "uscis_hq", "ends_on": "2026-10-01"}},
            Outcome.MAY_REQUEST_REPAROLE,
            [Flag.PAROLE_ALREADY_ENDED, Flag.ATTORNEY_REVIEW_RECOMMENDED],
        ),
        (
            {**INSIDE_HQ, "current_parole": {"granted_by": "uscis_hq", "ends_on": "2027-01-15"}},
            Outcome.MAY_REQUEST_REPAROLE,
            [Flag.REPAROLE_FILE_NOW],
        ),
        ({"prior_removal_or_criminal_record": True}, Outcome.MAY_REQUEST_PAROLE,
         [Flag.ATTORNEY_REVIEW_RECOMMENDED]),
        ({"has_sponsor": False}, Outcome.MAY_REQUEST_PAROLE, [Flag.FINANCIAL_SUPPORT_MISSING]),
        ({"visa_available": "yes"}, Outcome.NOT_ELIGIBLE, [Flag.VISA_ROUTE_AVAILABLE]),
        ({"requested_days": 400}, Outcome.MAY_REQUEST_PAROLE, [Flag.LONG_PERIOD]),
        ({"reason_category": "none"}, Outcome.NOT_ELIGIBLE, [Flag.NO_HUMANITARIAN_REASON]),
    ],
)  # fmt: skip
def test_the_api_answers_each_outcome_with_its_flags(overrides, outcome, flags):
    response = ask(answers(**overrides))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["outcome"] == outcome.value
    assert body["flags"] == [flag.value for flag in flags]


def test_the_answer_has_the_contracts_keys_with_steps_checklist_fees_and_a_disclaimer():
    body = ask(answers(prior_removal_or_criminal_record=True)).json()
    assert {"outcome", "flags", "next_steps", "checklist", "filing_fee_usd"} <= set(body)
    assert body["filing_fee_usd"] == 580
    assert body["parole_fee_usd"] == 1000
    assert body["as_of"] == "2026-11-30"
    assert "not legal advice" in body["disclaimer"]
    steps = {step["code"]: step for step in body["next_steps"]}
    assert "$580 online or $630 on paper" in steps[Step.FILING_FEE]["text"]
    assert "$1,000" in steps[Step.PAROLE_FEE]["text"]
    assert steps[Step.LEGAL_HELP]["url"].startswith("https://www.justice.gov/eoir/")
    assert "notario" in steps[Step.NOTARIO_WARNING]["text"]
    letter = next(item for item in body["checklist"] if item["code"] == "medical_letter")
    assert letter["what"] == "A letter from their doctor"


def test_the_day_asked_about_sets_the_fees():
    body = ask(answers(today="2024-06-03")).json()
    assert (body["filing_fee_usd"], body["parole_fee_usd"]) == (580, None)
    assert Step.PAROLE_FEE not in {step["code"] for step in body["next_steps"]}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (answers(current_parole={"granted_by": "uscis_hq", "ends_on": "2027-01-01"}),
         "current_parole"),
        (answers(beneficiary_location="inside_us",
                 current_parole={"granted_by": "uscis_hq", "ends_on": "2027-02-31"}),
         "current_parole.ends_on"),
        (answers(prior_denial={"new_facts": 1}), "prior_denial.new_facts"),
        (answers(requested_days=0), "requested_days"),
        (answers(requested_days=10**12), "requested_days"),
        (answers(today="1990-01-01"), "today"),
        ([1, 2, 3], None),
        ("outside_us", None),
    ],
)  # fmt: skip
def test_a_contradiction_or_malformed_answer_is_refused_with_its_field(body, field):
    response = ask(body)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [(error["code"], error["field"]) for error in errors] == [("invalid", field)]
    assert errors[0]["message"].endswith(".")


def test_a_body_that_is_not_json_is_refused_in_the_error_shape():
    with time_machine.travel("2026-11-30 12:00:00Z", tick=False):
        response = APIClient().post(URL, "{not json", content_type="application/json")
        plain = APIClient().post(URL, "x=1", content_type="text/plain")
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "invalid"
    assert plain.status_code == 415
    assert plain.json()["errors"][0]["code"] == "unsupported_media_type"


def test_anyone_may_ask_and_a_token_sent_is_still_checked(alice):
    assert ask(answers(), client_for(alice)).status_code == 200
    stranger = APIClient()
    stranger.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    refused = ask(answers(), stranger)
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["code"] == "not_authenticated"


def test_only_post_is_allowed():
    response = APIClient().get(URL)
    assert response.status_code == 405
    assert response.json()["errors"][0]["code"] == "method_not_allowed"


def test_a_day_before_any_fee_on_record_is_refused_naming_today():
    response = ask(answers(today="2001-06-01"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "today"
