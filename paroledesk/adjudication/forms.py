"""The case page's forms: the same steps, bounds and services as the officers' API.

A form only reads its answers (a number, a choice, lines of text); whether the
step is allowed, and the rules of a decision, are the services' (and the API's)
to say, and the page shows what they say by the field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from paroledesk.accounts.models import User
from paroledesk.adjudication.models import DENIAL_TEXT, DenialReason, Outcome
from paroledesk.adjudication.services import (
    ADDRESS_LENGTH,
    BATCH_MAX,
    NOTE_LENGTH,
    PAROLE_DAYS_MAX,
    RFE_DUE_DAYS_MAX,
    RFE_ITEM_LENGTH,
    RFE_ITEMS_MAX,
)
from paroledesk.core.roles import ADJUDICATOR_ROLES


class AssignForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"] = _officer_field("Officer")


class RfeForm(forms.Form):
    items = forms.CharField(
        label="Evidence to send",
        help_text="One item on each line.",
        widget=forms.Textarea(attrs={"rows": 4, "class": "usa-textarea"}),
        max_length=RFE_ITEMS_MAX * (RFE_ITEM_LENGTH + 1),
        error_messages={"required": "Name at least one piece of evidence to send."},
    )
    due_in_business_days = forms.IntegerField(
        label="Business days to answer",
        min_value=1,
        max_value=RFE_DUE_DAYS_MAX,
        error_messages={
            "required": "Give the number of business days to answer.",
            "invalid": "Give the number of business days as a whole number.",
            "min_value": "Give at least 1 business day to answer.",
            "max_value": f"Give at most {RFE_DUE_DAYS_MAX} business days to answer.",
        },
    )

    def clean_items(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["items"].splitlines()]
        items = [line for line in lines if line]
        if not items:
            raise forms.ValidationError("Name at least one piece of evidence to send.")
        if len(items) > RFE_ITEMS_MAX:
            raise forms.ValidationError(f"Ask for at most {RFE_ITEMS_MAX} items at once.")
        if any(len(item) > RFE_ITEM_LENGTH for item in items):
            raise forms.ValidationError(f"Keep each item to at most {RFE_ITEM_LENGTH} characters.")
        return items


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=[(Outcome.APPROVE.value, "Approve"), (Outcome.DENY.value, "Deny")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose approve or deny."},
    )
    parole_days = forms.IntegerField(
        label="Parole period in days (approval)",
        required=False,
        min_value=1,
        max_value=PAROLE_DAYS_MAX,
        error_messages={
            "invalid": "Give the parole period as a whole number of days.",
            "min_value": "Give a parole period of at least 1 day.",
            "max_value": f"Give a parole period of at most {PAROLE_DAYS_MAX:,} days.",
        },
    )
    parole_fee_exception = forms.ChoiceField(
        label="Exception to the parole fee (approval)", required=False, choices=[]
    )
    reasons = forms.MultipleChoiceField(
        label="Reasons (denial)",
        required=False,
        choices=[(reason.value, DENIAL_TEXT[reason]) for reason in DenialReason],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose the reasons listed."},
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=NOTE_LENGTH,
        help_text="Needed when the reason is another one. The requestor reads it on the notice.",
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )

    def __init__(self, *args: Any, exceptions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parole_fee_exception"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "None: the parole fee is due"), *exceptions]


class _DayInput(forms.DateInput):
    input_type = "date"


class ArrivalForm(forms.Form):
    arrived_on = forms.DateField(
        label="Date of arrival",
        widget=_DayInput,
        error_messages={
            "required": "Give the date the beneficiary arrived.",
            "invalid": "Give the date of arrival as a date, like 2027-01-04.",
        },
    )
    ends_on = forms.DateField(
        label="Date parole ends, as on the I-94",
        required=False,
        widget=_DayInput,
        help_text="Leave it empty to count the days granted from the arrival.",
        error_messages={"invalid": "Give the end date as a date, like 2027-07-03."},
    )


class DepartureForm(forms.Form):
    departed_on = forms.DateField(
        label="Date the parolee left the United States",
        widget=_DayInput,
        help_text="Parole ends that day.",
        error_messages={
            "required": "Give the date the parolee left.",
            "invalid": "Give the date they left as a date, like 2027-05-01.",
        },
    )


class EndParoleForm(forms.Form):
    """Termination on written notice (8 CFR 212.5(e)); a departure has its own form."""

    note = forms.CharField(
        label="Why parole is terminated",
        max_length=NOTE_LENGTH,
        help_text="The parolee reads it on the notice of termination.",
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
        error_messages={"required": "Say why parole is terminated: the notice tells them."},
    )


class WorkPermitForm(forms.Form):
    valid_from = forms.DateField(
        label="Valid from",
        widget=_DayInput,
        error_messages={
            "required": "Give the first day the work permit is valid.",
            "invalid": "Give the first day as a date, like 2027-02-01.",
        },
    )
    renewal = forms.BooleanField(label="This renews an earlier work permit", required=False)


class AddressForm(forms.Form):
    """The parolee's own form (Form AR-11), on their request page: in their language."""

    address = forms.CharField(
        label=_("New address in the United States"),
        max_length=ADDRESS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
        error_messages={"required": _("Give the new address.")},
    )
    moved_on = forms.DateField(
        label=_("Date of the move"),
        widget=_DayInput,
        error_messages={
            "required": _("Give the date of the move."),
            "invalid": _("Give the date of the move as a date, like 2027-03-01."),
        },
    )


def _officers() -> QuerySet[User]:
    return User.objects.filter(
        role__in=[role.value for role in ADJUDICATOR_ROLES], is_active=True
    ).order_by("username")


def _officer_field(label: str) -> forms.ModelChoiceField:  # type: ignore[type-arg]
    return forms.ModelChoiceField(
        queryset=_officers(),
        to_field_name="username",
        label=label,
        empty_label="Choose an officer",
        widget=forms.Select(attrs={"class": "usa-select"}),
        error_messages={"required": "Choose the officer.", "invalid_choice": "Choose the officer."},
    )


def officers_listed_once(*forms_: forms.Form) -> None:
    """Give every officer field of these forms the same list of officers, read once, where
    each field would read it again to draw itself (an answer is still checked by each)."""
    fields = [
        field
        for form in forms_
        for field in form.fields.values()
        if isinstance(field, forms.ModelChoiceField)
        and field.queryset is not None
        and field.queryset.model is User
    ]
    if fields:
        names = list(_officers().values_list("username", flat=True))
        choices = [("", "Choose an officer"), *((name, name) for name in names)]
        for field in fields:
            field.choices = choices


def _count_field() -> forms.IntegerField:
    return forms.IntegerField(
        label="How many, oldest first",
        min_value=1,
        max_value=BATCH_MAX,
        initial=10,
        error_messages={
            "required": "Give how many requests.",
            "invalid": "Give how many requests as a whole number.",
            "min_value": "Give at least 1.",
            "max_value": f"Give at most {BATCH_MAX} at a time.",
        },
    )


class AssignOldestForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"] = _officer_field("Officer")
        self.fields["count"] = _count_field()


class MoveWorkForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from_officer"] = _officer_field("From")
        self.fields["to_officer"] = _officer_field("To")
        self.fields["count"] = _count_field()
