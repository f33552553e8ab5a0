"""RUN_DIR/ledger.sqlite: every paid call, what it cost, and the cache that makes a repeated call free.

A call is keyed by a hash of (model, template, rendered messages, sampling). A key that already has a reply is
answered from the ledger and never sent again. Each call is tagged with the round and stage that made it (judge,
teacher, label, reward, win_rate) and, for compare's algorithm runs that share this file, their run directory.
``judge.max_cost`` holds across concurrent calls: before a call is sent, an upper bound of its cost is reserved
(see ``Ledger.ask``). Schema changes are appended to ``MIGRATIONS`` (never edited); ``PRAGMA user_version``
records how many have run. API keys never reach this file: only what is sent as the request body (messages,
sampling) and what comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import shutil
import signal
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UserError

MIGRATIONS = [
    """
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        created REAL NOT NULL,
        round INTEGER,
        stage TEXT,
        prompt_id TEXT,
        judge TEXT,
        model TEXT,
        template TEXT,
        request TEXT,
        reply TEXT,
        parsed TEXT,
        error TEXT,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        latency_s REAL NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        retries INTEGER NOT NULL DEFAULT 0,
        cached INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX calls_key ON calls(key);
    """,
    """
    CREATE TABLE rankings (
        round INTEGER,
        prompt_id TEXT,
        judge TEXT,
        abstained INTEGER NOT NULL,
        consistent INTEGER NOT NULL,
        verdicts INTEGER NOT NULL DEFAULT 0,
        abstentions INTEGER NOT NULL DEFAULT 0,
        comparisons INTEGER NOT NULL DEFAULT 0,
        inconsistent INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (round, prompt_id, judge)
    );
    """,
    """
    CREATE TABLE events (created REAL NOT NULL, event TEXT NOT NULL);
    """,
    # the run directory that made the call or ranking, relative to the ledger's own ('': the ledger's run);
    # compare's algorithm runs share their compare run's ledger, and their rounds must not overwrite each other's
    """
    ALTER TABLE calls ADD COLUMN run_dir TEXT NOT NULL DEFAULT '';
    CREATE TABLE rankings_by_run (
        run_dir TEXT NOT NULL DEFAULT '',
        round INTEGER,
        prompt_id TEXT,
        judge TEXT,
        abstained INTEGER NOT NULL,
        consistent INTEGER NOT NULL,
        verdicts INTEGER NOT NULL DEFAULT 0,
        abstentions INTEGER NOT NULL DEFAULT 0,
        comparisons INTEGER NOT NULL DEFAULT 0,
        inconsistent INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_dir, round, prompt_id, judge)
    );
    INSERT INTO rankings_by_run
        SELECT '', round, prompt_id, judge, abstained, consistent, verdicts, abstentions, comparisons, inconsistent
        FROM rankings;
    DROP TABLE rankings;
    ALTER TABLE rankings_by_run RENAME TO rankings;
    """,
]

# Disk space a call needs before it is sent: this much free beside the ledger, plus for each call in flight its
# request and a reply of max_tokens at this many bytes a token, twice (the write-ahead log, then the file).
MIN_FREE_BYTES = 4 * 2**20
BYTES_PER_TOKEN = 32

# Cost reserved before a call: every BPE token covers at least one byte of text, so a message's UTF-8 bytes bound
# its tokens; the chat format adds a few tokens per message (role markers), bounded here by this many.
TOKENS_PER_MESSAGE = 8

NEW_LEDGER_EVENT = "new ledger"  # recorded by start_new_ledger: this ledger was started anew on purpose


class LedgerError(UserError):
    """A ledger that is corrupt, or missing / empty while the run's rankings were judged through it."""


class CostLimitReached(UserError, RuntimeError):
    """judge.max_cost is spent: judging stops cleanly and resumes from the ledger when run again."""

    exit_code = 3
    prefix = "stopped"


