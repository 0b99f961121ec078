"""How a work list is asked for, read once for the page and the API alike.

``GET /work/?view=...`` and ``GET /api/v1/queue?view=...`` take the same
parameters with the same meaning; this form is where they are read. The API
refuses a bad value (422, naming the field); the page shows the list with that
value at its default and says which field it put back, so a hand-edited
address never ends in an error page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from paroledesk.adjudication.selectors import QueueFilter, QueueView
from paroledesk.core.filing_rules import Category

PAGE_SIZE, PAGE_SIZE_MAX = 25, 100
PAGE_MAX = 1_000_000
# Yes and no as a query string writes them; anything else is refused, not read as "any".
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})

VIEW_LABELS = {
    QueueView.UNASSIGNED: "Unassigned",
    QueueView.MINE: "Mine",
    QueueView.RFE: "Evidence requested",
    QueueView.OVERDUE: "Overdue",
    QueueView.DECIDED: "Decided",
}
CATEGORY_LABELS = {
    Category.MEDICAL: "Medical",
    Category.FAMILY_EMERGENCY: "Family emergency",
    Category.PROTECTION: "Protection",
    Category.PUBLIC_BENEFIT: "Public benefit",
    Category.OTHER: "Other",
}


class YesNoAnyField(forms.Field):
    """True, False, or None for "either"; an unknown word is an error, not "either"."""

    def __init__(self, *, label: str, **kwargs: Any) -> None:
        super().__init__(label=label, required=False, **kwargs)
        self.error_messages["invalid"] = f"{label}: choose yes, no or any."

    def to_python(self, value: Any) -> bool | None:
        word = str(value).strip().lower() if value is not None else ""
        if word in {"", "any"}:
            return None
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


def _bounded(label: str, most: int) -> forms.IntegerField:
    """A whole number from 1 to ``most``, left out for its default; each message names it."""
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=most,
        error_messages={
            "invalid": f"{label}: give a whole number.",
            "min_value": f"{label}: give 1 or more.",
            "max_value": f"{label}: give at most {most:,}.",
        },
    )


class QueueQueryForm(forms.Form):
    """The parameters of a work list. ``sizes`` narrows the page sizes (the page offers two)."""

    view = forms.ChoiceField(
        label="List",
        choices=[(view.value, VIEW_LABELS[view]) for view in QueueView],
        error_messages={
            "required": "List: choose one of " + ", ".join(QueueView) + ".",
            "invalid_choice": "List: choose one of " + ", ".join(QueueView) + ".",
        },
    )
    category = forms.ChoiceField(
        label="Category",
        required=False,
        choices=[("", "Any category"), *((c.value, CATEGORY_LABELS[c]) for c in Category)],
        error_messages={"invalid_choice": "Category: choose one of the categories listed."},
    )
    expedite = YesNoAnyField(label="Expedite asked for")
    possible_duplicate = YesNoAnyField(label="Possible duplicate")
    urgent_first = YesNoAnyField(label="Expedited and medical first")
    page = _bounded("Page", PAGE_MAX)
    page_size = _bounded("Requests a page", PAGE_SIZE_MAX)

    def __init__(self, *args: Any, sizes: tuple[int, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sizes = sizes

    def clean_page_size(self) -> int | None:
        size: int | None = self.cleaned_data.get("page_size")
        if size is not None and self.sizes and size not in self.sizes:
            shown = " or ".join(str(choice) for choice in self.sizes)
            raise forms.ValidationError(f"Requests a page: choose {shown}.", code="invalid")
        return size


@dataclass(frozen=True)
class QueueQuery:
    view: QueueView
    filters: QueueFilter
    page: int
    page_size: int


def queue_query(form: QueueQueryForm, *, view: QueueView = QueueView.MINE) -> QueueQuery:
    """What a checked form asks for; a field with an error (or left out) takes its default."""
    form.is_valid()
    got = form.cleaned_data
    category = got.get("category")
    return QueueQuery(
        view=QueueView(got["view"]) if got.get("view") else view,
        filters=QueueFilter(
            category=Category(category) if category else None,
            expedited=got.get("expedite"),
            possible_duplicate=got.get("possible_duplicate"),
            urgent_first=bool(got.get("urgent_first")),
        ),
        page=got.get("page") or 1,
        page_size=got.get("page_size") or (form.sizes[0] if form.sizes else PAGE_SIZE),
    )
