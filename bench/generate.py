"""Synthetic filing documents for the import benchmark: varied, valid, and the same for a seed.

2 % of lines are made invalid on purpose and about 3 % file again for a
person an earlier line filed for (the possible_duplicate warning), so the
benchmark times the import with the work real files bring. Fees come from the
published policy (core.policy.DEFAULT_ENTRIES) in force on each received date,
which is what the benchmark's database loads.
"""

from __future__ import annotations

import json
import random
import string
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from paroledesk.core.names import name_key
from paroledesk.core.policy import DEFAULT_ENTRIES, Channel, Policy

# One line in 50 is spoiled (2 %), at fixed places so that even 50 lines have one.
INVALID_EVERY = 50
DUPLICATE_SHARE = 0.03

FAMILY = (
    "Haidari", "Núñez", "Kovalenko", "Øvergaard", "Nguyễn", "O'Brien", "Abdi", "Rahimi",
    "Petrenko", "García", "Mendoza", "Tesfaye", "Hussaini", "Popescu", "Kowalczyk", "Mensah",
    "Osei", "Dubois", "Sahak", "Yusuf", "Haddad", "Ivanova", "Castillo", "Herrera", "Akhtar",
    "Baptiste", "Łukasik", "Jean-Pierre", "Al-Masri", "Zelenska",
)  # fmt: skip
GIVEN = (
    "Farid", "José", "Olena", "Amina", "Thi Mai", "Seán", "Hodan", "Zahra", "Mykola", "Lucía",
    "Diego", "Selam", "Ahmad", "Ioana", "Zofia", "Kwame", "Ama", "Élodie", "Nazir", "Fatima",
    "Rami", "Anastasia", "María José", "Luis", "Sana", "Wislande", "Paweł", "Marc-Antoine",
    "Layla", "Taras",
)  # fmt: skip
# (country of birth and citizenship, country the person is in now)
PLACES = (
    ("AF", "PK"), ("UA", "PL"), ("SY", "TR"), ("VE", "CO"), ("HT", "DO"), ("SD", "EG"),
    ("SO", "KE"), ("ER", "ET"), ("MM", "TH"), ("CU", "MX"), ("NI", "CR"), ("IR", "AM"),
)  # fmt: skip
REASONS = (
    ("urgent_humanitarian", "medical", "needs surgery that no hospital where they are can do"),
    ("urgent_humanitarian", "family_emergency", "must care for a parent who is dying"),
    ("urgent_humanitarian", "protection", "is in hiding after threats against the family"),
    ("significant_public_benefit", "public_benefit", "is to testify in a federal trial"),
    ("urgent_humanitarian", "other", "lost their home and documents in an earthquake"),
)
RELATIONS = ("sister", "brother", "mother", "father", "daughter", "son", "cousin", "spouse")
ORGANIZATIONS = ("Refugee Aid Network", "Hope Across Borders", "Lutheran Family Services")


@dataclass
class Generated:
    """The lines written, and which of them (counted from 1) the import must treat specially."""

    lines: list[str] = field(default_factory=list)
    invalid: set[int] = field(default_factory=set)  # to be refused
    duplicates: set[int] = field(default_factory=set)  # to be filed with possible_duplicate


def filings(count: int, *, seed: int, today: date) -> Generated:
    """``count`` filing lines received in the year up to ``today``; the same for the same seed."""
    rng = random.Random(seed)
    policy = Policy(DEFAULT_ENTRIES)
    out = Generated()
    people: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for number in range(1, count + 1):
        received = today - timedelta(days=rng.randrange(365))
        if people and rng.random() < DUPLICATE_SHARE:
            person = dict(rng.choice(people))
            out.duplicates.add(number)
        else:
            person = _person(rng)
            # Chance namesakes born the same day would be duplicates nobody asked for.
            while (identity := _identity(person)) in seen:
                person = _person(rng)
            seen.add(identity)
        document = _document(rng, person, received, policy)
        if number % INVALID_EVERY == INVALID_EVERY // 2 and number not in out.duplicates:
            out.lines.append(_spoiled(rng, document, today))
            out.invalid.add(number)
            continue
        people.append(person)
        out.lines.append(json.dumps(document, ensure_ascii=False))
    return out


def people(count: int, *, seed: int) -> list[dict[str, Any]]:
    """``count`` different people (by name and birth date), drawn as filings() draws the
    person of each new filing, without the rest of the filing: the same for a seed, and
    quick enough to draw tens of thousands (bench.likeness). Not the people of
    filings() for the same seed, which draws other things in between."""
    rng = random.Random(seed)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    while len(found) < count:
        person = _person(rng)
        found.setdefault(_identity(person), person)
    return list(found.values())


