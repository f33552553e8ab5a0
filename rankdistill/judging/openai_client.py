"""The client of any OpenAI-compatible chat server (OpenAI, vLLM, Together, Anyscale, Ollama) that a judge calls.

Retries are ours (the client's are off) so they can be counted: 429, 5xx, timeouts and dropped connections are
retried with exponential backoff and full jitter, honouring Retry-After. The API key is read from the
environment when the session opens and lives only in the client object: never in the recipe, ledger or logs.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import os
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from .. import progress
from ..errors import UserError
from ..urls import carries_credentials, public_url
from .ledger import Reply

MAX_WAIT_S = 120.0  # never sleep longer than this on one Retry-After
# judge.base_url as saved in a run directory (no credentials) -> the URL this process was given. Memory only:
# a later process gets the credentials again from the user's recipe, --set or $OPENAI_BASE_URL.
_LIVE_URLS: dict[str, str] = {}


def saved_url(url: str | None) -> str | None:
    """judge.base_url as a run directory keeps it: without user:password, query or fragment (where keys hide).
    The full URL stays in this process's memory, so its own calls still carry the credentials."""
    if not url or not carries_credentials(url):
        return url  # nothing to hide: saved as given
    public = public_url(url)
    _LIVE_URLS[public] = url
    return public


def environment(settings: Any) -> dict[str, str]:
    """The openai kind's JudgeKind.environment: its full URL (when this process holds one with credentials) under
    its base_url_env, so that a child process (compare's runs) reaches the server without a file holding it."""
    if settings.base_url in _LIVE_URLS:
        return {settings.base_url_env: _LIVE_URLS[settings.base_url]}
    return {}


def saved_settings(settings: Any) -> Any:
    """The openai kind's JudgeKind.saved: base_url without credentials (saved_url)."""
    if not settings.base_url:
        return settings
    return settings.model_copy(update={"base_url": saved_url(settings.base_url)})