class LedgerFull(LedgerError):
    """The ledger cannot be written (a full disk, or too little room left for the answers of the calls in flight):
    no further call is sent; the same command resumes once there is room."""

    prefix = "stopped"

    def __init__(self, ledger: Ledger, why: str):
        super().__init__(why)
        self.ledger, self.why = ledger, why

    def __str__(self) -> str:  # read when printed: answers in flight may have failed to be written since
        lost = self.ledger.unrecorded
        paid = f"; {lost} answer{'s' if lost != 1 else ''} paid but not recorded" if lost else ""
        return (
            f"{self.ledger.path}: {self.why}{paid}; no further call was sent: free some space and run the same "
            "command again (finished work is kept)"
        )


class NotAsked(Exception):
    """A call that was not sent because its batch was stopped (``Ledger.halt``): neither paid nor recorded."""


def upper_bound_tokens(messages: list[dict[str, Any]]) -> int:
    """Prompt tokens a request can take at most (byte-level tokenizers): its UTF-8 bytes plus a few per message."""
    return sum(len(str(m.get("content", "")).encode()) + TOKENS_PER_MESSAGE for m in messages)


def call_key(model: str, template: str, messages: list[dict[str, str]], sampling: dict[str, Any]) -> str:
    blob = json.dumps([model, template, messages, sampling], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


@dataclass
class Reply:
    text: str | None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    retries: int = 0
    error: str | None = None
    cached: bool = False


class Ledger:
    """The SQLite ledger of one run (or a throwaway in-memory one when ``path`` is None)."""

    def __init__(self, path: str | Path | None, max_cost: float | None = None):
        # resolved: compare's algorithm runs reach their compare run's ledger through a symbolic link
        self.path = Path(path).resolve() if path else None
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path) if self.path else ":memory:", isolation_level=None)
        self.db.row_factory = sqlite3.Row
        try:
            refuse_newer(self.db.execute("PRAGMA user_version").fetchone()[0], self.path)  # before any write
            self.db.execute("PRAGMA journal_mode=WAL" if self.path else "PRAGMA journal_mode=MEMORY")
            self.db.execute("PRAGMA synchronous=NORMAL")  # no fsync per call; a crash loses at most the last calls
            migrate(self.db)
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise LedgerError(corrupt_message(self.path, e)) from None
        except LedgerError:
            self.db.close()
            raise
        self.max_cost = max_cost
        self.cost_key = "judge.max_cost"  # the setting that holds max_cost, as messages name it
        self.round: int | None = None
        self.stage = "judge"
        self.run_dir = ""  # compare's algorithm runs: their directory, relative to the ledger's
        self.spent = self.total_cost()
        self.reserved = 0.0  # cost bounds of the calls in flight
        self.in_flight = 0
        self.room = 0  # disk bytes reserved for the answers of the calls in flight
        self.unrecorded = 0  # answers paid for that could not be written (LedgerFull)
        self.halted = False
        self.interrupted = False  # Ctrl-C during a session (``interruptible``)
        self._sessions = 0
        self._wakeup: tuple[Any, asyncio.Event] | None = None  # (event loop, event) for calls waiting on budget

    def close(self) -> None:
        self.db.close()

    def total_cost(self) -> float:
        return float(
            self.db.execute("SELECT COALESCE(SUM(cost_usd), 0) FROM calls WHERE cached = 0").fetchone()[0]
        )

    def check_budget(self) -> None:
        """Raise CostLimitReached before a new (paid) call once max_cost is spent."""
        if self.max_cost is not None and self.spent >= self.max_cost:
            raise CostLimitReached(
                f"{self.cost_key} ${self.max_cost:.4f} reached (spent ${self.spent:.4f}); "
                f"raise it (--set {self.cost_key}=...) and run again to resume"
            )

    def halt(self, on: bool = True) -> None:
        """Send no new call (each raises NotAsked) while halted; calls already in flight finish and are recorded."""
        self.halted = on
        self._wake()

    def _wake(self) -> None:
        if self._wakeup is not None:
            self._wakeup[1].set()
            self._wakeup = None

    @contextlib.contextmanager
    def interruptible(self) -> Iterator[None]:
        """Inside an event loop: a Ctrl-C sends no new call (``halt``) and lets the calls in flight be answered and
        recorded; KeyboardInterrupt is raised when the (outermost) block ends. A second Ctrl-C stops at once."""
        loop = asyncio.get_running_loop()
        self._sessions += 1
        installed, previous = False, None
        if self._sessions == 1:
            previous = signal.getsignal(signal.SIGINT)
            try:
                loop.add_signal_handler(signal.SIGINT, self._on_interrupt)
                installed = True
            except (ValueError, RuntimeError, NotImplementedError):  # not the main thread: Python's own way
                pass
        try:
            yield
        finally:
            self._sessions -= 1
            if installed:
                loop.remove_signal_handler(signal.SIGINT)
                signal.signal(signal.SIGINT, previous)
            if self._sessions == 0 and self.interrupted:
                self.interrupted = False
                self.halt(False)
                raise KeyboardInterrupt

    def _on_interrupt(self) -> None:
        if self.interrupted:  # the second Ctrl-C: the calls in flight are abandoned (this raises it, once)
            self.interrupted = False
            raise KeyboardInterrupt
        from .. import progress

        self.interrupted = True
        self.halt()
        if self.in_flight:
            progress.log(
                f"interrupted: waiting for the {self.in_flight} call(s) in flight, so their answers are recorded "
                "(Ctrl-C again to abandon them)"
            )

    def _check_room(self, need: int) -> None:
        """LedgerFull before a call whose answer, with those in flight, the disk could not hold."""
        if self.path is None:
            return
        free = shutil.disk_usage(self.path.parent).free
        if free < MIN_FREE_BYTES + self.room + need:
            self.halt()
            raise LedgerFull(
                self,
                f"only {free / 2**20:.1f} MiB free on its disk, too little to record the answer of another call "
                f"(a call is sent with at least {(MIN_FREE_BYTES + self.room + need) / 2**20:.1f} MiB free)",
            )

    async def _reserve(self, bound: float, room: int = 0) -> None:
        """Wait until a call with cost at most ``bound`` may be sent, and reserve it.

        A call goes out while spent + the bounds of the calls in flight is below max_cost (or nothing is in
        flight and spent is below it), so all calls together overshoot max_cost by less than one call's cost
        (as long as each bound holds: ``upper_bound_tokens``, and a server that honours max_tokens). Once spent
        reaches max_cost, CostLimitReached.
        """
        while True:
            if self.halted:
                raise NotAsked
            self.check_budget()
            if self.max_cost is None or self.in_flight == 0 or self.spent + self.reserved < self.max_cost:
                break
            loop = asyncio.get_running_loop()
            if self._wakeup is None or self._wakeup[0] is not loop:
                self._wakeup = (loop, asyncio.Event())
            await self._wakeup[1].wait()  # until a call in flight is answered (and its real cost known)
        self._check_room(room)
        self.reserved += bound
        self.room += room
        self.in_flight += 1

    def _release(self, bound: float, room: int = 0) -> None:
        self.reserved -= bound
        self.room -= room
        self.in_flight -= 1
        self._wake()

    def lookup(self, key: str) -> sqlite3.Row | None:
        """The first real (not cached) call with this key that got a reply."""
        return self.db.execute(
            "SELECT * FROM calls WHERE key = ? AND cached = 0 AND reply IS NOT NULL ORDER BY id LIMIT 1",
            (key,),
        ).fetchone()

    def record(
        self,
        key: str,
        *,
        prompt_id: str | None,
        judge: str,
        model: str,
        template: str,
        request: dict[str, Any],
        reply: Reply,
        parsed: Any,
        cost_usd: float,
    ) -> None:
        """One row of ``calls``; LedgerFull (and no further call) when it cannot be written."""
        try:
            self._insert(key, prompt_id, judge, model, template, request, reply, parsed, cost_usd)
        except sqlite3.OperationalError as e:  # 'database or disk is full', 'disk I/O error', read-only
            self.halt()
            self.unrecorded += not reply.cached and reply.text is not None
            raise LedgerFull(self, f"cannot be written ({e})") from None
        if not reply.cached:
            self.spent += cost_usd

    def _insert(
        self,
        key: str,
        prompt_id: str | None,
        judge: str,
        model: str,
        template: str,
        request: dict[str, Any],
        reply: Reply,
        parsed: Any,
        cost_usd: float,
    ) -> None:
        self.db.execute(
            "INSERT INTO calls (key, created, round, stage, run_dir, prompt_id, judge, model, template, request,"
            " reply, parsed, error, prompt_tokens, completion_tokens, latency_s, cost_usd, retries, cached)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                key,
                time.time(),
                self.round,
                self.stage,
                self.run_dir,
                prompt_id,
                judge,
                model,
                template,
                json.dumps(request, ensure_ascii=False) if not reply.cached else None,
                reply.text,
                json.dumps(parsed) if parsed is not None else None,
                reply.error,
                reply.prompt_tokens,
                reply.completion_tokens,
                reply.latency_s,
                0.0 if reply.cached else cost_usd,
                reply.retries,
                int(reply.cached),
            ),
        )

    async def ask(
        self,
        key: str,
        meta: dict[str, Any],
        request: dict[str, Any],
        call: Callable[[], Awaitable[Reply]],
        cost: Callable[[Reply], float],
        parse: Callable[[str | None], Any] = lambda text: None,
        limit: Any = None,
    ) -> tuple[Reply, Any]:
        """The answer to the call ``key`` names: from the ledger when it has one, else ``call()`` (inside the
        ``limit`` semaphore, once the budget allows it: ``_reserve``), recorded either way. Returns
        (reply, parse(reply.text)); a reply with no text is a failure, recorded but never used as an answer later.
        An answer is recorded as soon as it arrives: a ``parse`` that raises reads it as an abstention (None).

        The cost reserved is ``cost`` of the request's upper-bound prompt tokens (``upper_bound_tokens``) and a
        completion of its ``max_tokens``; the disk room reserved, what recording that answer can take.
        """
        row = self.lookup(key)
        if row is not None:
            reply = Reply(row["reply"], row["prompt_tokens"], row["completion_tokens"], cached=True)
            parsed = _parsed(parse, reply.text)
            self.record(key, **meta, request={}, reply=reply, parsed=parsed, cost_usd=0.0)
            return reply, parsed
        max_tokens = int(request.get("max_tokens") or 0)
        prompt = request.get("prompt")  # a completion request's prompt given as token ids: exactly that many
        tokens = len(prompt) if isinstance(prompt, list) else upper_bound_tokens(request.get("messages") or [])
        bound = cost(Reply(None, tokens, max_tokens))
        room = 2 * (len(json.dumps(request, ensure_ascii=False).encode()) + BYTES_PER_TOKEN * max_tokens)
        async with limit if limit is not None else contextlib.nullcontext():
            await self._reserve(bound, room)
            try:
                reply = await call()
                parsed = _parsed(parse, reply.text) if reply.text is not None else None
                self.record(key, **meta, request=request, reply=reply, parsed=parsed, cost_usd=cost(reply))
            finally:
                self._release(bound, room)
        return reply, parsed

    def record_ranking(
        self, prompt_id: str, judge: str, abstained: bool, consistent: bool, stats: dict[str, int]
    ):
        """A ranking of the judge stage (rankings made for rewards or win rates are in ``calls`` only)."""
        if self.stage != "judge":
            return
        try:
            self._insert_ranking(prompt_id, judge, abstained, consistent, stats)
        except sqlite3.OperationalError as e:
            self.halt()
            raise LedgerFull(self, f"cannot be written ({e})") from None

    def _insert_ranking(
        self, prompt_id: str, judge: str, abstained: bool, consistent: bool, stats: dict[str, int]
    ) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO rankings (run_dir, round, prompt_id, judge, abstained, consistent, verdicts,"
            " abstentions, comparisons, inconsistent) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                self.run_dir,
                self.round,
                prompt_id,
                judge,
                int(abstained),
                int(consistent),
                stats.get("verdicts", 0),
                stats.get("abstentions", 0),
                stats.get("comparisons", 0),
                stats.get("inconsistent", 0),
            ),
        )


