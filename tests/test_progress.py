"""Logs a person can read: piped output has one line per stage start and end, and no bar escape codes."""

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from rankdistill import progress
from rankdistill.recipe import load_recipe
from rankdistill.run import open_run

ROOT = Path(__file__).resolve().parent.parent


def test_piped_cli_prints_stage_start_and_end_lines_without_escape_codes(tmp_path):
    recipe = load_recipe("gec-smollm2-small", {"data.max_prompts": 3, "generation.k": 2})
    run = open_run(tmp_path / "run", recipe)
    rows = [
        {
            "prompt_id": f"p{i}",
            "messages": [{"role": "user", "content": "she go home"}],
            "candidates": [
                {"text": "She goes home.", "num_tokens": 4, "finish_reason": "stop"},
                {"text": "she go home", "num_tokens": 3, "finish_reason": "stop"},
            ],
            "reference": "She goes home.",
        }
        for i in range(3)
    ]
    run.candidates(1).parent.mkdir(parents=True, exist_ok=True)
    run.candidates(1).write_text("".join(json.dumps(r) + "\n" for r in rows))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    env.pop("FORCE_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "rankdistill", "judge", str(run.root), "--round", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    err = proc.stderr
    assert "round 1: judge: start (3 items)" in err
    assert "round 1: judge: end (3/3 items, " in err
    assert "\x1b[" not in err + proc.stdout and "\r" not in err
    assert "━" not in err  # rich's bar glyph


def test_plain_reporter_heartbeat_gives_done_total_and_rate():
    out = io.StringIO()
    with progress.PlainReporter(out, heartbeat=0.2):
        with progress.task("round 2: train", total=10) as bar:
            bar.advance(4)
            time.sleep(1.5)
        progress.log("run complete")
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("round 2: train: start (10 items)")
    beats = [line for line in lines if "so far" in line]
    assert beats and "4/10 items" in beats[0] and "items/" in beats[0]
    assert "round 2: train: end (4/10 items" in lines[-2] and lines[-1].endswith("run complete")
    assert progress._reporter is None  # uninstalled on exit


def test_cli_bounds_openmp_spinning_unless_the_user_set_it():
    code = "import os, rankdistill.__main__; print(os.environ.get('GOMP_SPINCOUNT'))"
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    env["PYTHONPATH"] = str(ROOT)

    def run(e):
        return subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True).stdout

    assert run(env).strip() == "10000"
    assert run({**env, "GOMP_SPINCOUNT": "500"}).strip() == "500"
    assert run({**env, "OMP_WAIT_POLICY": "PASSIVE"}).strip() == "None"  # the user's policy is left alone
