"""Every loop we wrote makes its tensors on the device of the tensors it meets, checked on a CPU-only machine.

The model and its inputs stay on the CPU while torch's default device is meta (tests/devices.py): a tensor made
without ``device=`` is then a meta tensor and the code fails where, on a GPU, it would have mixed CPU and CUDA
tensors (the crash the first H200 run hit in the sampling loop). Library code (transformers' forward, peft, TRL's
trainers) is outside the meta block where it makes tensors of its own; what runs inside is ours, around the
model's forward. The sampling loop's host syncs per generated token are counted here too.
"""

from __future__ import annotations

import sys

import pytest
from devices import tensors_default_to_meta

from rankdistill.recipe import load_recipe

MESSAGES = [
    [{"role": "user", "content": "Reply with the single word yes."}],  # ends after a few tokens
    [{"role": "user", "content": "Correct this sentence: she go to school every days."}],
    [{"role": "user", "content": "Write a long story about a dragon."}],  # runs to the limit
]


def test_the_meta_default_catches_a_tensor_made_without_a_device_and_is_restored():
    import torch

    weights = torch.ones(3)  # "the model's", on the CPU
    with tensors_default_to_meta():
        with pytest.raises(RuntimeError, match="meta"):
            _ = weights + torch.zeros(3)  # made without a device: the bug class
        assert float((weights + torch.zeros(3, device=weights.device)).sum()) == 3.0  # made beside it: fine
    assert torch.zeros(1).device.type == "cpu"  # the default is back


# --- generation: the packaged student ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def student():
    from rankdistill.models import load_base_model, load_tokenizer

    recipe = load_recipe("gec-smollm2-small", {"student.dtype": "float32"})
    return load_base_model(recipe.student), load_tokenizer(recipe.student)


def _loop(gen, enc, greedy: bool, max_new_tokens: int = 16, stop_at_period: bool = True):
    import torch

    from rankdistill.generation.hf import stop_token_ids

    # a full stop ends an answer too: the untrained student's greedy answers run on past EOS, and the loop's
    # paths for finished rows (masking, compaction) must run
    eos = stop_token_ids(gen.model.generation_config.eos_token_id, gen.tokenizer)
    if stop_at_period:
        eos |= {gen.tokenizer.convert_tokens_to_ids(".")}
    torch.manual_seed(3)
    with torch.inference_mode():
        return gen._sample_loop(enc, 1 if greedy else 2, 0.8, 0.95, max_new_tokens, eos, greedy=greedy)


@pytest.mark.integration  # the packaged student
@pytest.mark.parametrize("sync_every", [1, 8])
@pytest.mark.parametrize("greedy", [True, False], ids=["greedy", "sampled"])
def test_sampling_loop_and_prefill_make_their_tensors_beside_the_inputs(student, greedy, sync_every):
    from rankdistill.generation.hf import HFGenerator

    model, tok = student
    gen = HFGenerator(model, tok)
    gen.sync_every = sync_every  # 8: the CUDA schedule, run on the CPU
    enc = gen._encode(MESSAGES)  # on the model's device, before the meta default
    expected = _loop(gen, enc, greedy)
    with tensors_default_to_meta():
        got = _loop(gen, enc, greedy)
    assert got == expected
    assert any(row[-1] == tok.pad_token_id for row in got)  # some ended early


class HostReads:
    """Counts what makes the host wait for the device, by the sampling loop itself (not the model's forward):
    reading a value (item, bool, int, tolist), nonzero(), and indexing with a boolean mask (a hidden nonzero)."""

    def __init__(self, monkeypatch):
        import torch
        from torch.utils._python_dispatch import TorchDispatchMode

        self.count = 0
        counter = self
        aten = torch.ops.aten
        waits = {aten._local_scalar_dense.default, aten.nonzero.default}

        class Mode(TorchDispatchMode):
            def __torch_dispatch__(self, func, types, args=(), kwargs=None):
                boolean_index = func in (aten.index.Tensor, aten.index_put_.default) and any(
                    i is not None and i.dtype == torch.bool for i in args[1]
                )
                if (func in waits or boolean_index) and counter._ours():
                    counter.count += 1
                return func(*args, **(kwargs or {}))

        tolist = torch.Tensor.tolist

        def counted_tolist(t):
            if counter._ours():
                counter.count += 1
            return tolist(t)

        monkeypatch.setattr(torch.Tensor, "tolist", counted_tolist)
        self.mode = Mode()

    @staticmethod
    def _ours() -> bool:
        """True if the nearest frame of rankdistill or transformers is the sampling loop's (hf.py)."""
        frame = sys._getframe(2)
        while frame is not None:
            name = frame.f_code.co_filename
            if "/transformers/" in name:
                return False
            if "/rankdistill/" in name:
                return name.endswith("generation/hf.py")
            frame = frame.f_back
        return False


