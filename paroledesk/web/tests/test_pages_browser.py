"""The site's pages in a real browser: each visitor finds their way, each role lands on its page.

Every page visited goes through ``visit`` or ``sign_in``, which check it with
axe-core (WCAG 2.1 A and AA) and fail if the Content Security Policy blocked anything.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Browser, Page, expect

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import current_code
from paroledesk.accounts.services import user_create
from paroledesk.cli import demo
from paroledesk.core.roles import Role
from paroledesk.policy.services import policy_load_defaults
from paroledesk.testing import fixtures
from paroledesk.testing.browser import check_page, enter_code, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PW = fixtures.PASSWORD


def person(name: str, role: Role, *, second_factor: bool = True) -> User:
    """A user as after their first sign-in, or a staff member before it (no second factor)."""
    if second_factor:
        return fixtures.person(name, role)
    user, _token = user_create(username=name, role=role, email=f"{name}@example.org", password=PW)
    return user


def code_for(secret: str) -> str:
    """What an authenticator app given ``secret`` shows now."""
    return str(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))


def heading(page: Page) -> Any:
    return page.get_by_role("heading", level=1)


def nav(page: Page) -> Any:
    """The header's navigation, which also holds the sign-in and sign-out links."""
    return page.get_by_role("navigation", name="Primary navigation")


def test_home_page_leads_each_kind_of_visitor_to_their_part(page: Page, live_server: Any) -> None:
    visit(page, live_server, "/")

    expect(page).to_have_title("Humanitarian parole requests | Parole Desk")
    expect(heading(page)).to_have_text("Ask for humanitarian parole")
    for path in [
        "You need help, or your family does",
        "You represent someone",
        "You review requests",
        "You want to know more",
    ]:
        expect(page.get_by_role("heading", name=path, level=3)).to_be_visible()
    expect(page.get_by_role("link", name="Create an account")).to_have_attribute(
        "href", "/accounts/signup/"
    )
    expect(page.get_by_role("link", name="API for representatives")).to_be_visible()
    # Unless the agency runs it, an installation says plainly that it is not a government site.
    expect(page.get_by_text("This is not a government website.")).to_be_visible()


@pytest.mark.parametrize(
    ("name", "role", "path", "title"),
    [
        ("alice", Role.REQUESTOR, "/requests/", "My requests"),
        ("rita", Role.REPRESENTATIVE, "/requests/", "My requests"),
        ("olivia", Role.OFFICER, "/work/", "My work"),
        ("sam", Role.SUPERVISOR, "/work/supervise/", "Supervise"),
        ("ada", Role.ADMIN, "/administration/", "Administration"),
    ],
)
def test_each_role_signs_in_and_lands_on_its_page(
    page: Page, live_server: Any, name: str, role: Role, path: str, title: str
) -> None:
    if role is Role.ADMIN:
        policy_load_defaults()
    person(name, role)

    sign_in(page, live_server, name, PW)

    expect(page).to_have_url(live_server.url + path)
    expect(page).to_have_title(f"{title} | Parole Desk")
    expect(heading(page)).to_have_text(title)
    expect(nav(page).get_by_text(f"Signed in as {name}")).to_be_visible()
    expect(nav(page).locator("[aria-current=page]")).to_have_text(title)
    if role is Role.ADMIN:
        expect(page.get_by_role("table")).to_contain_text("In force since")


def test_wrong_password_shows_an_error_by_the_form(page: Page, live_server: Any) -> None:
    person("alice", Role.REQUESTOR)

    sign_in(page, live_server, "alice", "not the password at all")

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("We could not sign you in")
    expect(alert).to_contain_text("not correct")
    expect(page.get_by_label("Username", exact=True)).to_have_value("alice")


def test_sign_out_is_a_post_and_returns_home(page: Page, live_server: Any) -> None:
    person("alice", Role.REQUESTOR)
    sign_in(page, live_server, "alice", PW)

    with page.expect_request(lambda request: request.url.endswith("/accounts/logout/")) as sent:
        nav(page).get_by_role("button", name="Sign out").click()
    assert sent.value.method == "POST"
    page.wait_for_url(live_server.url + "/")
    check_page(page)

    expect(nav(page).get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    # Signed out for real: a private page now asks to sign in.
    visit(page, live_server, "/requests/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/requests/$"))


