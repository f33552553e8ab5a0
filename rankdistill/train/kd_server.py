"""kd's teacher on an OpenAI-compatible server (``train.per_algorithm.kd.teacher_server``): its top-k log-probs at
each answer position, asked once per training row before training, kept in the round's directory.

Each row goes to the server's completions endpoint as the token ids the trainer trains on (the chat-templated
prompt and its reference answer, tokenized with the student's tokenizer), with ``max_tokens: 1`` and vLLM's
``prompt_logprobs: k`` (an ``extra_body`` field): the server scores the prompt's tokens at T = 1 and returns,
for each position, its top-k {token id: log-prob} (and the token that is there). The top-k of the answer
positions are the soft targets -- what the local path takes from the teacher's log_softmax -- and losses.kd_loss
applies T to both the same way. Every call goes through the run's ledger (tokens, $, the cost cap, its cache: a
resumed round pays nothing twice); a call that fails, or answers without usable log-probs, fails the round in one
line and is asked again when the same command runs again. The API key is read from the environment, never
written. Soft targets need one vocabulary: before any paid call the server's /tokenize (free) must tokenize a
probe as the student's tokenizer does. On-policy (``online_teacher``), each step's samples are asked the same
way as the step needs them.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import math
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator, model_validator

from ..errors import JudgeFailed, RecipeError
from ..judging.openai_judge import PriceSettings
from ..settings import Settings

if TYPE_CHECKING:
    from ..sections import StudentSettings

KEY = "train.per_algorithm.kd.teacher_server"
TARGETS_FILE = "kd_teacher.safetensors"  # in the round's directory
TEMPLATE = "kd:prompt_logprobs"  # the ledger's template column (and a part of each call's key)
# chat-templated text whose tokens are compared with the server's (special tokens, words, digits, accents, code)
PROBE = [{"role": "user", "content": 'Correct: She go to schööl at 7:45, où est-il? {"k": [1, 2]} → naïve'}]


class TeacherFailed(JudgeFailed):
    """Calls to the teacher's server failed: the round stops; the same command asks only those again."""

    prefix = "stopped"


class TeacherServerSettings(Settings):
    """train.per_algorithm.kd.teacher_server: a teacher whose log-probs an OpenAI-compatible server returns."""

    base_url: str | None = Field(
        None,
        description="The server's URL (required), e.g. http://127.0.0.1:8000/v1 of `vllm serve` (no user:password).",
    )
    model: str | None = Field(
        None, description="The served model's name (required), e.g. vllm serve's --served-model-name."
    )
    api_key_env: str = Field(
        "OPENAI_API_KEY", description="Environment variable holding the API key (never stored; vllm serve needs none)."
    )
    concurrency: int = Field(4, gt=0, description="Calls in flight at once.")
    timeout: float = Field(300.0, gt=0, description="Seconds before one call times out (then it is retried).")
    max_retries: int = Field(3, ge=0, description="Retries of a call on 429, 5xx, timeouts and lost connections.")
    backoff: float = Field(1.0, ge=0, description="First retry wait in seconds; doubles each retry, with jitter.")
    price_per_mtok: PriceSettings = Field(
        default_factory=PriceSettings, description="Prices for the ledger's cost column, $ per 1M tokens."
    )
    max_cost: float | None = Field(
        None, gt=0, description="Ask nothing more once the run's ledger has spent this many $ (None: no cap)."
    )

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        from ..urls import carries_credentials

        if v is not None and not v.lower().startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://, e.g. http://127.0.0.1:8000/v1")
        if v is not None and carries_credentials(v):
            raise ValueError("must not hold credentials (user:password, a query): give the key by api_key_env")
        return v

    @model_validator(mode="after")
    def _required(self) -> TeacherServerSettings:
        for name in ("base_url", "model"):
            if not getattr(self, name):
                raise ValueError(f"{KEY}.{name} is required")
        return self


