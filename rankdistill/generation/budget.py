"""Per-prompt answer budgets (``generation.max_new_tokens_over_input``, ``eval.max_new_tokens_over_input``).

A rewriting task's answer (GEC: the corrected sentence) is about as long as its input, so an answer may take its
input's token count plus a few tokens, never more than max_new_tokens: the untrained student's long answers stop
where the task's answer ends, by the same rule in every round.

The backends take the budgets as ``max_new_tokens_each`` (one per prompt) and stop each answer at its own, so
the work falls too. A plug-in backend whose ``stream`` does not take that argument is called without it; an answer
still over its budget (such a plug-in's, or one that ignores the argument) is cut afterwards, re-tokenized with the
student's tokenizer. Every answer is held to its budget either way; a cut one has finish_reason "length".
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..records import Completion

if TYPE_CHECKING:
    from ..sections import StudentSettings
    from .backends import Generator


def answer_budgets(tokenizer: Any, inputs: list[str], over: int, cap: int) -> list[int]:
    """Each input's token count (no special tokens) plus ``over``, never more than ``cap`` (nor less than 1)."""
    counts = [len(ids) for ids in tokenizer(list(inputs), add_special_tokens=False)["input_ids"]]
    return [max(1, min(cap, n + over)) for n in counts]


def takes_budgets(stream: Any) -> bool:
    """Whether a generator's ``stream`` accepts ``max_new_tokens_each`` (by name, or through ``**kwargs``)."""
    params = inspect.signature(stream).parameters.values()
    return any(p.name == "max_new_tokens_each" or p.kind is p.VAR_KEYWORD for p in params)


def cut_to(answer: Completion, budget: int, tokenizer: Any) -> Completion:
    """``answer`` held to ``budget`` tokens (as it is when it is within it)."""
    if answer.num_tokens <= budget:
        return answer
    ids = tokenizer(answer.text, add_special_tokens=False)["input_ids"][:budget]
    text = tokenizer.decode(ids, skip_special_tokens=True).strip()
    return Completion(text, len(ids), "length", answer.source)


def stream_within_budgets(
    generator: Generator,
    student: StudentSettings,
    inputs: list[str],
    over: int | None,
    messages: list[list[dict[str, str]]],
    **kwargs: Any,
) -> Iterator[list[tuple[int, list[Completion]]]]:
    """``generator.stream(messages, **kwargs)`` with prompt j's answers held to ``inputs[j]``'s token count plus
    ``over`` (None: ``kwargs["max_new_tokens"]`` for every prompt, the stream as it is). The student's tokenizer
    is the generator's own; one is loaded only for a generator that has none."""
    if over is None:
        yield from generator.stream(messages, **kwargs)
        return
    tokenizer = getattr(generator, "tokenizer", None)
    if tokenizer is None:
        from ..models import load_tokenizer

        tokenizer = load_tokenizer(student)
    budgets = answer_budgets(tokenizer, inputs, over, kwargs.get("max_new_tokens", 64))
    each = {"max_new_tokens_each": budgets} if takes_budgets(generator.stream) else {}
    pieces = generator.stream(messages, **kwargs, **each)
    try:
        for done in pieces:
            yield [(j, [cut_to(c, budgets[j], tokenizer) for c in answers]) for j, answers in done]
    finally:
        close = getattr(pieces, "close", None)
        if close is not None:  # a caller that stops early stops the backend's stream too (vLLM aborts the rest)
            close()
