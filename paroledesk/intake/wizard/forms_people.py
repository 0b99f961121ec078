"""The wizard's questions about people: who files, for whom, and where that person is now.

Field names are the filing document's own keys, so a refusal's dotted path
("beneficiary.date_of_birth") leads back to the field that holds the answer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from paroledesk.core.countries import UNITED_STATES
from paroledesk.core.filing import ORGANIZATION_MAX, Location
from paroledesk.intake.wizard.dates import MemorableDateField
from paroledesk.intake.wizard.fields import (
    Document,
    StepForm,
    compact,
    country,
    radios,
    text,
)


class FilerForm(StepForm):
    part = "requestor"
    role = radios(
        _("Who is filing this request?"),
        [
            ("self", _("I am the person who needs parole")),
            ("relative", _("A relative of the person who needs parole")),
            ("representative", _("An attorney or accredited representative")),
            ("organization", _("An organization")),
            ("other", _("Someone else")),
        ],
        representative=_(
            "You act for them with Form G-28 and give your bar or accreditation number."
        ),
        organization=_("You file on behalf of an organization and give its name."),
        missing=_("Choose who is filing the request."),
        other=_("For example a friend, an employer or a sponsor who is not family."),
    )
    # Which of these a filer must give depends on who files: the core's rules say.
    given_name = text(
        _("Your given name (first name)"), missing=_("Enter your given name."), required=False
    )
    family_name = text(
        _("Your family name (last name)"), missing=_("Enter your family name."), required=False
    )
    relationship = text(
        _("How are you related to them?"),
        hint=_("For example: sister. Needed if you are a relative."),
        missing=_("Say how you are related, for example: sister."),
        required=False,
    )
    organization_name = text(
        _("Organization name"),
        limit=ORGANIZATION_MAX,
        hint=_("If you file for one."),
        missing=_("Enter the name of the organization."),
        required=False,
    )
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        help_text=_("We write to you here about the request."),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    bar_number = text(_("Bar number"), limit=40, hint=_("Representatives: from your Form G-28."))
    accreditation_number = text(
        _("Accreditation number"),
        limit=40,
        hint=_("Accredited representatives: give this instead of a bar number."),
    )

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return dict(doc.get("requestor") or {})

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool((doc.get("requestor") or {}).get("role"))

    def write(self, doc: Document) -> None:
        doc["requestor"] = compact(self.cleaned_data)

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        filer = doc.get("requestor") or {}
        name = " ".join(filter(None, [filer.get("given_name"), filer.get("family_name")]))
        rows = [
            (gettext("Filed by"), self.label_of("role", filer.get("role"))),
            (gettext("Name"), name),
        ]
        for key in ("relationship", "organization_name", "email"):
            if filer.get(key):
                rows.append((str(self.fields[key].label).strip("¿?"), filer[key]))
        for key in ("bar_number", "accreditation_number"):
            if filer.get(key):
                rows.append((str(self.fields[key].label), filer[key]))
        return rows


class BeneficiaryForm(StepForm):
    part = "beneficiary"
    given_name = text(_("Their given name (first name)"), missing=_("Enter their given name."))
    family_name = text(
        _("Their family name (last name)"),
        missing=_("Enter their family name."),
        hint=_("As it is written in their passport."),
    )
    date_of_birth = MemorableDateField(what=_("date of birth"), label=_("Their date of birth"))
    country_of_birth = country(
        _("Country of birth"), missing=_("Choose the country they were born in.")
    )
    country_of_citizenship = country(
        _("Country of citizenship"),
        stateless=True,
        missing=_("Choose the country they are a citizen of."),
        hint=_("If they have more than one, the country of the passport they will travel on."),
    )
    passport_number = text(
        _("Passport number"),
        limit=40,
        hint=_("If they have no passport, leave this blank and say why in your statement."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].latest = self.today  # type: ignore[attr-defined]

    def clean_passport_number(self) -> str:
        value = "".join(self.cleaned_data.get("passport_number", "").split()).upper()
        value = value.replace("-", "")
        if value and not (5 <= len(value) <= 20 and value.isalnum() and value.isascii()):
            raise forms.ValidationError(
                gettext("Enter the passport number as printed: 5 to 20 letters and digits.")
            )
        return value

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return dict(doc.get("beneficiary") or {})

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool((doc.get("beneficiary") or {}).get("date_of_birth"))

    def write(self, doc: Document) -> None:
        person = dict(doc.get("beneficiary") or {})
        person.pop("passport_number", None)
        doc["beneficiary"] = {**person, **compact(self.cleaned_data)}

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        person = doc.get("beneficiary") or {}
        name = " ".join(filter(None, [person.get("given_name"), person.get("family_name")]))
        born = person.get("date_of_birth")
        shown = date_format(date.fromisoformat(born), gettext("F j, Y")) if born else ""
        return [
            (gettext("Name"), name),
            (gettext("Date of birth"), shown),
            (
                gettext("Country of birth"),
                self.label_of("country_of_birth", person.get("country_of_birth")),
            ),
            (
                gettext("Citizenship"),
                self.label_of("country_of_citizenship", person.get("country_of_citizenship")),
            ),
            (gettext("Passport number"), person.get("passport_number") or gettext("None given")),
        ]


class LocationForm(StepForm):
    part = "beneficiary"
    location = radios(
        _("Where is the person who needs parole now?"),
        [
            ("outside_us", _("Outside the United States")),
            ("inside_us", _("Inside the United States")),
        ],
        missing=_("Choose whether they are outside or inside the United States."),
    )
    current_country = country(
        _("Which country are they in now?"), missing=_("Choose the country they are in now.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Someone inside the United States is in the United States: not asked.
        country = self.fields["current_country"]
        country.required = False
        country.help_text = gettext("Only if they are outside the United States.")

    def clean(self) -> dict[str, Any]:
        inside = self.cleaned_data.get("location") == Location.INSIDE_US.value
        if inside and not self.cleaned_data.get("current_country"):
            self.cleaned_data["current_country"] = UNITED_STATES
        return super().clean()

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return dict(doc.get("beneficiary") or {})

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool((doc.get("beneficiary") or {}).get("location"))

    def write(self, doc: Document) -> None:
        doc["beneficiary"] = {**(doc.get("beneficiary") or {}), **self.cleaned_data}

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        person = doc.get("beneficiary") or {}
        return [
            (gettext("Where they are"), self.label_of("location", person.get("location"))),
            (
                gettext("Country now"),
                self.label_of("current_country", person.get("current_country")),
            ),
        ]
