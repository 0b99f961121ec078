"""Bulk intake: many filing documents, each filed exactly as request_file files one.

Every line goes through request_read, request_check and request_write, so an
imported request has the same rows, event and receipt notice as one filed
through the API. What differs is only how the database work is grouped, for
speed (docs/benchmarks.md):

- a few hundred lines share one transaction; the open requests of all their
  beneficiaries are found with one query (Lookalikes), and the rows of all their
  filings are inserted at the end with one statement per table;
- if a row breaks a database rule, the batch is rolled back and filed again
  line by line, each line in a savepoint, so the error costs only the line that
  caused it (savepoints for every line would cost time on every batch for an
  error that should never happen: check_filing has refused bad data already);
- results are given only once their batch is committed: a result never names a
  receipt number that was rolled back.

A line filed once is recorded in IdempotencyKey under a key made from its
content, so importing the same file again files nothing twice and reports the
first receipt numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.cases.models import ParoleRequest
from paroledesk.core.codes import ErrorCode, FilingSource
from paroledesk.core.filing import FieldError, FilingDocument, FilingOutcome
from paroledesk.core.json_text import JsonUnreadable, fingerprint, json_read
from paroledesk.core.policy import PolicySnapshot
from paroledesk.intake.models import IdempotencyKey
from paroledesk.intake.receipts import receipts_issue
from paroledesk.intake.services import (
    FilingRefused,
    Lookalikes,
    OpenRequest,
    filing_facts,
    request_check,
    request_read,
    request_write,
)
from paroledesk.lib.rows import Rows
from paroledesk.policy.selectors import policy_on

# Large enough that the per-table inserts pay off, small enough that on SQLite
# other writers wait well under a second for the batch's write lock.
BATCH_SIZE = 500
KEY_PREFIX = "import:"
# Database errors a line's own data can cause. Others (a lock held too long, a full
# disk) are not the line's fault: they stop the import, and rerunning it resumes.
_LINE_ERRORS = (IntegrityError, DataError)


@dataclass(frozen=True)
class LineResult:
    """What became of one input line, counted from 1."""

    line: int
    receipt_number: str | None = None
    errors: tuple[FieldError, ...] = ()
    already_imported: bool = False
    warnings: tuple[str, ...] = ()  # warning codes, also kept on the request's event

    def as_dict(self) -> dict[str, Any]:
        """The line of the results file (the contract's shape)."""
        if self.receipt_number is not None:
            return {"line": self.line, "receipt_number": self.receipt_number}
        return {"line": self.line, "errors": [error.as_dict() for error in self.errors]}


@dataclass
class ImportTally:
    filed: int = 0
    refused: int = 0
    already_imported: int = 0

    def count(self, result: LineResult) -> None:
        if result.already_imported:
            self.already_imported += 1
        elif result.receipt_number is not None:
            self.filed += 1
        else:
            self.refused += 1

    def sentence(self) -> str:
        return (
            f"Filed {self.filed:,}, refused {self.refused:,}, "
            f"already imported {self.already_imported:,}."
        )


def import_key(document: object) -> str:
    """The IdempotencyKey of a filing document: the same content, however spaced or ordered."""
    return KEY_PREFIX + fingerprint(document)


@dataclass(frozen=True)
class _Line:
    """One input line, read and parsed (outside any transaction): a document or errors."""

    number: int
    doc: FilingDocument | None = None
    key: str = ""
    errors: tuple[FieldError, ...] = ()


def _read(number: int, text: bytes | str, today: date) -> _Line:
    def not_json(why: str) -> _Line:
        message = f"Line {number} is not valid JSON: {why}."
        return _Line(number, errors=(FieldError(ErrorCode.INVALID, None, message),))

    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return not_json("it is not UTF-8 text")
    text = text.rstrip("\r\n")  # so that a column in an error counts from the line's start
    if number == 1:
        text = text.removeprefix("\ufeff")  # the byte-order mark some editors write
    if not text.strip():
        return not_json("it is blank")
    try:
        document = json_read(text)
    except JsonUnreadable as unreadable:
        return not_json(unreadable.reason)
    key = import_key(document)
    try:
        document_read = request_read(raw=document, source=FilingSource.IMPORT, today=today)
        return _Line(number, document_read, key)
    except FilingRefused as refused:
        return _Line(number, key=key, errors=tuple(refused.errors))


def requests_import(
    *,
    lines: Iterable[bytes | str],
    filed_by: User,
    today: date | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[LineResult]:
    """File the filing document on each line; yield one result per line, in order.

    Lines are paper filings unless they say ``"channel": "online"``, received on
    their ``received_on`` (today when absent; never after today). Results come a
    batch at a time, after the batch is committed.
    """
    today = today or timezone.localdate()
    numbered = enumerate(lines, start=1)
    while batch := [_read(number, text, today) for number, text in islice(numbered, batch_size)]:
        try:
            yield from _file_batch(batch, filed_by, together=True)
        except _LINE_ERRORS:
            # A row broke a database rule; the batch was rolled back whole, so
            # file it again line by line to keep every line but that one.
            yield from _file_batch(batch, filed_by, together=False)


def _file_batch(lines: list[_Line], filed_by: User, *, together: bool) -> list[LineResult]:
    with transaction.atomic():
        batch = _Batch(filed_by, lines)
        if together:
            return batch.file_together(lines)
        return [batch.file_alone(line) for line in lines]


@dataclass(frozen=True)
class _Checked:
    """A line that passed every rule, and what its filing needs."""

    doc: FilingDocument
    outcome: FilingOutcome
    policy: PolicySnapshot
    duplicates: list[OpenRequest]


class _Batch:
    """What the lines of one transaction share: who files, the receipt numbers already
    given, the open requests per person, the policy per received date, and the rows."""

    def __init__(self, filed_by: User, lines: list[_Line]) -> None:
        self.filed_by = filed_by
        self.rows = Rows()
        self.policies: dict[date, PolicySnapshot] = {}
        keys = [line.key for line in lines if line.doc]
        # Read from the request itself: a key's stored answer could be an API reply.
        found = IdempotencyKey.objects.filter(owner=filed_by, key__in=keys, request__isnull=False)
        self.receipts: dict[str, str] = dict(found.values_list("key", "request__receipt_number"))
        self.lookalikes = Lookalikes(
            line.doc.beneficiary for line in lines if line.doc and line.key not in self.receipts
        )

    def policy(self, day: date) -> PolicySnapshot:
        if (policy := self.policies.get(day)) is None:
            policy = self.policies[day] = policy_on(day)
        return policy

    def file_together(self, lines: list[_Line]) -> list[LineResult]:
        """Check every line, issue the receipt numbers of those that pass with one
        statement, and gather their rows into one insert per table. A database
        error rolls the whole batch back (the caller then files it line by line)."""
        results: list[LineResult | None] = []
        passed: list[tuple[int, _Line, _Checked, OpenRequest]] = []
        repeated: list[tuple[int, _Line]] = []  # the same content as a line filed above
        first_seen: set[str] = set()
        for line in lines:
            checked = self._check(line)
            if isinstance(checked, LineResult):
                results.append(checked)
            elif line.key in first_seen:
                repeated.append((len(results), line))
                results.append(None)
            else:
                first_seen.add(line.key)
                becomes = self.lookalikes.add(checked.doc.beneficiary, self.filed_by)
                passed.append((len(results), line, checked, becomes))
                results.append(None)
        numbers = receipts_issue(
            [(checked.doc.channel, checked.doc.received_on) for _, _, checked, _ in passed]
        )
        for (index, line, checked, becomes), number in zip(passed, numbers, strict=True):
            self._write(line, checked, self.rows, number, becomes)
            results[index] = self._filed(line, checked.outcome, number)
        self.rows.insert()
        for index, line in repeated:
            results[index] = LineResult(
                line.number, receipt_number=self.receipts[line.key], already_imported=True
            )
        return [result for result in results if result is not None]

    def file_alone(self, line: _Line) -> LineResult:
        """File one line in a savepoint, which a database error undoes (only that line's)."""
        checked = self._check(line)
        if isinstance(checked, LineResult):
            return checked
        try:
            with transaction.atomic():
                rows = Rows()
                request = self._write(line, checked, rows, None, None)
                rows.insert()
        except _LINE_ERRORS as error:
            message = (
                f"The database refused line {line.number} ({str(error).strip()}); nothing of "
                "it was saved. Importing the file again retries it."
            )
            return LineResult(line.number, errors=(FieldError(ErrorCode.CONFLICT, None, message),))
        self.lookalikes.add(checked.doc.beneficiary, self.filed_by).row = request
        return self._filed(line, checked.outcome, request.receipt_number)

    def _check(self, line: _Line) -> LineResult | _Checked:
        """The line's result if it is settled without filing (refused, or imported before)."""
        if line.doc is None:
            return LineResult(line.number, errors=line.errors)
        if receipt := self.receipts.get(line.key):
            return LineResult(line.number, receipt_number=receipt, already_imported=True)
        doc = line.doc
        try:
            policy = self.policy(doc.received_on)
            duplicates = self.lookalikes.of(doc.beneficiary)
            facts = filing_facts(doc, self.filed_by, duplicates)
            outcome = request_check(doc=doc, policy=policy, facts=facts)
        except FilingRefused as refused:
            return LineResult(line.number, errors=tuple(refused.errors))
        return _Checked(doc, outcome, policy, duplicates)

    def _filed(self, line: _Line, outcome: FilingOutcome, receipt_number: str) -> LineResult:
        self.receipts[line.key] = receipt_number
        codes = tuple(warning.code for warning in outcome.warnings)
        return LineResult(line.number, receipt_number=receipt_number, warnings=codes)

    def _write(
        self,
        line: _Line,
        checked: _Checked,
        rows: Rows,
        receipt_number: str | None,
        becomes: OpenRequest | None,
    ) -> ParoleRequest:
        request = request_write(
            doc=checked.doc,
            outcome=checked.outcome,
            policy=checked.policy,
            filed_by=self.filed_by,
            source=FilingSource.IMPORT,
            rows=rows,
            duplicates=checked.duplicates,
            receipt_number=receipt_number,
            becomes=becomes,
        )
        rows.new(
            IdempotencyKey,
            owner=self.filed_by,
            key=line.key,
            body_sha256=line.key.removeprefix(KEY_PREFIX),
            status_code=201,
            response={"receipt_number": request.receipt_number},
            request=request,
        )
        return request
