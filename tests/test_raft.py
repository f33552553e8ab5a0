"""Reward-ranked fine-tuning: which rows the prefs stage keeps (worked by hand on a small rankings file), and
raft training on exactly those rows with the real packaged student."""

from __future__ import annotations

import json
import math

import pytest

from rankdistill.preferences import prefs_stage
from rankdistill.recipe import load_recipe
from rankdistill.records import read_json, write_jsonl
from rankdistill.rundir import RunDir
from rankdistill.shapes import SHAPES, no_training_reason

SYSTEM = [{"role": "system", "content": "Correct the sentence."}]

# (prompt id, input, reference, candidates as (text, source), scores). Worked by hand:
CASES = [
    # two copies of the right answer tie at the top; the best *different* answer scores 0.7: margin 1.2
    (
        "a",
        "She go home.",
        "She goes home.",
        ["She go home.", "She goes home.", "She goes to home.", "She goes home."],
        [0.3, 1.9, 0.7, 1.9],
    ),
    # the top beats the next-best by 0.05 only: kept at best_margin 0, dropped at 0.1
    ("b", "Him is tall.", "He is tall.", ["He is tal.", "He are tall.", "Him is tall."], [0.80, 0.75, 0.2]),
    # two different answers tie at the top: nothing is clearly best at any margin
    (
        "c",
        "I has two cat.",
        "I have two cats.",
        ["I have two cat.", "I has two cats.", "I has two cat."],
        [0.9, 0.9, 0.1],
    ),
    # every sample equals the reference (whitespace aside): all tied and all correct
    (
        "d",
        "Ich bin hier.",
        "Ich bin hier.",
        ["Ich bin hier.", "Ich bin  hier.", "Ich bin hier."],
        [2.0, 2.0, 2.0],
    ),
    # every sample copies a wrong input: all tied, not correct, never kept
    ("e", "they was here", "they were here", ["they was here"] * 3, [0.6, 0.6, 0.6]),
    # the judge abstained on two of three: too few scores to rank
    (
        "f",
        "Yo soy alto.",
        "Yo soy alto.",
        ["Yo soy alto.", "Soy alto.", "Yo alto."],
        [math.nan, math.nan, 0.5],
    ),
    # one abstention, the other two apart by 0.7: the top is kept
    ("g", "Il sont là.", "Ils sont là.", ["Il est là.", "Ils sont là.", "Il sont là."], [math.nan, 1.9, 1.2]),
]


def write_round(run: RunDir) -> None:
    from rankdistill.judging.base import ranking_from_scores
    from rankdistill.records import to_dict

    candidates, rankings = [], []
    for pid, text, reference, texts, scores in CASES:
        candidates.append(
            {
                "prompt_id": pid,
                "messages": [*SYSTEM, {"role": "user", "content": text}],
                "candidates": [
                    {"text": t, "num_tokens": 4, "finish_reason": "stop", "source": "student"} for t in texts
                ],
                "reference": reference,
            }
        )
        rankings.append(to_dict(ranking_from_scores(pid, scores, "hand")))
    write_jsonl(run.candidates(1), candidates)
    write_jsonl(run.rankings(1), rankings)


def best(run: RunDir) -> list[tuple[str, str, str]]:
    from datasets import load_from_disk

    rows = load_from_disk(str(run.prefs(1) / "best")).to_list()
    return [(r["prompt_id"], r["completion"][0]["content"], r["kind"]) for r in rows]


