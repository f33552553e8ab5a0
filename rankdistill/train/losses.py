"""Pure loss functions (tensors in, tensors out), each with its paper's equation; tested against hand arithmetic."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from torch import Tensor


def mean_completion_logps(logits: Tensor, labels: Tensor, ignore_index: int = -100) -> Tensor:
    """Length-normalised log-probability of each sequence's completion tokens.

    p_i = (1/|y_i|) Σ_t log π(y_i,t | x, y_<t), over the positions where ``labels`` is not ``ignore_index``
    (prompt and padding are masked out). ``logits`` [N, T, V] predict ``labels`` [N, T] shifted by one.
    """
    import torch

    logits = logits[:, :-1, :]
    labels = labels[:, 1:]
    mask = labels != ignore_index
    safe = labels.masked_fill(~mask, 0)
    # log_softmax in fp32: bf16 log-probs of a 49k vocabulary lose the differences the ranking needs
    token_logps = torch.gather(logits.float().log_softmax(-1), 2, safe.unsqueeze(-1)).squeeze(-1)
    lengths = mask.sum(-1).clamp(min=1)
    return (token_logps * mask).sum(-1) / lengths


def rrhf_rank_loss(mean_logps: Tensor, scores: Tensor) -> Tensor:
    """RRHF's ranking loss (Yuan et al., 2023, eq. 2), averaged over the B prompts of a batch.

    L_rank = Σ_{s_i < s_j} max(0, p_i − p_j)

    ``mean_logps`` [B, K] holds p_i (length-normalised log-probs of the K candidates of each prompt),
    ``scores`` [B, K] the judge's scores s_i (higher is better). Within each prompt every pair where candidate
    i scored strictly below candidate j adds the amount by which the model still prefers i. Equal scores add
    nothing, and a NaN score (the judge abstained) takes the candidate out of every pair. Unlike the reference
    implementation, which compares every candidate only with the first, all K(K−1)/2 pairs count, as the
    paper's equation says.
    """
    import torch

    scores = scores.to(mean_logps.device, torch.float32)
    valid = ~torch.isnan(scores)
    # worse[b, i, j]: s_i < s_j, both scored (comparisons with NaN are False already; the mask says so plainly)
    worse = (scores.unsqueeze(2) < scores.unsqueeze(1)) & valid.unsqueeze(2) & valid.unsqueeze(1)
    gap = mean_logps.unsqueeze(2) - mean_logps.unsqueeze(1)  # gap[b, i, j] = p_i - p_j
    per_prompt = (gap.clamp(min=0) * worse).sum(dim=(1, 2))
    return per_prompt.mean()


def best_candidate_index(scores: Tensor) -> Tensor:
    """Index of the best-scored candidate of each prompt (NaN never wins; the first of equals does)."""
    import torch

    return torch.nan_to_num(scores.float(), nan=float("-inf")).argmax(dim=1)
