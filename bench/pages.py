"""Pages through the real server: the officers' work lists, Supervise, the dashboard and the
queue API, timed next to the home page, with several clients asking at once.

The requests the import figures filed are spread over the states of real work
first (assigned, in review, waiting on evidence, decided over twelve weeks), so
that every list has something in it. Then the site is started as `paroledesk
serve` starts it (gunicorn, its workers), on the benchmark's database, and each
page is asked for by every client in turn; the figures are each page's
latencies (50th and 95th percentile) and pages a second.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Mod
from django.test import Client
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import second_factor_enrol
from paroledesk.accounts.services import user_create
from paroledesk.adjudication.models import Decision, Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.cli.commands import gunicorn_argv
from paroledesk.core.lifecycle import Status
from paroledesk.core.roles import Role

OFFICERS = 20
CLIENTS = 4
# Each page is asked for this many times by each client, after a few asks to warm it.
ASKS_PER_CLIENT = 50
WARM_ASKS = 8
SERVER_START_SECONDS = 60


@dataclass(frozen=True)
class PageFigure:
    name: str
    path: str
    asks: int
    seconds: float
    p50_ms: float
    p95_ms: float

    @property
    def per_second(self) -> float:
        return self.asks / self.seconds if self.seconds else float("inf")


@dataclass(frozen=True)
class _Target:
    name: str
    path: str
    as_user: str  # "" for nobody signed in
    api: bool = False


TARGETS = (
    _Target("home page", "/", ""),
    _Target("a request's page (its officer)", "{request}", "officer"),
    _Target("My work", "/work/", "officer"),
    _Target("My work, unassigned", "/work/?view=unassigned", "officer"),
    _Target("My work, overdue", "/work/?view=overdue", "officer"),
    _Target("My work, urgent first", "/work/?view=mine&urgent_first=on", "officer"),
    _Target("My work, waiting on evidence (supervisor)", "/work/?view=rfe", "supervisor"),
    _Target("My work, decided (supervisor)", "/work/?view=decided", "supervisor"),
    _Target("Supervise", "/work/supervise/", "supervisor"),
    _Target("dashboard", "/work/supervise/dashboard/", "supervisor"),
    _Target("GET /api/v1/queue?view=mine", "/api/v1/queue?view=mine", "officer", api=True),
    _Target(
        "GET /api/v1/queue?view=overdue (supervisor)",
        "/api/v1/queue?view=overdue",
        "supervisor",
        api=True,
    ),
    _Target(
        "GET /api/v1/queue?view=unassigned&urgent_first",
        "/api/v1/queue?view=unassigned&urgent_first=true&possible_duplicate=false",
        "officer",
        api=True,
    ),
)


def page_figures(*, clients: int = CLIENTS, asks: int = ASKS_PER_CLIENT) -> list[PageFigure]:
    """Every target's latencies through the real server, home page first."""
    today = timezone.localdate()
    staff = _staff()
    work_spread(officers=staff.officers, supervisor=staff.supervisor, today=today)
    one_of_hers = (
        ParoleRequest.objects.filter(assigned_officer=staff.officer, status=Status.IN_REVIEW)
        .order_by("id")
        .values_list("receipt_number", flat=True)
        .first()
    )
    # As autovacuum would have by now on a live site: the planner's figures for the data
    # just written in bulk, so that the pages are timed with the plans they would get.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0)
    figures = []
    with _server() as (host, port):
        for target in TARGETS:
            path = target.path.format(request=f"/requests/{one_of_hers}/")
            headers = staff.headers(target.as_user, api=target.api)
            for _ in range(WARM_ASKS):
                _ask(host, port, path, headers)
            timed = _timed(target.name, (host, port), path, headers, clients=clients, asks=asks)
            figures.append(timed)
    return figures


@dataclass
class _Staff:
    officer: User
    officers: list[User]
    supervisor: User
    tokens: dict[str, str]
    cookies: dict[str, str]

    def headers(self, who: str, *, api: bool) -> dict[str, str]:
        if not who:
            return {}
        if api:
            return {"Authorization": f"Token {self.tokens[who]}", "Accept": "application/json"}
        return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={self.cookies[who]}"}


def _staff() -> _Staff:
    """Officers and a supervisor with their second factor set up, each signed in once."""
    officers, tokens, cookies = [], {}, {}
    for number in range(OFFICERS):
        officer, token = user_create(username=f"bench-officer-{number:02}", role=Role.OFFICER)
        second_factor_enrol(user=officer)
        officers.append(officer)
        if number == 0:
            tokens["officer"] = token
    supervisor, tokens["supervisor"] = user_create(
        username="bench-supervisor", role=Role.SUPERVISOR
    )
    second_factor_enrol(user=supervisor)
    for who, user in (("officer", officers[0]), ("supervisor", supervisor)):
        client = Client()
        client.force_login(user)
        cookies[who] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return _Staff(officers[0], officers, supervisor, tokens, cookies)


