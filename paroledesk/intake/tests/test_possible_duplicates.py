"""Possible duplicates as real surges make them: other scripts, spellings, swapped names.

Whoever filed them, officers see the requests side by side; a filer is told
only of their own other open requests for the person, never of anyone else's.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from paroledesk.accounts.models import User
from paroledesk.accounts.services import token_issue
from paroledesk.adjudication import services as work
from paroledesk.cases.models import Beneficiary, ParoleRequest, PossibleDuplicate
from paroledesk.intake.bulk.importer import requests_import
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)

SAME_PERSON = [
    (("Коваленко", "Олена"), ("Kovalenko", "Olena")),
    (("Rahimi", "Mohammad"), ("Rahimi", "Muhammad")),
    (("Haidari", "Ahmed"), ("Haidari", "Ahmad")),
    (("Müller", "Jonas"), ("Mueller", "Jonas")),
    (("Al-Hassan", "Omar"), ("Alhassan", "Omar")),
    (("Kovalenko", "Olena"), ("Olena", "Kovalenko")),
]
OTHER_PEOPLE = [
    (("Kovalenko", "Olena"), ("Kovalenko", "Oksana")),
    (("Rahimi", "Mohammad"), ("Rahimi", "Mahmoud")),
    (("Haidari", "Ahmad"), ("Haidari", "Hamid")),
    (("Al-Hassan", "Omar"), ("Al-Hassan", "Amira")),
]


@pytest.fixture(autouse=True)
def _monday(policy, time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)


def person(family: str, given: str, born: str = "1979-08-21") -> dict[str, Any]:
    return {
        **filing_document()["beneficiary"],
        "family_name": family,
        "given_name": given,
        "date_of_birth": born,
    }


def api_for(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    return client


def file(user: User, who: tuple[str, str], born: str = "1979-08-21") -> dict[str, Any]:
    response = api_for(user).post(
        "/api/v1/requests", filing_document(beneficiary=person(*who, born)), format="json"
    )
    assert response.status_code == 201, response.json()
    body: dict[str, Any] = response.json()
    return body


def warned(body: dict[str, Any]) -> bool:
    return "possible_duplicate" in [warning["code"] for warning in body["warnings"]]


def flagged(first: dict[str, Any], second: dict[str, Any]) -> bool:
    one = ParoleRequest.objects.get(receipt_number=first["receipt_number"])
    other = ParoleRequest.objects.get(receipt_number=second["receipt_number"])
    pair = PossibleDuplicate.objects.filter(request=other, other=one).exists()
    # Both requests of a pair carry the flag the work lists filter on; others none.
    assert one.possible_duplicate is pair
    assert other.possible_duplicate is pair
    return pair


@pytest.mark.parametrize(("first", "second"), SAME_PERSON)
def test_the_same_filer_is_warned_and_officers_see_the_flag(alice, first, second):
    earlier = file(alice, first)
    later = file(alice, second)
    assert not warned(earlier)
    assert warned(later)
    assert flagged(earlier, later)


@pytest.mark.parametrize(("first", "second"), SAME_PERSON)
def test_another_filer_is_told_nothing_but_officers_see_the_flag(alice, rita, first, second):
    earlier = file(alice, first)
    later = file(rita, second)
    assert not warned(later)
    assert "another" not in json.dumps(later["warnings"])
    assert flagged(earlier, later)


@pytest.mark.parametrize(("first", "second"), OTHER_PEOPLE)
def test_different_people_born_the_same_day_are_not_found(alice, first, second):
    earlier = file(alice, first)
    later = file(alice, second)
    assert not warned(later)
    assert not flagged(earlier, later)


def test_the_same_name_born_another_day_is_not_found(alice):
    earlier = file(alice, ("Kovalenko", "Olena"), "1979-08-21")
    later = file(alice, ("Kovalenko", "Olena"), "1979-08-22")
    assert not warned(later)
    assert not flagged(earlier, later)


def test_a_decided_request_is_no_longer_an_open_duplicate(alice, olivia, sam):
    earlier = file(alice, ("Kovalenko", "Olena"))
    request = ParoleRequest.objects.get(receipt_number=earlier["receipt_number"])
    work.request_withdraw(request=request, actor=alice)
    later = file(alice, ("Коваленко", "Олена"))
    assert not warned(later)
    assert not flagged(earlier, later)


def test_an_import_finds_them_within_a_batch_and_against_earlier_filings(alice, rita):
    earlier = file(rita, ("Kovalenko", "Olena"))
    lines = [
        filing_document(beneficiary=person("Коваленко", "Олена"), received_on="2026-11-02"),
        filing_document(beneficiary=person("Olena", "Kovalenko"), received_on="2026-11-02"),
        filing_document(beneficiary=person("Kovalenko", "Oksana"), received_on="2026-11-02"),
    ]
    for line in lines:
        line["fee"] = {"payment": "paid", "amount_usd": 630}
    results = list(requests_import(lines=[json.dumps(line) for line in lines], filed_by=alice))
    cyrillic, swapped, sister = (
        ParoleRequest.objects.get(receipt_number=result.receipt_number) for result in results
    )
    # The filer is told of their own line above, not of the other filer's request.
    assert [result.warnings for result in results] == [(), ("possible_duplicate",), ()]
    first = ParoleRequest.objects.get(receipt_number=earlier["receipt_number"])
    pairs = set(PossibleDuplicate.objects.values_list("request", "other"))
    assert pairs == {(cyrillic.pk, first.pk), (swapped.pk, first.pk), (swapped.pk, cyrillic.pk)}
    assert sister.pk not in {pk for pair in pairs for pk in pair}
    flags = ParoleRequest.objects.filter(possible_duplicate=True)
    assert set(flags.values_list("pk", flat=True)) == {first.pk, cyrillic.pk, swapped.pk}


def test_only_staff_see_possible_duplicates_on_the_request_page(alice, rita, sam):
    earlier = file(alice, ("Kovalenko", "Olena"))
    later = file(rita, ("Коваленко", "Олена"))
    page_for: dict[str, str] = {}
    for user, receipt in [(rita, later), (sam, later)]:
        browser = Client()
        browser.force_login(user)
        page_for[user.username] = browser.get(
            f"/requests/{receipt['receipt_number']}/"
        ).content.decode()
    assert "Possible duplicates" not in page_for["rita"]
    assert earlier["receipt_number"] not in page_for["rita"]
    assert "Possible duplicates" in page_for["sam"]
    assert earlier["receipt_number"] in page_for["sam"]


def test_the_likeness_is_kept_only_as_a_keyed_hash(alice):
    file(alice, ("Коваленко", "Олена"))
    stored = Beneficiary.objects.values().get()
    assert len(stored["likeness_index"]) == 64
    sounds = {"KFLNK", "OLN", "KFLNK|OLN"}
    assert not any(
        isinstance(value, str) and any(sound in value for sound in sounds)
        for value in stored.values()
    )


def _without_receipt(body: dict[str, Any]) -> dict[str, Any]:
    """An answer less what names this request itself (its receipt number, its notices' ids)."""
    body = {key: value for key, value in body.items() if key != "receipt_number"}
    if "notices" in body:
        body["notices"] = [notice["kind"] for notice in body["notices"]]
    return body


def test_a_filers_answers_are_the_same_whether_or_not_someone_else_filed_for_the_person(
    alice, rita
):
    hers = file(alice, ("Kovalenko", "Olena"))
    matched = file(rita, ("Коваленко", "Олена"))
    unmatched = file(rita, ("Shevchenko", "Taras"))
    assert flagged(hers, matched)
    assert _without_receipt(matched) == _without_receipt(unmatched)
    read = {
        receipt: api_for(rita).get(f"/api/v1/requests/{receipt}").json()
        for receipt in (matched["receipt_number"], unmatched["receipt_number"])
    }
    assert _without_receipt(read[matched["receipt_number"]]) == _without_receipt(
        read[unmatched["receipt_number"]]
    )


def test_the_warning_counts_only_the_filers_own_open_requests(alice, rita):
    theirs = file(rita, ("Kovalenko", "Olena"))
    mine = file(alice, ("Kovalenko", "Olena"))
    again = file(alice, ("Коваленко", "Олена"))
    assert not warned(mine)
    (warning,) = [item for item in again["warnings"] if item["code"] == "possible_duplicate"]
    assert "another open request" in warning["message"]  # one: hers, not rita's as well
    assert flagged(theirs, mine)
    assert flagged(theirs, again)
    assert flagged(mine, again)