def _parsed(parse: Callable[[str | None], Any], text: str | None) -> Any:
    """``parse(text)``, or None (an abstention) when it raises: a reply is never lost to its parsing."""
    try:
        return parse(text)
    except Exception:  # noqa: BLE001 - whatever a reply holds, it is an answer that did not parse
        return None


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """A connection that writes nothing.

    A cleanly closed ledger has no -wal file: it is read as immutable, which makes no -shm file and works in a
    read-only directory. With a -wal (a judge is running, or was killed) its rows must be read too.
    """
    path = Path(path).resolve()  # the -wal lives beside the file a symbolic link points to
    wal = path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(f"file:{path}?{'mode=ro' if wal else 'immutable=1'}", uri=True)


def corrupt_message(path: Path | None, error: Exception) -> str:
    return (
        f"{path}: the judge ledger is unreadable ({error}); restore it from a backup, or start a new one "
        "(every judge call is paid again) with --new-ledger"
    )


def ledger_state(path: str | Path) -> str:
    """'missing', 'empty' (no calls, not started anew on purpose), 'corrupt', or 'ok'; writes nothing."""
    path = Path(path)
    if not path.exists():
        return "missing"
    if path.stat().st_size == 0:
        return "empty"
    try:
        db = open_read_only(path)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return "corrupt"
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "calls" not in tables:
                return "empty"
            if db.execute("SELECT 1 FROM calls LIMIT 1").fetchone():
                return "ok"
            anew = "events" in tables and db.execute(
                "SELECT 1 FROM events WHERE event = ?", (NEW_LEDGER_EVENT,)
            ).fetchone()
            return "ok" if anew else "empty"
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return "corrupt"


