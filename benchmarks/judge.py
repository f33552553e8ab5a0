"""Judge throughput and cost shape, measured side by side in one run against a local OpenAI-compatible server
whose replies take a fixed delay (tests/fake_openai.py), so the numbers show our client, not a model.

    python benchmarks/judge.py [--prompts 64] [--delay 0.5]

Prints rankings/s at concurrency 1 and 16 and their ratio (the goal: close to 16), and calls per ranked prompt
for listwise vs pairwise at k = 4 and 8.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fake_openai import FakeServer  # noqa: E402

from rankdistill.judging import make_judge  # noqa: E402
from rankdistill.judging.llm import rank_all  # noqa: E402
from rankdistill.recipe import JudgeSettings  # noqa: E402
from rankdistill.records import CandidateSet, Completion  # noqa: E402


def items(n: int, k: int, tag: str) -> list[CandidateSet]:
    return [
        CandidateSet(
            f"{tag}-{i}",
            [{"role": "user", "content": f"Question {i}: say something."}],
            [Completion(f"answer {j} " + "x" * (j * 3 + i % 5), 4, "stop") for j in range(k)],
        )
        for i in range(n)
    ]


def run(url: str, batch: list[CandidateSet], template: str, concurrency: int) -> float:
    """Seconds to rank ``batch`` (fresh in-memory ledger: every call goes to the server)."""
    settings = JudgeSettings(
        kind="openai", model="bench", template=template, base_url=url, concurrency=concurrency
    )
    judge = make_judge(settings)
    start = time.perf_counter()
    asyncio.run(rank_all(judge, batch, lambda r: None))
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prompts", type=int, default=64)
    ap.add_argument("--delay", type=float, default=0.5, help="Seconds the server takes per reply.")
    args = ap.parse_args()
    os.environ.setdefault("OPENAI_API_KEY", "bench")
    with FakeServer(delay=args.delay) as srv:
        print(f"server reply delay {args.delay:.2f} s, {args.prompts} prompts, k=4, listwise\n")
        rates = {}
        for c in (1, 16):
            secs = run(srv.url, items(args.prompts, 4, f"c{c}"), "listwise", c)
            rates[c] = args.prompts / secs
            print(f"concurrency {c:>2}: {secs:6.2f} s  {rates[c]:6.2f} rankings/s")
        print(f"ratio (16 vs 1): {rates[16] / rates[1]:.1f}x  (ideal 16x)\n")
        print("calls per ranked prompt (server requests / prompts):")
        for k in (4, 8):
            for template in ("listwise", "pairwise"):
                before, n = srv.requests, 4
                run(srv.url, items(n, k, f"{template}{k}"), template, 16)
                print(f"  k={k} {template:<9} {(srv.requests - before) / n:5.1f}")


if __name__ == "__main__":
    main()
