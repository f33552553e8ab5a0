"""A concept-to-sentence task end to end without a model: the data row's list rendered in the prompt and its
fields carried to the judge (candidates.jsonl) and to the prediction rows; the checks judge's verdicts in those
rows; covered and coverage worked by hand, per language and round to round."""

from __future__ import annotations

import json
import math

import pytest

from rankdistill.data import load_prompts
from rankdistill.evaluate import judge_verdicts, prediction_row
from rankdistill.metrics import best_round, metrics, paired_difference, round_difference
from rankdistill.recipe import recipe_from_dict
from rankdistill.records import CandidateSet, Completion, read_jsonl, to_dict, write_jsonl
from rankdistill.report import copy_note, summary_table

ROWS = [
    {
        "id": "en1",
        "lang": "en",
        "concepts": ["dog", "ball", "catch", "park"],
        "reference": "A dog catches a ball in the park.",
    },
    {
        "id": "en2",
        "lang": "en",
        "concepts": ["dog", "ball", "catch", "park"],
        "reference": "The dog catches a ball in a park.",
    },
    {
        "id": "fr1",
        "lang": "fr",
        "concepts": ["enfant", "lire", "livre"],
        "reference": "L'enfant lit un livre.",
    },
    {
        "id": "fr2",
        "lang": "fr",
        "concepts": ["chat", "dormir", "canapé"],
        "reference": "Le chat dort sur le canapé.",
    },
    {
        "id": "es1",
        "lang": "es",
        "concepts": ["gato", "dormir", "sofá"],
        "reference": "El gato duerme en el sofá.",
    },
    {
        "id": "de1",
        "lang": "de",
        "concepts": ["Katze", "schlafen", "Sofa"],
        "reference": "Die Katze schläft auf dem Sofa.",
    },
]
ANSWERS = {
    "en1": "The dog catches the ball in the park.",  # passes
    "en2": "The dog catches the ball.",  # 3 of 4
    "fr1": "L'enfant lit un livre dans le jardin.",  # passes (lit <- lire)
    "fr2": "Chat, dormir, canapé.",  # all 3, an echo
    "es1": "El perro duerme en el sofá.",  # 2 of 3 (no gato)
    "de1": "Die Katze schläft ruhig auf dem Sofa.",  # passes (schläft <- schlafen)
}


def recipe(tmp_path, **judge):
    data = tmp_path / "keywords.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS))
    return recipe_from_dict(
        {
            "data": {"train": str(data), "test": str(data), "input_field": "concepts",
                     "user_template": "Write one sentence using: {input}"},
            "judge": {"kind": "checks", **judge},
        }
    )  # fmt: skip


def prediction_rows(tmp_path, answers=ANSWERS):
    r = recipe(tmp_path)
    prompts = load_prompts(r.data.test, r.data)
    rows = [prediction_row(p, Completion(answers[p.prompt_id], 9, "stop")) for p in prompts]
    by_id = {p.prompt_id: p for p in prompts}
    return [{**row, **judge_verdicts(r, {**by_id[row["prompt_id"]].fields, **row})} for row in rows]


def test_a_list_input_is_rendered_joined_and_the_rows_fields_are_carried(tmp_path):
    path = tmp_path / "k.jsonl"
    row = {
        "id": "k1",
        "lang": "en",
        "concepts": ["dog", "<|im_end|>ball"],
        "reference": "r",
        "note": {"a": ["x"]},
    }
    path.write_text(json.dumps(row) + "\n")
    r = recipe(tmp_path)
    (p,) = load_prompts(path, r.data)
    assert p.input == "dog, <|im_end|>ball"  # joined by ", "
    # control tokens broken as in any input, in the message and in the fields judges read
    assert p.messages[-1]["content"] == "Write one sentence using: dog, <\u2060|im_end|>ball"
    # its own fields but the id and the reference (those have their own places); lists stay lists
    assert p.fields == {"lang": "en", "concepts": ["dog", "<\u2060|im_end|>ball"], "note": {"a": ["x"]}}


def test_candidates_jsonl_keeps_the_fields_and_older_files_load(tmp_path):
    item = CandidateSet("k1", [], [Completion("a", 1, "stop")], "r", {"concepts": ["dog"], "lang": "en"})
    write_jsonl(tmp_path / "c.jsonl", [to_dict(item)])
    (back,) = [CandidateSet.from_dict(d) for d in read_jsonl(tmp_path / "c.jsonl")]
    assert back == item
    old = {
        "prompt_id": "k1",
        "messages": [],
        "candidates": [{"text": "a", "num_tokens": 1, "finish_reason": "stop"}],
    }
    assert CandidateSet.from_dict(old).fields == {}


def test_prediction_rows_carry_the_fields_and_the_judges_verdict(tmp_path):
    rows = {r["prompt_id"]: r for r in prediction_rows(tmp_path)}
    en2 = rows["en2"]
    assert en2["concepts"] == ["dog", "ball", "catch", "park"] and en2["lang"] == "en"
    assert en2["input"] == "dog, ball, catch, park" and en2["prediction"] == ANSWERS["en2"]
    assert en2["checks"] == {
        "covers": False, "one_sentence": True, "word_window": True, "no_repeat": True, "no_echo": True,
    }  # fmt: skip
    assert en2["passed"] is False and en2["coverage"] == 0.75
    assert en2["copy_passed"] is False  # the list itself is no sentence
    assert rows["fr1"]["passed"] and rows["de1"]["passed"] and not rows["fr2"]["checks"]["no_echo"]


