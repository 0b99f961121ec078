"""The filing wizard: its steps, and the drafts that hold a filing while it is written.

A draft's ``data`` is the filing document in the contract's shape, as far as
it is written; each step's form reads and writes its own part of it (see
``wizard_forms``). The first step chooses the kind of request, and the kind
decides which steps follow (``steps_for``): a re-parole and a refiling each
ask about the earlier request. A step is done when its part is there, so a
draft resumes at its first unfinished step. Submitting files the document
through ``request_file``, exactly once per draft; refusals come back with
dotted field paths, which ``locate`` turns into the step and the field to show
them on.
"""

from __future__ import annotations

import copy
import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from paroledesk.accounts.models import User
from paroledesk.core.codes import FilingSource
from paroledesk.core.filing import FeePayment, FieldError, Kind, Warning_
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.services import request_file
from paroledesk.intake.wizard.fields import Document, StepForm, in_words, kind_of
from paroledesk.intake.wizard.forms_kind import RELATED, KindForm, RefilingForm, ReparoleForm
from paroledesk.intake.wizard.forms_people import BeneficiaryForm, FilerForm, LocationForm
from paroledesk.intake.wizard.forms_request import (
    ExpediteForm,
    FeeForm,
    PeriodForm,
    ReasonForm,
    SponsorForm,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise as Words

REVIEW = "review"
FAMILY_GROUP = "family_group"
EVERY_KIND = frozenset(Kind)
LINKED = _(
    "Write their names and date of birth as on the earlier request, so that the two requests are "
    "linked."
)


@dataclass(frozen=True)
class Step:
    slug: str
    label: Words  # in the step indicator
    title: Words  # the page's heading
    form: type[StepForm]
    intro: Words = ""
    template: str = "intake/step.html"
    kinds: frozenset[Kind] = EVERY_KIND  # the kinds of request that ask this step
    # Where a kind of request needs other words: (title, intro) by kind.
    reworded: dict[str, tuple[Words, Words]] = field(default_factory=dict, hash=False)

    def applies(self, doc: Document) -> bool:
        return kind_of(doc) in self.kinds

    def title_for(self, doc: Document) -> Words:
        return self.reworded.get(kind_of(doc), (self.title, self.intro))[0]

    def intro_for(self, doc: Document) -> Words:
        return self.reworded.get(kind_of(doc), (self.title, self.intro))[1]


STEPS: tuple[Step, ...] = (
    Step("kind", _("Request type"), _("What you are asking for"), KindForm),
    Step(
        "reparole",
        _("Earlier parole"),
        _("The parole to renew"),
        ReparoleForm,
        _(
            "A re-parole gives more time to someone in the United States on a parole that USCIS "
            "headquarters granted. Parole given by CBP at a port of entry, or under another "
            "program, cannot be renewed this way."
        ),
        template="intake/step_reparole.html",
        kinds=frozenset({Kind.REPAROLE}),
    ),
    Step(
        "refiling",
        _("Denied request"),
        _("The denied request and what is new"),
        RefilingForm,
        _(
            "A denial cannot be appealed, and no motion can be filed against it. The way forward "
            "is a new request, with a new filing fee, that states the significant new facts since "
            "the denial."
        ),
        kinds=frozenset({Kind.REFILING}),
    ),
    Step(
        "filer",
        _("Filer"),
        _("Who is filing"),
        FilerForm,
        _("Tell us about yourself: the person who fills in this form and will hear from us."),
    ),
    Step(
        "beneficiary",
        _("Beneficiary"),
        _("The person who needs parole"),
        BeneficiaryForm,
        _("Write their names as in their passport, if they have one."),
        reworded={
            Kind.REPAROLE: (_("The person who needs parole"), LINKED),
            Kind.REFILING: (_("The person who needs parole"), LINKED),
        },
    ),
    Step("location", _("Location"), _("Where they are now"), LocationForm),
    Step(
        "reason",
        _("Reason"),
        _("Why they need to come"),
        ReasonForm,
        _(
            "Parole is for an urgent humanitarian reason or a significant public benefit, when a "
            "visa cannot be had in time."
        ),
        reworded={
            Kind.REPAROLE: (
                _("Why they need more time"),
                _(
                    "Re-parole, like parole, is for an urgent humanitarian reason or a significant "
                    "public benefit, when a visa cannot be had in time."
                ),
            )
        },
    ),
    Step(
        "period",
        _("Length of stay"),
        _("How long they need to stay"),
        PeriodForm,
        reworded={Kind.REPAROLE: (_("How much longer they need to stay"), "")},
    ),
    Step(
        "sponsor",
        _("Sponsor"),
        _("The sponsor’s support (Form I-134)"),
        SponsorForm,
        _(
            "A sponsor in the United States promises to support them while they are here. A "
            "request without a sponsor cannot be filed."
        ),
    ),
    Step("fee", _("Fee"), _("The filing fee"), FeeForm, template="intake/step_fee.html"),
    Step(
        "expedite",
        _("Expedite"),
        _("A faster decision (optional)"),
        ExpediteForm,
        _(
            "Most requests take months. You may ask for a faster decision if waiting would cause "
            "serious harm."
        ),
    ),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}


class DraftNotFound(LookupError):
    """No such draft, or it belongs to someone else: the same answer for both."""


class PaperOnly(Exception):
    """The draft asks for a fee waiver, which cannot be filed online."""


@dataclass(frozen=True)
class Located:
    """Where a refusal belongs: a step and one of its fields ("" for the step as a whole)."""

    step: str  # a step's slug, or REVIEW when no step holds the field
    field: str
    message: str


def steps_for(doc: Document) -> list[Step]:
    """The steps a draft asks, in order: those of the kind of request it is for."""
    return [step for step in STEPS if step.applies(doc)]


def step_number(slug: str, doc: Document) -> int:
    """1-based position in the indicator; the review page comes after the last step."""
    slugs = [step.slug for step in steps_for(doc)]
    return len(slugs) + 1 if slug == REVIEW else slugs.index(slug) + 1


def next_slug(slug: str, doc: Document) -> str:
    """The step to ask after this one: the next not answered yet (answers carried over from a
    family member's request are not asked again), or the review when all are answered."""
    asked = steps_for(doc)
    slugs = [step.slug for step in asked]
    after = asked[slugs.index(slug) + 1 :]
    todo = [step for step in after if not step.form.done(doc)] or unfinished(doc)
    return todo[0].slug if todo else REVIEW


def previous_slug(slug: str, doc: Document) -> str | None:
    slugs = [step.slug for step in steps_for(doc)]
    index = len(slugs) if slug == REVIEW else slugs.index(slug)
    return slugs[index - 1] if index > 0 else None


def unfinished(doc: Document) -> list[Step]:
    return [step for step in steps_for(doc) if not step.form.done(doc)]


def resume_slug(draft: FilingDraft) -> str:
    """The first step still to answer, or the review page when every step is done."""
    todo = unfinished(draft.data)
    return todo[0].slug if todo else REVIEW


def is_paper_only(doc: Document) -> bool:
    return (doc.get("fee") or {}).get("payment") == FeePayment.WAIVER_REQUESTED.value


def beneficiary_name(draft: FilingDraft) -> str:
    person = draft.data.get("beneficiary") or {}
    return " ".join(filter(None, [person.get("given_name"), person.get("family_name")]))


def locate(errors: list[FieldError], doc: Document) -> list[Located]:
    """Each refusal with the step and field where the user can put it right, in step order."""
    steps = steps_for(doc)
    found = [_locate_one(error, steps) for error in errors]
    order = {step.slug: index for index, step in enumerate(steps)}
    return sorted(found, key=lambda item: order.get(item.step, len(steps)))


def _locate_one(error: FieldError, steps: list[Step]) -> Located:
    path = error.field or ""
    head, _, rest = path.partition(".")
    last = path.rsplit(".", 1)[-1]
    message = in_words(error)
    for step in steps:
        form = step.form
        if path in form.paths:
            return Located(step.slug, form.paths[path], message)
        if head == form.part and last in form.base_fields and (rest or head == last):
            return Located(step.slug, last, message)
    for step in steps:
        if head == step.form.part:
            return Located(step.slug, "", message)
    return Located(REVIEW, "", message)


# -- reading drafts ---------------------------------------------------------------


def drafts_of(*, owner: User) -> QuerySet[FilingDraft]:
    """The owner's drafts not yet submitted, most recently saved first."""
    return FilingDraft.objects.filter(owner=owner, submitted_request__isnull=True).order_by(
        "-updated_at", "-id"
    )


def draft_rows(*, owner: User, limit: int = 50) -> list[dict[str, object]]:
    """The owner's drafts for "My requests": who each is for and which step comes next."""
    rows: list[dict[str, object]] = []
    for draft in drafts_of(owner=owner)[:limit]:
        todo = unfinished(draft.data)
        upcoming = todo[0].title_for(draft.data) if todo else ""
        rows.append({"draft": draft, "name": beneficiary_name(draft), "next": upcoming})
    return rows


def draft_of(*, owner: User, draft_id: int) -> FilingDraft:
    draft = (
        FilingDraft.objects.select_related("submitted_request")
        .filter(pk=draft_id, owner=owner)
        .first()
    )
    if draft is None:
        raise DraftNotFound(draft_id)
    return draft


# -- writing drafts ---------------------------------------------------------------


def _new_family_group() -> str:
    # A label of the filer's own, matched only among their requests (cases.ParoleRequest).
    return f"wizard-{secrets.token_hex(8)}"


def draft_start(*, owner: User, refiling: str | None = None) -> FilingDraft:
    """A new, empty draft; its first step asks what kind of request it is.

    With ``refiling``, the receipt number of a denied request, the draft is a
    refiling of it: the kind and the receipt number are answered, and it starts
    at what is new. Every draft belongs to a family group of its own, so that a
    family member filed after it (draft_for_family_member) is linked to it.
    """
    data: Document = {FAMILY_GROUP: _new_family_group()}
    if refiling:
        data.update({"kind": Kind.REFILING.value, RELATED: refiling})
    return FilingDraft.objects.create(owner=owner, data=data, step=unfinished(data)[0].slug)


# What a family member's request has in common with the first: one emergency, one sponsor,
# one filer. What is the person's own (their particulars, an earlier request of theirs)
# is asked again; where they are is carried over, as families are usually together.
CARRIED_OVER = ("kind", "requestor", "reason", "requested_days", "sponsor", "fee", "expedite")
CARRIED_OVER_OF_THE_PERSON = ("location", "current_country")


def draft_for_family_member(*, owner: User, draft_id: int) -> FilingDraft:
    """A new draft for another member of the family of a filed draft, with what they share.

    Each person still needs a request and a fee of their own; the two requests
    share a family group, so officers see them side by side. Raises DraftNotFound
    for a draft not the owner's or not filed yet.
    """
    first = draft_of(owner=owner, draft_id=draft_id)
    if first.submitted_request_id is None:
        raise DraftNotFound(draft_id)
    source = first.data
    data: Document = {key: copy.deepcopy(source[key]) for key in CARRIED_OVER if key in source}
    person = source.get("beneficiary") or {}
    data["beneficiary"] = {key: person[key] for key in CARRIED_OVER_OF_THE_PERSON if key in person}
    data[FAMILY_GROUP] = source.get(FAMILY_GROUP) or _new_family_group()
    draft = FilingDraft.objects.create(owner=owner, data=data, step=STEPS[0].slug)
    draft.step = resume_slug(draft)
    draft.save(update_fields=["step"])
    return draft


def draft_save_step(*, draft: FilingDraft, step: Step, form: StepForm) -> None:
    """Write one valid step's answers into the draft's document."""
    doc = copy.deepcopy(dict(draft.data))
    form.write(doc)
    draft.data = doc
    draft.step = step.slug
    draft.save(update_fields=["data", "step", "updated_at"])


def draft_delete(*, draft: FilingDraft) -> None:
    if draft.submitted_request_id is None:
        draft.delete()


@dataclass(frozen=True)
class Submitted:
    draft: FilingDraft
    warnings: list[Warning_]
    first_time: bool  # False when the draft had been submitted before: nothing was filed


def draft_submit(*, owner: User, draft_id: int, today: date | None = None) -> Submitted:
    """File the draft's document once. Raises FilingRefused, PaperOnly or DraftNotFound.

    The draft's row is locked while filing, so a second submit waits for the first
    and then finds the draft submitted, and files nothing.
    """
    with transaction.atomic():
        draft = (
            # No join here: PostgreSQL cannot lock the nullable side of an outer join.
            FilingDraft.objects.select_for_update().filter(pk=draft_id, owner=owner).first()
        )
        if draft is None:
            raise DraftNotFound(draft_id)
        if draft.submitted_request_id is not None:
            return Submitted(draft, [], first_time=False)
        if is_paper_only(draft.data):
            raise PaperOnly
        filed = request_file(
            raw=dict(draft.data), filed_by=owner, source=FilingSource.WIZARD, today=today
        )
        draft.submitted_request = filed.request
        draft.step = REVIEW
        draft.save(update_fields=["submitted_request", "step", "updated_at"])
    return Submitted(draft, filed.warnings, first_time=True)
