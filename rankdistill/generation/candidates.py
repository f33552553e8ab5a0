"""A prompt's candidates: the student's k samples, its greedy answer, then those of the other sources.

The greedy answer (``generation.greedy``, source "greedy") is what the student says when asked once: the round's
signal (headroom.py) measures its samples against it. It is made by the backend's own greedy ``stream`` (the one
evaluation uses) and filed in round-NN/greedy.partial.jsonl as it comes, so a resumed stage never makes it twice;
the file is removed once the stage's candidates are all filed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import progress
from ..data import Prompt
from ..records import CandidateSet, Completion, PartialJsonl, to_dict
from ..rundir import RunDir
from .budget import stream_within_budgets

if TYPE_CHECKING:
    from ..recipe import Recipe
    from .backends import Generator


class StudentCandidates:
    """Makes candidate sets for prompts of one round's generate stage (``with ... as make: make(todo)``); the
    student's generator starts on first use and is closed when the block ends, before training needs the memory.

    ``prompts``: the stage's whole list, in order. A prompt is seeded from its position in it, so a resumed stage
    samples what an uninterrupted one would.
    """

    def __init__(self, run: RunDir, round_idx: int, recipe: Recipe, prompts: list[Prompt]):
        self.run, self.round_idx, self.recipe = run, round_idx, recipe
        self.index = {p.prompt_id: i for i, p in enumerate(prompts)}
        self.base_seed = recipe.seed * 1_000_003 + round_idx * 10_007
        self.generator: Generator | None = None
        self.greedy = (
            PartialJsonl(run.round_dir(round_idx) / "greedy.jsonl", key="prompt_id")
            if recipe.generation.greedy
            else None
        )

    def __enter__(self) -> StudentCandidates:
        return self

    def __exit__(self, exc_type: Any, *exc: object) -> None:
        if self.generator is not None:
            self.generator.close()  # the engine's memory is free before training starts
            self.generator = None
        if exc_type is None and self.greedy is not None:
            self.greedy.partial_path.unlink(missing_ok=True)  # every greedy answer is in a candidate set now

    def _generator(self) -> Generator:
        if self.generator is None:
            from .backends import make_generator

            self.generator = make_generator(self.recipe, self.run.student(self.round_idx - 1))
        return self.generator

    def _seeds(self, prompts: list[Prompt]) -> list[int]:
        return [self.base_seed + self.index[p.prompt_id] for p in prompts]

    def __call__(self, todo: list[Prompt]) -> Iterator[list[CandidateSet]]:
        """The candidate sets of ``todo``, a group at a time as the backend finishes them (vLLM takes all prompts
        at once; transformers goes in batches of generation.batch_size)."""
        if not todo:
            return
        from .sources import off_policy_candidates

        extra = off_policy_candidates(self.run, self.round_idx, self.recipe, todo)  # before the student loads
        greedy = self._greedy_answers(todo)
        g = self.recipe.generation
        pieces = stream_within_budgets(
            self._generator(),
            self.recipe.student,
            [p.input for p in todo],
            g.max_new_tokens_over_input,
            [p.messages for p in todo],
            seeds=self._seeds(todo),
            group=g.batch_size,
            k=g.k,
            temperature=g.temperature,
            top_p=g.top_p,
            max_new_tokens=g.max_new_tokens,
        )
        for done in pieces:
            yield [
                CandidateSet(
                    todo[j].prompt_id,
                    todo[j].messages,
                    samples + greedy.get(todo[j].prompt_id, []) + extra.get(todo[j].prompt_id, []),
                    todo[j].reference,
                    todo[j].fields,
                )
                for j, samples in done
            ]

    def _greedy_answers(self, todo: list[Prompt]) -> dict[str, list[Completion]]:
        """Prompt id -> [its greedy answer] (empty without generation.greedy); made only for prompts that have
        none filed yet."""
        if self.greedy is None:
            return {}
        missing = [p for p in todo if p.prompt_id not in self.greedy.done]
        if missing:
            g = self.recipe.generation
            with progress.task(f"round {self.round_idx}: greedy answers", total=len(missing)) as bar:
                for done in stream_within_budgets(
                    self._generator(),
                    self.recipe.student,
                    [p.input for p in missing],
                    g.max_new_tokens_over_input,
                    [p.messages for p in missing],
                    seeds=self._seeds(missing),
                    group=g.batch_size,
                    max_new_tokens=g.max_new_tokens,
                    greedy=True,
                ):
                    self.greedy.append(
                        [{"prompt_id": missing[j].prompt_id, **to_dict(c[0])} for j, c in done]
                    )
                    bar.advance(len(done))
        filed = {r["prompt_id"]: r for r in self.greedy.rows}
        out = {}
        for p in todo:
            row = {k: v for k, v in filed[p.prompt_id].items() if k != "prompt_id"}
            out[p.prompt_id] = [Completion(**{**row, "source": "greedy"})]
        return out
