"""Soft-target distillation (``kd``): the student learns the teacher's next-token distribution, not only its
answer -- losses.kd_loss over the teacher's top-k tokens at each answer position.

Off-policy (Hinton et al., 2015; DistillFlow's ``distill.type: logits``, T = 2, α = 0.5) on the training prompts'
references, as SFT reads them (the teacher's labels: ``rankdistill label`` writes them for unlabelled inputs):

    L = α · CE(label) + (1 − α) · T² · KL(p̃_T ‖ q_T)

On-policy (``on_policy: true``: GKD with λ = 1, Agarwal et al., 2024, "on-policy distillation"): each step the
student samples an answer to each prompt (at temperature 1), the teacher scores its tokens, and the loss is the
mode-seeking reverse KL, L = T² · KL(q̃_T ‖ p̃_T); there is no label term (α is not used) and unlabelled prompts
train too.

The teacher is a local model -- an alias, .gguf file, directory or hub id, 4-bit allowed -- loaded once per round,
frozen, beside the student. Soft targets compare two distributions over one vocabulary, so a teacher whose
tokenizer is not the student's is refused before any work, in one line: kd does not align tokenizers (SFT on the
teacher's answers, sequence-level KD, works across them). Or the teacher is on a server (``teacher_server``: vllm
serve): off-policy, its top-k log-probs are asked once per training row before training, through the run's ledger,
and kept in the round's directory; on-policy, each step's samples are asked (kd_server.py).

TRL's DistillationTrainer (1.16) trains on-policy only, on the full-vocabulary JSD, without a label term; what it
lacks here is the α-mixed label loss on given answers and targets a server can return (its top-k log-probs). So
this is TRL's SFTTrainer (its tokenizing, masking, checkpoints) with this loss, and, on-policy, a Trainer whose
batches are the prompts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..errors import RecipeError
from . import common
from .kd_server import TeacherServerSettings

if TYPE_CHECKING:
    from ..recipe import Recipe
    from ..sections import StudentSettings


class KDSettings(common.AlgorithmSettings):
    """train.per_algorithm.kd: the teacher, and the soft targets' k, T and α."""

    teacher: str | None = Field(
        None,
        description="The teacher model (this or teacher_server): an alias, a .gguf file, a local transformers "
        "directory (e.g. `rankdistill export --merge` of an earlier run) or a hub id, with the student's tokenizer.",
    )
    teacher_server: TeacherServerSettings | None = Field(
        None,
        description="Instead of a local teacher: one on an OpenAI-compatible server that returns prompt log-probs "
        "(vllm serve), {base_url, model, ...}.",
    )
    teacher_revision: str | None = Field(None, description="Hub revision of a hub-id teacher.")
    teacher_quantization: Literal["none", "4bit"] = Field(
        "none", description="'4bit' loads the teacher in bitsandbytes NF4 (CPU too)."
    )
    top_k: int = Field(20, gt=0, description="The teacher's most likely tokens kept per position (its soft target).")
    temperature: float = Field(2.0, gt=0, description="Softmax temperature T of both distributions (DistillFlow: 2).")
    alpha: float = Field(
        0.5, ge=0, le=1, description="Off-policy: the label's weight α in α·CE + (1−α)·T²·KL (DistillFlow: 0.5)."
    )
    on_policy: bool = Field(
        False, description="Train on the student's own samples, reverse KL (GKD λ = 1), instead of the references."
    )
    max_new_tokens: int = Field(32, gt=0, description="On-policy: tokens the student samples per answer at most.")
    max_examples: int | None = Field(
        None, gt=0, description="Train on this many training items only (None: all), chosen as sft chooses them."
    )


def teacher_section(settings: KDSettings) -> StudentSettings:
    """The teacher as models.py loads a student: the same aliases, files, directories and hub ids."""
    from ..sections import StudentSettings

    return StudentSettings(
        model=settings.teacher, revision=settings.teacher_revision, quantization=settings.teacher_quantization
    )


