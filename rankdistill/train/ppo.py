"""PPO with a critic (Schulman et al., 2017), for language models as in Ziegler et al., 2019: the judge is the reward.

TRL deleted its PPOTrainer (PR #7020) and a maintained PPO with a value model now lives only in large Ray-based
systems, so this is our own, self-contained like RRHF. One step:

1. **Rollout**: ``train.batch_size`` prompts, ``generation.k`` samples each from the current policy (the loop's
   ``HFGenerator``, on the in-memory policy), ranked per prompt by the recipe's judge (``reward``: its
   scores, or the share of the group a sample beats; an abstention earns 0 and is counted). The samples are
   re-tokenised through the chat template (as the offline trainers see them), and every log-prob, KL and value
   below is computed on those tokens, so the update is consistent with itself.
2. **Rewards per token**: r_t = −kl_coef · (log π_old(y_t) − log π_ref(y_t)), plus the judge's reward at the last
   token. With ``target_kl`` the coefficient adapts toward it after every step (Ziegler et al., 2019):
   kl_coef ← kl_coef · (1 + clip(KL / target − 1, ±0.2) · samples / horizon).
3. **Advantages**: GAE (γ, λ) on the critic's values, whitened over the batch (losses.gae_advantages).
4. **Update**: ``ppo_epochs`` passes over the rollout batch in shuffled minibatches of
   ``minibatch_size`` samples; each minibatch takes one AdamW step on the clipped surrogate
   (losses.ppo_policy_loss) plus ``vf_coef`` times the clipped value loss (losses.ppo_value_loss).

Models, all on one frozen base (LoRA or QLoRA), so no second copy of the model is loaded:
- the **policy** is the student's LoRA adapter ("default", the one saved and evaluated);
- the **critic** is a linear value head on the last hidden state, under its own LoRA adapter ("critic"): a value
  function needs features the policy's adapter does not learn, and a second adapter costs a few MB where a
  second model would double the memory; peft switches adapters per forward pass;
- the **reference** is the base with adapters disabled, or, from round 2 with ``reference: previous``, the
  previous round's adapter loaded frozen ("ref").

Checkpoints (every ``train.save_steps``) hold both adapters, the value head, the optimizer and the KL
coefficient; a killed run resumes from the newest complete one. Rollouts and minibatch orders are seeded by step,
so a resumed run samples what an uninterrupted one would. One process: no ``accelerate launch``.
Its knobs (``reward``, ``kl_coef`` ... ``weight_decay``) are its section of the recipe, train.per_algorithm.ppo.
"""

from __future__ import annotations

import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field

from .. import progress
from ..errors import RecipeError
from . import common, guards

if TYPE_CHECKING:
    from ..recipe import Recipe

POLICY, CRITIC, REF = "default", "critic", common.REF_ADAPTER


class PPOSettings(common.ReferencePolicySettings):
    """PPO's own knobs; it has no config class of a library (train.args and args are refused)."""

    reward: common.RewardMode = "scores"
    kl_coef: float = Field(
        0.05, ge=0, description="Per-token KL penalty to the reference (its start value if target_kl is set)."
    )
    target_kl: float | None = Field(
        None, gt=0, description="Adapt kl_coef toward this KL per sample (Ziegler et al., 2019); None: fixed."
    )
    gamma: float = Field(1.0, ge=0, le=1, description="Discount γ of GAE.")
    lam: float = Field(0.95, ge=0, le=1, description="GAE λ (the bias-variance trade-off of the advantages).")
    clip_eps: float = Field(0.2, gt=0, description="Clip range ε of the policy ratio.")
    value_clip_eps: float = Field(0.2, gt=0, description="Clip range of the value update around the old value.")
    vf_coef: float = Field(0.1, ge=0, description="Weight of the value loss beside the policy loss.")
    ppo_epochs: int = Field(2, gt=0, description="Passes over each rollout batch.")
    minibatch_size: int = Field(
        8, gt=0, description="Samples per optimizer update (a rollout batch is train.batch_size × generation.k)."
    )
    max_length: int = Field(common.DEFAULT_MAX_LENGTH, gt=0, description="Prompt + completion tokens kept per sample.")
    max_grad_norm: float = Field(1.0, gt=0, description="Gradient clipping over policy and critic together.")
    kl_horizon: int = Field(
        10_000, gt=0, description="Adaptive KL: samples over which kl_coef moves by up to 20 %."
    )
    whiten_advantages: bool = Field(True, description="Whiten the advantages over each rollout batch.")
    weight_decay: float = Field(0.0, ge=0, description="AdamW weight decay.")

    moved_from_train = (
        "reference",
        "reward",
        "kl_coef",
        "target_kl",
        "gamma",
        "lam",
        "clip_eps",
        "value_clip_eps",
        "vf_coef",
        "ppo_epochs",
        "minibatch_size",
    )


