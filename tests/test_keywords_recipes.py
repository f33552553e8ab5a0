"""The keywords recipes (concepts to a sentence, judged by checks): what they ask of a run, the ablation's
report of a checked task (covered, per language, the paired interval, the ranking round's signal), and a
[sft, <ranking>] loop of the shipped recipe through the CLI on the real packaged student."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from scripts import load_script

from rankdistill.data import load_prompts
from rankdistill.metrics import metrics, paired_difference
from rankdistill.recipe import dump_recipe, load_recipe
from rankdistill.run import resolve_paths

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = ["keywords-smollm2", "keywords-gemma3-270m", "keywords-gemma3-270m-gpu"]


ablation = load_script("benchmarks/ablation.py")


@pytest.mark.parametrize("name", KEYWORDS)
def test_a_keywords_recipe_learns_from_the_students_own_samples_ranked_by_checks(name):
    recipe = load_recipe(name)
    assert recipe.data.train.endswith("data/keywords/train.jsonl") and recipe.judge.kind == "checks"
    first, ranking = recipe.train.schedule
    assert first == "sft" and ranking != "sft"  # labels first, then the student's own samples
    assert recipe.generation.sources == ["student"] and recipe.generation.greedy  # no labels in the ranking
    assert recipe.preferences.skip_tied  # prompts whose candidates all tie are not trained on
    assert recipe.eval.max_prompts is None  # the whole test split


def test_the_keywords_prompt_lists_the_concepts():
    recipe = resolve_paths(load_recipe("keywords-smollm2"))
    prompt = load_prompts(recipe.data.test, recipe.data)[0]
    row = json.loads((ROOT / "data/keywords/test.jsonl").read_text().splitlines()[0])
    assert prompt.messages[-1]["content"] == "Write one sentence using: " + ", ".join(row["concepts"])
    assert prompt.fields["lang"] == row["lang"]  # the judge reads the row's language and concepts


@pytest.mark.integration
def test_the_gemma_keywords_answer_ends_with_its_first_line():
    """Gemma writes on after its sentence (untrained: 40 tokens each); the recipe's stop ends an answer at the
    first newline or end of turn, in every round, so evaluation and sampling pay for one line only."""
    from rankdistill.generation.hf import to_completion
    from rankdistill.models import load_tokenizer, stop_sequences

    recipe = load_recipe("keywords-gemma3-270m")
    tok = load_tokenizer(recipe.student)
    ids, strings = stop_sequences(tok, recipe.generation.stop)
    assert tok.convert_tokens_to_ids("<end_of_turn>") in ids
    text = "Die alte Uhr im Flur ist stehen geblieben.\nWrite one natural sentence that uses"
    completion = to_completion(tok.encode(text, add_special_tokens=False), ids, tok, strings)
    assert (
        completion.text == "Die alte Uhr im Flur ist stehen geblieben." and completion.finish_reason == "stop"
    )
    # Gemma's '\n\n' is one token of its own (as is '\n'): it ends the line too
    blank = tok.encode("Der Hund schläft.\n\nCorrect this sentence", add_special_tokens=False)
    assert tok.convert_tokens_to_ids("\n\n") in blank
    assert to_completion(blank, ids, tok, strings).text == "Der Hund schläft."
    turn = tok.encode("Ein Satz.", add_special_tokens=False) + [tok.convert_tokens_to_ids("<end_of_turn>")]
    assert to_completion(turn + turn, ids, tok, strings).text == "Ein Satz."


# --- benchmarks/ablation.py on a checked task ---------------------------------------------------------------


def _predictions(passed: list[bool]) -> list[dict]:
    langs = ["en", "fr"] * (len(passed) // 2)
    return [
        {
            "prompt_id": f"p{i}",
            "lang": lang,
            "input": "dog, ball, park",
            "reference": "The dog plays with a ball in the park.",
            "prediction": "The dog plays with a ball in the park." if ok else "Dog ball park.",
            "num_tokens": 9,
            "passed": ok,
            "coverage": 1.0,
            "copy_passed": False,
        }
        for i, (ok, lang) in enumerate(zip(passed, langs, strict=True))
    ]


def _write_round(run: Path, r: int, passed: list[bool], signal: dict | None = None) -> None:
    d = run / f"round-{r:02d}"
    d.mkdir(parents=True)
    rows = _predictions(passed)
    (d / "predictions.jsonl").write_text("".join(json.dumps(x) + "\n" for x in rows))
    (d / "eval.json").write_text(json.dumps({"round": r, **metrics(rows)}))
    (d / "timings.json").write_text(json.dumps({"train": 10.0 * r, "eval": 5.0}))
    if signal is not None:
        (d / "prefs").mkdir()
        (d / "prefs" / "stats.json").write_text(json.dumps({"pairs": 3, "signal": signal}))


def test_the_ablation_reports_covered_against_the_sft_round_with_the_rounds_signal(tmp_path):
    run = tmp_path / "sft-raft"
    signal = {"prompts": 8, "drawn": 10, "all_tied_share": 0.25, "headroom": 0.5, "headroom_any_source": 0.5,
              "pass_at_1": 0.125, "pass_at_k": 0.625, "pass_k": 9}  # fmt: skip
    # 8 items, en (even) and fr (odd) alternating: round 1 passes items 0 and 1, round 2 items 0-4 (2, 4 and 3 more)
    _write_round(run, 0, [False] * 8)
    _write_round(run, 1, [True, True] + [False] * 6)
    _write_round(run, 2, [True] * 5 + [False] * 3, signal)
    row = ablation.read_arm(run, 2)
    assert row["covered"] == 5 / 8 and row["untrained"]["covered"] == 0.0
    assert row["sft_round"]["covered"] == 2 / 8
    assert row["by_lang"]["en"]["covered"] == 3 / 4 and row["by_lang"]["fr"]["covered"] == 2 / 4
    expected = paired_difference([True, True] + [False] * 6, [True] * 5 + [False] * 3)
    assert row["vs_sft_round"]["covered"][0] == 37.5  # 3 items became right, none wrong, of 8
    assert row["vs_sft_round"]["covered"][1:] == [
        round(100 * expected[k], 1) for k in ("ci95_low", "ci95_high")
    ]
    assert row["by_lang"]["en"]["covered_vs_sft_round"][0] == 50.0  # items 2 and 4 of en's 0, 2, 4, 6
    assert row["by_lang"]["fr"]["covered_vs_sft_round"][0] == 25.0  # item 3 of fr's 1, 3, 5, 7
    assert row["vs_sft_round"]["chrf"] > 0  # more answers equal to the reference
    assert row["signal"] == signal and row["round_seconds"] == [5.0, 15.0, 25.0]
    row["wall_seconds"] = 30.0
    line = ablation.arm_line("sft-raft", row)
    # covered, the per-language shares, the interval, then all tied / headroom / pass@1 / pass@k
    assert "62.5%" in line and "+37.5 (" in line and "  75   50    -    - " in line
    assert "  25   50   12   62 " in line
    assert "untrained student covered 0.0%" in ablation.baselines_line(row)
    assert any("en +50.0" in x and "fr +25.0" in x for x in ablation.per_language_lines({"sft-raft": row}))


def test_an_sft_only_arm_has_no_signal_and_no_interval(tmp_path):
    run = tmp_path / "sft"
    _write_round(run, 0, [False] * 4)
    _write_round(run, 1, [True, False, False, False])
    row = ablation.read_arm(run, 1)
    assert row["signal"] is None and row["vs_sft_round"] is None and row["covered"] == 0.25
    row["wall_seconds"] = 1.0
    assert "25.0%" in ablation.arm_line("sft", row)


def test_shared_sft_refuses_another_sft_round_one_unless_sft_trains_again_later(tmp_path):
    """--shared-sft: an arm's own SFT settings would make its round 1 another one (refused); the control arm
    "more SFT on labels" trains sft again in round 2, where its settings apply (allowed)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    recipe = str(ROOT / "recipes" / "keywords-smollm2.yaml")
    (shared / "recipe.yaml").write_text(dump_recipe(resolve_paths(load_recipe(recipe))))
    ablation.check_shared_recipe(shared, recipe, ["train.per_algorithm.raft.learning_rate=1e-4"])
    control = ["train.per_algorithm.sft.max_steps=32", "train.per_algorithm.sft.batch_size=4"]
    with pytest.raises(SystemExit, match="another student, data, seed or SFT settings"):
        ablation.check_shared_recipe(shared, recipe, control)
    for other in ("train.per_algorithm.sft.alpha=0.3", "train.per_algorithm.sft.max_examples=64"):
        with pytest.raises(SystemExit):  # any of the sft section's settings, not only the shared four
            ablation.check_shared_recipe(shared, recipe, [other])
    ablation.check_shared_recipe(shared, recipe, control, sft_later=True)
    with pytest.raises(SystemExit):  # another student is refused all the same
        ablation.check_shared_recipe(shared, recipe, [*control, "student.model=gemma3-270m"], sft_later=True)