@pytest.mark.integration  # the packaged student
def test_on_cuda_the_loop_asks_the_device_every_8_tokens_not_every_token(student, monkeypatch):
    """Host reads by the loop for 24 greedy tokens: about one per token on the CPU schedule; on the CUDA schedule
    the anchor row (2), one per 8 tokens, compactions (a nonzero each) and the final read of the answers."""
    from rankdistill.generation.hf import HFGenerator

    model, tok = student
    counts = {}
    for every in (1, 8):
        gen = HFGenerator(model, tok)
        gen.sync_every = every
        enc = gen._encode(MESSAGES[2:] * 3)  # a long answer: the loop runs all 24 steps
        reads = HostReads(monkeypatch)
        with reads.mode:
            out = _loop(gen, enc, greedy=True, max_new_tokens=24, stop_at_period=False)
        assert all(t != tok.pad_token_id for t in out[0])  # no early end: 24 steps ran
        counts[every] = reads.count
    assert counts[1] >= 24
    assert counts[8] <= 2 + 24 // 8 + 1 + 1  # anchor, checks, at most one compaction (none here), the answers


@pytest.mark.integration  # the packaged student
def test_the_cuda_schedule_samples_what_generate_samples(student):
    """Checking for finished rows every 8 tokens (CUDA's schedule, run on the CPU) changes no token: sampled
    and greedy answers equal plain generate()'s."""
    import torch
    from test_generation_hf import _messages, plain_samples

    from rankdistill.generation.hf import HFGenerator, stop_token_ids, to_completion

    model, tok = student
    gen = HFGenerator(model, tok)
    gen.sync_every = 8
    kw = dict(max_new_tokens=20, temperature=0.8, top_p=0.95)
    assert gen.generate(_messages(), k=2, seed=7, **kw) == plain_samples(model, tok, _messages(), 2, 7, **kw)
    enc = gen._encode(_messages())
    with torch.inference_mode():
        out = model.generate(**enc, do_sample=False, max_new_tokens=20, pad_token_id=tok.pad_token_id)
    eos = stop_token_ids(model.generation_config.eos_token_id, tok)
    greedy = [[to_completion(ids, eos, tok)] for ids in out[:, enc["input_ids"].shape[1] :].tolist()]
    assert gen.generate(_messages(), greedy=True, max_new_tokens=20) == greedy


@pytest.mark.integration  # the packaged student
def test_auto_batch_size_keeps_the_cpu_defaults(student):
    from rankdistill.generation.hf import HFGenerator

    gen = HFGenerator(*student)
    assert gen.auto_batch_size(MESSAGES, 1, 48, greedy=True) == 32  # the CPU defaults, as before 'auto'
    assert gen.auto_batch_size(MESSAGES, 4, 48, greedy=False) == 16


def test_on_a_gpu_auto_batches_as_many_prompts_as_the_memory_holds():
    from transformers import AutoConfig

    from rankdistill.generation.hf import prompts_that_fit
    from rankdistill.models import resolve_student

    config = AutoConfig.from_pretrained(resolve_student("smollm2-135m-instruct"))
    # SmolLM2-135M in bf16 (30 layers, 3 KV heads of 64): 23,040 bytes of KV cache per token; a prompt of 100
    # tokens + 48 new ones is 3.4 MB per row, plus 49,152 x 18 bytes of vocabulary rows per step
    per_row = 23_040 * 148 + 49_152 * 18
    prefill = 100 * (6 * 576 + 3 * 1536) * 2 + 9 * 100**2 * 4
    assert prompts_that_fit(config, 10 * (per_row + prefill), 100, 48, 1, 2) == 10
    assert prompts_that_fit(config, 10 * (4 * per_row + prefill) - 1, 100, 48, 4, 2) == 9
    half_an_h200 = (141 * 10**9 - 270 * 10**6) // 2
    assert prompts_that_fit(config, half_an_h200, 100, 48, 4, 2) > 240  # the whole test set, one call