def start_new_ledger(path: str | Path, why: str) -> Path | None:
    """Move a broken ledger aside (never deleted) and start an empty one that says it was started anew."""
    path = Path(path)
    kept = None
    if path.exists():
        kept = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            old = path.with_name(path.name + suffix)
            if old.exists():
                old.replace(kept.with_name(kept.name + suffix))
    ledger = Ledger(path)
    ledger.db.execute("INSERT INTO events VALUES (?, ?)", (time.time(), NEW_LEDGER_EVENT))
    ledger.db.execute("INSERT INTO events VALUES (?, ?)", (time.time(), why))
    ledger.close()
    return kept


class LedgerTooNew(LedgerError):
    """A ledger whose schema a newer rankdistill wrote: read or written here, its rows could be misread."""


def refuse_newer(version: int, path: Path | None) -> None:
    if version > len(MIGRATIONS):
        raise LedgerTooNew(
            f"{path or 'the ledger'}: written by a newer rankdistill (ledger schema {version}, this one knows "
            f"{len(MIGRATIONS)}); upgrade rankdistill (pip install -U rankdistill) to use this run"
        )


def migrate(db: sqlite3.Connection) -> None:
    """Run the migrations this file has not seen yet, each in its own transaction.

    The version is read inside the write transaction: processes opening one ledger at once (GRPO under
    accelerate launch) run each migration once. (``db`` is in autocommit mode: no implicit transactions.)
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    refuse_newer(version, None)
    for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] < i:  # not run by another process meanwhile
                for statement in sql.split(";"):  # the migrations hold no ';' inside a statement
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {i}")
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # the original error is the one to see
                db.execute("ROLLBACK")
            raise


def summarize(path: str | Path) -> dict[str, Any]:
    """Totals, per-round rows, and rows per (run directory, round, stage): calls, cache hits, tokens, dollars,
    retries, errors; abstentions and consistency of the judge stage's rankings. A corrupt file: LedgerError."""
    try:
        return _summarize(path)
    except sqlite3.DatabaseError as e:
        raise LedgerError(corrupt_message(Path(path), e)) from None


