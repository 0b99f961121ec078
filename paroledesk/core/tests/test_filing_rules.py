"""The filing rules and warnings, with a small stand-in policy."""

from __future__ import annotations

from datetime import date

import pytest

from paroledesk.core.codes import FilingSource
from paroledesk.core.filing import (
    FilingFacts,
    FilingOutcome,
    GrantFacts,
    RelatedRequestFacts,
    check_filing,
)
from paroledesk.core.tests.filing_samples import (
    DENIED,
    DROP,
    RELATED,
    FakePolicy,
    check,
    codes,
    document,
    hq_grant,
    parse,
    refiling,
    reparole,
    warning_codes,
)


def test_a_complete_initial_filing_passes_with_the_online_fee_due() -> None:
    outcome = check(document())
    assert outcome == FilingOutcome(errors=[], warnings=[], filing_fee_usd=580)


def test_a_beneficiary_inside_the_us_cannot_be_the_subject_of_an_initial_request() -> None:
    raw = document(beneficiary__location="inside_us", beneficiary__current_country="US")
    assert codes(check(raw)) == [("beneficiary_inside_us", "beneficiary.location")]


def test_a_reparole_from_inside_the_us_of_an_hq_grant_passes() -> None:
    assert check(reparole(), hq_grant()).errors == []


@pytest.mark.parametrize(
    ("facts", "problem"),
    [
        (FilingFacts(), f"No request for this beneficiary has receipt number {RELATED}."),
        (hq_grant(same_beneficiary=False), "No request for this beneficiary has receipt number"),
        (hq_grant(grant=None, status="denied"), "brought no parole to renew (denied)"),
        (hq_grant(grant=None, status="withdrawn"), "brought no parole to renew (withdrawn)"),
        (hq_grant(grant=GrantFacts("cbp", True, None, None)), "was granted by CBP, not by USCIS"),
        (hq_grant(grant=GrantFacts("other_program", True, None, None)), "by another program"),
        (
            hq_grant(grant=GrantFacts("uscis_hq", True, "departed", None)),
            "ended when the parolee left",
        ),
        (
            hq_grant(grant=GrantFacts("uscis_hq", True, "terminated", None)),
            "ended when it was terminated",
        ),
        # Granted but never begun: a conditional approval, an approval not used, a
        # conditional approval closed for the unpaid fee or withdrawn.
        (
            hq_grant(
                status="conditionally_approved", grant=GrantFacts("uscis_hq", False, None, None)
            ),
            "has not begun (conditionally approved)",
        ),
        (
            hq_grant(status="approved", grant=GrantFacts("uscis_hq", False, None, None)),
            "has not begun (approved)",
        ),
        (
            hq_grant(status="closed", grant=GrantFacts("uscis_hq", False, None, None)),
            "has not begun (closed)",
        ),
        (
            hq_grant(status="withdrawn", grant=GrantFacts("uscis_hq", False, None, None)),
            "has not begun (withdrawn)",
        ),
    ],
)
def test_a_reparole_requires_the_beneficiarys_own_live_hq_grant(
    facts: FilingFacts, problem: str
) -> None:
    outcome = check(reparole(), facts)
    assert codes(outcome) == [("reparole_requires_hq_grant", "related_receipt_number")]
    assert problem in outcome.errors[0].message


@pytest.mark.parametrize(
    ("facts", "problem"),
    [
        (FilingFacts(), "No request for this beneficiary has receipt number"),
        (
            FilingFacts(related=RelatedRequestFacts(True, False, "denied", True, None)),
            "No request for this beneficiary has receipt number",
        ),
        (hq_grant(status="in_review"), f"Request {RELATED} was not denied (in review)."),
    ],
)
def test_a_refiling_requires_a_denied_request_of_the_same_person(
    facts: FilingFacts, problem: str
) -> None:
    outcome = check(refiling(), facts)
    assert codes(outcome) == [("refiling_requires_denial", "related_receipt_number")]
    assert problem in outcome.errors[0].message


def test_a_refiling_of_a_denied_request_with_new_facts_passes() -> None:
    assert check(refiling(), DENIED).errors == []


