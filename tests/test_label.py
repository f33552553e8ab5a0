import json

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
