"""The OpenAPI schema says what the server does (issue 8, finding 12)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from rest_framework.test import APIClient

from paroledesk.accounts.services import token_issue
from paroledesk.core.codes import FilingSource
from paroledesk.core.filing import FilingInvalid, parse_filing
from paroledesk.intake.api.schema import FILING_DOCUMENT
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)


@pytest.fixture
def schema(client):
    return json.loads(client.get("/api/v1/schema", HTTP_ACCEPT="application/json").content)


def _operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_takes_the_api_token(schema):
    token = schema["components"]["securitySchemes"]["tokenAuth"]
    assert token == {**token, "type": "apiKey", "in": "header", "name": "Authorization"}
    assert {name: {"tokenAuth": []} in op["security"] for name, op in _operations(schema)} == {
        name: True for name, _ in _operations(schema)
    }


def test_downloads_declare_the_types_the_server_sends(schema):
    document = schema["paths"]["/api/v1/requests/{receipt}/documents/{document_id}"]["get"]
    notice = schema["paths"]["/api/v1/requests/{receipt}/notices/{notice_id}.pdf"]["get"]
    assert sorted(document["responses"]["200"]["content"]) == [
        "application/pdf",
        "image/jpeg",
        "image/png",
    ]
    assert list(notice["responses"]["200"]["content"]) == ["application/pdf"]
    assert "Cache-Control" in notice["responses"]["200"]["headers"]


def test_a_notice_asked_for_as_a_pdf_is_sent(filed, alice):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=alice)}")
    url = f"/api/v1/requests/{filed.receipt_number}/notices/{filed.notices.get().pk}.pdf"
    response = client.get(url, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    missing = client.get(url.replace(".pdf", "9.pdf"), HTTP_ACCEPT="application/pdf")
    assert missing.status_code == 404
    assert missing.json()["errors"][0]["code"] == "not_found"


def _limits(schema: dict[str, Any], path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every field of the filing document that the schema bounds, by its dotted path."""
    found = []
    for name, field in schema.get("properties", {}).items():
        dotted = f"{path}{name}"
        if field.get("type") == "object":
            found += _limits(field, f"{dotted}.")
        elif "maxLength" in field or "maximum" in field:
            found.append((dotted, field))
    return found


def _with(dotted: str, value: object) -> dict[str, Any]:
    document = filing_document(expedite={"reason": "Surgery is set for next week."})
    if dotted == "fee.exemption":  # given only with an exempt payment
        document["fee"] = {"payment": "exempt"}
    *parents, name = dotted.split(".")
    part = document
    for parent in parents:
        part = part.setdefault(parent, {})
    part[name] = value
    return document


def _refused_fields(document: dict[str, Any]) -> set[str | None]:
    try:
        parse_filing(document, source=FilingSource.API, today=TODAY)
    except FilingInvalid as invalid:
        return {error.field for error in invalid.errors}
    return set()


def _at_and_past(field: dict[str, Any]) -> tuple[object, object]:
    if "maximum" in field:
        return field["maximum"], field["maximum"] + 1
    longest = field["maxLength"]
    if "[A-Za-z0-9]{5,20}" in field.get("pattern", ""):  # the passport number's own shape
        return "P" * 20, "P" * (longest + 1)
    if "@" in field.get("pattern", ""):
        return "a" * (longest - 12) + "@example.org", "a" * (longest - 11) + "@example.org"
    return "x" * longest, "x" * (longest + 1)


@pytest.mark.parametrize(("dotted", "field"), _limits(FILING_DOCUMENT))
def test_the_server_takes_what_the_schema_allows_and_refuses_one_more(dotted, field):
    at_limit, past_limit = _at_and_past(field)
    assert dotted not in _refused_fields(_with(dotted, at_limit))
    assert dotted in _refused_fields(_with(dotted, past_limit))


def _leaves(schema: dict[str, Any], path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    for name, field in schema.get("properties", {}).items():
        if field.get("type") == "object":
            found += _leaves(field, f"{path}{name}.")
        else:
            found.append((f"{path}{name}", field))
    return found


def test_every_free_text_and_number_of_the_filing_document_is_bounded_in_the_schema():
    unbounded = [
        dotted
        for dotted, field in _leaves(FILING_DOCUMENT)
        if not ({"enum", "maxLength", "maximum", "format"} & set(field))
        and dotted != "related_receipt_number"  # its pattern bounds it
    ]
    assert unbounded == []
