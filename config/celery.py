"""Celery app. Without CELERY_BROKER_URL tasks run in-process (settings).

config/__init__.py loads this module; every command line entry (paroledesk's
commands, the benchmark) imports it again before any job is queued, because an
editable install made before config had that file resolves config as a
namespace package and never runs it. Jobs would then go to Celery's default
app, which does not run them in-process but sends them to a broker on
localhost, if there is one.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
app = Celery("paroledesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
