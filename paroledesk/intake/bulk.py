"""Bulk intake: many filing documents, each filed exactly as request_file files one.

Every line goes through request_read, request_check and request_write, so an
imported request has the same rows, event and receipt notice as one filed
through the API. What differs is only how the database work is grouped, for
speed (docs/benchmarks.md):

- a few hundred lines share one transaction; the open requests of all their
  beneficiaries are counted with one query, and the rows of all their filings
  are inserted at the end with one statement per table;
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

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.core.filing import (
    BeneficiaryInfo,
    FieldError,
    FilingDocument,
    FilingFacts,
    FilingOutcome,
    name_key,
)
from paroledesk.core.lifecycle import OPEN_STATUSES
from paroledesk.core.policy import PolicySnapshot
from paroledesk.intake.bulk_rows import FilingRows
from paroledesk.intake.models import Beneficiary, IdempotencyKey, ParoleRequest
from paroledesk.intake.receipts import receipts_issue
from paroledesk.intake.services import (
    FilingRefused,
    _related_facts,
    request_check,
    request_read,
    request_write,
)
from paroledesk.policy.selectors import policy_on

# Large enough that the per-table inserts pay off, small enough that on SQLite
# other writers wait well under a second for the batch's write lock.
BATCH_SIZE = 500
KEY_PREFIX = "import:"
_OPEN = frozenset(status.value for status in OPEN_STATUSES)
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
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return KEY_PREFIX + hashlib.sha256(canonical.encode()).hexdigest()


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
        return _Line(number, errors=(FieldError("invalid", None, message),))

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
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return not_json(f"{error.msg} at column {error.colno}")
    except (ValueError, RecursionError):  # a number too long to read, nesting too deep
        return not_json("it is too large or too deeply nested to read")
    key = import_key(document)
    try:
        return _Line(number, request_read(raw=document, source="import", today=today), key)
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


class _OpenRequests:
    """The open requests of each person in a batch: the count request_file makes for one filing,
    made for the whole batch with one query, and raised as the batch files each line."""

    def __init__(self, people: Iterable[BeneficiaryInfo]) -> None:
        self._indexes: dict[tuple[str, date], list[str]] = {}
        wanted = [index for person in people for index in self.identity(person)]
        # The status is checked here, not in SQL: with a few hundred identities and a
        # status list, SQLite without statistics prefers the status index and reads
        # every open request (68 ms a batch at 25,000 requests, growing with the table).
        found = ParoleRequest.objects.filter(beneficiary__identity_index__in=wanted)
        self._counts = Counter(
            index
            for index, status in found.values_list("beneficiary__identity_index", "status")
            if status in _OPEN
        )

    def identity(self, person: BeneficiaryInfo) -> list[str]:
        # One blind index per data key in force, as request_file searches them.
        identity = (name_key(person.family_name, person.given_name), person.date_of_birth)
        if (indexes := self._indexes.get(identity)) is None:
            indexes = self._indexes[identity] = Beneficiary.identity_indexes(*identity)
        return indexes

    def count(self, person: BeneficiaryInfo) -> int:
        return sum(self._counts[index] for index in self.identity(person))

    def filed(self, person: BeneficiaryInfo) -> None:
        # Any one of the person's indexes will do: count() adds them all up.
        self._counts[self.identity(person)[0]] += 1


class _Batch:
    """What the lines of one transaction share: who files, the receipt numbers already
    given, the open requests per person, the policy per received date, and the rows."""

    def __init__(self, filed_by: User, lines: list[_Line]) -> None:
        self.filed_by = filed_by
        self.rows = FilingRows()
        self.policies: dict[date, PolicySnapshot] = {}
        keys = [line.key for line in lines if line.doc]
        # Read from the request itself: a key's stored answer could be an API reply.
        found = IdempotencyKey.objects.filter(owner=filed_by, key__in=keys, request__isnull=False)
        self.receipts: dict[str, str] = dict(found.values_list("key", "request__receipt_number"))
        self.open = _OpenRequests(
            line.doc.beneficiary for line in lines if line.doc and line.key not in self.receipts
        )

    def policy(self, day: date) -> PolicySnapshot:
        if (policy := self.policies.get(day)) is None:
            policy = self.policies[day] = policy_on(day)
        return policy

    def facts(self, doc: FilingDocument) -> FilingFacts:
        person = doc.beneficiary
        # The related request, rare in a batch, is looked up as request_file does.
        related = _related_facts(doc, self.open.identity(person))
        return FilingFacts(related=related, open_duplicates=self.open.count(person))

    def file_together(self, lines: list[_Line]) -> list[LineResult]:
        """Check every line, issue the receipt numbers of those that pass with one
        statement, and gather their rows into one insert per table. A database
        error rolls the whole batch back (the caller then files it line by line)."""
        results: list[LineResult | None] = []
        passed: list[tuple[int, _Line, _Checked]] = []
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
                self.open.filed(checked.doc.beneficiary)
                passed.append((len(results), line, checked))
                results.append(None)
        numbers = receipts_issue(
            [(checked.doc.channel, checked.doc.received_on) for _, _, checked in passed]
        )
        for (index, line, checked), number in zip(passed, numbers, strict=True):
            self._write(line, checked, self.rows, number)
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
                rows = FilingRows()
                request = self._write(line, checked, rows, None)
                rows.insert()
        except _LINE_ERRORS as error:
            message = (
                f"The database refused line {line.number} ({str(error).strip()}); nothing of "
                "it was saved. Importing the file again retries it."
            )
            return LineResult(line.number, errors=(FieldError("conflict", None, message),))
        self.open.filed(checked.doc.beneficiary)
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
            outcome = request_check(doc=doc, policy=policy, facts=self.facts(doc))
        except FilingRefused as refused:
            return LineResult(line.number, errors=tuple(refused.errors))
        return _Checked(doc, outcome, policy)

    def _filed(self, line: _Line, outcome: FilingOutcome, receipt_number: str) -> LineResult:
        self.receipts[line.key] = receipt_number
        codes = tuple(warning.code for warning in outcome.warnings)
        return LineResult(line.number, receipt_number=receipt_number, warnings=codes)

    def _write(
        self, line: _Line, checked: _Checked, rows: FilingRows, receipt_number: str | None
    ) -> ParoleRequest:
        request = request_write(
            doc=checked.doc,
            outcome=checked.outcome,
            policy=checked.policy,
            filed_by=self.filed_by,
            source="import",
            rows=rows,
            receipt_number=receipt_number,
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
