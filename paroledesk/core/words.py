"""A marker for the core's text that pages show in the visitor's language.

The core knows no Django, so it cannot translate; it only marks its sentences for
the catalogs. The marker has the name of Django's own, which makemessages looks
for, and like it returns the text unchanged. The page that shows a marked sentence
translates it there (``{% translate status_text %}``); APIs and notices use the
text as written, in English.
"""


def gettext_noop(text: str) -> str:
    return text
