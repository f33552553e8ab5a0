import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _quiet_env():
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


# Modules whose module-scoped fixture is expensive (a trained run, a `vllm serve`, a built wheel, a loaded
# student): under `pytest -n 2` (with `--dist loadgroup`, pyproject's addopts) each runs on one worker, so the
# fixture is built once rather than once per worker.
ONE_WORKER = {"test_vllm", "test_export", "test_judge_vllm", "test_packaging", "test_generation_hf", "test_students"}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.stem in ONE_WORKER:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
    # the slow tests (a real model, vLLM) first, so the two workers finish together rather than one waiting
    # on a long test picked up last; stable, so each module keeps its order
    items.sort(key=lambda item: not (item.get_closest_marker("integration") or item.get_closest_marker("vllm")))


def pytest_configure(config):
    import sys

    if os.environ.get("PYTEST_XDIST_WORKER"):
        # one worker per core (pytest -n 2): each keeps to one thread, in-process and in the CLI processes it
        # starts, so the two never fight over the cores (torch's OpenMP threads spin when oversubscribed)
        os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = "1"

    sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/fake_openai.py, shared with benchmarks
