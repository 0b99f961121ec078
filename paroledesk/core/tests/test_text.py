import json

import pytest

from paroledesk.core.json_text import DEPTH_MAX, JsonUnreadable, fingerprint, json_read
from paroledesk.core.text import UnsafeText, clean_text, shown, whole_number

HIDDEN = {
    "right-to-left override": "Far\u202eida",
    "first-strong isolate": "Far\u2068ida",
    "zero-width space": "Far\u200bida",
    "zero-width joiner": "Far\u200dida",
    "byte-order mark": "\ufeffFarida",
    "NUL": "Far\x00ida",
    "ESC": "Far\x1b[31mida",
    "newline": "Farida\nHaidari",
    "line separator": "Farida\u2028Haidari",
    "lone surrogate": "Far\ud800ida",
    "private use": "Far\ue000ida",
}


@pytest.mark.parametrize("text", HIDDEN.values(), ids=HIDDEN.keys())
def test_hidden_and_control_characters_are_refused_in_a_line_of_text(text):
    with pytest.raises(UnsafeText) as refused:
        clean_text(text)
    assert "U+" in refused.value.about("The family name")


def test_text_is_written_in_nfkc():
    assert clean_text("Ｆａｒｉｄａ") == "Farida"
    assert clean_text("\ufb01rst") == "first"


def test_paragraphs_keep_line_breaks_tabs_and_the_joiners_persian_needs():
    assert clean_text("One.\r\nTwo.\rThree.\u2029\tFour", paragraphs=True) == (
        "One.\nTwo.\nThree.\n\tFour"
    )
    assert clean_text("می\u200cخواهم", paragraphs=True) == "می\u200cخواهم"
    with pytest.raises(UnsafeText):
        clean_text("One.\n\u202eTwo.", paragraphs=True)


def test_text_repeated_in_an_answer_is_cut_and_shows_its_hidden_characters():
    assert shown("a" * 5000) == "a" * 60 + "..."
    assert shown("x\ud800\u202ey") == "xU+D800U+202Ey"


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1988", 1988), ("①⑨⑥⑥", 1966), ("²⁰⁰⁰", 2000), ("１９８８", 1988), ("١٩٨٨", 1988)],
)
def test_digits_of_any_script_are_read_as_the_number_they_show(typed, number):
    assert whole_number(typed, digits=4) == number


@pytest.mark.parametrize("typed", ["1" * 5000, "19\u200b88", "½", "-3", "12a"])
def test_anything_but_a_few_digits_is_no_number(typed):
    assert whole_number(typed, digits=4) is None


def test_json_nested_deeper_than_any_document_is_refused_before_it_is_parsed():
    with pytest.raises(JsonUnreadable, match=f"nested more than {DEPTH_MAX}"):
        json_read("[" * 1000 + "]" * 1000)
    with pytest.raises(JsonUnreadable, match="nested"):
        json_read('{"a":' * 100_000 + "1" + "}" * 100_000)
    # Brackets inside strings do not count.
    assert json_read(json.dumps(["[" * 40])) == ["[" * 40]


@pytest.mark.parametrize(
    ("text", "says"),
    [("NaN", "NaN is not a JSON value"), ("1" * 5000, "too long"), ('{"a": }', "column 7")],
)
def test_what_json_cannot_hold_is_refused_with_a_reason(text, says):
    with pytest.raises(JsonUnreadable, match=says):
        json_read(text)


def test_the_same_document_written_another_way_has_the_same_fingerprint():
    one = json_read('{"a": 1, "b": ["é", "\\ud800"]}')
    other = json_read('{\n  "b" : ["\\u00e9", "\\ud800"],\n  "a" : 1\n}')
    assert fingerprint(one) == fingerprint(other)
    assert fingerprint(one) != fingerprint(json_read('{"a": 2, "b": ["é", "\\ud800"]}'))
