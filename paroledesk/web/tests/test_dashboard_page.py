"""The supervisor's dashboard and Supervise: who may see them, and each chart with its table."""

from datetime import timedelta

import pytest
from django.test import Client

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def file_some(alice, count):
    made = []
    for number in range(count):
        beneficiary = filing_document()["beneficiary"] | {"given_name": f"Person{number}"}
        raw = filing_document(beneficiary=beneficiary)
        made.append(
            request_file(raw=raw, filed_by=alice, today=FILED_ON + timedelta(days=number)).request
        )
    return made


def test_supervisors_and_administrators_see_the_dashboard_others_do_not(
    policy, alice, olivia, sam, ada
):
    assert signed_in(sam).get("/work/supervise/dashboard/").status_code == 200
    assert signed_in(ada).get("/work/supervise/dashboard/").status_code == 200
    assert signed_in(olivia).get("/work/supervise/dashboard/").status_code == 403
    assert signed_in(alice).get("/work/supervise/dashboard/").status_code == 403
    assert Client().get("/work/supervise/dashboard/").status_code == 302


def test_each_chart_is_a_named_image_with_its_figures_in_a_table(
    policy, alice, sam, olivia, time_machine
):
    made = file_some(alice, 3)
    work.case_assign(request=made[0], officer=olivia, actor=sam, on=FILED_ON)
    work.case_assign(request=made[1], officer=olivia, actor=sam, on=FILED_ON)
    work.case_decide(
        request=made[1],
        outcome=Outcome.DENY,
        actor=olivia,
        reasons=["insufficient_evidence"],
        on=FILED_ON + timedelta(days=2),
    )
    time_machine.move_to("2026-12-07 10:00:00-05:00", tick=False)
    page = signed_in(sam).get("/work/supervise/dashboard/").content.decode()
    for ident, name in [
        ("chart-statuses", "Requests by status"),
        ("chart-ages", "Open requests against the decision window"),
        ("chart-officers", "Overdue open requests by officer"),
        ("chart-weeks", "Decisions in each of the last 12 weeks, by outcome"),
    ]:
        assert f'role="img" aria-labelledby="{ident}-title {ident}-desc"' in page
        assert f'<title id="{ident}-title">{name}</title>' in page
    assert page.count('<table class="usa-table') == 4
    # The figures: two open, one denied in the week of Nov 30.
    assert '<p class="font-heading-2xl text-bold margin-y-0">2</p>' in page
    assert '<th scope="row" class="text-no-wrap">Nov 30, 2026</th>' in page
    assert '<th scope="row">Not yet in the window</th><td class="text-right">2</td>' in page
    assert "<script" not in page.split("</main>")[0].split("<main")[1]


def test_supervise_links_to_the_dashboard_and_shows_overdue_work_by_person(
    policy, alice, sam, olivia, time_machine
):
    made = file_some(alice, 2)
    work.case_assign(request=made[0], officer=olivia, actor=sam, on=FILED_ON)
    time_machine.move_to("2027-06-01 10:00:00-04:00", tick=False)
    page = signed_in(sam).get("/work/supervise/").content.decode()
    assert 'href="/work/supervise/dashboard/"' in page
    assert '<th scope="row">olivia</th>' in page
    # olivia: one open, overdue; no one: one waiting, overdue.
    assert page.count('<td class="text-right"><strong>1</strong></td>') == 2
    # The forms offer the officers to choose from.
    assert '<select class="usa-select" id="id_officer" name="officer" required>' in page
    assert '<option value="olivia">olivia</option>' in page


def test_a_bad_answer_to_assign_comes_back_with_the_officers_to_choose(policy, alice, sam):
    file_some(alice, 1)
    answer = signed_in(sam).post("/work/supervise/assign/", {"officer": "nobody", "count": "2"})
    assert answer.status_code == 422
    page = answer.content.decode()
    assert "Nothing was assigned" in page
    assert 'aria-invalid="true"' in page
