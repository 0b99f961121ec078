"""The public page of processing times: a chart drawn on the server, and the same figures
in a table."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from paroledesk.cases.processing_times import ProcessingTimes, processing_times
from paroledesk.core.filing_rules import Category
from paroledesk.core.processing_times import MIN_DECISIONS
from paroledesk.web import charts

CATEGORY_WORDS = {
    Category.MEDICAL.value: _("Medical"),
    Category.FAMILY_EMERGENCY.value: _("Family emergency"),
    Category.PROTECTION.value: _("Protection from harm"),
    Category.PUBLIC_BENEFIT.value: _("Public benefit"),
    Category.OTHER.value: _("Other reasons"),
}


def _chart(times: ProcessingTimes) -> str:
    return charts.grouped_bar_chart(
        [
            charts.BarGroup(
                str(CATEGORY_WORDS[group.category]),
                [group.median_business_days, group.p80_business_days],
            )
            for group in times.groups
        ],
        [_t("Half decided within"), _t("Eight in ten decided within")],
        ident="chart-processing-times",
        title=_t("Business days from receipt to decision, by reason"),
        description=_t(
            "For each reason, the business days within which half, and eight in ten, of the "
            "decisions of the last %(months)s months were made. The table below gives each "
            "figure."
        )
        % {"months": times.window_months},
        missing=_t("Not enough decisions to publish"),
    )


def processing_times_page(request: HttpRequest) -> HttpResponse:
    times = processing_times()
    context = {
        "times": times,
        "rows": [(CATEGORY_WORDS[group.category], group) for group in times.groups],
        "chart": _chart(times),
        "min_decisions": MIN_DECISIONS,
    }
    return render(request, "web/processing_times.html", context)
