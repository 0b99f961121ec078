"""The screener's page form: the contract's questions as radios, read by the core's own reader.

The form only turns the page's answers into the API's answers; every check,
contradictions included, is core.screening_answers', so the page, the API and
the command refuse the same things. Its messages are the page's own words,
translatable, by the question they are about.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.forms.boundfield import BoundField
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from paroledesk.core.filing import DAYS_MAX
from paroledesk.core.screening import Screening, ScreeningInvalid
from paroledesk.screening.selectors import screening_for

YES, NO, NONE = "yes", "no", "none"
NEW_FACTS, NO_NEW_FACTS = "new_facts", "no_new_facts"


class RadioBoundField(BoundField):
    @property
    def anchor(self) -> str:
        """Where the error summary links: the first radio button, or the field itself."""
        if isinstance(self.field.widget, forms.RadioSelect):
            return f"{self.auto_id}_0"
        return str(self.id_for_label)

    @property
    def radios(self) -> bool:
        return isinstance(self.field.widget, forms.RadioSelect)


class DayInput(forms.DateInput):
    """A browser's own date picker, without script; typed as YYYY-MM-DD where there is none."""

    input_type = "date"


def _radios(label: Any, choices: list[tuple[str, Any]], missing: Any, **more: Any) -> Any:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": missing, "invalid_choice": missing},
        **more,
    )


_YES_NO = [(YES, _("Yes")), (NO, _("No"))]

# The page's words for what the core refuses, by the question it is about.
REFUSED: dict[str, Any] = {
    "parole_granted_by": _(
        "Someone outside the United States cannot be on parole in it. Choose that they have "
        "no current parole, or that they are inside the United States."
    ),
    "parole_ends_on": _("Give the day the current parole ends, a real date within ten years."),
    "requested_days": format_lazy(
        _("Give the time wanted as a whole number of days, from one to {most}."),
        most=f"{DAYS_MAX:,}",
    ),
}
_DAYS = REFUSED["requested_days"]
_FIELD_OF = {
    "current_parole": "parole_granted_by",
    "current_parole.granted_by": "parole_granted_by",
    "current_parole.ends_on": "parole_ends_on",
    "requested_days": "requested_days",
}


class ScreenerForm(forms.Form):
    bound_field_class = RadioBoundField
    # Each message says what it is about: the error summary shows it without the label.
    messages_name_fields: ClassVar[bool] = True

    beneficiary_location = _radios(
        _("Where is the person who would come to the United States?"),
        [("outside_us", _("Outside the United States")),
         ("inside_us", _("Inside the United States"))],
        _("Choose where the person is."),
    )  # fmt: skip
    parole_granted_by = _radios(
        _("Are they in the United States on parole now?"),
        [
            (NONE, _("No, they have no current parole")),
            ("uscis_hq", _("Yes, a parole that USCIS headquarters granted on a request")),
            ("cbp", _("Yes, a parole that CBP granted at a port of entry")),
            ("other_program", _("Yes, a parole under another program")),
        ],
        _("Choose whether they have a current parole, and who granted it."),
    )
    parole_ends_on = forms.DateField(
        label=_("If they are on parole: the day it ends"),
        help_text=_("As on their Form I-94 arrival record. Leave empty if there is no parole."),
        required=False,
        widget=DayInput(format="%Y-%m-%d"),
        error_messages={"invalid": REFUSED["parole_ends_on"]},
    )
    reason_category = _radios(
        _("Why do they need to come?"),
        [
            ("medical", _("A medical emergency or treatment")),
            ("family_emergency", _("A family emergency, such as a dying relative")),
            ("protection", _("They are in danger where they are")),
            ("public_benefit", _("A U.S. agency, court or public body needs them here")),
            ("other", _("Another urgent reason")),
            (NONE, _("There is no urgent reason")),
        ],
        _("Choose the reason."),
    )
    visa_available = _radios(
        _("Could a visa get them here in time?"),
        [(YES, _("Yes")), (NO, _("No")), ("unknown", _("I don't know"))],
        _("Choose whether a visa could serve."),
    )
    prior_denial = _radios(
        _("Was an earlier parole request for them denied?"),
        [
            (NONE, _("No")),
            (NEW_FACTS, _("Yes, and there are important new facts since")),
            (NO_NEW_FACTS, _("Yes, and nothing important has changed")),
        ],
        _("Choose whether an earlier request was denied."),
    )
    prior_removal_or_criminal_record = _radios(
        _("Were they ever removed or deported from the United States, or do they have a "
          "criminal record anywhere?"),
        _YES_NO,
        _("Choose yes or no for a removal or a criminal record."),
    )  # fmt: skip
    has_sponsor = _radios(
        _("Is there someone in the United States who will support them (Form I-134)?"),
        _YES_NO,
        _("Choose whether there is a sponsor."),
    )
    requested_days = forms.IntegerField(
        label=_("For how many days do they need to be in the United States?"),
        help_text=_("A whole number of days, such as 180 for about six months."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": REFUSED["requested_days"],
            "invalid": REFUSED["requested_days"],
        },
    )

    def answers(self) -> dict[str, Any]:
        """The cleaned answers as the API takes them."""
        data = self.cleaned_data
        granted_by, denial = data["parole_granted_by"], data["prior_denial"]
        ends_on = data.get("parole_ends_on")
        return {
            "beneficiary_location": data["beneficiary_location"],
            "current_parole": None
            if granted_by == NONE
            else {"granted_by": granted_by, "ends_on": ends_on.isoformat() if ends_on else None},
            "reason_category": data["reason_category"],
            "visa_available": data["visa_available"],
            "prior_denial": None if denial == NONE else {"new_facts": denial == NEW_FACTS},
            "prior_removal_or_criminal_record": data["prior_removal_or_criminal_record"] == YES,
            "has_sponsor": data["has_sponsor"] == YES,
            "requested_days": data["requested_days"],
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.screening: Screening | None = None
        if self.errors:
            return data
        try:
            self.screening = screening_for(raw=self.answers())
        except ScreeningInvalid as invalid:
            for error in invalid.errors:
                name = _FIELD_OF.get(error.field or "")
                self.add_error(name, REFUSED[name] if name else error.message)
        return data
