"""Form machinery shared by the wizard's steps: USWDS attributes, radios, the memorable date.

The site's ``includes/field.html`` renders text inputs itself and leaves selects
and text areas to Django; ``StepBoundField`` gives those the USWDS classes and
points ``aria-describedby`` at the same ``-error`` and ``-hint`` ids the
include writes. Radios and the date have their own includes in
``intake/includes/``; ``StepBoundField.anchor`` is where an error summary links.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.forms.boundfield import BoundField
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from paroledesk.core.codes import ErrorCode
from paroledesk.core.countries import STATELESS, country_choices
from paroledesk.core.filing import FieldError, Kind, check_draft
from paroledesk.core.text import whole_number as read_number
from paroledesk.intake.wizard.dates import MONTHS, MemorableDateWidget
from paroledesk.policy.selectors import policy_on

if TYPE_CHECKING:
    # Text, or text translated when it is shown (gettext_lazy): questions are made at import.
    from django_stubs_ext import StrOrPromise as Words


@dataclass(frozen=True)
class Option:
    """One radio button of a group."""

    id: str
    value: str
    label: str
    description: str
    checked: bool


class StepBoundField(BoundField):
    @property
    def kind(self) -> str:
        """Which include renders the field: "radios", "date" or "field" (the site's own)."""
        widget = self.field.widget
        if isinstance(widget, forms.RadioSelect):
            return "radios"
        if isinstance(widget, MemorableDateWidget):
            return "date"
        if isinstance(widget, forms.FileInput):
            return "file"
        return "field"

    @property
    def anchor(self) -> str:
        """The id of the first control, for links from the error summary."""
        if self.kind == "radios":
            return f"{self.auto_id}_0"
        if self.kind == "date":
            return f"{self.auto_id}_month"
        return str(self.id_for_label)

    @property
    def aria_describedby(self) -> str:
        ids = []
        if self.errors:
            ids.append(f"{self.auto_id}-error")
        if self.help_text:
            ids.append(f"{self.auto_id}-hint")
        return " ".join(ids)

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = ""
        if isinstance(widget, forms.Select):
            css = "usa-select"
        elif isinstance(widget, forms.Textarea):
            css = "usa-textarea"
        if css:
            attrs["class"] = f"{css} usa-input--error" if self.errors else css
        return attrs

    @property
    def options(self) -> list[Option]:
        """The radio buttons, each with the description its field may give in ``descriptions``."""
        descriptions: dict[str, str] = getattr(self.field, "descriptions", {})
        current = "" if self.value() is None else str(self.value())
        return [
            Option(
                id=f"{self.auto_id}_{index}",
                value=str(value),
                label=str(label),
                description=descriptions.get(str(value), ""),
                checked=str(value) == current,
            )
            for index, (value, label) in enumerate(self.field.choices)  # type: ignore[attr-defined]
            if value != ""
        ]

    @property
    def tiles(self) -> bool:
        """Radios show as USWDS tiles when any of them has a description."""
        return any(option.description for option in self.options)

    @property
    def date_parts(self) -> dict[str, Any]:
        month, day, year = MemorableDateWidget().decompress(self.value())
        months = [
            (str(number), f"{number:02d} - {name}", str(number) == month.lstrip("0"))
            for number, name in enumerate(MONTHS, start=1)
        ]
        return {"months": months, "day": day, "year": year}


Document = dict[str, Any]


# What to do about a refusal, in the wizard's words, by its code: the rule and its
# message are the core's (paroledesk.core.filing); these only point the way.
HOW_TO_FIX: dict[ErrorCode, str] = {
    ErrorCode.BENEFICIARY_INSIDE_US: gettext_noop(
        "If they are in the United States on a parole that USCIS headquarters granted and "
        "need more time, change what you are asking for to a re-parole."
    ),
    ErrorCode.REPAROLE_REQUIRES_INSIDE_US: gettext_noop(
        "If they are outside the United States, change what you are asking for to parole for "
        "someone outside the United States."
    ),
    ErrorCode.REPAROLE_REQUIRES_HQ_GRANT: gettext_noop(
        "Check the receipt number on their approval notice, and that their name and date of "
        "birth are written as on that request."
    ),
    ErrorCode.REFILING_REQUIRES_DENIAL: gettext_noop(
        "Check the receipt number on the denial notice, and that their name and date of birth "
        "are written as on that request."
    ),
}


# The filing rules in the wizard's words, for a visitor reading another language than
# English: the core's messages are the API's too and stay in English, with the values
# they quote built in. These say the same rule without them; how to fix it follows.
RULE_IN_WORDS: dict[ErrorCode, str] = {
    ErrorCode.BENEFICIARY_INSIDE_US: gettext_noop(
        "The person is inside the United States. From there, only a re-parole of a parole "
        "that USCIS headquarters granted can be asked for."
    ),
    ErrorCode.REPAROLE_REQUIRES_INSIDE_US: gettext_noop(
        "A re-parole is for someone inside the United States on parole. Someone outside "
        "asks for parole with a first request."
    ),
    ErrorCode.REPAROLE_REQUIRES_HQ_GRANT: gettext_noop(
        "The request you named is not a parole of theirs that USCIS headquarters granted, "
        "that began, and that did not end in departure."
    ),
    ErrorCode.REFILING_REQUIRES_DENIAL: gettext_noop(
        "The request you named is not a denied request for the same person."
    ),
    ErrorCode.NEW_FACTS_REQUIRED: gettext_noop("Say what is new and important since the denial."),
    ErrorCode.FEE_REQUIRED: gettext_noop(
        "The filing fee must be paid, exempt for a reason in force, or asked to be waived."
    ),
    ErrorCode.WAIVER_REQUIRES_PAPER: gettext_noop(
        "A fee waiver request (Form I-912) cannot be filed online. File on paper instead."
    ),
    ErrorCode.FEE_AMOUNT_INCORRECT: gettext_noop(
        "The amount is not the filing fee in force for this way of filing on the day the "
        "request is received."
    ),
    ErrorCode.REPRESENTATIVE_G28_REQUIRED: gettext_noop(
        "A representative gives the bar number or the accreditation number of their Form G-28."
    ),
    ErrorCode.SPONSOR_REQUIRED: gettext_noop("Every person needs a sponsor who signs Form I-134."),
}


def in_words(error: FieldError) -> str:
    """A refusal as the wizard shows it: the rule, then how to put it right.

    In English the rule is the core's own message, values and all; in another language it
    is the same rule in the wizard's words, translated."""
    rule = error.message
    if not (get_language() or "en").startswith("en") and error.code in RULE_IN_WORDS:
        rule = gettext(RULE_IN_WORDS[error.code])
    how = HOW_TO_FIX.get(error.code)
    return " ".join(filter(None, [rule, gettext(how) if how else ""]))


class PageForm(forms.Form):
    """A form of the filing pages: USWDS fields, and messages that name what they are about."""

    bound_field_class = StepBoundField
    # Every message says what it is about, so the error summary shows it without the label.
    messages_name_fields: ClassVar[bool] = True

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def add_refusal(self, field: str, message: str) -> None:
        """Show why filing refused, by the field it is about, on a form shown unbound."""
        if not hasattr(self, "cleaned_data"):
            self.cleaned_data = {}  # what add_error expects of a form that was cleaned
        self.add_error(field if field in self.fields else None, message)

    def label_of(self, name: str, value: object) -> str:
        """The label a choice field shows for ``value``."""
        choices = getattr(self.fields[name], "choices", [])
        return next((str(label) for code, label in choices if code == value), str(value or ""))


class StepForm(PageForm):
    """One step's questions, and how their answers sit in the filing document.

    ``paths`` maps the document's dotted field paths to the form's fields;
    ``part`` is the document key whose other problems belong to this step.
    ``doc`` is the document as written so far: a form words or checks its
    questions by the kind of request it holds.

    A step checks no rule of its own beyond reading its answers (a date, a
    number): once they read, ``clean`` puts them in a copy of the document and
    asks the core's ``check_draft`` for the verdicts on this step's fields, the
    same readers and rules that judge a filing from the API or an import.
    """

    part: ClassVar[str]
    paths: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, today: date, doc: Document | None = None, **kwargs: Any) -> None:
        super().__init__(*args, today=today, **kwargs)
        self.doc: Document = doc or {}

    @property
    def request_kind(self) -> str:
        """The kind of request the document is for; "initial" until one is chosen."""
        return kind_of(self.doc)

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        """The form's starting values from the document as written so far."""
        raise NotImplementedError

    @classmethod
    def done(cls, doc: Document) -> bool:
        """Whether the document holds this step's answers."""
        raise NotImplementedError

    def write(self, doc: Document) -> None:
        """Put the cleaned answers into the document."""
        raise NotImplementedError

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        """(question, answer) pairs for the review page."""
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:  # the answers do not read yet: nothing to judge
            return data
        doc = copy.deepcopy(self.doc)
        doc.setdefault("kind", self.request_kind)  # as the steps ask: initial until chosen
        self.write(doc)
        owned = {path: name for name in self.fields if (path := self.path_of(name))}
        owned.update(self.paths)
        for error in check_draft(doc, fields=owned, policy=policy_on(self.today), today=self.today):
            name = owned[error.field] if error.field else None
            self.add_error(name, self.asked_for(name) if error.missing else in_words(error))
        return data

    def asked_for(self, name: str | None) -> str:
        """What the question says when it is left blank and the rules need an answer."""
        field = self.fields.get(name) if name else None
        asked = field.error_messages.get("required") if field else None
        return str(asked) if asked else gettext("Answer this question.")

    def path_of(self, name: str) -> str:
        """The document's dotted path of a field of this form."""
        return name if name == self.part else f"{self.part}.{name}"


