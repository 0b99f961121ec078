import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from paroledesk.audit.models import Event, View
from paroledesk.testing.fixtures import PASSWORD

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_the_administrator_sees_the_event_log_but_cannot_change_it(filed, ada):
    client = signed_in(ada)
    event = Event.objects.about(filed).earliest("at")
    assert client.get("/admin/audit/event/").status_code == 200
    assert client.get("/admin/audit/event/add/").status_code == 403
    page = client.get(f"/admin/audit/event/{event.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert client.post(f"/admin/audit/event/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_a_supervisor_may_read_requests_in_the_admin_but_not_edit_them(filed, sam):
    client = signed_in(sam)
    assert client.get("/admin/cases/parolerequest/").status_code == 200
    page = client.get(f"/admin/cases/parolerequest/{filed.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content


def test_the_administrator_corrects_policy_in_the_admin_with_its_date(policy, ada):
    client = signed_in(ada)
    response = client.post(
        "/admin/policy/policyvalue/add/",
        {
            "key": "parole_fee.amount",
            "effective_from": "2026-10-01",
            "value": "1040",
            "source": "Yearly inflation adjustment",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content
    assert Event.objects.filter(action="policy_added", actor=ada).exists()
    listing = client.get("/admin/policy/policyvalue/").content.decode()
    assert "Oct. 1, 2026" in listing


def test_a_requestor_cannot_open_the_admin(alice):
    response = signed_in(alice).get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# -- issue 8, finding 3: the admin is no way around the log of staff views --------------

# What filing_document() says of the people and the danger, none of it for the admin.
PERSONAL = ["Haidari", "Farid", "Sara", "sara@example.org", "P1234567", "surgery", "1988"]


def _admin_pages(user, search: str = "") -> dict[str, str]:
    """Every list in the admin the user may see, and every row of it opened; or, with
    ``search``, every list that has a search box, searched for it."""
    client, pages = signed_in(user), {}
    as_user = RequestFactory().get("/")
    as_user.user = user
    for model, model_admin in admin.site._registry.items():
        searchable = bool(model_admin.get_search_fields(as_user))
        if not model_admin.has_view_permission(as_user) or (search and not searchable):
            continue
        meta = model._meta
        listing = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        pages[listing] = client.get(listing, {"q": search} if search else {}).content.decode()
        if search:
            continue
        for row in model_admin.get_queryset(as_user)[:20]:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[row.pk])
            pages[url] = client.get(url).content.decode()
    return pages


def test_no_admin_page_shows_a_requests_people_their_reasons_or_documents(filed, sam, ada):
    for user in (sam, ada):
        pages = _admin_pages(user)
        assert f"/admin/cases/parolerequest/{filed.pk}/change/" in pages
        shown = {url: [word for word in PERSONAL if word in page] for url, page in pages.items()}
        assert {url: words for url, words in shown.items() if words} == {}


def test_searching_the_admin_by_a_persons_name_finds_no_request(filed, sam, ada):
    for user in (sam, ada):
        for search in ("haidari", "Farid", "sara@example.org"):
            pages = _admin_pages(user, search)
            assert [url for url, page in pages.items() if filed.receipt_number in page] == []
            assert "/admin/cases/beneficiary/" not in pages
    assert signed_in(sam).get("/admin/cases/beneficiary/").status_code == 404


def test_a_request_opened_in_the_admin_is_in_the_log_of_staff_views(filed, sam):
    client = signed_in(sam)
    assert client.get(f"/admin/cases/parolerequest/{filed.pk}/change/").status_code == 200
    notice = filed.notices.get()
    assert client.get(f"/admin/notices/notice/{notice.pk}/change/").status_code == 200
    logged = View.objects.about(filed).values_list("viewer__username", "via")
    assert list(logged) == [("sam", "admin"), ("sam", "admin")]
