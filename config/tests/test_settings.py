"""Settings as a fresh process sees them, for each way of deploying."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "conn_max_age": db["CONN_MAX_AGE"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
}))
"""


def settings_with(tmp_path, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "CELERY_BROKER_URL"}
    }
    base |= {"PAROLEDESK_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=base | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_without_settings_the_install_is_embedded(tmp_path):
    found = settings_with(tmp_path)
    assert found == {
        "engine": "django.db.backends.sqlite3",
        "conn_max_age": 600,
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "eager": True,
        "broker": "memory://localhost/",
    }


def test_each_variable_scales_out_one_part(tmp_path):
    found = settings_with(
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        CACHE_URL="redis://127.0.0.1:6379/1",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
    )
    assert found == {
        "engine": "django.db.backends.postgresql",
        "conn_max_age": 600,
        "cache": "django.core.cache.backends.redis.RedisCache",
        "eager": False,
        "broker": "redis://127.0.0.1:6379/0",
    }


def test_a_generated_secret_key_is_kept_private_and_stable(tmp_path):
    settings_with(tmp_path)
    key_file = tmp_path / "secret_key"
    first = key_file.read_text()
    settings_with(tmp_path)
    assert key_file.read_text() == first
    assert key_file.stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_sqlite_connections_write_ahead_and_keep_a_large_page_cache():

    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")
    with connection.cursor() as cursor:
        pragmas = {}
        for name in ("journal_mode", "synchronous", "cache_size"):
            cursor.execute(f"PRAGMA {name}")
            pragmas[name] = cursor.fetchone()[0]
    # synchronous 1 is NORMAL; a negative cache size is in KiB.
    assert pragmas == {"journal_mode": "wal", "synchronous": 1, "cache_size": -65536}


BEAT_PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: entry["task"] for name, entry in settings.CELERY_BEAT_SCHEDULE.items()}))
"""


@pytest.mark.parametrize(
    ("broker", "schedule"),
    [
        ("", {}),
        ("redis://127.0.0.1:6379/0", {"daily-sweep": "paroledesk.adjudication.tasks.sweep_today"}),
    ],
)
def test_the_daily_sweep_is_on_celery_beat_only_with_a_broker(tmp_path, broker, schedule):
    env = {key: value for key, value in os.environ.items() if key != "CELERY_BROKER_URL"}
    env |= {"PAROLEDESK_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"}
    if broker:
        env["CELERY_BROKER_URL"] = broker
    done = subprocess.run(
        [sys.executable, "-c", BEAT_PROBE],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == schedule