# --- training and judging: a tiny random-weight Llama ---------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from tiny_models import build_base_model

    return build_base_model(tmp_path_factory.mktemp("tiny") / "base")


LISTS = [
    ("She go to school.", ["She goes to school.", "She go to school.", "She went."]),
    ("Yo tengo dos hermano.", ["Yo tengo dos hermanos.", "Yo tengo."]),  # fewer candidates: a NaN pad
]


def _lists_batch(recipe, tokenizer):
    from rankdistill.data import build_messages
    from rankdistill.train.rrhf import encode_lists

    rows = [
        {"prompt": build_messages(recipe.data, x), "completions": c, "scores": [3.0, 1.0, 2.0][: len(c)]}
        for x, c in LISTS
    ]
    with tensors_default_to_meta():  # a collator says where its batch is: on the CPU, whatever the default
        batch = encode_lists(tokenizer, rows, 128)
    assert {v.device.type for v in batch.values()} == {"cpu"}
    return batch


def test_rrhf_and_listwise_dpo_losses_make_their_tensors_beside_the_model(tiny):
    import torch

    from rankdistill.train.common import load_trainable
    from rankdistill.train.dpo_listwise import ranking_accuracy, reference_logps, sequence_logps
    from rankdistill.train.losses import plackett_luce_loss
    from rankdistill.train.rrhf import rrhf_losses

    recipe = load_recipe("gec-smollm2-small", {"student.model": str(tiny), "student.dtype": "float32"})
    model, tokenizer = load_trainable(recipe, None)
    batch = _lists_batch(recipe, tokenizer)
    with tensors_default_to_meta():
        out = rrhf_losses(model, batch, 1.0, 1.0)
        out["loss"].backward()
        policy = sequence_logps(model, batch)
        ref = reference_logps(model, batch)
        loss = plackett_luce_loss(policy, ref, batch["scores"], 0.1)
        loss.backward()
        accuracy = ranking_accuracy(0.1 * (policy.detach() - ref), batch["scores"])
    assert out["logps"].shape == (2, 3) and torch.isfinite(out["loss"]) and torch.isfinite(loss)
    assert 0.0 <= float(accuracy) <= 1.0
    grads = [p.grad for n, p in model.named_parameters() if "lora_A" in n]
    assert grads and all(g is not None and g.device.type == "cpu" for g in grads)


def test_losses_make_their_tensors_beside_their_inputs():
    import torch

    from rankdistill.train import losses

    logits = torch.randn(2, 5, 11, generator=torch.Generator().manual_seed(0))
    labels = torch.tensor([[-100, -100, 3, 4, -100], [-100, 1, 2, 3, 4]])
    scores = torch.tensor([[1.0, float("nan")], [2.0, 1.0]])
    mask = torch.tensor([[0.0, 1, 1, 0], [1, 1, 1, 1]])
    values = torch.randn(2, 4, generator=torch.Generator().manual_seed(1))
    with tensors_default_to_meta():
        p = losses.mean_completion_logps(logits, labels)
        losses.summed_completion_logps(logits, labels)
        losses.rrhf_rank_loss(p.view(1, 2), scores[1:])
        losses.best_candidate_index(scores)
        losses.plackett_luce_loss(p.view(1, 2), p.view(1, 2) * 0.5, scores[1:], 0.1)
        adv, ret = losses.gae_advantages(values * 0.1, values, mask, 0.99, 0.95)
        losses.masked_whiten(adv, mask)
        losses.ppo_policy_loss(values, values.detach() * 0.9, adv, mask, 0.2)
        losses.ppo_value_loss(values, values * 0.9, ret, mask, 0.2)
    assert adv.device.type == "cpu" and ret.device.type == "cpu"


