"""The transformers generation backend: batched, left-padded, chat-templated, seeded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Completion
from .backends import Backend, token_limits

if TYPE_CHECKING:
    from ..sections import StudentSettings


def _make(
    settings: None, student: StudentSettings, adapter: Path | None, stop: list[str | int] | None
) -> HFGenerator:
    from ..models import load_policy, load_tokenizer, stop_sequences

    tokenizer = load_tokenizer(student)
    model = load_policy(student, adapter)
    return HFGenerator(model, tokenizer, stop_sequences(tokenizer, stop))


BACKEND = Backend(
    name="transformers",
    summary="transformers' generate on the student as loaded for training (any device, QLoRA included)",
    auto=100,  # the fallback: it fits every machine and student
    fits=lambda settings, student: (True, "transformers runs on any device"),
    make=_make,
)


class HFGenerator:
    """Samples k completions per prompt (or one greedy completion) with ``model.generate``."""

    name = "transformers"

    def __init__(self, model: Any, tokenizer: Any, stop: tuple[set[int], list[str]] = (set(), [])):
        self.model = model
        self.tokenizer = tokenizer
        self.stop_ids, self.stop_strings = stop  # beyond EOS (models.stop_sequences)
        # a one-character stop string ('\n': a GEC answer is one line) ends an answer at the token holding it, which
        # the sampling loop applies; longer ones can span tokens and need generate()'s StopStringCriteria
        chars = [s for s in self.stop_strings if one_byte(s)]
        self.stop_hits = tokens_holding(tokenizer, chars) if chars else frozenset()
        self.long_stops = [s for s in self.stop_strings if not one_byte(s)]
        # generated tokens between the sampling loop's checks for finished rows (None: sync_interval's)
        self.sync_every: int | None = None

    def _encode(self, messages: list[list[dict[str, str]]]) -> dict[str, Any]:
        """The chat-templated prompts, left-padded, as tensors made on the model's device."""
        import torch

        texts = chat_texts(self.tokenizer, messages)
        enc = self.tokenizer(texts, padding=True, add_special_tokens=False)
        return {k: torch.tensor(v, dtype=torch.long, device=self.model.device) for k, v in enc.items()}

    def generate(
        self,
        messages: list[list[dict[str, str]]],
        k: int = 1,
        temperature: float = 1.0,
        top_p: float = 1.0,
        max_new_tokens: int = 64,
        greedy: bool = False,
        seed: int = 0,
        max_new_tokens_each: list[int] | None = None,
    ) -> list[list[Completion]]:
        """One list of k Completions per conversation in ``messages``; conversation j's answers end after
        ``max_new_tokens_each[j]`` tokens (None: ``max_new_tokens`` for each; never more than it)."""
        import torch

        per_prompt = 1 if greedy else k
        limits = None
        if max_new_tokens_each is not None:
            each = token_limits(max_new_tokens, max_new_tokens_each, len(messages))
            limits = [n for n in each for _ in range(per_prompt)]  # by row: k rows per prompt
            max_new_tokens = max(each, default=1)  # the batch runs no longer than its longest allowance
        enc = self._encode(messages)
        eos_ids = stop_token_ids(self.model.generation_config.eos_token_id, self.tokenizer) | self.stop_ids
        ends = eos_ids | self.stop_hits  # a row is done at any of these (a stop hit's own text is kept, then cut)
        kwargs: dict[str, Any] = {
            "max_new_tokens": max_new_tokens,
            "pad_token_id": self.tokenizer.pad_token_id,
            "eos_token_id": sorted(ends),
        }
        if self.long_stops:
            kwargs.update(stop_strings=self.long_stops, tokenizer=self.tokenizer)
        if greedy:
            kwargs.update(do_sample=False, num_return_sequences=1, temperature=None, top_p=None, top_k=None)
        else:
            kwargs.update(
                do_sample=True, num_return_sequences=k, temperature=temperature, top_p=top_p, top_k=0
            )
        torch.manual_seed(
            seed
        )  # seeded per batch, so a resumed stage samples what an uninterrupted one would
        with torch.inference_mode(), kv_heads_shared_in_sdpa():
            # our loop applies temperature, top-p, stop ids and one-character stop strings; longer stop strings
            # need generate()'s StopStringCriteria
            plain = (
                plain_sampling(self.model.generation_config)
                and enc["input_ids"].shape[1] >= 2
                and not self.long_stops
            )
            if greedy and plain:  # finished answers leave the batch instead of waiting for the longest
                new_tokens = self._sample_loop(enc, 1, 1.0, 1.0, max_new_tokens, ends, greedy=True, limits=limits)
            elif greedy or k == 1 or enc["input_ids"].shape[1] < 2:
                out = self.model.generate(**enc, **kwargs)
                new_tokens = out[:, enc["input_ids"].shape[1] :].tolist()
            elif plain:
                new_tokens = self._sample_loop(enc, k, temperature, top_p, max_new_tokens, ends, limits=limits)
            else:
                out = self._sample_sharing_prefill(enc, k, kwargs)
                new_tokens = out[:, enc["input_ids"].shape[1] :].tolist()
        if limits is not None:  # generate() ran every row to the batch's longest allowance: drop what is over
            new_tokens = [ids[:n] for ids, n in zip(new_tokens, limits, strict=True)]
        results: list[list[Completion]] = []
        for i in range(len(messages)):
            rows = new_tokens[i * per_prompt : (i + 1) * per_prompt]
            results.append(
                [to_completion(ids, eos_ids, self.tokenizer, self.stop_strings, self.stop_hits) for ids in rows]
            )
        return results

    def _sample_sharing_prefill(self, enc: Any, k: int, kwargs: dict[str, Any]) -> Any:
        """``generate(num_return_sequences=k)`` without prefilling every prompt k times (for models whose
        generation config asks for more than the sampling loop applies).

        ``num_return_sequences`` repeats each prompt k times before the prefill. Here the prompt (all but its
        last token) runs once, its KV cache is repeated k times and ``generate`` continues from that cache on the
        k-fold batch: it feeds the last prompt token and samples as before. The prefill draws no random numbers
        and the sampling sees the same rows in the same order, so the samples are plain generate()'s.
        """
        cache, _ = self._prefill_once(enc, k)
        return self.model.generate(
            input_ids=enc["input_ids"].repeat_interleave(k, dim=0),
            attention_mask=enc["attention_mask"].repeat_interleave(k, dim=0),
            past_key_values=cache,
            **{**kwargs, "num_return_sequences": 1},
        )

    def _prefill_once(self, enc: Any, k: int) -> tuple[Any, Any]:
        """Run every prompt but its last token through the model once; the KV cache repeated k times per
        prompt (the order ``num_return_sequences`` uses), and the prompts' positions (generate()'s: pads at 0)."""
        from transformers import DynamicCache

        ids, mask = enc["input_ids"], enc["attention_mask"]
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
        return cache, positions

    def _sample_loop(
        self,
        enc: Any,
        k: int,
        temperature: float,
        top_p: float,
        max_new_tokens: int,
        eos_ids: set[int],
        greedy: bool = False,
        limits: list[int] | None = None,
    ) -> list[list[int]]:
        """The samples of ``generate(do_sample=True, num_return_sequences=k)``, token for token, with less work
        (with ``greedy``, ``generate(do_sample=False)``'s answers: the argmax, no random numbers drawn).

        - Each prompt is prefilled once, not k times (``_prefill_once``); its last token then runs on all k rows.
        - A finished row leaves the batch (in batches of at least a quarter of the rows, so the cache is not
          copied every step); plain generate keeps computing it until every row of the batch is done. A row is
          finished at an end token or, with ``limits`` (new tokens per row, k rows per prompt), at its own limit.
        - The host asks the device whether rows have finished only every ``sync_every`` tokens (every token on
          CPU, where asking is free; every 8 on CUDA, where each question waits for the GPU's queue to drain).
          Between checks, finished rows compute on and their tokens are dropped (written as padding), so the
          answers are the same; the last check may run a few steps after every row is done.
        Sampling is generate()'s: float32 logits, temperature then top-p (``TemperatureLogitsWarper``,
        ``TopPLogitsWarper``), softmax, and ``torch.multinomial``'s own draw, which is argmax(p / q) with q ~ Exp(1)
        drawn for every row of the full batch each step -- drawn here for all k·B rows too, finished or not, so
        each row sees the random numbers it would see in generate(). One row with prompt padding stays in the
        batch while any does, so the attention takes the same (masked) path as in generate().
        tests/test_generation_hf.py checks the samples against plain generate() token for token.
        """
        import torch
        from transformers.generation.logits_process import TemperatureLogitsWarper, TopPLogitsWarper

        cache, positions = self._prefill_once(enc, k)
        ids, mask = enc["input_ids"], enc["attention_mask"]
        device = ids.device  # every tensor below lives beside the model's inputs
        mask = mask.repeat_interleave(k, dim=0)
        token = ids[:, -1:].repeat_interleave(k, dim=0)
        position = positions[:, -1:].repeat_interleave(k, dim=0)
        n = mask.shape[0]
        warpers = [TemperatureLogitsWarper(temperature)] if temperature != 1.0 else []
        if top_p < 1.0:
            warpers.append(TopPLogitsWarper(top_p))
        pad = self.tokenizer.pad_token_id
        eos = torch.tensor(sorted(eos_ids), dtype=torch.long, device=device)
        out = torch.full((n, max_new_tokens), pad, dtype=torch.long, device=device)
        rows = torch.arange(n, device=device)  # the full-batch row of each row still in the batch
        done = torch.zeros(n, dtype=torch.bool, device=device)  # by full-batch row
        limit = None if limits is None else torch.tensor(limits, dtype=torch.long, device=device)
        padded = (mask == 0).any(dim=1)
        anchor = int(padded.nonzero()[0, 0]) if bool(padded.any()) else -1  # once per batch
        every = self.sync_every or sync_interval(device)
        for step in range(max_new_tokens):
            logits = self.model(
                input_ids=token, attention_mask=mask, position_ids=position, past_key_values=cache, use_cache=True
            ).logits[:, -1, :].to(dtype=torch.float32, copy=True)  # fmt: skip
            if greedy:
                sampled = logits.argmax(dim=-1)
            else:
                for warp in warpers:
                    logits = warp(token, logits)
                probs = torch.softmax(logits, dim=-1)
                q = torch.empty((n, probs.shape[-1]), dtype=probs.dtype, device=device).exponential_()
                sampled = (probs / q[rows]).argmax(dim=-1)  # multinomial's draw
            # by index, not by boolean mask: a mask's nonzero() would wait for the device every token
            finished = done[rows]
            out[rows, step] = sampled.masked_fill(finished, pad)
            ended = finished | torch.isin(sampled, eos)
            done[rows] = ended if limit is None else ended | (limit[rows] <= step + 1)
            token = sampled.unsqueeze(1)
            mask = torch.cat([mask, mask.new_ones(mask.shape[0], 1)], dim=1)
            position = position + 1
            if (step + 1) % every:
                continue
            keep = ~done[rows] | (rows == anchor)
            live, dropped = torch.stack([(~done).sum(), (~keep).sum()]).tolist()  # one wait for the device
            if live == 0:
                break
            if dropped * 4 >= len(rows):
                idx = keep.nonzero()[:, 0]
                rows, token, mask, position = rows[idx], token[idx], mask[idx], position[idx]
                cache.batch_select_indices(idx)
        return out.tolist()

    def stream(
        self,
        messages: list[list[dict[str, str]]],
        seeds: list[int],
        group: int | str,
        max_new_tokens_each: list[int] | None = None,
        **kwargs: Any,
    ) -> Iterator[list[tuple[int, list[Completion]]]]:
        """``generate`` over ``messages`` in batches of ``group`` prompts ('auto': ``auto_batch_size``), each
        seeded with its first prompt's seed; yields (position in ``messages``, completions) per batch, so a stage
        can file them as they come. ``max_new_tokens_each``: one token limit per prompt (None: max_new_tokens)."""
        if group == "auto":
            greedy = kwargs.get("greedy", False)
            group = self.auto_batch_size(
                messages, 1 if greedy else kwargs.get("k", 1), kwargs.get("max_new_tokens", 64), greedy
            )
        for start, batch in batches(messages, int(group)):
            each = None if max_new_tokens_each is None else max_new_tokens_each[start : start + len(batch)]
            out = self.generate(batch, seed=seeds[start], max_new_tokens_each=each, **kwargs)
            yield list(enumerate(out, start))

    def auto_batch_size(
        self, messages: list[list[dict[str, str]]], rows_per_prompt: int, max_new_tokens: int, greedy: bool
    ) -> int:
        """Prompts per generate() call for a recipe's ``batch_size: auto``: on CPU what the recipes used before
        (32 greedy, 16 sampled: more rows are no faster on a few cores, and fewer let the bar move); on CUDA as
        many as half the device's memory beside the weights holds (``prompts_that_fit``), from its total
        memory, not what is free, so a recipe batches alike in every run on the same GPU."""
        import torch

        device = self.model.device
        if device.type != "cuda":
            return CPU_BATCH_GREEDY if greedy else CPU_BATCH_SAMPLED
        texts = chat_texts(self.tokenizer, messages)
        longest = max(len(ids) for ids in self.tokenizer(texts, add_special_tokens=False)["input_ids"])
        weights = sum(p.numel() * p.element_size() for p in self.model.parameters())
        budget = (torch.cuda.get_device_properties(device).total_memory - weights) // 2
        dtype = next(p.dtype for p in self.model.parameters() if p.is_floating_point())
        size = prompts_that_fit(
            self.model.config, budget, longest, max_new_tokens, rows_per_prompt, torch.finfo(dtype).bits // 8
        )
        return max(1, min(size, len(messages)))

    def close(self) -> None:
        """Drop the model so its memory is free before training."""
        self.model = None


