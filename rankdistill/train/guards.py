"""What stops a round that learned nothing from being filed as trained.

- A loss or a trainable weight that is not finite (a learning rate far too high) stops training at that step,
  before a checkpoint of it is written: ``TrainingDiverged``, one line; the round's adapter is not filed, so the
  next round and evaluation keep the previous round's student.
- An online algorithm's rewards (grpo, ppo: ``RewardTally``): more abstained rankings than judge.max_abstain_rate
  stops the round as that limit stops the judge stage (JudgeFailed: resumable, every reward paid stays in the
  ledger); rewards that were all 0 carry the student over unchanged (``NothingLearned``: the train stage files the
  round as skipped, like a round whose prefs hold no pair). Its counts are kept in each checkpoint, so a resumed
  round judges the whole round, not only what it trained since.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..errors import JudgeFailed, UserError
from ..judging.base import MIN_RANKINGS_FOR_ABSTAIN_CHECK

STATE_FILE = "rankdistill_state.json"  # beside a trainer checkpoint's own files


class TrainingDiverged(UserError):
    """The loss or a weight became NaN or infinite: training stops, nothing of it is filed."""

    prefix = "training stopped"


class NothingLearned(Exception):
    """The round's rewards held nothing to learn from; the train stage carries the student over (``reason``)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_finite(model: Any, label: str, step: int, loss: float | None = None) -> None:
    """TrainingDiverged when ``loss`` or a trainable weight of ``model`` is NaN or infinite."""
    import torch

    if loss is not None and not math.isfinite(loss):
        raise diverged(label, step, f"the loss became {loss}")
    trainable = [(name, p) for name, p in model.named_parameters() if p.requires_grad]
    if not trainable:
        return
    with torch.no_grad():  # one device sync for all of them; the names only when one is bad
        finite = torch.stack([torch.isfinite(p).all().to(trainable[0][1].device) for _, p in trainable])
        if bool(finite.all()):
            return
        name, p = trainable[int((~finite).nonzero()[0])]
        raise diverged(label, step, f"weight {name} became {'NaN' if bool(torch.isnan(p).any()) else 'infinite'}")


def diverged(label: str, step: int, what: str) -> TrainingDiverged:
    return TrainingDiverged(
        f"{label}: {what} at step {step} (is train.learning_rate too high?); this round's adapter is not filed, "
        "so the student stays as the previous round left it"
    )


def finite_callback(label: str) -> Any:
    """A TrainerCallback that checks every logged loss and, after every optimizer step (before its checkpoint is
    written), the trainable weights."""
    from transformers import TrainerCallback

    class Finite(TrainerCallback):
        def on_step_end(self, args, state, control, model=None, **kw):  # noqa: ANN001
            if model is not None:
                check_finite(model, label, state.global_step)

        def on_log(self, args, state, control, logs=None, **kw):  # noqa: ANN001
            loss = (logs or {}).get("loss")
            if isinstance(loss, int | float) and not math.isfinite(loss):
                raise diverged(label, state.global_step, f"the loss became {loss}")

    return Finite()


class RewardTally:
    """The rewards of one round of an online algorithm: rankings asked, abstained (every score NaN), rewards
    given and how many were not 0; ``check`` stops the round on too many abstentions."""

    def __init__(self, limit: float, label: str, judge: str):
        self.limit, self.label, self.judge = limit, label, judge
        self.rankings = self.abstained = self.rewards = self.nonzero = 0

    def add(self, scores: list[float], rewards: list[float]) -> None:
        self.rankings += 1
        self.abstained += all(math.isnan(s) for s in scores)
        self.rewards += len(rewards)
        self.nonzero += sum(r != 0 for r in rewards)
        if self.rankings >= MIN_RANKINGS_FOR_ABSTAIN_CHECK:
            self.check()

    def check(self) -> None:
        """JudgeFailed when more rankings abstained than judge.max_abstain_rate allows."""
        if self.rankings and self.abstained > self.limit * self.rankings:
            raise JudgeFailed(
                f"{self.label}: {self.abstained} of {self.rankings} reward rankings abstained (no parseable verdict "
                f"from {self.judge}), more than judge.max_abstain_rate {self.limit:g}: check the judge's model and "
                "template (its replies are in ledger.sqlite), or raise judge.max_abstain_rate and run again to "
                "train on them (nothing is paid again)"
            )

    def finish(self) -> None:
        """At the round's end: the abstention check on all of it, then NothingLearned if every reward was 0."""
        self.check()
        if self.rewards and not self.nonzero:
            raise NothingLearned(f"every one of the {self.rewards} rewards from {self.judge} was 0")

    def state(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("rankings", "abstained", "rewards", "nonzero")}

    def load(self, state: dict[str, int]) -> None:
        for k, v in state.items():
            setattr(self, k, int(v))

    def save_to(self, checkpoint: Path) -> None:
        (checkpoint / STATE_FILE).write_text(json.dumps({"rewards": self.state()}))

    def load_from(self, checkpoint: Path | None) -> None:
        path = checkpoint / STATE_FILE if checkpoint else None
        if path is not None and path.exists():
            self.load(json.loads(path.read_text()).get("rewards", {}))


def tally_callback(tally: RewardTally) -> Any:
    """A TrainerCallback that keeps ``tally``'s counts in every checkpoint the trainer writes."""
    from transformers import TrainerCallback

    class Keep(TrainerCallback):
        def on_save(self, args, state, control, **kw):  # noqa: ANN001
            checkpoint = Path(args.output_dir) / f"checkpoint-{state.global_step}"
            if checkpoint.is_dir():
                tally.save_to(checkpoint)

    return Keep()
