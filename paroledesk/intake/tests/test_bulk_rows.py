"""Rows inserts rows a table at a time with bulk_create: what it writes must be what save()
writes (test_rows_as_saved.py compares them column by column)."""

import json
from datetime import date

import pytest
from django.db import models

from paroledesk.audit.models import Event
from paroledesk.cases.models import Fee, ParoleRequest, Requestor
from paroledesk.intake.bulk.importer import requests_import
from paroledesk.intake.models import IdempotencyKey
from paroledesk.lib.fields import EncryptedField
from paroledesk.lib.rows import Rows
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db


def rows_of(request: ParoleRequest) -> list[models.Model]:
    return [
        request,
        request.beneficiary,
        request.requestor,
        *request.affidavits.all(),
        *request.fees.all(),
        *Event.objects.about(request).all(),
        *request.notices.all(),
        *IdempotencyKey.objects.filter(request=request),
    ]


def test_every_column_reads_back_and_is_found_by_its_own_value(policy, alice):
    """A lookup prepares its value as save() does, so each row must be found by each of its
    columns: a date or time written in another form, or a JSON value encoded otherwise,
    would not be."""
    people = [("Farid", "1988-03-14"), ("Nadia", "1990-07-01"), ("Omid", "2001-12-31")]
    lines = []
    for given_name, born in people:
        document = filing_document(expedite={"reason": "The surgery is on December 9."})
        document["beneficiary"] |= {"given_name": given_name, "date_of_birth": born}
        lines.append(json.dumps({**document, "channel": "online", "received_on": "2026-11-27"}))
    results = list(requests_import(lines=lines, filed_by=alice, today=date(2026, 11, 30)))
    assert all(result.receipt_number for result in results)

    checked = 0
    for result in results:
        request = ParoleRequest.objects.get(receipt_number=result.receipt_number)
        for row in rows_of(request):
            model = type(row)
            for field in model._meta.concrete_fields:
                value = getattr(row, field.attname)
                if isinstance(field, EncryptedField):
                    assert value is not None
                    continue
                lookup = (
                    {f"{field.attname}__isnull": True} if value is None else {field.attname: value}
                )
                found = model._default_manager.filter(pk=row.pk, **lookup)
                assert found.exists(), f"{model.__name__}.{field.name} = {value!r} not found"
                checked += 1
        assert request.beneficiary.date_of_birth.isoformat() in dict(people).values()
        assert request.expedite_reason == "The surgery is on December 9."
        assert request.created_at.tzinfo is not None
    assert checked > 150


def test_rows_point_to_the_rows_written_with_them(policy, alice):
    document = filing_document()
    (result,) = requests_import(
        lines=[json.dumps({**document, "channel": "online", "received_on": "2026-11-27"})],
        filed_by=alice,
        today=date(2026, 11, 30),
    )
    request = ParoleRequest.objects.get(receipt_number=result.receipt_number)
    affidavit = request.affidavits.get()
    assert affidavit.beneficiary_id == request.beneficiary_id
    assert request.notices.get().dedupe_key.startswith(request.receipt_number)
    assert IdempotencyKey.objects.get(request=request).response == {
        "receipt_number": request.receipt_number
    }


def test_a_gathered_row_knows_the_rows_it_was_given_both_ways(alice):
    rows = Rows()
    request = ParoleRequest(receipt_number="IOE2704000001", filed_by=alice)
    fee = rows.new(Fee, request=request, kind="filing", payment="paid", amount_usd=580)
    assert fee.request is request
    requestor = rows.new(Requestor, request=request, role="self")
    assert request.requestor is requestor  # the other side of a one-to-one knows it
    with pytest.raises(TypeError, match="unexpected keyword arguments: 'colour'"):
        rows.new(Fee, request=request, colour="red")
