"""Online RL with ``trl.GRPOTrainer`` (Shao et al., 2024): the recipe's judge is the reward.

GRPO is PPO's clipped surrogate with a group baseline instead of a value model: each prompt gets k samples
(generation.k), each sample's advantage is its reward against the group's mean, and a KL penalty (beta, default
0.04 here) keeps the policy near the reference (the base with the adapter disabled: no second model copy).
For online RL with a critic (value model), see train/ppo.py.

The reward goes through the Judge protocol only (``judge.rank(CandidateSet)``), so any judge works: the k
samples of a prompt form one CandidateSet, and each sample's reward is its score (``reward: scores``) or
the share of the other scored samples it beats (``rank``). An abstention (NaN) earns 0 and is counted. The judge
is the run's (``judging.run_judge``, passed in by the train stage): its calls are capped by judge.max_cost and
recorded in the run's ledger, so a resumed round gets the rewards it already paid for from the ledger.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import Field

from . import common

if TYPE_CHECKING:
    from ..recipe import Recipe

OWNED = {
    "per_device_train_batch_size": "train.batch_size (prompts per step; times generation.k samples)",
    "num_generations": "generation.k",
    "max_completion_length": "generation.max_new_tokens",
    "temperature": "generation.temperature",
    "top_p": "generation.top_p",
    "beta": "train.per_algorithm.grpo.beta",
}


class GRPOSettings(common.AlgorithmSettings):
    reward: common.RewardMode = "scores"
    beta: float = Field(
        0.04, ge=0, description="KL penalty to the base (the GRPO paper's 0.04; TRL's default is 0)."
    )

    moved_from_train = ("reward",)


def config_fields(recipe: Recipe, settings: GRPOSettings) -> dict[str, Any]:
    g = recipe.generation
    return {
        "per_device_train_batch_size": recipe.train.batch_size * g.k,  # completions per device per step
        "num_generations": g.k,
        "max_completion_length": g.max_new_tokens,
        "temperature": g.temperature,
        "top_p": g.top_p,
        "beta": settings.beta,
    }


def grpo_rows(recipe: Recipe) -> list[dict[str, Any]]:
    """The training prompts (as the generate stage picks them), with their references for reference judges and
    their rows' fields for judges that read them (as JSON text: rows' fields need not share one schema)."""
    from ..generation.prompts import training_prompts

    return [
        {
            "prompt": p.messages,
            "prompt_id": p.prompt_id,
            "reference": p.reference,
            "fields": json.dumps(p.fields, ensure_ascii=False),
        }
        for p in training_prompts(recipe)
    ]


def train(job: common.TrainJob) -> dict:
    """One round of GRPO on the training prompts, rewarded by the run's judge."""
    from datasets import Dataset
    from trl import GRPOTrainer

    dataset = Dataset.from_list(grpo_rows(job.recipe))
    tally = common.reward_tally(job)
    reward = common.JudgeReward(job.judge, job.settings.reward, tally)
    result = common.fit(job, dataset, seeded(GRPOTrainer), reward_funcs=[reward], tally=tally)
    return {
        **result,
        "prompts": len(dataset),
        "judge_calls": reward.calls,
        "abstentions": reward.abstentions,
    }


def seeded(trainer_class: Any) -> Any:
    """``trainer_class`` (GRPOTrainer) sampling each step's generation batch with a seed of its own (the run's seed,
    the step, the process): a step resumed after a stop (the cost cap, Ctrl-C, kill -9) draws exactly the samples of
    its first attempt, as its batch of prompts is the same, whatever random state the resumed process restored or
    consumed, so the rewards it paid for are ledger hits. (transformers' generate; vLLM draws with its own seeds.)"""
    import torch

    class SeededGRPOTrainer(trainer_class):
        def _generate_single_turn(self, *args, **kwargs):  # noqa: ANN002, ANN003
            seed = (self.args.seed * 1_000_003 + self.state.global_step) * 101 + self.accelerator.process_index
            cuda = [torch.cuda.current_device()] if torch.cuda.is_available() else []
            with torch.random.fork_rng(devices=cuda):
                torch.manual_seed(seed)
                return super()._generate_single_turn(*args, **kwargs)

    return SeededGRPOTrainer


ALGORITHM = common.Algorithm(
    name="grpo",
    summary="trl.GRPOTrainer: online RL, the run's judge as the reward, a group baseline instead of a critic",
    train=train,
    settings=GRPOSettings,
    config="trl:GRPOConfig",
    config_fields=config_fields,
    owned=OWNED,
    judged=True,
)
