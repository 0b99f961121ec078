"""PAROLEDESK_DATA_KEY as a fresh process reads it, the way SECRET_KEY is read."""

import base64
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import django
from django.conf import settings
django.setup()
print(",".join(key.hex() for key in settings.PAROLEDESK_DATA_KEYS))
"""


def start(tmp_path, **env):
    base = {key: value for key, value in os.environ.items() if key != "PAROLEDESK_DATA_KEY"}
    base |= {"PAROLEDESK_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings"}
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        env=base | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_an_embedded_install_generates_one_private_key_and_keeps_it(tmp_path):
    first = start(tmp_path)
    key_file = tmp_path / "data_key"
    assert first.returncode == 0, first.stderr
    assert len(base64.b64decode(key_file.read_text())) == 32
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert start(tmp_path).stdout == first.stdout
    assert first.stdout.strip() == base64.b64decode(key_file.read_text()).hex()


def test_a_configured_key_is_used_and_nothing_is_written(tmp_path):
    key = bytes(range(32))
    done = start(tmp_path, PAROLEDESK_DATA_KEY=base64.b64encode(key).decode())
    assert done.stdout.strip() == key.hex()
    assert not (tmp_path / "data_key").exists()


def test_a_malformed_key_stops_start_up_naming_the_variable_but_not_the_value(tmp_path):
    done = start(tmp_path, PAROLEDESK_DATA_KEY="hunter2-is-not-a-key")
    assert done.returncode != 0
    assert "ImproperlyConfigured: PAROLEDESK_DATA_KEY must be 32 random bytes" in done.stderr
    assert "hunter2" not in done.stderr
