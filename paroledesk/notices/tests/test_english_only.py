"""Notices stay in English, the language of the decision, whatever the reader browses in."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from paroledesk.notices.rendering import notice_pdf
from paroledesk.testing.pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_a_notice_rendered_while_spanish_is_active_is_in_english(filed):
    with translation.override("es"):
        text = pdf_text(notice_pdf(filed.notices.get(kind="receipt")))
        assert translation.get_language() == "es"  # only the notice was English
    assert "November 30, 2026" in text
    assert "noviembre" not in text
    assert "Recibimos" not in text


def test_a_notice_downloaded_by_a_visitor_who_chose_spanish_is_in_english(alice, filed):
    browser = Client()
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    browser.force_login(alice)
    notice = filed.notices.get(kind="receipt")
    answer = browser.get(f"/api/v1/requests/{filed.receipt_number}/notices/{notice.pk}.pdf")
    assert answer.status_code == 200
    text = pdf_text(answer.getvalue())
    assert "November 30, 2026" in text
    assert "noviembre" not in text