def client(server: TeacherServerSettings) -> Any:
    """The judge's OpenAI client (its retries, key handling) pointed at the teacher's server."""
    from ..judging.openai_client import OpenAIClient

    fields = server.model_dump(exclude={"concurrency", "max_cost"})
    fields |= {"price_per_mtok": server.price_per_mtok, "base_url_env": "OPENAI_BASE_URL"}
    fields |= {"structured_output": "none", "temperature": 0.0, "max_tokens": 1, "seed": None}
    return OpenAIClient(types.SimpleNamespace(**fields), name="kd teacher")


# --- the tokenizer check (free) ---


def check_tokenizer(server: TeacherServerSettings, student: StudentSettings) -> None:
    """Refuse, in one line naming the key, a server whose tokenizer is not the student's (vLLM's /tokenize of a
    chat-templated probe gives other ids), or that cannot say (no /tokenize)."""
    from ..models import load_tokenizer

    tokenizer = load_tokenizer(student)
    text = tokenizer.apply_chat_template(PROBE, tokenize=False, add_generation_prompt=True)
    mine = tokenizer(text, add_special_tokens=False)["input_ids"]
    theirs = _tokenize(server, text)
    if theirs != mine:
        differ = sum(a != b for a, b in zip(theirs, mine, strict=False)) + abs(len(theirs) - len(mine))
        raise RecipeError(
            f"{KEY}.model: {server.model}'s tokenizer at {server.base_url} is not the student's ({student.model}: "
            f"a probe is {len(theirs)} tokens there, {len(mine)} here, {differ} differ): soft targets need one "
            "vocabulary and kd does not align tokenizers; serve a teacher of the student's family"
        )


def _root(base_url: str) -> str:
    """vLLM serves /tokenize beside /v1, at its root."""
    url = base_url.rstrip("/")
    return url[: -len("/v1")] if url.endswith("/v1") else url


def _tokenize(server: TeacherServerSettings, text: str) -> list[int]:
    """The server's token ids of ``text`` (POST /tokenize, free); RecipeError when it cannot say."""
    import httpx

    c = client(server)
    url = _root(c.base_url()) + "/tokenize"
    headers = {"Authorization": f"Bearer {c.api_key()}"}
    body = {"model": server.model, "prompt": text, "add_special_tokens": False}
    try:
        reply = httpx.post(url, json=body, headers=headers, timeout=min(server.timeout, 60.0))
        reply.raise_for_status()
        tokens = reply.json().get("tokens")
    except (httpx.HTTPError, ValueError, AttributeError) as e:
        why = f"HTTP {e.response.status_code}" if isinstance(e, httpx.HTTPStatusError) else type(e).__name__
        raise RecipeError(
            f"{KEY}.base_url: {_root(c.public_url())}/tokenize did not tokenize a probe ({why}), so the server's "
            "tokenizer cannot be checked against the student's: kd needs a vLLM server (vllm serve), up and reachable"
        ) from None
    if not isinstance(tokens, list) or not all(isinstance(t, int) for t in tokens):
        raise RecipeError(f"{KEY}.base_url: {_root(c.public_url())}/tokenize answered without a list of token ids")
    return tokens


# --- the targets: asked through the ledger, kept in the round's directory ---


def row_key(ids: list[int]) -> str:
    """A training row's name in the targets file: a hash of its token ids as the trainer feeds them."""
    return hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]


def answer_positions(labels: list[int]) -> list[int]:
    """The positions j ≥ 1 whose token is trained on (label ≠ −100): the server's prompt_logprobs[j] is the
    teacher's distribution there (the local path's logits at j − 1)."""
    return [j for j in range(1, len(labels)) if labels[j] != -100]


def top_k_of(entry: Any, k: int) -> tuple[list[int], list[float]]:
    """(ids, log-probs) of one position's prompt_logprobs entry, best first, at most k; ValueError when it is not
    a {token id: {logprob: x}} (or {token id: x}) mapping with at least one finite log-prob."""
    if not isinstance(entry, dict) or not entry:
        raise ValueError(f"a position's entry is {type(entry).__name__}, not a non-empty mapping")
    pairs = []
    for token, value in entry.items():
        lp = value.get("logprob") if isinstance(value, dict) else value
        if isinstance(lp, bool) or not isinstance(lp, int | float) or math.isnan(lp) or lp > 1e-4:
            raise ValueError(f"token {token}'s log-prob is {lp!r}")
        pairs.append((int(token), float(min(lp, 0.0))))  # int(): ValueError for a key that is not a token id
    pairs.sort(key=lambda p: -p[1])
    pairs = pairs[:k]
    if not math.isfinite(pairs[0][1]):
        raise ValueError("no finite log-prob")
    return [p[0] for p in pairs], [p[1] for p in pairs]


