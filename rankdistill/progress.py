"""Progress reporting that stages call and the CLI renders (rich stays at the CLI edge).

Stages do ``with progress.task("generate", total=n) as bar: bar.advance(m)``; with no reporter installed
this costs nothing, so library users and tests see no output.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Protocol


class Bar(Protocol):
    def advance(self, n: int = 1) -> None: ...
    def update(self, description: str) -> None: ...


class Reporter(Protocol):
    def start(self, name: str, total: int | None, completed: int = 0) -> Bar: ...
    def stop(self, bar: Bar) -> None: ...
    def log(self, message: str) -> None: ...


class _NullBar:
    def advance(self, n: int = 1) -> None:
        pass

    def update(self, description: str) -> None:
        pass


_reporter: Reporter | None = None


def set_reporter(reporter: Reporter | None) -> None:
    global _reporter
    _reporter = reporter


@contextlib.contextmanager
def task(name: str, total: int | None, completed: int = 0) -> Iterator[Bar]:
    if _reporter is None:
        yield _NullBar()
        return
    bar = _reporter.start(name, total, completed)
    try:
        yield bar
    finally:
        _reporter.stop(bar)


def log(message: str) -> None:
    """A line for the user (printed above the bars by the CLI; dropped otherwise)."""
    if _reporter is not None:
        _reporter.log(message)
