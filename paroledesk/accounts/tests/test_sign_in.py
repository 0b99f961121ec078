"""Signing in: the admin's door, the lockout and its keys, and the staff's second factor."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import connection
from django.test import Client

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import current_code, second_factor_enrol
from paroledesk.accounts.services import user_create
from paroledesk.core.roles import Role
from paroledesk.testing.fixtures import PASSWORD

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
LOGIN = "/accounts/login/"


def attempt(client: Client, username: str, password: str, *, address: str = "10.0.0.1"):
    return client.post(
        LOGIN, {"login": username, "password": password}, REMOTE_ADDR=address, follow=False
    )


def signed_in_as(client: Client) -> str | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).username if user_id else None


def newcomer(name: str, role: Role) -> User:
    """A staff member as an administrator makes them: no second factor yet."""
    user, _ = user_create(username=name, role=role, email=f"{name}@example.org", password=PASSWORD)
    return user


# The admin signs in through the site's sign-in.


def test_the_admin_has_no_password_form_of_its_own(sam):
    client = Client()
    shown = client.get("/admin/login/?next=/admin/cases/")
    assert shown.status_code == 302
    assert shown["Location"] == "/accounts/login/?next=%2Fadmin%2Fcases%2F"

    posted = client.post("/admin/login/", {"username": "sam", "password": PASSWORD})
    assert posted.status_code == 302
    assert signed_in_as(client) is None


def test_the_admin_refuses_the_signed_in_who_are_not_staff(alice):
    client = Client()
    client.force_login(alice)
    assert client.get("/admin/login/?next=/admin/").status_code == 403


def test_signing_in_for_the_admin_takes_the_password_then_the_code_then_opens_it(sam):
    client = Client()
    first = client.post(f"{LOGIN}?next=/admin/", {"login": "sam", "password": PASSWORD})
    assert first["Location"] == "/accounts/2fa/authenticate/"
    assert signed_in_as(client) is None
    assert client.get("/admin/").status_code == 302

    second = client.post("/accounts/2fa/authenticate/", {"code": current_code(sam)})
    assert second["Location"] == "/admin/"
    assert signed_in_as(client) == "sam"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_sign_in(sam):
    client = Client()
    client.post(LOGIN, {"login": "sam", "password": PASSWORD})
    wrong = f"{(int(current_code(sam)) + 1) % 10**6:06}"
    answer = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert answer.status_code == 200
    assert signed_in_as(client) is None


# Staff set up their second factor at their first sign-in.


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SUPERVISOR, Role.ADMIN])
def test_staff_without_a_second_factor_reach_only_its_set_up(filed, role):
    user = newcomer("newhire", role)
    client = Client()
    client.post(LOGIN, {"login": "newhire", "password": PASSWORD})
    assert signed_in_as(client) == "newhire"

    for page in ["/start/", "/work/", "/work/supervise/", "/administration/", "/admin/"]:
        answer = client.get(page)
        assert answer.status_code == 302, page
        assert answer["Location"] == "/accounts/2fa/totp/activate/", page
    api = client.get(f"/api/v1/requests/{filed.receipt_number}")
    assert api.status_code == 403
    assert api.json()["errors"][0]["code"] == "permission_denied"
    assert "authenticator app" in api.json()["errors"][0]["message"]

    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    second_factor_enrol(user=user)
    assert client.get("/start/").status_code == 302
    assert client.get("/start/")["Location"] != "/accounts/2fa/totp/activate/"


def test_parties_sign_in_with_a_password_alone(alice):
    client = Client()
    client.post(LOGIN, {"login": "alice", "password": PASSWORD})
    assert signed_in_as(client) == "alice"
    assert client.get("/requests/").status_code == 200


def test_a_staff_token_works_only_once_the_second_factor_is_set_up(filed):
    user, token = user_create(username="newhire", role=Role.SUPERVISOR)
    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    refused = client.get(f"/api/v1/requests/{filed.receipt_number}")
    assert refused.status_code == 401
    assert "authenticator app" in refused.json()["errors"][0]["message"]
    second_factor_enrol(user=user)
    assert client.get(f"/api/v1/requests/{filed.receipt_number}").status_code == 200


def test_second_factor_secrets_are_sealed_in_the_database(olivia):
    stored = Authenticator.objects.get(user=olivia, type=Authenticator.Type.TOTP).data["secret"]
    with pytest.raises(ValueError, match="Non-base32"):
        base64.b32decode(stored)
    assert len(current_code(olivia)) == 6


# The lockout: per account from one address, per account from everywhere, never per address.


def test_five_failures_from_one_address_lock_that_account_there(alice):
    client = Client()
    for _ in range(5):
        attempt(client, "alice", "not the password")
    refused = attempt(client, "alice", PASSWORD)
    assert signed_in_as(client) is None
    assert "Too many failed" in refused.content.decode()


def test_failures_for_one_account_do_not_refuse_another_from_the_same_address(alice, rita):
    for _ in range(40):
        attempt(Client(), "alice", "not the password")
    client = Client()
    attempt(client, "rita", PASSWORD)
    assert signed_in_as(client) == "rita"


def test_failures_from_one_address_do_not_lock_the_owner_out_from_another(alice):
    for _ in range(8):
        attempt(Client(), "alice", "not the password", address="203.0.113.9")
    client = Client()
    attempt(client, "alice", PASSWORD, address="198.51.100.4")
    assert signed_in_as(client) == "alice"


def test_failures_from_many_addresses_lock_the_account_everywhere(alice):
    for number in range(20):
        attempt(Client(), "alice", "not the password", address=f"192.0.2.{number}")
    client = Client()
    attempt(client, "alice", PASSWORD, address="198.51.100.4")
    assert signed_in_as(client) is None


def test_the_shared_cache_is_a_table_that_migrate_makes():
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache") or os.environ.get(
        "CACHE_URL"
    )
    if not os.environ.get("CACHE_URL"):
        assert "paroledesk_cache" in connection.introspection.table_names()


LOCKED_ELSEWHERE = """
import django, json, sys
django.setup()
from django.conf import settings
from django.test import Client, override_settings
plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
client = Client()
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}):
    answer = client.post("/accounts/login/", {"login": "alice", "password": sys.argv[1]},
                         REMOTE_ADDR="10.0.0.1")
print(json.dumps({"signed_in": "_auth_user_id" in client.session,
                  "locked": "Too many failed" in answer.content.decode()}))
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(bool(os.environ.get("CACHE_URL")), reason="the table cache only")
def test_the_lockout_holds_in_another_process(alice):
    for _ in range(5):
        attempt(Client(), "alice", "not the password")
    # Another process with the same settings and the same (test) database.
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        secret = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
        url = (
            f"postgres://{database['USER']}{secret}@{database['HOST']}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        )
    env = os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "ALLOWED_HOSTS": "testserver",
    }
    done = subprocess.run(
        [sys.executable, "-c", LOCKED_ELSEWHERE, PASSWORD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "signed_in": False,
        "locked": True,
    }
