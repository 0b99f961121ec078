"""The filing wizard in Spanish: its questions, its answers in words, its error messages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from paroledesk.core.filing import FieldError
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.wizard.fields import RULE_IN_WORDS, in_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(alice) -> Client:
    """alice, who chose Español."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    client.force_login(alice)
    return client


def new_draft(browser: Client) -> FilingDraft:
    browser.post("/requests/new/")
    return FilingDraft.objects.latest("id")


def test_the_start_page_and_the_first_step_are_in_spanish(browser):
    assert (
        "Presentar una nueva solicitud de parole" in browser.get("/requests/new/").content.decode()
    )
    draft = new_draft(browser)
    page = browser.get(f"/requests/drafts/{draft.pk}/kind/").content.decode()
    assert "¿Qué pide?" in page
    assert "Parole para alguien que está fuera de los Estados Unidos" in page
    assert "Guardar y continuar" in page
    assert "Tipo de solicitud" in page  # the step indicator


def test_an_unanswered_question_is_named_in_spanish_in_the_summary_and_at_the_field(browser):
    draft = new_draft(browser)
    page = browser.post(f"/requests/drafts/{draft.pk}/kind/", {}).content.decode()
    assert "Revise sus respuestas" in page  # the error summary's heading
    assert page.count("Elija qué pide.") == 2  # in the summary and at the question


def test_a_date_that_does_not_exist_is_explained_in_spanish(browser):
    draft = new_draft(browser)
    browser.post(f"/requests/drafts/{draft.pk}/kind/", {"kind": "initial"})
    answers = {
        "given_name": "Farid",
        "family_name": "Haidari",
        "date_of_birth_month": "2",
        "date_of_birth_day": "30",
        "date_of_birth_year": "1988",
        "country_of_birth": "AF",
        "country_of_citizenship": "AF",
    }
    page = browser.post(f"/requests/drafts/{draft.pk}/beneficiary/", answers).content.decode()
    assert "febrero de 1988 no tiene día 30. Revise el día y el mes." in page
    answers["date_of_birth_day"] = ""
    page = browser.post(f"/requests/drafts/{draft.pk}/beneficiary/", answers).content.decode()
    assert "A la fecha de nacimiento le falta el día." in page


def test_countries_are_named_and_sorted_in_spanish(browser):
    draft = new_draft(browser)
    browser.post(f"/requests/drafts/{draft.pk}/kind/", {"kind": "initial"})
    page = browser.get(f"/requests/drafts/{draft.pk}/beneficiary/").content.decode()
    assert '<option value="DE">Alemania</option>' in page
    assert page.index(">Alemania<") < page.index(">Bélgica<")
    assert "Apátrida (sin ninguna ciudadanía)" in page


def test_the_same_draft_reads_in_english_when_english_is_chosen(browser):
    draft = new_draft(browser)
    browser.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = browser.get(f"/requests/drafts/{draft.pk}/kind/").content.decode()
    assert "What are you asking for?" in page
    assert "¿Qué pide?" not in page


@pytest.mark.parametrize("code", sorted(RULE_IN_WORDS))
def test_a_filing_rule_refused_is_said_in_spanish_without_the_cores_english(code):
    core = FieldError(code, "beneficiary.location", "The core's own sentence, in English.")
    with translation.override("es"):
        said = in_words(core)
    assert "The core's own sentence" not in said
    assert said.split(". ")[0] != RULE_IN_WORDS[code].split(". ")[0]
    with translation.override("en"):
        assert in_words(core).startswith("The core's own sentence, in English.")
