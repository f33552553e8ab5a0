"""Run one stage of a run with ``generation.backend: vllm`` (used by test_vllm.py in a fresh process).

    python tests/vllm_stage.py RUN_DIR STAGE ROUND [EVAL_DATA]

vLLM's engine starts processes, so this needs the ``__main__`` guard; afterwards it checks that the engine's
processes are gone (their memory is free before the next stage) and prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time

if __name__ == "__main__":
    import psutil

    from rankdistill.generation.vllm import is_resource_tracker
    from rankdistill.loop import load_run_recipe, run_stage
    from rankdistill.rundir import RunDir

    run_dir, stage, round_idx = sys.argv[1], sys.argv[2], int(sys.argv[3])
    run = RunDir(run_dir)
    recipe = load_run_recipe(run)
    recipe.generation.backend = "vllm"
    start = time.perf_counter()
    kwargs = {"data": sys.argv[4]} if len(sys.argv) > 4 else {}
    run_stage(run, stage, round_idx, recipe, **kwargs)
    seconds = time.perf_counter() - start
    # Python's multiprocessing resource tracker stays until we exit; the engine's processes must be gone
    children = psutil.Process().children(recursive=True)
    left = [p.name() for p in children if p.is_running() and not is_resource_tracker(p)]
    print(json.dumps({"seconds": round(seconds, 1), "children_left": left}))
