"""Soft-target distillation (kd): the loss against hand arithmetic, the teacher refused when its tokenizer differs,
and both modes trained on tiny random-weight models (the first loss by hand from the two models' own logits,
parameters move, the divergence falls)."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from rankdistill.recipe import RecipeError, load_recipe

ROWS = [
    {"id": "a", "text": "She go to school.", "reference": "She goes to school."},
    {"id": "b", "text": "I has a cat.", "reference": "I have a cat."},
    {"id": "c", "text": "They is here.", "reference": "They are here."},
    {"id": "d", "text": "We was late.", "reference": "We were late."},
]


def _softmax(xs):
    m = max(xs)
    e = [math.exp(x - m) for x in xs]
    return [v / sum(e) for v in e]


def test_forward_kl_and_label_term_by_hand():
    import torch

    from rankdistill.train.losses import kd_loss

    z = [2.0, 0.0, -1.0, 1.0]  # the student's logits over a 4-token vocabulary
    ids, lp = [0, 3], [math.log(0.6), math.log(0.3)]  # the teacher's top-2 (its last 0.1 is off the list)
    T, alpha = 2.0, 0.25
    p = _softmax([v / T for v in lp])  # p̃ ∝ 0.6^(1/2), 0.3^(1/2): 0.5858, 0.4142
    assert p[0] == pytest.approx(0.6**0.5 / (0.6**0.5 + 0.3**0.5))
    q = _softmax([v / T for v in z])  # the student at T over the whole vocabulary
    kl = sum(p[i] * (math.log(p[i]) - math.log(q[j])) for i, j in enumerate(ids))
    ce = -math.log(_softmax(z)[3])  # the label is token 3, at T = 1
    loss, got_ce, got_kl = kd_loss(
        torch.tensor([z]), torch.tensor([ids]), torch.tensor([lp]), torch.tensor([3]), T, alpha
    )
    assert float(got_kl) == pytest.approx(kl, rel=1e-6)
    assert float(got_ce) == pytest.approx(ce, rel=1e-6)
    assert float(loss) == pytest.approx(alpha * ce + (1 - alpha) * T * T * kl, rel=1e-6)
    assert kl > 0  # mass outside the list costs: even a q that matched p̃ on S would pay for the rest


def test_reverse_kl_renormalises_the_student_over_the_teachers_list():
    import torch

    from rankdistill.train.losses import kd_loss

    z = [0.5, -0.5, 3.0]
    ids, lp = [2, 0], [math.log(0.7), math.log(0.2)]
    T = 1.5
    p = _softmax([v / T for v in lp])
    q = _softmax([z[j] / T for j in ids])  # over S only
    kl = sum(q[i] * (math.log(q[i]) - math.log(p[i])) for i in range(2))
    loss, ce, got = kd_loss(torch.tensor([z]), torch.tensor([ids]), torch.tensor([lp]), None, T, 0.5, reverse=True)
    assert float(got) == pytest.approx(kl, rel=1e-6)
    assert float(loss) == pytest.approx(T * T * kl, rel=1e-6)  # no label term on-policy: α is not used
    assert float(ce) == 0.0


def test_padding_entries_and_a_matching_student():
    import torch

    from rankdistill.train.losses import kd_loss

    z = torch.tensor([[1.0, 2.0, 0.0], [0.0, 0.0, 0.0]])
    # row 0: a top-2 list padded with −inf (a server returned one token); row 1: the full vocabulary
    ids = torch.tensor([[1, 0], [0, 1]])
    lp = torch.tensor([[math.log(0.9), float("-inf")], [math.log(0.5), math.log(0.5)]])
    _, _, padded = kd_loss(z[:1], ids[:1, :1], lp[:1, :1], None, 1.0, 0.0)
    _, _, both = kd_loss(z[:1], ids[:1], lp[:1], None, 1.0, 0.0)
    assert float(both) == pytest.approx(float(padded)) and math.isfinite(float(both))
    # p̃ = 1 on token 1: KL = −log q(1)
    assert float(padded) == pytest.approx(-math.log(_softmax([1.0, 2.0, 0.0])[1]), rel=1e-6)
    # a student whose distribution is the teacher's, and k = V: KL = 0, on both sides
    logits = torch.tensor([[0.3, -1.2, 2.0]])
    full = logits.log_softmax(-1)
    for reverse in (False, True):
        _, _, kl = kd_loss(logits, torch.tensor([[0, 1, 2]]), full, None, 1.0, 0.0, reverse=reverse)
        assert abs(float(kl)) < 1e-6
    # the gradient on the student's logits: q − p̃ at T = 1 (forward KL = cross-entropy to the soft target)
    z = logits.clone().requires_grad_(True)
    target = torch.tensor([[0.2, 0.5, 0.3]])
    kd_loss(z, torch.tensor([[0, 1, 2]]), target.log(), None, 1.0, 0.0)[0].backward()
    assert torch.allclose(z.grad, logits.softmax(-1) - target, atol=1e-6)


# --- the teacher and training, on tiny random-weight models with the packaged SmolLM2 tokenizer ---


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """(student, teacher): the tiny base, and a copy whose weights were moved (a teacher that disagrees)."""
    import torch
    from tiny_models import build_base_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    root = tmp_path_factory.mktemp("kd")
    student = build_base_model(root / "student")
    teacher = root / "teacher"
    model = AutoModelForCausalLM.from_pretrained(str(student), dtype=torch.float32)
    torch.manual_seed(1)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.5)
    model.save_pretrained(teacher)
    AutoTokenizer.from_pretrained(str(student)).save_pretrained(teacher)
    return student, teacher


def _recipe(tmp_path: Path, student: Path, teacher: Path | str | None, **sets):
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    base = {
        "data.train": str(data),
        "data.test": str(data),
        "data.user_template": "{input}",
        "student.model": str(student),
        "student.dtype": "float32",
        "train.algorithm": "kd",
        "train.schedule": None,
        "train.max_steps": 6,
        "train.batch_size": 4,
        "train.learning_rate": 1e-2,
        "train.save_steps": 100,
        "train.per_algorithm.kd.teacher": str(teacher) if teacher else None,
    }
    return load_recipe("gec-smollm2-small", {**base, **sets})


def _train(recipe, out: Path):
    from rankdistill.train import recipe_for, run_algorithm

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return run_algorithm(recipe_for(recipe, "kd"), None, out, out.parent / f"{out.name}-checkpoints", None)


def _lora_b(adapter: Path) -> float:
    from safetensors.torch import load_file

    weights = load_file(str(adapter / "adapter_model.safetensors"))
    return max(float(v.norm()) for k, v in weights.items() if "lora_B" in k)


def test_off_policy_first_loss_by_hand_then_it_learns(tiny, tmp_path):
    import torch
    from transformers import AutoModelForCausalLM

    from rankdistill.models import load_tokenizer
    from rankdistill.train import recipe_for
    from rankdistill.train.sft import sft_rows

    student, teacher = tiny
    recipe = _recipe(tmp_path, student, teacher, **{"train.per_algorithm.kd.top_k": 5})
    result = _train(recipe, tmp_path / "adapter")
    log = result["history"]
    assert result["examples"] == 4 and result["teacher"] == str(teacher)

    # step 1: LoRA's B starts at 0, so the student is its base; the loss from both models' full logits
    s_model = AutoModelForCausalLM.from_pretrained(str(student), dtype=torch.float32)
    t_model = AutoModelForCausalLM.from_pretrained(str(teacher), dtype=torch.float32)
    tokenizer = load_tokenizer(recipe.student, padding_side="right")
    T, alpha, ces, kls = 2.0, 0.5, [], []
    for row in sft_rows(recipe_for(recipe, "kd")):
        prompt = tokenizer.apply_chat_template(row["prompt"], add_generation_prompt=True, return_dict=True)
        n_prompt = len(prompt["input_ids"])
        full = tokenizer.apply_chat_template(row["prompt"] + row["completion"], return_dict=True)["input_ids"]
        assert full[:n_prompt] == prompt["input_ids"]
        ids = torch.tensor([full])
        with torch.no_grad():
            zs, zt = s_model(ids).logits[0, :-1], t_model(ids).logits[0, :-1]
        for t in range(n_prompt - 1, len(full) - 1):  # position t predicts answer token full[t + 1]
            lp, top = zt[t].log_softmax(-1).topk(5)
            p = (lp / T).softmax(-1)
            q = (zs[t] / T).log_softmax(-1)[top]
            kls.append(float((p * ((lp / T).log_softmax(-1) - q)).sum()))
            ces.append(float(-zs[t].log_softmax(-1)[full[t + 1]]))
    ce, kl = sum(ces) / len(ces), sum(kls) / len(kls)
    assert log[0]["ce_loss"] == pytest.approx(ce, rel=1e-4)
    assert log[0]["kl"] == pytest.approx(kl, rel=1e-4)
    assert log[0]["loss"] == pytest.approx(alpha * ce + (1 - alpha) * T * T * kl, rel=1e-4)
    # it moves toward the teacher, and the adapter moved
    assert log[-1]["kl"] < log[0]["kl"] and log[-1]["loss"] < log[0]["loss"]
    assert _lora_b(tmp_path / "adapter") > 0


def test_on_policy_samples_and_moves_toward_the_teacher(tiny, tmp_path):
    student, teacher = tiny
    sets = {"train.per_algorithm.kd.on_policy": True, "train.per_algorithm.kd.max_new_tokens": 6}
    result = _train(_recipe(tmp_path, student, teacher, **sets), tmp_path / "adapter")
    log = result["history"]
    assert result["on_policy"] and len(log) == 6
    assert all(0 < step["answer_tokens"] <= 6 for step in log)  # each step sampled answers and scored them
    assert log[-1]["kl"] < log[0]["kl"]
    assert _lora_b(tmp_path / "adapter") > 0


def test_a_teacher_with_another_tokenizer_is_refused_before_any_work(tiny, tmp_path):
    from tokenizers import Tokenizer, models
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    from rankdistill.train import check_train_settings

    student, _ = tiny
    other = tmp_path / "other"
    vocab = {"<unk>": 0, "<eos>": 1, "she": 2, "goes": 3}
    PreTrainedTokenizerFast(
        tokenizer_object=Tokenizer(models.WordLevel(vocab, unk_token="<unk>")), unk_token="<unk>", eos_token="<eos>"
    ).save_pretrained(other)
    config = LlamaConfig(vocab_size=4, hidden_size=16, intermediate_size=32, num_hidden_layers=1, num_attention_heads=1)
    LlamaForCausalLM(config).save_pretrained(other)
    with pytest.raises(RecipeError, match=r"train\.per_algorithm\.kd\.teacher: .*tokenizer is not the student's"):
        check_train_settings(_recipe(tmp_path, student, other))
    with pytest.raises(RecipeError, match=r"train\.per_algorithm\.kd\.teacher: kd needs a teacher"):
        check_train_settings(_recipe(tmp_path, student, None))
    # a teacher that is not a model: named under its own key, not the student's
    with pytest.raises(RecipeError, match=r"^train\.per_algorithm\.kd\.teacher: .*without config\.json"):
        check_train_settings(_recipe(tmp_path, student, tmp_path))


def test_a_4bit_teacher(tiny, tmp_path):
    """teacher_quantization: 4bit loads the teacher in bitsandbytes NF4 (on CPU too) and its targets train."""
    student, teacher = tiny
    sets = {"train.max_steps": 2, "train.per_algorithm.kd.teacher_quantization": "4bit"}
    log = _train(_recipe(tmp_path, student, teacher, **sets), tmp_path / "adapter")["history"]
    assert len(log) == 2 and all(math.isfinite(step["kl"]) and step["kl"] > 0 for step in log)
    assert _lora_b(tmp_path / "adapter") > 0
