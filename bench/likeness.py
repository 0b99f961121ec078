"""How often the likeness key takes two different people for one: a figure of the benchmark.

A filing is flagged as a possible duplicate of an open request whose person has
the same likeness key (core.names.likeness_key) and birth date. Two different
people who share both are a false match: an officer looks at a pair for
nothing. Here people are different when their name keys differ (core.names.name_key)
or their birth dates do; the generator never makes two such people the same
(bench.generate), so a person filed twice counts once and is no false match.

The count of pairs grows with the square of the number of people (each new person
can match any earlier one), so a rate per 10,000 people is comparable only for
the same number of people: the benchmark always draws PEOPLE of them.
docs/benchmarks.md gives the figures and what the generator's names can tell.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bench.generate import people
from paroledesk.core.names import likeness_key, name_key

PEOPLE = 50_000
SEED = 2026  # the import benchmark's (bench.figures.IMPORT_SEED)

Name = tuple[str, str]  # (family, given)


@dataclass(frozen=True)
class FalseMatches:
    people: int
    pairs: int  # pairs of different people with the same likeness key and birth date
    examples: tuple[tuple[Name, ...], ...]  # the names of some groups of such people

    @property
    def per_10_000(self) -> float:
        return self.pairs * 10_000 / self.people if self.people else 0.0


def false_matches(persons: Iterable[Mapping[str, Any]], *, examples: int = 5) -> FalseMatches:
    """The pairs of different people among ``persons`` (beneficiaries as a filing gives
    them) whom the likeness key and birth date take for one."""
    distinct: dict[tuple[str, str], Name] = {}
    for person in persons:
        family, given = person["family_name"], person["given_name"]
        identity = (name_key(family, given), str(person["date_of_birth"]))
        distinct.setdefault(identity, (family, given))  # as first written
    alike: defaultdict[tuple[str, str], list[Name]] = defaultdict(list)
    for (_, born), names in distinct.items():
        alike[(likeness_key(*names), born)].append(names)
    groups = [names for names in alike.values() if len(names) > 1]
    return FalseMatches(
        people=len(distinct),
        pairs=sum(len(names) * (len(names) - 1) // 2 for names in groups),
        examples=tuple(tuple(sorted(names)) for names in groups[:examples]),
    )


def generated_false_matches(count: int = PEOPLE, *, seed: int = SEED) -> FalseMatches:
    """False matches among ``count`` people drawn as the import benchmark draws them."""
    return false_matches(people(count, seed=seed))
