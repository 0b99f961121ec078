"""The screener and the processing times in a real browser, checked by axe-core on each page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from paroledesk.policy.services import policy_load_defaults
from paroledesk.testing.browser import check_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer(page: Page, question: str, choice: str) -> None:
    # USWDS draws its own radio buttons: people click the label, so do we.
    group = page.get_by_role("group", name=question)
    group.locator("label.usa-radio__label").filter(has_text=re.compile(f"^{choice}$")).click()


def test_the_screener_refuses_a_contradiction_then_answers(page: Page, live_server: Any) -> None:
    policy_load_defaults()
    visit(page, live_server, "/screener/")
    answer(page, "Where is the person who would come to the United States?",
           "Outside the United States")  # fmt: skip
    answer(page, "Are they in the United States on parole now?",
           "Yes, a parole that CBP granted at a port of entry")  # fmt: skip
    page.get_by_label("If they are on parole: the day it ends").fill("2030-01-31")
    answer(page, "Why do they need to come?", "A medical emergency or treatment")
    answer(page, "Could a visa get them here in time?", "No")
    answer(page, "Was an earlier parole request for them denied?", "No")
    answer(page, "Were they ever removed", "Yes")
    answer(page, "Is there someone in the United States", "No")
    page.get_by_label("For how many days").fill("180")
    page.get_by_role("button", name="See the result").click()

    summary = page.get_by_role("alert").filter(has_text="Please check your answers")
    expect(summary).to_contain_text("Someone outside the United States cannot be on parole")
    check_page(page)

    answer(page, "Are they in the United States on parole now?", "No, they have no current parole")
    page.get_by_label("If they are on parole: the day it ends").fill("")
    page.get_by_role("button", name="See the result").click()

    expect(page.get_by_role("heading", name="A request for parole can be filed")).to_be_visible()
    expect(page.get_by_text("talk to an immigration attorney").first).to_be_visible()
    expect(page.locator('[data-flag="attorney_review_recommended"]')).to_be_visible()
    expect(page.locator('[data-step="notario_warning"]')).to_contain_text("notario")
    expect(page.locator('[data-item="medical_letter"]')).to_be_visible()
    check_page(page)


def test_the_processing_times_page_has_its_chart_and_table(page: Page, live_server: Any) -> None:
    policy_load_defaults()
    visit(page, live_server, "/processing-times/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How long it takes")
    chart = page.get_by_role("img", name="Business days from receipt to decision, by reason")
    expect(chart).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Not enough decisions to publish")
