"""TRL's fused LM head as CPU training runs it: only the labelled positions scored, the logits kept for the
backward (``dense_logprobs``).
"""

from __future__ import annotations

from typing import Any


def score_labelled_positions_only() -> None:
    """Make TRL's fused LM head (DPO, SFT) score only the positions it trains on, on CPU too, and there with one
    matmul whose logits the backward reuses (``dense_logprobs``).

    Off Triton devices TRL scores every position -- prompt and padding included -- so that tile shapes stay fixed
    for graph compilers (Neuron), and folds each [tokens, 32768] tile with a dozen full-tile torch ops. Eager CPU
    training recompiles nothing, and the prompt is most of a short answer's tokens (a default-recipe GEC pair:
    ~60 prompt tokens, ~15 answer tokens), so CPU steps spent most of their LM-head time on positions whose
    log-probabilities are then zeroed. Scoring the labelled positions only is what TRL does on CUDA; the values
    are the same. A no-op if TRL's internals moved (then nothing is patched).
    """
    try:
        import trl.trainer.utils as trl_utils
        from trl.kernels.chunked_logprob import _use_triton
    except ImportError:
        return
    if getattr(trl_utils, "_use_triton", None) is _use_triton:  # decides only which positions are scored
        trl_utils._use_triton = lambda device: device.type == "cpu" or _use_triton(device)
    chunked = getattr(trl_utils, "_ChunkedLogProbFunction", None)
    if chunked is not None and not getattr(chunked, "dense_on_cpu", False):
        trl_utils._ChunkedLogProbFunction = dense_logprobs(chunked)


# The largest [tokens, vocabulary] float32 logits dense_logprobs keeps for the backward (512 MB); more tokens go to
# TRL's tiles, which compute them again. Vocabulary columns per tile: tiles that stay in cache while folded (the
# LM head's matmul ran fastest in tiles of 8192 columns: 84 GFLOP/s against 51 in one [90, 262144] product).
DENSE_LOGITS_MAX, DENSE_TILE = 2**27, 8192


