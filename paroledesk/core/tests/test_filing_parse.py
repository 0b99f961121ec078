"""Reading the filing document: every malformed or missing field, named."""

from __future__ import annotations

from datetime import date

import pytest

from paroledesk.core.codes import FilingSource
from paroledesk.core.filing import (
    Channel,
    FeePayment,
    Kind,
    Location,
)
from paroledesk.core.tests.filing_samples import (
    BASE,
    DROP,
    RELATED,
    TODAY,
    document,
    message,
    parse,
    problems,
    refiling,
    reparole,
)


def test_a_complete_document_parses_into_typed_and_normalised_parts() -> None:
    doc = parse(document(beneficiary__current_country=" gt "))
    assert doc.kind is Kind.INITIAL
    assert doc.channel is Channel.ONLINE
    assert doc.received_on == TODAY
    assert doc.related_receipt_number is None
    assert doc.beneficiary.date_of_birth == date(1988, 3, 14)
    assert doc.beneficiary.current_country == "GT"
    assert doc.beneficiary.location is Location.OUTSIDE_US
    assert doc.beneficiary.passport_number == "P1234567"
    assert doc.requestor.email is None
    assert doc.sponsor is not None
    assert doc.sponsor.annual_income_usd == 64000
    assert doc.fee is not None
    assert (doc.fee.payment, doc.fee.amount_usd) == (FeePayment.PAID, 580)
    assert doc.expedite is None


def test_every_problem_is_reported_at_once_in_document_order() -> None:
    raw = document(
        kind="new",
        requested_days=0,
        beneficiary__date_of_birth="14/03/1988",
        beneficiary__current_country="XX",
        sponsor__annual_income_usd=-1,
        fee__amount_usd=DROP,
        color="blue",
    )
    assert problems(raw) == [
        ("invalid", "color"),
        ("invalid", "kind"),
        ("invalid", "beneficiary.date_of_birth"),
        ("invalid", "beneficiary.current_country"),
        ("invalid", "requested_days"),
        ("invalid", "sponsor.annual_income_usd"),
        ("invalid", "fee.amount_usd"),
    ]


def test_a_missing_field_is_named_by_its_dotted_path_in_a_plain_sentence() -> None:
    raw = document(beneficiary__date_of_birth=DROP)
    assert problems(raw) == [("invalid", "beneficiary.date_of_birth")]
    assert message(raw, "beneficiary.date_of_birth") == (
        "The beneficiary's date of birth is missing."
    )


@pytest.mark.parametrize("written", ["14/03/1988", "1988-02-30", "19880314", 19880314, ""])
def test_a_date_of_birth_must_be_a_real_date_written_yyyy_mm_dd(written: object) -> None:
    raw = document(beneficiary__date_of_birth=written)
    assert message(raw, "beneficiary.date_of_birth") == (
        "The beneficiary's date of birth must be a real date written YYYY-MM-DD, like 1988-03-14."
    )


@pytest.mark.parametrize("born", ["2024-05-03", "1899-12-31"])
def test_a_date_of_birth_in_the_future_or_before_1900_is_invalid(born: str) -> None:
    assert problems(document(beneficiary__date_of_birth=born)) == [
        ("invalid", "beneficiary.date_of_birth")
    ]


def test_received_on_sent_through_the_api_is_invalid() -> None:
    raw = document(received_on="2024-05-01")
    assert problems(raw) == [("invalid", "received_on")]
    assert "only a bulk import" in message(raw, "received_on")


def test_a_bulk_import_keeps_its_received_on_and_defaults_to_paper() -> None:
    doc = parse(document(received_on="2024-04-30"), source=FilingSource.IMPORT)
    assert doc.received_on == date(2024, 4, 30)
    assert doc.channel is Channel.PAPER


def test_received_on_in_the_future_is_invalid_even_in_a_bulk_import() -> None:
    raw = document(received_on="2024-05-03")
    assert problems(raw, source=FilingSource.IMPORT) == [("invalid", "received_on")]
    assert message(raw, "received_on", source=FilingSource.IMPORT) == (
        "The received date 2024-05-03 is in the future."
    )