def parse_reply(resp: Any, ids: list[int], positions: list[int], k: int) -> tuple[str | None, str | None]:
    """(text kept in the ledger: JSON of the answer positions' top-k, None) or (None, what is wrong)."""
    body = resp.to_dict() if hasattr(resp, "to_dict") else resp
    choices = body.get("choices") if isinstance(body, dict) else None
    if not choices:
        return None, "malformed reply: no choices"
    got = choices[0].get("prompt_logprobs") if isinstance(choices[0], dict) else None
    if not isinstance(got, list) or len(got) != len(ids):
        n = len(got) if isinstance(got, list) else "none"
        why = "does the server take prompt_logprobs? vLLM does"
        return None, f"malformed reply: prompt_logprobs for {n} of {len(ids)} prompt tokens ({why})"
    try:
        tops = [top_k_of(got[j], k) for j in positions]
    except (ValueError, TypeError) as e:
        return None, f"malformed prompt_logprobs: {e}"
    return json.dumps({"ids": [t[0] for t in tops], "logprobs": [t[1] for t in tops]}), None


async def ask_row(
    c: Any, ledger: Any, server: TeacherServerSettings, ids: list[int], positions: list[int], k: int, limit: Any
) -> Any:
    """One row's targets through the ledger (from it when asked before): its Reply."""
    from ..judging.ledger import Reply, call_key

    request = {"model": server.model, "prompt": ids, "max_tokens": 1, "temperature": 0.0, "prompt_logprobs": k}
    key = call_key(server.model, TEMPLATE, [{"prompt_token_ids": ids}], {"k": k, "positions": positions})

    def answer(resp: Any, latency_s: float, retries: int) -> Reply:
        usage = getattr(resp, "usage", None)
        tokens = [getattr(usage, name, 0) for name in ("prompt_tokens", "completion_tokens")]
        text, error = parse_reply(resp, ids, positions, k)
        tokens = [t if isinstance(t, int) and t >= 0 else 0 for t in tokens]
        return Reply(text, *tokens, latency_s=latency_s, retries=retries, error=error)

    def send() -> Any:
        return c.sdk.completions.create(
            model=server.model, prompt=ids, max_tokens=1, temperature=0.0, extra_body={"prompt_logprobs": k}
        )

    meta = {"prompt_id": row_key(ids), "judge": f"kd-teacher/{server.model}", "model": server.model}
    meta["template"] = TEMPLATE
    reply, _ = await ledger.ask(
        key, meta, request, lambda: c.call(send, answer), c.cost, lambda t: len(json.loads(t)["ids"]), limit
    )
    return reply


def open_run_ledger(run: Any, server: TeacherServerSettings, round_idx: int) -> Any:
    """The run's ledger, capped by teacher_server.max_cost, its calls tagged (round, stage 'kd_teacher')."""
    from ..judging import ledger_path, tagged_ledger

    ledger = tagged_ledger(run, ledger_path(run), server.max_cost)  # compare's runs share their compare run's
    ledger.cost_key = f"{KEY}.max_cost"
    ledger.round, ledger.stage = round_idx, "kd_teacher"
    return ledger


async def ask_all(
    server: TeacherServerSettings, ledger: Any, rows: list[tuple[list[int], list[int]]], k: int, bar: Any
) -> tuple[list[Any], list[str]]:
    """Every row's Reply (None: not asked, the batch stopped) and the errors of those that failed."""
    from ..judging.ledger import CostLimitReached, NotAsked

    c = client(server)
    limit = asyncio.Semaphore(server.concurrency)
    failures: list[str] = []
    stop: list[BaseException] = []

    async def one(ids: list[int], positions: list[int]) -> Any:
        try:
            reply = await ask_row(c, ledger, server, ids, positions, k, limit)
        except NotAsked:
            return None
        except CostLimitReached as e:
            ledger.halt()
            stop.append(e)
            return None
        if reply.text is None:
            failures.append(reply.error or "no reply")
        if bar is not None:
            bar.advance()
        return reply

    async with c.session():
        with ledger.interruptible():
            replies = await asyncio.gather(*(one(ids, pos) for ids, pos in rows))
    if stop:
        raise stop[0]
    return replies, failures


