"""The judge as a reward function, for the algorithms that ask it while they train (GRPO, PPO).
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from ..records import CandidateSet, Completion

if TYPE_CHECKING:
    from .algorithm import TrainJob


def rank_rewards(scores: list[float]) -> list[float]:
    """Reward from a ranking: the share of the other scored samples this one beats (ties beat nobody)."""
    valid = [s for s in scores if not math.isnan(s)]
    if len(valid) < 2:
        return [0.0 for _ in scores]
    return [0.0 if math.isnan(s) else sum(o < s for o in valid) / (len(valid) - 1) for s in scores]


# The reward setting of the algorithms that ask the judge while they train (grpo, ppo): what JudgeReward returns.
RewardMode = Annotated[
    Literal["scores", "rank"],
    Field(description="The reward: the judge's scores, or rank-derived (the share of its group a sample beats)."),
]


class JudgeReward:
    """A TRL reward function that asks the judge to rank each prompt's group of samples."""

    def __init__(self, judge: Any, mode: str = "scores", tally: Any = None):
        if judge is None:
            raise TypeError("JudgeReward needs the run's judge (judging.run_judge; train_with passes it)")
        self.judge = judge
        self.mode = mode
        self.tally = tally  # guards.RewardTally: the round's abstentions and rewards, checked as they come
        self.__name__ = f"judge:{judge.name}"  # TRL logs rewards under the function's name
        self.calls = 0
        self.abstentions = 0

    def __call__(self, prompts: list, completions: list, prompt_id: list[str], **kw: Any) -> list[float]:
        references = kw.get("reference") or [None] * len(prompts)
        # the rows' own fields (a JSON text in GRPO's dataset, whose rows need not share one schema)
        fields = [json.loads(f) if isinstance(f, str) else f or {} for f in kw.get("fields") or [{}] * len(prompts)]
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
                fields[start],
            )
            scores = list(self.judge.rank(item).scores)
            self.calls += 1
            self.abstentions += sum(math.isnan(s) for s in scores)
            judged = scores
            if self.mode == "rank":
                scores = rank_rewards(scores)
            rewards.extend(0.0 if math.isnan(s) else float(s) for s in scores)
            if self.tally is not None:
                self.tally.add(judged, rewards[len(rewards) - len(scores) :])
            start = end
        return rewards


def reward_tally(job: TrainJob) -> Any:
    """The round's RewardTally (guards.py), limited by the judge's max_abstain_rate."""
    from ..judging.kinds import max_abstain_rate
    from . import guards

    return guards.RewardTally(max_abstain_rate(job.recipe.judge), job.label, getattr(job.judge, "name", "the judge"))
