"""The Spanish catalog: every entry translated, and the committed .mo compiled from the .po."""

from __future__ import annotations

import gettext
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from paroledesk.core.lifecycle import STATUS_TEXT

CATALOG = Path(settings.LOCALE_PATHS[0]) / "es" / "LC_MESSAGES"


def compiled(tmp_path: Path) -> tuple[gettext.GNUTranslations, str]:
    """The .po compiled now by GNU msgfmt, which checks its formats, and msgfmt's count."""
    made = tmp_path / "django.mo"
    run = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(made), str(CATALOG / "django.po")],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    with made.open("rb") as data:
        return gettext.GNUTranslations(data), run.stderr


def test_every_entry_of_the_spanish_catalog_is_translated_and_none_is_fuzzy(tmp_path):
    _, statistics = compiled(tmp_path)
    assert re.fullmatch(r"\d+ translated messages\.\n", statistics), statistics


def test_the_committed_mo_is_the_po_compiled(tmp_path):
    fresh, _ = compiled(tmp_path)
    with (CATALOG / "django.mo").open("rb") as data:
        committed = gettext.GNUTranslations(data)
    assert committed._catalog == fresh._catalog, "run `make messages` and commit the .mo"  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", STATUS_TEXT.values())
def test_every_status_text_the_pages_show_is_translated(text):
    with translation.override("es"):
        assert translation.gettext(text) != text
