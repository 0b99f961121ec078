"""Article text to HTML and to plain text, with policy's figures written in.

Articles use a small part of Markdown, enough for plain-language pages:
paragraphs, ``## headings``, ``- `` lists, ``**strong**`` and ``*emphasised*`` words, and links,
``[words](https://...)`` outside or ``[words](help:slug)`` to another article.
Everything else is shown as written, escaped: article files are ours, but the
page must not depend on them being careful.

A figure that policy holds (a fee, a number of days) is never typed into an
article: ``{{parole_fee.amount}}`` writes the value in force on the day the
page is shown and ``{{parole_fee.amount:since}}`` the date it took effect, so
that a fee an administrator adds with its date reaches the help center that day.
"""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from paroledesk.core.policy import SPECS, PolicyKey, PolicyMissing, PolicySnapshot, ValueKind

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)(?::(since))?\s*\}\}")
_LINK = re.compile(r"\[([^\]]+)\]\(((?:https://|help:)[^)\s]+)\)")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")
_EM = re.compile(r"\*([^*]+)\*")


def placeholder_keys(text: str) -> list[str]:
    return [match.group(1) for match in PLACEHOLDER.finditer(text)]


def _figure(match: re.Match[str], policy: PolicySnapshot | None) -> str:
    key = PolicyKey(match.group(1))
    try:
        if policy is None:
            raise PolicyMissing(key, date.min)
        in_force = policy.get(key)
    except PolicyMissing:
        return _("the figure in force")
    if match.group(2) == "since":
        return date_format(in_force.effective_from, "DATE_FORMAT")
    if SPECS[key].kind == ValueKind.USD:
        return f"${in_force.value:,}"
    return str(in_force.value)


def figures_filled(text: str, policy: PolicySnapshot | None) -> str:
    """``text`` with each placeholder written as policy has it (no policy: a phrase)."""
    return PLACEHOLDER.sub(lambda match: _figure(match, policy), text)


def _blocks(body: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]


def _href(target: str) -> str:
    if target.startswith("help:"):
        return reverse("help_article", kwargs={"slug": target.removeprefix("help:")})
    return target


def _inline(text: str) -> str:
    html = str(escape(text))
    html = _EM.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", html))
    return _LINK.sub(
        lambda match: (
            f'<a class="usa-link" href="{escape(_href(match.group(2)))}">{match.group(1)}</a>'
        ),
        html,
    )


def body_html(body: str, policy: PolicySnapshot | None) -> SafeString:
    """The article as USWDS-styled HTML."""
    parts = []
    for block in _blocks(figures_filled(body, policy)):
        lines = block.splitlines()
        if block.startswith("## "):
            parts.append(f"<h2>{_inline(block[3:])}</h2>")
        elif all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
            parts.append(f'<ul class="usa-list">{items}</ul>')
        else:
            parts.append(f"<p>{_inline(' '.join(lines))}</p>")
    return mark_safe("\n".join(parts))  # noqa: S308 - every piece of text was escaped above


def paragraphs(
    body: str, policy: PolicySnapshot | None = None, *, headings: bool = True
) -> list[str]:
    """The article's blocks as plain text (list items included, headings unless told
    not), figures written in, for snippets and the index."""
    found = []
    for block in _blocks(figures_filled(body, policy)):
        if not headings and block.startswith("## "):
            continue
        text = " ".join(line.removeprefix("- ").removeprefix("## ") for line in block.splitlines())
        found.append(_LINK.sub(r"\1", _EM.sub(r"\1", _STRONG.sub(r"\1", text))))
    return found


def plain_text(body: str) -> str:
    """The article's words alone, without figures (they change; the words do not)."""
    return " ".join(paragraphs(PLACEHOLDER.sub(" ", body)))
