"""My work: what the page shows of a work list, and the addresses of its tabs and pages.

Every address is built from the query as it was understood (bad values already
put back to their defaults), so a wrong value in an address is not carried on
by every link.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict

from paroledesk.accounts.models import User
from paroledesk.adjudication.queue_query import (
    CATEGORY_LABELS,
    VIEW_LABELS,
    QueueQuery,
    QueueQueryForm,
    queue_query,
)
from paroledesk.adjudication.selectors import (
    QueueFilter,
    QueuePage,
    QueueView,
    queue_counts,
    queue_page,
)
from paroledesk.core.roles import MANAGER_ROLES
from paroledesk.inquiry.selectors import inquiries_waiting
from paroledesk.web.queue_rows import table_body

PAGE_SIZES = (25, 50)
# Pages shown on each side of the current one; the first and last are always shown.
NEIGHBOURS = 1


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def queue_address(
    query: QueueQuery, *, view: QueueView | None = None, page: int | None = None
) -> str:
    """The query string of a work list: what differs from the defaults, in a fixed order."""
    if view is not None:
        query = replace(query, view=view)
    if page is not None:
        query = replace(query, page=page)
    filters = query.filters
    values: dict[str, Any] = {
        "view": query.view.value,
        "category": filters.category.value if filters.category else None,
        "expedite": _yes_no(filters.expedited),
        "possible_duplicate": _yes_no(filters.possible_duplicate),
        "urgent_first": "true" if filters.urgent_first else None,
        "page_size": query.page_size if query.page_size != PAGE_SIZES[0] else None,
        "page": query.page if query.page != 1 else None,
    }
    return "?" + urlencode({name: value for name, value in values.items() if value is not None})


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the pages left out between two shown
    address: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    links: list[PageLink]
    previous: str | None
    next: str | None


def page_numbers(current: int, last: int, neighbours: int = NEIGHBOURS) -> list[int | None]:
    """The page numbers to show: the first, the last, the current with its neighbours, and
    None where pages are left out (one page left out is shown instead of a gap)."""
    wanted = {1, last, *range(current - neighbours, current + neighbours + 1)}
    shown = sorted(number for number in wanted if 1 <= number <= last)
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - (numbers[-1] or 0) == 2:
            numbers.append(number - 1)
        elif numbers and number - (numbers[-1] or 0) > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


def pagination(found: QueuePage, query: QueueQuery) -> Pagination | None:
    """The USWDS pagination of a work list; None when it fits on one page."""
    if found.pages <= 1:
        return None
    links = [
        PageLink(None)
        if number is None
        else PageLink(number, queue_address(query, page=number), number == found.page)
        for number in page_numbers(found.page, found.pages)
    ]
    return Pagination(
        links=links,
        previous=queue_address(query, page=found.page - 1) if found.page > 1 else None,
        next=queue_address(query, page=found.page + 1) if found.page < found.pages else None,
    )


CAPTIONS = {
    QueueView.UNASSIGNED: "Requests waiting for an officer",
    QueueView.MINE: "Open requests assigned to you",
    QueueView.RFE: "Requests waiting on evidence, or with evidence to review",
    QueueView.OVERDUE: "Open requests past their decision window",
    QueueView.DECIDED: "Decided requests",
}
OWN_CAPTIONS = CAPTIONS | {
    QueueView.RFE: "Your requests waiting on evidence, or with evidence to review",
    QueueView.OVERDUE: "Your open requests past their decision window",
    QueueView.DECIDED: "Your decided requests",
}


def work_list_context(asked: QueryDict, *, user: User, today: date) -> dict[str, Any]:
    """Everything web/work_queue.html shows: the tabs with their counts, the filters as
    applied, one page of the list, its pages, and what was wrong with the address."""
    asked = asked.copy()
    asked.setdefault("view", QueueView.MINE.value)
    form = QueueQueryForm(asked, sizes=PAGE_SIZES)
    query = queue_query(form)
    counts = queue_counts(user=user, today=today)
    found = queue_page(
        query.view,
        user=user,
        filters=query.filters,
        page=query.page,
        page_size=query.page_size,
        today=today,
        counts=counts,
        stay_in_range=True,
    )
    problems = [message for messages in form.errors.values() for message in messages]
    if found.page < query.page:
        problems.append(
            f"Page: there is no page {query.page:,}. This is the last page, {found.page:,}."
        )
    everyone = user.role_enum in MANAGER_ROLES and query.view is not QueueView.MINE
    show_officer = everyone and query.view is not QueueView.UNASSIGNED
    hide_status = query.view is QueueView.UNASSIGNED
    waiting = inquiries_waiting(user, listed=(row.request.pk for row in found.rows))
    return {
        "query": query,
        "found": found,
        "problems": problems,
        "everyone": everyone,
        "filtered": query.filters.narrows,
        "list_label": VIEW_LABELS[query.view],
        "caption": (CAPTIONS if everyone else OWN_CAPTIONS)[query.view],
        "show_officer": show_officer,
        "hide_status": hide_status,
        "body": table_body(
            found.rows, show_officer=show_officer, hide_status=hide_status, inquiring=waiting.marked
        ),
        # Status inquiries waiting for this user's answer: theirs, or everyone's (supervisors).
        "inquiries": waiting,
        "tabs": [
            (view, VIEW_LABELS[view], counts[view], queue_address(query, view=view, page=1))
            for view in QueueView
        ],
        "pages": pagination(found, query),
        "categories": list(CATEGORY_LABELS.items()),
        "sizes": PAGE_SIZES,
        "clear_address": queue_address(QueueQuery(query.view, QueueFilter(), 1, PAGE_SIZES[0])),
    }
