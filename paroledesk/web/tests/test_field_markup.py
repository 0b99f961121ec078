"""One field in USWDS markup: inputs drawn by us, choices left to Django's own markup."""

from django import forms
from django.template.loader import render_to_string


class Sample(forms.Form):
    name = forms.CharField(max_length=20)
    agree = forms.BooleanField(required=False)
    officer = forms.ChoiceField(
        choices=[("olivia", "olivia"), ("oscar", "oscar")],
        widget=forms.Select(attrs={"class": "usa-select"}),
    )
    outcome = forms.ChoiceField(choices=[("a", "Approve"), ("d", "Deny")], widget=forms.RadioSelect)
    reasons = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )


def drawn(name: str) -> str:
    return render_to_string("includes/field.html", {"field": Sample()[name]})


def test_a_select_is_a_select_not_an_input_of_a_type_browsers_do_not_know():
    html = drawn("officer")
    assert '<select name="officer"' in html
    assert 'type="select"' not in html
    assert '<option value="oscar">' in html


def test_radios_and_checkbox_lists_keep_every_choice():
    assert html_count(drawn("outcome"), 'type="radio"') == 2
    assert html_count(drawn("reasons"), 'type="checkbox"') == 2


def test_text_and_a_lone_checkbox_are_drawn_in_uswds_markup():
    assert 'class="usa-input"' in drawn("name")
    assert 'maxlength="20"' in drawn("name")
    assert 'class="usa-checkbox__input"' in drawn("agree")


def html_count(html: str, part: str) -> int:
    return html.count(part)
