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
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

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


def main(*, cases: int, as_json: bool) -> int:
    if cases < 1:
        print("--cases must be at least 1", file=sys.stderr)
        return 2
    with bench_database() as where:
        figures = core_figures(cases) + database_figures(cases)
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