def kind_of(doc: Document) -> str:
    """The kind of request a document is for; "initial" until one is chosen."""
    return str(doc.get("kind") or Kind.INITIAL.value)


def compact(values: dict[str, Any]) -> dict[str, Any]:
    """The answers given; blank optional answers are left out of the document."""
    return {key: value for key, value in values.items() if value not in (None, "")}


def _messages(missing: Words, limit: int | None = None) -> dict[str, Words]:
    messages: dict[str, Words] = {
        "required": missing,
        "invalid_choice": _("Choose one of the answers listed."),
    }
    if limit:
        messages["max_length"] = format_lazy(
            _("Shorten this to at most {limit} characters."), limit=f"{limit:,}"
        )
    return messages


def radios(
    label: Words, choices: list[tuple[str, Words]], *, missing: Words, **descriptions: Words
) -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages=_messages(missing)
    )
    field.descriptions = descriptions  # type: ignore[attr-defined]
    return field


class Select(forms.Select):
    """A select the site's field include leaves to Django, which it does for no input type."""

    input_type = ""


def choice(
    label: Words, choices: list[tuple[str, Words]], *, missing: Words = "", hint: Words = ""
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=bool(missing),
        help_text=hint,
        widget=Select,
        error_messages=_messages(missing),
    )


