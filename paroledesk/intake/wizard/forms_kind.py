"""The wizard's first questions: what kind of request this is, and the earlier request it names.

A re-parole renews a parole that USCIS headquarters granted; a refiling follows
a denial, which has no appeal, and must say what is new. Both name the earlier
request by its receipt number (``related_receipt_number``). Whether that request
exists, is this person's, and was granted or denied is for ``check_filing`` to
say when the draft is submitted; its refusals come back to these fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from paroledesk.core.filing import TEXT_MAX, Kind, Location
from paroledesk.core.policy import PolicyMissing
from paroledesk.core.receipt_numbers import EXAMPLE, InvalidReceiptNumber, parse_receipt_number
from paroledesk.intake.wizard.fields import Document, StepForm, long_text, radios
from paroledesk.policy.selectors import policy_on

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise as Words

RELATED = "related_receipt_number"
NEW_FACTS = "new_facts"


class ReceiptNumberField(forms.CharField):
    """A receipt number as people copy it from a notice; cleans to its printed form."""

    def __init__(self, *, label: Words, hint: Words, missing: Words) -> None:
        super().__init__(
            label=label,
            max_length=20,
            help_text=hint,
            error_messages={
                "required": missing,
                "max_length": format_lazy(
                    _("A receipt number has 13 characters, like {example}."), example=EXAMPLE
                ),
            },
        )

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        try:
            return str(parse_receipt_number(text))
        except InvalidReceiptNumber as bad:
            # The problem is the core's words, shared with the API: English whatever the page.
            raise forms.ValidationError(
                gettext("The receipt number %(problem)s") % {"problem": bad.problem}
            ) from None


class KindForm(StepForm):
    part = "kind"
    kind = radios(
        _("What are you asking for?"),
        [
            (Kind.INITIAL.value, _("Parole for someone outside the United States")),
            (Kind.REPAROLE.value, _("Re-parole: more time for someone already paroled")),
            (Kind.REFILING.value, _("A new request after a denial")),
        ],
        missing=_("Choose what you are asking for."),
        initial=_("They are outside the United States and need to come for a limited time."),
        reparole=_(
            "They are in the United States on a parole that USCIS headquarters granted, and "
            "need to stay longer."
        ),
        refiling=_(
            "An earlier request for them was denied. A denial cannot be appealed: you file a new "
            "request, with a new filing fee, and say what is new since the denial."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            lead = policy_on(self.today).reparole_lead_days()
        except PolicyMissing:
            return
        field = self.fields["kind"]
        # A new dict: the field's own is shared with every other form of this class.
        descriptions: dict[str, str] = dict(getattr(field, "descriptions", {}))
        descriptions[Kind.REPAROLE.value] = " ".join(
            [
                str(descriptions[Kind.REPAROLE.value]),
                gettext("Ask at least %(days)s days before their parole ends.") % {"days": lead},
            ]
        )
        field.descriptions = descriptions  # type: ignore[attr-defined]

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return {"kind": doc.get("kind")}

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool(doc.get("kind"))

    def write(self, doc: Document) -> None:
        kind = self.cleaned_data["kind"]
        if doc.get("kind") != kind:
            # An earlier request named for another kind is not this kind's: ask again.
            doc.pop(RELATED, None)
            doc.pop(NEW_FACTS, None)
            person = doc.get("beneficiary") or {}
            if kind != Kind.REPAROLE.value and person.get("location") == Location.INSIDE_US.value:
                # Only a re-parole is for someone inside the United States: ask where they are.
                doc["beneficiary"] = {
                    key: value
                    for key, value in person.items()
                    if key not in ("location", "current_country")
                }
        doc["kind"] = kind

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        return [(gettext("Asking for"), self.label_of("kind", doc.get("kind")))]


class ReparoleForm(StepForm):
    """The parole to renew: a re-parole's only extra question."""

    part = RELATED
    paths = {RELATED: RELATED}
    related_receipt_number = ReceiptNumberField(
        label=_("Receipt number of the request that was granted"),
        hint=format_lazy(
            _("It is on the approval notice: three letters, then ten digits, like {example}."),
            example=EXAMPLE,
        ),
        missing=_("Enter the receipt number of the request that was granted."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            self.lead_days: int | None = policy_on(self.today).reparole_lead_days()
        except PolicyMissing:
            self.lead_days = None

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return {RELATED: doc.get(RELATED)}

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool(doc.get(RELATED))

    def write(self, doc: Document) -> None:
        doc[RELATED] = self.cleaned_data[RELATED]

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        return [(gettext("Parole to renew"), doc.get(RELATED, ""))]


class RefilingForm(StepForm):
    """The denied request, and what is new since: a refiling's extra questions."""

    part = RELATED
    paths = {RELATED: RELATED, NEW_FACTS: NEW_FACTS}
    related_receipt_number = ReceiptNumberField(
        label=_("Receipt number of the denied request"),
        hint=format_lazy(
            _("It is on the denial notice: three letters, then ten digits, like {example}."),
            example=EXAMPLE,
        ),
        missing=_("Enter the receipt number of the denied request."),
    )
    new_facts = long_text(
        _("What is new since the denial?"),
        missing=_("Say what is new since the denial."),
        hint=_(
            "Facts the officer did not have: what has changed, or what you can now show. Answer "
            "the reasons given in the denial notice. Add the evidence after filing."
        ),
        limit=TEXT_MAX,
    )

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return {RELATED: doc.get(RELATED), NEW_FACTS: doc.get(NEW_FACTS)}

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool(doc.get(RELATED) and doc.get(NEW_FACTS))

    def write(self, doc: Document) -> None:
        doc[RELATED] = self.cleaned_data[RELATED]
        doc[NEW_FACTS] = self.cleaned_data[NEW_FACTS]

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        return [
            (gettext("Denied request"), doc.get(RELATED, "")),
            (gettext("What is new"), doc.get(NEW_FACTS, "")),
        ]
