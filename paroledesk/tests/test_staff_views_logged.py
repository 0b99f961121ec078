"""Every view of a case by staff is logged: who, when, and what (issue 9, point 10).

The request page, the page shown again with a step's errors, the API's record, an
evidence document (downloaded or shown in the page) and a written notice each write one
audit.View through the one door (cases.selectors.request_for_user). The parties' own
views are not staff views, and a refused look writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from paroledesk.accounts.models import User
from paroledesk.adjudication.tests.steps import assigned
from paroledesk.audit.models import View
from paroledesk.cases.documents import document_upload
from paroledesk.cases.models import EvidenceKind, ParoleRequest
from paroledesk.core.roles import Role
from paroledesk.intake.tests.test_evidence_samples import pdf_bytes, use_temporary_storage
from paroledesk.testing.fixtures import client_for, person

pytestmark = pytest.mark.django_db

AT = "2026-12-02T15:45:00+00:00"  # 10:45 in Washington


@pytest.fixture
def case(
    filed: ParoleRequest, sam, olivia, alice, settings, tmp_path, time_machine
) -> ParoleRequest:
    """Filed, with one evidence PDF and its receipt notice, assigned to Olivia; now is AT."""
    use_temporary_storage(settings, tmp_path)
    document_upload(
        request=filed,
        uploaded_file=SimpleUploadedFile("letter.pdf", pdf_bytes()),
        kind=EvidenceKind.MEDICAL,
        actor=alice,
    )
    assigned(filed, sam, olivia)
    time_machine.move_to(AT, tick=False)
    return filed


def on_site(user: User) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def page(case: ParoleRequest, user: User) -> int:
    return on_site(user).get(f"/requests/{case.receipt_number}/").status_code


def page_with_errors(case: ParoleRequest, user: User) -> int:
    # A decision with no outcome comes back with the whole page and the reason.
    path = f"/requests/{case.receipt_number}/steps/decide/"
    return on_site(user).post(path, {"outcome": ""}).status_code


def api_record(case: ParoleRequest, user: User) -> int:
    return client_for(user).get(f"/api/v1/requests/{case.receipt_number}").status_code


def document(case: ParoleRequest, user: User) -> int:
    found = case.documents.get()
    path = f"/api/v1/requests/{case.receipt_number}/documents/{found.pk}"
    return client_for(user).get(path).status_code


def document_in_page(case: ParoleRequest, user: User) -> int:
    found = case.documents.get()
    path = f"/api/v1/requests/{case.receipt_number}/documents/{found.pk}?disposition=inline"
    return on_site(user).get(path).status_code


def notice(case: ParoleRequest, user: User) -> int:
    found = case.notices.get()
    path = f"/api/v1/requests/{case.receipt_number}/notices/{found.pk}.pdf"
    return client_for(user).get(path).status_code


Look = Callable[[ParoleRequest, User], int]
LOOKS: list[tuple[Look, int, str, Callable[[ParoleRequest], str]]] = [
    (page, 200, "page", lambda case: ""),
    (page_with_errors, 422, "page", lambda case: ""),
    (api_record, 200, "api", lambda case: ""),
    (document, 200, "document", lambda case: f"document {case.documents.get().pk}"),
    (document_in_page, 200, "document", lambda case: f"document {case.documents.get().pk}"),
    (notice, 200, "notice", lambda case: f"notice {case.notices.get().pk}"),
]


@pytest.mark.parametrize(
    ("look", "status", "via", "item"), LOOKS, ids=lambda x: getattr(x, "__name__", None)
)
def test_each_staff_view_is_logged_with_who_when_and_what(case, olivia, look, status, via, item):
    assert look(case, olivia) == status
    (view,) = View.objects.all()
    assert (view.subject_type, view.subject_id) == ("cases.parolerequest", case.pk)
    assert (view.viewer, view.at.isoformat(), view.via, view.item) == (
        olivia,
        AT,
        via,
        item(case),
    )


@pytest.mark.parametrize("look", [page, api_record, document, document_in_page, notice])
def test_a_supervisor_is_logged_too_and_each_look_again(case, sam, look):
    look(case, sam)
    look(case, sam)
    assert list(View.objects.values_list("viewer__username", flat=True)) == ["sam", "sam"]


@pytest.mark.parametrize("look", [page, api_record, document, document_in_page, notice])
def test_the_requestors_own_looks_and_refused_looks_are_not_staff_views(case, alice, look):
    oscar = person("oscar", Role.OFFICER)  # an officer, not this case's
    assert look(case, alice) == 200
    assert look(case, oscar) == 404
    assert not View.objects.exists()
