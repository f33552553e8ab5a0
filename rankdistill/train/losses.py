"""Pure loss functions (tensors in, tensors out), each with its paper's equation; tested against hand arithmetic."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from torch import Tensor


def completion_token_logps(logits: Tensor, labels: Tensor, ignore_index: int = -100) -> tuple[Tensor, Tensor]:
    """(log π(y_t | x, y_<t) per position, mask of completion tokens), both [N, T−1].

    ``logits`` [N, T, V] predict ``labels`` [N, T] shifted by one; position t of the outputs is the prediction
    of ``labels[:, t+1]``. Positions where the label is ``ignore_index`` (prompt, padding) are 0 in both.
    """
    import torch

    logits = logits[:, :-1, :]
    labels = labels[:, 1:]
    mask = labels != ignore_index
    safe = labels.masked_fill(~mask, 0)
    # log_softmax in fp32: bf16 log-probs of a 49k vocabulary lose the differences the ranking needs
    token_logps = torch.gather(logits.float().log_softmax(-1), 2, safe.unsqueeze(-1)).squeeze(-1)
    return token_logps * mask, mask


def summed_completion_logps(logits: Tensor, labels: Tensor, ignore_index: int = -100) -> Tensor:
    """log π(y|x) = Σ_t log π(y_t | x, y_<t) over each sequence's completion tokens (DPO's sequence log-prob)."""
    token_logps, _ = completion_token_logps(logits, labels, ignore_index)
    return token_logps.sum(-1)


def mean_completion_logps(logits: Tensor, labels: Tensor, ignore_index: int = -100) -> Tensor:
    """Length-normalised log-probability of each sequence's completion tokens.

    p_i = (1/|y_i|) Σ_t log π(y_i,t | x, y_<t), over the positions where ``labels`` is not ``ignore_index``
    (prompt and padding are masked out). ``logits`` [N, T, V] predict ``labels`` [N, T] shifted by one.
    """
    token_logps, mask = completion_token_logps(logits, labels, ignore_index)
    return token_logps.sum(-1) / mask.sum(-1).clamp(min=1)


def two_task_loss(token_nll: Tensor, mask: Tensor, is_rationale: Tensor, alpha: float) -> tuple[Tensor, Tensor, Tensor]:
    """Distilling step-by-step's two-task loss (Hsieh et al., 2023, §3.2; α as in their code), for one batch.

    L = α · L_label + (1 − α) · L_rationale,   L_task = Σ_{rows of the task} Σ_t nll_t · m_t / Σ_{rows of the task} Σ_t m_t

    ``token_nll`` [N, T] holds −log π(y_t | x, y_<t) of N sequences (each an item's label or its rationale),
    ``mask`` [N, T] their completion tokens (prompt and padding out), ``is_rationale`` [N] which task each row
    is. Each task's term is the mean over its own tokens in the batch, so a long rationale does not outweigh its
    short label; a task with no tokens in the batch adds nothing. Returns (L, L_label, L_rationale).
    """
    import torch

    mask = mask.to(token_nll.dtype)
    per_row = (token_nll * mask).sum(-1)
    tokens = mask.sum(-1)
    rationale = is_rationale.to(token_nll.device, torch.bool)

    def mean_of(rows: Tensor) -> Tensor:
        n = tokens[rows].sum()
        return per_row[rows].sum() / n.clamp(min=1)  # 0 (with a gradient path) when the task has no tokens

    label_loss, rationale_loss = mean_of(~rationale), mean_of(rationale)
    return alpha * label_loss + (1 - alpha) * rationale_loss, label_loss, rationale_loss


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


def plackett_luce_loss(policy_logps: Tensor, ref_logps: Tensor, scores: Tensor, beta: float) -> Tensor:
    """Listwise DPO: the Plackett-Luce negative log-likelihood of the judge's ranking (Rafailov et al., 2023,
    appendix A.3), averaged over the prompts that have at least two scored candidates.

    r_i = β (log π(y_i|x) − log π_ref(y_i|x))                       (implicit reward, summed sequence log-probs)
    L   = − Σ_{k=1}^{K} log [ exp(r_τ(k)) / Σ_{j=k}^{K} exp(r_τ(j)) ]  (τ: the ranking, best first)

    ``policy_logps``, ``ref_logps`` and ``scores`` are [B, K]; higher scores are better; a NaN score (the judge
    abstained, or a padding candidate) leaves the candidate out. Ties: the denominator of candidate i holds i
    and every candidate scored strictly below it, i.e. −log [exp(r_i) / (exp(r_i) + Σ_{s_j < s_i} exp(r_j))].
    Without ties that is exactly the sum above; tied candidates never stand in each other's denominator, so a
    tie says nothing about their order (as a tie gives DPO no pair and RRHF no term). At K = 2 without ties
    L = −log σ(r_w − r_l), DPO's sigmoid loss; a tied pair costs 0.
    """
    import torch

    scores = scores.to(policy_logps.device, torch.float32)
    valid = ~torch.isnan(scores)
    r = beta * (policy_logps.float() - ref_logps.float())
    # at_risk[b, i, j]: j is in candidate i's denominator (j is i itself, or scored strictly below i)
    eye = torch.eye(scores.shape[1], dtype=torch.bool, device=scores.device)
    below = scores.unsqueeze(2) > scores.unsqueeze(1)  # False wherever a NaN is involved
    at_risk = (below | eye) & valid.unsqueeze(2) & valid.unsqueeze(1)
    denom = r.unsqueeze(1).expand_as(at_risk).masked_fill(~at_risk, float("-inf")).logsumexp(dim=2)
    terms = torch.where(valid, denom - r, torch.zeros_like(r))  # −log softmax term of each scored candidate
    counted = valid.sum(dim=1) >= 2
    per_prompt = terms.sum(dim=1) * counted
    return per_prompt.sum() / counted.sum().clamp(min=1)


def masked_mean(x: Tensor, mask: Tensor) -> Tensor:
    """Mean of ``x`` over the positions where ``mask`` is 1."""
    return (x * mask).sum() / mask.sum().clamp(min=1)


def masked_whiten(x: Tensor, mask: Tensor, eps: float = 1e-8) -> Tensor:
    """(x − mean) / std over the masked positions (PPO's advantage whitening); 0 elsewhere."""
    mean = masked_mean(x, mask)
    var = masked_mean((x - mean) ** 2, mask)
    return (x - mean) * (var + eps).rsqrt() * mask


def gae_advantages(
    rewards: Tensor, values: Tensor, mask: Tensor, gamma: float, lam: float
) -> tuple[Tensor, Tensor]:
    """Generalised advantage estimation (Schulman et al., 2016, eq. 16), per response token.

    δ_t = r_t + γ V(s_{t+1}) − V(s_t)
    Â_t = Σ_{l≥0} (γλ)^l δ_{t+l} = δ_t + γλ Â_{t+1}
    R_t = Â_t + V(s_t)                                              (the value target: λ-return)

    ``rewards``, ``values`` and ``mask`` are [B, T]; ``mask`` is 1 on response tokens. t+1 is the next response
    token (positions where the mask is 0 are skipped), and the value after the last response token is 0 (the
    episode ends there). Advantages and returns are 0 off the mask. Computed without gradients.
    """
    import torch

    with torch.no_grad():
        mask = mask.to(values.dtype)
        advantages = torch.zeros_like(values)
        next_value = torch.zeros_like(values[:, 0])
        next_adv = torch.zeros_like(values[:, 0])
        for t in reversed(range(values.shape[1])):
            m = mask[:, t]
            delta = rewards[:, t] + gamma * next_value - values[:, t]
            adv = delta + gamma * lam * next_adv
            advantages[:, t] = adv * m
            next_value = torch.where(m > 0, values[:, t], next_value)
            next_adv = torch.where(m > 0, adv, next_adv)
        returns = (advantages + values) * mask
    return advantages, returns


def ppo_policy_loss(
    logprobs: Tensor, old_logprobs: Tensor, advantages: Tensor, mask: Tensor, clip_eps: float
) -> Tensor:
    """PPO's clipped surrogate, negated to be minimised (Schulman et al., 2017, eq. 7), over masked tokens.

    ρ_t = exp(log π(a_t|s_t) − log π_old(a_t|s_t))
    L   = mean_t max(−Â_t ρ_t, −Â_t clip(ρ_t, 1−ε, 1+ε))    (= −mean_t min(ρ_t Â_t, clip(ρ_t) Â_t))
    """
    import torch

    ratio = torch.exp(logprobs - old_logprobs)
    unclipped = -advantages * ratio
    clipped = -advantages * ratio.clamp(1.0 - clip_eps, 1.0 + clip_eps)
    return masked_mean(torch.maximum(unclipped, clipped), mask)


def ppo_value_loss(
    values: Tensor, old_values: Tensor, returns: Tensor, mask: Tensor, clip_eps: float
) -> Tensor:
    """PPO's clipped value loss (as in OpenAI baselines' ppo2), over masked tokens.

    V_clip = V_old + clip(V − V_old, −ε, ε)
    L      = 0.5 · mean_t max((V − R)², (V_clip − R)²)
    """
    import torch

    clipped = old_values + (values - old_values).clamp(-clip_eps, clip_eps)
    return 0.5 * masked_mean(torch.maximum((values - returns) ** 2, (clipped - returns) ** 2), mask)


def kd_loss(
    student_logits: Tensor,
    teacher_ids: Tensor,
    teacher_logprobs: Tensor,
    targets: Tensor | None,
    temperature: float,
    alpha: float,
    reverse: bool = False,
) -> tuple[Tensor, Tensor, Tensor]:
    """Soft-target distillation over the teacher's top-k tokens (Hinton et al., 2015; DistillFlow's logits mode),
    forward KL on given answers, reverse KL on the student's own samples (GKD, Agarwal et al., 2024), for the N
    answer positions of a batch.

        p̃(j) = softmax(ℓ / T) over S           ℓ: the teacher's log-probs (at T = 1) of its top-k ids S
        q     = softmax(z / T) over the vocabulary, q̃ = softmax(z / T) over S      z: the student's logits
        forward  KL_t = Σ_{j∈S} p̃(j) (log p̃(j) − log q(j))
        reverse  KL_t = Σ_{j∈S} q̃(j) (log q̃(j) − log p̃(j))
        CE_t = −log softmax(z)(y_t)
        L = α · mean_t CE_t + (1 − α) · T² · mean_t KL_t

    ``student_logits`` [N, V]; ``teacher_ids`` / ``teacher_logprobs`` [N, k] (an entry of log-prob −inf is
    padding: a server that returned fewer than k); ``targets`` [N] the answer's tokens (None: no label term, α is
    taken as 0). Renormalising ℓ / T over S is exact for the teacher's distribution at T restricted to S. The
    forward term keeps the student's full normaliser, so mass outside S costs (it is ≥ KL(p̃ ‖ q̃) ≥ 0); the
    reverse one cannot weigh tokens outside S by the teacher and renormalises both. T² keeps the gradient's scale
    independent of T (Hinton et al.). Returns (L, mean CE, mean KL).
    """
    import torch

    z = student_logits.float() / temperature
    present = torch.isfinite(teacher_logprobs)
    teacher = (teacher_logprobs.float() / temperature).masked_fill(~present, float("-inf")).log_softmax(-1)
    p = teacher.exp()
    if reverse:
        zs = z.gather(1, teacher_ids).masked_fill(~present, float("-inf")).log_softmax(-1)
        kl = torch.where(present, zs.exp() * (zs - teacher), torch.zeros_like(zs)).sum(-1)
    else:
        student = z.log_softmax(-1).gather(1, teacher_ids)
        kl = torch.where(present, p * (teacher - student), torch.zeros_like(student)).sum(-1)
    kl = kl.mean() if kl.numel() else z.sum() * 0
    if targets is None:
        return temperature**2 * kl, torch.zeros_like(kl), kl
    ce = torch.nn.functional.cross_entropy(student_logits.float(), targets) if len(targets) else z.sum() * 0
    return alpha * ce + (1 - alpha) * temperature**2 * kl, ce, kl
