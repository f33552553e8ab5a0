"""Greedy answers of the vLLM backend with ``generation.stop`` (used by test_students.py in a fresh process).

    python tests/vllm_stop.py MODEL_DIR STOPS_JSON

STOPS_JSON is a list of ``generation.stop`` values, answered in turn by one engine (an engine start costs ~30 s
on CPU): the first is the recipe's, the next ones are set as the backend sets the recipe's (``_use_stop``).
Prints one line, "RESULT " and JSON: per stop value, per prompt, [text, num_tokens, finish_reason].
"""

from __future__ import annotations

import json
import sys

PROMPTS = ["she go home", "they was here"]

if __name__ == "__main__":  # vLLM's engine may start processes that re-import this module
    from rankdistill.generation import make_generator
    from rankdistill.recipe import load_recipe

    model, stops = sys.argv[1], json.loads(sys.argv[2])
    recipe = load_recipe(
        "gec-smollm2-small",
        {
            "student.model": model,
            "generation.backend": "vllm",
            "generation.stop": stops[0],
            "student.dtype": "float32",
        },
    )
    gen = make_generator(recipe, None)
    results = []
    try:
        for i, stop in enumerate(stops):
            if i:
                gen._use_stop(stop)
            out = gen.generate(
                [[{"role": "user", "content": p}] for p in PROMPTS], greedy=True, max_new_tokens=12
            )
            results.append([[c[0].text, c[0].num_tokens, c[0].finish_reason] for c in out])
    finally:
        gen.close()
    print("RESULT " + json.dumps(results), flush=True)
