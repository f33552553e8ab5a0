"""The transformers generation backend: batched, left-padded, chat-templated, seeded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..records import Completion


class HFGenerator:
    """Samples k completions per prompt (or one greedy completion) with ``model.generate``."""

    name = "transformers"

    def __init__(self, model: Any, tokenizer: Any):
        self.model = model
        self.tokenizer = tokenizer

    def _encode(self, messages: list[list[dict[str, str]]]) -> Any:
        texts = chat_texts(self.tokenizer, messages)
        enc = self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
        return enc.to(self.model.device)

    def generate(
        self,
        messages: list[list[dict[str, str]]],
        k: int = 1,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_new_tokens: int = 64,
        greedy: bool = False,
        seed: int = 0,
    ) -> list[list[Completion]]:
        """One list of k Completions per conversation in ``messages``."""
        import torch

        enc = self._encode(messages)
        eos_ids = stop_token_ids(self.model.generation_config.eos_token_id, self.tokenizer)
        kwargs: dict[str, Any] = {
            "max_new_tokens": max_new_tokens,
            "pad_token_id": self.tokenizer.pad_token_id,
        }
        if greedy:
            kwargs.update(do_sample=False, num_return_sequences=1, temperature=None, top_p=None, top_k=None)
        else:
            kwargs.update(
                do_sample=True, num_return_sequences=k, temperature=temperature, top_p=top_p, top_k=0
            )
        torch.manual_seed(
            seed
        )  # seeded per batch, so a resumed stage samples what an uninterrupted one would
        with torch.inference_mode():
            if greedy or k == 1 or enc["input_ids"].shape[1] < 2:
                out = self.model.generate(**enc, **kwargs)
            else:
                out = self._sample_sharing_prefill(enc, k, kwargs)
        new_tokens = out[:, enc["input_ids"].shape[1] :].tolist()
        per_prompt = 1 if greedy else k
        results: list[list[Completion]] = []
        for i in range(len(messages)):
            rows = new_tokens[i * per_prompt : (i + 1) * per_prompt]
            results.append([to_completion(ids, eos_ids, self.tokenizer) for ids in rows])
        return results

    def _sample_sharing_prefill(self, enc: Any, k: int, kwargs: dict[str, Any]) -> Any:
        """``generate(num_return_sequences=k)`` without prefilling every prompt k times.

        ``num_return_sequences`` repeats each prompt k times before the prefill, so the prompt's forward pass
        runs k times over. Here the prompt (all but its last token) runs once, its KV cache is repeated k times
        (``repeat_interleave``, the order ``num_return_sequences`` uses) and ``generate`` continues from that
        cache on the k-fold batch: it feeds the last prompt token and samples as before. The prefill draws no
        random numbers and the sampling sees the same rows in the same order, so the samples are those of
        plain ``generate`` for the same seed (tests/test_generation_hf.py checks it token for token).
        """
        from transformers import DynamicCache

        ids, mask = enc["input_ids"], enc["attention_mask"]
        # the positions generate() gives a left-padded batch (pads at 0)
        positions = (mask.long().cumsum(-1) - 1).masked_fill(mask == 0, 0)
        cache = DynamicCache(config=self.model.config)
        self.model(
            input_ids=ids[:, :-1],
            attention_mask=mask[:, :-1],
            position_ids=positions[:, :-1],
            past_key_values=cache,
            use_cache=True,
            logits_to_keep=1,  # the prefill's logits are not needed; keep the 49k-vocabulary head small
        )
        cache.batch_repeat_interleave(k)
        return self.model.generate(
            input_ids=ids.repeat_interleave(k, dim=0),
            attention_mask=mask.repeat_interleave(k, dim=0),
            past_key_values=cache,
            **{**kwargs, "num_return_sequences": 1},
        )

    def stream(
        self, messages: list[list[dict[str, str]]], seeds: list[int], group: int, **kwargs: Any
    ) -> Iterator[list[tuple[int, list[Completion]]]]:
        """``generate`` over ``messages`` in batches of ``group`` prompts, each seeded with its first prompt's
        seed; yields (position in ``messages``, completions) per batch, so a stage can file them as they come."""
        for start, batch in batches(messages, group):
            yield list(enumerate(self.generate(batch, seed=seeds[start], **kwargs), start))

    def close(self) -> None:
        """Drop the model so its memory is free before training."""
        self.model = None


def chat_texts(tokenizer: Any, messages: list[list[dict[str, str]]]) -> list[str]:
    """The chat-templated prompt texts (they already hold the special tokens: tokenize without adding any)."""
    return [tokenizer.apply_chat_template(m, tokenize=False, add_generation_prompt=True) for m in messages]


def stop_token_ids(eos: int | list[int] | None, tokenizer: Any) -> set[int]:
    """The model's end-of-sequence ids (generation config) plus the tokenizer's."""
    ids = set(eos if isinstance(eos, list) else [eos]) | {tokenizer.eos_token_id}
    return {i for i in ids if i is not None}


def to_completion(ids: list[int], eos_ids: set[int], tokenizer: Any) -> Completion:
    """New tokens -> Completion: cut at the first end-of-sequence token (pads after it are dropped too)."""
    end = next((j for j, t in enumerate(ids) if t in eos_ids), None)
    kept = ids if end is None else ids[:end]
    text = tokenizer.decode(kept, skip_special_tokens=True).strip()
    return Completion(text, len(kept), "length" if end is None else "stop")


def batches(items: list[Any], size: int) -> Iterator[tuple[int, list[Any]]]:
    for start in range(0, len(items), size):
        yield start, items[start : start + size]
