"""Each run says what it ran on: the manifest's machine section (device, GPU, dtype, quantization, library
versions with torch's CUDA build) and the summary's first line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from rankdistill.models import device_line
from rankdistill.recipe import load_recipe


def test_manifest_names_device_dtype_quantization_and_versions_and_the_summary_says_it_first(tmp_path):
    import torch

    from rankdistill.cli import main
    from rankdistill.run import open_run

    run = open_run(tmp_path / "run", load_recipe("gec-smollm2-small", {"student.quantization": "4bit"}))
    machine = json.loads(run.manifest_path.read_text())["machine"]
    assert machine["device"] == "cpu" and machine["dtype"] == "float32"  # this machine has no GPU
    assert machine["quantization"] == "bitsandbytes nf4" and "gpu" not in machine
    libraries = machine["libraries"]
    assert (
        libraries["torch"] == torch.__version__ and libraries["cuda"] == torch.version.cuda
    )  # None: CPU build
    assert {"transformers", "trl", "peft", "bitsandbytes"} <= set(libraries)
    result = CliRunner().invoke(main, ["summary", str(run.root)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "device: cpu, fp32, 4-bit NF4 base (QLoRA)"


def test_device_line_names_the_gpu_and_dtype():
    gpu = {"device": "cuda", "gpu": "NVIDIA H200", "dtype": "bfloat16", "quantization": "none"}
    assert device_line(gpu) == "device: cuda (NVIDIA H200), bf16"
    assert device_line({"device": "cpu", "dtype": "float32"}) == "device: cpu, fp32"


def test_export_merges_into_the_dtype_the_base_is_stored_in_whatever_the_device(tmp_path):
    """A GPU run computes in bf16, a CPU run in fp32; the merged export is the base's own dtype either way (the
    packaged student is stored in fp32), unless the recipe names a dtype."""
    from transformers import LlamaConfig

    from rankdistill.models import stored_dtype
    from rankdistill.recipe import StudentSettings

    LlamaConfig(num_hidden_layers=1, dtype="bfloat16").save_pretrained(tmp_path / "bf16")
    assert stored_dtype(StudentSettings(model=str(tmp_path / "bf16"))) == "bfloat16"
    assert stored_dtype(StudentSettings(model=str(tmp_path / "bf16"), dtype="float32")) == "float32"
    assert stored_dtype(StudentSettings()) == "float32"  # the packaged SmolLM2, converted from its GGUF
