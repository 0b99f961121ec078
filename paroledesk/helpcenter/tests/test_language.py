from __future__ import annotations

from paroledesk.helpcenter.glossary import brought
from paroledesk.helpcenter.language import stems, terms, trigrams, words


def test_accents_and_capitals_are_dropped():
    assert words("Mi MAMÁ está enferma") == ["mama", "enferma"]


def test_every_spelling_of_the_country_is_one_word():
    for country in ("U.S.", "the U.S.A.", "USA", "United States", "EE.UU.", "Estados Unidos"):
        assert words(f"in {country}") == ["usa"], country


def test_every_spelling_of_a_form_number_is_one_word():
    assert words("I-131, I 131, i131, G-28 and AR-11") == ["i131"] * 3 + ["g28", "ar11"]


def test_the_pronoun_us_is_not_the_country():
    assert "usa" not in words("can you help us")


def test_a_word_has_its_english_and_its_spanish_stem():
    assert "attorney" in stems("attorneys")
    assert set(stems("enferma")) & set(stems("enfermo")) == {"enferm"}
    assert terms(["deported"]) == terms(["deport"])


def test_three_letter_pieces_mark_where_a_word_starts_and_ends():
    assert trigrams(["visa"]) == ["_vi", "vis", "isa", "sa_"]


def test_a_spanish_word_brings_its_english_words_at_a_lower_weight():
    assert brought(["abogado"], "abogado") == ["attorney", "lawyer"]


def test_a_two_word_key_is_found_even_when_one_word_is_a_stop_word():
    assert "undocumented" in brought(words("sin papeles"), "Sin papeles")
