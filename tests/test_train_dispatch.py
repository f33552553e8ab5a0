"""Which algorithm trains which round, what each round runs, pass-through checks, GRPO's judge reward, win rate."""

from __future__ import annotations

import math

import pytest

from rankdistill.judging.reference import ReferenceJudge
from rankdistill.recipe import RecipeError, load_recipe
from rankdistill.train import algorithm_for_round, check_train_settings, recipe_for, stages_for_round
from rankdistill.train.common import JudgeReward, rank_rewards

NAN = float("nan")


def test_schedule_picks_the_algorithm_per_round_and_repeats_the_last():
    r = load_recipe("gec-smollm2-small", {"train.schedule": ["sft", "dpo"]})
    assert [algorithm_for_round(r, i) for i in (1, 2, 3)] == ["sft", "dpo", "dpo"]
    assert stages_for_round(r, 1) == ("train", "eval")  # sft needs no candidates
    assert stages_for_round(r, 2) == ("generate", "judge", "prefs", "train", "eval")
    plain = load_recipe("gec-smollm2-small", {"train.algorithm": "grpo", "train.schedule": None})
    assert algorithm_for_round(plain, 5) == "grpo" and stages_for_round(plain, 5) == ("train", "eval")


def test_unknown_algorithm_in_schedule_or_per_algorithm_is_rejected():
    with pytest.raises(RecipeError, match="train.schedule"):
        load_recipe("gec-smollm2-small", {"train.schedule": ["sft", "ppo2"]})
    with pytest.raises(RecipeError, match="train.per_algorithm"):
        load_recipe("gec-smollm2-small", {"train.per_algorithm": {"ppo2": {"beta": 1}}})


def test_args_reach_only_their_algorithm():
    r = load_recipe(
        "gec-smollm2-small",
        {
            "train.algorithm": "dpo",
            "train.schedule": None,
            "train.args": {"loss_type": ["ipo"]},
            "train.per_algorithm": {"grpo": {"beta": 0.0, "args": {"warmup_steps": 1}}},
        },
    )
    assert recipe_for(r, "dpo").train.args == {"loss_type": ["ipo"]}
    assert recipe_for(r, "grpo").train.args == {"warmup_steps": 1}
    assert recipe_for(r, "grpo").train.per_algorithm.grpo.beta == 0.0  # its own knob, typed
    assert recipe_for(r, "rrhf").train.args == {}
    check_train_settings(r, ["dpo", "grpo", "rrhf", "sft"])


def test_a_section_takes_its_own_algorithms_knobs_and_refuses_anothers():
    r = load_recipe("gec-smollm2-small", {"train.per_algorithm": {"rrhf": {"rank_weight": 2.0}, "ppo": {"kl_coef": 0.1}}})
    assert (r.train.per_algorithm.rrhf.rank_weight, r.train.per_algorithm.ppo.kl_coef) == (2.0, 0.1)
    with pytest.raises(RecipeError, match=r"train\.per_algorithm\.dpo\.kl_coef"):
        load_recipe("gec-smollm2-small", {"train.per_algorithm": {"dpo": {"kl_coef": 0.1}}})


@pytest.mark.parametrize(
    "algorithm, args, message",
    [
        ("grpo", {"num_generation": 4}, "not a trl.GRPOConfig field"),
        ("grpo", {"num_generations": 4}, "generation.k"),
        ("sft", {"max_lenght": 4}, "not a trl.SFTConfig field"),
        ("rrhf", {"args": {"rank_weight": 2.0}}, "train.per_algorithm.rrhf.rank_weight"),
        ("rrhf", {"losstype": "x"}, "not a transformers.TrainingArguments field"),
    ],
)
def test_pass_through_args_checked_against_the_right_config(algorithm, args, message):
    r = load_recipe("gec-smollm2-small", {"train.per_algorithm": {algorithm: args}})
    with pytest.raises(RecipeError, match=message):
        check_train_settings(r, [algorithm])


def test_rank_rewards_share_beaten_ties_and_nan():
    # scores 0.2, 0.9, 0.9, NaN: three scored; 0.2 beats none -> 0; each 0.9 beats 0.2 only -> 1/2; NaN -> 0
    assert rank_rewards([0.2, 0.9, 0.9, NAN]) == [0.0, 0.5, 0.5, 0.0]
    assert rank_rewards([NAN, 0.3]) == [0.0, 0.0]


