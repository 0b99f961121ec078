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


def in_folder(folder, **files):
    """Articles written in ``folder``, each with a Spanish text unless it is None."""
    (folder / "es").mkdir()
    for name, (text, spanish) in files.items():
        (folder / f"{name}.md").write_text(text)
        if spanish is not None:
            (folder / "es" / f"{name}.md").write_text(spanish)
    return folder


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: article.slug)
def test_every_article_says_the_same_in_spanish(article):
    """The same figures, the same links, the same headings and lists, in Spanish words."""
    english, spanish = article.body, article.body_es
    assert spanish
    assert spanish != english
    assert sorted(placeholder_keys(spanish)) == sorted(placeholder_keys(english))
    links = r"\]\(((?:help:|https://)[^)]+)\)"
    assert sorted(re.findall(links, spanish)) == sorted(re.findall(links, english))
    shape = [line.split(" ")[0] for line in english.splitlines() if line.startswith(("## ", "- "))]
    said = [line.split(" ")[0] for line in spanish.splitlines() if line.startswith(("## ", "- "))]
    assert said == shape


def test_an_article_without_its_spanish_text_is_refused(tmp_path):
    in_folder(tmp_path, one=(GOOD, None))
    with pytest.raises(ArticleError, match=r"one\.md: its Spanish text es/one\.md is missing"):
        library_read(tmp_path)


def test_an_article_is_read_with_its_spanish_text(tmp_path):
    article = library_read(in_folder(tmp_path, one=(GOOD, "El texto.\n"))).articles[0]
    assert article.text_in(False) == ("A title", "One line.", "The text.")
    assert article.text_in(True) == ("Un título", "Una línea.", "El texto.")


def test_two_articles_with_one_slug_are_refused(tmp_path):
    in_folder(tmp_path, one=(GOOD, "Uno."), two=(GOOD, "Dos."))
    with pytest.raises(ArticleError, match="Two articles have the slug a-test"):
        library_read(tmp_path)