def test_without_received_on_a_filing_is_received_today() -> None:
    assert parse(document()).received_on == TODAY
    assert parse(document(), source=FilingSource.IMPORT).received_on == TODAY


def test_a_bool_given_as_requested_days_is_invalid() -> None:
    raw = document(requested_days=True)
    assert problems(raw) == [("invalid", "requested_days")]
    assert message(raw, "requested_days") == (
        "The number of days requested must be a whole number, like 1."
    )


@pytest.mark.parametrize("days", [0, -5, 3651, 180.0, "180", None])
def test_requested_days_must_be_a_whole_number_from_1_to_3650(days: object) -> None:
    assert problems(document(requested_days=days)) == [("invalid", "requested_days")]


def test_unknown_keys_are_invalid_at_the_top_and_inside_a_part() -> None:
    raw = document(colour="blue", beneficiary__nickname="Pepe")
    assert problems(raw) == [("invalid", "colour"), ("invalid", "beneficiary.nickname")]
    assert message(raw, "colour") == "The field 'colour' is not part of a filing document."


def test_a_document_that_is_not_an_object_is_invalid_without_a_field() -> None:
    assert problems([BASE]) == [("invalid", None)]


def test_a_wrong_choice_lists_the_allowed_values() -> None:
    assert message(document(kind="new"), "kind") == (
        "The kind of request must be one of: initial, reparole, refiling."
    )


def test_country_codes_must_be_real_iso_codes() -> None:
    raw = document(beneficiary__country_of_birth="XX", beneficiary__country_of_citizenship="HND")
    assert problems(raw) == [
        ("invalid", "beneficiary.country_of_birth"),
        ("invalid", "beneficiary.country_of_citizenship"),
    ]
    assert message(raw, "beneficiary.country_of_birth") == (
        "The beneficiary's country of birth 'XX' is not a country code (ISO 3166-1, or XK for "
        "Kosovo)."
    )


def test_names_must_be_non_blank_and_at_most_100_characters() -> None:
    raw = document(beneficiary__given_name="   ", sponsor__family_name="x" * 101)
    assert problems(raw) == [
        ("invalid", "beneficiary.given_name"),
        ("invalid", "sponsor.family_name"),
    ]
    assert message(raw, "sponsor.family_name") == (
        "The sponsor's family name is 101 characters long; at most 100."
    )


def test_the_statement_may_be_10000_characters_but_not_more() -> None:
    assert parse(document(reason__statement="x" * 10_000)).reason.statement == "x" * 10_000
    assert problems(document(reason__statement="x" * 10_001)) == [("invalid", "reason.statement")]


def test_a_missing_part_is_invalid_but_a_missing_sponsor_or_fee_is_left_to_the_rules() -> None:
    assert problems(document(reason=DROP)) == [("invalid", "reason")]
    doc = parse(document(sponsor=DROP, fee=None))
    assert (doc.sponsor, doc.fee) == (None, None)


def test_a_sponsor_that_is_not_an_object_is_invalid() -> None:
    assert problems(document(sponsor="Ana Núñez")) == [("invalid", "sponsor")]


def test_reparole_and_refiling_need_a_related_receipt_number() -> None:
    assert problems(reparole(related_receipt_number=DROP)) == [
        ("invalid", "related_receipt_number")
    ]
    assert problems(refiling(related_receipt_number=None)) == [
        ("invalid", "related_receipt_number")
    ]


def test_a_related_receipt_number_is_read_as_people_type_it() -> None:
    doc = parse(reparole(related_receipt_number=" ioe-24001 00042 "))
    assert doc.related_receipt_number == RELATED


def test_a_malformed_related_receipt_number_is_invalid_with_the_reason() -> None:
    raw = reparole(related_receipt_number="IOE12345")
    assert message(raw, "related_receipt_number") == (
        "The related receipt number 'IOE12345' must be three letters followed by ten digits, "
        "like IOE2700100042."
    )


