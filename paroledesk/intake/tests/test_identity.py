"""Birth dates, passport and A-numbers, and drafts are encrypted at rest; the same person is
still found by the blind index."""

import hashlib
from datetime import date

import pytest
from django.db import connection

from paroledesk.cases.models import Beneficiary
from paroledesk.cli.reseal import data_reseal
from paroledesk.core.crypto import DecryptionError
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db

NEW_KEY = bytes(range(100, 132))


def raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            bytes(value) if isinstance(value, memoryview) else value for value in cursor.fetchone()
        ]


def person(pk):
    return Beneficiary.objects.get(pk=pk)


def file_for(user, **beneficiary):
    document = filing_document()
    document["beneficiary"] = {**document["beneficiary"], **beneficiary}
    return request_file(raw=document, filed_by=user, today=FILED_ON)


def test_birth_date_and_passport_number_are_not_in_the_database_in_plaintext(filed):
    dob, passport, a_number = raw(
        "SELECT date_of_birth, passport_number, a_number FROM cases_beneficiary WHERE id = %s",
        [filed.beneficiary_id],
    )
    for sealed in (dob, passport, a_number):
        assert isinstance(sealed, bytes)
        assert sealed[0] == 1  # the envelope's format version
    assert b"1988" not in dob
    assert b"P1234567" not in passport


def test_the_encrypted_values_read_back_as_written(filed):
    found = person(filed.beneficiary_id)
    assert found.date_of_birth == date(1988, 3, 14)
    assert found.passport_number == "P1234567"
    assert found.a_number == ""
    found.a_number = "A012345678"
    found.save()
    assert person(filed.beneficiary_id).a_number == "A012345678"


def test_a_birth_date_copied_into_another_persons_row_does_not_decrypt(filed, alice):
    other = file_for(alice, family_name="Karimi", date_of_birth="1990-01-01").request
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cases_beneficiary SET date_of_birth = "
            "(SELECT date_of_birth FROM cases_beneficiary WHERE id = %s) WHERE id = %s",
            [filed.beneficiary_id, other.beneficiary_id],
        )
    with pytest.raises(DecryptionError, match="another record"):
        _ = person(other.beneficiary_id).date_of_birth
    assert person(filed.beneficiary_id).date_of_birth == date(1988, 3, 14)


def test_a_value_copied_into_another_column_of_the_same_row_does_not_decrypt(filed):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cases_beneficiary SET a_number = passport_number WHERE id = %s",
            [filed.beneficiary_id],
        )
    with pytest.raises(DecryptionError):
        _ = person(filed.beneficiary_id).a_number


def test_an_encrypted_field_cannot_be_searched_by_mistake(filed):
    with pytest.raises(TypeError, match="cannot be searched"):
        Beneficiary.objects.filter(date_of_birth=date(1988, 3, 14)).exists()


def test_the_same_person_spelled_differently_is_a_possible_duplicate(filed, alice):
    again = file_for(alice, family_name="HAIDARI", given_name="farid")
    assert [warning.code for warning in again.warnings] == ["possible_duplicate"]
    assert again.request.beneficiary_id != filed.beneficiary_id


def test_another_birth_date_is_another_person(filed, alice):
    other = file_for(alice, date_of_birth="1988-03-15")
    assert other.warnings == []


def test_the_identity_index_is_keyed_so_a_guess_cannot_be_checked_without_the_key(filed, settings):
    index = person(filed.beneficiary_id).identity_index
    assert index != hashlib.sha256(b"haidari|farid|1988-03-14").hexdigest()
    assert Beneficiary.identity_indexes("haidari|farid", date(1988, 3, 14)) == [index]
    settings.PAROLEDESK_DATA_KEYS = [NEW_KEY]
    assert Beneficiary.identity_indexes("haidari|farid", date(1988, 3, 14)) != [index]


def test_a_filing_draft_is_encrypted_at_rest_and_reads_back(alice):
    draft = FilingDraft.objects.create(owner=alice, data=filing_document())
    (stored,) = raw("SELECT data FROM intake_filingdraft WHERE id = %s", [draft.pk])
    assert b"Haidari" not in stored
    assert b"P1234567" not in stored
    assert FilingDraft.objects.get(pk=draft.pk).data == filing_document()
    assert FilingDraft.objects.create(owner=alice).data == {}


def test_after_a_key_rotation_old_rows_open_and_the_same_person_is_still_found(
    filed, alice, settings
):
    old_key = settings.PAROLEDESK_DATA_KEYS[0]
    settings.PAROLEDESK_DATA_KEYS = [NEW_KEY, old_key]
    assert person(filed.beneficiary_id).date_of_birth == date(1988, 3, 14)
    assert [warning.code for warning in file_for(alice).warnings] == ["possible_duplicate"]

    assert data_reseal()["beneficiaries"] == 2
    settings.PAROLEDESK_DATA_KEYS = [NEW_KEY]
    assert person(filed.beneficiary_id).passport_number == "P1234567"
    assert len(file_for(alice).warnings) == 1


def test_rows_made_in_bulk_are_sealed_and_indexed_too(db):
    Beneficiary.objects.bulk_create(
        [
            Beneficiary(
                family_name="Petrenko",
                given_name="Iryna",
                name_key="petrenko|iryna",
                date_of_birth=date(1979, 5, 2),
                country_of_birth="UA",
                country_of_citizenship="UA",
            )
        ]
    )
    found = Beneficiary.objects.get()
    assert found.date_of_birth == date(1979, 5, 2)
    assert found.passport_number == ""
    assert [found.identity_index] == Beneficiary.identity_indexes(
        "petrenko|iryna", date(1979, 5, 2)
    )
    (dob,) = raw("SELECT date_of_birth FROM cases_beneficiary WHERE id = %s", [found.pk])
    assert b"1979" not in dob
