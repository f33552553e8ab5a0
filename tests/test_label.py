import json

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer

from rankdistill.cli import main
from rankdistill.judging.ledger import summarize
from rankdistill.metrics import metrics


def test_label_writes_references_with_few_shot_and_caches(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-label")
    data = tmp_path / "unlabelled.jsonl"
    data.write_text(
        "".join(json.dumps({"id": f"u{i}", "text": f"she go to school {i}"}) + "\n" for i in range(3))
    )
    out, ledger = tmp_path / "labelled.jsonl", tmp_path / "ledger.sqlite"
    with FakeServer() as srv:
        args = ["label", str(data), "--recipe", "gec-smollm2-dpo-openai", "--out", str(out), "--shots", "2"]
        args += ["--ledger", str(ledger), "--set", f"judge.base_url={srv.url}"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert json.loads(result.output.strip().splitlines()[-1])["labelled"] == 3
        roles = [m["role"] for m in srv.bodies[0]["messages"]]
        assert roles == [
            "system",
            "user",
            "assistant",
            "user",
            "assistant",
            "user",
        ]  # two examples, then the input
        calls = srv.requests
        assert CliRunner().invoke(main, args).exit_code == 0
        assert srv.requests == calls  # the second labelling came from the ledger
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["u0", "u1", "u2"]
    assert rows[0]["reference"] == "Corrected: she go to school 0"
    assert summarize(ledger)["cache_hits"] == 3


def test_eval_metrics_without_references_are_lengths_only():
    rows = [{"prediction": "a b c", "reference": None, "num_tokens": 4}]
    assert metrics(rows) == {"n": 1, "mean_length_tokens": 4.0, "mean_length_words": 3.0}


def _label(srv, tmp_path, rows, *extra):
    data = tmp_path / "unlabelled.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out, ledger = tmp_path / "labelled.jsonl", tmp_path / "ledger.sqlite"
    args = ["label", str(data), "--recipe", "gec-smollm2-dpo-openai", "--out", str(out), "--rationales"]
    args += ["--ledger", str(ledger), "--set", f"judge.base_url={srv.url}", *extra]
    return args, out, ledger


def test_label_with_rationales_asks_once_for_both_and_caches(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-label")
    rows = [{"id": f"u{i}", "text": f"she go to school {i}"} for i in range(3)]
    with FakeServer() as srv:
        args, out, ledger = _label(srv, tmp_path, rows, "--shots", "2", "--set", "data.rationale_field=rationale")
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        counts = json.loads(result.output.strip().splitlines()[-1])
        assert counts == {
            "inputs": 3, "labelled": 3, "unlabelled": 0, "shots": 2,
            "rationales": 3, "missing_rationale": 0, "unparsed": 0,
        }
        assert srv.requests == 3  # one call per input, for the rationale and the answer together
        body = srv.bodies[0]
        user = body["messages"][-1]["content"]
        # two worked examples from data/gec (their rationales, written by make_gec.py), then the task
        assert user.count("<example>") == 2 and '"rationale": "' in user
        assert user.split("The task:")[1].count("<prompt>") == 1 and "she go to school" in user.split("The task:")[1]
        schema = body["response_format"]["json_schema"]["schema"]
        assert schema["required"] == ["rationale", "answer"]
        calls = srv.requests
        assert CliRunner().invoke(main, args).exit_code == 0
        assert srv.requests == calls  # the second labelling came from the ledger
    labelled = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in labelled] == ["u0", "u1", "u2"]
    assert labelled[0]["reference"] == "Corrected: she go to school 0"
    assert labelled[0]["rationale"] == "Rule: the input becomes 'Corrected: she go to school 0'."
    assert summarize(ledger)["cache_hits"] == 3
    # the file trains both tasks as it is: data.rationale_field reads the rationale back
    from rankdistill.data import load_prompts
    from rankdistill.recipe import load_recipe

    recipe = load_recipe("gec-smollm2-dpo-openai", {"data.rationale_field": "rationale", "judge.model": "m"})
    assert load_prompts(out, recipe.data)[0].rationale == labelled[0]["rationale"]


def test_label_with_rationales_counts_what_the_teacher_left_out(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-label")
    texts = ["ok one", "[fault=norationale] two", "[fault=emptyrationale] three", "[fault=noanswer] four",
             "[fault=badjson] five", "[fault=500] six", "[fault=refuse] seven"]
    rows = [{"id": f"u{i}", "text": t} for i, t in enumerate(texts)]
    with FakeServer() as srv:
        args, out, _ = _label(srv, tmp_path, rows, "--shots", "0")
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        counts = json.loads(result.output.strip().splitlines()[-1])
        # no rationale (missing, blank): labelled all the same, and counted; no answer or no JSON: asked twice,
        # then unlabelled and counted; a 500 is retried by the client; a refusal labels nothing
        assert counts["labelled"] == 4 and counts["missing_rationale"] == 2 and counts["rationales"] == 2
        assert counts["unparsed"] == 2 and counts["unlabelled"] == 3
        assert "2 of 4 answers came without a rationale" in result.output
        assert srv.seen.most_common(1)[0][1] <= 3  # no input asked more than twice, the 500's retries aside
        calls = srv.requests
        assert CliRunner().invoke(main, args).exit_code == 0
        assert srv.requests == calls  # every reply, the unreadable ones too, is in the ledger: nothing paid twice
    labelled = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert sorted(labelled) == ["u0", "u1", "u2", "u5"]
    assert labelled["u1"]["rationale"] is None and labelled["u2"]["rationale"] is None
    assert labelled["u1"]["reference"] == "Corrected: [fault=norationale] two"


def test_label_refuses_a_template_that_is_not_a_label_template(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-label")
    with FakeServer() as srv:
        args, _, _ = _label(srv, tmp_path, [{"id": "u0", "text": "x"}], "--rationale-template", "gec")
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and srv.requests == 0
        assert "is a listwise judge template" in result.output
    from rankdistill.recipe import RecipeError, load_recipe

    with pytest.raises(RecipeError, match="judge.template.*rationale.yaml is a label template"):
        load_recipe("gec-smollm2-dpo-openai", {"judge.template": "rationale", "judge.model": "m"})
