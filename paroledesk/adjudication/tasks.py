"""Adjudication's jobs for Celery workers: the daily sweep, run by beat with a broker."""

from __future__ import annotations

from dataclasses import asdict

from celery import shared_task
from django.utils import timezone

from paroledesk.adjudication.sweep import sweep


@shared_task
def sweep_today() -> dict[str, int]:
    """`paroledesk sweep` for today where the site is; what it did, by duty."""
    return asdict(sweep(timezone.localdate()))