# --- the models -------------------------------------------------------------------------------------------


@contextmanager
def using(model: Any, adapter: str | None):
    """Run a block with ``adapter`` active (None: adapters disabled); the policy is active again after."""
    if adapter is None:
        with model.disable_adapter():
            yield
        return
    model.set_adapter(adapter, inference_mode=adapter == REF)
    try:
        yield
    finally:
        model.set_adapter(POLICY)


def load_models(recipe: Recipe, settings: PPOSettings, previous_adapter: Path | None) -> tuple[Any, Any, Any]:
    """(peft model with policy, critic and maybe ref adapters, value head, tokenizer)."""
    import torch

    from ..models import lora_config

    model, tokenizer = common.load_trainable(recipe, previous_adapter)
    for module in model.modules():
        # bitsandbytes repacks a 4-bit layer's weights for its CPU inference kernel the first time it runs in
        # eval mode (our rollouts) and keeps them so; that kernel has no backward, so later training steps would
        # not backpropagate through the frozen layers. Keep the trainable format throughout.
        if hasattr(module, "support_avx512bf16_for_cpu"):
            module.support_avx512bf16_for_cpu = False
    critic = previous_adapter / CRITIC if previous_adapter else None
    if critic is not None and (critic / "adapter_config.json").exists():
        model.load_adapter(str(critic), adapter_name=CRITIC, is_trainable=True)
    else:
        model.add_adapter(CRITIC, lora_config(recipe.student))
    if previous_adapter is not None and settings.reference == "previous":
        model.load_adapter(str(previous_adapter), adapter_name=REF, is_trainable=False)
    model.set_adapter(POLICY)
    head = torch.nn.Linear(model.config.hidden_size, 1, device=model.device, dtype=torch.float32)
    # V = 0 at the start: a randomly initialised head's values would be noise in the first advantages
    torch.nn.init.zeros_(head.weight)
    torch.nn.init.zeros_(head.bias)
    if critic is not None and (critic / "value_head.safetensors").exists():
        from safetensors.torch import load_file

        head.load_state_dict(load_file(str(critic / "value_head.safetensors"), device=str(model.device)))
    return model, head, tokenizer


def adapter_params(model: Any, adapter: str) -> list[Any]:
    return [p for n, p in model.named_parameters() if "lora_" in n and f".{adapter}." in n]


def policy_logps(
    model: Any, batch: dict[str, Any], entropy: bool = False, temperature: float = 1.0
) -> tuple[Any, Any, Any]:
    """(log π(y_t) per position [N, T−1], completion mask, mean entropy per masked token or None).

    π is the distribution the rollouts were sampled from: logits / ``temperature`` (generation.temperature), as
    TRL's PPO and GRPO do. Scored at T = 1, samples drawn at 0.7 are not π's: the ratio and the KL estimate are
    biased (a compare run logged a mean KL to the reference of −0.26, which on-policy samples cannot give).
    """
    from .losses import completion_token_logps, masked_mean

    logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
    if temperature != 1.0:
        logits = logits / temperature
    logps, mask = completion_token_logps(logits, batch["labels"])
    ent = None
    if entropy:
        import torch

        with torch.no_grad():
            lp = logits[:, :-1].float().log_softmax(-1)
            ent = masked_mean(-(lp.exp() * lp).sum(-1), mask)
    return logps, mask.float(), ent


