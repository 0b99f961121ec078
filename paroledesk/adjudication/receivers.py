"""Adjudication's answers to what happens to a request (paroledesk.cases.signals)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from paroledesk.accounts.models import User
from paroledesk.adjudication.services import rfe_answer
from paroledesk.cases.models import ParoleRequest
from paroledesk.cases.signals import document_added


@receiver(document_added, dispatch_uid="adjudication.rfe_answered")
def rfe_answered(*, request: ParoleRequest, actor: User, **_: Any) -> None:
    """A document a party sends while the request waits for evidence is the answer:
    the request goes back to its officer, and its clock runs again."""
    rfe_answer(request=request, actor=actor)
