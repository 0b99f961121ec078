"""Marking text for translation where Django cannot be imported.

The rules in core know no Django, yet some of their words reach public pages
(the evidence checklist, for one). ``gettext_noop`` marks such a string: it
returns it unchanged, and ``makemessages`` finds it by this name, as it finds
Django's own. The page that shows the text translates it then, with gettext.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    return message