def test_an_initial_request_cannot_name_a_related_receipt_number() -> None:
    assert problems(document(related_receipt_number=RELATED)) == [
        ("invalid", "related_receipt_number")
    ]


def test_an_organization_needs_its_name_and_a_person_filer_needs_theirs() -> None:
    organization = document(requestor={"role": "organization", "family_name": "Ruiz"})
    assert problems(organization) == [("invalid", "requestor.organization_name")]
    person = document(requestor={"role": "self"})
    assert problems(person) == [
        ("invalid", "requestor.family_name"),
        ("invalid", "requestor.given_name"),
    ]


def test_an_email_address_gets_a_basic_syntax_check() -> None:
    assert parse(document(requestor__email="ana@example.org")).requestor.email == "ana@example.org"
    assert problems(document(requestor__email="ana at example")) == [("invalid", "requestor.email")]


@pytest.mark.parametrize("number", ["P12", "P1234-567", "P" * 21])
def test_a_passport_number_must_be_5_to_20_letters_or_digits(number: str) -> None:
    assert problems(document(beneficiary__passport_number=number)) == [
        ("invalid", "beneficiary.passport_number")
    ]


def test_a_paid_fee_needs_an_amount_and_only_an_exempt_fee_an_exemption() -> None:
    raw = document(fee={"payment": "paid", "exemption": "armed_forces"})
    assert problems(raw) == [("invalid", "fee.amount_usd"), ("invalid", "fee.exemption")]


def test_an_expedite_needs_a_reason() -> None:
    assert problems(document(expedite={})) == [("invalid", "expedite.reason")]


# -- filing rules ----------------------------------------------------------------


# -- the parse corrected for real filings ------------------------------------------------


def test_someone_outside_the_united_states_cannot_be_in_the_united_states() -> None:
    raw = document(beneficiary__current_country="US")
    assert problems(raw) == [("invalid", "beneficiary.current_country")]
    assert "cannot be US" in message(raw, "beneficiary.current_country")


def test_the_api_files_online_only() -> None:
    raw = document(channel="paper")
    assert problems(raw) == [("invalid", "channel")]
    assert "bulk import" in message(raw, "channel")
    assert parse(document(channel="online")).channel is Channel.ONLINE


def test_a_birth_date_after_the_received_date_is_invalid_in_an_import() -> None:
    raw = document(received_on="2024-04-01", beneficiary__date_of_birth="2024-04-02")
    assert problems(raw, source=FilingSource.IMPORT) == [("invalid", "beneficiary.date_of_birth")]
    assert message(raw, "beneficiary.date_of_birth", source=FilingSource.IMPORT) == (
        "The beneficiary's date of birth 2024-04-02 is after the day the request was received."
    )


def test_kosovo_is_a_country_and_a_beneficiary_may_be_stateless() -> None:
    doc = parse(
        document(
            beneficiary__country_of_birth="XK",
            beneficiary__current_country="xk",
            beneficiary__country_of_citizenship="stateless",
        )
    )
    assert (doc.beneficiary.country_of_birth, doc.beneficiary.current_country) == ("XK", "XK")
    assert doc.beneficiary.country_of_citizenship == "stateless"
    # Stateless is a citizenship, not a place to be born or to be.
    assert problems(document(beneficiary__country_of_birth="stateless")) == [
        ("invalid", "beneficiary.country_of_birth")
    ]


def test_a_relative_must_say_how_they_are_related() -> None:
    raw = document(requestor__relationship=DROP)
    assert problems(raw) == [("invalid", "requestor.relationship")]
    assert problems(document(requestor__relationship="  ")) == [
        ("invalid", "requestor.relationship")
    ]
    assert parse(document(requestor__relationship="sister")).requestor.relationship == "sister"


def test_a_family_group_is_kept_as_given() -> None:
    assert parse(document(family_group="Kovalenko family")).family_group == "Kovalenko family"
    assert problems(document(family_group="x" * 101)) == [("invalid", "family_group")]
