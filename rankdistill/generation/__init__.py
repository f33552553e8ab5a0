"""Generation stage: the student samples k candidates per training prompt -> round-NN/candidates.jsonl."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import progress
from ..data import Prompt, load_prompts
from ..records import CandidateSet, PartialJsonl, to_dict
from ..rundir import RunDir
from .backends import BACKENDS, choose_backend, explain_backend, make_generator

__all__ = [
    "BACKENDS",
    "choose_backend",
    "explain_backend",
    "generate_stage",
    "make_generator",
    "training_prompts",
]

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


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
                                    todo[j].fields,
                                )
                            )
                            for j, c in done
                        ]
                    )
                    bar.advance(len(done))
            finally:
                generator.close()  # the engine's memory is free before training starts
    partial.finish([p.prompt_id for p in prompts])
