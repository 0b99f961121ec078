"""My work: the five lists with their counts, filters without JavaScript, pages, and an
address with a bad value still giving the page, saying which value it put back."""

from datetime import timedelta

import pytest
from django.test import Client

from paroledesk.adjudication import services as work
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.roles import Role
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document, person

pytestmark = pytest.mark.django_db


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def file_many(alice, count, *, first_day=0, **overrides):
    """``count`` requests for different people, one a day from FILED_ON (+ first_day)."""
    made = []
    for number in range(first_day, first_day + count):
        beneficiary = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
        made.append(
            request_file(
                raw=filing_document(beneficiary=beneficiary, **overrides),
                filed_by=alice,
                today=FILED_ON + timedelta(days=number),
            ).request
        )
    return made


def receipts(answer):
    return [row.request.receipt_number for row in answer.context["found"].rows]


def tab_counts(answer):
    return {view.value: count for view, _label, count, _address in answer.context["tabs"]}


def test_my_work_lists_my_open_requests_and_counts_each_list(policy, alice, sam, olivia):
    made = file_many(alice, 4)
    for case in made[:2]:
        work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON)
    answer = signed_in(olivia).get("/work/")
    assert answer.status_code == 200
    assert receipts(answer) == [made[0].receipt_number, made[1].receipt_number]
    assert tab_counts(answer) == {
        "unassigned": 2,
        "mine": 2,
        "rfe": 0,
        "overdue": 0,
        "decided": 0,
    }
    page = answer.content.decode()
    for label in ["Unassigned", "Mine", "Evidence requested", "Overdue", "Decided"]:
        assert label in page
    assert 'aria-current="page"' in page
    assert "Take the oldest unassigned request" in page
    # Each row: its receipt links to the case, the person, the category, the age and window.
    assert f'href="/requests/{made[0].receipt_number}/"' in page
    assert "Haidari, Person0" in page
    assert "Medical" in page
    assert "Age (business days)" in page
    assert "Decision window" in page


def test_the_tabs_lead_to_each_list(policy, alice, sam, olivia):
    made = file_many(alice, 3)
    work.case_assign(request=made[0], officer=olivia, actor=sam, on=FILED_ON)
    browser = signed_in(olivia)
    unassigned = browser.get("/work/?view=unassigned")
    assert receipts(unassigned) == [made[1].receipt_number, made[2].receipt_number]
    work.case_request_evidence(
        request=made[0], items=["A letter"], due_in_business_days=20, actor=olivia, on=FILED_ON
    )
    assert receipts(browser.get("/work/?view=rfe")) == [made[0].receipt_number]
    assert receipts(browser.get("/work/?view=decided")) == []
    assert (
        "No request has been decided by you yet."
        in browser.get("/work/?view=decided").content.decode()
    )


def test_the_filters_work_from_a_plain_form(policy, alice, sam, olivia):
    family = filing_document()["reason"] | {"category": "family_emergency"}
    plain = file_many(alice, 2, reason=family)
    urgent = file_many(
        alice,
        1,
        first_day=5,
        reason=filing_document()["reason"] | {"category": "protection"},
        expedite={"reason": "He is in hiding and his visa ran out."},
    )[0]
    for case in [*plain, urgent]:
        work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON)
    browser = signed_in(olivia)
    only = browser.get("/work/?view=mine&category=protection&expedite=true")
    assert receipts(only) == [urgent.receipt_number]
    assert "matching the filters" in only.content.decode()
    none = browser.get("/work/?view=mine&category=protection&expedite=false")
    assert receipts(none) == []
    assert "The filters may hide some" in none.content.decode()
    first = browser.get("/work/?view=mine&urgent_first=true")
    assert receipts(first)[0] == urgent.receipt_number
    page = first.content.decode()
    # The form is a GET form that shows what was applied.
    assert 'method="get"' in page
    assert 'name="urgent_first" value="true" checked' in page


def test_possible_duplicates_are_flagged_and_filtered(policy, alice, rita, olivia):
    first = request_file(raw=filing_document(), filed_by=alice, today=FILED_ON).request
    second = request_file(raw=filing_document(), filed_by=rita, today=FILED_ON).request
    other = file_many(alice, 1, first_day=3)[0]
    browser = signed_in(olivia)
    everything = browser.get("/work/?view=unassigned")
    flags = {row.request.pk: row.possible_duplicate for row in everything.context["found"].rows}
    assert flags == {first.pk: True, second.pk: True, other.pk: False}
    assert "Possible duplicate" in everything.content.decode()
    flagged = browser.get("/work/?view=unassigned&possible_duplicate=true")
    assert set(receipts(flagged)) == {first.receipt_number, second.receipt_number}
    assert receipts(browser.get("/work/?view=unassigned&possible_duplicate=no")) == [
        other.receipt_number
    ]


