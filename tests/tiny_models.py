"""A tiny random-weight base model for plumbing tests (shared by tests and benchmarks, like fake_openai.py)."""

from pathlib import Path


def build_base_model(out: Path) -> Path:
    """A 2-layer Llama with the packaged SmolLM2 tokenizer, its chat template removed: a base model as users
    have them (random weights: for plumbing, not quality)."""
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    from rankdistill.models import resolve_student

    tok = AutoTokenizer.from_pretrained(resolve_student("smollm2-135m-instruct"))
    tok.chat_template = None
    tok.save_pretrained(out)
    for f in out.glob("chat_template*"):
        f.unlink()
    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(tok),
        hidden_size=128,
        intermediate_size=256,
        num_hidden_layers=2,
        num_attention_heads=2,  # head size 64: one vLLM's CPU attention supports
        num_key_value_heads=1,
        max_position_embeddings=512,
        bos_token_id=tok.bos_token_id,
        eos_token_id=tok.eos_token_id,
    )
    LlamaForCausalLM(config).save_pretrained(out)
    assert AutoTokenizer.from_pretrained(out).chat_template is None
    return out