def critic_values(model: Any, head: Any, batch: dict[str, Any]) -> Any:
    """V(s_t) per position [N, T−1]: the value head on the last hidden state before token t+1 is chosen."""
    import torch

    # the transformer body only: the critic never needs the vocabulary projection
    body = model.get_base_model().base_model
    hidden = body(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
    # the head in float32 even under bf16 autocast (CUDA): values, returns and GAE's sums keep their precision
    with torch.autocast(hidden.device.type, enabled=False):
        return head(hidden[:, :-1].float()).squeeze(-1)


# --- rollouts ---------------------------------------------------------------------------------------------


def prompt_batch(n_prompts: int, batch_size: int, step: int, seed: int) -> list[int]:
    """Indices of step ``step``'s prompts: passes over a seeded shuffle of all prompts (deterministic per step)."""
    import random

    out: list[int] = []
    pos = step * batch_size
    while len(out) < batch_size:
        epoch, offset = divmod(pos, n_prompts)
        order = list(range(n_prompts))
        random.Random(seed * 100_003 + epoch).shuffle(order)
        out.append(order[offset])
        pos += 1
    return out


def rollout(
    recipe: Recipe,
    settings: PPOSettings,
    model: Any,
    head: Any,
    tokenizer: Any,
    prompts: list,
    reward: Any,
    step: int,
) -> dict:
    """Sample, judge and score one batch: tokens, old log-probs, reference log-probs, values, judge rewards."""
    import torch

    from ..generation.hf import HFGenerator

    g, t = recipe.generation, recipe.train
    picked = [prompts[i] for i in prompt_batch(len(prompts), t.batch_size, step, recipe.seed)]
    model.eval()
    samples = HFGenerator(model, tokenizer).generate(
        [p.messages for p in picked],
        k=g.k,
        temperature=g.temperature,
        top_p=g.top_p,
        max_new_tokens=g.max_new_tokens,
        seed=recipe.seed * 1_000_003 + step,
    )
    texts = [c.text for group in samples for c in group]
    rewards = reward(
        [p.messages for p in picked for _ in range(g.k)],
        texts,
        prompt_id=[p.prompt_id for p in picked for _ in range(g.k)],
        reference=[p.reference for p in picked for _ in range(g.k)],
        fields=[p.fields for p in picked for _ in range(g.k)],
    )
    rows = [
        {"prompt": p.messages, "completions": [c.text for c in group], "scores": [0.0] * g.k}
        for p, group in zip(picked, samples, strict=True)
    ]
    max_length = settings.max_length
    device = common.model_device(model)
    batch = {k: v.to(device) for k, v in common.encode_lists(tokenizer, rows, max_length).items() if k != "scores"}
    with torch.no_grad():
        logps, mask, _ = policy_logps(model, batch, temperature=g.temperature)
        with using(model, REF if REF in model.peft_config else None):
            ref_logps, _, _ = policy_logps(model, batch, temperature=g.temperature)
        with using(model, CRITIC):
            values = critic_values(model, head, batch)
    return {
        **batch,
        "mask": mask,
        "logps": logps,
        "ref_logps": ref_logps,
        "values": values * mask,
        "scores": torch.tensor(rewards, dtype=torch.float32, device=device),
        "lengths": [c.num_tokens for group in samples for c in group],
    }


def token_rewards(scores: Any, kl: Any, mask: Any, kl_coef: float) -> Any:
    """r_t = −kl_coef · KL_t on every response token, plus the judge's reward on the last one."""
    import torch

    rewards = -kl_coef * kl * mask
    last = (mask * torch.arange(mask.shape[1], device=mask.device)).argmax(dim=1)
    return rewards.scatter_add(1, last.unsqueeze(1), scores.unsqueeze(1))


def explained_variance(values: Any, returns: Any, mask: Any) -> float:
    """1 − Var(R − V) / Var(R) over response tokens: 1 is a perfect critic, 0 no better than a constant."""
    from .losses import masked_mean

    def var(x: Any) -> Any:
        return masked_mean((x - masked_mean(x, mask)) ** 2, mask)

    v = var(returns)
    return float(1 - var(returns - values) / v) if float(v) > 0 else float("nan")


# --- one PPO step -----------------------------------------------------------------------------------------


def ppo_update(
    recipe: Recipe, settings: PPOSettings, model: Any, head: Any, optimizer: Any, roll: dict, step: int
) -> dict[str, float]:
    """``ppo_epochs`` passes of minibatch updates over one rollout batch; returns the means of their stats."""
    import torch

    from .losses import masked_mean, ppo_policy_loss, ppo_value_loss

    t = settings
    params = [p for group in optimizer.param_groups for p in group["params"]]
    n = roll["input_ids"].shape[0]
    # minibatch orders drawn on the CPU: the same on every device, and no generator to keep per device
    gen = torch.Generator(device="cpu").manual_seed(recipe.seed * 1_000_003 + step)
    stats: dict[str, list[float]] = {k: [] for k in ("policy_loss", "value_loss", "clip_fraction", "entropy")}
    stats["approx_kl"] = []
    model.train()
    for _ in range(t.ppo_epochs):
        order = torch.randperm(n, generator=gen, device="cpu")
        for start in range(0, n, t.minibatch_size):
            idx = order[start : start + t.minibatch_size].to(roll["input_ids"].device)
            mb = {k: roll[k][idx] for k in ("input_ids", "attention_mask", "labels")}
            mask, adv = roll["mask"][idx], roll["advantages"][idx]
            logps, _, entropy = policy_logps(model, mb, entropy=True, temperature=recipe.generation.temperature)
            policy_loss = ppo_policy_loss(logps, roll["logps"][idx], adv, mask, t.clip_eps)
            policy_loss.backward()
            with using(model, CRITIC):
                values = critic_values(model, head, mb)
                value_loss = ppo_value_loss(
                    values, roll["values"][idx], roll["returns"][idx], mask, t.value_clip_eps
                )
                (t.vf_coef * value_loss).backward()
            torch.nn.utils.clip_grad_norm_(params, t.max_grad_norm)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            with torch.no_grad():
                log_ratio = (logps - roll["logps"][idx]) * mask
                stats["clip_fraction"].append(
                    float(masked_mean(((log_ratio.exp() - 1).abs() > t.clip_eps).float(), mask))
                )
                stats["approx_kl"].append(float(masked_mean(0.5 * log_ratio**2, mask)))
            stats["policy_loss"].append(float(policy_loss.detach()))
            stats["value_loss"].append(float(value_loss.detach()))
            stats["entropy"].append(float(entropy))
    return {k: sum(v) / len(v) for k, v in stats.items()}


def ppo_step(
    recipe: Recipe,
    settings: PPOSettings,
    model: Any,
    head: Any,
    tokenizer: Any,
    optimizer: Any,
    prompts: list,
    reward: Any,
    step: int,
    kl_coef: float,
) -> dict[str, float]:
    """Rollout, rewards, advantages and update for step ``step`` (0-based); returns the step's log entry."""
    import torch

    from .losses import gae_advantages, masked_whiten

    t = settings
    abstained = reward.abstentions
    roll = rollout(recipe, settings, model, head, tokenizer, prompts, reward, step)
    mask = roll["mask"]
    kl = (roll["logps"] - roll["ref_logps"]) * mask  # per-token estimate of KL(π_old ‖ π_ref)
    rewards = token_rewards(roll["scores"], kl, mask, kl_coef)
    advantages, returns = gae_advantages(rewards, roll["values"], mask, t.gamma, t.lam)
    if t.whiten_advantages:
        advantages = masked_whiten(advantages, mask)
    roll.update(advantages=advantages, returns=returns)
    update = ppo_update(recipe, settings, model, head, optimizer, roll, step)
    sample_kl = kl.sum(dim=1)
    with torch.no_grad():
        return {
            "step": step + 1,
            "loss": update["policy_loss"] + t.vf_coef * update["value_loss"],
            "reward": float(roll["scores"].mean()),
            "kl": float(sample_kl.mean()),
            "kl_coef": kl_coef,
            "non_score_reward": float((-kl_coef * sample_kl).mean()),
            **update,
            "explained_variance": explained_variance(roll["values"], returns, mask),
            "response_length": sum(roll["lengths"]) / len(roll["lengths"]),
            "abstentions": reward.abstentions - abstained,
        }


def adapt_kl(kl_coef: float, kl: float, target: float | None, samples: int, horizon: int) -> float:
    """Ziegler et al. (2019)'s proportional controller: move kl_coef toward the KL target."""
    if target is None:
        return kl_coef
    error = min(max(kl / target - 1, -0.2), 0.2)
    return kl_coef * (1 + error * samples / horizon)


# --- checkpoints ------------------------------------------------------------------------------------------


def save_checkpoint(folder: Path, model: Any, head: Any, optimizer: Any, state: dict) -> None:
    """checkpoint-N: both adapters, the value head, the optimizer, then trainer_state.json (its mark of
    completeness, as transformers' checkpoints); keeps the newest two."""
    import torch
    from peft import get_peft_model_state_dict
    from safetensors.torch import save_file

    path = folder / f"checkpoint-{state['global_step']}"
    path.mkdir(parents=True, exist_ok=True)
    for name in (POLICY, CRITIC):
        weights = get_peft_model_state_dict(model, adapter_name=name)
        save_file(
            {k: v.detach().contiguous().cpu() for k, v in weights.items()}, str(path / f"{name}.safetensors")
        )
    save_file(
        {k: v.detach().cpu() for k, v in head.state_dict().items()}, str(path / "value_head.safetensors")
    )
    torch.save(optimizer.state_dict(), path / "optimizer.pt")
    (path / "trainer_state.json").write_text(json.dumps(state))
    old = sorted(folder.glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[-1]))[:-2]
    for p in old:
        shutil.rmtree(p, ignore_errors=True)