def country(
    label: Words, *, missing: Words, hint: Words = "", stateless: bool = False
) -> forms.ChoiceField:
    """A select of every country, named and sorted in the visitor's language.

    The names are django-countries' own, whose catalogs translate them; the choices
    are drawn each time the form is shown, in the language active then."""

    def listed() -> list[tuple[str, str]]:
        names = sorted(
            ((code, gettext(name)) for code, name in country_choices()), key=lambda item: item[1]
        )
        tail = [(STATELESS, gettext("Stateless (no citizenship)"))] if stateless else []
        return [("", gettext("- Select a country -")), *names, *tail]

    field = choice(label, [], missing=missing, hint=hint)
    field.choices = listed
    return field


def text(
    label: Words,
    *,
    missing: Words = "",
    limit: int = 100,
    hint: Words = "",
    required: bool | None = None,
) -> forms.CharField:
    """A line of text; optional unless ``missing`` says what to ask for when it is blank.

    ``required=False`` with a ``missing`` message: whether it is needed is the core's
    rule (it depends on other answers); the message is how the page asks for it.
    """
    return forms.CharField(
        label=label,
        required=bool(missing) if required is None else required,
        max_length=limit,
        help_text=hint,
        error_messages=_messages(missing, limit),
    )


def long_text(
    label: Words,
    *,
    missing: Words = "",
    hint: Words = "",
    limit: int = 10_000,
    required: bool | None = None,
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(missing) if required is None else required,
        max_length=limit,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_messages(missing, limit),
    )


def whole_number(text_value: str) -> int | None:
    """ "$72,000" or "72 000" as 72000; None if it is not a whole number (of at most 12
    digits, more than any amount asked for)."""
    return read_number(re.sub(r"[\s,$]", "", text_value), digits=12)
