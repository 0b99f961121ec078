"""Reading JSON from outside, and one fingerprint per document however it is written.

The API's parser (``lib.json_body``) and the bulk import read JSON here, so
both refuse the same things with the same words: text that is not JSON, NaN
and Infinity (not JSON, though Python writes them), numbers too long to read,
and nesting deeper than any filing document needs, which is refused before
Python's parser recurses into it.
"""

from __future__ import annotations

import hashlib
import json
import re

# A filing document nests three deep; the screener's input, two.
DEPTH_MAX = 20
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class JsonUnreadable(ValueError):
    """Not JSON we read; ``reason`` ends a sentence such as "The body is not valid JSON: ..."."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= DEPTH_MAX:
        return False  # a filing document: nothing to count
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub("", text)):
        if bracket.group() in "[{":
            depth += 1
            if depth > DEPTH_MAX:
                return True
        else:
            depth -= 1
    return False


def _no_constants(name: str) -> object:
    raise JsonUnreadable(f"{name} is not a JSON value; write a number or null")


def json_read(text: str) -> object:
    """The value written in ``text``; JsonUnreadable saying why there is none."""
    if _too_deep(text):
        raise JsonUnreadable(f"it is nested more than {DEPTH_MAX} levels deep")
    try:
        return json.loads(text, parse_constant=_no_constants)
    except JsonUnreadable:
        raise
    except json.JSONDecodeError as error:
        line = f"line {error.lineno} " if error.lineno > 1 else ""
        raise JsonUnreadable(f"{error.msg} at {line}column {error.colno}") from None
    except RecursionError:  # not reached past the depth check; kept as a last guard
        raise JsonUnreadable(f"it is nested more than {DEPTH_MAX} levels deep") from None
    except ValueError:  # a number with more digits than Python reads
        raise JsonUnreadable("a number in it is too long to read") from None


def fingerprint(document: object) -> str:
    """SHA-256 of the document as parsed: the same for any spacing, key order or escapes."""
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # A lone surrogate ("\ud800") is legal in JSON text; it is hashed as it came.
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
