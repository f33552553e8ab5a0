"""A judge that asks a chat model through a template: listwise, pairwise or pointwise, cached in the ledger.

The model behind it is reached through a *client* (openai_client.py: any OpenAI-compatible server; local.py: a
transformers model) with one coroutine,
``complete(messages, schema) -> Reply``. This file owns what makes the verdicts honest: the seeded shuffle of
listwise candidates, both orders of every pairwise comparison, one retry of an unparseable reply and then an
abstention (NaN, never a default score), and the ledger that makes every call happen once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import math
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .. import progress
from ..errors import JudgeFailed
from ..records import CandidateSet, Ranking
from .base import ranking_from_scores
from .ledger import Ledger, NotAsked, Reply, call_key
from .parsing import parse, schema
from .templates import JudgeTemplate

PARSE_ATTEMPTS = 2  # an unparseable reply is asked once more, then the judge abstains
WAITING_NOTE_S = 30.0  # a line on the console when no ranking finished for this long


class CallFailed(JudgeFailed):
    """A call that could not be made or answered after its retries: a failure, never a verdict. The judge
    stage counts these per prompt; elsewhere (a GRPO reward) it stops the command like any JudgeFailed."""

    def __init__(self, error: str | None, where: str | None = None):
        super().__init__(f"a judge call got no answer from {where or 'the server'}: {error or 'no reply'}")
        self.error = error or "no reply"
        self.where = where


class ChatClient(Protocol):
    """How an LLMJudge reaches its model: the calls, their sampling settings and their price."""

    model: str

    def session(self) -> contextlib.AbstractAsyncContextManager[Any]: ...

    async def complete(self, messages: list[dict[str, str]], schema: dict[str, Any] | None) -> Reply: ...

    def sampling(self) -> dict[str, Any]: ...

    def cost(self, reply: Reply) -> float: ...


def prompt_text(item: CandidateSet) -> str:
    """What the judge sees as the prompt: the user turns of the student's conversation."""
    users = [m["content"] for m in item.messages if m.get("role") == "user"]
    return "\n\n".join(users) if users else "\n\n".join(m["content"] for m in item.messages)


def seeded_order(seed: int, prompt_id: str, k: int) -> list[int]:
    """The order listwise candidates are shown in: fixed per (seed, prompt), so a rerun hits the ledger."""
    h = int.from_bytes(hashlib.sha256(f"{seed}:{prompt_id}".encode()).digest()[:8], "big")
    order = list(range(k))
    random.Random(h).shuffle(order)
    return order


