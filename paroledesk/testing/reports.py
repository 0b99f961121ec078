"""Figures a test measures and the test run prints at its end (the root conftest's
terminal summary), so that `make test` shows them even with -q."""

from __future__ import annotations

import pytest

FIGURES = pytest.StashKey[list[str]]()


def figure_report(config: pytest.Config, line: str) -> None:
    config.stash.setdefault(FIGURES, []).append(line)


def figures_reported(config: pytest.Config) -> list[str]:
    return config.stash.get(FIGURES, [])
