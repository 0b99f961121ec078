"""Invisible and control characters: refused the same way through every door (issue 8,
finding 5), by the one rule in core.text."""

import pytest
from django.test import Client

from paroledesk.accounts.models import User
from paroledesk.intake.services import FilingRefused, request_file
from paroledesk.intake.tests.test_channels_agree import (
    Verdict,
    rolled_back,
    through_the_api,
    through_the_import,
    through_the_wizard,
)
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db

NAMES = {
    "right-to-left override": "\u202eadiraF",
    "zero-width space": "Far\u200bida",
    "NUL": "Far\x00ida",
    "ESC": "Far\x1bida",
    "newline": "Farida\nX",
}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_the_api_the_import_and_the_wizard_refuse_a_hidden_character_in_a_name(
    name, policy, alice, time_machine
):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    document = filing_document()
    document["beneficiary"]["given_name"] = name
    verdicts = {}
    for door, send in [
        ("api", through_the_api),
        ("import", through_the_import),
        ("wizard", through_the_wizard),
    ]:
        with rolled_back():
            verdicts[door] = send(document, alice)
    refused = Verdict(False, refused_on=frozenset({("beneficiary", "given_name")}))
    assert verdicts["api"] == refused
    assert verdicts["import"] == refused
    assert (
        verdicts["import"].codes == verdicts["api"].codes == {("invalid", "beneficiary.given_name")}
    )
    assert verdicts["wizard"] == refused


def refused_on(document, alice) -> list[tuple[str, str | None]]:
    with pytest.raises(FilingRefused) as refused:
        request_file(raw=document, filed_by=alice, today=FILED_ON)
    return [(error.code.value, error.field) for error in refused.value.errors]


def test_a_hidden_character_in_the_requestors_email_is_refused(policy, alice):
    document = filing_document()
    document["requestor"]["email"] = "sara@exa\u200bmple.org"
    assert refused_on(document, alice) == [("invalid", "requestor.email")]


def test_names_are_kept_in_nfkc_so_lookalike_spellings_are_one(policy, alice):
    document = filing_document()
    document["beneficiary"]["given_name"] = "Ｆａｒｉｄ"  # full-width letters
    filed = request_file(raw=document, filed_by=alice, today=FILED_ON).request
    assert filed.beneficiary.given_name == "Farid"


def test_the_statement_of_danger_keeps_its_paragraphs(policy, alice):
    document = filing_document()
    document["reason"]["statement"] = "He was threatened.\r\n\r\n\tThen his shop burned."
    filed = request_file(raw=document, filed_by=alice, today=FILED_ON).request
    assert filed.statement == "He was threatened.\n\n\tThen his shop burned."


def test_a_statement_with_a_direction_override_is_refused(policy, alice):
    document = filing_document()
    document["reason"]["statement"] = "He was threatened.\n\u202eNothing happened."
    assert refused_on(document, alice) == [("invalid", "reason.statement")]


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "new@exa\u200bmple.org"), ("username", "new\u200buser")],
)
def test_sign_up_refuses_a_hidden_character_in_the_email_or_user_name(db, field, value):
    answers = {
        "username": "newuser",
        "email": "new@example.org",
        "password1": "a long and unusual passphrase 42",
        "password2": "a long and unusual passphrase 42",
        field: value,
    }
    response = Client().post("/accounts/signup/", answers)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.filter(username__startswith="new").exists()
