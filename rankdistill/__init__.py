"""rankdistill: preference / rank distillation of small language models."""

__version__ = "0.1.0"