def test_pages_of_25_or_50_with_uswds_pagination(policy, alice, olivia):
    made = file_many(alice, 27)
    browser = signed_in(olivia)
    first = browser.get("/work/?view=unassigned")
    assert len(receipts(first)) == 25
    page = first.content.decode()
    assert 'class="usa-pagination"' in page
    assert 'href="?view=unassigned&amp;page=2"' in page
    assert "Showing 1 to 25 of 27" in page
    second = browser.get("/work/?view=unassigned&page=2")
    assert receipts(second) == [made[25].receipt_number, made[26].receipt_number]
    assert 'aria-current="page">2</a>' in second.content.decode()
    fifty = browser.get("/work/?view=unassigned&page_size=50")
    assert len(receipts(fifty)) == 27
    assert 'class="usa-pagination"' not in fifty.content.decode()


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("page=abc", "Page: give a whole number."),
        ("page=0", "Page: give 1 or more."),
        ("page=99", "Page: there is no page 99. This is the last page, 1."),
        ("category=urgent", "Category: choose one of the categories listed."),
        ("expedite=maybe", "Expedite asked for: choose yes, no or any."),
        ("possible_duplicate=2", "Possible duplicate: choose yes, no or any."),
        ("page_size=30", "Requests a page: choose 25 or 50."),
        ("page_size=lots", "Requests a page: give a whole number."),
        ("view=all", "List: choose one of unassigned, mine, rfe, overdue, decided."),
    ],
)
def test_a_bad_value_in_the_address_gives_the_list_with_the_field_named(
    policy, alice, olivia, query, says
):
    file_many(alice, 1)
    answer = signed_in(olivia).get(f"/work/?view=unassigned&{query}")
    assert answer.status_code == 200
    assert says in answer.content.decode()
    assert answer.context["problems"]
    if not query.startswith("view="):
        assert len(receipts(answer)) == 1


def test_a_bad_value_is_not_carried_on_by_the_links(policy, alice, olivia):
    answer = signed_in(olivia).get("/work/?view=mine&category=urgent&expedite=true&page=x")
    page = answer.content.decode()
    assert "urgent" not in answer.context["clear_address"]
    assert "category=urgent" not in page
    assert "page=x" not in page
    assert "expedite=true" in page


def test_supervisors_see_everyones_work_except_in_mine(policy, alice, sam, olivia):
    oscar = person("oscar", Role.OFFICER)
    made = file_many(alice, 3)
    work.case_assign(request=made[0], officer=olivia, actor=sam, on=FILED_ON)
    work.case_assign(request=made[1], officer=oscar, actor=sam, on=FILED_ON)
    work.case_assign(request=made[2], officer=sam, actor=sam, on=FILED_ON)
    for case, officer in [(made[0], olivia), (made[1], oscar)]:
        work.case_request_evidence(
            request=case, items=["A letter"], due_in_business_days=20, actor=officer, on=FILED_ON
        )
    browser = signed_in(sam)
    mine = browser.get("/work/")
    assert receipts(mine) == [made[2].receipt_number]
    assert '<th scope="col">Officer</th>' not in mine.content.decode()
    everyone = browser.get("/work/?view=rfe")
    assert receipts(everyone) == [made[0].receipt_number, made[1].receipt_number]
    page = everyone.content.decode()
    assert '<th scope="col">Officer</th>' in page
    assert "olivia" in page
    assert "oscar" in page
    assert tab_counts(everyone)["rfe"] == 2
    # An officer sees only her own in the same list.
    assert receipts(signed_in(olivia).get("/work/?view=rfe")) == [made[0].receipt_number]


def test_overdue_requests_are_listed_and_flagged(policy, alice, sam, olivia, time_machine):
    (case,) = file_many(alice, 1)
    work.case_assign(request=case, officer=olivia, actor=sam, on=FILED_ON)
    time_machine.move_to("2027-05-24 10:00:00-04:00", tick=False)  # past 2027-05-21
    answer = signed_in(olivia).get("/work/?view=overdue")
    assert receipts(answer) == [case.receipt_number]
    assert answer.context["found"].rows[0].clock.overdue
    assert 'bg-secondary-dark text-no-wrap">Overdue</span>' in answer.content.decode()


def test_parties_and_administrators_have_no_work_lists(policy, alice, ada):
    assert signed_in(alice).get("/work/").status_code == 403
    assert signed_in(ada).get("/work/").status_code == 403


def test_taking_the_oldest_still_works_from_the_page(policy, alice, olivia):
    made = file_many(alice, 2)
    done = signed_in(olivia).post("/work/take/", follow=True)
    assert done.redirect_chain[-1][0] == f"/requests/{made[0].receipt_number}/"
    assert ParoleRequest.objects.get(pk=made[0].pk).assigned_officer == olivia
