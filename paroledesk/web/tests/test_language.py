"""English and Spanish pages: the switcher, the remembered choice, the browser's wish, lang."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

from paroledesk.cases.models import EvidenceKind
from paroledesk.core.filing import Basis, Category, Kind
from paroledesk.core.filing_rules import RequestorRole
from paroledesk.core.lifecycle import Status
from paroledesk.lib.fields import choices
from paroledesk.notices.models import Notice
from paroledesk.web.choice_words import CHOICE_WORDS

pytestmark = pytest.mark.django_db

SPANISH_HOME = "Pida un parole humanitario"
ENGLISH_HOME = "Ask for humanitarian parole"


def in_spanish() -> Client:
    """A visitor who chose Español with the switcher on the home page."""
    browser = Client()
    answer = browser.post("/i18n/setlang/", {"language": "es", "next": "/"})
    assert answer.status_code == 302
    assert answer["Location"] == "/"
    return browser


def test_a_first_visit_is_in_english_with_the_html_language_said():
    page = Client().get("/").content.decode()
    assert ENGLISH_HOME in page
    assert '<html lang="en">' in page


def test_choosing_espanol_gives_spanish_pages_and_says_so_in_the_html():
    page = in_spanish().get("/").content.decode()
    assert SPANISH_HOME in page
    assert ENGLISH_HOME not in page
    assert '<html lang="es">' in page


def test_the_choice_is_kept_in_a_cookie_for_a_year():
    answer = Client().post("/i18n/setlang/", {"language": "es", "next": "/"})
    cookie = answer.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "es"
    assert int(cookie["max-age"]) == 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"


def test_the_choice_holds_on_the_next_page_and_the_next_visit():
    browser = in_spanish()
    assert (
        "Inicie sesión para presentar una solicitud"
        in browser.get("/accounts/login/").content.decode()
    )
    returning = Client()
    returning.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert SPANISH_HOME in returning.get("/").content.decode()


def test_a_browser_asking_for_spanish_gets_spanish_before_any_choice():
    page = Client(headers={"accept-language": "es-MX,es;q=0.9,en;q=0.5"}).get("/")
    assert SPANISH_HOME in page.content.decode()


def test_a_choice_of_english_wins_over_a_browser_asking_for_spanish():
    browser = Client(headers={"accept-language": "es"})
    browser.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert ENGLISH_HOME in browser.get("/").content.decode()


def test_a_language_the_site_does_not_have_gives_english():
    page = Client(headers={"accept-language": "fr-FR,fr"}).get("/").content.decode()
    assert ENGLISH_HOME in page
    assert '<html lang="en">' in page


def test_every_page_offers_the_other_language_as_a_form_that_returns_to_it():
    english = Client().get("/accounts/signup/").content.decode()
    assert 'action="/i18n/setlang/"' in english
    assert '<input type="hidden" name="next" value="/accounts/signup/">' in english
    assert 'name="language" value="es" lang="es">Español</button>' in english
    assert 'name="csrfmiddlewaretoken"' in english
    spanish = in_spanish().get("/accounts/signup/").content.decode()
    assert 'name="language" value="en" lang="en">English</button>' in spanish
    assert "Crear una cuenta" in spanish


def test_the_switcher_returns_to_a_page_of_this_site_only():
    answer = Client().post("/i18n/setlang/", {"language": "es", "next": "https://evil.example/"})
    assert answer.status_code == 302
    assert "evil.example" not in answer["Location"]


def test_an_address_carries_no_language():
    assert in_spanish().get("/es/").status_code == 404


def test_my_requests_and_a_request_page_are_in_spanish(alice, filed):
    browser = in_spanish()
    browser.force_login(alice)
    listing = browser.get("/requests/").content.decode()
    assert "<h1" in listing
    assert "Mis solicitudes" in listing
    assert "Solicitudes presentadas" in listing
    assert "Recibida" in listing  # the status, from the choices' words
    page = browser.get(f"/requests/{filed.receipt_number}/").content.decode()
    assert "Estado: Recibida" in page
    assert "Recibimos la solicitud y enviamos un aviso de recibo." in page  # the core's words
    assert "30 de noviembre de 2026" in page  # dates written the Spanish way


def test_staff_pages_keep_working_with_spanish_chosen(olivia):
    browser = in_spanish()
    browser.force_login(olivia)
    answer = browser.get("/work/")
    assert answer.status_code == 200
    assert '<html lang="es">' in answer.content.decode()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_error_pages_render_in_either_language(language):
    request = RequestFactory().get("/missing")
    with translation.override(language):
        page_404 = render_to_string("404.html", request=request)
        page_500 = render_to_string("500.html")  # as Django renders it: no request at all
    assert f'<html lang="{language}">' in page_404
    expected = {"en": "We can’t find that page", "es": "No encontramos esa página"}[language]
    assert expected in page_404
    assert {"en": "Something went wrong", "es": "Algo salió mal"}[language] in page_500


def test_every_choice_a_page_translates_is_in_the_list_for_the_catalog():
    # Pages show these models' choices with {% translate %}: each label needs an entry.
    shown = (Status, Kind, Basis, Category, RequestorRole, EvidenceKind)
    labels = {label for enum in shown for _, label in choices(enum)}
    labels |= {str(label) for _, label in Notice._meta.get_field("kind").choices or []}
    assert labels <= set(CHOICE_WORDS)


def test_the_api_answers_in_english_whatever_the_client_asks():
    english = Client().get("/api/v1/queue")
    spanish = Client(headers={"accept-language": "es"})
    spanish.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    answer = spanish.get("/api/v1/queue")
    assert answer.status_code == english.status_code
    assert answer.json() == english.json()
    assert "Accept-Language" not in answer.get("Vary", "")
