"""Marking text for translation where Django cannot be imported.

The rules in core know no Django, yet some of their words reach public pages
(status sentences, the evidence checklist, the screener's answers). ``gettext_noop``
marks such a string: it returns it unchanged, and ``makemessages`` finds it by this
name, as it finds Django's own. The page that shows the text translates it there
(``{% translate status_text %}`` or gettext); APIs and notices use it as written,
in English.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    return message
