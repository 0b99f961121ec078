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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

import django
from django.core.management import call_command
from django.db import connection

import config.celery  # noqa: F401 - the project's Celery app, before any job is queued
from bench.likeness import generated_false_matches


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
        django.setup()
        if connection.vendor == "sqlite":
            call_command("migrate", interactive=False, verbosity=0)
            yield f"SQLite file in {folder}"
            return
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            yield f"PostgreSQL database {connection.settings_dict['NAME']} (dropped afterwards)"
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def main(*, cases: int, as_json: bool, pages: bool = False) -> int:
    if cases < 1:
        print("--cases must be at least 1", file=sys.stderr)
        return 2
    page_rows: list[Any] = []
    with bench_database() as where:
        # Models can be imported only once Django is set up: the imports made late.
        from bench import figures as measure  # noqa: PLC0415
        from bench.pages import page_figures  # noqa: PLC0415
        from paroledesk.cases.models import ParoleRequest  # noqa: PLC0415

        figures = (
            measure.core_figures(cases)
            + measure.database_figures(cases)
            + measure.filing_figures(cases)
            + measure.import_figures(cases)
        )
        requests = ParoleRequest.objects.count()
        if pages:
            page_rows = page_figures()
    # Not a speed: how often possible duplicates flag two different people (about a second).
    matches = generated_false_matches()
    if as_json:
        print(
            json.dumps(
                {
                    "database": where,
                    "cases": cases,
                    "requests_in_database": requests,
                    "figures": [asdict(f) | {"per_second": round(f.per_second)} for f in figures],
                    "pages": [
                        asdict(p) | {"per_second": round(p.per_second, 1)} for p in page_rows
                    ],
                    "likeness_false_matches": asdict(matches)
                    | {"per_10_000": round(matches.per_10_000, 2)},
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
    print(
        f"  {'possible-duplicate false matches':<48} {matches.per_10_000:>12.2f} per 10,000 people"
        f"  ({matches.pairs} pairs of different people among {matches.people:,} generated)"
    )
    if page_rows:
        print(f"\nPages through the real server, {requests:,} requests, 4 clients at once:")
        print(f"  {'page':<48} {'p50 ms':>8} {'p95 ms':>8} {'pages/s':>9}")
        for row in page_rows:
            print(f"  {row.name:<48} {row.p50_ms:>8.1f} {row.p95_ms:>8.1f} {row.per_second:>9.1f}")
    return 0