# --- the shipped recipe, end to end at smoke settings -------------------------------------------------------


@pytest.mark.integration
def test_the_keywords_recipe_runs_sft_then_its_ranking_round_and_reports_signal_and_covered(tmp_path):
    """`rankdistill iterate keywords-smollm2` at smoke settings: round 1 SFT, round 2 the recipe's ranking
    algorithm on the student's own samples (greedy answer included) that do not all tie; the round's signal is
    in prefs/stats.json and under the summary, covered in every eval.json and the summary's table."""
    run = tmp_path / "run"
    smoke = ["data.max_prompts=4", "generation.k=2", "train.max_steps=2", "eval.max_prompts=8",
             "preferences.max_draw=2", "train.batch_size=2", "train.per_algorithm.sft.batch_size=2",
             "eval.max_new_tokens=24", "generation.max_new_tokens=24"]  # fmt: skip  (CI time: small batches, short answers)
    cmd = [sys.executable, "-m", "rankdistill", "iterate", "keywords-smollm2", "--run-dir", str(run)]
    proc = subprocess.run(
        [*cmd, *(a for s in smoke for a in ("--set", s))], capture_output=True, text=True, timeout=1800
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    recipe = yaml.safe_load((run / "recipe.yaml").read_text())
    ranking = recipe["train"]["schedule"][1]
    stats = json.loads((run / "round-02/prefs/stats.json").read_text())
    signal = stats["signal"]
    assert signal["drawn"] <= 8 and signal["prompts"] <= 4  # at most max_draw x max_prompts drawn
    assert signal["all_tied"] == 0  # skip_tied: only prompts whose candidates do not all tie are kept
    assert signal["greedy_scored"] == signal["prompts"] and signal["pass_k"] == 3  # 2 samples + greedy
    for key in ("headroom", "pass_at_1", "pass_at_k"):
        assert 0.0 <= signal[key] <= 1.0
    assert signal["pass_at_1"] <= signal["pass_at_k"]
    candidates = [json.loads(x) for x in (run / "round-02/candidates.jsonl").read_text().splitlines()]
    assert all([c["source"] for c in s["candidates"]] == ["student", "student", "greedy"] for s in candidates)
    assert (run / "round-02/adapter/adapter_model.safetensors").exists()
    for r in (0, 1, 2):
        result = json.loads((run / f"round-{r:02d}/eval.json").read_text())
        assert result["n"] == 8 and 0.0 <= result["covered"] <= 1.0 and "chrf" in result
    assert "covered" in json.loads((run / "round-02/eval.json").read_text())["vs_previous_round"]
    assert "covered" in proc.stdout and "round 2 signal:" in proc.stdout  # the table and the line under it
    assert "round 2 signal:" in proc.stderr  # printed before training, too
    assert f"round 2: train ({ranking})" in proc.stderr
