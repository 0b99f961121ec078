"""Rows gathered from one or many filings and inserted with one statement per table."""

from __future__ import annotations

from typing import cast

from django.db import models


class FilingRows:
    """The rows filings write, built first and then inserted together.

    request_file gathers one filing's rows; a bulk import gathers a few hundred
    filings' rows per transaction and inserts them with one statement per table,
    which is most of what makes it fast (docs/benchmarks.md). Tables are inserted
    in the order their first row was added, so a request goes in before the rows
    that point to it; bulk_create sets each request's id on SQLite and PostgreSQL,
    and the rows built around it pick it up. Rows go in through bulk_create: field
    logic (defaults, auto dates, encrypted fields) applies, but no save() method
    or signal runs, so these models must keep none.
    """

    def __init__(self) -> None:
        self._tables: dict[type[models.Model], list[models.Model]] = {}

    def add(self, *rows: models.Model) -> None:
        for row in rows:
            self._tables.setdefault(type(row), []).append(row)

    def absorb(self, other: FilingRows) -> None:
        """Take over the rows ``other`` gathered (a batch takes each line's once it is written)."""
        for rows in other._tables.values():
            self.add(*rows)
        other._tables.clear()

    def insert(self) -> None:
        """Save every row gathered; call inside the transaction that issued their receipts."""
        from paroledesk.notices.models import Notice
        from paroledesk.notices.services import notices_deliver_after_commit

        for model, rows in self._tables.items():
            model._default_manager.bulk_create(rows)
            if model is Notice:
                notices_deliver_after_commit(cast(list[Notice], rows))
        self._tables.clear()
