"""`paroledesk import`: paper filings from a JSON Lines file, one result line per input line."""

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.db import IntegrityError, OperationalError

from paroledesk.accounts.models import User
from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.audit.models import Event
from paroledesk.cases.models import Fee, ParoleRequest
from paroledesk.cli import main
from paroledesk.intake import services
from paroledesk.intake.bulk import importer as bulk
from paroledesk.intake.bulk.command import import_command
from paroledesk.intake.bulk.texts import INTAKE_ACCOUNT
from paroledesk.testing.fixtures import filing_document

pytestmark = pytest.mark.django_db
PAPER_FEE = 630  # in force since 2024-04-01; 575 before


@pytest.fixture(autouse=True)
def _monday(policy, time_machine):
    time_machine.move_to("2026-11-30 10:00:00-05:00", tick=False)


def paper(given_name="Farid", received_on="2026-11-02", fee=PAPER_FEE, **overrides):
    """A paper filing as a mail room keys it in: received on an earlier day."""
    beneficiary = {**filing_document()["beneficiary"], "given_name": given_name}
    return filing_document(
        beneficiary=beneficiary,
        received_on=received_on,
        fee={"payment": "paid", "amount_usd": fee},
        **overrides,
    )


def jsonl(tmp_path: Path, *lines) -> Path:
    path = tmp_path / "filings.jsonl"
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return path


def run(path: Path, *options: str) -> tuple[int, list[dict[str, Any]]]:
    out = path.with_name("results.jsonl")
    status = main(["import", str(path), "--results", str(out), *options])
    results = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    return status, results


def codes(result: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(error["code"], error["field"]) for error in result["errors"]]


def test_every_input_line_gets_one_result_line_counted_from_one(tmp_path, alice):
    status, results = run(
        jsonl(tmp_path, paper("Farid"), paper("Omid"), paper("Nasrin")), "--as", "alice"
    )
    assert status == 0
    assert results == [
        {"line": 1, "receipt_number": "HPL2702200001"},
        {"line": 2, "receipt_number": "HPL2702200002"},
        {"line": 3, "receipt_number": "HPL2702200003"},
    ]
    assert ParoleRequest.objects.filter(filed_by=alice, channel="paper").count() == 3


def test_a_refused_line_amid_good_ones_stops_nothing_and_undoes_nothing(tmp_path, alice):
    no_sponsor = paper("Omid")
    del no_sponsor["sponsor"]
    status, results = run(
        jsonl(tmp_path, paper("Farid"), no_sponsor, paper("Nasrin")), "--as", "alice"
    )
    assert status == 0
    assert [result.get("receipt_number") for result in results] == [
        "HPL2702200001",
        None,
        "HPL2702200002",
    ]
    assert codes(results[1]) == [("sponsor_required", "sponsor")]
    assert ParoleRequest.objects.count() == 2


def test_a_line_that_is_not_json_or_is_blank_is_an_invalid_line(tmp_path, alice):
    status, results = run(
        jsonl(tmp_path, paper(), '{"kind": "initial",', "", "[]"), "--as", "alice"
    )
    assert status == 0
    assert results[1] == {
        "line": 2,
        "errors": [
            {
                "code": "invalid",
                "field": None,
                "message": "Line 2 is not valid JSON: Expecting property name enclosed in "
                "double quotes at column 20.",
            }
        ],
    }
    assert results[2]["errors"][0]["message"] == "Line 3 is not valid JSON: it is blank."
    assert codes(results[3]) == [("invalid", None)]  # JSON, but not a filing document
    assert "receipt_number" in results[0]


def test_the_received_date_is_kept_from_the_file(tmp_path, alice):
    run(jsonl(tmp_path, paper(received_on="2026-10-14")), "--as", "alice")
    request = ParoleRequest.objects.get()
    assert request.received_on.isoformat() == "2026-10-14"
    assert list(Event.objects.about(request).values_list("on", flat=True)) == [request.received_on]
    assert request.notices.get().issued_on == request.received_on


