"""Load the student: its tokenizer and chat template, where generation stops, its base weights on the right device
and dtype (QLoRA: 4-bit NF4), its LoRA config and a round's policy. Where its weights come from (a packaged
alias, a GGUF file, a directory, a hub id) is students.py's."""

from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .students import ModelError, resolve_student

if TYPE_CHECKING:  # heavy imports stay inside functions so `rankdistill --help` is instant
    import torch

    from .sections import StudentSettings


def student_context(student: StudentSettings) -> int | None:
    """The longest sequence the student reads (its config's max_position_embeddings), from its config alone; None
    when it cannot be read (then nothing is checked against it)."""
    from transformers import AutoConfig

    try:
        config = AutoConfig.from_pretrained(resolve_student(student.model), revision=student.revision)
    except Exception:  # noqa: BLE001 - a student that cannot be read is reported where it is loaded
        return None
    for c in (config, getattr(config, "text_config", None)):
        n = getattr(c, "max_position_embeddings", None)
        if isinstance(n, int) and n > 0:
            return n
    return None


def pick_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def device_summary(student: StudentSettings) -> dict[str, Any]:
    """What the student runs on here, for the run's manifest: device, GPU, dtype, quantization, and the versions
    that decide the numbers (torch with its CUDA build, the libraries that load, quantize and serve it)."""
    import torch

    device = pick_device()
    info: dict[str, Any] = {
        "device": device,
        "dtype": str(pick_dtype(student.dtype, device)).removeprefix("torch."),
        "quantization": "bitsandbytes nf4" if student.quantization == "4bit" else "none",
    }
    if device == "cuda":
        props = torch.cuda.get_device_properties(0)
        info.update(
            gpu=props.name,
            gpu_count=torch.cuda.device_count(),
            gpu_memory_gib=round(props.total_memory / 2**30, 1),
            compute_capability=f"{props.major}.{props.minor}",
        )
    libraries: dict[str, Any] = {"torch": torch.__version__, "cuda": torch.version.cuda}
    for package in ("transformers", "trl", "peft", "accelerate", "bitsandbytes", "vllm"):
        try:
            libraries[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            pass  # vllm is optional
    info["libraries"] = libraries
    return info


def device_line(machine: dict[str, Any]) -> str:
    """'device: cuda (NVIDIA H200), bf16' or 'device: cpu, fp32' (+ ', 4-bit NF4 base') from a manifest's machine."""
    short = {"float32": "fp32", "bfloat16": "bf16", "float16": "fp16"}
    where = machine.get("device", "unknown")
    if machine.get("gpu"):
        where += f" ({machine['gpu']})"
    parts = [f"device: {where}"]
    if machine.get("dtype"):
        parts.append(short.get(machine["dtype"], machine["dtype"]))
    if machine.get("quantization", "none") != "none":
        parts.append("4-bit NF4 base (QLoRA)")
    return ", ".join(parts)


def pick_dtype(setting: str, device: str) -> torch.dtype:
    """fp32 on CPU (the fast dtype without bf16 instructions), bf16 on CUDA where supported."""
    import torch

    if setting != "auto":
        return getattr(torch, setting)
    if device == "cuda" and torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32


def stored_dtype(student: StudentSettings) -> str:
    """``student.dtype`` if set, else the dtype the student's weights are stored in (float32 when its config does
    not say): what an export writes, whichever device merged it."""
    if student.dtype != "auto":
        return student.dtype
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(resolve_student(student.model), revision=student.revision)
    name = str(getattr(config, "dtype", None) or "float32").removeprefix("torch.")
    return name if name in ("float32", "bfloat16", "float16") else "float32"


def load_tokenizer(student: StudentSettings, padding_side: str = "left") -> Any:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(resolve_student(student.model), revision=student.revision)
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    tok.padding_side = padding_side
    if student.chat_template:
        tok.chat_template = read_chat_template(student.chat_template)
    elif not tok.chat_template:
        if student.model not in _warned_plain:
            _warned_plain.add(student.model)
            from . import progress

            progress.log(
                f"warning: student.model {student.model} has no chat template: prompts are rendered as plain "
                "text (system prompt, blank line, user text); set student.chat_template to give it one"
            )
        tok.chat_template = PLAIN_TEMPLATE
    return tok


# A base model's "chat": system prompt, blank line, user text, newline, then the answer, ended by EOS (which
# training teaches and generation stops on). The prompt rendered alone is a prefix of prompt + answer, which
# TRL's trainers rely on to find the answer's tokens.
PLAIN_TEMPLATE = (
    "{%- for message in messages -%}"
    "{%- if message['role'] == 'assistant' -%}{{ message['content'] + eos_token }}"
    "{%- elif loop.last or messages[loop.index0 + 1]['role'] == 'assistant' -%}{{ message['content'] + '\\n' }}"
    "{%- else -%}{{ message['content'] + '\\n\\n' }}"
    "{%- endif -%}"
    "{%- endfor -%}"
)
_warned_plain: set[str] = set()


def read_chat_template(setting: str) -> str:
    """``student.chat_template``: Jinja text as given, or the text of the file it names."""
    if "{{" in setting or "{%" in setting:
        return setting
    path = Path(setting).expanduser()
    if not path.is_file():
        raise ModelError(f"student.chat_template: {setting} is neither Jinja text nor an existing file")
    return path.read_text(encoding="utf-8")


def end_of_turn(tokenizer: Any) -> str | None:
    """The text the chat template puts right after an assistant answer (e.g. '<|im_end|>', '<|eot_id|>',
    the EOS token of the plain template): where a turn ends. None if the template adds nothing."""
    marker = "\x00answer\x00"
    try:
        text = tokenizer.apply_chat_template(
            [{"role": "user", "content": "q"}, {"role": "assistant", "content": marker}], tokenize=False
        )
    except Exception:  # a template that refuses this conversation: no default stop
        return None
    after = text.split(marker, 1)[1] if marker in text else ""
    after = after.strip().split("\n")[0].strip()
    return after or None


def stop_sequences(tokenizer: Any, setting: list[str | int] | None) -> tuple[set[int], list[str]]:
    """(token ids, strings) generation stops on beyond EOS: ``generation.stop``, or by default the chat
    template's end-of-turn marker. A string that is one of the tokenizer's special tokens (e.g.
    '<|eot_id|>') becomes its id; any other string matches anywhere in the text, across token boundaries."""
    if setting is None:
        marker = end_of_turn(tokenizer)
        setting = [marker] if marker else []
    # only special tokens: Gemma's '\n' is an added token too, and as an id it missed the '\n\n' token (the
    # untrained student wrote on past its first line to max_new_tokens); as a string every token holding it stops
    special = {t.content: i for i, t in tokenizer.added_tokens_decoder.items() if t.special}
    ids, strings = set(), []
    for item in setting:
        if isinstance(item, int):
            ids.add(item)
        elif item in special:
            ids.add(special[item])
        else:
            strings.append(item)
    return ids, strings


def load_base_model(student: StudentSettings, for_training: bool = False) -> Any:
    """The student's base weights on the right device and dtype; 4-bit NF4 when quantization is '4bit'."""
    from transformers import AutoModelForCausalLM

    device = pick_device()
    dtype = pick_dtype(student.dtype, device)
    kwargs: dict[str, Any] = {"dtype": dtype, "revision": student.revision}
    if student.quantization == "4bit":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_compute_dtype=dtype,
            bnb_4bit_use_double_quant=True,
        )
        # one GPU per process under accelerate launch
        kwargs["device_map"] = {"": int(os.environ.get("LOCAL_RANK", 0))} if device == "cuda" else {"": "cpu"}
    model = AutoModelForCausalLM.from_pretrained(resolve_student(student.model), **kwargs)
    if student.quantization != "4bit":
        model.to(f"cuda:{os.environ.get('LOCAL_RANK', 0)}" if device == "cuda" else device)
    if for_training and student.quantization == "4bit":
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
    if not for_training:
        model.eval()
    return model


