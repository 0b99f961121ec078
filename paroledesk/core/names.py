"""Keys that find the same person under another spelling of their name.

Two keys, both only ever stored as keyed hashes (blind indexes) with the birth
date, never as text:

- ``name_key`` is the name folded for case, accents, spacing, hyphens and
  apostrophes: "Núñez, José" and "NUNEZ, jose" are one key. A re-parole or a
  refiling must name the same person by it.
- ``likeness_key`` is looser, for possible duplicates in a surge: each name is
  written in Latin letters (``anyascii``: Олена Коваленко is Olena Kovalenko),
  run together (Al-Hassan, Al Hassan and Alhassan are one), and reduced to how
  it sounds in English (Metaphone, from ``jellyfish``: Mohammad, Muhammad and
  Mohammed sound alike; so do Ahmed and Ahmad, Müller and Mueller); the two
  names are then put in order, so a family name written where the given name
  belongs still matches. docs/benchmarks.md gives how often it matches two
  different people born on the same day.
"""

from __future__ import annotations

import functools
import hmac
import re
import unicodedata

import jellyfish
from anyascii import anyascii

# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLD = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)
# Apostrophes are dropped (O'Brien, OBrien); hyphens and dashes separate words.
_APOSTROPHES = str.maketrans(dict.fromkeys("'`´ʼʻ’‘", ""))
_HYPHENS = re.compile(r"[-‐‑‒–—―]")
_NOT_A_LETTER = re.compile(r"[^a-z]")


@functools.lru_cache(maxsize=8192)  # names recur: a bulk import folds each several times
def _fold_name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = _HYPHENS.sub(" ", bare.translate(_FOLD).translate(_APOSTROPHES))
    return " ".join(bare.split())


def name_key(family: str, given: str) -> str:
    """One string per person's name, equal whatever the case, accents, spacing or hyphens.

    ``name_key("Núñez", "José") == name_key("NUNEZ", "jose")``.
    """
    return f"{_fold_name(family)}|{_fold_name(given)}"


def same_family_name(typed: str, key: str) -> bool:
    """Whether a family name as someone typed it is the family name of a stored name_key,
    whatever the case, accents, spacing or hyphens (the status inquiry asks only for it).

    Compared in constant time: how long it takes tells nothing of the stored name.
    """
    stored = key.partition("|")[0]
    return hmac.compare_digest(_fold_name(typed).encode(), stored.encode())


@functools.lru_cache(maxsize=8192)
def _sound_of(name: str) -> str:
    latin = anyascii(unicodedata.normalize("NFKC", name)).casefold()
    letters = _NOT_A_LETTER.sub("", latin)
    return jellyfish.metaphone(letters) if letters else ""


def likeness_key(family: str, given: str) -> str:
    """How a person's two names sound, in any script and either order.

    ``likeness_key("Коваленко", "Олена") == likeness_key("Olena", "Kovalenko")``.
    """
    return "|".join(sorted((_sound_of(family), _sound_of(given))))