def test_a_requestor_opening_the_work_queue_gets_the_not_allowed_page(
    page: Page, live_server: Any
) -> None:
    person("alice", Role.REQUESTOR)
    sign_in(page, live_server, "alice", PW)

    response = visit(page, live_server, "/work/")

    assert response is not None
    assert response.status == 403
    expect(page).to_have_title("Not allowed | Parole Desk")
    expect(heading(page)).to_have_text("You can’t open this page")
    expect(page.get_by_role("link", name="Go to your start page")).to_have_attribute(
        "href", "/start/"
    )


def test_signing_in_works_without_javascript(browser: Browser, live_server: Any) -> None:
    olivia = person("olivia", Role.OFFICER)
    # A phone-sized window, where USWDS would hide the links behind its "Menu" button.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 400, "height": 800})
    try:
        page = context.new_page()
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_label("Username", exact=True).fill("olivia")
        page.get_by_label("Password", exact=True).fill(PW)
        page.get_by_role("button", name="Sign in", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
        page.get_by_label("Code", exact=True).fill(current_code(olivia))
        page.get_by_role("button", name="Sign in", exact=True).click()

        expect(page).to_have_url(live_server.url + "/work/")
        expect(heading(page)).to_have_text("My work")
        # The menu button needs JavaScript; without it the links show in the page instead.
        expect(nav(page).get_by_role("link", name="My work")).to_be_visible()
    finally:
        context.close()


def test_pages_full_of_requests_are_accessible(
    page: Page, live_server: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:

    policy_load_defaults()
    # demo_seed writes the demo passwords next to the database; keep them out of the repository.
    monkeypatch.setattr(demo, "demo_accounts_file", lambda: tmp_path / "demo-accounts.txt")
    passwords = demo.demo_seed()

    for name, path in [("olivia", "/work/"), ("sam", "/work/supervise/"), ("alice", "/requests/")]:
        page.context.clear_cookies()
        sign_in(page, live_server, name, passwords[name])
        expect(page).to_have_url(live_server.url + path)
        first = page.locator("tbody tr").first.get_by_role("link")
        expect(first).to_be_visible()
        receipt = first.inner_text()

        visit(page, live_server, f"/requests/{receipt}/")
        expect(heading(page)).to_have_text(f"Request {receipt}")
        expect(page.get_by_role("region", name=re.compile(r"^Status: "))).to_be_visible()
        expect(page.get_by_role("heading", name="What happened so far")).to_be_visible()


def test_staff_set_up_their_authenticator_app_at_first_sign_in(
    page: Page, live_server: Any
) -> None:
    person("olivia", Role.OFFICER, second_factor=False)

    sign_in(page, live_server, "olivia", PW)

    expect(page).to_have_url(live_server.url + "/accounts/2fa/totp/activate/")
    expect(heading(page)).to_have_text("Set up your authenticator app")
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    # Nothing else opens before it is done.
    visit(page, live_server, "/work/")
    expect(page).to_have_url(live_server.url + "/accounts/2fa/totp/activate/")

    secret = page.locator(".pd-secret").inner_text()
    page.get_by_label("Authenticator code").fill(code_for(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Turn on").click()
    check_page(page)
    expect(heading(page)).to_have_text("Recovery codes")
    expect(page.locator(".pd-codes li")).to_have_count(10)

    with page.expect_navigation():
        page.get_by_role("link", name="Continue").click()
    check_page(page)
    expect(page).to_have_url(live_server.url + "/work/")


def test_staff_sign_in_asks_for_the_code_and_refuses_a_wrong_one(
    page: Page, live_server: Any
) -> None:
    sam = person("sam", Role.SUPERVISOR)
    visit(page, live_server, "/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=%2Fadmin%2F$"))
    page.get_by_label("Username", exact=True).fill("sam")
    page.get_by_label("Password", exact=True).fill(PW)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in", exact=True).click()
    check_page(page)
    expect(heading(page)).to_have_text("Enter your code")

    enter_code(page, f"{(int(current_code(sam)) + 1) % 10**6:06}")
    expect(page.get_by_role("alert").first).to_be_visible()

    enter_code(page, current_code(sam))
    expect(page).to_have_url(live_server.url + "/admin/")


def test_sign_up_with_a_registered_address_shows_the_same_page_as_any(
    page: Page, live_server: Any
) -> None:
    person("alice", Role.REQUESTOR)
    visit(page, live_server, "/accounts/signup/")
    page.get_by_label("Username", exact=True).fill("mallory")
    page.get_by_label("Email", exact=True).fill("alice@example.org")
    page.get_by_label("Password", exact=True).fill(PW)
    page.get_by_label("Password (again)", exact=True).fill(PW)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    check_page(page)
    expect(heading(page)).to_have_text("Check your e-mail")