def test_ppo_rollout_rewards_gae_and_update_make_their_tensors_beside_the_model(tiny, tmp_path):
    import torch

    from rankdistill.data import Prompt, build_messages
    from rankdistill.judging import make_judge
    from rankdistill.train.common import JudgeReward
    from rankdistill.train.ppo import CRITIC, POLICY, adapter_params, load_models, ppo_step

    recipe = load_recipe(
        "gec-smollm2-ppo",
        {
            "student.model": str(tiny),
            "student.dtype": "float32",
            "generation.k": 2,
            "generation.max_new_tokens": 6,
            "train.batch_size": 2,
            "train.per_algorithm.ppo.minibatch_size": 2,
            "train.per_algorithm.ppo.ppo_epochs": 1,
        },
    )
    settings = recipe.train.per_algorithm.ppo
    model, head, tokenizer = load_models(recipe, settings, None)
    prompts = [Prompt(f"p{i}", x, build_messages(recipe.data, x), c[0]) for i, (x, c) in enumerate(LISTS)]
    params = [*adapter_params(model, POLICY), *adapter_params(model, CRITIC), *head.parameters()]
    optimizer = torch.optim.AdamW(params, lr=1e-3)
    reward = JudgeReward(make_judge(recipe.judge), recipe.train.per_algorithm.ppo.reward)
    # step 0 outside: torch's AdamW makes its state (a step count) without a device the first time it steps
    ppo_step(recipe, settings, model, head, tokenizer, optimizer, prompts, reward, 0, 0.05)
    before = [p.detach().clone() for p in params]
    with tensors_default_to_meta():
        entry = ppo_step(recipe, settings, model, head, tokenizer, optimizer, prompts, reward, 1, 0.05)
    assert reward.calls == 4 and all(isinstance(v, float | int) for v in entry.values())
    assert any(not torch.equal(a, b.detach()) for a, b in zip(before, params, strict=True))  # it updated


def test_local_judge_scores_with_tensors_beside_the_model(tiny):
    from rankdistill.judging.local import LocalClient
    from rankdistill.models import load_base_model, load_tokenizer

    recipe = load_recipe("gec-smollm2-small", {"student.model": str(tiny), "student.dtype": "float32"})
    backend = LocalClient(str(tiny))
    backend._loaded = (load_tokenizer(recipe.student, padding_side="right"), load_base_model(recipe.student))
    messages = [{"role": "user", "content": "Which answer is better? A or B."}]
    options = ['A"', 'B"', "10}"]  # option lengths differ: the batch is padded
    expected, n = backend.option_logprobs(messages, '{"winner": "', options)
    with tensors_default_to_meta():
        got, _ = backend.option_logprobs(messages, '{"winner": "', options)
    assert got == pytest.approx(expected) and n > 3 and all(x < 0 for x in got)


def test_evaluation_and_the_next_generation_share_one_load_and_training_lets_it_go(tiny, tmp_path):
    """Round r's evaluation and round r+1's generation sample from the same student: loaded once. A load for
    training lets the kept model go first; a retrained adapter (new weights) is loaded anew."""
    import os

    from peft import LoraConfig, get_peft_model

    from rankdistill import models

    student = load_recipe("gec-smollm2-small", {"student.model": str(tiny), "student.dtype": "float32"}).student
    adapter = tmp_path / "adapter"
    get_peft_model(
        models.load_base_model(student), LoraConfig(r=4, target_modules="all-linear")
    ).save_pretrained(adapter)
    evaluated = models.load_policy(student, adapter)
    assert models.load_policy(student, adapter) is evaluated  # the next stage: no second load
    assert models.load_policy(student, None) is not evaluated  # another student: loaded, and kept instead
    trained = models.load_policy(student, adapter, for_training=True)
    assert trained is not evaluated and not models._kept  # training holds the only copy
    again = models.load_policy(student, adapter)
    weights = adapter / "adapter_model.safetensors"
    os.utime(weights, ns=(weights.stat().st_atime_ns, weights.stat().st_mtime_ns + 10**9))  # retrained
    assert models.load_policy(student, adapter) is not again
    models.release_kept_policy()