# Prompts per generate() call for ``batch_size: auto`` on CPU (greedy evaluation; sampling k per prompt).
CPU_BATCH_GREEDY, CPU_BATCH_SAMPLED = 32, 16


def prompts_that_fit(
    config: Any, budget: int, prompt_tokens: int, max_new_tokens: int, rows_per_prompt: int, elem_bytes: int
) -> int:
    """How many prompts of ``prompt_tokens`` (each sampled on ``rows_per_prompt`` rows) fit in ``budget`` bytes:
    per row the KV cache of prompt + answer and the float32 vocabulary rows the loop keeps per step (logits,
    probabilities, the exponential draw, their quotient); per prompt the prefill's activations, with attention
    scores as the unfused (math) kernel would hold them."""
    text = getattr(config, "get_text_config", lambda: config)()
    heads = text.num_attention_heads
    head_dim = getattr(text, "head_dim", None) or text.hidden_size // heads
    kv_heads = getattr(text, "num_key_value_heads", None) or heads
    per_token = 2 * text.num_hidden_layers * kv_heads * head_dim * elem_bytes
    per_row = per_token * (prompt_tokens + max_new_tokens) + text.vocab_size * (4 * 4 + elem_bytes)
    inner = getattr(text, "intermediate_size", None) or 4 * text.hidden_size
    prefill = prompt_tokens * (6 * text.hidden_size + 3 * inner) * elem_bytes + heads * prompt_tokens**2 * 4
    return int(budget // (rows_per_prompt * per_row + prefill))


# Generation-config fields that add nothing to sampling at their default (anything else, e.g. a repetition
# penalty, makes the sampling loop hand over to generate(), which applies every logits processor there is).
_PLAIN_FIELDS = {
    "bos_token_id", "eos_token_id", "pad_token_id", "decoder_start_token_id", "use_cache", "output_attentions",
    "output_hidden_states", "transformers_version", "max_length", "max_new_tokens", "do_sample", "temperature",
    "top_p", "top_k", "num_return_sequences", "_from_model_config",
}  # fmt: skip


@contextmanager
def kv_heads_shared_in_sdpa() -> Iterator[None]:
    """Let SDPA read each key/value head for its query-head group (``enable_gqa``) on CPU too.

    With a padding mask, transformers copies every key/value head once per query head (``repeat_kv``) before SDPA
    on CPU. While decoding, that copies the whole KV cache at every layer and step: SmolLM2-135M has 9 query and
    3 key/value heads, and the copies took 17 % of sampling time (torch profiler, 16 prompts x 4 samples). Torch's
    CPU kernel takes the mask and the shared heads as they are, bit-for-bit the same output
    (tests/test_generation_hf.py compares the samples with plain generate()'s token for token).
    """
    import torch
    from transformers.integrations import sdpa_attention

    original = getattr(sdpa_attention, "use_gqa_in_sdpa", None)
    if original is None or tuple(int(x) for x in torch.__version__.split(".")[:2]) < (2, 5):  # no enable_gqa
        yield
        return
    sdpa_attention.use_gqa_in_sdpa = lambda attention_mask, key, value: (
        key.device.type == "cpu" or original(attention_mask, key, value)
    )
    try:
        yield
    finally:
        sdpa_attention.use_gqa_in_sdpa = original


def sync_interval(device: Any) -> int:
    """Generated tokens between the sampling loop's checks for finished rows on ``device``."""
    return 1 if device.type == "cpu" else 8


def plain_sampling(generation_config: Any) -> bool:
    """True if sampling with this model needs only temperature and top-p (what the sampling loop applies)."""
    return set(generation_config.to_diff_dict()) <= _PLAIN_FIELDS


def chat_texts(tokenizer: Any, messages: list[list[dict[str, str]]]) -> list[str]:
    """The chat-templated prompt texts (they already hold the special tokens: tokenize without adding any)."""
    return [tokenizer.apply_chat_template(m, tokenize=False, add_generation_prompt=True) for m in messages]


def stop_token_ids(eos: int | list[int] | None, tokenizer: Any) -> set[int]:
    """The model's end-of-sequence ids (generation config) plus the tokenizer's."""
    ids = set(eos if isinstance(eos, list) else [eos]) | {tokenizer.eos_token_id}
    return {i for i in ids if i is not None}


def to_completion(
    ids: list[int],
    eos_ids: set[int],
    tokenizer: Any,
    stop_strings: list[str] | tuple[str, ...] = (),
    stop_hits: frozenset[int] = frozenset(),
) -> Completion:
    """New tokens -> Completion: cut at the first end-of-sequence token (pads after it are dropped too) or after
    the first token holding a one-character stop string (``stop_hits``: its text before the stop string is part
    of the answer), and the text at the first stop string."""
    end = next((j for j, t in enumerate(ids) if t in eos_ids or t in stop_hits), None)
    if end is not None and ids[end] not in eos_ids:
        end += 1  # the stop hit's token is decoded; its text is cut at the stop string below
    kept = ids if end is None else ids[:end]
    text = tokenizer.decode(kept, skip_special_tokens=True)
    cut = min((i for i in (text.find(s) for s in stop_strings) if i >= 0), default=None)
    if cut is not None:
        text, end = text[:cut], len(kept)
    return Completion(text.strip(), len(kept), "length" if end is None else "stop")


def one_byte(stop: str) -> bool:
    """A stop string no two tokens can share: one ASCII character (e.g. '\\n')."""
    return len(stop) == 1 and stop.isascii()


_holding: dict[tuple[str, int, tuple[str, ...]], frozenset[int]] = {}


def tokens_holding(tokenizer: Any, chars: list[str]) -> frozenset[int]:
    """Ids of the vocabulary's tokens whose text holds one of ``chars`` (one-byte stop strings): the tokens a row
    ends at. Cached per tokenizer and process (decoding Gemma's 262k tokens takes ~1.5 s; stages reload it)."""
    key = (str(getattr(tokenizer, "name_or_path", "")), len(tokenizer), tuple(sorted(chars)))
    if key not in _holding:
        # special tokens decode to nothing, as in to_completion
        texts = tokenizer.batch_decode([[i] for i in range(len(tokenizer))], skip_special_tokens=True)
        _holding[key] = frozenset(i for i, text in enumerate(texts) if any(c in text for c in chars))
    return _holding[key]


def batches(items: list[Any], size: int) -> Iterator[tuple[int, list[Any]]]:
    for start in range(0, len(items), size):
        yield start, items[start : start + size]
