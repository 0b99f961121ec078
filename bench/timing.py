"""A benchmark figure: how many of something per second."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    count: int
    seconds: float
    unit: str

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else float("inf")


def timed(name: str, count: int, unit: str, work: Callable[[], object]) -> Figure:
    started = time.perf_counter()
    work()
    return Figure(name, count, time.perf_counter() - started, unit)
