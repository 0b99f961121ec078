"""An imported request is written like one filed through the API: the same rows, field by field."""

import json

import pytest

from paroledesk.audit.models import Event
from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.bulk.importer import requests_import
from paroledesk.intake.models import IdempotencyKey
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db

# Ids, links to other rows, the moment of writing and per-row encryption nonces differ by nature.
UNLIKE = {"id", "request_id", "beneficiary_id", "filed_by_id", "seal_id", "receipt_number"}
UNLIKE |= {"subject_id"}
UNLIKE |= {"created_at", "updated_at", "at"}


def fields(row) -> dict[str, object]:
    # getattr opens encrypted fields, so sealed values compare by what they hold.
    return {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if field.attname not in UNLIKE
    }


def rows_of(request: ParoleRequest) -> dict[str, object]:
    (event,) = Event.objects.about(request).all()
    (notice,) = request.notices.all()
    event_fields = fields(event)
    event_fields["data"] = {**event.data, "source": "(either)", "warnings": "(compared below)"}
    notice_fields = fields(notice)
    notice_fields["dedupe_key"] = notice.dedupe_key.replace(request.receipt_number, "(receipt)")
    return {
        "request": fields(request),
        "beneficiary": fields(request.beneficiary),
        "requestor": fields(request.requestor),
        "affidavits": [fields(affidavit) for affidavit in request.affidavits.all()],
        "fees": [fields(fee) for fee in request.fees.all()],
        "event": event_fields,
        "notice": notice_fields,
    }


def test_a_request_filed_by_import_has_the_same_rows_as_one_filed_through_the_api(
    policy, alice, time_machine
):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    document = filing_document(expedite={"reason": "The surgery is on December 9."})
    by_api = request_file(raw=document, filed_by=alice).request
    line = {**document, "channel": "online", "received_on": FILED_ON.isoformat()}
    (result,) = requests_import(lines=[json.dumps(line)], filed_by=alice)
    assert result.receipt_number is not None
    by_import = ParoleRequest.objects.get(receipt_number=result.receipt_number)
    # The second is a possible duplicate of the first, which is flagged with it.
    by_api.refresh_from_db()
    assert by_api.possible_duplicate
    assert by_import.possible_duplicate

    assert rows_of(by_import) == rows_of(by_api)
    assert Event.objects.about(by_api).get().data["source"] == "api"
    assert Event.objects.about(by_import).get().data["source"] == "import"
    # The import found the API's filing for the same person, as a second API filing would.
    assert Event.objects.about(by_api).get().data["warnings"] == ["expedite_requested"]
    assert Event.objects.about(by_import).get().data["warnings"] == [
        "possible_duplicate",
        "expedite_requested",
    ]
    # Only the import keeps the key that makes a second import of the line file nothing.
    assert IdempotencyKey.objects.get().request == by_import
