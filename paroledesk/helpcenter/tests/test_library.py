from __future__ import annotations

import re

import pytest

from paroledesk.core.policy import PolicyKey
from paroledesk.helpcenter.library import TOPICS, ArticleError, article_parse, library, library_read
from paroledesk.helpcenter.markup import placeholder_keys

ARTICLES = library().articles
CONTRACT_TOPICS = {
    "what-is-parole", "legal-basis", "who-can-file", "how-to-file", "fees", "evidence",
    "processing-time", "case-status", "outside-us-requirement", "reparole", "parole-duration",
    "expiry-and-departure", "work-authorization", "denial-and-refiling", "decision-notice",
    "criminal-history", "medical-emergency", "financial-support", "representation", "expedite",
}  # fmt: skip
GOOD = """---
slug: a-test
title: A title
title_es: Un título
summary: One line.
summary_es: Una línea.
topics: fees, evidence
keywords: cost, price
sources:
- 8 CFR 212.5
- Form I-131 instructions, fees
---
The text.
"""


def test_the_library_holds_at_least_thirty_articles():
    assert len(ARTICLES) >= 30


def test_the_topics_are_the_contracts_and_every_one_has_an_article():
    assert set(TOPICS) == CONTRACT_TOPICS
    assert {topic for article in ARTICLES for topic in article.topics} == CONTRACT_TOPICS


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: article.slug)
def test_every_article_cites_a_source_and_speaks_to_spanish_readers(article):
    assert article.sources
    assert all(len(source) > 5 for source in article.sources)
    assert article.title_es
    assert article.summary_es
    assert article.keywords_es


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: article.slug)
def test_every_figure_in_an_article_is_a_policy_value(article):
    for key in placeholder_keys(" ".join([article.body, article.summary, article.summary_es])):
        PolicyKey(key)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: article.slug)
def test_every_link_to_another_article_leads_to_one(article):
    for slug in re.findall(r"\(help:([^)]+)\)", article.body):
        assert library().get(slug) is not None, slug


def test_an_article_is_read_from_its_front_matter_and_text():
    article = article_parse(GOOD, name="a-test.md")
    assert article.slug == "a-test"
    assert article.topics == ("fees", "evidence")
    assert article.sources == ("8 CFR 212.5", "Form I-131 instructions, fees")
    assert article.keywords == ("cost", "price")
    assert article.body == "The text."


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        (GOOD.replace("---\nslug", "slug", 1), "front matter"),
        (GOOD.replace("topics: fees, evidence", "topics: fees, visas"), "unknown topics visas"),
        (GOOD.replace("- 8 CFR 212.5\n- Form I-131 instructions, fees\n", ""), "sources missing"),
        (GOOD.replace("The text.\n", ""), "no text"),
        (GOOD.replace("title: A title\n", "title: A title\ntitle: Again\n"), "front matter line"),
    ],
)
def test_an_article_that_breaks_the_format_is_refused_naming_its_file(broken, said):
    with pytest.raises(ArticleError, match=f"a-test.md: .*{said}"):
        article_parse(broken, name="a-test.md")


def test_two_articles_with_one_slug_are_refused(tmp_path):
    (tmp_path / "one.md").write_text(GOOD)
    (tmp_path / "two.md").write_text(GOOD)
    with pytest.raises(ArticleError, match="Two articles have the slug a-test"):
        library_read(tmp_path)