def tokenized_rows(dataset: Any) -> dict[str, tuple[list[int], list[int]]]:
    """Row key -> (token ids, answer positions) of rows with ``input_ids`` and ``labels`` (the trainer's)."""
    rows = {}
    for row in dataset:
        ids = list(row["input_ids"])
        rows[row_key(ids)] = (ids, answer_positions(list(row["labels"])))
    return rows


def ask_targets(
    server: TeacherServerSettings, ledger: Any, rows: dict[str, tuple[list[int], list[int]]], k: int, bar: Any
) -> tuple[dict[str, tuple[Any, Any]], int]:
    """Row key -> padded (ids, log-probs) of every row, asked through ``ledger`` (from it when asked before), and
    how many were paid for; TeacherFailed, in one line, when any call failed."""
    asked = [key for key, (_, positions) in rows.items() if positions]  # a row with none trains nothing
    todo = [rows[key] for key in asked]
    replies, failures = asyncio.run(ask_all(server, ledger, todo, k, bar))
    if failures:
        raise TeacherFailed(
            f"{KEY}: {len(failures)} of {len(todo)} training rows got no log-probs from {server.base_url} (last "
            f"error: {failures[-1]}); run the same command again to ask only those (the others are in the ledger)"
        )
    targets = {key: _padded([], [], k) for key in rows}
    for key, reply in zip(asked, replies, strict=True):
        got = json.loads(reply.text)
        targets[key] = _padded(got["ids"], got["logprobs"], k)
    return targets, sum(not r.cached for r in replies)


def teacher_targets(job: Any, dataset: Any, settings: Any) -> dict[str, tuple[Any, Any]]:
    """Row key -> (ids [n, k] int64, log-probs [n, k] float32) of every row of the trainer's tokenized
    ``dataset`` (input_ids, labels): read from the round's targets file, else asked (through the ledger) and
    written there. Fewer than k entries at a position are padded with log-prob −inf (kd_loss skips them)."""
    from .. import progress

    server: TeacherServerSettings = settings.teacher_server
    if job.run is None or job.round_idx is None:
        raise RecipeError(f"{KEY}: a server teacher trains inside a run (its targets and ledger are the run's)")
    k = settings.top_k
    rows = tokenized_rows(dataset)
    path = job.run.round_dir(job.round_idx) / TARGETS_FILE
    meta = {"model": server.model, "top_k": str(k)}
    kept = read_targets(path, meta)
    if kept is not None and rows.keys() <= kept.keys():
        progress.log(f"kd: the teacher's top-{k} log-probs of {len(rows)} rows from {path.name}")
        return kept
    ledger = open_run_ledger(job.run, server, job.round_idx)
    start = time.perf_counter()
    try:
        with progress.task(f"round {job.round_idx}: teacher log-probs ({server.model})", total=len(rows)) as bar:
            targets, paid = ask_targets(server, ledger, rows, k, bar)
        spent = ledger.spent
    finally:
        ledger.close()
    write_targets(path, targets, meta)
    progress.log(
        f"kd: the teacher's top-{k} log-probs of {len(rows)} rows ({paid} asked, {len(rows) - paid} from the "
        f"ledger) in {time.perf_counter() - start:.1f} s; the run's ledger has spent ${spent:.4f}"
    )
    return targets


