"""The public page /status/: a form without sign-in, the answer in reply to the POST."""

import pytest
from django.test import Client

from paroledesk.adjudication.tests.steps import denied
from paroledesk.inquiry.models import Inquiry
from paroledesk.inquiry.services import GUESSES
from paroledesk.testing.fixtures import FILED_ON

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _a_day_after_filing(time_machine):
    time_machine.move_to("2026-12-02 10:00:00-05:00", tick=False)


def form(case, **changes):
    return {
        "receipt_number": case.receipt_number.lower(),
        "family_name": "haidari",
        "date_of_birth": "1988-03-14",
        "filed_on": FILED_ON.isoformat(),
        "explanation": "",
    } | changes


def text(answer):
    return " ".join(answer.content.decode().split())


def test_the_form_asks_the_four_facts_and_a_question_without_sign_in(db):
    page = Client().get("/status/")
    assert page.status_code == 200
    shown = text(page)
    for label in (
        "Receipt number",
        "Family name of the person the request is for",
        "Their date of birth",
        "Date the request was received",
        "What would you like to know?",
    ):
        assert label in shown
    assert 'type="date"' in shown
    assert "at most 10 times in 15 minutes" in shown


def test_the_right_facts_show_the_status_history_window_and_next_steps(filed):
    answer = Client().post("/status/", form(filed))
    assert answer.status_code == 200
    shown = text(answer)
    assert f"Status of request {filed.receipt_number}" in shown
    assert "It is waiting for an officer." in shown
    assert "Nov 30, 2026" in shown
    assert "between <strong>April 9, 2027</strong> and <strong>May 21, 2027</strong>" in shown
    assert "What to do next" in shown
    for private in ("Farid", "Sara", "surgery"):
        assert private not in shown
    assert answer["Cache-Control"].startswith("max-age=0")


def test_a_denied_request_tells_how_to_refile(filed, sam, olivia):
    shown = text(Client().post("/status/", form(denied(filed, sam, olivia))))
    assert "cannot be appealed" in shown
    assert "new filing fee" in shown


def test_a_question_is_passed_on_and_the_page_says_so(filed):
    shown = text(Client().post("/status/", form(filed, explanation="Is anything missing?")))
    assert "Your question was passed on to the officer" in shown
    assert Inquiry.objects.get().explanation == "Is anything missing?"


def test_a_mismatch_shows_the_one_message_and_keeps_the_answers(filed):
    answer = Client().post("/status/", form(filed, date_of_birth="1988-03-15"))
    assert answer.status_code == 404
    shown = text(answer)
    assert "No request matches these details." in shown
    assert 'value="1988-03-15"' in shown
    unknown = Client().post("/status/", form(filed, receipt_number="IOE2704000999"))
    assert unknown.status_code == 404
    assert "No request matches these details." in text(unknown)


def test_malformed_answers_are_named_in_the_error_summary(filed):
    answer = Client().post(
        "/status/", form(filed, receipt_number="12345", date_of_birth="", filed_on="soon")
    )
    assert answer.status_code == 422
    shown = text(answer)
    assert "Please check your answers" in shown
    assert 'href="#id_receipt_number"' in shown
    assert "three letters and ten digits" in shown
    assert "Enter the date of birth." in shown
    assert "Enter the date the request was received as a date" in shown


def test_the_page_and_the_api_share_one_count_of_guesses(filed):
    browser = Client()
    for _ in range(GUESSES.tries - 1):
        browser.post("/status/", form(filed, family_name="Nobody"))
    api = browser.post("/api/v1/status-inquiries", form(filed), content_type="application/json")
    assert api.status_code == 200
    refused = browser.post("/status/", form(filed))
    assert refused.status_code == 429
    assert "Too many tries from this connection" in text(refused)


def in_spanish():
    browser = Client()
    browser.cookies["django_language"] = "es"
    return browser


def test_the_form_and_its_refusals_are_in_spanish_when_chosen(filed):
    shown = text(in_spanish().get("/status/"))
    assert "Consultar el estado de una solicitud" in shown
    assert "Hasta 1000 caracteres." in shown  # the hint is made per form, not at import
    refused = text(in_spanish().post("/status/", form(filed, date_of_birth="", filed_on="soon")))
    assert "Escriba la fecha de nacimiento." in refused
    assert "Escriba la fecha en que se recibió la solicitud como una fecha" in refused
    mismatch = text(in_spanish().post("/status/", form(filed, family_name="Nobody")))
    assert "Ninguna solicitud coincide con estos datos." in mismatch


def test_the_answer_is_in_spanish_with_spanish_dates(filed):
    shown = text(in_spanish().post("/status/", form(filed)))
    assert f"Estado de la solicitud {filed.receipt_number}" in shown
    assert '<h2 class="usa-summary-box__heading" id="status-heading">Recibida</h2>' in shown
    assert "entre el <strong>9 de abril de 2027</strong>" in shown
    assert "Qué hacer después" in shown
    assert "Por ahora no tiene que hacer nada." in shown
    assert "30 Nov 2026" in shown  # the history's short dates, day first


def test_a_hidden_character_is_refused_in_the_visitors_language(filed):
    hidden = form(filed, family_name="Hai\u202edari")
    spanish = text(in_spanish().post("/status/", hidden))
    assert "El apellido contiene el carácter invisible o de control U+202E" in spanish
    assert "contains the invisible" not in spanish
    english = text(Client().post("/status/", hidden))
    assert "contains the invisible or control character U+202E" in english
    api = Client(headers={"Accept-Language": "es"}).post(
        "/api/v1/status-inquiries", hidden, content_type="application/json"
    )
    assert "contains the invisible or control character" in api.json()["errors"][0]["message"]