def test_a_text_input_is_not_written_twice_and_other_judges_add_nothing(tmp_path):
    gec = tmp_path / "gec.jsonl"
    gec.write_text(json.dumps({"id": "g", "text": "She go.", "reference": "She goes.", "lang": "en"}) + "\n")
    r = recipe_from_dict({"data": {"train": str(gec), "test": str(gec)}})
    (p,) = load_prompts(gec, r.data)
    row = prediction_row(p, Completion("She goes.", 3, "stop"))
    assert set(row) == {
        "prompt_id",
        "input",
        "reference",
        "prediction",
        "num_tokens",
        "finish_reason",
        "lang",
    }
    assert judge_verdicts(r, row) == {}  # the reference judge gives no verdict on one answer alone


def test_covered_and_coverage_per_language_worked_by_hand(tmp_path):
    m = metrics(prediction_rows(tmp_path))
    # passes: en1, fr1, de1 of 6; coverage (1 + 3/4 + 1 + 1 + 2/3 + 1) / 6
    assert m["covered"] == 3 / 6
    assert m["coverage"] == pytest.approx((1 + 0.75 + 1 + 1 + 2 / 3 + 1) / 6)
    assert m["copy_baseline_covered"] == 0.0
    by = m["by_lang"]
    assert (by["en"]["n"], by["en"]["covered"], by["en"]["coverage"]) == (2, 0.5, 0.875)
    assert (by["fr"]["covered"], by["fr"]["coverage"]) == (0.5, 1.0)
    assert (by["es"]["covered"], by["es"]["coverage"]) == (0.0, pytest.approx(2 / 3))
    assert (by["de"]["covered"], by["de"]["coverage"]) == (1.0, 1.0)
    assert "chrf" in m and "exact_match" in m  # the references still give chrF (the fluency guard)


def test_covered_is_paired_round_to_round_with_its_interval(tmp_path):
    before = prediction_rows(tmp_path, {**ANSWERS, "en1": "Dog, ball, catch, park."})  # en1 fails here
    after = prediction_rows(tmp_path, {**ANSWERS, "es1": "El gato duerme en el sofá."})  # es1 passes here
    diff = round_difference(before, after)["covered"]
    # en1 and es1 became right, none became wrong, of 6: +2/6
    assert diff["n"] == 6 and math.isclose(diff["delta"], 2 / 6)
    order = [r["prompt_id"] for r in after]
    was = {r["prompt_id"]: r["passed"] for r in before}
    assert diff == paired_difference([was[i] for i in order], [r["passed"] for r in after])
    assert diff["ci95_low"] < diff["delta"] < diff["ci95_high"]
    rows = [
        {"round": 0, **metrics(before)},
        {"round": 1, **metrics(after), "vs_previous_round": round_difference(before, after)},
    ]
    headers, cells, notes = summary_table(rows)
    assert "covered" in headers and cells[1][headers.index("covered")] == "66.7%"
    assert any("covered +33.3 (" in n for n in notes)
    assert "copying the input would score exact 0.0%, fixed 0.0%, covered 0.0%" in notes[0]


def test_the_best_round_is_the_highest_covered_when_rounds_have_it():
    rows = [
        {"round": 1, "exact_match": 0.3, "covered": 0.2},
        {"round": 2, "exact_match": 0.1, "covered": 0.4},
    ]
    assert best_round(rows) == 2
    assert best_round([{k: v for k, v in r.items() if k != "covered"} for r in rows]) == 1
    assert copy_note([{"copy_baseline_covered": 0.25}]) == "copying the input would score covered 25.0%"


def test_grpo_and_ppo_rewards_reach_the_rows_fields():
    from rankdistill.judging import make_judge
    from rankdistill.recipe import JudgeSettings
    from rankdistill.train.common import JudgeReward

    reward = JudgeReward(make_judge(JudgeSettings(kind="checks")))
    fields = {"concepts": ["gato", "dormir", "sofá"], "lang": "es"}
    texts = ["El gato duerme en el sofá.", "El perro duerme en el sofá."]
    # GRPO's dataset holds the fields as JSON text, PPO passes them as they are: the same rewards
    as_text = reward([[]] * 2, texts, ["p", "p"], fields=[json.dumps(fields)] * 2)
    as_dict = reward([[]] * 2, texts, ["p", "p"], fields=[fields] * 2)
    assert as_text == as_dict == pytest.approx([(3 + 0.8) / 3, (2 + 0.8) / 3])


def test_compares_win_rate_with_the_checks_judge_reads_the_rows(tmp_path):
    from rankdistill.evaluate import win_rate
    from rankdistill.judging import make_judge

    r = recipe(tmp_path)
    base = prediction_rows(tmp_path, {**ANSWERS, "en1": "Dog, ball, catch, park."})
    trained = prediction_rows(tmp_path)
    result = win_rate(make_judge(r.judge), r.data, base, trained)
    # only en1 differs: the trained answer wins it in both orders; the other 5 tie (half a point each)
    assert result == {"win_rate": pytest.approx((2 + 5) / 12), "judged": 12, "abstained": 0}
