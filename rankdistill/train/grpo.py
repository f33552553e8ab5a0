"""Online RL with ``trl.GRPOTrainer`` (Shao et al., 2024): the recipe's judge is the reward.

GRPO is PPO's clipped surrogate with a group baseline instead of a value model: each prompt gets k samples
(generation.k), each sample's advantage is its reward against the group's mean, and a KL penalty (beta, default
0.04 here) keeps the policy near the reference (the base with the adapter disabled: no second model copy).
For online RL with a critic (value model), see train/ppo.py.

The reward goes through the Judge protocol only (``judge.rank(CandidateSet)``), so any judge works: the k
samples of a prompt form one CandidateSet, and each sample's reward is its score (``train.reward: scores``) or
the share of the other scored samples it beats (``rank``). An abstention (NaN) earns 0 and is counted. The judge
is the run's (``judging.run_judge``, passed in by the train stage): its calls are capped by judge.max_cost and
recorded in the run's ledger, so a resumed round gets the rewards it already paid for from the ledger.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import progress
from ..records import CandidateSet, Completion
from . import common

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe

OWNED = {
    **common.OWNED,
    "per_device_train_batch_size": "train.batch_size (prompts per step; times generation.k samples)",
    "num_generations": "generation.k",
    "max_completion_length": "generation.max_new_tokens",
    "temperature": "generation.temperature",
    "top_p": "generation.top_p",
}


def check_args(recipe: Recipe) -> None:
    """Pass-through keys must be trl.GRPOConfig fields the recipe does not already set."""
    from trl import GRPOConfig

    base = config_kwargs(recipe, Path("checkpoints"), False)
    common.check_config_args(GRPOConfig, recipe.train.args, "grpo", OWNED, base)


def config_kwargs(recipe: Recipe, output_dir: Path, use_bf16: bool) -> dict[str, Any]:
    """GRPOConfig's settings from the recipe, before the pass-through train.args."""
    g = recipe.generation
    kwargs = common.base_config_kwargs(recipe, output_dir, use_bf16)
    kwargs.update(
        per_device_train_batch_size=recipe.train.batch_size * g.k,  # completions per device per step
        num_generations=g.k,
        max_completion_length=g.max_new_tokens,
        temperature=g.temperature,
        top_p=g.top_p,
        beta=0.04,  # the KL penalty of the GRPO paper (TRL's default is 0)
    )
    return kwargs


def rank_rewards(scores: list[float]) -> list[float]:
    """Reward from a ranking: the share of the other scored samples this one beats (ties beat nobody)."""
    valid = [s for s in scores if not math.isnan(s)]
    if len(valid) < 2:
        return [0.0 for _ in scores]
    return [0.0 if math.isnan(s) else sum(o < s for o in valid) / (len(valid) - 1) for s in scores]


class JudgeReward:
    """A TRL reward function that asks the judge to rank each prompt's group of samples."""

    def __init__(self, judge: Any, mode: str = "scores"):
        if judge is None:
            raise TypeError("JudgeReward needs the run's judge (judging.run_judge; train_with passes it)")
        self.judge = judge
        self.mode = mode
        self.__name__ = f"judge:{judge.name}"  # TRL logs rewards under the function's name
        self.calls = 0
        self.abstentions = 0

    def __call__(self, prompts: list, completions: list, prompt_id: list[str], **kw: Any) -> list[float]:
        references = kw.get("reference") or [None] * len(prompts)
        texts = [c[-1]["content"] if isinstance(c, list) else c for c in completions]
        rewards: list[float] = []
        start = 0
        while start < len(texts):  # TRL keeps each prompt's samples next to each other
            end = start
            while end < len(texts) and prompt_id[end] == prompt_id[start]:
                end += 1
            item = CandidateSet(
                prompt_id[start],
                prompts[start],
                [Completion(t, 0, "stop") for t in texts[start:end]],
                references[start],
            )
            scores = list(self.judge.rank(item).scores)
            self.calls += 1
            self.abstentions += sum(math.isnan(s) for s in scores)
            if self.mode == "rank":
                scores = rank_rewards(scores)
            rewards.extend(0.0 if math.isnan(s) else float(s) for s in scores)
            start = end
        return rewards


def grpo_rows(recipe: Recipe) -> list[dict[str, Any]]:
    """The training prompts (as the generate stage picks them), with their references for reference judges."""
    from ..generation import training_prompts

    return [
        {"prompt": p.messages, "prompt_id": p.prompt_id, "reference": p.reference}
        for p in training_prompts(recipe)
    ]


def train_grpo(
    recipe: Recipe,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    judge: Any,
    label: str = "train",
) -> dict:
    """Train one round of GRPO on the training prompts, rewarded by ``judge``; writes the adapter and returns the
    loss history."""
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

    check_args(recipe)
    dataset = Dataset.from_list(grpo_rows(recipe))
    model, tokenizer = common.load_trainable(recipe, previous_adapter)
    kwargs = config_kwargs(recipe, checkpoints, common.wants_bf16(recipe, model))
    kwargs.update(recipe.train.args)
    reward = JudgeReward(judge, recipe.train.reward)
    history: list[dict[str, float]] = []
    with progress.task(label, total=recipe.train.max_steps) as bar:
        trainer = GRPOTrainer(
            model=model,
            reward_funcs=[reward],
            args=GRPOConfig(**kwargs),
            train_dataset=dataset,
            processing_class=tokenizer,
            callbacks=[common.progress_callback(bar, history)],
        )
        common.run_trainer(trainer, checkpoints, bar)
    common.save_adapter(trainer, adapter_out, history)
    return {
        "history": history,
        "prompts": len(dataset),
        "judge_calls": reward.calls,
        "abstentions": reward.abstentions,
    }


def train(
    recipe: Recipe,
    data: Path | None,
    adapter_out: Path,
    checkpoints: Path,
    previous_adapter: Path | None,
    label: str = "train",
    judge: Any = None,
) -> dict:
    """The dispatch table's entry point (train/__init__.py): ``data`` is None (it samples); ``judge`` the run's."""
    return train_grpo(recipe, adapter_out, checkpoints, previous_adapter, judge, label)
