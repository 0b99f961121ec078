"""Browser tests: Debian's Chromium driven by Playwright, with axe-core on every page.

A pytest plugin (listed in the root conftest's ``pytest_plugins``). It gives
the fixtures ``browser`` (one Chromium per session) and ``page`` (a fresh
context per test), and the helpers a test imports:

    visit(page, live_server, "/work/")          # navigate, then check the page
    sign_in(page, live_server, "alice", PASSWORD)   # staff: with their app's code too
    assert_accessible(page)
    with browser_page(browser) as olivias:      # another person, at a browser of their own
        ...

Every page reached through ``visit`` or ``sign_in`` is checked with axe-core
against WCAG 2.1 A and AA, must have loaded all its stylesheets, scripts and
images, and must not have broken the Content Security Policy: the CSP stays
enforced in these tests, so an inline script or a ``style`` attribute that
slipped into a template fails here, not in production.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import sync_playwright

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import current_code

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

# Playwright's sync API runs an asyncio event loop in the test's thread, and
# Django then refuses ORM calls from it ("SynchronousOnlyOperation"). The
# tests themselves are synchronous, so the check only gets in the way here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Tests wait for the live server, never for the network: fail fast.
TIMEOUT_MS = 10_000

# Runs in every document before the page's own scripts, and records what the
# CSP blocked so that visit() can report it.
_WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "")
  );
});
"""


@cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests."
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@contextmanager
def browser_page(browser: Browser) -> Iterator[Page]:
    """A page in a browser context of its own: cookies and sign-in not shared with any other.

    A test where several people act in turn gives each one of these, as each
    would sit at their own browser."""
    # bypass_csp stays off. axe-core is injected with page.evaluate, which
    # goes through the DevTools protocol and is not subject to the page's CSP,
    # so the pages are tested under the same policy that production sends.
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(_WATCH_CSP)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with browser_page(browser) as new_page:
        yield new_page


def assert_accessible(page: Page) -> None:
    """Fail with a readable list if axe-core finds WCAG 2.1 A/AA problems on the page."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Wrapped in a function so the source runs as one script body.
        page.evaluate("() => {\n" + _axe_source() + "\n}")
    results: dict[str, Any] = page.evaluate(
        "async (tags) => await window.axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    violations = results["violations"]
    if violations:
        lines = [f"axe-core found {len(violations)} accessibility problem(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
            more = len(violation["nodes"]) - len(targets)
            lines.append("    at " + ", ".join(targets) + (f" and {more} more" if more > 0 else ""))
        pytest.fail("\n".join(lines), pytrace=False)


def assert_no_csp_violations(page: Page) -> None:
    blocked = page.evaluate("() => window.__cspViolations || []")
    if blocked:
        pytest.fail(
            f"The Content Security Policy blocked something on {page.url}:\n- "
            + "\n- ".join(blocked),
            pytrace=False,
        )


def assert_assets_loaded(page: Page) -> None:
    """Fail if a stylesheet, script or image of the page answered with an error.

    axe cannot see a missing stylesheet: an unstyled page is still accessible.
    """
    # Chromium records no timing entry for a stylesheet that failed, so those
    # are found by their links: reading a failed sheet's rules throws.
    broken = page.evaluate(
        """() => {
          const failed = (link) => {
            try { return !link.sheet || link.sheet.cssRules.length === 0; } catch { return true; }
          };
          return [
            ...performance.getEntriesByType("resource")
                .filter((entry) => entry.responseStatus >= 400)
                .map((entry) => `${entry.responseStatus} ${entry.name}`),
            ...[...document.querySelectorAll("link[rel=stylesheet]")]
                .filter(failed)
                .map((link) => `stylesheet ${link.href}`),
          ];
        }"""
    )
    if broken:
        pytest.fail(f"Parts of {page.url} did not load:\n- " + "\n- ".join(broken), pytrace=False)


def check_page(page: Page) -> None:
    """The checks every visited page gets: its files loaded, the CSP held, axe finds nothing."""
    assert_assets_loaded(page)
    assert_no_csp_violations(page)
    assert_accessible(page)


def visit(page: Page, live_server: Any, path: str) -> Response | None:
    """Open ``path`` on the live server, check the page, and return the response.

    The status is not checked, so that error pages can be visited and checked too.
    """
    response = page.goto(live_server.url + path)
    check_page(page)
    return response


def sign_in(page: Page, live_server: Any, username: str, password: str) -> None:
    """Sign in through the sign-in form, and check every page on the way.

    When the account asks for its second factor, the code its authenticator app
    shows now is entered too."""
    visit(page, live_server, "/accounts/login/")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in", exact=True).click()
    check_page(page)
    if "/2fa/authenticate/" in page.url:
        enter_code(page, current_code(User.objects.get(username=username)))


def enter_code(page: Page, code: str) -> None:
    """Enter a second-factor code on the page that asks for it, and check the next page."""
    page.get_by_label("Code", exact=True).fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in", exact=True).click()
    check_page(page)
