"""The benchmark suite: `paroledesk bench --cases N [--json]`.

It never touches your data: on SQLite it works in a throwaway database file
in a temporary folder; with DATABASE_URL it creates and drops a separate
test database on that server. Figures and how to read them: docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Figure:
    name: str
    count: int
    seconds: float
    unit: str

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else float("inf")


def timed(name: str, count: int, unit: str, work: Callable[[], object]) -> Figure:
    started = time.perf_counter()
    work()
    return Figure(name, count, time.perf_counter() - started, unit)


@contextmanager
def bench_database() -> Iterator[str]:
    """Set up Django on a database of the benchmark's own, and drop it afterwards."""
    with tempfile.TemporaryDirectory(prefix="paroledesk-bench-") as folder:
        if not os.environ.get("DATABASE_URL"):
            os.environ["PAROLEDESK_VAR_DIR"] = folder
        # It sends no mail and hands no job to a real broker: the receipt notices of
        # the import figures are delivered in-process, or queued in memory, to nobody.
        os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
        os.environ["CELERY_BROKER_URL"] = ""
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        from paroledesk.cli import load_celery_app

        load_celery_app()
        django.setup()
        from django.db import connection

        if connection.vendor == "sqlite":
            from django.core.management import call_command

            call_command("migrate", interactive=False, verbosity=0)
            yield f"SQLite file in {folder}"
            return
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            yield f"PostgreSQL database {connection.settings_dict['NAME']} (dropped afterwards)"
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def core_figures(cases: int) -> list[Figure]:
    from paroledesk.core.business_days import BusinessCalendar
    from paroledesk.core.lifecycle import Action, Context, Status, transition
    from paroledesk.core.receipt_numbers import parse_receipt_number
    from paroledesk.core.roles import Role

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
    from django.db import transaction

    from paroledesk.core.policy import Channel
    from paroledesk.intake.receipts import receipt_issue
    from paroledesk.policy.services import policy_load_defaults

    policy_load_defaults()
    count = min(cases, 20_000)
    today = date(2026, 11, 30)

    def issue() -> None:
        for _ in range(count):
            with transaction.atomic():
                receipt_issue(channel=Channel.ONLINE, received_on=today)

    return [timed("receipt numbers issued, one transaction each", count, "receipts", issue)]


# Enough for a steady figure; more only adds minutes (--cases 1000000 runs the rest).
IMPORT_CASES_MAX = 50_000
IMPORT_SEED = 2026


def import_figures(cases: int) -> list[Figure]:
    """`paroledesk import` end to end: a generated JSON Lines file in, a results file out.

    Twice: with each receipt notice delivered in this process when its batch
    commits (the embedded default, without a broker), and with the deliveries
    queued for workers instead (as with CELERY_BROKER_URL set).
    """
    from paroledesk.policy.services import policy_load_defaults

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
    from celery import Celery

    from config.celery import app as project_app

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
    import io
    from pathlib import Path

    from django.utils import timezone

    from bench.generate import write_filings
    from paroledesk.intake.bulk_cli import import_command

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


def main(*, cases: int, as_json: bool) -> int:
    if cases < 1:
        print("--cases must be at least 1", file=sys.stderr)
        return 2
    with bench_database() as where:
        figures = core_figures(cases) + database_figures(cases) + import_figures(cases)
    if as_json:
        print(
            json.dumps(
                {
                    "database": where,
                    "cases": cases,
                    "figures": [asdict(f) | {"per_second": round(f.per_second)} for f in figures],
                },
                indent=2,
            )
        )
        return 0
    print(f"Parole Desk benchmarks, {cases} cases, {where}")
    for figure in figures:
        print(
            f"  {figure.name:<48} {figure.per_second:>12,.0f} {figure.unit}/s"
            f"  ({figure.count} in {figure.seconds:.2f} s)"
        )
    return 0