def test_judge_reward_ranks_each_group_with_the_real_reference_judge():
    reward = JudgeReward(ReferenceJudge(), "scores")
    prompts = [[{"role": "user", "content": "fix: a b"}]] * 2 + [[{"role": "user", "content": "fix: c"}]] * 2
    completions = [[{"role": "assistant", "content": t}] for t in ("a b", "x", "c", "c d")]
    out = reward(prompts, completions, prompt_id=["p1", "p1", "p2", "p2"], reference=["a b", "a b", "c", "c"])
    assert reward.calls == 2 and reward.abstentions == 0
    assert out[0] == pytest.approx(2.0) and out[2] == pytest.approx(2.0)  # exact match 1 + chrF 1
    assert out[1] < 1 and 0 < out[3] < 1


def test_win_rate_both_orders_ties_half():
    from rankdistill.evaluate import win_rate

    recipe = load_recipe("gec-smollm2-small")
    base = [
        {"prompt_id": "a", "input": "x", "reference": "good", "prediction": "bad"},
        {"prompt_id": "b", "input": "y", "reference": "fine", "prediction": "fine"},
    ]
    trained = [
        {"prompt_id": "a", "input": "x", "reference": "good", "prediction": "good"},  # wins both orders
        {"prompt_id": "b", "input": "y", "reference": "fine", "prediction": "fine"},  # ties both orders
    ]
    result = win_rate(ReferenceJudge(), recipe.data, base, trained)
    assert result["judged"] == 4 and result["win_rate"] == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert math.isnan(win_rate(ReferenceJudge(), recipe.data, base, [])["win_rate"])


def test_per_algorithm_typed_settings_override_train_fields_for_that_algorithm_only():
    from rankdistill.recipe import RecipeError, load_recipe
    from rankdistill.train import recipe_for

    recipe = load_recipe(
        "gec-smollm2-small",
        {
            "train.schedule": ["sft", "dpo"],
            "train.max_steps": 10,
            "train.per_algorithm": {"sft": {"learning_rate": 3e-4, "max_steps": 50}, "dpo": {"loss_type": ["ipo"]}},
        },
    )
    sft, dpo = recipe_for(recipe, "sft"), recipe_for(recipe, "dpo")
    assert (sft.train.learning_rate, sft.train.max_steps, sft.train.args) == (3e-4, 50, {})
    assert (dpo.train.learning_rate, dpo.train.max_steps) == (recipe.train.learning_rate, 10)
    assert dpo.train.args == {"loss_type": ["ipo"]}
    with pytest.raises(RecipeError, match=r"train.per_algorithm.sft.max_steps"):  # typed: refused as it loads
        load_recipe("gec-smollm2-small", {"train.schedule": ["sft", "dpo"], "train.per_algorithm": {"sft": {"max_steps": 0}}})


def test_a_set_of_a_typed_train_field_wins_over_the_files_per_algorithm_value():
    from rankdistill.recipe import load_recipe
    from rankdistill.train import recipe_for

    shipped = load_recipe("gec-smollm2-small")  # the small recipe gives SFT its own steps and learning rate
    assert recipe_for(shipped, "sft").train.max_steps != shipped.train.max_steps
    smoke = load_recipe("gec-smollm2-small", {"train.max_steps": 2})  # the smoke settings: every round trains 2 steps
    assert recipe_for(smoke, "sft").train.max_steps == recipe_for(smoke, "dpo").train.max_steps == 2
    assert recipe_for(smoke, "sft").train.learning_rate == recipe_for(shipped, "sft").train.learning_rate
    both = load_recipe("gec-smollm2-small", {"train.max_steps": 2, "train.per_algorithm.sft.max_steps": 5})
    assert recipe_for(both, "sft").train.max_steps == 5


def test_each_round_trains_with_its_own_seed_so_sft_rounds_see_new_items(tmp_path, monkeypatch):
    """The Trainer's data order follows the seed: at one seed, a second SFT round would start over on the same
    items as the first (measured: SFT -> SFT then scored no better than one SFT round). Round 1 keeps the recipe's."""
    import rankdistill.train as train
    from rankdistill.rundir import RunDir

    seen = {}

    def fake_train_with(recipe, run, round_idx, out, checkpoints, previous, label):
        seen[round_idx] = recipe.seed
        (out / "adapter_config.json").write_text("{}")
        return {}

    monkeypatch.setattr(train, "train_with", fake_train_with)
    monkeypatch.setattr(RunDir, "student", lambda self, r: None)
    r = load_recipe("gec-smollm2-small", {"seed": 7, "train.schedule": ["sft"]})
    run = RunDir(tmp_path)
    for round_idx in (1, 2, 3):
        train.train_stage(run, round_idx, r)
    assert seen == {1: 7, 2: 8, 3: 9} and r.seed == 7  # the run's recipe itself is unchanged