def check_tokenizers(student_tokenizer: Any, teacher_tokenizer: Any, teacher: str, student: str) -> None:
    """Refuse a teacher whose token ids mean other tokens than the student's."""
    mine, theirs = student_tokenizer.get_vocab(), teacher_tokenizer.get_vocab()
    if mine == theirs:
        return
    differ = sum(theirs.get(token) != i for token, i in mine.items()) + len(theirs.keys() - mine.keys())
    raise RecipeError(
        f"train.per_algorithm.kd.teacher: {teacher}'s tokenizer is not the student's ({student}; {differ} of "
        f"{max(len(mine), len(theirs))} tokens differ): soft targets need one vocabulary and kd does not align "
        "tokenizers; pick a teacher of the student's family, or train sft on the teacher's answers "
        "(rankdistill label: sequence-level KD)"
    )


def preflight(settings: KDSettings, student: StudentSettings) -> None:
    """Before any work: a teacher is named, and speaks the student's tokens."""
    from ..models import load_tokenizer
    from ..students import ModelError

    if settings.teacher_server is not None:
        server_preflight(settings, student)
        return
    if not settings.teacher:
        raise RecipeError(
            "train.per_algorithm.kd.teacher: kd needs a teacher model (alias, file, directory or hub id), or a "
            "teacher_server"
        )
    try:
        theirs = load_tokenizer(teacher_section(settings))
    except ModelError as e:  # its message names student.model: this is the teacher
        raise RecipeError(f"train.per_algorithm.kd.teacher: {str(e).removeprefix('student.model: ')}") from None
    check_tokenizers(load_tokenizer(student), theirs, settings.teacher, student.model)


def server_preflight(settings: KDSettings, student: StudentSettings) -> None:
    """A server teacher: alone, and its tokenizer the student's (asked of the server, free)."""
    from .kd_server import KEY, check_tokenizer

    if settings.teacher:
        raise RecipeError(
            f"{KEY}: kd has one teacher: a local model (train.per_algorithm.kd.teacher: {settings.teacher}) or a "
            "server, not both"
        )
    if settings.teacher_quantization != "none" or settings.teacher_revision:
        raise RecipeError(f"{KEY}: teacher_quantization and teacher_revision are a local teacher's settings")
    check_tokenizer(settings.teacher_server, student)


def load_teacher(settings: KDSettings) -> Any:
    """The teacher, frozen, on the student's device (its tokenizer was checked by preflight: run_algorithm checks
    an algorithm before it trains)."""
    from .. import progress
    from ..models import load_base_model

    teacher = load_base_model(teacher_section(settings))
    teacher.requires_grad_(False)
    params = sum(p.numel() for p in teacher.parameters())
    progress.log(
        f"kd: teacher {settings.teacher} ({params / 1e6:.0f}M parameters), top-{settings.top_k} at "
        f"T={settings.temperature:g}" + (", on-policy (reverse KL)" if settings.on_policy else f", α={settings.alpha:g}")
    )
    return teacher


def answer_logits(model: Any, inputs: dict[str, Any], mask: Any) -> Any:
    """The model's logits [N, V] at the N positions ``mask`` [B, T−1] marks (each predicts the next token): one
    forward pass for the hidden states, the LM head on those positions only (a short answer is a few of a
    sequence's positions, and a 262k-token head over all of them is most of the work)."""
    rest = {k: v for k, v in inputs.items() if k in ("input_ids", "attention_mask", "position_ids")}
    out = model(**rest, output_hidden_states=True, logits_to_keep=1, use_cache=False)
    hidden = out.hidden_states[-1][:, :-1][mask]
    unwrapped = model.module if hasattr(model, "module") else model
    logits = unwrapped.get_output_embeddings()(hidden)
    cap = getattr(unwrapped.config.get_text_config(), "final_logit_softcapping", None)
    return cap * (logits / cap).tanh() if cap else logits


def model_top_k(teacher: Any, k: int) -> Any:
    """The teacher's top-k (ids, log-probs at T = 1) [N, k] at a batch's answer positions, from its logits."""

    def top(inputs: dict[str, Any], mask: Any, vocab: int) -> tuple[Any, Any]:
        import torch

        with torch.no_grad():
            teacher_logits = answer_logits(teacher, inputs, mask)[:, :vocab]  # padding rows of a head
            top = teacher_logits.float().log_softmax(-1).topk(min(k, teacher_logits.shape[-1]), dim=-1)
        return top.indices, top.values

    return top


