"""`paroledesk import FILE [--results OUT] [--as USERNAME]`: a JSON Lines file of paper filings.

The command reads the file, files each line through intake.bulk, writes one
result line per input line, and shows progress on a terminal. Exit status 0
means the file was read through (whatever each line's fate), 2 that it could
not be read or the results could not be written, 1 that the database stopped
the import partway (what was committed stays; a rerun resumes).
"""

from __future__ import annotations

import gc
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from typing import BinaryIO, TextIO

from django.db import DatabaseError
from tqdm import tqdm

from paroledesk.accounts.models import User
from paroledesk.accounts.services import user_create
from paroledesk.core.roles import Role
from paroledesk.intake.bulk.importer import ImportTally, requests_import
from paroledesk.intake.bulk.texts import INTAKE_ACCOUNT


def import_command(
    *, path: str, results: str | None, username: str | None, stdout: TextIO, stderr: TextIO
) -> int:
    """Run the import; returns the exit status."""
    try:
        source = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        print(f"Cannot read {path}: {error.strerror or error}.", file=stderr)
        return 2
    with source:
        filer = _filer(username, stderr)
        if filer is None:
            return 2
        if results is None:
            return _run(source, filer, stdout, stderr)
        if os.path.exists(results) and os.path.samefile(results, path):
            print("The results must go to another file than the one imported.", file=stderr)
            return 2
        try:
            out = open(results, "w", encoding="utf-8")  # noqa: SIM115 - closed by the with below
        except OSError as error:
            print(f"Cannot write the results to {results}: {error.strerror or error}.", file=stderr)
            return 2
        with out:
            return _run(source, filer, out, stderr)


def _run(source: BinaryIO, filer: User, out: TextIO, stderr: TextIO) -> int:
    tally = ImportTally()
    last = 0
    # A bar only for a person at a terminal; a log or a pipe gets the summary alone.
    on_terminal = stderr.isatty()
    bar = tqdm(
        total=_line_count(source) if on_terminal else None,
        unit=" lines",
        file=stderr,
        disable=not on_terminal,
        dynamic_ncols=True,
    )
    try:
        # Standard output carries results only: whatever else prints meanwhile (the
        # console e-mail backend of the embedded default prints each notice e-mail)
        # goes to standard error.
        with bar, _collector_for_bulk(), _warnings_only(), redirect_stdout(stderr):
            for result in requests_import(lines=source, filed_by=filer):
                out.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
                tally.count(result)
                last = result.line
                bar.update()
            out.flush()
    except OSError as error:
        print(f"Stopped after line {last}: {error}.", file=stderr)
        print(f"{tally.sentence()} Importing the file again skips what was filed.", file=stderr)
        return 2
    except DatabaseError as error:
        print(f"The database stopped the import after line {last}: {error}.", file=stderr)
        print(f"{tally.sentence()} Importing the file again skips what was filed.", file=stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Interrupted after line {last}.", file=stderr)
        print(f"{tally.sentence()} Importing the file again skips what was filed.", file=stderr)
        return 130
    print(tally.sentence(), file=stderr)
    return 0


@contextmanager
def _warnings_only() -> Iterator[None]:
    """Log only warnings and errors while the import runs.

    Without a broker each receipt notice is delivered in this process, and each
    delivery logs a line at INFO: thousands of lines for a file, burying the
    progress bar and the summary.
    """
    root = logging.getLogger()
    level = root.level
    root.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        root.setLevel(level)


@contextmanager
def _collector_for_bulk() -> Iterator[None]:
    """Run Python's garbage collector less often while the import runs.

    Each line makes hundreds of short-lived objects (model instances, query
    parts), so the collector ran about 3,000 times per 10,000 lines, and each
    full run walked the 100,000 objects Django made at start-up: 15 % of the
    import's time. Those objects live as long as the process, so they are frozen
    out of its way, and young objects are collected every 50,000 allocations
    instead of 700 (docs/benchmarks.md).
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _line_count(source: BinaryIO) -> int | None:
    """Lines in the file, for the bar's total; None when it cannot be read twice."""
    if not source.seekable():
        return None
    count, tail = 0, b"\n"
    for chunk in iter(lambda: source.read(1 << 20), b""):
        count += chunk.count(b"\n")
        tail = chunk[-1:]
    source.seek(0)
    return count + (tail != b"\n")


def _filer(username: str | None, stderr: TextIO) -> User | None:
    """The account that files the import, or None after saying why there is none."""
    if username is None:
        user = User.objects.filter(username__iexact=INTAKE_ACCOUNT).first()
        if user is None:
            user, _ = user_create(username=INTAKE_ACCOUNT, role=Role.REPRESENTATIVE)
            print(
                f"Made the account {INTAKE_ACCOUNT} (representative) to file imports.", file=stderr
            )
    else:
        user = User.objects.filter(username=username).first()
        if user is None:
            print(f"There is no account named {username!r}.", file=stderr)
            return None
    if not (user.is_active and user.is_party_role):
        print(
            f"{user.username} is {'an inactive account' if not user.is_active else user.role}; "
            "imports are filed by an active requestor or representative account.",
            file=stderr,
        )
        return None
    return user
