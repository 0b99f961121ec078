"""Parole Desk settings: every knob is an environment variable (see .env.example).

The defaults make an embedded install that needs nothing running: SQLite and
files under var/, a cache in the same database, Celery tasks run in the web process.
Setting DATABASE_URL, CACHE_URL or CELERY_BROKER_URL scales each part out.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    parse_redis_url,
)
from config.private import private_tree
from paroledesk.core.crypto import decode_keys, new_key_text

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("PAROLEDESK_VAR_DIR", str(BASE_DIR / "var")))
# Everything under var/ is for this user alone: the database and its WAL, keys,
# files, mail, the cache. The umask covers what this process creates from now on
# (SQLite gives its -wal and -shm the database's mode); the chmod covers what an
# older version left readable.
os.umask(0o077)
VAR_DIR.mkdir(parents=True, exist_ok=True)
private_tree(VAR_DIR)

DEBUG = env_bool("DEBUG", False)
# The work lists' index carries extra columns on PostgreSQL to count without the rows;
# SQLite makes the same index without them, which is all this warning says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]


def _write_private_once(path: Path, text: str) -> None:
    # A private file linked into place: never readable by others, not even for a moment;
    # of two processes starting at once, both keep the first one's (link never replaces).
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w") as out:
            out.write(text)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def _kept_secret(name: str, *, file_name: str, generate: Callable[[], str]) -> tuple[str, str]:
    """A secret from the environment, else one generated once into var/file_name.

    Returns it with where it came from, for messages that must never quote it."""
    configured = env_str(name, "")
    if configured:
        return configured, name
    key_file = VAR_DIR / file_name
    if not key_file.exists():
        _write_private_once(key_file, generate())
    return key_file.read_text().strip(), str(key_file)


def _secret_key() -> str:
    key, source = _kept_secret(
        "SECRET_KEY", file_name="secret_key", generate=lambda: secrets.token_urlsafe(50)
    )
    if len(key) < 32:
        raise ImproperlyConfigured(f"{source} must be at least 32 characters long.")
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "paroledesk.accounts",
    "paroledesk.audit",
    "paroledesk.policy",
    "paroledesk.cases",
    "paroledesk.notices",
    "paroledesk.intake",
    "paroledesk.adjudication",
    "paroledesk.screening",
    "paroledesk.helpcenter",
    "paroledesk.inquiry",
    "paroledesk.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: on pages the language comes from the visitor's choice
    # (a cookie), else the browser's Accept-Language, else English; URLs carry no prefix.
    # The API answers in English (paroledesk.lib.language).
    "paroledesk.lib.language.PageLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "paroledesk.lib.uploads.ChunkedApiBodies",
    "paroledesk.accounts.middleware.StaffSecondFactorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "paroledesk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "paroledesk.web.context.site",
            ],
        },
    },
]

# Databases. Persistent connections matter: without them a one-row lookup on
# PostgreSQL is about ten times slower here (docs/benchmarks.md, ../shared/measured.md).
_database_url = env_str("DATABASE_URL", "")
DATABASES: dict[str, dict[str, Any]] = {
    "default": (
        parse_database_url("DATABASE_URL", _database_url, base_dir=BASE_DIR)
        if _database_url
        else {"ENGINE": "django.db.backends.sqlite3", "NAME": str(VAR_DIR / "paroledesk.sqlite3")}
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 600, minimum=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; a busy timeout instead of
    # "database is locked" when two writers meet. A page cache of up to 64 MiB a
    # connection (SQLite's default is 2 MiB): index pages written at random, as
    # receipt numbers and keys are, stay in memory as the tables grow
    # (docs/benchmarks.md). It is taken only as pages are read.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
        ),
    }
    # Tests use a real file too: an in-memory database shares one cache between
    # threads and fails concurrent writers instead of making them wait.
    # One file per process, so two test runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every process: sign-in lockouts and used one-time codes must hold
# whichever worker answers. Embedded, it is a table of the database (made by
# migrate: paroledesk.accounts.apps); entries are many before any are culled, so
# that trying many user names cannot push lockouts out of it.
_cache_url = env_str("CACHE_URL", "")
CACHES: dict[str, dict[str, Any]] = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": parse_redis_url("CACHE_URL", _cache_url),
        }
        if _cache_url
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "paroledesk_cache",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000, "CULL_FREQUENCY": 10},
        }
    )
}

# Celery: a broker scales jobs out to workers; without one, tasks run in-process.
_broker_url = env_str("CELERY_BROKER_URL", "")
# Without one, Celery would assume a broker on localhost; name an in-memory one
# instead, so that nothing is ever sent anywhere (and kombu has no host to warn of).
CELERY_BROKER_URL = _broker_url or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = not _broker_url
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = "America/New_York"
# With a broker, `celery -A config beat` runs the daily sweep at 02:00 site time (README).
# Without one there is no beat: run `paroledesk sweep` from cron instead.
CELERY_BEAT_SCHEDULE = (
    {
        "daily-sweep": {
            "task": "paroledesk.adjudication.tasks.sweep_today",
            "schedule": crontab(hour=2, minute=0),
        }
    }
    if _broker_url
    else {}
)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "landing"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
# Sign-up never says whether an address is registered: an address already in use
# gets the same "check your e-mail" page, and its owner a note saying so, which
# needs every new address verified (allauth's enumeration prevention). Accounts an
# administrator makes have their address verified already (accounts.services).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_ADAPTER = "paroledesk.accounts.adapter.AccountAdapter"
# Sign-in lockout (docs/security.md, finding 6): failed passwords are counted per
# account from one address ("login_failed_from", keyed by address and user name in
# the adapter) and per account from everywhere ("login_failed", allauth's own key,
# the user name; also wrong second-factor codes, per user). Nothing counts per
# address alone, so one attacker cannot lock out everyone behind that address.
ACCOUNT_RATE_LIMITS = {
    "login": "",
    "login_failed": "20/h/key",
    "login_failed_from": "5/5m/key",
}
MFA_ADAPTER = "paroledesk.accounts.adapter.SecondFactorAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# A code typed as the app turns to the next one still counts: one step either side, as
# RFC 6238 (5.2) allows for the time it takes to type and send. Each code works once.
MFA_TOTP_TOLERANCE = 1
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=300)
SECURE_HTTPS = env_bool("SECURE_HTTPS", False)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS
SECURE_HSTS_SECONDS = 31536000 if SECURE_HTTPS else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Public and requestor pages in English and Spanish (docs/adr/0013-translations.md);
# written notices stay in English, the language of the decision.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "paroledesk" / "locale"]
# The visitor's choice is kept for a year; a first visit follows the browser.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SECURE_HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# The USWDS package's compiled files only (its Sass sources stay out).
_USWDS = BASE_DIR / "node_modules" / "@uswds" / "uswds" / "dist"
STATICFILES_DIRS = [(f"uswds/{part}", _USWDS / part) for part in ("css", "js", "img", "fonts")]


def _data_keys() -> list[bytes]:
    text, source = _kept_secret("PAROLEDESK_DATA_KEY", file_name="data_key", generate=new_key_text)
    try:
        return decode_keys(text)
    except ValueError as problem:
        raise ImproperlyConfigured(f"{source} {problem}") from None


# Encryption at rest (docs/security.md): the first key seals, any further ones
# (comma-separated in PAROLEDESK_DATA_KEY, during a rotation) only open older data.
PAROLEDESK_DATA_KEYS = _data_keys()
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # Evidence is sealed anyway; private modes keep even its envelopes to this user.
        "OPTIONS": {
            "location": str(VAR_DIR / "files"),
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
    # Hashed names let browsers cache static files for a year; tests swap in the
    # plain storage (conftest.py) so they need no collectstatic.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "paroledesk.accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["paroledesk.lib.json_body.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "paroledesk.lib.api_errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Parole Desk API",
    "DESCRIPTION": "File and follow humanitarian parole requests (INA 212(d)(5)(A)).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Three fields are named "kind"; each set of values gets a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "RequestKindEnum": "paroledesk.api.requests.REQUEST_KINDS",
        "EvidenceKindEnum": "paroledesk.intake.evidence.api.KINDS",
        "NoticeKindEnum": "paroledesk.api.requests.NOTICE_KINDS",
    },
}

# Embedded, mail is kept as files in var/mail (one file a message, for this user
# only) rather than printed where it would bury the output and the log.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Parole Desk <no-reply@localhost>")

# Shown on every page: whether this deployment is an official government site
# (the USWDS banner) and whether it runs with demonstration data.
PAROLEDESK_OFFICIAL_SITE = env_bool("PAROLEDESK_OFFICIAL_SITE", False)
PAROLEDESK_SITE_NAME = env_str("PAROLEDESK_SITE_NAME", "Parole Desk")
MFA_TOTP_ISSUER = PAROLEDESK_SITE_NAME

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No query string (search terms) or key in a link (password reset, e-mail
    # confirmation) reaches the log: config.logs.
    "filters": {"redact": {"()": "config.logs.RedactSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every rendering step at INFO, and Celery every job that
    # succeeded (in-process, one per filing's notices).
    "loggers": {
        name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "celery.app.trace")
    },
}
