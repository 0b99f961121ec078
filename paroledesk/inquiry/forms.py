"""The status inquiry's page form and the officer's answer form; both read through the same
readers and services as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from paroledesk.inquiry.reading import (
    EXPLANATION_LENGTH,
    FAMILY_NAME_LENGTH,
    Identity,
    fields_read,
)
from paroledesk.inquiry.services import ANSWER_LENGTH


class DateInput(forms.DateInput):
    """The browser's own date control; where there is none, a text box that takes
    2027-03-14 or 03/14/2027."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _date_field(label: Any, help_text: Any, *, required: Any, invalid: Any) -> forms.DateField:
    # Whole sentences, not one pattern with the date's name put in: Spanish agrees the
    # words around it, and a lazy string formatted here would be fixed in English at import.
    return forms.DateField(
        label=label,
        help_text=help_text,
        widget=DateInput(),
        error_messages={"required": required, "invalid": invalid},
    )


class StatusInquiryForm(forms.Form):
    receipt_number = forms.CharField(
        label=_("Receipt number"),
        help_text=_("On the receipt notice: three letters and ten digits, like IOE2700100042."),
        max_length=40,
        error_messages={"required": _("Enter the receipt number.")},
    )
    family_name = forms.CharField(
        label=_("Family name of the person the request is for"),
        help_text=_("As written on the request. Accents and capital letters do not matter."),
        max_length=FAMILY_NAME_LENGTH,
        error_messages={"required": _("Enter the family name of the person the request is for.")},
    )
    date_of_birth = _date_field(
        _("Their date of birth"),
        _("For example: 1988-03-14"),
        required=_("Enter the date of birth."),
        invalid=_("Enter the date of birth as a date, like 2027-03-14."),
    )
    filed_on = _date_field(
        _("Date the request was received"),
        _("The received date on the receipt notice."),
        required=_("Enter the date the request was received."),
        invalid=_("Enter the date the request was received as a date, like 2027-03-14."),
    )
    explanation = forms.CharField(
        label=_("What would you like to know?"),
        required=False,
        max_length=EXPLANATION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "class": "usa-textarea"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        explanation = self.fields["explanation"]
        # Filled in per form, in the language of the page asked for.
        explanation.help_text = _(
            "Up to %(count)d characters. The officer who works the request reads it and "
            "answers in a written notice to the requestor."
        ) % {"count": EXPLANATION_LENGTH}
        explanation.widget.attrs["aria-describedby"] = "id_explanation-hint"

    def clean(self) -> dict[str, Any]:
        clean, refused = fields_read(super().clean() or {})
        for name, message in refused.items():
            self.add_error(name, message)
        return clean

    def identity(self) -> Identity:
        return Identity.of(self.cleaned_data)


class InquiryAnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        help_text="Sent as a written notice to the requestor and the representative.",
        max_length=ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "class": "usa-textarea"}),
        error_messages={"required": "Write the answer to send."},
    )
