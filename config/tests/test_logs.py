import logging
import os
import stat

from config.logs import RedactSecrets, redact
from config.private import private_tree


def test_query_strings_and_keys_in_links_are_taken_out_of_log_lines():
    line = (
        '"GET /admin/cases/parolerequest/?q=Haidari HTTP/1.1" 200 "http://x/accounts/'
        'password/reset/key/4-cb1ab7-0a1b2c/" /accounts/confirm-email/MTI:abc123/'
    )
    assert redact(line) == (
        '"GET /admin/cases/parolerequest/?[query] HTTP/1.1" 200 "http://x/accounts/'
        'password/reset/key/[key]/" /accounts/confirm-email/[key]/'
    )


def test_the_filter_rewrites_a_record_with_arguments():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "Not Found: %s", ("/a?q=b",), None)
    assert RedactSecrets().filter(record)
    assert record.getMessage() == "Not Found: /a?[query]"


def test_what_an_older_version_left_open_under_var_is_closed(tmp_path):
    (tmp_path / "files").mkdir(mode=0o755)
    database = tmp_path / "paroledesk.sqlite3"
    database.write_text("")
    os.chmod(database, 0o644)
    os.chmod(tmp_path / "files", 0o755)  # noqa: S103 - the mode being fixed
    private_tree(tmp_path)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "files").stat().st_mode) == 0o700
    assert stat.S_IMODE(tmp_path.stat().st_mode) & 0o077 == 0