def test_a_refiling_must_state_new_facts() -> None:
    assert codes(check(refiling(new_facts="  "), DENIED)) == [("new_facts_required", "new_facts")]


def test_a_filing_without_a_sponsor_is_refused() -> None:
    assert codes(check(document(sponsor=DROP))) == [("sponsor_required", "sponsor")]


def test_a_filing_without_a_fee_is_refused() -> None:
    assert codes(check(document(fee=DROP))) == [("fee_required", "fee")]


def test_an_exempt_fee_without_its_ground_is_refused_naming_the_allowed_grounds() -> None:
    outcome = check(document(fee={"payment": "exempt"}))
    assert codes(outcome) == [("fee_required", "fee")]
    assert outcome.errors[0].message == (
        "A fee exemption must say which ground of exemption applies. The exemptions in force are: "
        "armed_forces (Current or former member of the U.S. armed forces); "
        "afghan_special_immigrant (Afghan special immigrant)."
    )


def test_an_exemption_not_in_the_policy_is_refused_and_an_allowed_one_costs_nothing() -> None:
    refused = check(document(fee={"payment": "exempt", "exemption": "student"}))
    assert codes(refused) == [("fee_required", "fee")]
    assert "'student' is not one that policy allows" in refused.errors[0].message
    allowed = check(document(fee={"payment": "exempt", "exemption": "armed_forces"}))
    assert (allowed.errors, allowed.filing_fee_usd) == ([], 0)


def test_a_paid_fee_that_is_not_the_fee_in_force_is_refused_with_the_amount_due() -> None:
    outcome = check(document(fee__amount_usd=630))
    assert codes(outcome) == [("fee_amount_incorrect", "fee.amount_usd")]
    assert outcome.errors[0].message == (
        "The filing fee on 2024-05-02 for an online filing is $580; you sent $630."
    )


@pytest.mark.parametrize(
    ("received", "channel", "paid", "due"),
    [
        ("2024-03-31", "online", 575, 575),
        ("2024-03-31", "paper", 575, 575),
        ("2024-04-01", "online", 580, 580),
        ("2024-04-01", "paper", 630, 630),
        ("2024-03-31", "paper", 630, 575),
        ("2024-04-01", "paper", 575, 630),
    ],
)
def test_the_fee_is_the_one_in_force_on_the_received_date_for_the_channel(
    received: str, channel: str, paid: int, due: int
) -> None:
    raw = document(received_on=received, channel=channel, fee__amount_usd=paid)
    outcome = check(raw, source=FilingSource.IMPORT)
    assert outcome.filing_fee_usd == due
    assert codes(outcome) == ([] if paid == due else [("fee_amount_incorrect", "fee.amount_usd")])


def test_a_fee_waiver_request_must_be_filed_on_paper() -> None:
    waiver = {"payment": "waiver_requested"}
    online = check(document(fee=waiver))
    assert codes(online) == [("waiver_requires_paper", "fee.payment")]
    paper = check(document(fee=waiver, channel="paper"), source=FilingSource.IMPORT)
    assert (paper.errors, paper.filing_fee_usd) == ([], 630)


def test_a_representative_needs_a_g28_bar_or_accreditation_number() -> None:
    filer = {"role": "representative", "family_name": "Reyes", "given_name": "Rita"}
    assert codes(check(document(requestor=filer))) == [
        ("representative_g28_required", "requestor.bar_number")
    ]
    accredited = check(document(requestor={**filer, "accreditation_number": "R-4451"}))
    assert accredited.errors == []


def test_every_rule_error_is_reported_in_the_contracts_order() -> None:
    raw = refiling(
        new_facts=DROP,
        beneficiary__location="inside_us",
        beneficiary__current_country="US",
        sponsor=DROP,
        fee={"payment": "waiver_requested"},
        requestor={"role": "representative", "family_name": "Reyes", "given_name": "Rita"},
    )
    assert [code for code, _ in codes(check(raw))] == [
        "beneficiary_inside_us",
        "refiling_requires_denial",
        "new_facts_required",
        "sponsor_required",
        "waiver_requires_paper",
        "representative_g28_required",
    ]


# -- warnings --------------------------------------------------------------------