@contextlib.contextmanager
def online_teacher(job: Any, settings: Any) -> Iterator[Any]:
    """On-policy: ``top(inputs, mask, vocab)`` for kd_batch_loss that asks the server, each step, for the
    teacher's top-k at the answer tokens the student just sampled (one call per sample, through the run's ledger,
    open for the round: a step redone after a resume asks nothing twice for the samples it asked before)."""
    server: TeacherServerSettings = settings.teacher_server
    if job.run is None or job.round_idx is None:
        raise RecipeError(f"{KEY}: a server teacher trains inside a run (its targets and ledger are the run's)")
    ledger = open_run_ledger(job.run, server, job.round_idx)

    def top(inputs: dict[str, Any], mask: Any, vocab: int) -> tuple[Any, Any]:
        keep = inputs["attention_mask"].bool()
        rows = tokenized_rows(
            {"input_ids": ids[m].tolist(), "labels": labels[m].tolist()}
            for ids, labels, m in zip(inputs["input_ids"], inputs["labels"], keep, strict=True)
        )
        targets, _ = ask_targets(server, ledger, rows, settings.top_k, None)
        return batch_targets(targets, inputs, mask)

    try:
        yield top
    finally:
        ledger.close()


def _padded(ids: list[list[int]], logprobs: list[list[float]], k: int) -> tuple[Any, Any]:
    import torch

    n = len(ids)
    out_ids = torch.zeros(n, k, dtype=torch.long)
    out_lp = torch.full((n, k), float("-inf"), dtype=torch.float32)
    for i, (a, b) in enumerate(zip(ids, logprobs, strict=True)):
        out_ids[i, : len(a)] = torch.tensor(a, dtype=torch.long)
        out_lp[i, : len(b)] = torch.tensor(b, dtype=torch.float32)
    return out_ids, out_lp


def write_targets(path: Path, targets: dict[str, tuple[Any, Any]], meta: dict[str, str]) -> None:
    """One safetensors file (written under a temporary name, then renamed): all rows' ids and log-probs stacked,
    the metadata naming each row's slice."""
    import torch
    from safetensors.torch import save_file

    keys = list(targets)
    sizes = [len(targets[key][0]) for key in keys]
    offsets = [sum(sizes[:i]) for i in range(len(keys))]
    k = int(meta["top_k"])
    ids = torch.cat([targets[key][0] for key in keys]) if keys else torch.zeros(0, k, dtype=torch.long)
    lps = torch.cat([targets[key][1] for key in keys]) if keys else torch.zeros(0, k)
    rows = {key: [o, n] for key, o, n in zip(keys, offsets, sizes, strict=True)}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    save_file({"ids": ids, "logprobs": lps}, str(tmp), metadata={**meta, "rows": json.dumps(rows)})
    tmp.replace(path)


def read_targets(path: Path, meta: dict[str, str]) -> dict[str, tuple[Any, Any]] | None:
    """The targets a file holds when it was written for this teacher and k, else None."""
    if not path.exists():
        return None
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as f:
        saved = f.metadata() or {}
        if any(saved.get(key) != value for key, value in meta.items()):
            return None
        ids, lps = f.get_tensor("ids"), f.get_tensor("logprobs")
    return {key: (ids[o : o + n], lps[o : o + n]) for key, (o, n) in json.loads(saved["rows"]).items()}


def batch_targets(targets: dict[str, tuple[Any, Any]], inputs: dict[str, Any], mask: Any) -> tuple[Any, Any]:
    """The precomputed (ids, log-probs) [N, k] of a batch's N answer positions, in ``mask``'s order (row-major, as
    answer_logits takes them); each row found by its token ids where its attention mask is 1 (one run of them:
    right-padded rows, or left-padded prompts with their sampled answers)."""
    import torch

    ids_out, lps_out = [], []
    attention = inputs.get("attention_mask")
    for b, row in enumerate(inputs["input_ids"]):
        key = row_key((row[attention[b].bool()] if attention is not None else row).tolist())
        if key not in targets:
            raise RuntimeError(f"{KEY}: a training row has no teacher targets (its tokens differ from those asked)")
        ids, lps = targets[key]
        if len(ids) != int(mask[b].sum()):
            raise RuntimeError(f"{KEY}: a row has {len(ids)} targets for {int(mask[b].sum())} answer positions")
        ids_out.append(ids)
        lps_out.append(lps)
    device = inputs["input_ids"].device
    return torch.cat(ids_out).to(device), torch.cat(lps_out).to(device)
