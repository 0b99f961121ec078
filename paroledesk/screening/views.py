"""The screener's page: one form; after it, what the answers mean, on the same page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from paroledesk.screening.forms import ScreenerForm
from paroledesk.screening.words import (
    DISCLAIMER,
    FLAGS,
    LINK_TITLES,
    OUTCOMES,
    screening_json,
)


@never_cache
def screener(request: HttpRequest) -> HttpResponse:
    # Answered by POST: what a person says of a removal or a record stays out of addresses,
    # histories and logs. The result is shown, never stored.
    form = ScreenerForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form, "disclaimer": DISCLAIMER}
    if form.is_bound and form.is_valid() and form.screening is not None:
        screening = form.screening
        result = screening_json(screening)
        title, meaning = OUTCOMES[screening.outcome]
        context |= {
            "screening": screening,
            "result": result,
            "steps": [
                {**step, "title": LINK_TITLES.get(step["code"])} for step in result["next_steps"]
            ],
            "outcome_title": title,
            "outcome_text": meaning,
            "flags": [(flag.value, FLAGS[flag]) for flag in screening.flags],
            "may_file": screening.checklist != [],
        }
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "screening/screener.html", context, status=status)
