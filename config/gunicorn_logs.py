"""gunicorn's logger with config.logs.RedactSecrets on its access and error logs.

`paroledesk serve` names it with --logger-class."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from config.logs import RedactSecrets


class RedactingLogger(Logger):  # type: ignore[misc]  # gunicorn is untyped
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.access_log, self.error_log):
            log.addFilter(RedactSecrets())
