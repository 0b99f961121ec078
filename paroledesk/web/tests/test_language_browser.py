"""Switching to Spanish in a real browser: the choice holds from page to page, axe-clean."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from paroledesk.testing.browser import check_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_switches_to_spanish_and_stays_in_spanish(page: Page, live_server: Any) -> None:
    visit(page, live_server, "/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for humanitarian parole")

    with page.expect_navigation():
        page.get_by_role("button", name="Español").click()
    check_page(page)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pida un parole humanitario")

    navigation = page.get_by_role("navigation", name="Navegación principal")
    with page.expect_navigation():
        navigation.get_by_role("link", name="Iniciar sesión").click()
    check_page(page)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Iniciar sesión")
    expect(page.get_by_role("button", name="English")).to_be_visible()
