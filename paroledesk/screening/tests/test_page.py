"""The screener's page: the questions in one form, the result in plain words below them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils.html import escape

from paroledesk.core.screening import Flag, Outcome
from paroledesk.screening.words import FLAGS, OUTCOMES

pytestmark = [pytest.mark.usefixtures("policy"), pytest.mark.django_db]


def answered(**overrides: str) -> dict[str, str]:
    found = {
        "beneficiary_location": "outside_us",
        "parole_granted_by": "none",
        "parole_ends_on": "",
        "reason_category": "medical",
        "visa_available": "no",
        "prior_denial": "none",
        "prior_removal_or_criminal_record": "no",
        "has_sponsor": "yes",
        "requested_days": "180",
    }
    found.update(overrides)
    return found


def post(data: dict[str, Any], time_machine: Any) -> Any:
    time_machine.move_to("2026-11-30 12:00:00Z", tick=False)
    return Client().post("/screener/", data)


def test_the_page_asks_every_question_in_one_form_with_the_disclaimer():
    page = Client().get("/screener/")
    assert page.status_code == 200
    html = page.content.decode()
    for name in answered():
        assert f'name="{name}"' in html
    assert html.count('<fieldset class="usa-fieldset') >= 4
    assert "not legal advice" in html
    assert "Nothing you answer is saved" in html


@pytest.mark.parametrize(
    ("overrides", "outcome"),
    [
        ({}, Outcome.MAY_REQUEST_PAROLE),
        ({"beneficiary_location": "inside_us", "parole_granted_by": "uscis_hq",
          "parole_ends_on": "2027-11-30"}, Outcome.MAY_REQUEST_REPAROLE),
        ({"prior_denial": "no_new_facts"}, Outcome.REFILE_NEEDS_NEW_FACTS),
        ({"reason_category": "none"}, Outcome.NOT_ELIGIBLE),
    ],
)  # fmt: skip
def test_the_result_says_the_outcome_in_plain_words(overrides, outcome, time_machine):
    page = post(answered(**overrides), time_machine)
    assert page.status_code == 200
    assert page.context["outcome_title"] == OUTCOMES[outcome][0]
    assert escape(str(OUTCOMES[outcome][1])) in page.content.decode()


def test_a_flag_is_explained_and_legal_help_and_the_notario_warning_are_linked(time_machine):
    page = post(answered(prior_removal_or_criminal_record="yes", has_sponsor="no"), time_machine)
    html = page.content.decode()
    assert 'data-flag="attorney_review_recommended"' in html
    assert 'data-flag="inside_us_without_hq_parole"' not in html  # only the flags that apply
    assert escape(str(FLAGS[Flag.FINANCIAL_SUPPORT_MISSING])) in html
    assert 'data-flag="financial_support_missing"' in html
    assert "https://www.justice.gov/eoir/" in html
    assert "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers" in html
    assert "notario fraud" in html


def test_the_result_lists_the_documents_for_the_reason_and_the_fees_in_force(time_machine):
    html = post(answered(reason_category="protection"), time_machine).content.decode()
    assert 'data-item="harm_evidence"' in html
    assert 'data-item="form_i131"' in html
    assert 'data-item="medical_letter"' not in html
    assert "$580" in html
    assert "$630" in html
    assert "$1,000" in html
    assert "Medical emergency" in html  # a parole-fee exception, from policy
    assert 'href="/requests/new/"' in html


def test_not_eligible_has_no_checklist_and_no_start_button(time_machine):
    html = post(answered(visa_available="yes"), time_machine).content.decode()
    assert 'id="checklist"' not in html
    assert 'href="/requests/new/"' not in html
    assert 'data-step="apply_for_visa"' in html


def test_a_current_parole_while_abroad_is_refused_in_the_error_summary(time_machine):
    page = post(answered(parole_granted_by="uscis_hq", parole_ends_on="2027-05-01"), time_machine)
    assert page.status_code == 422
    html = page.content.decode()
    assert "Please check your answers" in html
    assert 'href="#id_parole_granted_by_0"' in html
    assert "Someone outside the United States cannot be on parole in it" in html
    assert "result" not in page.context


@pytest.mark.parametrize(
    ("overrides", "anchor"),
    [
        ({"requested_days": "0"}, "#id_requested_days"),
        ({"requested_days": "many"}, "#id_requested_days"),
        ({"beneficiary_location": "inside_us", "parole_granted_by": "uscis_hq"},
         "#id_parole_ends_on"),
        ({"parole_ends_on": "2027-02-30", "beneficiary_location": "inside_us",
          "parole_granted_by": "uscis_hq"}, "#id_parole_ends_on"),
        ({"reason_category": ""}, "#id_reason_category_0"),
        ({"has_sponsor": "maybe"}, "#id_has_sponsor_0"),
    ],
)  # fmt: skip
def test_a_bad_answer_is_named_in_the_error_summary(overrides, anchor, time_machine):
    page = post(answered(**overrides), time_machine)
    assert page.status_code == 422
    assert f'href="{anchor}"' in page.content.decode()
