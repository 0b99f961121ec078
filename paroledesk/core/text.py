"""Text as people type it: one normal form, and nothing hidden in it.

Every channel that takes text from a person (the API, the bulk import and the
wizard through ``core.filing``, sign-up through the account adapter, evidence
file names through ``lib.files``) judges it here, so that a name refused on
one door is refused on all of them.

``clean_text`` writes text in Unicode NFKC (full-width letters, ligatures and
the like become the ordinary ones, so two spellings that look alike are one)
and refuses any character that is invisible or changes how the text around it
is shown: controls (NUL, ESC, newlines in a one-line answer), format
characters (the right-to-left override that shows "Farida" as "adiraF",
bidirectional isolates and marks, zero-width spaces and joiners, the byte-order
mark), lone surrogates, private-use and unassigned code points. Such a
character has no place in a name or an address, and it can slip a duplicate
past the checks that compare names.

Free text written in paragraphs (what the danger is, why no visa can be had)
keeps its line breaks and tabs, written as ``\\n`` and ``\\t``, and the
zero-width non-joiner and joiner: Persian, Arabic and Indic writing needs them
to be spelled right, and they move nothing around.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from paroledesk.core.words import gettext_noop

# Kept in paragraphs of free text only; every other character of category C is refused.
_KEPT_IN_PARAGRAPHS = frozenset("\n\t\u200c\u200d")
# Line and paragraph breaks as paragraphs may carry them, each read as one newline.
_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}


UNSAFE_SAID = gettext_noop(
    "%(label)s contains the invisible or control character %(char)s, which can hide or "
    "disguise what is written; remove it."
)


class UnsafeText(ValueError):
    """Text holding a character that is hidden or changes how the text is shown."""

    def __init__(self, char: str) -> None:
        self.char = char
        self.described = describe(char)
        super().__init__(self.about("The text"))

    def about(self, label: str, *, translate: Callable[[str], str] = str) -> str:
        """The refusal as a sentence about the field, e.g. label "The family name".

        A page passes its gettext as ``translate`` (and its label translated): the
        sentence is then in the visitor's language. Channels without one keep English."""
        return translate(UNSAFE_SAID) % {"label": label, "char": self.described}


def describe(char: str) -> str:
    """A character as a person can look it up: "U+202E (RIGHT-TO-LEFT OVERRIDE)"."""
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} ({name})" if name else code


def is_hidden(char: str, *, paragraphs: bool = False) -> bool:
    """Whether a character is refused: controls, format characters (bidirectional and
    zero-width ones among them), surrogates, private-use and unassigned code points,
    and line breaks outside paragraphs."""
    if paragraphs and char in _KEPT_IN_PARAGRAPHS:
        return False
    return unicodedata.category(char)[0] == "C" or char in _BREAKS


def clean_text(value: str, *, paragraphs: bool = False) -> str:
    """``value`` in Unicode NFKC; UnsafeText naming the first character refused.

    With ``paragraphs``, line breaks of any kind become ``\\n`` and are kept, as
    are tabs and the zero-width (non-)joiner. Spaces are left as they are: each
    caller decides what trimming means for its field.
    """
    if paragraphs:
        for old, new in _BREAKS.items():
            value = value.replace(old, new)
    for char in value:
        if is_hidden(char, paragraphs=paragraphs):
            raise UnsafeText(char)
    return unicodedata.normalize("NFKC", value)


def shown(text: str, limit: int = 60) -> str:
    """Text from a request, fit to repeat in an answer: at most ``limit`` characters
    (a cut says so with "..."), hidden characters written as their code, U+202E."""
    cut = text[:limit]
    safe = "".join(f"U+{ord(char):04X}" if is_hidden(char) else char for char in cut)
    return safe + ("..." if len(text) > limit else "")


def whole_number(text: str, *, digits: int) -> int | None:
    """A whole number typed as at most ``digits`` digits, or None.

    The text is read in NFKC first, so full-width and circled digits read as
    the digits they show ("①⑨⑥⑥" is 1966), and digits of other scripts are
    read too ("١٩٨٨" is 1988); anything else, or more digits, is None.
    """
    try:
        bare = clean_text(text).strip()
    except UnsafeText:
        return None
    return int(bare) if bare.isdecimal() and len(bare) <= digits else None
