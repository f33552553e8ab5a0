"""The transformers backend prefills each prompt once and shares its KV cache across its k samples, drops
finished samples from the batch, and still samples exactly what plain ``model.generate(num_return_sequences=k)``
samples for the same seed (on the packaged student, with and without a LoRA adapter, and through generate()
itself when the model's generation config asks for more than temperature and top-p)."""

from __future__ import annotations

import pytest

from rankdistill.generation.hf import HFGenerator, stop_token_ids, to_completion
from rankdistill.recipe import load_recipe

# different lengths, so the batch is left-padded; short answers and long ones, so samples end at different steps
PROMPTS = [
    "Reply with the single word yes.",
    "Correct this sentence: she go to school every days because she like her teacher.",
    "What is 2 + 2? Answer with the number only.",
    "Write a long story about a dragon.",
]


@pytest.fixture(scope="module")
def student():
    from rankdistill.models import load_base_model, load_tokenizer

    recipe = load_recipe("gec-smollm2-small", {"student.dtype": "float32"})
    return load_base_model(recipe.student), load_tokenizer(recipe.student)


def plain_samples(model, tok, messages, k, seed, **kw):
    """The reference: one batched generate() with num_return_sequences=k (it prefills every prompt k times)."""
    import torch

    gen = HFGenerator(model, tok)
    enc = gen._encode(messages)
    torch.manual_seed(seed)
    with torch.inference_mode():
        out = model.generate(
            **enc, do_sample=True, num_return_sequences=k, top_k=0, pad_token_id=tok.pad_token_id, **kw
        )
    eos = stop_token_ids(model.generation_config.eos_token_id, tok)
    rows = out[:, enc["input_ids"].shape[1] :].tolist()
    return [[to_completion(ids, eos, tok) for ids in rows[i * k : (i + 1) * k]] for i in range(len(messages))]


def _messages():
    return [[{"role": "user", "content": p}] for p in PROMPTS]


@pytest.mark.parametrize("seed", [0, 7])
def test_samples_equal_plain_generate_token_for_token(student, seed):
    model, tok = student
    kw = dict(max_new_tokens=40, temperature=0.8, top_p=0.95)  # long enough for some samples to end early
    ours = HFGenerator(model, tok).generate(_messages(), k=3, seed=seed, **kw)
    reference = plain_samples(model, tok, _messages(), 3, seed, **kw)
    assert ours == reference
    assert len({c.text for cands in ours for c in cands}) > 3  # really sampled, not one answer repeated


def test_samples_equal_plain_generate_with_a_lora_adapter(student):
    import torch
    from peft import LoraConfig, get_peft_model

    from rankdistill.models import load_base_model

    base = load_base_model(load_recipe("gec-smollm2-small", {"student.dtype": "float32"}).student)
    torch.manual_seed(1)
    model = get_peft_model(base, LoraConfig(r=8, target_modules="all-linear", init_lora_weights=False))
    model.eval()
    tok = student[1]
    ours = HFGenerator(model, tok).generate(_messages(), k=2, seed=3, max_new_tokens=12)
    assert ours == plain_samples(model, tok, _messages(), 2, 3, max_new_tokens=12)


def test_generation_config_extras_go_through_generate_and_still_match(student):
    model, tok = student
    config = model.generation_config
    config.repetition_penalty = 1.3  # a logits processor the sampling loop does not apply
    try:
        ours = HFGenerator(model, tok).generate(_messages(), k=2, seed=5, max_new_tokens=12)
        assert ours == plain_samples(model, tok, _messages(), 2, 5, max_new_tokens=12)
    finally:
        del config.repetition_penalty


