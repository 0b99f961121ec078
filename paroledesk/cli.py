"""The `paroledesk` command: serve the site, add users, import paper filings, benchmarks."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sys
from pathlib import Path

SERVE_HELP = "Migrate, load policy, seed demo data into an empty database, and serve."


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    load_celery_app()
    import django

    django.setup()


def load_celery_app() -> None:
    """Make the project's Celery app the current one before any job is queued.

    config/__init__.py does it, but an editable install made before config had
    that file resolves config as a namespace package and never runs it. Jobs
    would then go to Celery's default app, which does not run them in-process
    but sends them to a broker on localhost, if there is one.
    """
    import config.celery  # noqa: F401


def _serve(args: argparse.Namespace) -> int:
    _setup()
    from django.conf import settings
    from django.core.management import call_command

    from paroledesk.demo import demo_accounts_file, demo_seed_if_empty
    from paroledesk.policy.services import policy_load_defaults

    call_command("migrate", interactive=False, verbosity=0)
    policy_load_defaults()
    if not args.no_demo:
        demo_seed_if_empty(progress=print)
    call_command("collectstatic", interactive=False, verbosity=0)
    accounts = demo_accounts_file()
    if accounts.exists():
        print("\nDemo accounts (user name, role, password):")
        print(accounts.read_text().rstrip())
    address = f"http://{args.host}:{args.port}"
    print(f"\nParole Desk is at {address}  (admin: {address}/admin/, API: {address}/api/v1/docs)")
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    workers = os.environ.get("WEB_CONCURRENCY", str(os.cpu_count() or 2))
    sys.stdout.flush()  # exec replaces the process: print what is buffered first
    os.execv(  # noqa: S606 - replace this process with the production WSGI server
        gunicorn,
        [
            gunicorn,
            "config.wsgi:application",
            "--bind",
            f"{args.host}:{args.port}",
            "--workers",
            workers,
            "--access-logfile",
            "-",
            "--chdir",
            str(settings.BASE_DIR),
        ],
    )


def _user_add(args: argparse.Namespace) -> int:
    _setup()
    from django.core.exceptions import ValidationError

    from paroledesk.accounts.services import user_create
    from paroledesk.core.roles import Role

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
    print(f"Added {user.username} as {user.role}. API token:")
    print(token)
    return 0


def _import(args: argparse.Namespace) -> int:
    _setup()
    from paroledesk.intake.bulk_cli import import_command

    return import_command(
        path=args.file,
        results=args.results,
        username=args.as_user,
        stdout=sys.stdout,
        stderr=sys.stderr,
    )


def _bench(args: argparse.Namespace) -> int:
    from bench.run import main as bench_main

    return bench_main(cases=args.cases, as_json=args.json)


def parser() -> argparse.ArgumentParser:
    from paroledesk.core.roles import Role

    root = argparse.ArgumentParser(prog="paroledesk", description="Parole Desk")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help=SERVE_HELP, description=SERVE_HELP)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--no-demo", action="store_true", help="do not seed demo data")
    serve.set_defaults(run=_serve)

    user = commands.add_parser("user", help="manage users")
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    add = user_commands.add_parser("add", help="add a user and print an API token")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--email")
    add.add_argument(
        "--password",
        action="store_true",
        help="also set a password for signing in on the site (asked for, or read from stdin)",
    )
    add.set_defaults(run=_user_add)

    from paroledesk.intake.bulk_cli import AS_HELP, IMPORT_DESCRIPTION, RESULTS_HELP

    bulk = commands.add_parser(
        "import", help="file paper filings from a JSON Lines file", description=IMPORT_DESCRIPTION
    )
    bulk.add_argument("file", metavar="FILE", help="one filing document per line")
    bulk.add_argument("--results", metavar="OUT", help=RESULTS_HELP)
    bulk.add_argument("--as", dest="as_user", metavar="USERNAME", help=AS_HELP)
    bulk.set_defaults(run=_import)

    bench = commands.add_parser("bench", help="run the benchmark suite")
    bench.add_argument("--cases", type=int, default=10_000)
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(run=_bench)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
