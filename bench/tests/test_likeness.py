"""How often the likeness key takes two different generated people for one (docs/benchmarks.md)."""

import json
from datetime import date

from bench import likeness
from bench.generate import filings, people
from bench.likeness import false_matches, generated_false_matches

# Measured 2026-11-30 on 50,000 people: 4 pairs (0.8 per 10,000) with the benchmark's
# seed, 2 and 3 with the next two; all of them Sana and Seán (both "SN") with one family
# name and birth date. Each more pair of the generator's names that the key merged would
# add about 3 pairs, so a key that merges a few more fails here.
BOUND_PER_10_000 = 2.0


def test_the_likeness_key_rarely_takes_two_generated_people_for_one():
    found = generated_false_matches()
    assert found.people == likeness.PEOPLE
    assert found.per_10_000 < BOUND_PER_10_000, found.examples


def test_a_coarser_key_would_fail_the_bound(monkeypatch):
    # A key that heard only the family name: the bound must catch a regression like it.
    monkeypatch.setattr(likeness, "likeness_key", lambda family, given: family[:3].lower())
    assert generated_false_matches(20_000).per_10_000 > 10 * BOUND_PER_10_000


def test_different_people_who_sound_alike_and_share_a_birth_date_are_a_false_match():
    born = date(1990, 5, 17)
    found = false_matches(
        [
            {"family_name": "Osei", "given_name": "Seán", "date_of_birth": born},
            {"family_name": "Osei", "given_name": "Sana", "date_of_birth": born},
            {"family_name": "OSEI", "given_name": "Sean", "date_of_birth": born},  # the first
            {"family_name": "Osei", "given_name": "Sana", "date_of_birth": date(1990, 5, 18)},
            {"family_name": "Osei", "given_name": "Ama", "date_of_birth": born},
        ]
    )
    assert (found.people, found.pairs) == (4, 1)
    assert found.examples == ((("Osei", "Sana"), ("Osei", "Seán")),)


def test_a_person_filed_twice_is_one_person_not_a_false_match():
    generated = filings(2_000, seed=likeness.SEED, today=date(2026, 11, 30))
    assert generated.duplicates
    persons = [
        json.loads(line)["beneficiary"]
        for number, line in enumerate(generated.lines, start=1)
        if number not in generated.invalid  # some are not JSON at all
    ]
    found = false_matches(persons)
    # Every second filing names a person filed before; none of them is a false match.
    assert found.people == len(persons) - len(generated.duplicates)
    assert found.pairs == 0


def test_people_are_different_and_the_same_for_a_seed():
    drawn = people(1_000, seed=1)
    assert drawn == people(1_000, seed=1)
    assert len({(p["family_name"], p["given_name"], p["date_of_birth"]) for p in drawn}) == 1_000
