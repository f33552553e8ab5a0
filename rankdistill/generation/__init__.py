"""Generation stage: the student samples k candidates per training prompt -> round-NN/candidates.jsonl."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import progress
from ..data import Prompt, load_prompts
from ..records import CandidateSet, PartialJsonl, to_dict
from ..rundir import RunDir

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


def explain_backend(setting: str, quantization: str = "none") -> tuple[str, str]:
    """(backend, why): what a recipe's ``generation.backend`` resolves to on this machine."""
    from . import vllm

    if setting == "transformers":
        return "transformers", "asked for"
    if setting == "vllm":
        if not vllm.installed():
            raise vllm.BackendError(vllm.MISSING)
        return "vllm", "asked for"
    if setting != "auto":
        raise ValueError(f"generation.backend: unknown backend {setting!r}")
    if not vllm.installed():
        return "transformers", "auto: vLLM is not installed"
    import torch

    if not torch.cuda.is_available():
        return "transformers", "auto: vLLM is installed but there is no CUDA device"
    if quantization == "4bit":
        return "transformers", "auto: vLLM cannot serve the 4-bit base the QLoRA adapter was trained on"
    return "vllm", "auto: vLLM and a CUDA device are present"


def choose_backend(setting: str, quantization: str = "none") -> str:
    """The backend a recipe's ``generation.backend`` resolves to on this machine."""
    return explain_backend(setting, quantization)[0]


def make_generator(recipe: Recipe, adapter: Path | None) -> Any:
    """A generator for the student with ``adapter`` (None: the base model); call ``close()`` when done."""
    backend, why = explain_backend(recipe.generation.backend, recipe.student.quantization)
    progress.log(f"generation backend: {backend} ({why})")
    if backend == "vllm":
        from .vllm import VLLMGenerator

        return VLLMGenerator(recipe.student, recipe.generation.vllm, adapter, recipe.generation.stop)
    from ..models import load_policy, load_tokenizer, stop_sequences
    from .hf import HFGenerator

    tokenizer = load_tokenizer(recipe.student)
    model = load_policy(recipe.student, adapter)
    return HFGenerator(model, tokenizer, stop_sequences(tokenizer, recipe.generation.stop))


def training_prompts(recipe: Recipe, round_idx: int | None = None) -> list[Prompt]:
    """The training prompts, shuffled (seeded); for round ``round_idx``, its window of ``data.max_prompts``.

    Each round takes the next ``max_prompts`` of the shuffled set (wrapping around), so successive preference
    rounds learn from fresh prompts; without a round (SFT) every prompt.
    """
    from ..judging.kinds import reads_reference

    prompts = load_prompts(
        recipe.data.train,
        recipe.data,
        shuffle_seed=recipe.seed if recipe.data.shuffle else None,
        need_reference=reads_reference(recipe.judge) or "reference" in recipe.generation.sources,
    )
    n = recipe.data.max_prompts
    if round_idx is None or not n or n >= len(prompts):
        return prompts
    start = (round_idx - 1) * n % len(prompts)
    return (prompts + prompts)[start : start + n]


def generate_stage(run: RunDir, round_idx: int, recipe: Recipe) -> None:
    """Sample ``generation.k`` candidates per prompt with the previous round's student, then add those of the
    other ``generation.sources``; resumable by prompt."""
    from .sources import off_policy_candidates

    out = run.candidates(round_idx)
    prompts = training_prompts(recipe, round_idx)
    partial = PartialJsonl(out, key="prompt_id")
    todo = [p for p in prompts if p.prompt_id not in partial.done]
    g = recipe.generation
    with progress.task(
        f"round {round_idx}: generate", total=len(prompts), completed=len(prompts) - len(todo)
    ) as bar:
        if todo:
            extra = off_policy_candidates(run, round_idx, recipe, todo)
            generator = make_generator(recipe, run.student(round_idx - 1))
            # A seed per prompt from its position in the full list: a resumed stage samples what an
            # uninterrupted one would. vLLM takes all prompts at once; transformers in batches of batch_size.
            index = {p.prompt_id: i for i, p in enumerate(prompts)}
            base = recipe.seed * 1_000_003 + round_idx * 10_007
            try:
                pieces = generator.stream(
                    [p.messages for p in todo],
                    seeds=[base + index[p.prompt_id] for p in todo],
                    group=g.batch_size,
                    k=g.k,
                    temperature=g.temperature,
                    top_p=g.top_p,
                    max_new_tokens=g.max_new_tokens,
                )
                for done in pieces:
                    partial.append(
                        [
                            to_dict(
                                CandidateSet(
                                    todo[j].prompt_id,
                                    todo[j].messages,
                                    c + extra.get(todo[j].prompt_id, []),
                                    todo[j].reference,
                                )
                            )
                            for j, c in done
                        ]
                    )
                    bar.advance(len(done))
            finally:
                generator.close()  # the engine's memory is free before training starts
    partial.finish([p.prompt_id for p in prompts])
