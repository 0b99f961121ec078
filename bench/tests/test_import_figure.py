"""The import benchmark measures a real import of realistic lines (correctness, not speed)."""

import json
from datetime import date

import pytest

from bench.figures import IMPORT_SEED, import_figures
from bench.generate import filings
from paroledesk.audit.models import Event
from paroledesk.cases.models import ParoleRequest

MONDAY = date(2026, 11, 30)


def test_the_generator_gives_the_same_lines_for_the_same_seed_and_others_for_another():
    first = filings(200, seed=1, today=MONDAY)
    assert filings(200, seed=1, today=MONDAY) == first
    assert filings(200, seed=2, today=MONDAY).lines != first.lines
    assert first.duplicates
    assert first.invalid
    assert not first.invalid & first.duplicates


def test_valid_lines_vary_and_were_received_within_the_past_year():
    generated = filings(300, seed=IMPORT_SEED, today=MONDAY)
    documents = [
        json.loads(line)
        for number, line in enumerate(generated.lines, start=1)
        if number not in generated.invalid
    ]
    received = {date.fromisoformat(document["received_on"]) for document in documents}
    assert date(2025, 12, 1) <= min(received) < max(received) <= MONDAY
    assert {document.get("channel", "paper") for document in documents} == {"paper", "online"}
    assert {document["fee"]["payment"] for document in documents} == {
        "paid",
        "exempt",
        "waiver_requested",
    }
    assert len({document["requestor"]["role"] for document in documents}) == 5


@pytest.mark.django_db
def test_the_import_figures_file_the_valid_lines_and_refuse_the_spoiled_ones(time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)
    figures = import_figures(50)
    assert [(figure.count, figure.unit) for figure in figures] == [(50, "requests")] * 2
    assert all(figure.seconds > 0 for figure in figures)
    # The two runs file different people, each with line 25 spoiled.
    runs = [filings(50, seed=IMPORT_SEED + run, today=MONDAY) for run in (0, 1)]
    assert [generated.invalid for generated in runs] == [{25}, {25}]
    assert ParoleRequest.objects.count() == 2 * 49
    warned = [event.data["warnings"] for event in Event.objects.filter(action="file")]
    assert len(warned) == 2 * 49
    duplicates = sum(len(generated.duplicates) for generated in runs)
    assert sum("possible_duplicate" in codes for codes in warned) == duplicates
