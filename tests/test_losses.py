"""The loss functions (RRHF, Plackett-Luce DPO, GAE, PPO policy and value losses, distilling step-by-step's two
tasks), against numbers worked out by hand from their papers' equations."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from rankdistill.train.losses import (  # noqa: E402
    best_candidate_index,
    gae_advantages,
    masked_whiten,
    mean_completion_logps,
    plackett_luce_loss,
    ppo_policy_loss,
    ppo_value_loss,
    rrhf_rank_loss,
    two_task_loss,
)

NAN = float("nan")


def loss(p, s):
    return float(rrhf_rank_loss(torch.tensor(p), torch.tensor(s)))


def test_three_candidates_all_pairs_counted():
    # p = (-1.0, -2.0, -0.5), s = (0.2, 0.9, 0.5)
    # pairs with s_i < s_j: (0,1): max(0, -1.0 - -2.0) = 1.0
    #                       (0,2): max(0, -1.0 - -0.5) = 0
    #                       (2,1): max(0, -0.5 - -2.0) = 1.5
    # L = 2.5; the reference code, comparing only with candidate 0, would give a different number.
    assert loss([[-1.0, -2.0, -0.5]], [[0.2, 0.9, 0.5]]) == pytest.approx(2.5)


def test_correct_order_costs_nothing():
    # p ordered like s: every s_i < s_j has p_i < p_j, so every hinge is 0
    assert loss([[-3.0, -2.0, -1.0]], [[0.1, 0.5, 0.9]]) == 0.0


def test_ties_contribute_nothing():
    # s_0 == s_1: no pair between them, whatever p says; (0,2): max(0,-1-(-4)) = 3; (1,2): max(0,-2-(-4)) = 2
    assert loss([[-1.0, -2.0, -4.0]], [[0.3, 0.3, 0.8]]) == pytest.approx(5.0)
    # all tied: no pairs at all
    assert loss([[-1.0, -9.0]], [[0.5, 0.5]]) == 0.0


def test_nan_scores_are_left_out_of_every_pair():
    # candidate 1 abstained; only (0,2): s_0=0.1 < s_2=0.7, max(0, -0.5 - -1.5) = 1.0
    # (with candidate 1 counted as the worst, (1,0) and (1,2) would add max(0,5-..) terms)
    assert loss([[-0.5, 5.0, -1.5]], [[0.1, NAN, 0.7]]) == pytest.approx(1.0)
    assert loss([[-0.5, 5.0]], [[NAN, NAN]]) == 0.0


def test_sum_within_prompt_mean_over_prompts():
    # prompt A: (0,1): max(0, -1 - -3) = 2 -> 2;  prompt B: all correct -> 0;  mean = (2 + 0) / 2 = 1
    p = [[-1.0, -3.0], [-2.0, -1.0]]
    s = [[0.0, 1.0], [0.0, 1.0]]
    assert loss(p, s) == pytest.approx(1.0)


def test_gradient_pushes_better_candidate_up():
    p = torch.tensor([[-1.0, -2.0]], requires_grad=True)
    rrhf_rank_loss(p, torch.tensor([[0.0, 1.0]])).backward()
    # d/dp_0 (p_0 - p_1) = 1, d/dp_1 = -1: descent lowers p_0 and raises p_1
    assert p.grad.tolist() == [[1.0, -1.0]]


def test_mean_completion_logps_ignores_prompt_and_padding():
    # vocabulary 2, uniform logits -> every token log-prob is log(1/2), whatever the length
    logits = torch.zeros(2, 4, 2)
    labels = torch.tensor([[-100, -100, 1, 0], [-100, 1, -100, -100]])
    assert mean_completion_logps(logits, labels).tolist() == pytest.approx([math.log(0.5)] * 2)
    # position 1's logits predict token 2's label; make it certain of label 1: log-probs (0, log 1/2) -> mean
    logits[0, 1] = torch.tensor([-1e4, 1e4])
    assert mean_completion_logps(logits, labels)[0].item() == pytest.approx(math.log(0.5) / 2)


def test_best_candidate_skips_nan_and_takes_first_of_equals():
    s = torch.tensor([[NAN, 0.2, 0.9, 0.9], [0.5, NAN, 0.1, 0.0]])
    assert best_candidate_index(s).tolist() == [2, 0]


LN = math.log


def pl(policy, scores, ref=None, beta=1.0):
    policy = torch.tensor(policy)
    ref = torch.zeros_like(policy) if ref is None else torch.tensor(ref)
    return float(plackett_luce_loss(policy, ref, torch.tensor(scores), beta))


def test_plackett_luce_three_candidates():
    # r = β (π − π_ref) = 0.5 · (2 ln 3, 0, 2 ln 2) − 0 = (ln 3, 0, ln 2): exp(r) = (3, 1, 2)
    # scores (0.9, 0.1, 0.5): ranking τ = (0, 2, 1)
    #   k=1: −log 3/(3+2+1) = ln 2;  k=2: −log 2/(2+1) = ln 1.5;  k=3: −log 1/1 = 0   -> L = ln 3
    assert pl([[2 * LN(3), 0.0, 2 * LN(2)]], [[0.9, 0.1, 0.5]], beta=0.5) == pytest.approx(LN(3))
    # the reference enters as r = β(π − π_ref): the same r from π = (ln 3 + 1, 1, ln 2 + 1), π_ref = (1, 1, 1)
    assert pl([[LN(3) + 1, 1.0, LN(2) + 1]], [[0.9, 0.1, 0.5]], ref=[[1.0, 1.0, 1.0]]) == pytest.approx(LN(3))


def test_plackett_luce_at_two_candidates_is_dpo_sigmoid_loss():
    torch.manual_seed(0)
    policy, ref = torch.randn(5, 2) * 3, torch.randn(5, 2) * 3
    scores = torch.tensor([[1.0, 0.0], [0.2, 0.7], [0.5, 0.4], [-1.0, 2.0], [3.0, 1.0]])
    beta = 0.1
    got = plackett_luce_loss(policy, ref, scores, beta)
    w = scores.argmax(1, keepdim=True)
    lo = 1 - w
    margin = beta * (
        (policy.gather(1, w) - ref.gather(1, w)) - (policy.gather(1, lo) - ref.gather(1, lo))
    ).squeeze(1)
    assert float(got) == pytest.approx(float(-torch.nn.functional.logsigmoid(margin).mean()), rel=1e-6)


def test_plackett_luce_ties_never_share_a_denominator():
    # exp(r) = (3, 2, 1), scores (0.9, 0.9, 0.1): candidates 0 and 1 tied on top
    #   cand 0: −log 3/(3+1) = ln(4/3);  cand 1: −log 2/(2+1) = ln(3/2);  cand 2: 0   -> L = ln 2
    # (plain PL with order (0, 1, 2) would give −log 3/6 − log 2/3 = ln 3)
    assert pl([[LN(3), LN(2), 0.0]], [[0.9, 0.9, 0.1]]) == pytest.approx(LN(2))
    # all tied: no order, no loss (DPO gets no pair from a tie either)
    assert pl([[LN(3), LN(2), 0.0]], [[0.5, 0.5, 0.5]]) == 0.0


def test_plackett_luce_nan_left_out_and_mean_over_prompts_with_two():
    # prompt A: candidate 1 abstained (its huge r must not count): −log 3/(3+1) = ln(4/3)
    # prompt B: one scored candidate -> not counted in the mean;  prompt C: exp(r) = (1, 1) -> ln 2
    policy = [[LN(3), LN(100), 0.0], [5.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    scores = [[0.9, NAN, 0.1], [0.5, NAN, NAN], [1.0, 0.0, NAN]]
    assert pl(policy, scores) == pytest.approx((LN(4 / 3) + LN(2)) / 2)
    assert pl([[1.0, 2.0]], [[NAN, 0.3]]) == 0.0


def test_plackett_luce_gradient_raises_the_better_candidate():
    p = torch.zeros(1, 2, requires_grad=True)
    plackett_luce_loss(p, torch.zeros(1, 2), torch.tensor([[0.0, 1.0]]), 1.0).backward()
    # L = −log σ(r_1 − r_0); at r = 0: dL/dr_1 = −σ(0) = −0.5, dL/dr_0 = +0.5
    assert p.grad.tolist()[0] == pytest.approx([0.5, -0.5])


def test_gae_three_tokens_by_hand():
    # rewards (0, 0, 1), V = (0.5, 0.6, 0.7), γ = 0.9, λ = 0.8 (γλ = 0.72); V after the last token = 0
    #   δ_2 = 1 + 0.9·0 − 0.7 = 0.3              Â_2 = 0.3
    #   δ_1 = 0 + 0.9·0.7 − 0.6 = 0.03           Â_1 = 0.03 + 0.72·0.3 = 0.246
    #   δ_0 = 0 + 0.9·0.6 − 0.5 = 0.04           Â_0 = 0.04 + 0.72·0.246 = 0.21712
    #   R = Â + V = (0.71712, 0.846, 1.0)
    adv, ret = gae_advantages(
        torch.tensor([[0.0, 0.0, 1.0]]), torch.tensor([[0.5, 0.6, 0.7]]), torch.ones(1, 3), 0.9, 0.8
    )
    assert adv.tolist()[0] == pytest.approx([0.21712, 0.246, 0.3])
    assert ret.tolist()[0] == pytest.approx([0.71712, 0.846, 1.0])


def test_gae_skips_positions_off_the_mask():
    # the same three response tokens after a prompt token and before padding: whatever sits there is ignored
    rewards = torch.tensor([[7.0, 0.0, 0.0, 1.0, 5.0]])
    values = torch.tensor([[9.0, 0.5, 0.6, 0.7, 9.0]])
    mask = torch.tensor([[0, 1, 1, 1, 0]])
    adv, ret = gae_advantages(rewards, values, mask, 0.9, 0.8)
    assert adv.tolist()[0] == pytest.approx([0.0, 0.21712, 0.246, 0.3, 0.0])
    assert ret.tolist()[0] == pytest.approx([0.0, 0.71712, 0.846, 1.0, 0.0])
    # γ = λ = 1: Â_t = (sum of rewards from t on) − V_t = 1 − V_t
    adv, _ = gae_advantages(rewards, values, mask, 1.0, 1.0)
    assert adv.tolist()[0] == pytest.approx([0.0, 0.5, 0.4, 0.3, 0.0])


def test_ppo_policy_loss_by_hand():
    # old log-probs 0, so ρ = exp(logprob); ε = 0.2
    #   ρ=1.5, Â=+1: max(−1.5, −1.2) = −1.2   (clipped: no more credit past 1+ε)
    #   ρ=0.5, Â=−1: max( 0.5,  0.8) =  0.8   (clipped: no more credit below 1−ε)
    #   ρ=1.1, Â=+2: max(−2.2, −2.2) = −2.2
    #   ρ=0.5, Â=+1: max(−0.5, −0.8) = −0.5   (the pessimistic, unclipped term)
    #   5th token off the mask.  L = (−1.2 + 0.8 − 2.2 − 0.5) / 4 = −0.775
    logprobs = torch.tensor([[LN(1.5), LN(0.5), LN(1.1), LN(0.5), 3.0]], requires_grad=True)
    adv = torch.tensor([[1.0, -1.0, 2.0, 1.0, 100.0]])
    mask = torch.tensor([[1, 1, 1, 1, 0]])
    loss = ppo_policy_loss(logprobs, torch.zeros(1, 5), adv, mask, 0.2)
    assert float(loss.detach()) == pytest.approx(-0.775)
    loss.backward()
    # clipped tokens give no gradient; the others −Â ρ / 4
    assert logprobs.grad.tolist()[0] == pytest.approx([0.0, 0.0, -2.2 / 4, -0.5 / 4, 0.0])


def test_ppo_value_loss_by_hand():
    # V_old = 0.5, ε = 0.2
    #   V=1.0, R=2: (1−2)² = 1;  V_clip = 0.7: (0.7−2)² = 1.69  -> 1.69
    #   V=0.0, R=0: 0;           V_clip = 0.3: 0.09             -> 0.09
    #   V=0.5, R=0: 0.25;        V_clip = 0.5: 0.25             -> 0.25
    #   L = 0.5 · (1.69 + 0.09 + 0.25) / 3 = 0.338333...
    values = torch.tensor([[1.0, 0.0, 0.5, 4.0]])
    loss = ppo_value_loss(
        values,
        torch.full((1, 4), 0.5),
        torch.tensor([[2.0, 0.0, 0.0, 9.0]]),
        torch.tensor([[1, 1, 1, 0]]),
        0.2,
    )
    assert float(loss) == pytest.approx(0.5 * 2.03 / 3)


def test_masked_whiten():
    # masked values (1, 2, 3): mean 2, variance 2/3 -> (−1, 0, 1) / sqrt(2/3)
    x = torch.tensor([[1.0, 2.0, 3.0, 50.0]])
    out = masked_whiten(x, torch.tensor([[1, 1, 1, 0]]))
    s = math.sqrt(2 / 3)
    assert out.tolist()[0] == pytest.approx([-1 / s, 0.0, 1 / s, 0.0], rel=1e-5)


def test_two_task_loss_weights_each_task_by_its_own_mean():
    # rows: two labels (2 and 1 tokens), one rationale (3 tokens); a padded position (mask 0) holds a large value
    nll = torch.tensor([[1.0, 3.0, 9.0], [2.0, 9.0, 9.0], [0.5, 1.0, 1.5]], requires_grad=True)
    mask = torch.tensor([[1, 1, 0], [1, 0, 0], [1, 1, 1]])
    is_rationale = torch.tensor([False, False, True])
    # L_label = (1 + 3 + 2) / 3 tokens = 2.0; L_rationale = (0.5 + 1 + 1.5) / 3 = 1.0
    # alpha 0.5: 0.5·2 + 0.5·1 = 1.5; alpha 0.8: 0.8·2 + 0.2·1 = 1.8
    loss, label, rationale = (x.item() for x in two_task_loss(nll, mask, is_rationale, 0.5))
    assert (label, rationale, loss) == pytest.approx((2.0, 1.0, 1.5))
    assert two_task_loss(nll, mask, is_rationale, 0.8)[0].item() == pytest.approx(1.8)
    # the mean is over each task's tokens, not its rows: the 2-token label counts twice the 1-token one
    # (a mean of row means would give (2 + 2) / 2 = 2.0 too here, so change the short row: 2 -> 5)
    nll2 = nll.detach().clone()
    nll2[1, 0] = 5.0
    assert float(two_task_loss(nll2, mask, is_rationale, 0.5)[1]) == pytest.approx((1 + 3 + 5) / 3)
    # gradients at alpha 0.8: d L / d nll = 0.8 / 3 on a label token, 0.2 / 3 on a rationale token, 0 on padding
    two_task_loss(nll, mask, is_rationale, 0.8)[0].backward()
    assert nll.grad.flatten().tolist() == pytest.approx(
        [0.8 / 3, 0.8 / 3, 0.0, 0.8 / 3, 0.0, 0.0, 0.2 / 3, 0.2 / 3, 0.2 / 3]
    )


def test_two_task_loss_without_rationales_in_the_batch_is_the_weighted_label_mean():
    nll = torch.tensor([[1.0, 3.0], [2.0, 0.0]])
    mask = torch.tensor([[1, 1], [1, 0]])
    loss, label, rationale = two_task_loss(nll, mask, torch.tensor([False, False]), 0.5)
    # no rationale tokens: that term adds nothing (0, not NaN); the label term keeps its weight alpha
    assert (float(label), float(rationale), float(loss)) == pytest.approx((2.0, 0.0, 1.0))
