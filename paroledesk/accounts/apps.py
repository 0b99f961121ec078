from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def _cache_table(using: str, **_: Any) -> None:
    # The shared cache (settings.CACHES) is a table when no Redis is named:
    # every migrate makes it if missing, so serve, `manage.py migrate` and the
    # test databases all have it. A no-op for Redis.
    call_command("createcachetable", database=using, verbosity=0)


class AccountsConfig(AppConfig):
    name = "paroledesk.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Registers the token's description with drf-spectacular.
        from paroledesk.accounts import schema  # noqa: F401, PLC0415

        post_migrate.connect(_cache_table, sender=self)
