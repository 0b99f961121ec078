"""`paroledesk screen FILE [--json]`: the eligibility screener on a JSON file of answers.

Exit status 0 with the result; 1 when the answers are refused (the errors, in
the API's shape, on standard output with --json); 2 when the file cannot be
read at all. Nothing is kept.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from django.conf import settings

from paroledesk.core.codes import ErrorCode
from paroledesk.core.filing_rules import FieldError
from paroledesk.core.json_text import JsonUnreadable, json_read
from paroledesk.core.screening import ScreeningInvalid
from paroledesk.screening.selectors import screening_for
from paroledesk.screening.words import screening_json


def _read(path: str, stderr: TextIO) -> bytes | None:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        with open(path, "rb") as source:
            raw = source.read(limit + 1)
    except OSError as error:
        print(f"Cannot read {path}: {error.strerror or error}.", file=stderr)
        return None
    if len(raw) > limit:
        print(f"{path} is larger than {limit:,} bytes, more than any answers need.", file=stderr)
        return None
    return raw


def _answers(raw: bytes) -> object:
    try:
        return json_read(raw.decode("utf-8"))
    except UnicodeDecodeError:
        reason = "it is not UTF-8 text"
    except JsonUnreadable as unreadable:
        reason = unreadable.reason
    message = f"The file is not valid JSON: {reason}."
    raise ScreeningInvalid([FieldError(ErrorCode.INVALID, None, message)])


def _plain(body: dict[str, Any]) -> str:
    lines = [f"Outcome: {body['outcome']}"]
    lines += [f"Flag: {flag}" for flag in body["flags"]]
    lines += ["", "Next steps:"] + [f"- {step['text']}" for step in body["next_steps"]]
    if body["checklist"]:
        lines += ["", "Documents to gather:"] + [f"- {i['what']}" for i in body["checklist"]]
    return "\n".join([*lines, "", body["disclaimer"]])


def screen_command(*, path: str, as_json: bool, stdout: TextIO, stderr: TextIO) -> int:
    """Run the screener on the file; returns the exit status."""
    raw = _read(path, stderr)
    if raw is None:
        return 2
    try:
        body = screening_json(screening_for(raw=_answers(raw)))
    except ScreeningInvalid as invalid:
        errors = [error.as_dict() for error in invalid.errors]
        if as_json:
            print(json.dumps({"errors": errors}, ensure_ascii=False, indent=2), file=stdout)
        for error in errors:
            print(f"{error['field'] or 'answers'}: {error['message']}", file=stderr)
        return 1
    print(json.dumps(body, ensure_ascii=False, indent=2) if as_json else _plain(body), file=stdout)
    return 0
