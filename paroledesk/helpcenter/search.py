"""Finding the articles that answer a question: BM25 over stems, offline.

An article is indexed as its title (counted three times: a title says what the
article is about better than any sentence in it), its keywords in both
languages (twice), its Spanish title and summary, and its text. A question is
read the same way, with the glossary's words added and each unknown word
replaced by the nearest word of the articles' own vocabulary (difflib), so that
"deportd", "abogadoo" or "aplication" still count. When no word matches at all,
a second index of three-letter pieces gives the articles whose words look most
alike, which beats answering nothing.

Both indexes are built once per process, on first use (a few milliseconds for
the library's size), and never touch the network or a model.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from functools import cache, lru_cache

import bm25s
import numpy as np

from paroledesk.helpcenter import language
from paroledesk.helpcenter.glossary import SAME_AS, brought
from paroledesk.helpcenter.library import Article, library
from paroledesk.helpcenter.markup import plain_text

# bm25s sets its logger to DEBUG when imported, which would narrate every index built
# whatever the site's logging says; its warnings still go through.
logging.getLogger("bm25s").setLevel(logging.WARNING)

# A word this close to a known word (difflib's ratio) is read as that word.
SPELLING_CUTOFF = 0.8
# Shorter words are too easily mistaken for another ("visa" and "vida").
SPELLING_MIN_LENGTH = 5
# The glossary's words are a guess at what the reader meant: they count half.
BROUGHT_WEIGHT = 0.5


@dataclass(frozen=True)
class Hit:
    article: Article
    score: float
    # The question's words as searched, for the snippet to find its passage.
    words: tuple[str, ...]


def _article_words(article: Article) -> list[str]:
    title = language.words(article.title)
    keywords = language.words(" ".join(article.keywords + article.keywords_es))
    rest = language.words(
        " ".join([article.title_es, article.summary, article.summary_es, plain_text(article.body)])
    )
    return title * 3 + keywords * 2 + rest


@dataclass(frozen=True)
class _Index:
    articles: tuple[Article, ...]
    by_terms: bm25s.BM25
    by_trigrams: bm25s.BM25
    vocabulary: frozenset[str]


def _bm25(corpus: list[list[str]]) -> bm25s.BM25:
    index = bm25s.BM25()
    index.index(corpus, show_progress=False)
    return index


@cache
def _index() -> _Index:
    articles = library().articles
    article_words = [_article_words(article) for article in articles]
    vocabulary = {word for found in article_words for word in found} | set(SAME_AS)
    return _Index(
        articles=articles,
        by_terms=_bm25([language.terms(found) for found in article_words]),
        by_trigrams=_bm25([language.trigrams(found) for found in article_words]),
        vocabulary=frozenset(vocabulary),
    )


# Readers misspell the same few words: each is looked up once per process.
@lru_cache(maxsize=4096)
def _spelled(word: str) -> str:
    vocabulary = _index().vocabulary
    if word in vocabulary or len(word) < SPELLING_MIN_LENGTH or word.isdigit():
        return word
    near = difflib.get_close_matches(word, vocabulary, n=1, cutoff=SPELLING_CUTOFF)
    return near[0] if near else word


@dataclass(frozen=True)
class QuestionWords:
    own: list[str]
    brought: list[str]

    def all(self) -> tuple[str, ...]:
        return (*self.own, *self.brought)


def question_words(question: str) -> QuestionWords:
    """The question's words as searched (spelling mended), and those the glossary adds."""
    own = [_spelled(word) for word in language.words(question)]
    return QuestionWords(own, brought(own, question))


def articles_search(*, question: str, limit: int) -> list[Hit]:
    """The articles that answer ``question`` best, best first; none for a question
    without a single word to go on."""
    index = _index()
    found = question_words(question)
    if not found.all():
        return []
    scores = index.by_terms.get_scores(language.terms(found.own))
    if found.brought:
        scores = scores + BROUGHT_WEIGHT * index.by_terms.get_scores(language.terms(found.brought))
    if not np.any(scores > 0):
        scores = index.by_trigrams.get_scores(language.trigrams(found.all()))
    # Ties keep the library's order, so the same question always answers the same.
    order = np.argsort(-scores, kind="stable")[:limit]
    return [
        Hit(article=index.articles[i], score=round(float(scores[i]), 3), words=found.all())
        for i in order
        if scores[i] > 0
    ]
