"""Reading the help center: the answer to a question, the articles by topic, one article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from paroledesk.core.policy import PolicySnapshot
from paroledesk.core.text import UnsafeText, clean_text
from paroledesk.helpcenter import language
from paroledesk.helpcenter.library import TOPICS, Article, library
from paroledesk.helpcenter.markup import figures_filled, paragraphs
from paroledesk.helpcenter.search import Hit, articles_search
from paroledesk.policy.selectors import policy_on

# Long enough for a worried paragraph, short enough to keep the search cheap.
QUESTION_MAX = 1000
RESULTS_MAX = 5
SNIPPET_MAX = 240
RELATED_MAX = 4


class QuestionInvalid(ValueError):
    """A question that cannot be searched; the message says why, for the field ``q``."""


def question_clean(text: str | None) -> str:
    """The question as searched: NFKC, trimmed; refused when empty, too long or holding
    a hidden character (core.text, the one place that judges text)."""
    if text is None or not text.strip():
        raise QuestionInvalid(_("Type a question or a few words to search for."))
    if len(text) > QUESTION_MAX:
        raise QuestionInvalid(
            _("Shorten the question to %(max)d characters or fewer.") % {"max": QUESTION_MAX}
        )
    try:
        return clean_text(text, paragraphs=True).strip()
    except UnsafeText as refused:
        raise QuestionInvalid(refused.about(_("The question"), translate=_)) from None


def policy_today() -> PolicySnapshot | None:
    """The figures articles show: policy in force today, or None before any is loaded."""
    try:
        snapshot = policy_on(timezone.localdate())
    except DatabaseError:
        # `paroledesk ask` on a clone whose database is not made yet still answers,
        # with "the figure in force" where a fee would be.
        return None
    return snapshot if snapshot.items() else None


def _cut(text: str) -> str:
    if len(text) <= SNIPPET_MAX:
        return text
    return text[:SNIPPET_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def snippet(hit: Hit, policy: PolicySnapshot | None) -> str:
    """The article's summary, or a passage of its text sharing more of the question's
    words, figures written in."""
    wanted = set(language.terms(hit.words))
    passages = [figures_filled(hit.article.summary, policy)]
    passages += paragraphs(hit.article.body, policy, headings=False)
    # max keeps the first of equals: the summary, written as the article's answer.
    best = max(passages, key=lambda text: len(wanted & set(language.terms(language.words(text)))))
    return _cut(best)


def help_answer(*, question: str) -> dict[str, Any]:
    """The contract's answer: ``{"query", "results": [{"slug", "title", "topics",
    "score", "snippet"}]}``, best first. ``question`` was cleaned by question_clean."""
    policy = policy_today()
    hits = articles_search(question=question, limit=RESULTS_MAX)
    return {
        "query": question,
        "results": [
            {
                "slug": hit.article.slug,
                "title": hit.article.title,
                "topics": list(hit.article.topics),
                "score": hit.score,
                "snippet": snippet(hit, policy),
            }
            for hit in hits
        ],
    }


@dataclass(frozen=True)
class TopicGroup:
    slug: str
    label: str
    articles: list[Article]


def articles_by_topic() -> list[TopicGroup]:
    """Each topic with its articles; an article with two topics shows under both, after
    the articles whose first topic it is."""
    articles = library().articles
    return [
        TopicGroup(
            slug,
            str(label),
            sorted(
                (article for article in articles if slug in article.topics),
                key=lambda article: (article.topics.index(slug), article.title),
            ),
        )
        for slug, label in TOPICS.items()
    ]


def article_get(*, slug: str) -> Article | None:
    return library().get(slug)


def articles_related(*, article: Article) -> list[Article]:
    """Articles sharing a topic with ``article``, those sharing the most first."""
    shared = [
        (len(set(other.topics) & set(article.topics)), other)
        for other in library().articles
        if other.slug != article.slug
    ]
    ranked = sorted((item for item in shared if item[0]), key=lambda item: -item[0])
    return [other for _count, other in ranked[:RELATED_MAX]]


def in_spanish() -> bool:
    """Whether the page is shown in Spanish, where articles give their Spanish title and
    summary (their text stays in English)."""
    return (get_language() or "").startswith("es")
