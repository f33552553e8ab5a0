"""Candidates from other sources than the student (``generation.sources``), added after its k samples.

``reference``: the prompt's reference answer (the teacher's pseudo-label). ``teacher``: the openai teacher's own
answer to the student's prompt, asked through the same OpenAI-compatible client as the judge and cached in the
run's ledger (asked once per prompt, free in later rounds). This is RRHF's setting (responses from several
sources, the human one included) and Zephyr's UltraFeedback data (answers of several models ranked by a
teacher): when the student never samples a correct answer, a ranking can still point to one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import progress
from ..data import Prompt
from ..records import Completion
from ..rundir import RunDir

if TYPE_CHECKING:
    from ..recipe import Recipe


def off_policy_candidates(
    run: RunDir, round_idx: int, recipe: Recipe, prompts: list[Prompt]
) -> dict[str, list[Completion]]:
    """Prompt id -> the extra candidates of every source but the student's, in ``generation.sources`` order."""
    sources = [s for s in recipe.generation.sources if s != "student"]
    if not sources or not prompts:
        return {}
    from ..models import load_tokenizer

    tokenizer = load_tokenizer(recipe.student)
    teacher = _teacher_answers(run, round_idx, recipe, prompts) if "teacher" in sources else {}
    out: dict[str, list[Completion]] = {}
    for p in prompts:
        texts = {"reference": p.reference, "teacher": teacher.get(p.prompt_id)}
        out[p.prompt_id] = [
            Completion(texts[s], _num_tokens(tokenizer, texts[s]), "stop", source=s)
            for s in sources
            if texts[s] is not None
        ]
    return out


def _num_tokens(tokenizer: Any, text: str) -> int:
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


def _teacher_answers(run: RunDir, round_idx: int, recipe: Recipe, prompts: list[Prompt]) -> dict[str, str]:
    """Every prompt's teacher answer; a call that failed (server down, 5xx, timeout) stops the stage before any
    student sampling, unfinished, and the same command asks only what failed (answers are in the ledger)."""
    from ..errors import JudgeFailed
    from ..judging import run_judge
    from ..label import teacher_answers

    failures: list[str] = []
    with run_judge(run, recipe.judge, "teacher", round_idx, seed=recipe.seed) as judge:
        with progress.task(f"round {round_idx}: teacher answers", total=len(prompts)) as bar:
            answers = teacher_answers(judge, prompts, lambda p: p.messages, "teacher", bar.advance, failures)
    if failures:
        raise JudgeFailed(
            f"teacher answers (generation.sources): {len(failures)} of {len(prompts)} prompts got no answer from "
            f"{judge.where()} (last error: {failures[-1]}); run the same command again "
            "to ask only those"
        )
    if len(answers) < len(prompts):  # answered, but empty or a refusal: no teacher candidate for those
        progress.log(f"teacher: no usable answer for {len(prompts) - len(answers)} of {len(prompts)} prompts")
    return answers
