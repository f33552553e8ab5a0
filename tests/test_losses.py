"""RRHF's ranking loss and the length-normalised log-probs, against numbers worked out by hand."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from rankdistill.train.losses import best_candidate_index, mean_completion_logps, rrhf_rank_loss  # noqa: E402

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
