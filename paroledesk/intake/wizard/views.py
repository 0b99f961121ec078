"""The filing wizard's pages: start, one page per step, review, submit, and evidence after filing.

Thin, like every view here: find the user's draft, run the step's form, call
``intake.wizard``, render. A draft is only ever found through its owner, so
another person's draft is a 404 like one that does not exist.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from paroledesk.accounts.decorators import roles_required, signed_in_user
from paroledesk.cases.clock import clock_for
from paroledesk.cases.selectors import RequestNotFound, family_of, request_for_user
from paroledesk.core.receipt_numbers import InvalidReceiptNumber, parse_receipt_number
from paroledesk.core.roles import PARTY_ROLES, Role
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.services import FilingRefused
from paroledesk.intake.wizard import steps as wizard
from paroledesk.intake.wizard.later_fees import later_fees
from paroledesk.intake.wizard.packet import CONTENTS, packet_pdf
from paroledesk.intake.wizard.steps import REVIEW, STEP_BY_SLUG, STEPS, Located
from paroledesk.notices.models import NoticeKind
from paroledesk.policy.selectors import policy_on

party = roles_required(PARTY_ROLES)
_user = signed_in_user


def _draft(request: HttpRequest, draft_id: int) -> FilingDraft:
    try:
        return wizard.draft_of(owner=_user(request), draft_id=draft_id)
    except wizard.DraftNotFound:
        raise Http404("No such draft") from None


def _step_url(draft: FilingDraft, slug: str) -> str:
    if slug == REVIEW:
        return reverse("draft_review", args=[draft.pk])
    return reverse("draft_step", args=[draft.pk, slug])


# Refusals from the last submit, kept in the session until their step is saved again.
def _stash_key(draft: FilingDraft) -> str:
    return f"wizard-refused-{draft.pk}"


def _refusals(request: HttpRequest, draft: FilingDraft) -> list[Located]:
    """The refusals kept, less those of steps the draft no longer asks (its kind changed)."""
    asked = {step.slug for step in wizard.steps_for(draft.data)} | {REVIEW}
    found = [Located(**item) for item in request.session.get(_stash_key(draft), [])]
    return [item for item in found if item.step in asked]


def _keep_refusals(request: HttpRequest, draft: FilingDraft, found: list[Located]) -> None:
    if found:
        request.session[_stash_key(draft)] = [asdict(item) for item in found]
    else:
        request.session.pop(_stash_key(draft), None)


def _indicator(draft: FilingDraft, current: str) -> dict[str, Any]:
    segments = [
        {
            "label": step.label,
            "state": "current"
            if step.slug == current
            else ("complete" if step.form.done(draft.data) else ""),
        }
        for step in wizard.steps_for(draft.data)
    ]
    segments.append({"label": gettext("Review"), "state": "current" if current == REVIEW else ""})
    number = wizard.step_number(current, draft.data)
    return {"segments": segments, "number": number, "total": len(segments)}


@party
def draft_new(request: HttpRequest) -> HttpResponse:
    """GET: what you will need. POST: a new draft, then its first question.

    From a denied request's page, ``refiling`` names it: the draft is then a
    refiling of that request, and asks first what is new."""
    if request.method == "POST":
        refiling = _receipt_or_none(request.POST.get("refiling"))
        draft = wizard.draft_start(owner=_user(request), refiling=refiling)
        return redirect(_step_url(draft, wizard.resume_slug(draft)))
    # The questions every request is asked, after the first (what it is for).
    common = [step for step in STEPS[1:] if step.kinds == wizard.EVERY_KIND]
    refiling = _receipt_or_none(request.GET.get("refiling"))
    return render(request, "intake/start.html", {"steps": common, "refiling": refiling})


def _receipt_or_none(text: str | None) -> str | None:
    """A receipt number in its printed form, or None for anything that is not one."""
    try:
        return str(parse_receipt_number(text)) if text else None
    except InvalidReceiptNumber:
        return None


@party
def draft_resume(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft(request, draft_id)
    if draft.submitted_request_id is not None:
        return redirect("draft_done", draft.pk)
    return redirect(_step_url(draft, wizard.resume_slug(draft)))


def _initial(step: wizard.Step, draft: FilingDraft, request: HttpRequest) -> dict[str, Any]:
    initial = step.form.initial_from(draft.data)
    user = _user(request)
    if step.slug == "filer" and not initial:
        initial = {"email": user.email}
        if user.role_enum is Role.REPRESENTATIVE:
            initial["role"] = "representative"
    return initial


@party
def draft_step(request: HttpRequest, draft_id: int, step: str) -> HttpResponse:
    draft = _draft(request, draft_id)
    if draft.submitted_request_id is not None:
        return redirect("draft_done", draft.pk)
    current = STEP_BY_SLUG.get(step)
    if current is None or not current.applies(draft.data):
        raise Http404("No such step")
    today = timezone.localdate()
    from_review = request.GET.get("from") == REVIEW or request.POST.get("from") == REVIEW
    if request.method == "POST":
        form = current.form(request.POST, today=today, doc=draft.data)
        if form.is_valid():
            wizard.draft_save_step(draft=draft, step=current, form=form)
            left = [item for item in _refusals(request, draft) if item.step != current.slug]
            _keep_refusals(request, draft, left)
            if wizard.is_paper_only(draft.data):
                return redirect("draft_paper", draft.pk)
            if "later" in request.POST:
                messages.success(
                    request, gettext("Your draft is saved. Resume it here when you are ready.")
                )
                return redirect("my_requests")
            return redirect(_after_saving(draft, current, from_review))
    else:
        form = current.form(initial=_initial(current, draft, request), today=today, doc=draft.data)
        for item in _refusals(request, draft):
            if item.step == current.slug:
                form.add_refusal(item.field, item.message)
    previous = wizard.previous_slug(current.slug, draft.data)
    context = {
        "draft": draft,
        "step": current,
        "title": current.title_for(draft.data),
        "intro": current.intro_for(draft.data),
        "form": form,
        "indicator": _indicator(draft, current.slug),
        "from_review": from_review,
        "back_url": _step_url(draft, REVIEW if from_review else previous) if previous else "",
    }
    return render(request, current.template, context)


@party
@require_POST
def draft_family_member(request: HttpRequest, draft_id: int) -> HttpResponse:
    """A new draft for another member of the same family, with what they share answered."""
    try:
        draft = wizard.draft_for_family_member(owner=_user(request), draft_id=draft_id)
    except wizard.DraftNotFound:
        raise Http404("No such draft") from None
    messages.success(
        request,
        gettext(
            "We carried over your details, the reason, the sponsor and the fee. Answer what is "
            "different for this person, then check everything on the review page."
        ),
    )
    return redirect(_step_url(draft, draft.step))


def _after_saving(draft: FilingDraft, step: wizard.Step, from_review: bool) -> str:
    """The next step; for a change made from the review, the review again. Another kind of
    request may bring questions not yet answered: then the first of them, then the review."""
    if not from_review:
        return _step_url(draft, wizard.next_slug(step.slug, draft.data))
    todo = wizard.unfinished(draft.data)
    if step == STEPS[0] and todo:
        return f"{_step_url(draft, todo[0].slug)}?from={REVIEW}"
    return _step_url(draft, REVIEW)


@party
def draft_review(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft(request, draft_id)
    if draft.submitted_request_id is not None:
        return redirect("draft_done", draft.pk)
    today = timezone.localdate()
    sections = []
    for step in wizard.steps_for(draft.data):
        done = step.form.done(draft.data)
        rows = step.form(today=today, doc=draft.data).summary(draft.data) if done else []
        sections.append(
            {
                "step": step,
                "title": step.title_for(draft.data),
                "done": done,
                "rows": rows,
                "url": _step_url(draft, step.slug),
            }
        )
    refusals = [
        {
            "message": item.message,
            "url": "" if item.step == REVIEW else f"{_step_url(draft, item.step)}?from={REVIEW}",
        }
        for item in _refusals(request, draft)
    ]
    missing = wizard.unfinished(draft.data)
    context = {
        "draft": draft,
        "sections": sections,
        "refusals": refusals,
        "missing": missing,
        "first_missing": missing[0].title_for(draft.data) if missing else "",
        "paper_only": wizard.is_paper_only(draft.data),
        "indicator": _indicator(draft, REVIEW),
        "policy": policy_on(today),
        "later": later_fees(today),
    }
    return render(request, "intake/review.html", context)


@party
@require_POST
def draft_submit(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft(request, draft_id)
    if draft.submitted_request_id is None and (missing := wizard.unfinished(draft.data)):
        messages.error(
            request, gettext("Some questions are not answered yet. Answer them, then submit.")
        )
        return redirect(_step_url(draft, missing[0].slug))
    try:
        submitted = wizard.draft_submit(owner=_user(request), draft_id=draft.pk)
    except wizard.DraftNotFound:
        raise Http404("No such draft") from None
    except wizard.PaperOnly:
        return redirect("draft_paper", draft.pk)
    except FilingRefused as refused:
        found = wizard.locate(refused.errors, draft.data)
        _keep_refusals(request, draft, found)
        first = found[0].step if found else REVIEW
        return redirect(_step_url(draft, first) + ("" if first == REVIEW else f"?from={REVIEW}"))
    _keep_refusals(request, draft, [])
    for warning in submitted.warnings:
        messages.info(request, warning.message)
    return redirect("draft_done", draft.pk)


@party
def draft_paper(request: HttpRequest, draft_id: int) -> HttpResponse:
    """A fee waiver means filing on paper: say so, with the filing address in force,
    and offer the filing packet (with the questions still open, if any)."""
    draft = _draft(request, draft_id)
    context = {
        "draft": draft,
        "policy": policy_on(timezone.localdate()),
        "paper_only": wizard.is_paper_only(draft.data),
        "contents": CONTENTS,
        "missing": [
            {"title": step.title_for(draft.data), "url": _step_url(draft, step.slug)}
            for step in wizard.unfinished(draft.data)
        ],
    }
    return render(request, "intake/paper.html", context)


@party
def draft_packet(request: HttpRequest, draft_id: int) -> HttpResponse:
    """The filing packet as a PDF, made now from the draft and today's policy, and not kept."""
    draft = _draft(request, draft_id)
    if draft.submitted_request_id is not None:
        return redirect("draft_done", draft.pk)
    if not wizard.is_paper_only(draft.data):
        messages.info(
            request,
            gettext(
                "The filing packet is for a request sent on paper with a fee waiver. "
                "This draft can be filed online."
            ),
        )
        return redirect(_step_url(draft, REVIEW))
    response = HttpResponse(
        packet_pdf(draft=draft, day=timezone.localdate()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="parole-packet-{draft.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@party
def draft_delete(request: HttpRequest, draft_id: int) -> HttpResponse:
    """GET: are you sure? POST: delete the draft (a submitted one stays)."""
    draft = _draft(request, draft_id)
    if request.method == "POST":
        wizard.draft_delete(draft=draft)
        _keep_refusals(request, draft, [])
        messages.success(request, gettext("The draft is deleted."))
        return redirect("my_requests")
    context = {"draft": draft, "draft_name": wizard.beneficiary_name(draft)}
    return render(request, "intake/delete.html", context)


@party
def draft_done(request: HttpRequest, draft_id: int) -> HttpResponse:
    """The confirmation: receipt number, decision window and the receipt notice."""
    draft = _draft(request, draft_id)
    if draft.submitted_request is None:
        return redirect(_step_url(draft, REVIEW))
    try:
        filed = request_for_user(
            receipt_number=draft.submitted_request.receipt_number, user=_user(request), via="page"
        )
    except RequestNotFound:
        raise Http404("No such request") from None
    clock = clock_for(filed)
    notice = filed.notices.filter(kind=NoticeKind.RECEIPT.value).order_by("id").first()
    context = {
        "draft": draft,
        "item": filed,
        "earliest": clock.earliest,
        "latest": clock.latest,
        "notice": notice,
        "family": family_of(filed),
    }
    return render(request, "intake/done.html", context)