def test_more_than_the_long_period_is_filed_with_a_warning() -> None:
    assert warning_codes(check(document(requested_days=365))) == []
    outcome = check(document(requested_days=366))
    assert (outcome.errors, warning_codes(outcome)) == ([], ["long_period"])
    assert outcome.warnings[0].message.startswith("366 days were requested, more than 365;")


def test_the_filers_own_other_open_request_for_the_same_person_is_a_possible_duplicate() -> None:
    outcome = check(document(), FilingFacts(own_open_duplicates=2))
    assert warning_codes(outcome) == ["possible_duplicate"]
    assert outcome.warnings[0].message.startswith("You already have 2 other open requests")


@pytest.mark.parametrize(
    ("ends_on", "warned"),
    [(date(2024, 7, 31), False), (date(2024, 7, 30), True), (date(2024, 4, 1), True)],
)
def test_a_reparole_filed_under_90_days_before_the_grant_ends_is_late(
    ends_on: date, warned: bool
) -> None:
    outcome = check(reparole(), hq_grant(ends_on=ends_on))
    assert warning_codes(outcome) == (["reparole_late"] if warned else [])


def test_a_reparole_after_the_grant_ended_says_so() -> None:
    outcome = check(reparole(), hq_grant(ends_on=date(2024, 4, 1)))
    assert outcome.warnings[0].message.startswith(
        "The parole being renewed ended on 2024-04-01, before this request was received;"
    )


def test_an_expedite_request_is_filed_with_a_warning() -> None:
    outcome = check(document(expedite={"reason": "Surgery is scheduled for next week."}))
    assert warning_codes(outcome) == ["expedite_requested"]


def test_warnings_come_in_the_contracts_order() -> None:
    raw = reparole(requested_days=400, expedite={"reason": "Surgery next week."})
    facts = hq_grant(ends_on=date(2024, 6, 1))
    outcome = check(raw, FilingFacts(related=facts.related, own_open_duplicates=1))
    assert outcome.errors == []
    assert warning_codes(outcome) == [
        "long_period",
        "possible_duplicate",
        "reparole_late",
        "expedite_requested",
    ]


@pytest.mark.parametrize("make", [reparole, refiling])
def test_another_persons_request_is_answered_as_an_unknown_number_is(make) -> None:
    """A filer learns nothing of a request (that it exists, its status, its grant)
    without naming the person it is for."""
    unknown = check(make(), FilingFacts()).errors
    paroled = GrantFacts("uscis_hq", True, None, None)
    for status, grant in [("denied", None), ("paroled", paroled)]:
        others = RelatedRequestFacts(True, False, status, status == "denied", grant)
        assert check(make(), FilingFacts(related=others)).errors == unknown


# -- the rules corrected for real filings ------------------------------------------------


def test_a_reparole_for_someone_outside_the_united_states_is_refused() -> None:
    raw = reparole(beneficiary__location="outside_us", beneficiary__current_country="MX")
    assert codes(check(raw, hq_grant())) == [
        ("reparole_requires_inside_us", "beneficiary.location")
    ]


def test_a_reparole_of_a_parole_that_ran_out_is_filed_late() -> None:
    expired = GrantFacts("uscis_hq", True, "expired", date(2024, 4, 1))
    outcome = check(reparole(), hq_grant(grant=expired, status="parole_ended"))
    assert outcome.errors == []
    assert warning_codes(outcome) == ["reparole_late"]


def test_a_reparole_of_a_reparole_grant_in_effect_is_accepted() -> None:
    renewed = GrantFacts("uscis_hq", True, None, date(2025, 3, 1))
    assert check(reparole(), hq_grant(grant=renewed, status="approved")).errors == []


def test_an_exemption_claimed_for_a_day_without_exemptions_is_refused_on_the_fee() -> None:
    class NoExemptions(FakePolicy):
        def exemptions(self) -> list[tuple[str, str]]:
            return []

    doc = parse(document(fee={"payment": "exempt", "exemption": "armed_forces"}))
    outcome = check_filing(doc, FilingFacts(), NoExemptions(doc.received_on))
    assert codes(outcome) == [("fee_required", "fee")]
    assert "No fee exemption existed on 2024-05-02" in outcome.errors[0].message
