"""The `paroledesk` command: serve the site, add users, import paper filings, ask the help
center, benchmarks."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date

import django

import config.celery  # noqa: F401 - the project's Celery app, before any job is queued
from bench.run import main as bench_main
from paroledesk.core.roles import Role
from paroledesk.intake.bulk.texts import AS_HELP, IMPORT_DESCRIPTION, RESULTS_HELP

SERVE_HELP = "Migrate, load policy, seed demo data into an empty database, and serve."
TOTP_HELP = (
    "Print the code that a demo staff member's authenticator app would show now, "
    "to sign in as olivia, oscar, sam or ada. Demo accounts only."
)
SWEEP_HELP = (
    "The daily duties: requests for evidence and parole fees past their deadlines, "
    "reminders, paroles run out, and notices not yet delivered. Safe to run twice a day."
)
ASK_HELP = (
    "Ask the help center a question, in English or Spanish, and print the articles that "
    "answer it best, best first (with --json, the API's answer)."
)
RESEAL_HELP = (
    "Seal every encrypted value and evidence file again under the first key of "
    "PAROLEDESK_DATA_KEY, and recompute the blind indexes. Safe to stop and run again. "
    "Run it after putting a new key first (docs/security.md, Rotating the key)."
)
SCREEN_HELP = (
    "Could parole be asked for, and what would it need? General information, not legal "
    "advice. Exit 0 with the result, 1 when the answers are refused, 2 when FILE cannot be read."
)


def _with_django(name: str) -> Callable[[argparse.Namespace], int]:
    """The command ``name`` of paroledesk.cli.commands, run once Django is set up."""

    def run(args: argparse.Namespace) -> int:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        django.setup()
        # Models can be imported only once Django is set up: the one import made late.
        from paroledesk.cli import commands  # noqa: PLC0415

        command: Callable[[argparse.Namespace], int] = getattr(commands, name)
        return command(args)

    return run


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-12-01") from None


def _bench(args: argparse.Namespace) -> int:
    return bench_main(cases=args.cases, as_json=args.json, pages=args.pages)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="paroledesk", description="Parole Desk")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help=SERVE_HELP, description=SERVE_HELP)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--no-demo", action="store_true", help="do not seed demo data")
    serve.set_defaults(run=_with_django("serve"))

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
    add.set_defaults(run=_with_django("user_add"))

    totp = commands.add_parser(
        "totp",
        help="print the second-factor code of a demo staff account (demo only)",
        description=TOTP_HELP,
    )
    totp.add_argument("name", metavar="NAME")
    totp.set_defaults(run=_with_django("totp"))

    bulk = commands.add_parser(
        "import", help="file paper filings from a JSON Lines file", description=IMPORT_DESCRIPTION
    )
    bulk.add_argument("file", metavar="FILE", help="one filing document per line")
    bulk.add_argument("--results", metavar="OUT", help=RESULTS_HELP)
    bulk.add_argument("--as", dest="as_user", metavar="USERNAME", help=AS_HELP)
    bulk.set_defaults(run=_with_django("bulk_import"))

    reseal = commands.add_parser(
        "reseal",
        help="seal everything encrypted again under the first data key (after a key rotation)",
        description=RESEAL_HELP,
    )
    reseal.set_defaults(run=_with_django("reseal"))

    sweep = commands.add_parser("sweep", help=SWEEP_HELP, description=SWEEP_HELP)
    sweep.add_argument(
        "--today",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the day to sweep for (default: today where the site is)",
    )
    sweep.set_defaults(run=_with_django("sweep"))

    screen = commands.add_parser(
        "screen", help="eligibility screener on a JSON file of answers", description=SCREEN_HELP
    )
    screen.add_argument("file", metavar="FILE", help="the answers, as POST /api/v1/screenings")
    screen.add_argument("--json", action="store_true", help="the result as JSON")
    screen.set_defaults(run=_with_django("screen"))

    ask = commands.add_parser("ask", help="ask the help center a question", description=ASK_HELP)
    ask.add_argument("question", metavar="QUESTION")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.set_defaults(run=_with_django("ask"))

    bench = commands.add_parser("bench", help="run the benchmark suite")
    bench.add_argument("--cases", type=int, default=10_000)
    bench.add_argument("--json", action="store_true")
    bench.add_argument(
        "--pages",
        action="store_true",
        help="also time the work lists, Supervise, the dashboard and the queue API through "
        "the real server, next to the home page, with 4 clients at once",
    )
    bench.set_defaults(run=_bench)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
