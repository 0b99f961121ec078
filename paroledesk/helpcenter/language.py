"""Words as the search compares them, in English and Spanish.

People write in a hurry and in distress: no accents ("peticion", "esta"),
capitals or none, form numbers written every way ("I-131", "i 131", "I131"),
"U.S.", "USA" and "EE.UU." for the same country, and misspellings. So a text
becomes terms in four steps: one spelling for what has many, accents and case
dropped, words too common to tell articles apart left out, and each word cut to
its stem by the Snowball stemmers of both languages (an English word and its
Spanish stem rarely collide, and a reader may mix the two).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import snowballstemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SPANISH

# Said many ways, searched as one word.
_ONE_SPELLING = [
    (
        re.compile(
            r"\b(?:u\s*\.\s*s\s*\.?(?:\s*a\s*\.?)?|usa|united\s+states(?:\s+of\s+america)?)(?!\w)"
        ),
        " usa ",
    ),
    (re.compile(r"\b(?:ee\s*\.?\s*uu\s*\.?|estados\s+unidos)(?!\w)"), " usa "),
    # Form numbers: I-131, I 131, i131 are one form; so are G-28 and AR-11.
    (re.compile(r"\b(i|g|ar)\s*-?\s*(\d{3}|94|28|11)\b"), r" \1\2 "),
]
# Everyday words that say nothing about the subject, beyond the libraries' lists.
_MORE_STOPWORDS_EN = {
    "i", "im", "me", "my", "we", "our", "us", "you", "your", "he", "she", "him", "his", "her",
    "them", "do", "does", "did", "can", "could", "would", "should", "have", "has", "had",
    "am", "been", "were", "what", "how", "who", "why", "when", "where", "which", "so", "just",
    "really", "please", "help", "from", "about", "there", "here", "any", "anyone", "know",
    "want", "need", "get", "got", "one", "some", "all", "very", "too", "also", "now", "still",
    "dont", "cant", "t", "s", "ve", "ll", "d", "m", "re", "thank", "thanks", "hi", "hello",
}  # fmt: skip
_MORE_STOPWORDS_ES = {
    "puedo", "puede", "pueden", "hago", "hacer", "quiero", "necesito", "ayuda", "favor",
    "gracias", "hola", "alguien", "ahora", "aqui", "alli", "bien", "solo", "tambien", "asi",
}  # fmt: skip
# "estado" is the status of a case, and "estados" part of the country's name in Spanish.
_KEPT = {"estado", "estados"}


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


STOPWORDS = frozenset(
    _bare(word)
    for word in {*STOPWORDS_EN, *STOPWORDS_SPANISH, *_MORE_STOPWORDS_EN, *_MORE_STOPWORDS_ES}
    if word not in _KEPT
)
_STEMMERS = (snowballstemmer.stemmer("english"), snowballstemmer.stemmer("spanish"))


def plain(text: str) -> str:
    """Lower case without accents, one spelling for the country and the forms."""
    text = _bare(unicodedata.normalize("NFKC", text)).casefold()
    for pattern, replacement in _ONE_SPELLING:
        text = pattern.sub(replacement, text)
    return text


def words(text: str) -> list[str]:
    """The words of ``text`` that can tell articles apart, in order, not yet stemmed."""
    return [word for word in re.findall(r"[a-z0-9]+", plain(text)) if word not in STOPWORDS]


@cache
def stems(word: str) -> tuple[str, ...]:
    """The English and the Spanish stem of a word, once when they agree."""
    found = dict.fromkeys(stemmer.stemWord(word) for stemmer in _STEMMERS)
    return tuple(found)


def terms(all_words: Iterable[str]) -> list[str]:
    return [stem for word in all_words for stem in stems(word)]


def trigrams(all_words: Iterable[str]) -> list[str]:
    """Three-letter pieces of each word, for a last try when no whole word matches."""
    return [
        padded[i : i + 3]
        for word in all_words
        for padded in [f"_{word}_"]
        for i in range(len(padded) - 2)
    ]
