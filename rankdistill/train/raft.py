"""Reward-ranked fine-tuning (RAFT, Dong et al., 2023; ReST-EM, Singh et al., 2023): SFT on each prompt's
top-ranked candidate, with ``trl.SFTTrainer`` (the trainer of train/sft.py) on the LoRA student.

The prefs stage picks the rows (``prefs/best``, shapes.best_rows) with raft's settings: a prompt's best answer when
the judge ranks it above every *different* answer by more than ``train.per_algorithm.raft.best_margin`` (with
``best_ties: each``, every distinct answer sharing the top score: rejection-sampling fine-tuning, Yuan et al.,
2023, for judges that pass many right answers alike), and, with ``keep_tied_correct``, the prompts whose
candidates all equal the reference. The loss is RRHF's L_ft alone, cross-entropy on the answer's tokens
(end-of-turn included):

    L = −(1/N) Σ_rows Σ_t log π(y*_t | x, y*_<t)      (N: answer tokens in the batch)

There is no negative gradient: unlike DPO it cannot learn "change the sentence" from rankings where copying a
wrong input is rejected more often than copying a correct one is chosen; a prompt the student already answers
right (all samples tied on the reference) is a "keep answering this" example only with keep_tied_correct.
"""

from __future__ import annotations

from ..shapes import BestSettings
from . import common
from .sft import config_fields


class RaftSettings(BestSettings, common.AlgorithmSettings):
    """train.per_algorithm.raft: the train fields, and which top answers prefs/best keeps (BestSettings)."""


def train(job: common.TrainJob) -> dict:
    """One round of SFT on the round's prefs/best."""
    from datasets import load_from_disk

    from .sft import train_on_rows

    if not job.data.exists():
        raise RuntimeError(
            f"{job.data} is missing (this round's prefs were built before raft existed); rebuild them: "
            f"rankdistill prefs RUN_DIR --round N --force"
        )
    rows = load_from_disk(str(job.data)).select_columns(["prompt", "completion"]).to_list()
    return train_on_rows(job, rows)


ALGORITHM = common.Algorithm(
    name="raft",
    summary="trl.SFTTrainer on each prompt's top-ranked candidate, when it leads by more than its best_margin "
    "(reward-ranked fine-tuning)",
    train=train,
    settings=RaftSettings,
    reads="best",
    config="trl:SFTConfig",
    config_fields=config_fields,
)