def load_checkpoint(path: Path, model: Any, head: Any, optimizer: Any) -> dict:
    """Restore what save_checkpoint wrote; returns its state (global_step, kl_coef, history)."""
    import torch
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    device = str(model.device)
    for name in (POLICY, CRITIC):
        set_peft_model_state_dict(
            model, load_file(str(path / f"{name}.safetensors"), device=device), adapter_name=name
        )
    head.load_state_dict(load_file(str(path / "value_head.safetensors"), device=device))
    optimizer.load_state_dict(torch.load(path / "optimizer.pt", map_location=device, weights_only=True))
    return json.loads((path / "trainer_state.json").read_text())


def save_adapters(model: Any, head: Any, adapter_out: Path, history: list[dict]) -> None:
    """The policy adapter (what later rounds and eval load), the critic in critic/, and the log."""
    from safetensors.torch import save_file

    model.save_pretrained(str(adapter_out), selected_adapters=[POLICY])
    model.save_pretrained(str(adapter_out), selected_adapters=[CRITIC])  # peft writes it to critic/
    save_file(
        {k: v.detach().cpu() for k, v in head.state_dict().items()},
        str(adapter_out / CRITIC / "value_head.safetensors"),
    )
    (adapter_out / "train_log.json").write_text(json.dumps(history, indent=1))


