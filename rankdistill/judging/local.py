"""The ``local`` judge: a transformers model judging offline by the log-probabilities of its verdict.

It renders the same templates as the openai judge, then, instead of sampling a reply, reads the model's
probability of each allowed verdict right after the opening of the JSON answer (``{"winner": "`` or
``{"score": ``): pairwise picks the likelier of A and B, pointwise takes the expected score over the scale.
Both orders, ledger caching and abstention come from ``LLMJudge``; listwise templates are refused at load.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any, Literal

from pydantic import Field, model_validator

from .base import JudgeKind, StoppableSettings
from .ledger import Ledger, Reply
from .llm import LLMJudge
from .templates import load_template

DEFAULT_MODEL = "smollm2-135m-instruct"


class LocalSettings(StoppableSettings):
    kind: Literal["local"] = Field("local", description="A transformers model judging by verdict log-probabilities.")
    model: str | None = Field(
        None, description=f"Judge model, named like student.model (None: {DEFAULT_MODEL})."
    )
    template: str = Field(
        "listwise",
        description="Judge prompt: a pairwise or pointwise template name in judges/, or a path to your own YAML.",
    )
    mode: Literal["listwise", "pairwise", "pointwise"] | None = Field(
        None, description="Judging mode; None: the template's. Must agree with the template."
    )

    @model_validator(mode="after")
    def _pairwise_or_pointwise(self) -> LocalSettings:
        from .templates import template_setting

        tpl = template_setting(self.template, self.mode)
        if tpl.mode == "listwise":
            raise ValueError(
                "judge.template: the local judge scores pairwise or pointwise templates "
                f"(log-probabilities of one verdict token); {tpl.path} is listwise"
            )
        return self

    def resolve_paths(self) -> None:
        from .templates import absolute_template

        self.template = absolute_template(self.template)


class LocalClient:
    """How the local judge reaches its model: one forward pass per verdict (a ChatClient of llm.py)."""

    def __init__(self, model: str | None):
        self.model = model or DEFAULT_MODEL
        self._loaded: tuple[Any, Any] | None = None
        self._lock: asyncio.Lock | None = None

    def sampling(self) -> dict[str, Any]:
        return {"verdict": "logprob"}

    def cost(self, reply: Reply) -> float:
        return 0.0

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        self._lock = asyncio.Lock()  # one forward pass at a time: the model is not shared across threads
        yield

    def load(self) -> tuple[Any, Any]:
        if self._loaded is None:
            from ..models import load_base_model, load_tokenizer
            from ..sections import StudentSettings

            student = StudentSettings(model=self.model)
            self._loaded = (load_tokenizer(student, padding_side="right"), load_base_model(student))
        return self._loaded

    async def complete(self, messages: list[dict[str, str]], schema: dict[str, Any] | None) -> Reply:
        assert schema is not None and self._lock is not None
        async with self._lock:
            return await asyncio.to_thread(self._judge, messages, schema)

    def _judge(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> Reply:
        key, prop = next(iter(schema["properties"].items()))
        if key == "winner":
            prefix, labels = '{"winner": "', ["A", "B"]
            options = [f'{a}"' for a in labels]  # with the closing quote: the verdict is complete
        else:
            prefix, labels = '{"score": ', [str(s) for s in range(prop["minimum"], prop["maximum"] + 1)]
            options = [f"{a}}}" for a in labels]  # with the closing brace: "1" is not the start of "10"
        logprobs, n_prompt = self.option_logprobs(messages, prefix, options)
        import math

        top = max(logprobs)
        probs = [math.exp(lp - top) for lp in logprobs]
        total = sum(probs)
        if key == "winner":
            verdict: Any = labels[probs.index(max(probs))]
        else:  # expected score: finer than the argmax, so fewer ties
            verdict = round(sum(int(a) * p for a, p in zip(labels, probs, strict=True)) / total, 4)
        return Reply(json.dumps({key: verdict}), prompt_tokens=n_prompt, completion_tokens=1)

    def option_logprobs(self, messages: list[dict[str, str]], prefix: str, options: list[str]):
        """Summed log-probability of each option's tokens after the chat prompt + prefix.

        The prompt runs once; its KV cache is repeated across the options, which run as one padded batch.
        """
        import torch

        tok, model = self.load()
        text = tok.apply_chat_template(messages, add_generation_prompt=True, tokenize=False) + prefix
        device = model.device  # every tensor made here goes straight to the model's device
        prompt_ids = tok(text, add_special_tokens=False).input_ids
        prompt = torch.tensor([prompt_ids], dtype=torch.long, device=device)
        opts = [tok(o, add_special_tokens=False).input_ids for o in options]
        width = max(len(o) for o in opts)
        ids = torch.tensor(
            [o + [tok.pad_token_id] * (width - len(o)) for o in opts], dtype=torch.long, device=device
        )
        mask = torch.tensor(
            [[1] * (len(prompt_ids) + len(o)) + [0] * (width - len(o)) for o in opts],
            dtype=torch.long,
            device=device,
        )
        with torch.no_grad():
            first = model(input_ids=prompt, use_cache=True)
            cache = first.past_key_values
            cache.batch_repeat_interleave(len(opts))
            rest = model(input_ids=ids, attention_mask=mask, past_key_values=cache)
        head = torch.log_softmax(first.logits[0, -1].float(), dim=-1).cpu()
        tail = torch.log_softmax(rest.logits.float(), dim=-1).cpu()
        out = []
        for i, o in enumerate(opts):  # option token j (j >= 1) is predicted at position j - 1 of the batch
            out.append(float(head[o[0]]) + sum(float(tail[i, j - 1, o[j]]) for j in range(1, len(o))))
        return out, prompt.shape[1]


class LocalJudge(LLMJudge):
    def __init__(self, settings: Any, ledger: Ledger | None = None, seed: int = 0):
        super().__init__(
            LocalClient(settings.model),
            load_template(settings.template),
            ledger=ledger,
            concurrency=1,
            seed=seed,
            kind="local",
        )


JUDGE_KIND = JudgeKind(
    name="local",
    summary="a transformers model judging offline by the log-probabilities of its verdict (pairwise, pointwise)",
    settings=LocalSettings,
    make=lambda settings, ledger, seed: LocalJudge(settings, ledger=ledger, seed=seed),
    uses_ledger=True,
)
