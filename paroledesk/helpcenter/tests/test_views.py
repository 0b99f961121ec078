from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation

from paroledesk.helpcenter.library import TOPICS, library
from paroledesk.helpcenter.views import help_article

pytestmark = pytest.mark.django_db

SEARCH_FORM = 'action="/help/search/"'


def test_the_index_lists_every_topic_with_its_articles_and_a_search_form(client):
    response = client.get("/help/")
    assert response.status_code == 200
    page = response.content.decode()
    for label in TOPICS.values():
        assert str(label) in page
    for article in library().articles:
        assert f'href="/help/{article.slug}/"' in page
    assert 'name="q"' in page


@pytest.mark.parametrize("path", ["/", "/help/", "/accounts/login/", "/help/the-filing-fee/"])
def test_every_public_page_has_the_search_box_in_its_header(client, policy, path):
    page = client.get(path).content.decode()
    assert 'class="usa-search usa-search--small"' in page
    assert SEARCH_FORM in page


def test_the_results_page_lists_the_articles_that_answer(client, policy):
    response = client.get(
        "/help/search/", {"q": "mi hijo esta enfermo en honduras y no le dan visa"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/help/sick-relative-abroad/"' in page
    assert "mi hijo esta enfermo" in page


def test_the_results_page_without_a_question_shows_the_form_alone(client):
    response = client.get("/help/search/")
    assert response.status_code == 200
    assert "usa-alert--error" not in response.content.decode()


def test_an_empty_question_is_refused_in_the_error_summary(client):
    response = client.get("/help/search/", {"q": "  "})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Nothing was searched" in page
    assert "Type a question or a few words to search for." in page
    assert 'aria-invalid="true"' in page


def test_a_question_too_long_is_refused_with_the_limit(client):
    response = client.get("/help/search/", {"q": "why " * 300})
    assert response.status_code == 422
    assert "1000 characters or fewer" in response.content.decode()


def test_a_hidden_character_in_the_question_is_refused_by_name(client):
    response = client.get("/help/search/", {"q": "fee\u202e"})
    assert response.status_code == 422
    assert "U+202E" in response.content.decode()


def test_an_article_shows_its_text_sources_and_related_articles(client, policy, time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    response = client.get("/help/the-filing-fee/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>How much it costs to file</h1>" in page
    assert "$580" in page
    assert "$630" in page
    assert "89 FR 6194" in page
    assert "Related articles" in page
    assert 'href="/help/fee-exemptions-and-waivers/"' in page
    assert "{{" not in page


def test_an_article_shows_a_fee_an_administrator_added_from_its_date(
    client, policy, ada, time_machine
):
    from paroledesk.core.policy import PolicyKey  # noqa: PLC0415
    from paroledesk.policy.models import PolicyValue  # noqa: PLC0415
    from paroledesk.policy.services import policy_value_save  # noqa: PLC0415

    row = PolicyValue(
        key=PolicyKey.PAROLE_FEE.value,
        effective_from="2026-10-01",
        value=1040,
        source="Inflation adjustment notice",
    )
    policy_value_save(row=row, actor=ada)
    time_machine.move_to("2026-09-30 10:00:00-05:00", tick=False)
    assert "$1,000" in client.get("/help/parole-fee-on-approval/").content.decode()
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    assert "$1,040" in client.get("/help/parole-fee-on-approval/").content.decode()


def test_an_article_before_any_policy_is_loaded_names_the_figure_in_words(client):
    page = client.get("/help/the-filing-fee/").content.decode()
    assert "the figure in force" in page


def test_an_unknown_article_is_not_found(client):
    assert client.get("/help/no-such-article/").status_code == 404


def test_a_spanish_reader_sees_the_spanish_title_and_summary(policy):
    with translation.override("es"):
        response = help_article(
            RequestFactory().get("/help/do-i-need-an-attorney/"), "do-i-need-an-attorney"
        )
    page = response.content.decode()
    assert "<h1>¿Necesito un abogado?</h1>" in page
    assert 'lang="es"' in page
    article = library().get("do-i-need-an-attorney")
    assert article is not None
    spanish_first_line = article.body_es.splitlines()[0]
    assert spanish_first_line.split(".")[0] in page
    assert article.body.splitlines()[0].split(".")[0] not in page


def test_a_spanish_reader_finds_the_results_under_their_spanish_titles(client, policy):
    client.cookies["django_language"] = "es"
    response = client.get("/help/search/", {"q": "¿necesito un abogado? no tengo dinero"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="/help/do-i-need-an-attorney/"' in page
    assert "¿Necesito un abogado?</a>" in page
