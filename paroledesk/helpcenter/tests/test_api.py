from __future__ import annotations

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/help/search"


def _ask(**params):
    return APIClient().get(URL, params)


def test_anyone_gets_the_articles_that_answer_best_first(policy):
    response = _ask(q="Do I really need an attorney, and is anyone free?")
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "Do I really need an attorney, and is anyone free?"
    assert 1 <= len(body["results"]) <= 5
    first = body["results"][0]
    assert set(first) == {"slug", "title", "topics", "score", "snippet"}
    assert "representation" in first["topics"]
    scores = [result["score"] for result in body["results"]]
    assert scores == sorted(scores, reverse=True)
    assert all(result["snippet"] for result in body["results"])


def test_a_snippet_shows_the_fee_in_force_today(policy, time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    body = _ask(q="how much is the work permit fee for a parolee").json()
    snippets = " ".join(result["snippet"] for result in body["results"])
    assert "$560" in snippets
    assert "{{" not in snippets


def test_a_signed_in_requestor_asks_like_anyone(policy, alice):
    client = APIClient()
    client.force_authenticate(alice)
    assert client.get(URL, {"q": "fees"}).status_code == 200


def test_a_wrong_token_is_told_so(policy):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    response = client.get(URL, {"q": "fees"})
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "not_authenticated"


def test_a_question_that_matches_nothing_answers_an_empty_list(policy):
    body = _ask(q="qqqxz").json()
    assert body == {"query": "qqqxz", "results": []}


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "   "}, {"q": "a" * 1001}, {"q": "fee\x1b[2J"}, {"q": "fee\u202eeef"}],
    ids=["missing", "empty", "blank", "too-long", "escape", "bidi-override"],
)
def test_a_missing_empty_long_or_hidden_question_is_refused_naming_q(params):
    response = _ask(**params)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["code"] == "invalid"
    assert error["field"] == "q"
    assert error["message"].endswith(".")


def test_the_search_is_in_the_api_schema():
    schema = APIClient().get("/api/v1/schema", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/help/search"]["get"]
    assert operation["operationId"] == "help_search"
    assert {"200", "422"} <= set(operation["responses"])