class LLMJudge:
    """Ranks candidates with a chat model and a template; see the module docstring."""

    def __init__(
        self,
        client: ChatClient,
        template: JudgeTemplate,
        *,
        ledger: Ledger | None = None,
        concurrency: int = 8,
        seed: int = 0,
        kind: str = "openai",
    ):
        self.client = client
        self.template = template
        self.mode = template.mode
        self.ledger = ledger or Ledger(None)
        self.concurrency = concurrency
        self.seed = seed
        self.name = f"{kind}/{client.model}/{template.name}"
        self._sem: asyncio.Semaphore | None = None

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        """Client and concurrency limit live inside one event loop; open once per batch of rankings. A Ctrl-C
        inside it lets the calls in flight land in the ledger, then stops (``Ledger.interruptible``)."""
        async with self.client.session():
            self._sem = asyncio.Semaphore(self.concurrency)
            try:
                with self.ledger.interruptible():
                    yield
            finally:
                self._sem = None

    def where(self) -> str:
        """Where its calls go, for messages: the server's public URL, else the model's name."""
        public = getattr(self.client, "public_url", None)
        return public() if public else self.client.model

    def halt(self, on: bool = True) -> None:
        """Send no new call while halted (they raise NotAsked); calls in flight finish and are recorded."""
        self.ledger.halt(on)

    async def answer(
        self, messages: list[dict[str, str]], prompt_id: str, tag: str, schema: dict[str, Any] | None = None
    ) -> Reply:
        """The model's free reply to ``messages`` (a teacher answer, a pseudo-label) through the ledger, keyed and
        recorded under ``tag`` in place of a template (``schema``: the JSON the reply must match, sent where the
        server takes it); needs an open session()."""
        sampling = self.client.sampling()
        model = self.client.model
        reply, _ = await self.ledger.ask(
            call_key(model, tag, messages, sampling),
            dict(prompt_id=prompt_id, judge=tag, model=model, template=tag),
            {"messages": messages, **sampling},
            lambda: self.client.complete(messages, schema),
            self.client.cost,
            limit=self._sem,
        )
        return reply

    def rank(self, item: CandidateSet) -> Ranking:
        async def one() -> Ranking:
            async with self.session():
                return await self.arank(item)

        return asyncio.run(one())

    async def verdict(self, messages: list[dict[str, str]], prompt_id: str, k: int = 2) -> Any:
        """The parsed verdict for one rendered request, or None (abstain)."""
        sch = schema(self.mode, k, self.template.scale)
        for attempt in range(PARSE_ATTEMPTS):
            sampling = {**self.client.sampling(), "attempt": attempt}
            key = call_key(self.client.model, self.template.digest, messages, sampling)
            meta = dict(
                prompt_id=prompt_id, judge=self.name, model=self.client.model, template=self.template.name
            )
            assert self._sem is not None, "LLMJudge.verdict needs an open session()"
            reply, parsed = await self.ledger.ask(
                key,
                meta,
                {"messages": messages, **sampling},
                lambda: self.client.complete(messages, sch),
                self.client.cost,
                parse=lambda text: parse(self.mode, text, k, self.template.scale),
                limit=self._sem,
            )
            if reply.text is None:  # the transport gave up after its own retries: not an answer
                where = getattr(self.client, "public_url", lambda: None)()
                raise CallFailed(reply.error, where)
            if parsed is not None:
                return parsed
        return None

    async def arank(self, item: CandidateSet) -> Ranking:
        k = len(item.candidates)
        texts = [c.text for c in item.candidates]
        prompt = prompt_text(item)
        stats = {"verdicts": 0, "abstentions": 0, "comparisons": 0, "inconsistent": 0}
        consistent = True
        if self.mode == "listwise":
            shown = seeded_order(self.seed, item.prompt_id, k)
            labels = [str(j + 1) for j in range(k)]
            messages = self.template.render_listwise(
                prompt, [texts[i] for i in shown], labels, item.reference
            )
            ids = await self.verdict(messages, item.prompt_id, k)
            stats["verdicts"], stats["abstentions"] = 1, int(ids is None)
            scores = [math.nan] * k
            if ids is not None:
                for pos, label in enumerate(ids):
                    scores[shown[label - 1]] = float(k - pos)
        elif self.mode == "pointwise":
            got = raise_failure(
                await asyncio.gather(
                    *(
                        self.verdict(self.template.render_pointwise(prompt, t, item.reference), item.prompt_id)
                        for t in texts
                    ),
                    return_exceptions=True,
                )
            )
            scores = [math.nan if s is None else float(s) for s in got]
            stats["verdicts"], stats["abstentions"] = k, sum(s is None for s in got)
        else:
            scores, consistent = await self._pairwise(item, prompt, texts, stats)
        ranking = ranking_from_scores(item.prompt_id, scores, self.name)
        ranking.consistent = consistent
        self.ledger.record_ranking(item.prompt_id, self.name, ranking.abstained, consistent, stats)
        return ranking

    async def _pairwise(self, item: CandidateSet, prompt: str, texts: list[str], stats: dict[str, int]):
        """Every pair in both orders; agreeing verdicts count, disagreeing ones are a tie (and recorded).

        Score = wins + ties/2 over the comparisons that got a verdict (Copeland); NaN if none did.
        """
        k = len(texts)
        pairs = list(itertools.combinations(range(k), 2))

        async def ask(a: int, b: int) -> str | None:
            return await self.verdict(
                self.template.render_pairwise(prompt, texts[a], texts[b], item.reference), item.prompt_id
            )

        got = raise_failure(
            await asyncio.gather(
                *(ask(a, b) for i, j in pairs for a, b in ((i, j), (j, i))), return_exceptions=True
            )
        )
        points = [0.0] * k
        counted = [0] * k
        consistent = True
        for n, (i, j) in enumerate(pairs):
            fwd, rev = got[2 * n], got[2 * n + 1]
            # Express both verdicts as "who won, i or j" (rev showed j as A).
            as_ij = [v for v in (fwd, {"A": "B", "B": "A"}.get(rev, rev)) if v is not None]
            stats["verdicts"] += 2
            stats["abstentions"] += 2 - len(as_ij)
            if not as_ij:
                continue
            stats["comparisons"] += 1
            if len(set(as_ij)) > 1:
                stats["inconsistent"] += 1
                consistent = False
                outcome = "tie"
            else:
                outcome = as_ij[0]
            points[i] += {"A": 1.0, "B": 0.0, "tie": 0.5}[outcome]
            points[j] += {"A": 0.0, "B": 1.0, "tie": 0.5}[outcome]
            counted[i] += 1
            counted[j] += 1
        scores = [points[i] / counted[i] if counted[i] else math.nan for i in range(k)]
        return scores, consistent