def _short(error: str | None, limit: int = 200) -> str:
    text = " ".join((error or "no reply").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_error(e: Any) -> str:
    """'400 <what the server said>': its error message when the body is JSON (OpenAI's error.message, vLLM's
    message, Ollama's error), else the body's text; never just the status, so a refusal says why."""
    body, said = getattr(e, "body", None), None
    if isinstance(body, dict):
        inner = body.get("error")
        said = inner.get("message") if isinstance(inner, dict) else inner
        said = said or body.get("message") or body.get("detail")
    if not said:
        said = body if isinstance(body, str) and body else e.message
    return f"{e.status_code} {_short(str(said), 500)}"


class JudgeConfigError(UserError, ValueError):
    """The judge cannot be reached as configured (no key, bad credentials): stop, do not abstain."""


def retry_after(headers: Any) -> float | None:
    """Seconds to wait from Retry-After (seconds or an HTTP date) or retry-after-ms; None if absent."""
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        with contextlib.suppress(ValueError):
            return float(ms) / 1000
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        with contextlib.suppress(TypeError, ValueError):
            return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    return None


def answered(resp: Any, latency_s: float, retries: int) -> Reply:
    """The Reply of a 200 answer, whatever its shape: the server answered (and bills it), so it is recorded as an
    answer; one with no choice or no text in it parses as nothing, an abstention, never a lost or failed call."""
    choices = getattr(resp, "choices", None) or []
    message = getattr(choices[0], "message", None) if choices else None
    text = getattr(message, "content", None)
    if text is None and getattr(message, "refusal", None):
        text = f"[refusal] {message.refusal}"
    usage = getattr(resp, "usage", None)
    tokens = [getattr(usage, name, 0) for name in ("prompt_tokens", "completion_tokens")]
    return Reply(
        text if isinstance(text, str) else "",
        *(t if isinstance(t, int) and t >= 0 else 0 for t in tokens),
        latency_s=latency_s,
        retries=retries,
        error=None if choices else "the answer had no choices",
    )


class OpenAIClient:
    """How an openai judge reaches its server: the URL and key, retries, prices (a ChatClient of llm.py)."""

    def __init__(self, settings: Any, name: str = "judge"):
        self.settings = settings
        self.name = name  # what its messages call it: "judge", "kd teacher"
        self.model = settings.model
        # "auto" falls back to plain text (parsed leniently) once the server refuses JSON schemas
        self.structured = settings.structured_output
        self.sdk: Any = None

    def base_url(self) -> str | None:
        """The URL calls go to, credentials included: judge.base_url (as given to this process, though a run
        directory saves it without them), else $OPENAI_BASE_URL; a saved URL takes its credentials back from
        $OPENAI_BASE_URL when that names the same server."""
        url, env = self.settings.base_url, os.environ.get(self.settings.base_url_env) or None
        if not url:
            return env
        if url in _LIVE_URLS:
            return _LIVE_URLS[url]
        if env and env != url and public_url(env) == url:
            return env
        return url

    def _hint(self) -> str:
        """For a server of one's own reached without a user:password: a run directory does not keep them."""
        url = self.base_url()
        if not url or "@" in url:
            return ""
        return (
            " (a user:password in judge.base_url is not saved in the run directory: give the URL again, with "
            f"--set judge.base_url=... or ${self.settings.base_url_env})"
        )

    def public_url(self) -> str:
        """The server's URL for messages: no user:password, query or fragment (where keys hide)."""
        return public_url(self.base_url() or "https://api.openai.com/v1")

    def sampling(self) -> dict[str, Any]:
        s = self.settings
        out: dict[str, Any] = {"temperature": s.temperature, "max_tokens": s.max_tokens}
        if s.seed is not None:
            out["seed"] = s.seed
        return out

    def cost(self, reply: Reply) -> float:
        p = self.settings.price_per_mtok
        return (reply.prompt_tokens * p.input + reply.completion_tokens * p.output) / 1e6

    def api_key(self) -> str:
        """The key from the environment; JudgeConfigError when there is none and no server that needs none."""
        key = os.environ.get(self.settings.api_key_env)
        if key:
            return key
        if self.base_url() is None:
            raise JudgeConfigError(
                f"judge.kind openai: set ${self.settings.api_key_env} (or judge.api_key_env) to your API key, "
                f"or ${self.settings.base_url_env} / judge.base_url to a server that needs none"
            )
        return "no-key"  # local servers (vLLM, Ollama) accept any key

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        import openai

        key = self.api_key()
        base_url = self.base_url()
        self.sdk = openai.AsyncOpenAI(
            api_key=key, base_url=base_url, timeout=self.settings.timeout, max_retries=0
        )
        try:
            yield
        finally:
            await self.sdk.close()
            self.sdk = None

    async def probe(self) -> None:
        """One free request (listing the served models) that the server is there and takes the key; a server
        that answers it with another error (no such route) is there. JudgeConfigError otherwise."""
        import openai

        async with self.session():
            try:
                listed = await self.sdk.models.list()
            except (openai.AuthenticationError, openai.PermissionDeniedError) as e:
                raise JudgeConfigError(
                    f"judge server {self.public_url()} refused the credentials: {status_error(e)}{self._hint()}"
                ) from None
            except (openai.APITimeoutError, openai.APIConnectionError) as e:
                cause = e.__cause__ or e
                raise JudgeConfigError(
                    f"judge server {self.public_url()} cannot be reached ({_short(f'{type(cause).__name__}: {cause}')}); "
                    "check judge.base_url (e.g. http://127.0.0.1:8000/v1) and that the server is up"
                ) from None
            except (openai.APIStatusError, openai.APIResponseValidationError, ValueError):
                return  # it answered: there, though it lists no models
        served = [getattr(m, "id", None) for m in getattr(listed, "data", None) or []]
        if served and self.model not in served:
            progress.log(
                f"warning: judge.model {self.model!r} is not among the models {self.public_url()} lists "
                f"({_short(', '.join(map(str, served)), 120)})"
            )

    async def complete(self, messages: list[dict[str, str]], schema: dict[str, Any] | None) -> Reply:
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages, **self.sampling()}

        def send() -> Any:
            if schema is not None and self.structured in ("auto", "json_schema"):
                kwargs["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "verdict", "schema": schema, "strict": True},
                }
            else:
                kwargs.pop("response_format", None)
            return self.sdk.chat.completions.create(**kwargs)

        def without_schema() -> bool:
            # (concurrent calls may all hit this once; each asks again without the schema, which is not a retry:
            # with max_retries 0 the plain request is still made, and its own 400 is reported)
            if self.settings.structured_output == "auto" and "response_format" in kwargs:
                self.structured = "none"
                return True
            return False

        return await self.call(send, answered, without_schema)

    async def call(
        self,
        send: Callable[[], Awaitable[Any]],
        answer: Callable[[Any, float, int], Reply],
        on_bad_request: Callable[[], bool] = lambda: False,
    ) -> Reply:
        """``answer(send(), latency, retries)`` with our retries (429, 5xx, timeouts, lost connections, a body
        that is not JSON); a failure is a Reply without text. ``on_bad_request``: True asks again at once (a 400
        that a changed request may not get)."""
        import openai

        retries, start, error = 0, time.perf_counter(), None
        while True:
            wait = None
            try:
                resp = await send()
                return answer(resp, time.perf_counter() - start, retries)
            except (openai.AuthenticationError, openai.PermissionDeniedError) as e:
                raise JudgeConfigError(
                    f"{self.name} server {self.public_url()} refused the credentials: {status_error(e)}{self._hint()}"
                ) from None
            except openai.BadRequestError as e:
                error = status_error(e)
                if on_bad_request():
                    continue
                break  # this request will not get better by repeating it
            except openai.APIStatusError as e:
                error = status_error(e)
                if e.status_code != 429 and e.status_code < 500:
                    break
                wait = retry_after(e.response.headers)
            except (
                openai.APITimeoutError,
                openai.APIConnectionError,
                openai.APIResponseValidationError,
            ) as e:
                error = f"{type(e).__name__}: {e}"
            except ValueError as e:  # a body that is not JSON
                error = f"malformed response: {e}"
            if retries == self.settings.max_retries:
                break
            if wait is None:
                wait = self.settings.backoff * 2**retries * random.uniform(0.5, 1.5)
            retries += 1
            wait = min(wait, MAX_WAIT_S)
            progress.log(f"{self.name}: {_short(error)}; retry {retries}/{self.settings.max_retries} in {wait:.1f} s")
            await asyncio.sleep(wait)
        progress.log(f"{self.name}: call failed after {retries} retries ({self.public_url()}): {_short(error)}")
        return Reply(None, latency_s=time.perf_counter() - start, retries=retries, error=error or "no reply")
