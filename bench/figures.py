"""The benchmark's figures: the rules alone, the database, and `paroledesk import` end to end.

Imported by bench.run once Django is set up on the benchmark's own database.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from celery import Celery
from django.db import transaction
from django.utils import timezone

from bench.generate import filings, write_filings
from bench.timing import Figure, timed
from config.celery import app as project_app
from paroledesk.accounts.services import user_create
from paroledesk.core.business_days import BusinessCalendar
from paroledesk.core.codes import FilingSource
from paroledesk.core.lifecycle import Action, Context, Status, transition
from paroledesk.core.policy import Channel
from paroledesk.core.receipt_numbers import parse_receipt_number
from paroledesk.core.roles import Role
from paroledesk.intake.bulk.command import import_command
from paroledesk.intake.receipts import receipt_issue
from paroledesk.intake.services import request_file
from paroledesk.policy.selectors import policy_on
from paroledesk.policy.services import policy_load_defaults


def core_figures(cases: int) -> list[Figure]:
    calendar = BusinessCalendar()
    start = date(2020, 1, 1)
    days = [start + timedelta(days=i % 3650) for i in range(cases)]
    calendar.add(start, 1)  # warm the holiday tables outside the timing
    officer = Context(actor_role=Role.OFFICER, is_assigned_officer=True)
    return [
        timed(
            "120 business days after a date",
            cases,
            "dates",
            lambda: [calendar.add(day, 120) for day in days],
        ),
        timed(
            "business days between two dates",
            cases,
            "spans",
            lambda: [calendar.count(day, day + timedelta(days=400)) for day in days],
        ),
        timed(
            "lifecycle transition with guards",
            cases,
            "transitions",
            lambda: [transition(Status.ASSIGNED, Action.START_REVIEW, officer) for _ in days],
        ),
        timed(
            "receipt number parsed and checked",
            cases,
            "receipts",
            lambda: [parse_receipt_number("IOE2705300042") for _ in days],
        ),
    ]


def database_figures(cases: int) -> list[Figure]:
    policy_load_defaults()
    count = min(cases, 20_000)
    today = date(2026, 11, 30)

    def issue() -> None:
        for _ in range(count):
            with transaction.atomic():
                receipt_issue(channel=Channel.ONLINE, received_on=today)

    return [timed("receipt numbers issued, one transaction each", count, "receipts", issue)]


# Filed one at a time, each in its transaction, as the API and the wizard file.
FILING_CASES_MAX = 2_000
FILING_SEED = 2030


def online_filings(count: int, today: date) -> list[dict[str, Any]]:
    """Generated filings as the API takes them: online, received today, the online fee."""
    generated = filings(count, seed=FILING_SEED, today=today)
    fee = policy_on(today).filing_fee(Channel.ONLINE)
    documents = []
    for number, line in enumerate(generated.lines, start=1):
        if number in generated.invalid:
            continue
        document = json.loads(line)
        document.pop("received_on", None)
        document.pop("channel", None)
        if document["fee"]["payment"] != "exempt":
            document["fee"] = {"payment": "paid", "amount_usd": fee}
        documents.append(document)
    return documents


def filing_figures(cases: int) -> list[Figure]:
    """request_file for each filing, each its own transaction, as POST /api/v1/requests does
    (without the HTTP around it): the path of one filing through every rule and row."""
    policy_load_defaults()
    today = timezone.localdate()
    documents = online_filings(min(cases, FILING_CASES_MAX), today)
    filer, _ = user_create(username="bench-filer", role=Role.REPRESENTATIVE)

    def work() -> None:
        for document in documents:
            request_file(raw=document, filed_by=filer, source=FilingSource.API, today=today)

    return [
        timed("requests filed one at a time (the API's path)", len(documents), "requests", work)
    ]


# Enough for a steady figure; more only adds minutes (--cases 1000000 runs the rest).
IMPORT_CASES_MAX = 50_000
IMPORT_SEED = 2026


def import_figures(cases: int) -> list[Figure]:
    """`paroledesk import` end to end: a generated JSON Lines file in, a results file out.

    Twice: with each receipt notice delivered in this process when its batch
    commits (the embedded default, without a broker), and with the deliveries
    queued for workers instead (as with CELERY_BROKER_URL set).
    """
    policy_load_defaults()
    count = min(cases, IMPORT_CASES_MAX)
    in_process = _timed_import("requests imported, notices delivered in-process", count, 0)
    with _delivery_queued():
        queued = _timed_import("requests imported, notice delivery queued", count, 1)
    return [in_process, queued]


@contextmanager
def _delivery_queued() -> Iterator[None]:
    """Queue notice deliveries as a site with a broker does, on a broker in memory.

    A Celery app of its own, made current for the run, so that no message can
    reach a real broker: publishing costs what it costs, and the messages stay
    in this process, unread, and vanish with it.
    """
    queued = Celery("paroledesk-bench", set_as_current=False)
    queued.config_from_object("django.conf:settings", namespace="CELERY")
    queued.conf.update(broker_url="memory://localhost/", task_always_eager=False)
    queued.set_current()
    try:
        yield
    finally:
        project_app.set_current()
        queued.close()


def _timed_import(name: str, count: int, run: int) -> Figure:
    with tempfile.TemporaryDirectory(prefix="paroledesk-bench-import-") as folder:
        source, results = Path(folder) / "filings.jsonl", Path(folder) / "results.jsonl"
        # Each run files other people: a file imported again would file nothing.
        generated = write_filings(source, count, seed=IMPORT_SEED + run, today=timezone.localdate())
        errors = io.StringIO()

        def work() -> int:
            return import_command(
                path=str(source),
                results=str(results),
                username=None,
                stdout=io.StringIO(),
                stderr=errors,
            )

        figure = timed(name, count, "requests", work)
        refused = {
            answer["line"]
            for answer in map(json.loads, results.read_text(encoding="utf-8").splitlines())
            if "errors" in answer
        }
    # A figure for an import that went wrong would be no figure at all.
    if refused != generated.invalid:
        raise RuntimeError(
            f"The import refused lines {sorted(refused ^ generated.invalid)[:10]} contrary to "
            f"what the generator made them. {errors.getvalue()}"
        )
    return figure
