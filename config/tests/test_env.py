import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, parse_database_url, parse_redis_url

BASE = Path("/srv/paroledesk")


def test_a_malformed_boolean_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false"):
        env_bool("DEBUG", False)


def test_booleans_read_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("SECURE_HTTPS", "Yes")
    assert env_bool("SECURE_HTTPS", False) is True
    monkeypatch.setenv("SECURE_HTTPS", "off")
    assert env_bool("SECURE_HTTPS", True) is False


def test_an_unset_variable_takes_the_default(monkeypatch):
    monkeypatch.delenv("DB_CONN_MAX_AGE", raising=False)
    assert env_int("DB_CONN_MAX_AGE", 600) == 600


def test_a_number_that_is_not_a_number_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("DB_CONN_MAX_AGE", "ten")
    with pytest.raises(ImproperlyConfigured, match="DB_CONN_MAX_AGE must be a whole number"):
        env_int("DB_CONN_MAX_AGE", 600)


def test_a_number_below_its_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_AGE", "5")
    with pytest.raises(ImproperlyConfigured, match="at least 300"):
        env_int("SESSION_COOKIE_AGE", 3600, minimum=300)


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", " a.example , b.example ,")
    assert env_list("ALLOWED_HOSTS", []) == ["a.example", "b.example"]


def test_a_postgres_url_becomes_a_database_entry():
    entry = parse_database_url(
        "DATABASE_URL",
        "postgres://pd:s%40cret@db.internal:6432/parole?sslmode=require",
        base_dir=BASE,
    )
    assert entry == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "parole",
        "USER": "pd",
        "PASSWORD": "s@cret",
        "HOST": "db.internal",
        "PORT": "6432",
        "OPTIONS": {"sslmode": "require"},
    }


def test_a_relative_sqlite_url_is_under_the_project_and_an_absolute_one_is_kept():
    relative = parse_database_url("DATABASE_URL", "sqlite:///var/x.sqlite3", base_dir=BASE)
    absolute = parse_database_url("DATABASE_URL", "sqlite:////tmp/x.sqlite3", base_dir=BASE)
    assert relative["NAME"] == "/srv/paroledesk/var/x.sqlite3"
    assert absolute["NAME"] == "/tmp/x.sqlite3"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/db", "must start with sqlite:// or postgres://"),
        ("postgres://user@host", "must name a database"),
        ("postgres://user@host:port/db", "port that is not a number"),
        ("sqlite://", "must name a file"),
    ],
)
def test_a_malformed_database_url_is_refused_by_name(url, message):
    with pytest.raises(ImproperlyConfigured, match=message) as refused:
        parse_database_url("DATABASE_URL", url, base_dir=BASE)
    assert "DATABASE_URL" in str(refused.value)


def test_a_cache_url_must_be_redis():
    assert parse_redis_url("CACHE_URL", "redis://127.0.0.1:6379/1").startswith("redis://")
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must be a redis:// URL"):
        parse_redis_url("CACHE_URL", "memcached://127.0.0.1")


def test_start_up_stops_on_a_malformed_setting_and_names_it(tmp_path):

    env = {
        **os.environ,
        "DATABASE_URL": "oracle://x/y",
        "PAROLEDESK_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode != 0
    assert "DATABASE_URL must start with sqlite:// or postgres://" in done.stderr
