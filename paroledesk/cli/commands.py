"""The commands that need Django, imported once it is set up (paroledesk.cli.main)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import shutil
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import current_code
from paroledesk.accounts.services import user_create
from paroledesk.adjudication.sweep import sweep as sweep_day
from paroledesk.cli.demo import demo_accounts_file, demo_seed_if_empty, demo_usernames
from paroledesk.cli.reseal import data_reseal
from paroledesk.core.roles import Role
from paroledesk.helpcenter.selectors import QuestionInvalid, help_answer, question_clean
from paroledesk.intake.bulk.command import import_command
from paroledesk.policy.services import policy_load_defaults
from paroledesk.screening.command import screen_command

SECOND_FACTOR_HINT = (
    "Staff (officers, the supervisor, the administrator) also give a code from an\n"
    "authenticator app: the demo's print theirs with  .venv/bin/paroledesk totp NAME"
)


def serve(args: argparse.Namespace) -> int:
    call_command("migrate", interactive=False, verbosity=0)
    policy_load_defaults()
    if not args.no_demo:
        demo_seed_if_empty(progress=print)
    call_command("collectstatic", interactive=False, verbosity=0)
    accounts = demo_accounts_file()
    if accounts.exists():
        print("\nDemo accounts (user name, role, password):")
        print(accounts.read_text().rstrip())
        print(SECOND_FACTOR_HINT)
    if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        print(f"\nE-mail is not sent: each message is a file in {settings.EMAIL_FILE_PATH}/")
    address = f"http://{args.host}:{args.port}"
    print(f"\nParole Desk is at {address}  (admin: {address}/admin/, API: {address}/api/v1/docs)")
    sys.stdout.flush()  # exec replaces the process: print what is buffered first
    argv = gunicorn_argv(args.host, args.port)
    os.execv(argv[0], argv)  # noqa: S606 - replace this process with the production WSGI server


def gunicorn_argv(host: str, port: int) -> list[str]:
    """The production WSGI server as the site runs it (the benchmark starts the same)."""
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    workers = os.environ.get("WEB_CONCURRENCY", str(os.cpu_count() or 2))
    return [
        gunicorn,
        "config.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        workers,
        # Its own start-up lines say nothing the lines above do not.
        "--log-level",
        "warning",
        "--access-logfile",
        "-",
        # Request lines without query strings or keys (config.logs).
        "--logger-class",
        "config.gunicorn_logs.RedactingLogger",
        "--chdir",
        str(settings.BASE_DIR),
    ]


def sweep(args: argparse.Namespace) -> int:
    today = args.today or timezone.localdate()
    try:
        report = sweep_day(today)
    except OSError as error:
        print(
            f"The sweep stopped: a notice could not be sent ({error}). Run it again.",
            file=sys.stderr,
        )
        return 1
    print(f"Swept {today.isoformat()}:")
    for line in report.lines():
        print(f"  {line}")
    return 0


def user_add(args: argparse.Namespace) -> int:
    password = None
    if args.password:
        password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline()
        password = password.rstrip("\n")
    try:
        user, token = user_create(
            username=args.name, role=Role(args.role), email=args.email or "", password=password
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                print(f"{field}: {message}", file=sys.stderr)
        return 2
    if user.is_staff_role:
        print(
            f"{user.username} is staff: the token works once they have signed in on the site "
            "and set up their second factor (which needs a password and an e-mail address).",
            file=sys.stderr,
        )
    print(f"Added {user.username} as {user.role}. API token:")
    print(token)
    return 0


def totp(args: argparse.Namespace) -> int:
    """The code a demo staff member's authenticator app would show now."""
    if args.name not in demo_usernames():
        print(
            f"{args.name} is not a demo account: only the demo's staff get their codes here. "
            "Everyone else reads theirs from their own authenticator app.",
            file=sys.stderr,
        )
        return 2
    user = User.objects.filter(username=args.name).first()
    try:
        code = current_code(user) if user else None
    except LookupError as missing:
        print(missing, file=sys.stderr)
        return 2
    if code is None:
        print(f"There is no user {args.name!r}.", file=sys.stderr)
        return 2
    print(code)
    return 0


def bulk_import(args: argparse.Namespace) -> int:
    return import_command(
        path=args.file,
        results=args.results,
        username=args.as_user,
        stdout=sys.stdout,
        stderr=sys.stderr,
    )


def reseal(args: argparse.Namespace) -> int:
    done = data_reseal()
    print(", ".join(f"{what.replace('_', ' ')}: {count:,}" for what, count in done.items()))
    return 0


def screen(args: argparse.Namespace) -> int:
    return screen_command(path=args.file, as_json=args.json, stdout=sys.stdout, stderr=sys.stderr)


def ask(args: argparse.Namespace) -> int:
    try:
        question = question_clean(args.question)
    except QuestionInvalid as invalid:
        print(invalid, file=sys.stderr)
        return 2
    answer = help_answer(question=question)
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=2))
        return 0
    if not answer["results"]:
        print("No article matches these words. Try other words, or browse /help/.")
        return 0
    for rank, result in enumerate(answer["results"], start=1):
        print(f"{rank}. {result['title']}  ({reverse('help_article', args=[result['slug']])})")
        print(f"   {result['snippet']}")
    return 0
