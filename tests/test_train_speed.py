"""The training speed-ups change no number: RRHF's log-probabilities from the completion positions' logits
only, and TRL's fused LM head scoring only labelled positions on CPU, give what the full computation gives."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")


def tiny_llama(vocab: int = 64):
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=vocab, hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, max_position_embeddings=64, tie_word_embeddings=True,
    )  # fmt: skip
    return LlamaForCausalLM(config).eval()


def batch_with_prompts_of_different_lengths(vocab: int = 64):
    """Right-padded: prompts of 9 and 5 tokens, completions of 4 and 6 (labels -100 on prompt and padding)."""
    torch.manual_seed(1)
    rows = [(9, 4), (5, 6), (9, 0)]  # the last: a padding candidate with no completion tokens
    width = max(p + c for p, c in rows)
    ids = torch.randint(1, vocab, (len(rows), width))
    mask = torch.zeros_like(ids)
    labels = torch.full_like(ids, -100)
    for i, (p, c) in enumerate(rows):
        mask[i, : p + c] = 1
        labels[i, p : p + c] = ids[i, p : p + c]
    return {"input_ids": ids, "attention_mask": mask, "labels": labels, "scores": torch.zeros(1, len(rows))}


def test_rrhf_logps_from_completion_logits_equal_the_full_logits():
    from rankdistill.train.losses import mean_completion_logps
    from rankdistill.train.rrhf import candidate_logps

    model, batch = tiny_llama(), batch_with_prompts_of_different_lengths()
    full = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
    expected = mean_completion_logps(full, batch["labels"]).view(1, -1)
    got = candidate_logps(model, batch)
    assert torch.allclose(got, expected, atol=1e-6)
    assert got[0, 2] == 0  # no completion tokens: nothing to average


def test_trl_fused_head_scores_only_labelled_positions_with_the_same_values(monkeypatch):
    import trl.trainer.utils as trl_utils
    from trl.kernels.chunked_logprob import _use_triton as unpatched
    from trl.trainer.utils import add_fused_lm_head

    from rankdistill.train import common

    # an in-process training earlier in the session may have patched TRL already: start from TRL's own choice
    monkeypatch.setattr(trl_utils, "_use_triton", unpatched)  # undone after the test
    model, batch = tiny_llama(), batch_with_prompts_of_different_lengths()
    add_fused_lm_head(model, outputs=("log_probs", "entropy", "mean_logits", "is_top1"))
    kw = dict(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=batch["labels"])

    def run():
        seen = []
        original = trl_utils._ChunkedLogProbFunction.apply
        monkeypatch.setattr(
            trl_utils._ChunkedLogProbFunction,
            "apply",
            lambda h, *a: seen.append(h.shape[0]) or original(h, *a),
        )
        out = model(**kw, fused_lm_head=True)
        return out, seen[0]

    before, scored_before = run()
    common.score_labelled_positions_only()
    after, scored_after = run()
    labelled = int((batch["labels"][:, 1:] != -100).sum())
    assert scored_before == batch["labels"][:, 1:].numel() and scored_after == labelled
    for name in ("log_probs", "entropy", "mean_logits", "is_top1"):
        assert torch.allclose(getattr(after, name).float(), getattr(before, name).float(), atol=1e-5), name


@pytest.mark.parametrize("temperature", [1.0, 0.7])
def test_dense_cpu_head_gives_trl_values_and_gradients(temperature):
    """The LM head as CPU training runs it (one matmul, its logits kept for the backward) returns TRL's
    log-probabilities, entropy, log Σp², mean logit and top-1 flags, and the same gradient for the hidden states
    -- through the log-probabilities and through an entropy term -- as TRL's tiles."""
    from trl.kernels import ChunkedLogProbFunction

    from rankdistill.train.common import dense_logprobs

    torch.manual_seed(2)
    hidden, weight = torch.randn(7, 16), torch.randn(300, 16)
    targets = torch.randint(0, 300, (7,))
    targets[0] = int((hidden[0] @ weight.t()).argmax())  # one position whose target is the top token
    outputs = ("log_probs", "entropy", "log_sum_sq_probs", "mean_logits", "is_top1")
    results = []
    for fn in (ChunkedLogProbFunction, dense_logprobs(ChunkedLogProbFunction)):
        h = hidden.clone().requires_grad_()
        out = fn.apply(h, weight, None, targets, temperature, 128, None, 1.0, outputs)
        (out[0] * torch.linspace(0.5, 2.0, 7)).sum().add(0.3 * out[1].sum()).backward()
        results.append((out, h.grad))
    (trl, trl_grad), (dense, dense_grad) = results
    for name, a, b in zip(outputs, trl, dense, strict=True):
        assert torch.allclose(a.float(), b.float(), atol=1e-5), name
    assert bool(dense[4][0])  # the top token counted as top-1
    assert torch.allclose(dense_grad, trl_grad, atol=1e-5)


def test_dense_cpu_head_leaves_a_trained_head_to_trl():
    """A head whose weight trains needs its weight gradient, which only TRL's function computes."""
    from trl.kernels import ChunkedLogProbFunction

    from rankdistill.train.common import dense_logprobs

    torch.manual_seed(3)
    hidden, weight = torch.randn(5, 8), torch.randn(40, 8).requires_grad_()
    out = dense_logprobs(ChunkedLogProbFunction).apply(
        hidden, weight, None, torch.randint(0, 40, (5,)), 1.0, 16, None, 1.0, ("log_probs",)
    )
    out[0].sum().backward()
    assert weight.grad is not None and weight.grad.abs().sum() > 0
