"""Device checks for any machine: torch's default device stands in for a second device (shared by tests).

On a GPU, a tensor made without ``device=`` lands on the CPU beside a model on CUDA and the first operation that
meets both fails ("Expected all tensors to be on the same device"). On a CPU-only machine the same mistake is
caught by making the *default* device meta while the model and its inputs stay on the CPU: a tensor made without
an explicit device is then a meta tensor, and mixing it with the CPU ones fails ("Tensor on device meta is not
on the expected device cpu!"), where the code would fail on CUDA.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def tensors_default_to_meta() -> Iterator[None]:
    """Run a block with torch's default device set to meta; the previous default is restored after.

    Build the model and encode the inputs before entering (a tokenizer's ``return_tensors="pt"`` follows the
    default device too), then call only the code under test inside.
    """
    import torch

    previous = torch.get_default_device()
    torch.set_default_device("meta")
    try:
        yield
    finally:
        # None, not "cpu": setting cpu explicitly would leave a device context on every later factory call
        torch.set_default_device(None if previous.type == "cpu" else previous)


def cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


# `pytest -m cuda`: tests that need a CUDA device; skipped elsewhere (CI), so the marker selects, the skip guards.
needs_cuda = [
    pytest.mark.cuda,
    pytest.mark.skipif(not cuda_available(), reason="needs a CUDA device (pytest -m cuda on a GPU machine)"),
]