# Shares of the filed requests, by id, in each state of the work (the rest wait unassigned).
SPREAD = (
    (Status.ASSIGNED, 0.20),
    (Status.IN_REVIEW, 0.15),
    (Status.EVIDENCE_REQUESTED, 0.05),
    (Status.EVIDENCE_RECEIVED, 0.02),
    (Status.APPROVED, 0.12),
    (Status.DENIED, 0.10),
    (Status.PAROLED, 0.06),
)
DECIDED_WEEKS = 12


def work_spread(*, officers: list[User], supervisor: User, today: date) -> None:
    """Put the requests in the states of a working office, in a few statements.

    Generated data, not casework: statuses and officers are written directly,
    as a data generator does, and each decided request gets its Decision row.
    """
    ids = list(ParoleRequest.objects.order_by("id").values_list("id", flat=True))
    if not ids:
        return
    with transaction.atomic():
        start = 0
        for status, share in SPREAD:
            end = start + round(len(ids) * share)
            if end <= start:
                continue
            chosen = Q(id__gte=ids[start], id__lte=ids[end - 1])
            changes: dict[str, object] = {"status": status.value}
            if status is Status.EVIDENCE_REQUESTED:
                changes["waiting_since"] = today - timedelta(days=10)
            ParoleRequest.objects.filter(chosen).update(**changes)
            start = end
        working = ParoleRequest.objects.exclude(status=Status.RECEIVED)
        for number, officer in enumerate(officers):
            working.annotate(slot=Mod(F("id"), len(officers))).filter(slot=number).update(
                assigned_officer=officer
            )
        _decide(today, supervisor)


def _decide(today: date, supervisor: User) -> None:
    decided = list(
        ParoleRequest.objects.filter(
            status__in=[Status.APPROVED, Status.DENIED, Status.PAROLED]
        ).values_list("id", "status", "received_on")
    )
    rows = []
    for number, (pk, status, received_on) in enumerate(decided):
        day = max(received_on, today - timedelta(days=(number % (7 * DECIDED_WEEKS))))
        approve = status != Status.DENIED
        rows.append(
            Decision(
                request_id=pk,
                outcome=Outcome.APPROVE if approve else Outcome.DENY,
                parole_days=180 if approve else None,
                reasons=[] if approve else ["insufficient_evidence"],
                decided_by_id=supervisor.pk,
                decided_on=day,
            )
        )
    Decision.objects.bulk_create(rows, batch_size=2_000)
    for row in rows:
        ParoleRequest.objects.filter(pk=row.request_id).update(decided_on=row.decided_on)


@contextmanager
def _server() -> Iterator[tuple[str, int]]:
    """gunicorn on a free loopback port, on this benchmark's database, until the block ends."""
    host = "127.0.0.1"
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    environment = dict(os.environ)
    if connection.vendor == "postgresql":
        # The server opens the benchmark's own database, not the one the URL names.
        parts = urlsplit(os.environ["DATABASE_URL"])
        name = connection.settings_dict["NAME"]
        environment["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    server = subprocess.Popen(  # noqa: S603 - our own server, with arguments we wrote
        gunicorn_argv(host, port),
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(host, port, server)
        yield host, port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_up(host: str, port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            errors = server.stderr.read().decode(errors="replace") if server.stderr else ""
            raise RuntimeError(f"The server stopped as it started:\n{errors[-2000:]}")
        try:
            _ask(host, port, "/", {})
        except OSError:
            time.sleep(0.2)
        else:
            return
    raise RuntimeError(f"The server did not answer within {SERVER_START_SECONDS} s.")


def _ask(host: str, port: int, path: str, headers: dict[str, str]) -> float:
    """One page, on a connection of its own (gunicorn's sync workers keep none open);
    its latency in seconds. Anything but a 200 stops the benchmark: no figure for errors."""
    started = time.perf_counter()
    link = http.client.HTTPConnection(host, port, timeout=60)
    try:
        link.request("GET", path, headers=headers)
        answer = link.getresponse()
        answer.read()
    finally:
        link.close()
    if answer.status != 200:
        raise RuntimeError(f"GET {path} answered {answer.status}, not 200.")
    return time.perf_counter() - started


def _timed(
    name: str, site: tuple[str, int], path: str, headers: dict[str, str], *, clients: int, asks: int
) -> PageFigure:
    host, port = site
    latencies: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def client() -> None:
        mine = []
        try:
            for _ in range(asks):
                mine.append(_ask(host, port, path, headers))
        except Exception as error:  # reported once the threads end
            failures.append(error)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{name}: {failures[0]}")
    return PageFigure(
        name, path, len(latencies), seconds, _percentile(latencies, 50), _percentile(latencies, 95)
    )


def _percentile(values: list[float], percent: int) -> float:
    """The nearest-rank percentile, in milliseconds."""
    ordered = sorted(values)
    rank = max(1, -(-percent * len(ordered) // 100))
    return ordered[rank - 1] * 1000