def lora_config(student: StudentSettings) -> Any:
    from peft import LoraConfig

    lora = student.lora
    return LoraConfig(
        r=lora.r,
        lora_alpha=lora.alpha,
        lora_dropout=lora.dropout,
        target_modules=lora.target_modules,
        task_type="CAUSAL_LM",
    )


def load_policy(student: StudentSettings, adapter: Path | None, for_training: bool = False) -> Any:
    """Base model with a round's LoRA adapter applied (``adapter`` None: the untrained base).

    The last model loaded for inference is kept until the next load: round r's evaluation and round r+1's
    generation sample from the same student, and it is loaded (and its adapter merged) once for both. A load for
    training lets it go first, so its memory is free for training."""
    key = (student.model_dump_json(), _adapter_version(adapter))
    if not for_training and _kept.get("key") == key:
        return _kept["model"]
    release_kept_policy()
    model = load_base_model(student, for_training=for_training)
    if adapter is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, str(adapter), is_trainable=for_training)
        if not for_training and student.quantization != "4bit":
            # Merging is exact for full-precision bases and makes generation faster; never merge into 4-bit.
            model = model.merge_and_unload()
        model.eval() if not for_training else model.train()
    if not for_training:
        _kept.update(key=key, model=model)
    return model


_kept: dict[str, Any] = {}  # load_policy's last inference model: {"key": ..., "model": ...}


def release_kept_policy() -> None:
    """Let go of the inference model load_policy keeps (before training, or before vLLM takes the GPU)."""
    _kept.clear()


def _adapter_version(adapter: Path | None) -> tuple[str, int] | None:
    """An adapter directory and its weights' mtime: a retrained round's adapter is a new version."""
    if adapter is None:
        return None
    weights = sorted(Path(adapter).glob("adapter_model.*"))
    return str(Path(adapter).resolve()), max((w.stat().st_mtime_ns for w in weights), default=0)
