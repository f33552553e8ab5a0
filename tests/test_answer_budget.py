"""Answer budgets (``generation.max_new_tokens_over_input``, ``eval.max_new_tokens_over_input``): each answer stops
at its input's token count plus N, in the eval stage and the generate stage (a tiny random-weight model with the
packaged SmolLM2 tokenizer: it rarely ends an answer on its own), and for plug-in backends that know nothing of
budgets; the recipe refuses a negative N."""

from __future__ import annotations

import pytest
from tiny_models import build_base_model

from rankdistill.evaluate import eval_stage
from rankdistill.generation import generate_stage
from rankdistill.generation.budget import stream_within_budgets
from rankdistill.recipe import RecipeError, load_recipe
from rankdistill.records import Completion, read_jsonl
from rankdistill.run import load_run_recipe, open_run


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_base_model(tmp_path_factory.mktemp("base"))


@pytest.fixture(scope="module")
def tok(tiny):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(tiny)


def _count(tok, text: str) -> int:
    return len(tok(text, add_special_tokens=False)["input_ids"])


def _sets(tiny, **more):
    return {"student.model": str(tiny), "generation.backend": "transformers", "train.schedule": None, **more}


@pytest.mark.parametrize("section", ["generation", "eval"])
def test_a_negative_budget_is_refused(section):
    with pytest.raises(RecipeError, match=rf"{section}\.max_new_tokens_over_input"):
        load_recipe("gec-smollm2-small", {f"{section}.max_new_tokens_over_input": -1})


@pytest.mark.integration
def test_each_eval_answer_stops_at_its_input_plus_n_tokens(tiny, tok, tmp_path):
    """An answer within its budget is the one it is without a budget; a longer one is its first input + N tokens
    ("length"), never more than eval.max_new_tokens."""
    sets = _sets(tiny, **{"eval.max_prompts": 6, "eval.max_new_tokens": 24})
    free = open_run(tmp_path / "free", load_recipe("gec-smollm2-small", sets))
    eval_stage(free, 0, load_run_recipe(free))
    run = open_run(
        tmp_path / "run", load_recipe("gec-smollm2-small", {**sets, "eval.max_new_tokens_over_input": 2})
    )
    eval_stage(run, 0, load_run_recipe(run))
    rows, before = list(read_jsonl(run.predictions(0))), list(read_jsonl(free.predictions(0)))
    assert len(rows) == 6
    cut = 0
    for row, was in zip(rows, before, strict=True):
        budget = min(24, _count(tok, row["input"]) + 2)
        if was["num_tokens"] <= budget:
            assert row == was
        else:
            assert row["num_tokens"] == budget and row["finish_reason"] == "length"
            cut += 1
    assert cut  # the random model's answers run on: the budget cut some


@pytest.mark.integration
def test_each_candidate_stops_at_its_input_plus_n_tokens(tiny, tok, tmp_path):
    """The generate stage: the k samples and the greedy answer are held to the budget; the reference is not."""
    sets = _sets(
        tiny,
        **{
            "generation.k": 2,
            "generation.max_new_tokens": 24,
            "generation.max_new_tokens_over_input": 1,
            "data.max_prompts": 3,
        },
    )
    run = open_run(tmp_path / "run", load_recipe("gec-smollm2-small", sets))
    generate_stage(run, 1, load_run_recipe(run))
    items = list(read_jsonl(run.candidates(1)))
    assert len(items) == 3
    for item in items:
        budget = min(24, _count(tok, item["fields"]["text"]) + 1)
        own = [c for c in item["candidates"] if c["source"] in ("student", "greedy")]
        assert len(own) == 3 and all(c["num_tokens"] <= budget for c in own)
        assert any(c["finish_reason"] == "length" and c["num_tokens"] == budget for c in own)
        assert [c["source"] for c in item["candidates"]][-1] == "reference"


class _PluginGenerator:
    """A plug-in backend's generator from before budgets: its ``stream`` does not take ``max_new_tokens_each``."""

    def __init__(self, tokenizer, text):
        self.tokenizer, self.text = tokenizer, text

    def stream(self, messages, seeds, group, k=1, temperature=1.0, top_p=1.0, max_new_tokens=64, greedy=False):
        answer = Completion(self.text, _count(self.tokenizer, self.text), "stop")
        yield [(j, [answer] * k) for j in range(len(messages))]


class _IgnoringGenerator(_PluginGenerator):
    """One that takes any keyword and ignores it (tests/toy_backend.py's kind)."""

    def stream(self, messages, seeds, group, **kwargs):
        yield from super().stream(messages, seeds, group, k=kwargs.get("k", 1))


@pytest.mark.parametrize("kind", [_PluginGenerator, _IgnoringGenerator])
def test_a_plugin_backend_that_knows_no_budgets_still_runs_and_its_answers_are_cut(tok, kind):
    text = "She goes to school every day because she likes her teacher very much."
    inputs = ["she go to school", "She goes to school every day because she likes her teacher very much."]
    pieces = stream_within_budgets(
        kind(tok, text), None, inputs, 1, [[{"role": "user", "content": x}] for x in inputs],
        seeds=[0, 0], group=2, k=2, max_new_tokens=32,
    )  # fmt: skip
    answers = dict(x for piece in pieces for x in piece)
    short, whole = answers[0], answers[1]
    n = _count(tok, inputs[0]) + 1
    assert all(c == Completion(tok.decode(tok(text)["input_ids"][:n]).strip(), n, "length") for c in short)
    assert all(c.text == text and c.finish_reason == "stop" for c in whole)  # within its budget: as it was
