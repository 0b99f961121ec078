"""A work list's rows as the table shows them, written out here in one pass.

A list page draws up to fifty rows of eight cells. Through the template language
(a context lookup for every name, the date filter's locale for every date,
``get_FOO_display`` rebuilding its choices for every cell) the rows cost more
than all the rest of the page, and the work lists must answer fast (issue 9).
So each row is one string, every value in it escaped; the table's head stays in
the template (web/includes/queue_table.html) and these cells follow its columns.
"""

from __future__ import annotations

from datetime import date
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from paroledesk.adjudication.selectors import QueueRow
from paroledesk.cases.models import ParoleRequest

_STATUS = dict(ParoleRequest._meta.get_field("status").flatchoices)
_CATEGORY = dict(ParoleRequest._meta.get_field("category").flatchoices)
_NOWRAP = '<span class="text-no-wrap">{}</span>'
_TAG = '<span class="usa-tag {} text-no-wrap">{}</span>'
_NO_FLAG = '<span class="usa-sr-only">None</span>'


def short_date(day: date) -> str:
    """As the site writes a date in a table: "Mar 4, 2027"."""
    return f"{day:%b} {day.day}, {day.year}"


def _window(row: QueueRow) -> str:
    decided = row.request.decided_on
    if decided:
        return "Decided " + _NOWRAP.format(short_date(decided))
    clock = row.clock
    return (
        _NOWRAP.format(short_date(clock.earliest))
        + " to "
        + _NOWRAP.format(short_date(clock.latest))
    )


def _flags(row: QueueRow, inquiring: frozenset[int]) -> str:
    tags = []
    if row.request.pk in inquiring:
        tags.append(_TAG.format("bg-accent-warm-darker", "Inquiry waiting"))
    if row.clock.overdue:
        tags.append(_TAG.format("bg-secondary-dark", "Overdue"))
    if row.request.expedited:
        tags.append(_TAG.format("bg-primary-dark", "Expedite"))
    if row.possible_duplicate:
        tags.append(_TAG.format("bg-base-darker", "Possible duplicate"))
    return " ".join(tags) or _NO_FLAG


def _officer(row: QueueRow) -> str:
    officer = row.request.officer
    if officer is None:
        return '<td data-label="Officer"><span class="text-base-dark">Not assigned</span></td>'
    return f'<td data-label="Officer">{escape(officer)}</td>'


def table_body(
    rows: list[QueueRow],
    *,
    show_officer: bool,
    hide_status: bool,
    inquiring: frozenset[int] = frozenset(),
) -> SafeString:
    """The rows of web/includes/queue_table.html, cell for cell under its head; the
    requests in ``inquiring`` have a status inquiry waiting for an answer."""
    # Every address differs only by its receipt number: reversed once.
    address = reverse("request_detail", args=["RECEIPT"])
    made = []
    for row in rows:
        item = row.request
        receipt = escape(item.receipt_number)
        status = (
            ""
            if hide_status
            else (
                f'<td data-label="Status">{escape(str(_STATUS.get(item.status, item.status)))}</td>'
            )
        )
        made.append(
            "<tr>"
            f'<th scope="row" data-label="Receipt number"><a class="usa-link text-no-wrap" '
            f'href="{address.replace("RECEIPT", receipt)}">{receipt}</a></th>'
            f'<td data-label="Beneficiary">'
            f"{escape(item.family_name)}, {escape(item.given_name)}</td>"
            f'<td data-label="Category">'
            f"{escape(str(_CATEGORY.get(item.category, item.category)))}</td>"
            f"{status}"
            f'<td data-label="Age (business days)" class="text-right">'
            f"{row.clock.age_business_days}</td>"
            f'<td data-label="Decision window">{_window(row)}</td>'
            f'<td data-label="Flags">{_flags(row, inquiring)}</td>'
            f"{_officer(row) if show_officer else ''}"
            "</tr>"
        )
    return mark_safe("\n".join(made))  # noqa: S308 - every value above is escaped
