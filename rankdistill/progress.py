"""Progress reporting that stages call and the CLI renders (rich stays at the CLI edge).

Stages do ``with progress.task("generate", total=n) as bar: bar.advance(m)``; with no reporter installed
this costs nothing, so library users and tests see no output. The CLI installs rich bars on a terminal and
``PlainReporter`` (start / end / heartbeat lines) otherwise.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, Protocol

# C0 controls but tab and newline, DEL, and C1 controls: what makes a terminal move the cursor, recolour,
# retitle the window or read back its state (ESC [ ... and ESC ] ... BEL), and \r, which hides a line's start.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: object) -> str:
    """``text`` safe to print: control characters shown as ``\\x1b``-style escapes instead of acting on the
    terminal. Everything that prints what came from outside (server replies, paths, data) goes through this."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


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
_held: list[str] | None = None  # lines logged with no reporter installed, while the CLI holds them (``hold``)


def set_reporter(reporter: Reporter | None) -> None:
    """Install (or remove) the reporter; lines held until one is installed go to it first."""
    global _reporter
    _reporter = reporter
    if reporter is not None and _held:
        pending = list(_held)
        _held.clear()
        for message in pending:
            reporter.log(message)


def hold() -> None:
    """Keep the lines logged while no reporter is installed (a recipe's migration notes, a plug-in's warning,
    logged as the CLI reads its arguments), for the next reporter or ``release``."""
    global _held
    _held = []


def release() -> list[str]:
    """The lines held and not shown yet; stops holding."""
    global _held
    out, _held = _held or [], None
    return out


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
    """A line for the user (printed above the bars by the CLI, or held until it shows them; dropped otherwise)."""
    if _reporter is not None:
        _reporter.log(message)
    elif _held is not None:
        _held.append(message)


class PlainReporter:
    """Readable logs where no terminal draws bars (CI, nohup, a log file): a line when a stage starts and
    when it ends (items, seconds), and a heartbeat line every ``heartbeat`` seconds on a long stage."""

    def __init__(self, stream: Any = None, heartbeat: float = 30.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.heartbeat = heartbeat
        self._bars: list[_PlainBar] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PlainReporter:
        set_reporter(self)
        self._thread = threading.Thread(target=self._beat, name="rankdistill-heartbeat", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        set_reporter(None)
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1)

    def _print(self, message: str) -> None:
        with self._lock:
            print(f"[{time.strftime('%H:%M:%S')}] {printable(message)}", file=self.stream, flush=True)

    def _beat(self) -> None:
        while not self._stop.wait(min(self.heartbeat, 1.0)):
            now = time.monotonic()
            for bar in list(self._bars):
                if now - bar.last_line >= self.heartbeat:
                    bar.last_line = now
                    self._print(f"{bar.label()}: {bar.counts()}, {bar.rate()}, {now - bar.t0:.0f} s so far")

    def start(self, name: str, total: int | None, completed: int = 0) -> Bar:
        bar = _PlainBar(name, total, completed)
        items = f"{total} items" if total is not None else "items unknown"
        resumed = f", {completed} done before" if completed else ""
        self._print(f"{name}: start ({items}{resumed})")
        self._bars.append(bar)
        return bar

    def stop(self, bar: Bar) -> None:
        assert isinstance(bar, _PlainBar)
        if bar in self._bars:
            self._bars.remove(bar)
        self._print(f"{bar.label()}: end ({bar.counts()}, {time.monotonic() - bar.t0:.1f} s)")

    def log(self, message: str) -> None:
        self._print(message)


class _PlainBar:
    def __init__(self, name: str, total: int | None, completed: int) -> None:
        self.name, self.total, self.done, self.start_done = name, total, completed, completed
        self.description = ""
        self.t0 = self.last_line = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n

    def update(self, description: str) -> None:
        self.description = description

    def label(self) -> str:
        return f"{self.name} ({self.description})" if self.description else self.name

    def counts(self) -> str:
        return f"{self.done}/{self.total} items" if self.total is not None else f"{self.done} items"

    def rate(self) -> str:
        per_s = (self.done - self.start_done) / max(time.monotonic() - self.t0, 1e-9)
        return f"{per_s:.2f} items/s" if per_s >= 0.1 else f"{60 * per_s:.2f} items/min"
