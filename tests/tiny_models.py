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


# Gemma's turn markers and the pieces a tiny vocabulary needs to spell GEC prompts (bytes cover the rest)
_GEMMA_SPECIAL = ["<pad>", "<eos>", "<bos>", "<unk>", "<mask>", "<start_of_turn>", "<end_of_turn>"]
_HF_TO_GGUF = {
    "self_attn.q_proj": "attn_q",
    "self_attn.k_proj": "attn_k",
    "self_attn.v_proj": "attn_v",
    "self_attn.o_proj": "attn_output",
    "self_attn.q_norm": "attn_q_norm",
    "self_attn.k_norm": "attn_k_norm",
    "input_layernorm": "attn_norm",
    "post_attention_layernorm": "post_attention_norm",
    "pre_feedforward_layernorm": "ffn_norm",
    "post_feedforward_layernorm": "post_ffw_norm",
    "mlp.gate_proj": "ffn_gate",
    "mlp.up_proj": "ffn_up",
    "mlp.down_proj": "ffn_down",
}


def build_tiny_gemma3_gguf(out: Path) -> tuple[Path, object]:
    """A real GGUF file of a 2-layer Gemma 3 with random weights and a 400-token sentencepiece vocabulary (Gemma's
    special and turn tokens, the 256 bytes, letters and a few words), written as llama.cpp writes Gemma 3: its
    tensor names, RMSNorm weights stored as 1 + w. Returns (the file, the model it was written from)."""
    import gguf
    import torch
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig

    words = ["▁" + w for w in "the a is go goes she he they was were here home school".split()]
    letters = [c for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,!?'"]
    pieces = ["▁", *["▁" + c for c in letters], *letters, *words]
    tokens = _GEMMA_SPECIAL + ["\n"] + [f"<0x{b:02X}>" for b in range(256)] + pieces
    types = (
        [3] * len(_GEMMA_SPECIAL) + [4] + [6] * 256 + [1] * len(pieces)
    )  # control, user-defined, byte, normal
    scores = [-1000.0] * (len(_GEMMA_SPECIAL) + 1 + 256) + [-float(i) for i in range(len(pieces))]

    torch.manual_seed(0)
    config = Gemma3TextConfig(
        vocab_size=len(tokens),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=32,
        max_position_embeddings=512,
        sliding_window=64,
        rope_theta=1_000_000.0,
        bos_token_id=2,
        eos_token_id=1,
        pad_token_id=0,
    )
    model = Gemma3ForCausalLM(config).eval()
    with torch.no_grad():  # random norm weights, so a wrong +1 / -1 in the conversion shows
        for name, p in model.named_parameters():
            if "norm" in name:
                p.copy_(torch.randn_like(p) * 0.1)

    w = gguf.GGUFWriter(str(out), "gemma3")
    w.add_name("tiny gemma3")
    w.add_context_length(512)
    w.add_embedding_length(64)
    w.add_block_count(2)
    w.add_feed_forward_length(128)
    w.add_head_count(2)
    w.add_head_count_kv(1)
    w.add_key_length(32)
    w.add_value_length(32)
    w.add_layer_norm_rms_eps(config.rms_norm_eps)
    w.add_rope_freq_base(1_000_000.0)
    w.add_sliding_window(64)
    w.add_tokenizer_model("llama")
    w.add_tokenizer_pre("default")
    w.add_token_list(tokens)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_bos_token_id(2)
    w.add_eos_token_id(1)
    w.add_unk_token_id(3)
    w.add_pad_token_id(0)
    w.add_add_bos_token(True)
    w.add_add_eos_token(False)
    w.add_add_space_prefix(False)
    for name, p in model.state_dict().items():
        data = p.detach().float().numpy()
        if name == "model.embed_tokens.weight":
            w.add_tensor("token_embd.weight", data)
        elif name == "model.norm.weight":
            w.add_tensor("output_norm.weight", data + 1)
        elif name.startswith("model.layers."):
            layer, rest = name.removeprefix("model.layers.").split(".", 1)
            module = rest.removesuffix(".weight")
            data = data + 1 if "norm" in module else data
            w.add_tensor(f"blk.{layer}.{_HF_TO_GGUF[module]}.weight", data)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return out, model