def test_each_prompt_is_prefilled_once_and_finished_samples_leave_the_batch(student):
    """The longest forward pass (the prefill) runs on one row per prompt, not k; decoding steps run one token
    per row, on fewer rows once samples have ended."""
    model, tok = student
    shapes = []
    hook = model.model.register_forward_pre_hook(
        lambda mod, args, kwargs: shapes.append(tuple(kwargs["input_ids"].shape)), with_kwargs=True
    )
    try:
        out = HFGenerator(model, tok).generate(_messages(), k=4, seed=0, max_new_tokens=40)
    finally:
        hook.remove()
    prefill = max(shapes, key=lambda s: s[1])
    assert prefill[0] == len(PROMPTS) and prefill[1] > 10
    decode = [s for s in shapes if s != prefill]
    assert all(s[1] == 1 for s in decode) and decode[0][0] == len(PROMPTS) * 4
    assert any(c.finish_reason == "stop" for cands in out for c in cands)
    assert min(s[0] for s in decode) < len(PROMPTS) * 4  # finished samples were dropped


def test_greedy_answers_equal_plain_generate_and_finished_answers_leave_the_batch(student):
    """Evaluation's greedy answers: generate(do_sample=False)'s, token for token, but a batch no longer runs
    until its longest answer ends (the untrained student's rambling answers kept every short one computing)."""
    import torch

    model, tok = student
    gen = HFGenerator(model, tok)
    enc = gen._encode(_messages())
    with torch.inference_mode():
        out = model.generate(**enc, do_sample=False, max_new_tokens=40, pad_token_id=tok.pad_token_id)
    eos = stop_token_ids(model.generation_config.eos_token_id, tok)
    reference = [[to_completion(ids, eos, tok)] for ids in out[:, enc["input_ids"].shape[1] :].tolist()]
    rows = []
    hook = model.model.register_forward_pre_hook(
        lambda mod, args, kwargs: rows.append(kwargs["input_ids"].shape[0]), with_kwargs=True
    )
    try:
        ours = gen.generate(_messages(), greedy=True, max_new_tokens=40)
    finally:
        hook.remove()
    assert ours == reference
    assert {c.finish_reason for cands in ours for c in cands} == {"stop", "length"}  # some end early
    assert min(rows) < len(PROMPTS)  # and those left the batch


@pytest.mark.parametrize("stop", [["e"], ["in"]])
def test_stop_strings_end_samples_where_generate_ends_them(student, stop):
    """Stop strings end sampled answers where plain generate()'s StopStringCriteria ends them (the token count
    too), not only with their text cut afterwards: a one-character one ('e', frequent: most samples stop early on
    it) in the sampling loop, at the token holding it; a longer one, which can span tokens, through generate()."""
    import torch

    model, tok = student
    ours = HFGenerator(model, tok, stop=(set(), stop)).generate(_messages(), k=2, seed=4, max_new_tokens=24)
    gen = HFGenerator(model, tok)
    enc = gen._encode(_messages())
    torch.manual_seed(4)
    with torch.inference_mode():
        out = model.generate(
            **enc, do_sample=True, num_return_sequences=2, top_k=0, pad_token_id=tok.pad_token_id,
            max_new_tokens=24, stop_strings=stop, tokenizer=tok,
        )  # fmt: skip
    eos = stop_token_ids(model.generation_config.eos_token_id, tok)
    rows = out[:, enc["input_ids"].shape[1] :].tolist()
    reference = [[to_completion(ids, eos, tok, stop) for ids in rows[i * 2 : (i + 1) * 2]] for i in range(4)]
    assert ours == reference
    assert sum(c.finish_reason == "stop" and c.num_tokens < 24 for cands in ours for c in cands) >= 4