# --- the round --------------------------------------------------------------------------------------------


def train(job: common.TrainJob) -> dict:
    """One round of PPO on the training prompts, rewarded by the run's judge (bound to its ledger); writes the
    adapter and returns the step log."""
    import torch

    from ..generation.prompts import training_prompts
    from ..rundir import last_complete_checkpoint

    if int(os.environ.get("WORLD_SIZE", 1)) > 1:
        raise RecipeError("train.algorithm ppo: trains in one process; run it without accelerate launch")
    recipe, checkpoints = job.recipe, job.checkpoints
    t, s = recipe.train, job.settings
    prompts = training_prompts(recipe)
    model, head, tokenizer = load_models(recipe, s, job.previous)
    optimizer = torch.optim.AdamW(
        [*adapter_params(model, POLICY), *adapter_params(model, CRITIC), *head.parameters()],
        lr=t.learning_rate,
        weight_decay=s.weight_decay,
    )
    tally = common.reward_tally(job)
    reward = common.JudgeReward(job.judge, s.reward, tally)
    history: list[dict[str, float]] = []
    start, kl_coef = 0, s.kl_coef
    resume = last_complete_checkpoint(checkpoints) if checkpoints.exists() else None
    if resume:
        state = load_checkpoint(resume, model, head, optimizer)
        start, kl_coef, history = state["global_step"], state["kl_coef"], state["history"]
        tally.load(state.get("rewards", {}))
        progress.log(f"resuming training from {resume}")
    autocast = torch.autocast(
        common.model_device(model).type, dtype=torch.bfloat16, enabled=common.wants_bf16(recipe.student, model)
    )
    with progress.task(job.label, total=t.max_steps, completed=start) as bar, autocast:
        for step in range(start, t.max_steps):
            entry = ppo_step(recipe, s, model, head, tokenizer, optimizer, prompts, reward, step, kl_coef)
            guards.check_finite(model, job.label, step + 1, entry["loss"])  # before its checkpoint
            history.append(entry)
            samples = t.batch_size * recipe.generation.k
            kl_coef = adapt_kl(kl_coef, entry["kl"], s.target_kl, samples, s.kl_horizon)
            bar.advance()
            bar.update(f"reward {entry['reward']:.3f} kl {entry['kl']:.3f}")
            if (step + 1) % t.save_steps == 0 and step + 1 < t.max_steps:
                state = {"global_step": step + 1, "kl_coef": kl_coef, "history": history, "rewards": tally.state()}
                save_checkpoint(checkpoints, model, head, optimizer, state)
    tally.finish()  # too many abstentions: JudgeFailed; every reward 0: NothingLearned (guards.py)
    save_adapters(model, head, job.adapter_out, history)
    return {
        "history": history,
        "prompts": len(prompts),
        "judge_calls": reward.calls,
        "abstentions": reward.abstentions,
    }


ALGORITHM = common.Algorithm(
    name="ppo",
    summary="our own (train/ppo.py): actor-critic PPO, the run's judge as the reward, a value head on its own LoRA",
    train=train,
    settings=PPOSettings,
    judged=True,
)