def raise_failure(results: list[Any]) -> list[Any]:
    """Every call of a prompt is let finish (answers are cached for the retry); then the first error wins."""
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return results


@dataclass
class Failures:
    """Prompts whose ranking failed (a call got no answer), and those left unasked after too many failed."""

    failed: int = 0
    not_attempted: int = 0
    last_error: str | None = None
    where: str | None = None


async def rank_all(
    judge: Any,
    items: list[CandidateSet],
    on_result: Callable[[Ranking], None],
    max_failures_in_a_row: int | None = None,
) -> Failures:
    """Rank ``items`` concurrently inside one session, handing each Ranking over as it is finished.

    A prompt whose calls fail is counted in the returned Failures, not ranked; after
    ``max_failures_in_a_row`` failed prompts with no success between them (a server that is down) the rest is
    left unasked. Any other error (CostLimitReached, an error raised by ``on_result``) stops the batch the same
    way and is raised at the end. Stopping sends no new call, but lets the calls in flight finish: what they
    answer is paid for, so it is recorded in the ledger and their finished rankings are handed over too.
    """
    out = Failures()
    in_a_row = 0
    stop: BaseException | None = None
    halt = getattr(judge, "halt", None)
    async with judge.session():
        tasks = [asyncio.ensure_future(judge.arank(it)) for it in items]
        pending = set(tasks)
        try:
            while pending:
                done, pending = await asyncio.wait(pending, timeout=WAITING_NOTE_S, return_when="FIRST_COMPLETED")
                if not done:  # slow replies: say so rather than leave a bar standing still
                    progress.log(f"judge: waiting for replies ({len(pending)} prompts to go)")
                for fut in done:  # hand every finished ranking over before raising anything
                    e = fut.exception()
                    if e is None:
                        in_a_row = 0
                        try:
                            on_result(fut.result())
                        except Exception as err:  # noqa: BLE001 - raised once the calls in flight are in
                            stop = stop or err
                    elif isinstance(e, NotAsked):
                        out.not_attempted += 1
                    elif isinstance(e, CallFailed):
                        out.failed += 1
                        out.last_error, out.where = e.error, e.where
                        in_a_row += 1
                    else:
                        stop = stop or e
                too_many = bool(max_failures_in_a_row and in_a_row >= max_failures_in_a_row)
                if (stop is not None or too_many) and pending:
                    if halt is None:  # a judge that cannot stop its calls: cancel them (the old way)
                        out.not_attempted += len(pending)
                        break
                    halt()
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if halt is not None:
                halt(False)
    if stop is not None:
        raise stop
    return out
