"""Export a trained round: its LoRA adapter with the tokenizer, or (merge) a standalone model directory that
transformers and `vllm serve` load as it is."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .loop import load_run_recipe, summary
from .records import read_json
from .rundir import RunDir

# the files peft writes for an adapter (train_log.json and checkpoints stay in the run)
_ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors", "adapter_model.bin")


class ExportError(ValueError):
    """A round that cannot be exported; the message says why."""


def best_round(run: RunDir) -> int:
    """The trained round the summary marks best (highest covered or exact match on the test set; ties: the earlier)."""
    marked = [row["round"] for row in summary(run) if row.get("best")]
    if not marked:
        raise ExportError(f"{run.root}: no trained round has an exact match on the test set to pick the best by")
    return marked[0]


def export_round(
    run_dir: str | Path,
    out: str | Path,
    round_idx: int | None = None,
    best: bool = False,
    merge: bool = False,
) -> dict[str, Any]:
    """Write round ``round_idx`` (default: the last trained; ``best``: the best) of a run to ``out``: the
    adapter and tokenizer, or with ``merge`` the merged weights, tokenizer, chat template and generation config.
    Returns what was written (also saved as ``out/rankdistill-export.json``)."""
    from .models import load_tokenizer, resolve_student
    from .train import algorithm_for_round

    run = RunDir(run_dir)
    recipe = load_run_recipe(run)
    if best:
        round_idx = best_round(run)
    elif round_idx is None:
        round_idx = run.last_trained_round()
    if round_idx < 1 or not run.is_done("train", round_idx):
        trained = [r for r in run.rounds() if r > 0 and run.is_done("train", r)]
        raise ExportError(
            f"{run.root}: round {round_idx} has no trained adapter (trained rounds: "
            f"{', '.join(map(str, trained)) or 'none'})"
        )
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ExportError(f"--out {out} exists and is not empty")
    adapter = run.adapter(round_idx)
    tokenizer = load_tokenizer(recipe.student, padding_side="left")
    info: dict[str, Any] = {
        "run": str(run.root.resolve()),
        "round": round_idx,
        "algorithm": algorithm_for_round(recipe, round_idx),
        "student": recipe.student.model,
        "merged": merge,
    }
    skipped = read_json(adapter / "skipped.json") if (adapter / "skipped.json").exists() else None
    if skipped:  # the round trained nothing: what it holds is an earlier round's student, said so
        info["algorithm"] = None
        info["skipped"] = skipped.get("reason", "skipped")
        info["student_from_round"] = skipped.get("student_from_round", round_idx - 1)
    if run.eval_json(round_idx).exists():
        metrics = read_json(run.eval_json(round_idx))
        info["eval"] = {k: v for k, v in metrics.items() if isinstance(v, (int, float))}
    out.parent.mkdir(parents=True, exist_ok=True)
    # a fresh name of our own beside --out: whatever else is there (a user's OUT.tmp) is never touched
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".export-tmp", dir=out.parent))
    try:
        if merge:
            _write_merged(recipe, adapter, tokenizer, tmp, info)
        else:
            for name in _ADAPTER_FILES:
                if (adapter / name).exists():
                    shutil.copy2(adapter / name, tmp / name)
            tokenizer.save_pretrained(tmp)
            info["base_model"] = resolve_student(recipe.student.model)
            info["note"] = (
                "a LoRA adapter: load base_model, then peft.PeftModel.from_pretrained(model, this directory)"
                + (
                    "; trained on the base quantized to 4-bit NF4 (QLoRA)"
                    if recipe.student.quantization == "4bit"
                    else ""
                )
            )
        if skipped:
            start = info["student_from_round"]
            student = "the untrained student" if start == 0 else f"round {start}'s student, unchanged"
            info["note"] = f"round {round_idx}'s training was skipped ({info['skipped']}): this is {student}; " + (
                info.get("note") or ""
            )
        (tmp / "rankdistill-export.json").write_text(json.dumps(info, indent=2) + "\n")
        _readable(tmp)
        if out.exists():
            out.rmdir()  # empty (checked above)
        tmp.rename(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # ours alone; gone after the rename
    return info


def _write_merged(recipe: Any, adapter: Path, tokenizer: Any, out: Path, info: dict[str, Any]) -> None:
    """Base (never 4-bit; in the dtype its weights are stored in, so an export merged on a GPU in bf16 runs
    writes what one merged on a CPU does) + adapter merged into plain weights, with a generation config that
    stops at the end of a turn as the run's generation and evaluation did."""
    from peft import PeftModel

    from .generation.hf import stop_token_ids
    from .models import load_base_model, stop_sequences, stored_dtype

    student = recipe.student.model_copy(update={"quantization": "none", "dtype": stored_dtype(recipe.student)})
    model = PeftModel.from_pretrained(load_base_model(student), str(adapter)).merge_and_unload()
    if recipe.student.quantization == "4bit":
        info["note"] = (
            "the QLoRA adapter (trained on the base quantized to 4-bit NF4) is merged into the full-precision "
            "base: answers can differ slightly from the run's evaluation, which used the 4-bit base"
        )
    stop_ids, stop_strings = stop_sequences(tokenizer, recipe.generation.stop)
    gen = model.generation_config
    gen.eos_token_id = sorted(stop_token_ids(gen.eos_token_id, tokenizer) | stop_ids)
    gen.pad_token_id = tokenizer.pad_token_id
    if stop_strings:
        gen.stop_strings = stop_strings
    model.config.use_cache = True
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    info["generation_stop"] = {"eos_token_id": gen.eos_token_id, "stop_strings": stop_strings}


def _readable(folder: Path) -> None:
    """Files as the umask allows: transformers writes weights 0600, which a server running as another user
    (a container, a service account) cannot read."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    folder.chmod(0o777 & ~mask)
    for f in folder.iterdir():
        f.chmod(0o666 & ~mask)
