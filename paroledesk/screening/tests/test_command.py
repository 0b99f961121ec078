"""`paroledesk screen FILE --json`: the screener from the command line."""

from __future__ import annotations

import json

import pytest

from paroledesk.cli import main
from paroledesk.core.tests.test_screening import answers

pytestmark = pytest.mark.usefixtures("policy")


def test_the_command_prints_the_result_as_json(tmp_path, capsys, time_machine):
    time_machine.move_to("2026-11-30 12:00:00Z", tick=False)
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers(has_sponsor=False)))
    assert main(["screen", str(file), "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["outcome"] == "may_request_parole"
    assert body["flags"] == ["financial_support_missing"]
    assert body["filing_fee_usd"] == 580


def test_without_json_the_command_prints_the_result_in_words(tmp_path, capsys):
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers(reason_category="none")))
    assert main(["screen", str(file)]) == 0
    printed = capsys.readouterr().out
    assert "Outcome: not_eligible" in printed
    assert "not legal advice" in printed


def test_refused_answers_print_the_errors_and_exit_one(tmp_path, capsys):
    file = tmp_path / "answers.json"
    file.write_text(
        json.dumps(answers(current_parole={"granted_by": "cbp", "ends_on": "2027-01-01"}))
    )
    assert main(["screen", str(file), "--json"]) == 1
    captured = capsys.readouterr()
    errors = json.loads(captured.out)["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [("invalid", "current_parole")]
    assert "current_parole: A person outside the United States" in captured.err


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"{not json", "The file is not valid JSON"), (b"\xff\xfe{}", "it is not UTF-8 text")],
)
def test_a_file_that_is_not_json_is_refused_in_the_error_shape(tmp_path, capsys, content, reason):
    file = tmp_path / "answers.json"
    file.write_bytes(content)
    assert main(["screen", str(file), "--json"]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors[0]["field"] is None
    assert reason in errors[0]["message"]


def test_a_file_that_cannot_be_read_says_so_and_exits_two(tmp_path, capsys):
    assert main(["screen", str(tmp_path / "missing.json"), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Cannot read" in captured.err
    assert "No such file or directory" in captured.err