def test_a_newline_stop_ends_greedy_answers_at_their_first_line_and_they_leave_the_batch(student):
    """generation.stop: ["\\n"] (a one-line task's answers): evaluation's greedy answers are the first line of
    what the model would write, stop at the token holding the newline (the token count of generate() with the
    same stop string), and leave the batch there -- the untrained base model's rambling no longer runs on."""
    import torch

    model, tok = student
    messages = [*_messages(), [{"role": "user", "content": "Name three colours, one per line."}]]
    free = HFGenerator(model, tok).generate(messages, greedy=True, max_new_tokens=40)
    gen = HFGenerator(model, tok, stop=(set(), ["\n"]))
    enc = gen._encode(messages)
    with torch.inference_mode():
        out = model.generate(
            **enc, do_sample=False, max_new_tokens=40, pad_token_id=tok.pad_token_id,
            stop_strings=["\n"], tokenizer=tok,
        )  # fmt: skip
    eos = stop_token_ids(model.generation_config.eos_token_id, tok)
    rows = out[:, enc["input_ids"].shape[1] :].tolist()
    reference = [[to_completion(ids, eos, tok, ["\n"])] for ids in rows]
    seen = []
    hook = model.model.register_forward_pre_hook(
        lambda mod, args, kwargs: seen.append(kwargs["input_ids"].shape[0]), with_kwargs=True
    )
    try:
        ours = gen.generate(messages, greedy=True, max_new_tokens=40)
    finally:
        hook.remove()
    assert ours == reference
    cut = [(a[0], b[0]) for a, b in zip(ours, free, strict=True) if "\n" in b[0].text]
    assert cut  # some free answer runs over more than one line
    for line, whole in cut:
        assert line.text == whole.text.split("\n")[0].strip() and line.finish_reason == "stop"
        assert line.num_tokens < whole.num_tokens
    assert min(seen) < len(messages)  # answers that ended left the batch


@pytest.mark.parametrize("greedy", [True, False])
def test_per_prompt_token_limits_end_their_rows_and_leave_the_others_as_they_were(student, greedy):
    """max_new_tokens_each (an answer budget per prompt): a prompt's rows end at its own limit, as if the batch had
    run with that max_new_tokens (the same tokens, finish_reason "length" when cut), they leave the batch there,
    and the other prompts' answers are what they are without limits, token for token (samples too: the loop
    draws every row's random numbers whether it has finished or not)."""
    model, tok = student
    kw = dict(k=2, seed=3, greedy=greedy, temperature=0.8)
    free = HFGenerator(model, tok).generate(_messages(), max_new_tokens=24, **kw)
    short = HFGenerator(model, tok).generate(_messages(), max_new_tokens=3, **kw)
    rows = []
    hook = model.model.register_forward_pre_hook(
        lambda mod, args, kwargs: rows.append(kwargs["input_ids"].shape[0]), with_kwargs=True
    )
    try:
        ours = HFGenerator(model, tok).generate(
            _messages(), max_new_tokens=24, max_new_tokens_each=[3, 24, 3, 99], **kw
        )  # 99: never more than max_new_tokens
    finally:
        hook.remove()
    assert [ours[1], ours[3]] == [free[1], free[3]]
    assert [ours[0], ours[2]] == [short[0], short[2]]
    assert all(c.num_tokens <= 3 for c in ours[0] + ours[2]) and max(c.num_tokens for c in ours[3]) <= 24
    cut = [c for c in ours[0] + ours[2] if c.finish_reason == "length"]
    assert cut and all(c.num_tokens == 3 for c in cut)  # a cut answer says so, as at max_new_tokens
    assert any(f.num_tokens > 3 for f in free[0] + free[2])  # the limit did cut something
    per_prompt = 1 if greedy else 2
    # after 3 tokens the limited prompts' rows left the batch (but one padded row, kept as the anchor)
    assert min(rows[4:]) <= 2 * per_prompt + 1


def test_per_prompt_token_limits_hold_through_generate_too(student):
    """When the model's generation config sends sampling through generate() (no per-row limit there), each
    prompt's answers are still cut to its own limit: the tokens generate() wrote first."""
    model, tok = student
    config = model.generation_config
    config.repetition_penalty = 1.3  # a logits processor the sampling loop does not apply
    try:
        ours = HFGenerator(model, tok).generate(
            _messages(), k=2, seed=5, max_new_tokens=12, max_new_tokens_each=[2, 12, 2, 12]
        )
        free = HFGenerator(model, tok).generate(_messages(), k=2, seed=5, max_new_tokens=12)
        short = HFGenerator(model, tok).generate(_messages(), k=2, seed=5, max_new_tokens=2)
    finally:
        del config.repetition_penalty
    assert [ours[1], ours[3]] == [free[1], free[3]] and [ours[0], ours[2]] == [short[0], short[2]]
