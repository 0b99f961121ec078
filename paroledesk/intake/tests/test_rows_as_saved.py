"""Rows inserts a filing's rows together (bulk_create, docs/adr/0010-insert-path.md), which
runs no save(): every row it writes must still be, column by column as read back from the
database, the row save() writes for the same values."""

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.db import models, transaction

from paroledesk.audit.models import Event
from paroledesk.cases.models import (
    Affidavit,
    Beneficiary,
    Fee,
    ParoleRequest,
    PossibleDuplicate,
    Requestor,
)
from paroledesk.intake.models import IdempotencyKey
from paroledesk.lib.fields import EncryptedField
from paroledesk.lib.rows import Rows, pk_of
from paroledesk.notices.models import Notice

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 27)
WRITTEN = (
    Beneficiary,
    ParoleRequest,
    Requestor,
    Affidavit,
    Fee,
    PossibleDuplicate,
    Event,
    Notice,
    IdempotencyKey,
)
New = Callable[..., Any]


def write_filing(new: New, *, filer: Any, other: ParoleRequest) -> list[models.Model]:
    """The rows a filing writes, with the values a filing gives them, made by ``new``."""
    seal = uuid.UUID(int=7)
    person = new(
        Beneficiary,
        family_name="Núñez",
        given_name="José",
        name_key="nunez|jose",
        seal_id=seal,
        date_of_birth=date(1988, 3, 14),
        country_of_birth="VE",
        country_of_citizenship="VE",
        passport_number="X1234567",
    )
    request = new(
        ParoleRequest,
        receipt_number="IOE2705900001",
        kind="initial",
        channel="online",
        received_on=DAY,
        beneficiary=person,
        location="outside_us",
        current_country="CO",
        basis="urgent_humanitarian",
        category="medical",
        seal_id=seal,
        statement="He needs surgery no hospital there can do.",
        why_no_visa="No consulate can schedule an interview in time.",
        requested_days=90,
        expedite_reason="The surgery is on December 9.",
        family_group="núñez family",
        filed_by=filer,
    )
    return [
        person,
        request,
        new(
            Requestor,
            request=request,
            role="relative",
            family_name="Núñez",
            given_name="Ana",
            email="ana@example.org",
            relationship="sister",
        ),
        new(
            Affidavit,
            request=request,
            beneficiary=person,
            sponsor_family_name="Núñez",
            sponsor_given_name="Ana",
            sponsor_status="citizen",
            annual_income_usd=64_000,
            household_size=3,
        ),
        new(
            Fee,
            request=request,
            kind="filing",
            payment="paid",
            amount_usd=580,
            policy_effective_from=date(2024, 4, 1),
            paid_on=DAY,
        ),
        new(PossibleDuplicate, request=request, other=other, found_on=DAY),
        new(
            Event,
            subject_type="cases.parolerequest",
            subject_id=pk_of(request),
            actor=filer,
            action="file",
            to_status="received",
            data={"channel": "online", "warnings": []},
            on=DAY,
        ),
        new(
            Notice,
            request=request,
            kind="receipt",
            issued_on=DAY,
            content={"earliest": "2027-01-04", "fee": {"amount_usd": 580}},
            dedupe_key="IOE2705900001:receipt:2026-11-27",
        ),
        new(
            IdempotencyKey,
            owner=filer,
            key="import:abc",
            body_sha256="abc",
            status_code=201,
            response={"receipt_number": "IOE2705900001"},
            request=request,
        ),
    ]


def saved_now(model: type[models.Model], **values: Any) -> models.Model:
    row = model(**values)
    row.save()
    return row


def read_back(rows: list[models.Model]) -> dict[str, dict[str, Any]]:
    """Each row as the database holds it, sealed fields opened; ids of the filing's own
    rows replaced by the row's model, as the two ways give them other ids."""
    ours = {(type(row), row.pk): type(row).__name__ for row in rows}
    back = {}
    for row in rows:
        model = type(row)
        stored = model._default_manager.filter(pk=row.pk).values().get()
        fresh = model._default_manager.get(pk=row.pk)
        for field in model._meta.concrete_fields:
            name = field.attname
            if field.primary_key:
                del stored[name]
            elif isinstance(field, EncryptedField):
                assert isinstance(stored[name], bytes | memoryview), name  # sealed, not text
                stored[name] = getattr(fresh, name)
            elif isinstance(field, models.ForeignKey) and field.related_model is not None:
                target = field.related_model
                stored[name] = ours.get((target, stored[name]), stored[name])
        if model is Event:
            stored["subject_id"] = ours.get((ParoleRequest, stored["subject_id"]))
        back[model.__name__] = stored
    return back


def both_ways(filer: Any, other: ParoleRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """The filing's rows read back when inserted by Rows, and when each is saved; each
    way in a savepoint rolled back, so the two never meet a unique constraint."""
    with transaction.atomic():
        gathered = Rows()
        rows = write_filing(gathered.new, filer=filer, other=other)
        assert all(row.pk is None for row in rows)
        gathered.insert()
        assert all(row.pk is not None and not row._state.adding for row in rows)
        by_rows = read_back(rows)
        transaction.set_rollback(True)
    with transaction.atomic():
        by_save = read_back(write_filing(saved_now, filer=filer, other=other))
        transaction.set_rollback(True)
    return by_rows, by_save


def test_every_row_rows_inserts_is_the_row_save_writes(filed, alice, time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)  # the same auto times
    by_rows, by_save = both_ways(alice, filed)
    assert sorted(by_rows) == sorted(model.__name__ for model in WRITTEN)
    for model in WRITTEN:
        name = model.__name__
        assert by_rows[name] == by_save[name], name
    # What save() would have done besides: linked, sealed, indexed, stamped.
    request, person = by_rows["ParoleRequest"], by_rows["Beneficiary"]
    assert request["beneficiary_id"] == "Beneficiary"
    assert by_rows["Event"]["subject_id"] == "ParoleRequest"
    assert person["date_of_birth"] == date(1988, 3, 14)
    assert person["identity_index"] in Beneficiary.identity_indexes("nunez|jose", date(1988, 3, 14))
    assert request["family_key"] in ParoleRequest.family_keys(alice.pk, "núñez family")
    assert request["created_at"] == request["updated_at"] is not None


def test_a_row_that_names_a_row_never_inserted_is_refused(filed, alice):
    rows = Rows()
    lost = ParoleRequest(receipt_number="IOE2705900002")  # gathered nowhere
    rows.new(
        Event, subject_type="cases.parolerequest", subject_id=pk_of(lost), action="file", on=DAY
    )
    with pytest.raises(ValueError, match="names a row not saved yet"):
        rows.insert()
    rows = Rows()
    rows.new(
        Fee, request=lost, kind="filing", payment="paid", amount_usd=580, policy_effective_from=DAY
    )
    with pytest.raises(ValueError, match="unsaved related object 'request'"):
        rows.insert()
