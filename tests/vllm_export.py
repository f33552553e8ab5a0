"""Greedy chat answers of vLLM's engine on an exported model directory (used by test_export.py in a fresh process).

    python tests/vllm_export.py MODEL_DIR CONVERSATIONS_JSON

Loads the directory as `vllm serve` would (its own tokenizer, chat template and generation config; no rankdistill
code) and prints one line, "RESULT " and JSON: the answers.
"""

from __future__ import annotations

import json
import sys

if __name__ == "__main__":  # vLLM's engine may start processes that re-import this module
    import os

    os.environ.setdefault("VLLM_CPU_NUM_OF_RESERVED_CPU", "0")
    from vllm import LLM, SamplingParams

    model, conversations = sys.argv[1], json.loads(sys.argv[2])
    kwargs = {}
    try:
        import torch

        if not torch.cuda.is_available():  # vLLM-CPU: a fixed small KV cache, no compile, no chunked prefill
            kwargs = {
                "kv_cache_memory_bytes": 1 << 30,
                "enforce_eager": True,
                "enable_chunked_prefill": False,
            }
    except ImportError:
        pass
    llm = LLM(model=model, dtype="float32", max_model_len=2048, **kwargs)
    outs = llm.chat(conversations, SamplingParams(temperature=0, max_tokens=16), use_tqdm=False)
    print("RESULT " + json.dumps([o.outputs[0].text.strip() for o in outs]), flush=True)
