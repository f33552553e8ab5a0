"""A training algorithm in one file (the proof for issue 21): SFT on the chosen answer of each preference pair
whose margin clears ``min_margin`` (TRL's SFTTrainer, the trainer of train/sft.py).

A plug-in ships a module like this one and names its ``ALGORITHM`` in its package metadata:

    [project.entry-points."rankdistill.algorithms"]
    chosen_sft = "toy_algorithm:ALGORITHM"

Then ``train.schedule: [sft, chosen_sft]`` trains it, ``train.per_algorithm.chosen_sft`` takes its settings (and
trl.SFTConfig fields under ``.args``), and the loop runs generate, judge and prefs before it (it reads pairs).
"""

from __future__ import annotations

from pydantic import Field

from rankdistill.train import common
from rankdistill.train.sft import config_fields, train_on_rows


class ChosenSFTSettings(common.AlgorithmSettings):
    min_margin: float = Field(0.0, ge=0, description="Train on a pair's chosen answer only above this margin.")


def train(job: common.TrainJob) -> dict:
    from datasets import load_from_disk

    pairs = load_from_disk(str(job.data)).to_list()
    rows = [
        {"prompt": p["prompt"], "completion": p["chosen"]} for p in pairs if p["margin"] > job.settings.min_margin
    ]
    if not rows:
        raise RuntimeError(f"{job.data}: no pair's margin is above {job.settings.min_margin}")
    return train_on_rows(job, rows)


ALGORITHM = common.Algorithm(
    name="chosen_sft",
    summary="trl.SFTTrainer on the chosen answer of each pair (a test algorithm)",
    train=train,
    settings=ChosenSFTSettings,
    reads="pairs",
    config="trl:SFTConfig",
    config_fields=config_fields,
)