def _summarize(path: str | Path) -> dict[str, Any]:
    db = open_read_only(path)
    db.row_factory = sqlite3.Row
    migrated = db.execute("PRAGMA user_version").fetchone()[0]
    if migrated > len(MIGRATIONS):
        db.close()
        refuse_newer(migrated, Path(path))
    run_dir = "run_dir" if migrated >= 4 else "''"  # older files: every row is the ledger's own run

    def calls(where: str = "1", args: tuple = ()) -> dict[str, Any]:
        r = db.execute(
            "SELECT SUM(cached = 0 AND reply IS NOT NULL) calls, SUM(cached = 1) cache_hits,"
            " SUM(CASE WHEN cached = 0 THEN prompt_tokens END) prompt_tokens,"
            " SUM(CASE WHEN cached = 0 THEN completion_tokens END) completion_tokens,"
            " SUM(cost_usd) cost_usd, SUM(retries) retries, SUM(reply IS NULL) errors,"
            f" SUM(parsed IS NULL) unparsed FROM calls WHERE {where}",
            args,
        ).fetchone()
        out = {k: (r[k] or 0) for k in r.keys()}
        out["cost_usd"] = round(float(out["cost_usd"]), 6)
        return out

    def rankings(where: str = "1", args: tuple = ()) -> dict[str, Any]:
        if migrated < 2:
            return {}
        r = db.execute(
            "SELECT COUNT(*) rankings, SUM(abstained) rankings_abstained, SUM(NOT consistent) rankings_inconsistent,"
            " SUM(verdicts) verdicts, SUM(abstentions) abstained, SUM(comparisons) comparisons,"
            f" SUM(inconsistent) inconsistent FROM rankings WHERE {where}",
            args,
        ).fetchone()
        out = {k: (r[k] or 0) for k in r.keys()}
        out["abstention_rate"] = round(out["abstained"] / out["verdicts"], 4) if out["verdicts"] else 0.0
        out["consistency_rate"] = (
            round(1 - out["inconsistent"] / out["comparisons"], 4) if out["comparisons"] else None
        )
        return out

    total = {**calls(), **rankings()}
    rounds = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT round FROM calls UNION SELECT DISTINCT round FROM rankings ORDER BY 1"
            if migrated >= 2
            else "SELECT DISTINCT round FROM calls ORDER BY 1"
        )
    ]
    total["rounds"] = [
        {"round": r, **calls("round IS ?", (r,)), **rankings("round IS ?", (r,))} for r in rounds
    ]
    groups = db.execute(
        f"SELECT DISTINCT {run_dir} run_dir, round, COALESCE(stage, 'judge') stage FROM calls"
        + (f" UNION SELECT DISTINCT {run_dir}, round, 'judge' FROM rankings" if migrated >= 2 else "")
        + " ORDER BY 1, 2, 3"
    ).fetchall()
    total["stages"] = []
    for g in groups:
        key = (g["run_dir"], g["round"])
        row = {"run_dir": g["run_dir"], "round": g["round"], "stage": g["stage"]}
        row.update(calls(f"{run_dir} = ? AND round IS ? AND COALESCE(stage, 'judge') = ?", (*key, g["stage"])))
        if g["stage"] == "judge":  # rankings are the judge stage's
            row.update(rankings(f"{run_dir} = ? AND round IS ?", key))
        total["stages"].append(row)
    db.close()
    return total