def test_raft_keeps_each_top_answer_that_clears_the_margin(tmp_path):
    run = RunDir(tmp_path / "run")
    write_round(run)
    stats = prefs_stage(run, 1, load_recipe("gec-smollm2-small", {"train.algorithm": "raft", "train.schedule": None}))
    assert best(run) == [
        ("a", "She goes home.", "top"),
        ("b", "He is tal.", "top"),
        ("g", "Ils sont là.", "top"),
    ]
    assert (stats["best_examples"], stats["best_cleared_margin"], stats["best_below_margin"]) == (3, 3, 1)
    assert (stats["tied_correct"], stats["tied_correct_kept"]) == (1, 0)  # d is correct but not kept
    assert read_json(run.prefs(1) / "stats.json") == stats  # recorded for the summary and the reader
    assert no_training_reason(run.prefs(1), "best", "raft") is None
    margins = [r["margin"] for r in _rows(run)]
    assert margins == pytest.approx([1.2, 0.05, 0.7])

    # a margin of 0.1 drops b; keep_tied_correct adds d, with the reference as its answer
    stats = prefs_stage(
        run,
        1,
        load_recipe(
            "gec-smollm2-small",
            {"train.per_algorithm.raft.best_margin": 0.1, "train.per_algorithm.raft.keep_tied_correct": True},
        ),
    )
    assert best(run) == [
        ("a", "She goes home.", "top"),
        ("d", "Ich bin hier.", "tied_correct"),
        ("g", "Ils sont là.", "top"),
    ]
    assert (stats["best_examples"], stats["best_cleared_margin"], stats["best_below_margin"]) == (3, 2, 2)
    assert (stats["tied_correct"], stats["tied_correct_kept"]) == (1, 1)
    # the pairs are built as before: the raft settings change prefs/best only
    assert stats["pairs"] == 4 and stats["skipped_all_tied"] == 2


def test_best_ties_each_keeps_every_distinct_answer_that_shares_the_top_score(tmp_path):
    """A judge that passes many right answers alike (checks) ties them at the top: 'skip' keeps none of them
    (c), 'each' keeps each distinct one once (rejection-sampling fine-tuning); copies of one answer stay one row."""
    run = RunDir(tmp_path / "run")
    write_round(run)
    stats = prefs_stage(run, 1, load_recipe("gec-smollm2-small", {"train.per_algorithm.raft.best_ties": "each"}))
    assert best(run) == [
        ("a", "She goes home.", "top"),  # its two copies: one row
        ("b", "He is tal.", "top"),
        ("c", "I have two cat.", "top"),
        ("c", "I has two cats.", "top"),
        ("g", "Ils sont là.", "top"),
    ]
    assert (stats["best_examples"], stats["best_cleared_margin"], stats["best_below_margin"]) == (5, 4, 0)
    assert [r["margin"] for r in _rows(run)] == pytest.approx([1.2, 0.05, 0.8, 0.8, 0.7])
    # the margin is the top score's lead over the best answer below it: 0.8 for c clears 0.5, b's 0.05 does not
    each = {"train.per_algorithm.raft.best_ties": "each", "train.per_algorithm.raft.best_margin": 0.5}
    prefs_stage(run, 1, load_recipe("gec-smollm2-small", each))
    assert [(pid, kind) for pid, _, kind in best(run)] == [("a", "top"), ("c", "top"), ("c", "top"), ("g", "top")]


def _rows(run: RunDir) -> list[dict]:
    from datasets import load_from_disk

    return load_from_disk(str(run.prefs(1) / "best")).to_list()


def test_a_round_with_no_top_answer_skips_raft_and_says_why(tmp_path):
    run = RunDir(tmp_path / "run")
    write_round(run)
    prefs_stage(run, 1, load_recipe("gec-smollm2-small", {"train.per_algorithm.raft.best_margin": 5.0}))
    reason = no_training_reason(run.prefs(1), "best", "raft")
    assert reason and "no top-ranked answer" in reason and "1 all equal to the reference" in reason
    assert "keep_tied_correct" in reason and "train.per_algorithm.raft.best_margin" in reason
    assert reason == SHAPES["best"].nothing(read_json(run.prefs(1) / "stats.json"), "raft")  # the table's