def write_filings(path: Path, count: int, *, seed: int, today: date) -> Generated:
    generated = filings(count, seed=seed, today=today)
    path.write_text("".join(line + "\n" for line in generated.lines), encoding="utf-8")
    return generated


def _identity(person: dict[str, Any]) -> tuple[str, str]:
    return name_key(person["family_name"], person["given_name"]), person["date_of_birth"]


def _person(rng: random.Random) -> dict[str, Any]:
    born, now = rng.choice(PLACES)
    person: dict[str, Any] = {
        "family_name": rng.choice(FAMILY),
        "given_name": rng.choice(GIVEN),
        "date_of_birth": (date(1940, 1, 1) + timedelta(days=rng.randrange(80 * 365))).isoformat(),
        "country_of_birth": born,
        "country_of_citizenship": born,
        "location": "outside_us",
        "current_country": now,
    }
    if rng.random() < 0.8:
        letters = string.ascii_uppercase + string.digits
        person["passport_number"] = "".join(rng.choice(letters) for _ in range(9))
    return person


def _requestor(rng: random.Random, person: dict[str, Any]) -> dict[str, Any]:
    role = rng.choices(
        ("self", "relative", "representative", "organization", "other"), (2, 5, 2, 1, 1)
    )[0]
    if role == "self":
        return {
            "role": role,
            "family_name": person["family_name"],
            "given_name": person["given_name"],
        }
    if role == "organization":
        return {"role": role, "organization_name": rng.choice(ORGANIZATIONS)}
    filer = {"role": role, "family_name": rng.choice(FAMILY), "given_name": rng.choice(GIVEN)}
    if role == "relative":
        filer["relationship"] = rng.choice(RELATIONS)
    if role == "representative":
        g28 = "bar_number" if rng.random() < 0.7 else "accreditation_number"
        filer[g28] = f"{rng.randrange(10**6, 10**7)}"
    filer["email"] = f"filer{rng.randrange(10**6)}@example.org"
    return filer


def _fee(rng: random.Random, channel: Channel, received: date, policy: Policy) -> dict[str, Any]:
    in_force = policy.in_force(received)
    draw = rng.random()
    exemptions = in_force.exemptions() if draw < 0.05 and received >= date(2024, 4, 1) else []
    if exemptions:
        return {"payment": "exempt", "exemption": rng.choice(exemptions)[0]}
    if draw < 0.15 and channel is Channel.PAPER:
        return {"payment": "waiver_requested"}
    return {"payment": "paid", "amount_usd": in_force.filing_fee(channel)}


def _document(
    rng: random.Random, person: dict[str, Any], received: date, policy: Policy
) -> dict[str, Any]:
    channel = Channel.ONLINE if rng.random() < 0.3 else Channel.PAPER
    basis, category, need = rng.choice(REASONS)
    document: dict[str, Any] = {
        "kind": "initial",
        "received_on": received.isoformat(),
        "requestor": _requestor(rng, person),
        "beneficiary": person,
        "reason": {
            "basis": basis,
            "category": category,
            "statement": f"{person['given_name']} {need}.",
            "why_no_visa": "No consulate can schedule a visa interview in time.",
        },
        "requested_days": rng.choice((30, 90, 180, 365)) if rng.random() < 0.95 else 540,
        "sponsor": {
            "family_name": rng.choice(FAMILY),
            "given_name": rng.choice(GIVEN),
            "status": rng.choice(("citizen", "permanent_resident", "other_lawful")),
            "annual_income_usd": rng.randrange(25_000, 150_000),
            "household_size": rng.randrange(1, 7),
        },
        "fee": _fee(rng, channel, received, policy),
    }
    if channel is Channel.ONLINE or rng.random() < 0.5:  # paper is the import's default
        document["channel"] = channel.value
    if rng.random() < 0.05:
        document["expedite"] = {"reason": "The surgery is scheduled within three weeks."}
    return document


def _spoiled(rng: random.Random, document: dict[str, Any], today: date) -> str:
    """The document made unacceptable in one of the ways real files are."""
    way = rng.randrange(5)
    if way == 0:  # cut off mid-line
        text = json.dumps(document, ensure_ascii=False)
        return text[: len(text) // 2]
    if way == 1:
        document["fee"] = {"payment": "paid", "amount_usd": 535}
    elif way == 2:
        del document["sponsor"]
    elif way == 3:
        document["received_on"] = (today + timedelta(days=rng.randrange(1, 30))).isoformat()
    else:
        document["beneficiary"] = {**document["beneficiary"], "location": "inside_us"}
    return json.dumps(document, ensure_ascii=False)
