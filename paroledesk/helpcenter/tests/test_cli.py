from __future__ import annotations

import json

import pytest

from paroledesk.cli import main

pytestmark = pytest.mark.django_db


def test_ask_with_json_prints_the_apis_answer(policy, capsys):
    assert main(["ask", "My mother has stage 4 cancer and can't get a visa in time", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["query"] == "My mother has stage 4 cancer and can't get a visa in time"
    assert "medical-emergency" in answer["results"][0]["topics"]
    assert set(answer["results"][0]) == {"slug", "title", "topics", "score", "snippet"}


def test_ask_prints_the_articles_with_their_addresses(policy, capsys):
    assert main(["ask", "necesito un abogado gratis"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Free and low-cost legal help  (/help/free-and-low-cost-legal-help/)")


def test_ask_says_so_when_nothing_matches(policy, capsys):
    assert main(["ask", "qqqxz"]) == 0
    assert "No article matches" in capsys.readouterr().out


def test_ask_refuses_an_empty_question(capsys):
    assert main(["ask", " "]) == 2
    assert "Type a question" in capsys.readouterr().err