def dense_logprobs(chunked: Any) -> Any:
    """TRL's ``ChunkedLogProbFunction`` (per-token log-probabilities of ``hidden @ weight.T`` and optional
    entropy, log Σp², mean logit, is-top-1) as CPU training runs it: the logits kept for the backward.

    TRL's function computes the [tokens, vocabulary] logits twice per step (the forward, and again in the backward
    before the input-gradient matmul), folding each [tokens, 32768] tile with a dozen elementwise torch ops written
    to stand for its GPU kernel. On CPU with a large vocabulary that was half of an SFT step of Gemma 3 270M (262k
    tokens: the LM head 1.6 s of a 3.1 s step, torch profiler; ``benchmarks/sft_step.py``). Here each tile of
    ``DENSE_TILE`` columns is computed once, folded while it is in cache (max, Σexp and what the outputs need),
    and kept; the backward turns each kept tile into its softmax gradient in place and adds its share of the
    input gradient: one matmul forward, one backward (0.59 s against TRL's 1.02 s for 90 tokens, 1.8 s against
    4.7 s for 300). Used on CPU for a frozen head without bias or soft-capping (LoRA on a tied head: every student
    here) whose logits fit ``DENSE_LOGITS_MAX``; anything else goes to TRL's own function. The values are TRL's
    (tests/test_train_speed.py).
    """
    import torch

    class DenseLogProbs(torch.autograd.Function):
        @staticmethod
        def forward(ctx, hidden, weight, bias, targets, temperature, chunk_size, softcap=None, scale=1.0,
                    outputs=("log_probs",)):  # noqa: ANN001  # fmt: skip
            n, vocab = hidden.shape[0], weight.shape[0]
            h, factor = hidden.float(), scale / temperature
            tiles, maxes, firsts, sums, ez, ee, totals = [], [], [], [], [], [], []
            target_logit = torch.zeros(n, device=h.device)
            for start in range(0, vocab, DENSE_TILE):
                end = min(start + DENSE_TILE, vocab)
                z = torch.mm(h, weight[start:end].float().t())
                if factor != 1.0:
                    z.mul_(factor)
                m, first = z.max(-1)
                e = torch.exp(z - m.unsqueeze(1))
                sums.append(e.sum(-1))
                if "entropy" in outputs:
                    ez.append(torch.linalg.vecdot(e, z))
                if "log_sum_sq_probs" in outputs:
                    ee.append(torch.linalg.vecdot(e, e))
                if "mean_logits" in outputs:
                    totals.append(z.sum(-1))
                local = targets - start
                inside = (local >= 0) & (local < end - start)
                here = z.gather(1, local.clamp(0, end - start - 1).unsqueeze(1)).squeeze(1)
                target_logit = torch.where(inside, here, target_logit)
                maxes.append(m)
                firsts.append(first + start)
                tiles.append(z)
            m = torch.stack(maxes, 1)  # [tokens, tiles]: each tile's max, then the rows' log Σexp from them
            top = m.amax(1, keepdim=True)
            w = torch.exp(m - top)
            total = (w * torch.stack(sums, 1)).sum(1)
            log_z = top.squeeze(1) + torch.log(total)
            logprobs = target_logit - log_z
            entropy = log_z - (w * torch.stack(ez, 1)).sum(1) / total if ez else None  # log Z − Σ p·z
            log_sum_sq = torch.log((w * w * torch.stack(ee, 1)).sum(1)) - 2 * torch.log(total) if ee else None
            mean = torch.stack(totals, 1).sum(1) / vocab if totals else None
            top1 = None
            if "is_top1" in outputs:  # the first maximum, as TRL counts it
                top1 = torch.stack(firsts, 1).gather(1, m.argmax(1, keepdim=True)).squeeze(1) == targets
            ctx.mark_non_differentiable(*(x for x in (log_sum_sq, mean, top1) if x is not None))
            ctx.save_for_backward(weight)
            # kept as attributes, not saved tensors: the backward turns them into the gradient in place
            ctx.tiles, ctx.log_z, ctx.entropy, ctx.targets = tiles, log_z, entropy, targets
            ctx.factor, ctx.hidden_dtype = factor, hidden.dtype
            return logprobs, entropy, log_sum_sq, mean, top1  # float32, as TRL's

        @staticmethod
        def backward(ctx, grad_logprobs, grad_entropy, *_):  # noqa: ANN001
            (weight,) = ctx.saved_tensors
            tiles, ctx.tiles = ctx.tiles, None  # used once
            if grad_logprobs is None and grad_entropy is None:
                return (None,) * 9
            n = ctx.log_z.shape[0]
            grad_hidden = torch.zeros(n, weight.shape[1], device=weight.device)
            log_z, rows = ctx.log_z.unsqueeze(1), torch.arange(n, device=weight.device)
            for i, z in enumerate(tiles):
                start = i * DENSE_TILE
                end = start + z.shape[1]
                log_p = z.sub_(log_z)
                grad = None
                if grad_entropy is not None:  # d entropy / dz_j = −p_j (log p_j + entropy)
                    grad = (log_p + ctx.entropy.unsqueeze(1)).mul_(log_p.exp())
                    grad.mul_(-grad_entropy.float().unsqueeze(1))
                p = log_p.exp_()
                if grad_logprobs is not None:  # d log p_target / dz_j = 1[j = target] − p_j
                    g = grad_logprobs.float()
                    p.mul_(-g.unsqueeze(1))
                    local = ctx.targets - start
                    inside = (local >= 0) & (local < end - start)
                    p.index_put_((rows[inside], local[inside]), g[inside], accumulate=True)
                    grad = p if grad is None else grad.add_(p)
                if ctx.factor != 1.0:
                    grad.mul_(ctx.factor)
                grad_hidden.addmm_(grad, weight[start:end].float())
            return grad_hidden.to(ctx.hidden_dtype), None, None, None, None, None, None, None, None

    class Dispatch:
        dense_on_cpu = True
        original = chunked

        @staticmethod
        def apply(hidden, weight, bias, targets, temperature, chunk_size, softcap=None, scale=1.0,
                  outputs=("log_probs",)):  # noqa: ANN001  # fmt: skip
            dense = (
                hidden.device.type == "cpu"
                and bias is None
                and softcap is None
                and not weight.requires_grad
                and hidden.shape[0] * weight.shape[0] <= DENSE_LOGITS_MAX
            )
            fn = DenseLogProbs if dense else chunked
            return fn.apply(hidden, weight, bias, targets, temperature, chunk_size, softcap, scale, outputs)

    return Dispatch
