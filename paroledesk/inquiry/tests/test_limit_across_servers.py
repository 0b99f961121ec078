"""The limit on guesses holds across server processes: two real gunicorn servers on one
database, asked in turn, refuse the client once it has used its tries between them."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import cache
from django.db import connection

from paroledesk.cli.commands import gunicorn_argv
from paroledesk.inquiry.services import GUESSES

HOST = "127.0.0.1"
GUESS = {
    "receipt_number": "IOE2704012345",
    "family_name": "Nobody",
    "date_of_birth": "1990-01-01",
    "filed_on": "2026-11-30",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def this_database_url() -> str:
    """The test database, as a server process started now must name it."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def status_of(base: str, path: str, body: dict[str, str] | None = None) -> int:
    data = None if body is None else json.dumps(body).encode()
    ask = urllib.request.Request(  # noqa: S310 - our own server on the loopback
        base + path, data=data, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(ask, timeout=10) as answer:  # noqa: S310
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            status_of(base, "/api/v1/ready")  # a JSON 404: no page, no try counted
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                _, errors = process.communicate(timeout=20)
                pytest.fail(f"The server did not start:\n{errors.decode()[-2000:]}")
            time.sleep(0.2)


@contextmanager
def servers(count: int) -> Iterator[list[str]]:
    """``count`` gunicorn servers of one worker each on this database, started together."""
    env = dict(os.environ) | {"DATABASE_URL": this_database_url(), "WEB_CONCURRENCY": "1"}
    started: list[tuple[str, subprocess.Popen[bytes]]] = []
    try:
        for _ in range(count):
            port = free_port()
            process = subprocess.Popen(
                gunicorn_argv(HOST, port),
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,  # its own process group, ended as one below
            )
            started.append((f"http://{HOST}:{port}", process))
        for base, process in started:
            wait_until_up(base, process)
        yield [base for base, _ in started]
    finally:
        for _, process in started:
            # The server and its worker, at once: nothing of theirs is kept but the database.
            with suppress(ProcessLookupError):  # already ended, when it failed to start
                os.killpg(process.pid, signal.SIGKILL)
        for _, process in started:
            process.wait(timeout=20)


@pytest.mark.django_db(transaction=True)
def test_two_server_processes_share_one_count_of_guesses():
    cache.clear()
    try:
        with servers(2) as (first, second):
            turns = [first, second] * GUESSES.tries
            answers = [
                status_of(base, "/api/v1/status-inquiries", GUESS)
                for base in turns[: GUESSES.tries + 1]
            ]
            # Each process saw about half the tries: only a shared count refuses the next.
            assert answers == [404] * GUESSES.tries + [429]
            assert status_of(second, "/api/v1/status-inquiries", GUESS) == 429
    finally:
        # The count lives in the test database's cache table, which no rollback empties.
        cache.clear()
