import json

import pytest

from rankdistill.data import DataError, load_prompts
from rankdistill.recipe import DataSettings

ROWS = [{"q": f"input {i} {{braces}}", "a": f"answer {i}", "uid": f"u{i}"} for i in range(5)]


def _settings(**kw):
    base = dict(
        input_field="q",
        reference_field="a",
        id_field="uid",
        system_prompt="Be brief.",
        user_template="Fix: {input}",
    )
    return DataSettings(**{**base, **kw})


def _write_all(tmp_path):
    from datasets import Dataset

    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    csv = tmp_path / "d.csv"
    csv.write_text("q,a,uid\n" + "".join(f'"{r["q"]}",{r["a"]},{r["uid"]}\n' for r in ROWS))
    parquet = tmp_path / "d.parquet"
    Dataset.from_list(ROWS).to_parquet(str(parquet))
    hf = tmp_path / "hfdir"
    Dataset.from_list(ROWS).save_to_disk(str(hf))
    return [jsonl, csv, parquet, hf]


def test_every_format_gives_the_same_prompts(tmp_path):
    results = [load_prompts(p, _settings()) for p in _write_all(tmp_path)]
    for prompts in results:
        assert [p.prompt_id for p in prompts] == [r["uid"] for r in ROWS]
        assert prompts[2].messages == [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Fix: input 2 {braces}"},
        ]
        assert prompts[2].reference == "answer 2"


def test_max_prompts_and_seeded_shuffle(tmp_path):
    path = _write_all(tmp_path)[0]
    a = load_prompts(path, _settings(), max_prompts=3, shuffle_seed=1)
    b = load_prompts(path, _settings(), max_prompts=3, shuffle_seed=1)
    assert [p.prompt_id for p in a] == [p.prompt_id for p in b] and len(a) == 3
    assert [p.prompt_id for p in load_prompts(path, _settings(id_field=None))][:2] == [
        "row-000000",
        "row-000001",
    ]


def test_clear_errors(tmp_path):
    path = _write_all(tmp_path)[0]
    with pytest.raises(DataError, match=r"no field 'text'.*data.input_field"):
        load_prompts(path, _settings(input_field="text"))
    with pytest.raises(DataError, match="no field 'ref'"):
        load_prompts(path, _settings(reference_field="ref"), need_reference=True)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": 1}\n{oops\n')
    with pytest.raises(DataError, match=r"bad.jsonl:2"):
        load_prompts(bad, _settings())
    with pytest.raises(DataError, match="no such file"):
        load_prompts(tmp_path / "missing.jsonl", _settings())
    with pytest.raises(DataError, match="unknown format"):
        (tmp_path / "x.txt").write_text("hi")
        load_prompts(tmp_path / "x.txt", _settings())
