"""A round with nothing to learn from (every ranking tied or abstained) is skipped, not a crash: the student
carries over unchanged and the summary says why."""

import math

import pytest

from rankdistill.loop import run_stage, summary
from rankdistill.preferences import prefs_stage
from rankdistill.recipe import recipe_from_dict
from rankdistill.records import CandidateSet, Completion, Ranking, to_dict, write_jsonl
from rankdistill.rundir import RunDir
from rankdistill.shapes import no_training_reason
from rankdistill.train import ALGORITHMS


def tied_round(run, r, scores):
    items = [
        CandidateSet(
            f"p{n}",
            [{"role": "user", "content": f"q{n}"}],
            [Completion("a", 1, "stop"), Completion("b", 1, "stop")],
        )
        for n in range(len(scores))
    ]
    write_jsonl(run.candidates(r), [to_dict(i) for i in items])
    rankings = [Ranking(f"p{n}", [0, 1], s, [[0, 1]] if s[0] == s[1] else []) for n, s in enumerate(scores)]
    write_jsonl(run.rankings(r), [to_dict(x) for x in rankings])


@pytest.mark.parametrize("algorithm", ["dpo", "rrhf"])
def test_reason_names_what_was_dropped(tmp_path, algorithm):
    run = RunDir(tmp_path)
    recipe = recipe_from_dict({"train": {"algorithm": algorithm}})
    tied_round(run, 1, [[1.0, 1.0], [math.nan, math.nan]])
    prefs_stage(run, 1, recipe)
    reads = ALGORITHMS.get(algorithm).reads
    reason = no_training_reason(run.prefs(1), reads, algorithm)
    assert "1 all tied" in reason and "1 abstained" in reason
    tied_round(run, 2, [[2.0, 1.0]])
    prefs_stage(run, 2, recipe)
    assert no_training_reason(run.prefs(2), reads, algorithm) is None


@pytest.mark.parametrize("algorithm", ["dpo", "rrhf", "raft"])
def test_training_on_empty_prefs_anyway_says_the_shapes_reason(tmp_path, algorithm):
    """Outside the loop (which skips such a round: a benchmark, a script), each algorithm stops before any model
    loads with the message of the shape it reads, from shapes.SHAPES (raft: no top-ranked answer)."""
    from rankdistill.records import read_json
    from rankdistill.shapes import SHAPES
    from rankdistill.train import recipe_for, run_algorithm

    run = RunDir(tmp_path)
    recipe = recipe_for(recipe_from_dict({"train": {"algorithm": algorithm}}), algorithm)
    tied_round(run, 1, [[1.0, 1.0], [math.nan, math.nan]])
    prefs_stage(run, 1, recipe)
    reads = ALGORITHMS.get(algorithm).reads
    data = run.prefs(1) / reads
    with pytest.raises(RuntimeError) as e:
        run_algorithm(recipe, data, tmp_path / "out", tmp_path / "ckpt", None)
    assert str(e.value) == f"{data}: {SHAPES[reads].nothing(read_json(run.prefs(1) / 'stats.json'), algorithm)}"
    assert ("no top-ranked answer" in str(e.value)) == (reads == "best")


@pytest.mark.integration
def test_rounds_with_no_pairs_carry_the_student_over(tmp_path):
    from safetensors.torch import load_file

    run = RunDir(tmp_path)
    recipe = recipe_from_dict({"student": {"lora": {"r": 2}}})
    for r in (1, 2):
        tied_round(run, r, [[1.0, 1.0]])
        run_stage(run, "prefs", r, recipe)
        run_stage(run, "train", r, recipe)  # would be an IndexError inside the trainer
        assert run.is_done("train", r)
    weights = load_file(run.adapter(1) / "adapter_model.safetensors")
    lora_b = [v for k, v in weights.items() if "lora_B" in k]
    assert lora_b and all(float(v.abs().max()) == 0.0 for v in lora_b)  # the base, unchanged
    assert (run.adapter(2) / "adapter_model.safetensors").read_bytes() == (
        run.adapter(1) / "adapter_model.safetensors"
    ).read_bytes()
    rows = summary(run)
    assert [row["pairs"] for row in rows] == [0, 0]
    assert all("no usable preference pairs" in row["skipped"] for row in rows)
