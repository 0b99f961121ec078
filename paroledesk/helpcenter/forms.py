from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from paroledesk.helpcenter.selectors import QUESTION_MAX, QuestionInvalid, question_clean


class HelpSearchForm(forms.Form):
    # One more than allowed, so that a question too long is told so instead of cut by the
    # browser; emptiness and trimming are question_clean's, the one rule for every door.
    q = forms.CharField(
        required=False,
        strip=False,
        label=_("Your question"),
        help_text=_("In English or Spanish, in your own words."),
        widget=forms.TextInput(attrs={"type": "search", "maxlength": QUESTION_MAX + 1}),
    )

    def clean_q(self) -> str:
        try:
            return question_clean(self.cleaned_data.get("q"))
        except QuestionInvalid as invalid:
            raise forms.ValidationError(str(invalid)) from None
