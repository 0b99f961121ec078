"""The whole API, probed against its own OpenAPI schema (issue 8, finding 12).

Schemathesis reads /api/v1/schema from the application itself and sends every
operation requests made from it, valid and invalid, as three callers: nobody,
a requestor with an API token, and the same requestor signed in on the site
(with the CSRF token a browser would send). Each answer must be no 5xx and must
be what the schema says: a declared status code, its content type, its headers
and its body. Each request is sent as generated, and again with the path naming
the requestor's own request, notice and document, so the answers that carry
data are checked too, not only the 404s.

The run is bounded and repeatable: a fixed number of examples per operation,
derandomized, no example database.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from paroledesk.accounts.services import token_issue
from paroledesk.cases.documents import document_upload
from paroledesk.cases.models import EvidenceKind
from paroledesk.intake.tests.test_evidence_samples import pdf_bytes, use_temporary_storage

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 40
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(settings: Any, db: None) -> Iterator[schemathesis.BaseSchema]:
    """The schema the application serves; its requests are served in this test's transaction.

    Django's test client keeps the connection open across a request the same way: at the end
    of a request Django would otherwise close it, and with it the test's transaction.
    """
    settings.ALLOWED_HOSTS = ["*"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def known(filed, alice, settings, tmp_path) -> dict[str, Any]:
    """The requestor's own request, its receipt notice and one evidence document."""
    use_temporary_storage(settings, tmp_path)
    document = document_upload(
        request=filed,
        uploaded_file=SimpleUploadedFile("letter.pdf", pdf_bytes()),
        kind=EvidenceKind.MEDICAL,
        actor=alice,
    )
    return {
        "receipt": filed.receipt_number,
        "notice_id": filed.notices.get().pk,
        "document_id": document.pk,
    }


def _token_headers(user) -> dict[str, str]:
    return {"Authorization": f"Token {token_issue(user=user)}"}


def _session_headers(user) -> dict[str, str]:
    browser = Client()
    browser.force_login(user)
    csrf = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and header alike
    session = browser.cookies["sessionid"].value
    return {"Cookie": f"sessionid={session}; csrftoken={csrf}", "X-CSRFToken": csrf}


bounded = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _probe(case: schemathesis.Case[Any], headers: dict[str, str], known: dict[str, Any]) -> None:
    case.headers.update(headers)
    case.call_and_validate(checks=CHECKS)
    mine = {name: known[name] for name in case.path_parameters or {} if name in known}
    if mine:
        case.path_parameters = {**case.path_parameters, **mine}
        case.call_and_validate(checks=CHECKS)


def _disagreements(api_schema, headers: dict[str, str], known: dict[str, Any]) -> list[str]:
    """Every operation, with valid and with invalid input; what did not hold, one line each."""
    found = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        for mode in GenerationMode:

            @bounded
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case: schemathesis.Case[Any]) -> None:
                _probe(case, headers, known)

            try:
                run()
            except Exception as failure:
                found.append(f"{operation.label} ({mode.value}): {failure}")
    return found


def test_every_answer_to_nobody_is_what_the_schema_says(api_schema, known):
    assert _disagreements(api_schema, {}, known) == []


def test_every_answer_to_a_token_is_what_the_schema_says(api_schema, known, alice):
    assert _disagreements(api_schema, _token_headers(alice), known) == []


def test_every_answer_to_a_signed_in_requestor_is_what_the_schema_says(api_schema, known, alice):
    assert _disagreements(api_schema, _session_headers(alice), known) == []
