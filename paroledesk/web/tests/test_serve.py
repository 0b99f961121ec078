"""`paroledesk serve` on a fresh embedded install, as `make run` runs it: a real gunicorn."""

import contextlib
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.status, response.read().decode()


def start_up_output(var: Path) -> str:
    """What serve printed before the first request was answered."""
    return (var / "serve.log").read_text().split("\n127.0.0.1 - -")[0]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    port = free_port()
    # Embedded: no database server, cache or broker named, even where they run (as in CI).
    scaled_out = {"DATABASE_URL", "CACHE_URL", "CELERY_BROKER_URL"}
    env = {key: value for key, value in os.environ.items() if key not in scaled_out}
    env |= {"PAROLEDESK_VAR_DIR": str(var), "WEB_CONCURRENCY": "1"}
    log = (var / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "paroledesk.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                fetch(base + "/")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("serve did not start:\n" + (var / "serve.log").read_text())
                time.sleep(0.5)
        yield base, var
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_serve_answers_the_home_page_the_admin_and_the_api_schema(served):
    base, _ = served
    status, home = fetch(base + "/")
    assert status == 200
    assert "humanitarian parole" in home.lower()
    assert fetch(base + "/admin/login/")[0] == 200
    status, schema = fetch(base + "/api/v1/schema")
    assert status == 200
    assert "/api/v1/requests/{receipt}" in schema
    assert fetch(base + "/api/v1/docs")[0] == 200


def test_serve_seeds_demo_people_and_prints_their_passwords(served):
    _, var = served
    accounts = (var / "demo-accounts.txt").read_text()
    for name in ("alice", "rita", "olivia", "sam"):
        assert name in accounts
    assert "Demo accounts" in (var / "serve.log").read_text()
    assert oct((var / "demo-accounts.txt").stat().st_mode & 0o777) == "0o600"


def test_without_a_broker_the_demo_notices_are_delivered_in_process(served):
    """Jobs run in the serving process: none waits for a broker (nor goes to one on localhost)."""
    _, var = served
    with sqlite3.connect(var / "paroledesk.sqlite3") as db:
        (notices, undelivered) = db.execute(
            "SELECT count(*), count(*) - count(delivered_at) FROM notices_notice"
        ).fetchone()
    assert notices > 0
    assert undelivered == 0
    assert "No hostname was supplied" not in (var / "serve.log").read_text()


def test_static_files_are_served_by_the_wsgi_server(served):
    base, _ = served
    _, home = fetch(base + "/")
    stylesheet = home.split('href="/static/uswds/css/')[1].split('"')[0]
    status, css = fetch(f"{base}/static/uswds/css/{stylesheet}")
    assert status == 200
    assert ".usa-" in css


def test_start_up_says_where_the_site_is_the_accounts_and_how_staff_sign_in(served):
    _, var = served
    printed = start_up_output(var)
    assert printed.strip().splitlines()[-1].startswith("Parole Desk is at http://127.0.0.1:")
    assert "Demo accounts" in printed
    assert "paroledesk totp NAME" in printed
    assert str(var / "mail") in printed
    for noise in ["Task ", "succeeded", "could not resolve", "Warning", "Subject:"]:
        assert noise not in printed
    assert len(printed.strip().splitlines()) <= 20, printed


def ask_for_a_password_reset(base: str, email: str) -> None:
    """As a person would: the form, then its POST with the CSRF cookie and token."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with browser.open(base + "/accounts/password/reset/", timeout=10) as page:
        form = page.read().decode()
    token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "email": email}).encode()
    with browser.open(base + "/accounts/password/reset/", data=body, timeout=10) as answer:
        assert answer.status == 200


@pytest.fixture(scope="module")
def mailed(served):
    """A password reset asked for alice: its mail, and the link in it."""
    base, var = served
    ask_for_a_password_reset(base, "alice@example.org")
    # The demo's notices are kept there too; the reset is the one with its link.
    (kept,) = [
        path for path in (var / "mail").iterdir() if "/password/reset/key/" in path.read_text()
    ]
    text = kept.read_text()
    link = text.split(base)[1].split()[0]
    return kept, text, link


def test_everything_under_var_is_private_to_its_owner(served, mailed):
    base, var = served
    fetch(base + "/")  # the database is open, with its WAL
    found = {path.name: stat.S_IMODE(path.stat().st_mode) for path in var.rglob("*")}
    assert {"paroledesk.sqlite3", "paroledesk.sqlite3-wal", "mail", mailed[0].name} <= set(found)
    shared = {name: oct(mode) for name, mode in found.items() if mode & 0o077}
    assert shared == {}
    assert stat.S_IMODE(var.stat().st_mode) == 0o700


def test_mail_is_kept_as_files_and_never_printed(served, mailed):
    _, var = served
    _, text, link = mailed
    assert "Subject:" in text
    assert "/accounts/password/reset/key/" in link
    assert "Subject:" not in (var / "serve.log").read_text()


def test_the_log_keeps_no_search_terms_or_keys_from_links(served, mailed):
    base, var = served
    link = mailed[2]
    for path in [
        "/admin/cases/parolerequest/?q=Haidari+Farid",
        link,
        "/accounts/confirm-email/MjE6MXY4c2Q3:secretconfirmkey/",
    ]:
        with contextlib.suppress(OSError):  # a refusal is logged just the same
            fetch(base + path)
    time.sleep(0.5)
    log = (var / "serve.log").read_text()
    assert "/admin/cases/parolerequest/?[query]" in log
    key = link.rstrip("/").rsplit("/", 1)[1]
    for secret in ["Haidari", key, "secretconfirmkey"]:
        assert secret not in log
