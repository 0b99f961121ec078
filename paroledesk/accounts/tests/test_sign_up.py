"""Sign-up tells no one which addresses are registered, and still makes accounts."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from paroledesk.accounts.models import User
from paroledesk.testing.fixtures import PASSWORD

pytestmark = pytest.mark.django_db


def sign_up(client: Client, username: str, email: str):
    return client.post(
        "/accounts/signup/",
        {"username": username, "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_a_registered_address_gets_the_same_answer_as_a_new_one(alice, ada):
    for taken in ["alice@example.org", "ADA@example.org"]:
        answer = sign_up(Client(), "newcomer", taken)
        fresh = sign_up(Client(), f"fresh{len(taken)}", f"fresh{len(taken)}@example.org")
        assert answer.status_code == fresh.status_code == 302
        assert answer["Location"] == fresh["Location"] == "/accounts/confirm-email/"
    assert not User.objects.filter(username="newcomer").exists()
    # The owner of the address hears of it; the one who typed it learns nothing.
    notes = [message for message in mail.outbox if message.to == ["alice@example.org"]]
    assert len(notes) == 1
    assert "already" in notes[0].body.lower()


def test_a_new_account_confirms_its_address_then_signs_in(policy):
    client = Client()
    sign_up(client, "bea", "bea@example.org")
    assert "_auth_user_id" not in client.session
    (message,) = mail.outbox
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", str(message.body))
    assert link is not None
    assert client.post(link.group(1)).status_code == 302
    client.post("/accounts/login/", {"login": "bea", "password": PASSWORD})
    assert client.get("/requests/").status_code == 200


def test_a_hidden_character_in_a_user_name_is_refused_in_the_visitors_language(db):
    spanish = Client()
    spanish.cookies["django_language"] = "es"
    page = sign_up(spanish, "bea\u202eta", "bea@example.org").content.decode()
    assert "El nombre de usuario contiene el carácter invisible o de control U+202E" in page
    page = sign_up(Client(), "bea\u202eta", "bea@example.org").content.decode()
    assert "The user name contains the invisible or control character U+202E" in page
    assert not User.objects.filter(email="bea@example.org").exists()
