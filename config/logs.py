"""Log lines without secrets: no query string, no key out of a link.

Query strings carry search terms (a name typed into the admin's search) and
the links that e-mails carry hold keys (a password reset, an e-mail
confirmation) in their path. A request line, a referer or a Django warning can
quote either, so the filter works on the finished line, whatever logger made it.
"""

from __future__ import annotations

import logging
import re

# allauth's links with a key: /accounts/password/reset/key/<uid>-<key>/ and
# /accounts/confirm-email/<key>/ (also the same under any prefix).
_KEYED_PATH = re.compile(r"(/password/reset/key/|/confirm-email/)[^/\s\"'?]+")
_QUERY = re.compile(r"\?[^\s\"']+")


def redact(line: str) -> str:
    line = _KEYED_PATH.sub(r"\1[key]", line)
    return _QUERY.sub("?[query]", line)


class RedactSecrets(logging.Filter):
    """A logging filter that rewrites each record's message with ``redact``."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
