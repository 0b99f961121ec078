"""The screener's rules: each outcome, each flag, and the answers it refuses."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from paroledesk.core.policy import DEFAULT_ENTRIES, Policy
from paroledesk.core.screening import (
    Flag,
    Outcome,
    Screening,
    ScreeningInvalid,
    Step,
    parse_answers,
    screen,
)

TODAY = date(2026, 11, 30)


def answers(**overrides: Any) -> dict[str, Any]:
    """A person abroad with a medical emergency, a sponsor and no visa in reach."""
    found: dict[str, Any] = {
        "beneficiary_location": "outside_us",
        "current_parole": None,
        "reason_category": "medical",
        "visa_available": "no",
        "prior_denial": None,
        "prior_removal_or_criminal_record": False,
        "has_sponsor": True,
        "requested_days": 180,
    }
    found.update(overrides)
    return found


def run(raw: dict[str, Any], *, today: date = TODAY) -> Screening:
    parsed = parse_answers(raw, today=today)
    return screen(parsed, Policy(DEFAULT_ENTRIES).in_force(parsed.today or today), today=today)


def hq_parole(ends_on: str) -> dict[str, Any]:
    return answers(
        beneficiary_location="inside_us",
        current_parole={"granted_by": "uscis_hq", "ends_on": ends_on},
    )


def refused(raw: object) -> list[tuple[str | None, str]]:
    with pytest.raises(ScreeningInvalid) as caught:
        run(raw)  # type: ignore[arg-type]
    return [(error.field, error.message) for error in caught.value.errors]


# -- outcomes ----------------------------------------------------------------------------


def test_a_person_abroad_with_a_reason_and_a_sponsor_may_request_parole():
    result = run(answers())
    assert result.outcome is Outcome.MAY_REQUEST_PAROLE
    assert result.flags == []
    assert [step.code for step in result.steps][:2] == [Step.FILE_INITIAL, Step.GATHER_EVIDENCE]


def test_a_person_inside_on_a_parole_headquarters_granted_may_request_reparole():
    result = run(hq_parole("2027-11-30"))
    assert result.outcome is Outcome.MAY_REQUEST_REPAROLE
    assert result.flags == []
    assert result.steps[0].code is Step.FILE_REPAROLE
    assert result.steps[0].values == {"ends_on": "2027-11-30", "lead": "90"}


def test_a_denial_without_new_facts_needs_new_facts_before_refiling():
    result = run(answers(prior_denial={"new_facts": False}))
    assert result.outcome is Outcome.REFILE_NEEDS_NEW_FACTS
    assert result.steps[0].code is Step.NO_APPEAL


def test_a_denial_with_new_facts_may_be_refiled():
    result = run(answers(prior_denial={"new_facts": True}))
    assert result.outcome is Outcome.MAY_REQUEST_PAROLE
    assert result.steps[0].code is Step.FILE_REFILING
    assert "denial_notice" in {item.code for item in result.checklist}


def test_a_person_inside_without_parole_is_not_eligible_and_gets_no_checklist():
    result = run(answers(beneficiary_location="inside_us"))
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert result.checklist == []
    assert Step.FILE_INITIAL not in {step.code for step in result.steps}


# -- flags ---------------------------------------------------------------------------------


def test_inside_without_any_parole_is_flagged_and_sent_to_legal_help():
    result = run(answers(beneficiary_location="inside_us"))
    assert result.flags == [Flag.INSIDE_US_WITHOUT_HQ_PAROLE, Flag.ATTORNEY_REVIEW_RECOMMENDED]
    codes = [step.code for step in result.steps]
    assert codes == [Step.INSIDE_US_ONLY_REPAROLE, Step.LEGAL_HELP, Step.PRO_BONO,
                     Step.NOTARIO_WARNING]  # fmt: skip


@pytest.mark.parametrize("granted_by", ["cbp", "other_program"])
def test_a_parole_granted_by_cbp_or_another_program_cannot_be_renewed_here(granted_by):
    raw = answers(
        beneficiary_location="inside_us",
        current_parole={"granted_by": granted_by, "ends_on": "2027-06-01"},
    )
    result = run(raw)
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert Flag.REPAROLE_REQUIRES_HQ_GRANT in result.flags
    assert Flag.INSIDE_US_WITHOUT_HQ_PAROLE in result.flags
    assert result.steps[0].code is Step.NON_HQ_PAROLE


def test_a_parole_that_ended_may_still_be_renewed_late_with_legal_help():
    result = run(hq_parole("2026-11-29"))
    assert result.outcome is Outcome.MAY_REQUEST_REPAROLE
    assert result.flags == [Flag.PAROLE_ALREADY_ENDED, Flag.ATTORNEY_REVIEW_RECOMMENDED]
    assert result.steps[0].code is Step.PAROLE_ENDED


def test_under_ninety_days_left_says_file_now_and_ninety_does_not():
    # 2027-02-27 is 89 days after 2026-11-30; 2027-02-28 is 90.
    late = run(hq_parole("2027-02-27"))
    assert late.flags == [Flag.REPAROLE_FILE_NOW]
    assert late.steps[0].code is Step.FILE_NOW
    assert late.steps[0].values == {"ends_on": "2027-02-27", "lead": "90", "days": "89"}
    assert Step.FILE_REPAROLE not in {step.code for step in late.steps}
    assert run(hq_parole("2027-02-28")).flags == []
    # The last day of parole is still parole: file now, it has not ended.
    assert run(hq_parole("2026-11-30")).flags == [Flag.REPAROLE_FILE_NOW]


def test_a_removal_or_a_criminal_record_recommends_an_attorney_without_barring_a_request():
    result = run(answers(prior_removal_or_criminal_record=True))
    assert result.outcome is Outcome.MAY_REQUEST_PAROLE
    assert result.flags == [Flag.ATTORNEY_REVIEW_RECOMMENDED]
    codes = {step.code for step in result.steps}
    assert {Step.LEGAL_HELP, Step.PRO_BONO, Step.NOTARIO_WARNING} <= codes
    links = {step.code: step.url for step in result.steps}
    assert str(links[Step.LEGAL_HELP]).startswith("https://www.justice.gov/eoir/")
    assert str(links[Step.NOTARIO_WARNING]).startswith("https://www.uscis.gov/")


def test_no_sponsor_flags_missing_financial_support():
    result = run(answers(has_sponsor=False))
    assert result.outcome is Outcome.MAY_REQUEST_PAROLE
    assert result.flags == [Flag.FINANCIAL_SUPPORT_MISSING]
    assert Step.FIND_SPONSOR in {step.code for step in result.steps}


def test_a_visa_that_could_serve_is_the_way_instead_of_parole():
    result = run(answers(visa_available="yes"))
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert result.flags == [Flag.VISA_ROUTE_AVAILABLE]
    assert result.steps[0].code is Step.APPLY_FOR_VISA


def test_not_knowing_about_a_visa_asks_to_find_out():
    result = run(answers(visa_available="unknown"))
    assert result.outcome is Outcome.MAY_REQUEST_PAROLE
    assert Step.CHECK_VISA in {step.code for step in result.steps}


def test_more_than_a_year_is_a_long_period_and_a_year_is_not():
    result = run(answers(requested_days=366))
    assert result.flags == [Flag.LONG_PERIOD]
    assert result.outcome is Outcome.MAY_REQUEST_PAROLE
    assert run(answers(requested_days=365)).flags == []


def test_no_reason_is_no_humanitarian_reason_and_not_eligible():
    result = run(answers(reason_category="none"))
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert result.flags == [Flag.NO_HUMANITARIAN_REASON]
    assert result.steps[0].code is Step.NEEDS_REASON


def test_flags_come_in_the_contracts_order():
    raw = answers(
        reason_category="none",
        visa_available="yes",
        has_sponsor=False,
        requested_days=400,
        prior_removal_or_criminal_record=True,
    )
    assert run(raw).flags == [
        Flag.ATTORNEY_REVIEW_RECOMMENDED,
        Flag.FINANCIAL_SUPPORT_MISSING,
        Flag.VISA_ROUTE_AVAILABLE,
        Flag.LONG_PERIOD,
        Flag.NO_HUMANITARIAN_REASON,
    ]


# -- checklist and fees ----------------------------------------------------------------------


def test_the_checklist_asks_for_what_the_reason_needs_and_what_every_request_needs():
    medical = {item.code for item in run(answers()).checklist}
    protection = {item.code for item in run(answers(reason_category="protection")).checklist}
    common = {"form_i131", "passport", "sponsor_income", "visa_attempt", "filing_fee"}
    assert {"medical_letter", "treatment_in_us"} | common <= medical
    assert {"harm_evidence", "country_conditions"} | common <= protection
    assert "medical_letter" not in protection
    benefit = {item.code for item in run(answers(reason_category="public_benefit")).checklist}
    assert {"benefit_proof", "agency_letter"} <= benefit
    assert "earlier_grant" in {item.code for item in run(hq_parole("2027-11-30")).checklist}


def test_fees_are_those_in_force_on_the_day_asked_about():
    now = run(answers())
    assert (now.filing_fee_usd, now.paper_filing_fee_usd, now.parole_fee_usd) == (580, 630, 1000)
    fee_step = next(step for step in now.steps if step.code is Step.PAROLE_FEE)
    assert "Medical emergency" in fee_step.values["exceptions"]
    before = run(answers(today="2024-03-01"))
    assert (before.filing_fee_usd, before.parole_fee_usd) == (575, None)
    assert Step.PAROLE_FEE not in {step.code for step in before.steps}


# -- refusals ---------------------------------------------------------------------------------


def test_a_current_parole_while_abroad_is_refused_as_a_contradiction():
    problems = refused(answers(current_parole={"granted_by": "uscis_hq", "ends_on": "2027-01-01"}))
    assert [field for field, _ in problems] == ["current_parole"]
    assert "outside the United States" in problems[0][1]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"requested_days": 0}, "requested_days"),
        ({"requested_days": -5}, "requested_days"),
        ({"requested_days": 100_000}, "requested_days"),
        ({"requested_days": True}, "requested_days"),
        ({"requested_days": "180"}, "requested_days"),
        ({"prior_denial": {"new_facts": "yes"}}, "prior_denial.new_facts"),
        ({"prior_denial": {}}, "prior_denial.new_facts"),
        ({"prior_denial": {"new_facts": True, "when": "2020"}}, "prior_denial.when"),
        ({"prior_denial": True}, "prior_denial"),
        ({"reason_category": "money"}, "reason_category"),
        ({"visa_available": None}, "visa_available"),
        ({"has_sponsor": "no"}, "has_sponsor"),
        ({"today": "2026-02-30"}, "today"),
        ({"today": "1999-12-31"}, "today"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_a_malformed_answer_is_refused_naming_its_field(overrides, field):
    assert [found for found, _ in refused(answers(**overrides))] == [field]


@pytest.mark.parametrize("ends_on", ["2027-13-01", "tomorrow", "2027-W11-1", "2045-01-01", None])
def test_a_parole_end_that_is_no_real_date_is_refused(ends_on):
    raw = answers(
        beneficiary_location="inside_us",
        current_parole={"granted_by": "uscis_hq", "ends_on": ends_on},
    )
    assert [field for field, _ in refused(raw)] == ["current_parole.ends_on"]


def test_answers_that_are_not_an_object_are_refused_whole():
    assert refused(["outside_us"]) == [
        (None, "The answers must be a JSON object with named fields.")
    ]


def test_every_missing_answer_is_named_at_once():
    fields = {field for field, _ in refused({})}
    assert fields == {
        "beneficiary_location", "reason_category", "visa_available",
        "prior_removal_or_criminal_record", "has_sponsor", "requested_days",
    }  # fmt: skip