@pytest.mark.integration
def test_raft_trains_on_exactly_the_kept_answers(tmp_path):
    """Step 1's loss is the cross-entropy of the three kept answers under the untrained student (computed here
    independently), not of any other candidate; then the loss goes down and the adapter moves."""
    import torch
    from test_train_algos import lora_b_max

    from rankdistill.models import load_policy, load_tokenizer
    from rankdistill.train import recipe_for, train_with

    recipe = load_recipe(
        "gec-smollm2-small",
        {
            "train.schedule": None,
            "train.algorithm": "raft",
            "train.max_steps": 8,
            "train.batch_size": 3,  # one step sees all three rows
            "train.learning_rate": 1e-3,
            "train.save_steps": 100,
        },
    )
    recipe = recipe_for(recipe, "raft")
    run = RunDir(tmp_path / "run")
    write_round(run)
    prefs_stage(run, 1, recipe)
    rows = _rows(run)

    tok = load_tokenizer(recipe.student)
    model = load_policy(recipe.student, None)

    def answer_nll(model, answers: list[str]) -> float:
        """Σ −log p over every answer token (end of turn included) / number of those tokens."""
        total, count = 0.0, 0
        for row, answer in zip(rows, answers, strict=True):
            prompt = tok.apply_chat_template(row["prompt"], add_generation_prompt=True, tokenize=True)
            full = tok.apply_chat_template(
                [*row["prompt"], {"role": "assistant", "content": answer}], tokenize=True
            )
            prompt, full = list(_ids(prompt)), list(_ids(full))
            assert full[: len(prompt)] == prompt
            with torch.no_grad():
                logp = torch.log_softmax(model(torch.tensor([full])).logits[0, :-1].float(), -1)
            targets = torch.tensor(full[1:])
            nll = -logp[torch.arange(len(targets)), targets][len(prompt) - 1 :]
            total, count = total + float(nll.sum()), count + len(nll)
        return total / count

    kept = answer_nll(model, [r["completion"][0]["content"] for r in rows])
    others = answer_nll(model, ["She goes to home.", "He are tall.", "Il est là."])  # the runners-up
    assert abs(kept - others) > 0.05  # the check below can tell the two apart
    del model

    out = tmp_path / "adapter"
    out.mkdir()
    result = train_with(recipe, run, 1, out, tmp_path / "ckpt", None, "raft")
    losses = [h["loss"] for h in result["history"]]
    assert result["examples"] == 3 and len(losses) == 8
    assert losses[0] == pytest.approx(kept, rel=1e-3)
    assert losses[-1] < 0.5 * losses[0]
    assert lora_b_max(out) > 0
    assert json.loads((out / "train_log.json").read_text())[0]["loss"] == losses[0]


def _ids(encoded) -> list[int]:
    return encoded["input_ids"] if isinstance(encoded, dict) or hasattr(encoded, "keys") else encoded


@pytest.mark.integration
def test_sft_then_raft_in_the_loop(tmp_path):
    """A [sft, raft] run: round 2 generates, judges, writes prefs/best with its counts, and trains raft on it."""
    import subprocess
    import sys

    from datasets import load_from_disk

    run = tmp_path / "run"
    sets = {
        "data.max_prompts": 4,
        "generation.k": 2,
        "generation.max_new_tokens": 8,
        "train.max_steps": 2,
        "train.batch_size": 2,
        "train.save_steps": 100,
        "train.schedule": "[sft, raft]",
        "train.per_algorithm.raft.keep_tied_correct": "true",
        "data.test": "null",  # this test is about training
    }
    args = [x for k, v in sets.items() for x in ("--set", f"{k}={v}")]
    proc = subprocess.run(
        [sys.executable, "-m", "rankdistill", "iterate", "gec-smollm2-small", "--run-dir", str(run), *args],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    stats = json.loads((run / "round-02/prefs/stats.json").read_text())
    rows = load_from_disk(str(run / "round-02/prefs/best")).to_list()
    assert stats["best_examples"] == len(rows) == stats["best_cleared_margin"] + stats["tied_correct_kept"]
    assert stats["best_cleared_margin"] > 0  # the reference joins the samples: some prompt has a clear best
    assert json.loads((run / "round-02/adapter/train_stats.json").read_text())["algorithm"] == "raft"
