"""Rules of the house that no one test of a feature would notice being broken.

- The event log has one writer: audit.services.
- Codes the outside world sees are members of the enumerations in core.codes,
  and the schema lists exactly those.
- Policy figures never appear as literals in templates.
"""

from __future__ import annotations

import re
from pathlib import Path

from paroledesk.core.codes import FILING_REFUSALS, EventAction, WarningCode
from paroledesk.core.lifecycle import Action
from paroledesk.intake.api.schema import FILED, INTAKE_ERROR_CODES, WARNING_CODES

ROOT = Path(__file__).resolve().parents[1]


def source_files() -> list[Path]:
    return [
        path
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def test_only_the_audit_service_writes_events_and_views() -> None:
    writes = re.compile(
        r"\b(Event|View)\.objects\.(create|bulk_create|get_or_create)|\bnew\((Event|View)\b"
    )
    writers = {
        str(path.relative_to(ROOT)) for path in source_files() if writes.search(path.read_text())
    }
    assert writers == {"audit/services.py"}


def test_an_event_action_never_takes_a_lifecycle_actions_name() -> None:
    assert not {action.value for action in Action} & {action.value for action in EventAction}


def test_the_schema_lists_exactly_the_codes_of_the_enumerations() -> None:
    assert [code.value for code in FILING_REFUSALS] == INTAKE_ERROR_CODES
    assert [code.value for code in WarningCode] == WARNING_CODES
    warning = FILED["properties"]["warnings"]["items"]["properties"]["code"]
    assert warning["enum"] == WARNING_CODES


def test_no_code_is_typed_as_a_bare_string_where_a_refusal_is_made() -> None:
    bare = re.compile(r"""(FieldError|Refusal|ApiError|UploadRefused|AdjudicationError)\(\s*["']""")
    found = [
        str(path.relative_to(ROOT)) for path in source_files() if bare.search(path.read_text())
    ]
    assert found == []


def test_templates_carry_no_fee_or_day_count_of_their_own() -> None:
    # Fees, windows and lead times come from policy through the view or the notice's content.
    literal = re.compile(r"\$\s?\d|\b\d+\s+(?:business\s+|calendar\s+)?days?\b|\b\d+ to \d+\b")
    found = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in ROOT.rglob("*.html")
        for match in literal.finditer(path.read_text())
    ]
    assert found == []
