"""The work pages ask the database a fixed few questions, however many requests there are:
no query a row, no list read whole."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.adjudication.recount import forget_counts_here
from paroledesk.intake.services import request_file
from paroledesk.policy.selectors import forget_policy_here
from paroledesk.testing.fixtures import FILED_ON, client_for, filing_document

pytestmark = pytest.mark.django_db

LATE = "2027-06-21 10:00:00-04:00"  # past the window of everything filed below

# Queries each page makes on its first visit after a change, policy read afresh (3):
# the session, the user and the second factor (3), the latest event's id (1), the
# counts made again (4 of everyone's lists, up to 4 of one officer's; the dashboard's
# 6), then the page of rows with their flags (1; none for an empty list), and the status
# inquiries waiting for this user's answer (1, with the page's marks while they are few).
# Between changes the counts are not made again. The same for any number of requests.
PAGES = {
    ("olivia", "/work/"): 17,
    ("olivia", "/work/?view=unassigned"): 17,
    ("olivia", "/work/?view=rfe"): 17,
    ("olivia", "/work/?view=overdue"): 17,
    ("olivia", "/work/?view=decided"): 17,
    ("olivia", "/work/?view=unassigned&category=medical&possible_duplicate=false"): 14,
    ("olivia", "/work/?view=mine&urgent_first=true"): 19,
    ("sam", "/work/"): 10,
    ("sam", "/work/?view=unassigned"): 14,
    ("sam", "/work/?view=rfe"): 14,
    ("sam", "/work/?view=overdue"): 14,
    ("sam", "/work/?view=decided"): 14,
    ("sam", "/work/?view=overdue&expedite=false&page_size=50"): 15,
    ("sam", "/work/supervise/"): 19,
    ("sam", "/work/supervise/dashboard/"): 13,
}
API = {
    ("olivia", "/api/v1/queue?view=mine"): 16,
    ("sam", "/api/v1/queue?view=decided"): 13,
}


def file_some(alice, sam, olivia, count, *, start):
    """``count`` requests in every state a list shows: waiting, assigned, waiting on
    evidence, decided, and some possible duplicates of each other."""
    for number in range(start, start + count):
        person = filing_document()["beneficiary"] | {"given_name": f"Person{number % 4}"}
        case = request_file(
            raw=filing_document(beneficiary=person),
            filed_by=alice,
            today=FILED_ON + timedelta(days=number),
        ).request
        if number % 4 == 0:
            continue
        work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON)
        if number % 4 == 2:
            work.case_request_evidence(
                request=case, items=["A letter"], due_in_business_days=20, actor=olivia
            )
        elif number % 4 == 3:
            work.case_decide(
                request=case, outcome=Outcome.DENY, actor=olivia, reasons=["other"], note="No."
            )


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def queries(user, path):
    """The queries of one visit to ``path``, with nothing counted before it."""
    browser = client_for(user) if path.startswith("/api/") else signed_in(user)
    # Policy is read again at most once a second: read it every time, to count the same.
    forget_policy_here()
    forget_counts_here()
    with CaptureQueriesContext(connection) as done:
        answer = browser.get(path)
    assert answer.status_code == 200, path
    return len(done)


def test_the_work_pages_ask_as_much_for_four_requests_as_for_sixteen(
    policy, alice, sam, olivia, time_machine
):
    people = {"olivia": olivia, "sam": sam}
    file_some(alice, sam, olivia, 4, start=0)
    time_machine.move_to(LATE, tick=False)
    few = {(name, path): queries(people[name], path) for name, path in PAGES | API}
    time_machine.move_to("2026-12-01 10:00:00-05:00", tick=False)
    file_some(alice, sam, olivia, 12, start=4)
    time_machine.move_to(LATE, tick=False)
    many = {(name, path): queries(people[name], path) for name, path in PAGES | API}
    assert many == few
    assert few == PAGES | API
    for page, most in (PAGES | API).items():
        assert few[page] <= most, (page, few[page])


def test_between_changes_the_counts_are_not_made_again(policy, alice, sam, olivia):
    file_some(alice, sam, olivia, 4, start=0)
    browser = signed_in(sam)
    queries(sam, "/work/supervise/dashboard/")
    with CaptureQueriesContext(connection) as again:
        browser.get("/work/supervise/dashboard/")
    # The session, the user, the second factor and the latest event's id: nothing counted.
    assert len(again) == 4
    first = queries(sam, "/work/?view=overdue")
    with CaptureQueriesContext(connection) as again:
        browser.get("/work/?view=overdue")
    assert len(again) < first


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/queue?view=unassigned&possible_duplicate=false&urgent_first=true",
        "/work/?view=unassigned&category=medical&possible_duplicate=false&urgent_first=true",
    ],
)
def test_a_filtered_list_is_counted_again_only_after_a_change(policy, alice, sam, olivia, path):
    file_some(alice, sam, olivia, 4, start=0)
    browser = client_for(olivia) if path.startswith("/api/") else signed_in(olivia)
    queries(olivia, path)
    with CaptureQueriesContext(connection) as again:
        before = browser.get(path)
    # The session or token, the user, the second factor, the latest event's id, the rows
    # (the urgent ones, then the others): the filtered count and the urgent count are kept.
    counted = [sql for sql in (query["sql"] for query in again) if "COUNT(" in sql.upper()]
    assert counted == []
    request_file(raw=filing_document(), filed_by=alice, today=FILED_ON + timedelta(days=9))
    with CaptureQueriesContext(connection) as changed:
        after = browser.get(path)
    counted = [sql for sql in (query["sql"] for query in changed) if "COUNT(" in sql.upper()]
    # The filtered list and its urgent part (the page counts its tabs again too).
    assert len([sql for sql in counted if "possible_duplicate" in sql]) == 2
    if path.startswith("/api/"):
        assert after.json()["count"] == before.json()["count"] + 1