def test_a_received_date_in_the_future_refuses_that_line_only(tmp_path, alice):
    _, results = run(
        jsonl(tmp_path, paper(received_on="2026-12-01"), paper("Omid")), "--as", "alice"
    )
    assert codes(results[0]) == [("invalid", "received_on")]
    assert results[0]["errors"][0]["message"] == "The received date 2026-12-01 is in the future."
    assert "receipt_number" in results[1]


def test_a_received_date_before_any_policy_refuses_that_line_with_a_reason(tmp_path, alice):
    _, results = run(jsonl(tmp_path, paper(received_on="2010-06-01", fee=575)), "--as", "alice")
    assert codes(results[0]) == [("invalid", "received_on")]
    assert results[0]["errors"][0]["message"].startswith("No filing can be judged on 2010-06-01:")


def test_the_fee_is_the_paper_fee_in_force_on_each_lines_received_date(tmp_path, alice):
    before_2024_rule = paper("Omid", received_on="2024-03-29", fee=575)
    old_fee_too_late = paper("Nasrin", received_on="2024-04-01", fee=575)
    _, results = run(
        jsonl(tmp_path, paper("Farid"), before_2024_rule, old_fee_too_late), "--as", "alice"
    )
    assert "receipt_number" in results[0]
    assert "receipt_number" in results[1]
    assert codes(results[2]) == [("fee_amount_incorrect", "fee.amount_usd")]
    assert "is $630; you sent $575" in results[2]["errors"][0]["message"]
    fees = Fee.objects.order_by("request__received_on")
    assert [(fee.amount_usd, fee.policy_effective_from.isoformat()) for fee in fees] == [
        (575, "2016-12-23"),
        (PAPER_FEE, "2024-04-01"),
    ]


def test_the_same_file_imported_twice_files_nothing_twice_and_reports_the_same_receipts(
    tmp_path, alice, capsys
):
    path = jsonl(tmp_path, paper("Farid"), "oops", paper("Omid"))
    _, first = run(path, "--as", "alice")
    _, second = run(path, "--as", "alice")
    assert second == first
    assert ParoleRequest.objects.count() == 2
    summaries = capsys.readouterr().err.splitlines()
    assert summaries == [
        "Filed 2, refused 1, already imported 0.",
        "Filed 0, refused 1, already imported 2.",
    ]


def test_the_same_line_twice_in_one_file_is_filed_once(tmp_path, alice):
    _, results = run(jsonl(tmp_path, paper(), paper()), "--as", "alice")
    assert results[0]["receipt_number"] == results[1]["receipt_number"]
    assert ParoleRequest.objects.count() == 1


def test_a_second_line_for_the_same_person_is_filed_with_a_possible_duplicate_warning(
    tmp_path, alice
):
    again = paper(requested_days=90)  # another filing for the same Farid Haidari
    _, results = run(jsonl(tmp_path, paper(), paper("Omid"), again), "--as", "alice")
    receipts = dict(ParoleRequest.objects.values_list("pk", "receipt_number"))
    warnings = {
        receipts[subject]: data
        for subject, data in Event.objects.filter(action="file").values_list("subject_id", "data")
    }
    assert [warnings[result["receipt_number"]]["warnings"] for result in results] == [
        [],
        [],
        ["possible_duplicate"],
    ]


def test_a_database_error_on_one_line_costs_that_line_only(tmp_path, alice, monkeypatch):
    def write_unless_broken(**arguments):
        if arguments["doc"].beneficiary.given_name == "Broken":
            raise IntegrityError("simulated")
        return real_write(**arguments)

    real_write = services.request_write
    monkeypatch.setattr(bulk, "request_write", write_unless_broken)
    _, results = run(
        jsonl(tmp_path, paper("Farid"), paper("Broken"), paper("Omid")), "--as", "alice"
    )
    assert codes(results[1]) == [("conflict", None)]
    assert [results[0]["receipt_number"], results[2]["receipt_number"]] == [
        "HPL2702200001",
        "HPL2702200002",
    ]
    assert ParoleRequest.objects.count() == 2


