import pytest
from django.test import Client

from paroledesk.audit.models import Event
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
