"""Fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from paroledesk.adjudication.recount import forget_counts_here
from paroledesk.policy.selectors import forget_policy_here
from paroledesk.testing.reports import figures_reported

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
def _fresh_policy_memory() -> Iterator[None]:
    # This process only: the shared cache is a database table, which a test
    # without database access may not touch (and the next read reloads anyway).
    forget_policy_here()
    yield
    forget_policy_here()


@pytest.fixture(autouse=True)
def _fresh_counts() -> Iterator[None]:
    # Counts kept between changes are marked by event ids, which a rolled-back test
    # may hand out again to the next one.
    forget_counts_here()
    yield
    forget_counts_here()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    figures = figures_reported(config)
    if figures:
        terminalreporter.write_sep("-", "measured")
        for line in figures:
            terminalreporter.write_line(line)
