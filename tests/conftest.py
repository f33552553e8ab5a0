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
# student), by group: under `pytest -n 2` each group runs on one worker (pytest_xdist_make_scheduler), so the
# fixture is built once rather than once per worker.
ONE_WORKER = {"test_vllm", "test_export", "test_packaging", "test_generation_hf", "test_students"}
ONE_WORKER = {name: name for name in ONE_WORKER} | {"test_judge_vllm": "vllm_serve", "test_kd_vllm": "vllm_serve"}


@pytest.hookimpl(optionalhook=True)  # pytest without xdist runs too
def pytest_xdist_make_scheduler(config, log):
    """xdist's load scheduling, with ONE_WORKER's modules each sent to one worker as a unit. (Not
    `--dist loadgroup`: with pytest 9 its group suffix never reaches the nodeids the scheduler sees.)"""
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Grouped(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return ONE_WORKER.get(Path(nodeid.split("::", 1)[0]).stem, nodeid)  # a group, or the test alone

    return Grouped(config, log)


def pytest_collection_modifyitems(config, items):
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


_served: dict = {}  # the running `vllm serve`: its process and URL


@pytest.fixture
def vllm_server():
    """The URL of a `vllm serve` of the packaged SmolLM2 (served as "smollm2"), started when a test first asks
    and stopped after the last test in a row that asks (pytest_runtest_teardown): the judge's and kd's tests
    share one (conftest groups their modules on one worker), and it is not left holding gigabytes after them."""
    if not _served:
        _served.update(_start_vllm_serve())
    return _served["url"]


def pytest_runtest_teardown(item, nextitem):
    if _served and (nextitem is None or "vllm_server" not in nextitem.fixturenames):
        import signal
        import subprocess

        proc = _served.pop("proc")
        _served.clear()
        os.killpg(proc.pid, signal.SIGTERM)  # the server and the engine processes it spawned
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _start_vllm_serve() -> dict:
    import signal
    import socket
    import subprocess
    import sys
    import tempfile
    import time
    import urllib.request

    from rankdistill.models import resolve_student

    model = resolve_student("smollm2-135m-instruct")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "vllm.entrypoints.openai.api_server", "--model", model]
    cmd += ["--served-model-name", "smollm2", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--dtype", "float32", "--max-model-len", "2048", "--enforce-eager"]  # eager: no minutes of compiling
    env = {**os.environ, "VLLM_CPU_KVCACHE_SPACE": os.environ.get("VLLM_CPU_KVCACHE_SPACE", "1")}
    # its log to a file: a pipe nobody reads fills (64 KiB of request lines) and stalls the server
    log = tempfile.NamedTemporaryFile(prefix="vllm-serve-", suffix=".log", delete=False)
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/v1"
    start = time.time()
    while True:
        failed = None
        if proc.poll() is not None:
            failed = f"vllm serve exited ({proc.returncode}):\n{Path(log.name).read_text()[-3000:]}"
        elif time.time() - start > 600:
            failed = "vllm serve did not start within 10 minutes"
        if failed:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(failed)
        try:
            urllib.request.urlopen(f"{url}/models", timeout=2)
            break
        except OSError:
            time.sleep(1)
    print(f"vllm serve ready after {time.time() - start:.0f} s")
    return {"proc": proc, "url": url}