def test_a_database_failure_that_is_no_lines_fault_stops_the_import_with_status_1(
    tmp_path, alice, monkeypatch, capsys
):
    def locked(**arguments):
        raise OperationalError("database is locked")

    monkeypatch.setattr(bulk, "request_write", locked)
    status, results = run(jsonl(tmp_path, paper("Farid"), paper("Omid")), "--as", "alice")
    assert status == 1
    assert results == []  # the batch was rolled back, so no line has a result to report
    assert "The database stopped the import after line 0: database is locked." in (
        capsys.readouterr().err
    )
    assert not ParoleRequest.objects.exists()


def test_a_file_that_cannot_be_read_exits_with_2_and_says_why(tmp_path, alice, capsys):
    assert main(["import", str(tmp_path / "missing.jsonl")]) == 2
    assert "No such file or directory" in capsys.readouterr().err
    assert main(["import", str(tmp_path)]) == 2
    assert "Is a directory" in capsys.readouterr().err
    assert not User.objects.filter(username=INTAKE_ACCOUNT).exists()


def test_without_as_the_paper_intake_representative_files_and_is_made_once(tmp_path, capsys):
    path = jsonl(tmp_path, paper())
    run(path)
    run(jsonl(tmp_path, paper("Omid")))
    account = User.objects.get(username=INTAKE_ACCOUNT)
    assert account.role == "representative"
    assert ParoleRequest.objects.filter(filed_by=account).count() == 2
    assert capsys.readouterr().err.count("Made the account paper-intake") == 1


def test_staff_accounts_and_unknown_names_cannot_file_an_import(tmp_path, olivia, capsys):
    path = jsonl(tmp_path, paper())
    assert run(path, "--as", "olivia")[0] == 2
    assert run(path, "--as", "nobody")[0] == 2
    err = capsys.readouterr().err
    assert "olivia is officer; imports are filed by an active requestor or representative" in err
    assert "There is no account named 'nobody'." in err
    assert not ParoleRequest.objects.exists()


def test_without_results_the_results_go_to_stdout_and_the_summary_to_stderr(
    tmp_path, alice, capsys
):
    assert main(["import", str(jsonl(tmp_path, paper())), "--as", "alice"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line) for line in captured.out.splitlines()] == [
        {"line": 1, "receipt_number": "HPL2702200001"}
    ]
    # Not a terminal: no progress bar, only the summary.
    assert captured.err == "Filed 1, refused 0, already imported 0.\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_progress_bar_counts_the_lines(tmp_path, alice):
    stderr = Terminal()
    path = jsonl(tmp_path, paper("Farid"), paper("Omid"))
    status = import_command(
        path=str(path), results=None, username="alice", stdout=io.StringIO(), stderr=stderr
    )
    assert status == 0
    assert "2/2" in stderr.getvalue()
    assert stderr.getvalue().endswith("Filed 2, refused 0, already imported 0.\n")


@pytest.mark.django_db(transaction=True)
def test_notice_emails_printed_by_the_console_backend_stay_out_of_the_results(
    tmp_path, alice, settings, capsys
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert main(["import", str(jsonl(tmp_path, paper())), "--as", "alice"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line) for line in captured.out.splitlines()] == [
        {"line": 1, "receipt_number": "HPL2702200001"}
    ]
    assert "Subject: A new notice about request HPL2702200001" in captured.err


def test_a_refiling_line_names_a_denied_request_and_is_filed_for_the_same_person(
    tmp_path, alice, olivia, sam
):

    _, (first,) = run(jsonl(tmp_path, paper()), "--as", "alice")
    denied = ParoleRequest.objects.get(receipt_number=first["receipt_number"])
    refiling = paper(
        kind="refiling",
        related_receipt_number=denied.receipt_number,
        new_facts="A hospital has now confirmed the surgery date.",
    )
    _, (refused,) = run(jsonl(tmp_path, refiling), "--as", "alice")
    assert codes(refused) == [("refiling_requires_denial", "related_receipt_number")]

    work.case_assign(request=denied, officer=olivia, actor=sam)
    work.case_start_review(request=denied, actor=olivia)
    work.case_decide(
        request=denied, outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"]
    )
    _, (filed,) = run(jsonl(tmp_path, refiling), "--as", "alice")
    refiled = ParoleRequest.objects.get(receipt_number=filed["receipt_number"])
    assert refiled.related_request == denied
    assert refiled.beneficiary == denied.beneficiary