def kd_batch_loss(
    model: Any, teacher_top: Any, inputs: dict[str, Any], settings: KDSettings, reverse: bool
) -> tuple[Any, Any, Any]:
    """(L, CE, KL) of one batch whose ``labels`` mark the answer tokens (−100 elsewhere); ``teacher_top(inputs,
    mask, vocab)`` gives the teacher's top-k ids and log-probs (T = 1) at those positions (model_top_k, or a
    server's, precomputed): kd_loss applies T to both alike."""
    from .losses import kd_loss

    labels = inputs["labels"]
    mask = labels[:, 1:] != -100
    logits = answer_logits(model, inputs, mask)
    ids, logprobs = teacher_top(inputs, mask, logits.shape[-1])
    targets = None if reverse else labels[:, 1:][mask]
    return kd_loss(logits, ids, logprobs, targets, settings.temperature, settings.alpha, reverse)


def off_policy_trainer(teacher: Any, settings: KDSettings, targets: dict[str, Any] | None = None) -> type:
    """``trl.SFTTrainer`` (tokenizing, answer masks, checkpoints as for SFT) whose loss is kd_loss against the
    teacher model, or against a server teacher's ``targets`` (kd_server.teacher_targets fills them once the
    trainer has tokenized its rows). Built when first asked: this module must not import trl at its top."""
    from trl import SFTTrainer

    from .kd_server import batch_targets

    def server_top(inputs: dict[str, Any], mask: Any, vocab: int) -> tuple[Any, Any]:
        return batch_targets(targets or {}, inputs, mask)

    top = model_top_k(teacher, settings.top_k) if teacher is not None else server_top

    class KDTrainer(SFTTrainer):
        loss_is_scaled_for_ga = False  # a mean per micro-batch: the Trainer divides by the accumulation steps

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: ANN001
            if teacher is not None:
                teacher.to(common.model_device(model))
            loss, ce, kl = kd_batch_loss(model, top, inputs, settings, reverse=False)
            mode = "train" if self.model.training else "eval"
            self._metrics[mode]["ce_loss"].append(float(ce.detach()))
            self._metrics[mode]["kl"].append(float(kl.detach()))
            return (loss, None) if return_outputs else loss

    return KDTrainer


def sample_answers(model: Any, tokenizer: Any, batch: dict[str, Any], max_new_tokens: int) -> dict[str, Any]:
    """The student's sampled answers to a batch of left-padded prompts, as a batch with ``labels`` on the
    answers' tokens (up to and including the first end token; −100 on the prompt, padding and anything after)."""
    import torch

    from ..models import stop_sequences

    ids, _ = stop_sequences(tokenizer, None)
    stops = sorted(ids | {tokenizer.eos_token_id} - {None})
    training = model.training
    model.eval()
    with torch.no_grad():
        out = model.generate(
            input_ids=batch["input_ids"],
            attention_mask=batch["attention_mask"],
            do_sample=True,
            temperature=1.0,
            top_k=0,
            top_p=1.0,
            max_new_tokens=max_new_tokens,
            eos_token_id=stops,
            pad_token_id=tokenizer.pad_token_id,
        )
    model.train(training)
    new = out[:, batch["input_ids"].shape[1] :]
    stop = torch.isin(new, torch.tensor(stops, device=new.device))
    answer = (stop.long().cumsum(-1) - stop.long()) == 0  # up to and including the first stop
    attention = torch.cat([batch["attention_mask"], answer.long()], dim=1)
    labels = torch.cat([torch.full_like(batch["input_ids"], -100), new.masked_fill(~answer, -100)], dim=1)
    return {"input_ids": out, "attention_mask": attention, "labels": labels}


