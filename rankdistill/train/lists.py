"""prefs/lists as the listwise losses read it (RRHF, listwise DPO, PPO's rollouts): every candidate of a prompt
in one padded batch.
"""

from __future__ import annotations

import math
from typing import Any


def _is_nan(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def encode_lists(tokenizer: Any, rows: list[dict[str, Any]], max_length: int) -> dict[str, Any]:
    """One right-padded batch of every candidate of every row: input_ids, attention_mask and labels
    [B·K, T] (labels −100 on prompt and padding), and scores [B, K] (NaN pads rows with fewer candidates)."""
    import torch

    k = max(len(r["completions"]) for r in rows)
    seqs: list[list[int]] = []
    labels: list[list[int]] = []
    scores: list[list[float]] = []
    for row in rows:
        prompt_text = tokenizer.apply_chat_template(row["prompt"], tokenize=False, add_generation_prompt=True)
        prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
        completions = list(row["completions"]) + [None] * (k - len(row["completions"]))
        for text in completions:
            if text is None:  # padding candidate: no completion tokens, NaN score
                ids, n_prompt = prompt_ids, len(prompt_ids)
            else:
                full = tokenizer.apply_chat_template(
                    [*row["prompt"], {"role": "assistant", "content": text}], tokenize=False
                )
                # the completion is what the chat template adds after the generation prompt (end-of-turn included)
                tail = (
                    full[len(prompt_text) :] if full.startswith(prompt_text) else text + tokenizer.eos_token
                )
                ids = prompt_ids + tokenizer(tail, add_special_tokens=False)["input_ids"]
                n_prompt = len(prompt_ids)
            ids = ids[:max_length]
            seqs.append(ids)
            labels.append([-100] * min(n_prompt, len(ids)) + ids[n_prompt:])
        s = [float("nan") if x is None else float(x) for x in row["scores"]]
        scores.append(s + [float("nan")] * (k - len(s)))
    width = max(len(s) for s in seqs)
    pad = tokenizer.pad_token_id
    # a collator's batch, made on the CPU: the Trainer (or the caller) moves it to the model's device
    cpu = torch.device("cpu")
    return {
        "input_ids": torch.tensor([s + [pad] * (width - len(s)) for s in seqs], device=cpu),
        "attention_mask": torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs], device=cpu),
        "labels": torch.tensor([lab + [-100] * (width - len(lab)) for lab in labels], device=cpu),
        "scores": torch.tensor(scores, dtype=torch.float32, device=cpu),
    }


def lists_dataset(path: Any, min_scored: int) -> Any:
    """prefs/lists: the prompts with at least ``min_scored`` scored candidates (shared with listwise DPO)."""
    from datasets import load_from_disk

    dataset = load_from_disk(str(path)).select_columns(["prompt", "completions", "scores"])
    dataset = dataset.filter(
        lambda r: sum(not _is_nan(s) for s in r["scores"]) >= min_scored, keep_in_memory=True
    )
    if len(dataset) == 0:
        raise RuntimeError(f"{path}: no prompt has {min_scored} scored candidate(s) this round")
    return dataset
