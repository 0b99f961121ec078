"""Fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.utils import translation

from paroledesk.adjudication.recount import forget_counts_here
from paroledesk.policy.selectors import forget_policy_here

pytest_plugins = ["paroledesk.testing.browser", "paroledesk.testing.fixtures"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: Any) -> None:
    # Tests serve static files straight from the finders; the manifest storage
    # of production needs a collectstatic run first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _quick_passwords(settings: Any) -> None:
    # Argon2 as the site uses it, at its least cost (paroledesk.testing.hashers).
    settings.PASSWORD_HASHERS = [
        "paroledesk.testing.hashers.QuickArgon2PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


@pytest.fixture(autouse=True)
def _fresh_policy_memory() -> Iterator[None]:
    # This process only: the shared cache is a database table, which a test
    # without database access may not touch (and the next read reloads anyway).
    forget_policy_here()
    yield
    forget_policy_here()


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    # A page in Spanish leaves Spanish active in this thread after the test client's
    # request; the next test, without a request of its own, would read Spanish.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_counts() -> Iterator[None]:
    # Counts kept between changes are marked by event ids, which a rolled-back test
    # may hand out again to the next one.
    forget_counts_here()
    yield
    forget_counts_here()


# Figures a test measures (the help center's share of questions answered right, say),
# printed at the end of the run: a test records one with
# ``record_property("figure", ("name", "value"))``. Reports carry them back from each
# worker process, so they show with pytest-xdist too.
_figures: dict[str, str] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for key, value in report.user_properties:
        if key == "figure" and report.when == "call":
            name, shown = value
            _figures[str(name)] = str(shown)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _figures:
        terminalreporter.section("figures measured by the tests")
        for name, shown in sorted(_figures.items()):
            terminalreporter.write_line(f"{name}: {shown}")