def on_policy_train(job: common.TrainJob, teacher: Any, settings: KDSettings, server_top: Any = None) -> dict:
    """GKD with λ = 1: the student samples, the teacher scores its tokens, reverse KL over the teacher's top-k
    (``teacher``, or a server's: ``server_top`` asks it for each step's samples)."""
    from datasets import Dataset

    from ..generation.hf import chat_texts
    from ..generation.prompts import training_prompts
    from .sft import labelled_budget

    model, tokenizer = common.load_trainable(job.recipe, job.previous)
    prompts = labelled_budget(training_prompts(job.recipe), settings.max_examples)
    dataset = Dataset.from_list([{"prompt": p.messages} for p in prompts])

    def collate(rows: list[dict[str, Any]]) -> dict[str, Any]:
        texts = chat_texts(tokenizer, [r["prompt"] for r in rows])
        return dict(tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt"))

    top = server_top or model_top_k(teacher, settings.top_k)

    def loss(model: Any, inputs: dict[str, Any], unwrapped: Any) -> tuple[Any, dict[str, float], dict]:
        device = common.model_device(unwrapped)
        if server_top is None:
            teacher.to(device)
        batch = sample_answers(unwrapped, tokenizer, common.on_device(inputs, device), settings.max_new_tokens)
        value, _, kl = kd_batch_loss(model, top, batch, settings, reverse=True)
        tokens = (batch["labels"] != -100).sum() / batch["labels"].shape[0]
        return value, {"kl": kl.detach(), "answer_tokens": tokens}, {}

    result = common.fit(
        job, dataset, common.loss_trainer(loss), model=model, tokenizer=tokenizer, data_collator=collate
    )
    return {**result, "teacher": teacher_name(settings), "on_policy": True}


def train(job: common.TrainJob) -> dict:
    """One round of soft-target distillation from the teacher: on the references, or on-policy."""
    from datasets import Dataset

    from .sft import SFTSettings, sft_rows

    settings: KDSettings = job.settings
    server = settings.teacher_server
    teacher = load_teacher(settings) if server is None else None
    if settings.on_policy and server is not None:
        from .kd_server import online_teacher

        with online_teacher(job, settings) as top:
            return on_policy_train(job, None, settings, top)
    if settings.on_policy:
        return on_policy_train(job, teacher, settings)
    rows = sft_rows(job.recipe, SFTSettings(max_examples=settings.max_examples))
    dataset = Dataset.from_list([{"prompt": r["prompt"], "completion": r["completion"]} for r in rows])
    model, tokenizer = common.load_trainable(job.recipe, job.previous)
    tokenizer.padding_side = "right"  # as SFT pads
    targets: dict[str, Any] = {}

    def ask_server(trainer: Any) -> None:  # the rows as the trainer tokenized them, before its first step
        from .kd_server import teacher_targets

        # under accelerate launch the main process asks and writes the file; the others read it after
        with trainer.accelerator.main_process_first():
            targets.update(teacher_targets(job, trainer.train_dataset, settings))

    trainer = off_policy_trainer(teacher, settings, targets)
    after = ask_server if server is not None else None
    result = common.fit(job, dataset, trainer, model=model, tokenizer=tokenizer, after_init=after)
    return {**result, "teacher": teacher_name(settings)}


def teacher_name(settings: KDSettings) -> str | None:
    server = settings.teacher_server
    return settings.teacher if server is None else f"{server.model} at {server.base_url}"


def config_fields(recipe: Recipe, settings: KDSettings) -> dict[str, Any]:
    fields: dict[str, Any] = {"max_length": common.DEFAULT_MAX_LENGTH, "completion_only_loss": True}
    if settings.on_policy:
        fields["remove_unused_columns"] = False  # the collator reads the prompts
    return fields


ALGORITHM = common.Algorithm(
    name="kd",
    summary="soft targets: α·CE(label) + (1−α)·T²·KL to a teacher's top-k tokens (a local model, or a server's "
    "prompt log-probs) on the references, or on-policy (the student's samples, reverse KL: GKD)",
    train=train,
    settings=KDSettings,
    config="trl:SFTConfig",
    config_fields=config_fields,
    preflight=preflight,
)
