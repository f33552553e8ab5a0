"""The ``openai`` judge kind: a chat model on any OpenAI-compatible server ranks with a judge template.

Its settings say how the server is reached and paid for (URL, key variable, concurrency, retries, prices, cap)
and how it is asked (model, template, sampling); the calls themselves are openai_client.py's and llm.py's.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..settings import Settings
from .base import JudgeKind, Limits, StoppableSettings


class PriceSettings(Settings):
    input: float = Field(0.0, ge=0, description="Dollars per million prompt tokens.")
    output: float = Field(0.0, ge=0, description="Dollars per million completion tokens.")


class OpenAISettings(StoppableSettings):
    operational = StoppableSettings.operational | {
        "base_url",
        "base_url_env",
        "api_key_env",
        "concurrency",
        "timeout",
        "max_retries",
        "backoff",
    }
    kind: Literal["openai"] = Field("openai", description="A chat model on an OpenAI-compatible server.")
    model: str | None = Field(None, description="Teacher model: the served model's name (required).")
    template: str = Field(
        "listwise", description="Judge prompt: a template name in judges/ or a path to your own YAML file."
    )
    mode: Literal["listwise", "pairwise", "pointwise"] | None = Field(
        None, description="Judging mode; None: the template's. Must agree with the template."
    )
    base_url: str | None = Field(
        None, description="Server URL, e.g. http://127.0.0.1:8000/v1 (None: $OPENAI_BASE_URL, else OpenAI)."
    )
    base_url_env: str = Field("OPENAI_BASE_URL", description="Environment variable read for the server URL.")
    api_key_env: str = Field(
        "OPENAI_API_KEY",
        description="Environment variable holding the API key (the key itself is never stored).",
    )
    concurrency: int = Field(8, gt=0, description="Judge calls in flight at once.")
    timeout: float = Field(60.0, gt=0, description="Seconds before one call times out (then it is retried).")
    max_retries: int = Field(
        5, ge=0, description="Retries of a call on 429, 5xx, timeouts and lost connections."
    )
    backoff: float = Field(
        1.0,
        ge=0,
        description="First retry wait in seconds; doubles each retry, with jitter (Retry-After wins).",
    )
    temperature: float = Field(0.0, ge=0, description="Judge sampling temperature.")
    max_tokens: int = Field(256, gt=0, description="Longest judge reply, in tokens.")
    seed: int | None = Field(None, description="Sampling seed sent to the server (None: not sent).")
    structured_output: Literal["auto", "json_schema", "none"] = Field(
        "auto",
        description="Ask for JSON matching a schema (response_format); 'auto' falls back to lenient parsing "
        "when the server refuses it.",
    )
    price_per_mtok: PriceSettings = Field(
        default_factory=PriceSettings,
        description="Prices used for the ledger's cost column, $ per 1M tokens.",
    )

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        if v is not None and not v.lower().startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://, e.g. http://127.0.0.1:8000/v1")
        return v

    @model_validator(mode="after")
    def _model_and_template(self) -> OpenAISettings:
        from .templates import template_setting

        if not self.model:
            raise ValueError(
                "judge.model: the openai judge needs the served model's name (--set judge.model=NAME)"
            )
        template_setting(self.template, self.mode)
        return self

    def resolve_paths(self) -> None:
        from .templates import absolute_template

        self.template = absolute_template(self.template)


def _make(settings: OpenAISettings, ledger: Any, seed: int) -> Any:
    from .llm import LLMJudge
    from .openai_client import OpenAIClient
    from .templates import load_template

    return LLMJudge(
        OpenAIClient(settings),
        load_template(settings.template),
        ledger=ledger,
        concurrency=settings.concurrency,
        seed=seed,
    )


def _check(settings: OpenAISettings) -> None:
    """The openai package is installed and the key is in the environment (or the server needs none)."""
    import importlib.util

    from .openai_client import JudgeConfigError, OpenAIClient

    if importlib.util.find_spec("openai") is None:
        raise JudgeConfigError("judge.kind openai needs the openai package: pip install 'openai>=1.40'")
    OpenAIClient(settings).api_key()


def _probe(settings: OpenAISettings) -> None:
    """One free request to the server (its model list): reachable, and it takes the key."""
    import asyncio

    from .openai_client import OpenAIClient

    asyncio.run(OpenAIClient(settings).probe())


def _limits(settings: OpenAISettings) -> Limits:
    return Limits(settings.concurrency, settings.max_cost, settings.max_abstain_rate)


def _saved(settings: OpenAISettings) -> OpenAISettings:
    """As files keep it: base_url without user:password or query (this process keeps the full one in memory)."""
    from .openai_client import saved_settings

    return saved_settings(settings)


def _environment(settings: OpenAISettings) -> dict[str, str]:
    from .openai_client import environment

    return environment(settings)


JUDGE_KIND = JudgeKind(
    name="openai",
    summary="a chat model on an OpenAI-compatible server (OpenAI, vllm serve, Ollama) with a judge template",
    settings=OpenAISettings,
    make=_make,
    check=_check,
    probe=_probe,
    uses_ledger=True,
    answers=True,
    limits=_limits,
    saved=_saved,
    environment=_environment,
)
