import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _quiet_env():
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def pytest_configure(config):
    import sys

    if os.environ.get("PYTEST_XDIST_WORKER"):
        # one worker per core (pytest -n 2): each keeps to one thread, in-process and in the CLI processes it
        # starts, so the two never fight over the cores (torch's OpenMP threads spin when oversubscribed)
        os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = "1"

    sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/fake_openai.py, shared with benchmarks
