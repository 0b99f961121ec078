"""The public page of processing times: a chart and a table of the same figures."""

from __future__ import annotations

import pytest
from django.test import Client

from paroledesk.cases.tests.test_processing_times import decided  # noqa: F401 - a fixture


@pytest.mark.usefixtures("decided")
def test_the_page_draws_the_figures_and_tables_them(time_machine):
    time_machine.move_to("2026-11-30 15:00:00Z", tick=False)
    page = Client().get("/processing-times/")
    assert page.status_code == 200
    html = page.content.decode()
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in chart
    assert ">5</text>" in chart  # the medical median
    assert ">8</text>" in chart  # its 80th percentile
    medical = html[html.index('data-category="medical"') :].split("</tr>")[0]
    assert [cell.split("<")[0] for cell in medical.split("<td>")[1:]] == ["10", "5", "8", "0"]


@pytest.mark.usefixtures("decided")
def test_a_group_under_ten_decisions_shows_no_figure(time_machine):
    time_machine.move_to("2026-11-30 15:00:00Z", tick=False)
    html = Client().get("/processing-times/").content.decode()
    protection = html[html.index('data-category="protection"') :].split("</tr>")[0]
    assert "Not enough decisions to publish" in protection
    assert ">3<" not in protection
    assert protection.count("<td") == 2  # the note across three columns, and the waiting
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert chart.count("Not enough decisions to publish") == 4  # all but medical
