"""A small OpenAI-compatible chat server for fault injection and benchmarks (not a stand-in for real models:
the integration test uses a real `vllm serve`).

It judges honestly by a rule (the shorter candidate is better) and misbehaves on request: a marker in the
candidate text, e.g. ``[fault=429]``, makes the server answer the first request carrying it with that fault.
Faults: 429 (with Retry-After), 500, slow (sleeps past the client timeout), badbody (HTTP body is not JSON),
badjson (the reply text is broken JSON, every time), refuse (a refusal, every time), biased (always "A"),
norationale / emptyrationale / noanswer (a label template's JSON reply without a rationale, with an empty one,
without the answer; every time),
400 (HTTP 400 with ``server.error_message`` as its JSON error message, every time) and rawerror (HTTP 500 whose
body is ``server.error_message`` as plain text, every time: what a proxy's error page looks like).
``[fault=down]`` marks requests that fail every time while ``server.outage`` is set: "500" (HTTP 500),
"badbody" (a body that is not JSON) or "slow" (no reply before the client's timeout); set ``outage`` to None
and the server is back. With ``basic_auth`` set ("user:password"), requests without those credentials (given as
http://user:password@host/v1) are answered 401; with ``api_key`` set, requests without that bearer key too.
More faults: empty (a 200 whose ``choices`` is empty, every time: an answer with no text) and hang (no reply
before the client's timeout, every time). ``reply_pad`` adds that many spaces after every verdict (big replies,
for a disk that fills). ``GET /v1/models`` lists ``models`` (free: not counted in ``requests``).

Like vLLM, ``POST /v1/completions`` with the prompt as token ids and ``prompt_logprobs: k`` returns each prompt
position's top-k {token id: {logprob, rank, decoded_token}} (and the token that is there), made up by
``fake_prompt_logprobs``; ``logprob_fault`` ("500", "slow", "malformed": a log-prob that is not a number, "short":
fewer positions than prompt tokens) answers every request whose prompt holds ``fault_token`` (any, when None)
so while it is set. ``POST /tokenize`` answers with ``tokenize(text)`` (a function the test gives; None: 404).
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOTS = re.compile(r'<candidate(?: id="(\w+)")?>\n(.*?)\n</candidate>', re.DOTALL)
TASKS = re.compile(r"<prompt>\n(.*?)\n</prompt>", re.DOTALL)
FAKE_VOCAB = 49152  # the packaged SmolLM2's, the tiny models' tokenizer


def fake_prompt_logprobs(ids: list[int], k: int) -> list[dict[str, dict] | None]:
    """vLLM's prompt_logprobs, made up: at position j (j ≥ 1) k distinct ids drawn from the prefix with falling
    log-probs, then the token at j when it is not among them (as vLLM adds it, with its rank)."""
    out: list[dict[str, dict] | None] = [None]
    for j in range(1, len(ids)):
        entry: dict[str, dict] = {}
        step = 0
        while len(entry) < k:
            token = (ids[j - 1] * 31 + j * 7 + step * 97) % FAKE_VOCAB
            step += 1
            if str(token) not in entry:
                rank = len(entry) + 1
                entry[str(token)] = {"logprob": -0.3 - 0.6 * rank - 0.05 * (j % 4), "rank": rank, "decoded_token": "x"}
        if str(ids[j]) not in entry:
            entry[str(ids[j])] = {"logprob": -30.0, "rank": 5000, "decoded_token": "y"}
        out.append(entry)
    return out


def _verdict(user: str) -> str:
    """The honest rule: shorter candidate text is better."""
    slots = SLOTS.findall(user)
    tasks = TASKS.findall(user)
    if tasks and '"rationale"' in user:  # a label template's request: the last <prompt> is the task
        answer = "Corrected: " + tasks[-1].rsplit(":", 1)[-1].strip()
        reply = {"rationale": f"Rule: the input becomes '{answer}'.", "answer": answer}
        if "[fault=norationale]" in user:
            del reply["rationale"]
        if "[fault=emptyrationale]" in user:
            reply["rationale"] = " "
        if "[fault=noanswer]" in user:
            del reply["answer"]
        return json.dumps(reply)
    if not slots:  # not a judge prompt (e.g. a pseudo-label request): a deterministic answer
        return "Corrected: " + user.rsplit(":", 1)[-1].strip()
    if slots and slots[0][0].isdigit():  # listwise labels are 1..k, pairwise A/B, pointwise none
        ids = sorted(slots, key=lambda s: (len(s[1]), int(s[0])))
        return json.dumps({"ranking": [int(i) for i, _ in ids]})
    if len(slots) == 2:
        (_, a), (_, b) = slots
        return json.dumps({"winner": "tie" if len(a) == len(b) else ("A" if len(a) < len(b) else "B")})
    text = slots[0][1] if slots else ""
    return json.dumps({"score": max(1, 10 - len(text.split()))})


class FakeServer:
    def __init__(
        self,
        delay: float = 0.0,
        retry_after: str = "0.05",
        slow_s: float = 2.0,
        reject_schema: bool = False,
        api_key: str | None = None,
        reply_pad: int = 0,
        models: tuple[str, ...] = ("teacher",),
    ):
        self.delay, self.retry_after, self.slow_s, self.reject_schema = (
            delay,
            retry_after,
            slow_s,
            reject_schema,
        )
        self.requests = 0  # every HTTP request that reached us
        self.ok = 0  # requests answered with a verdict
        self.bodies: list[dict] = []
        self.auth: list[str] = []
        self.seen: Counter[str] = Counter()
        self.outage: str | None = None
        self.error_message = "this request is 9000 tokens, more than the model's 8192"
        self.basic_auth: str | None = None
        self.api_key, self.reply_pad, self.models = api_key, reply_pad, models
        self.gets = 0  # GET requests (listing models): free
        self.logprob_fault: str | None = None
        self.fault_token: int | None = None
        self.tokenize = None  # text -> token ids, for POST /tokenize
        self.tokenized = 0  # POST /tokenize requests (free: not counted in ``requests``)
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                with server.lock:
                    server.gets += 1
                if not server.authorized(self):
                    return server.send(self, 401, {"error": {"message": "Incorrect API key provided"}})
                if not self.path.rstrip("/").endswith("/models"):
                    return server.send(self, 404, {"error": {"message": f"no route {self.path}"}})
                server.send(self, 200, {"object": "list", "data": [{"id": m, "object": "model"} for m in server.models]})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path.rstrip("/").endswith("/tokenize"):
                    return server.handle_tokenize(self, body)
                if self.path.rstrip("/").endswith("/v1/completions"):
                    with server.lock:
                        server.requests += 1
                        server.bodies.append(body)
                        server.auth.append(self.headers.get("Authorization", ""))
                    try:
                        return server.handle_completion(self, body)
                    except (BrokenPipeError, ConnectionResetError):
                        return None
                with server.lock:
                    server.requests += 1
                    server.bodies.append(body)
                    server.auth.append(self.headers.get("Authorization", ""))
                    user = body["messages"][-1]["content"]
                    n = server.seen[user]
                    server.seen[user] += 1
                try:
                    server.handle(self, body, user, n)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def authorized(self, h: BaseHTTPRequestHandler) -> bool:
        given = h.headers.get("Authorization")
        if self.basic_auth and given != "Basic " + base64.b64encode(self.basic_auth.encode()).decode():
            return False
        return not self.api_key or given == f"Bearer {self.api_key}"

    def handle_tokenize(self, h: BaseHTTPRequestHandler, body: dict) -> None:
        with self.lock:
            self.tokenized += 1
        if self.tokenize is None:
            return self.send(h, 404, {"detail": "Not Found"})
        self.send(h, 200, {"tokens": self.tokenize(body["prompt"]), "count": 0, "max_model_len": 2048})

    def handle_completion(self, h: BaseHTTPRequestHandler, body: dict) -> None:
        """vLLM's completions endpoint for a prompt of token ids, with prompt_logprobs."""
        if not self.authorized(h):
            return self.send(h, 401, {"error": {"message": "this server needs its key"}})
        ids, k = body["prompt"], body.get("prompt_logprobs")
        fault = self.logprob_fault if self.fault_token is None or self.fault_token in ids else None
        if fault == "500":
            return self.send(h, 500, {"error": {"message": "the engine died"}})
        if fault == "slow":
            time.sleep(self.slow_s)
        logprobs = fake_prompt_logprobs(ids, k) if k else None
        if fault == "malformed" and logprobs:
            next(iter(logprobs[-1].values()))["logprob"] = "NaN?"
        if fault == "short" and logprobs:
            logprobs = logprobs[:-1]
        with self.lock:
            self.ok += 1
        choice = {"index": 0, "text": "x", "logprobs": None, "finish_reason": "length", "prompt_logprobs": logprobs}
        self.send(
            h,
            200,
            {
                "id": "cmpl-1",
                "object": "text_completion",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [choice],
                "usage": {"prompt_tokens": len(ids), "completion_tokens": 1, "total_tokens": len(ids) + 1},
            },
        )

    def handle(self, h: BaseHTTPRequestHandler, body: dict, user: str, n: int) -> None:
        faults = set(re.findall(r"\[fault=(\w+)\]", user))
        if not self.authorized(h):
            return self.send(h, 401, {"error": {"message": "this server needs its user and password or key"}})
        if self.delay:
            time.sleep(self.delay)
        if "down" in faults and self.outage:
            if self.outage == "500":
                return self.send(h, 500, {"error": {"message": "upstream is down"}})
            if self.outage == "badbody":
                return self.send(h, 200, None, raw=b"<html>502 Bad Gateway</html>")
            time.sleep(self.slow_s)  # "slow"
        if "400" in faults:
            return self.send(
                h, 400, {"error": {"message": self.error_message, "type": "invalid_request_error"}}
            )
        if "rawerror" in faults:
            return self.send(h, 500, None, raw=self.error_message.encode(), content_type="text/plain")
        if "429" in faults and n == 0:
            return self.send(
                h, 429, {"error": {"message": "rate limited"}}, {"Retry-After": self.retry_after}
            )
        if "500" in faults and n < 2:
            return self.send(h, 500, {"error": {"message": "boom"}})
        if "slow" in faults and n == 0 or "hang" in faults:
            time.sleep(self.slow_s)
        if "badbody" in faults and n == 0:
            return self.send(h, 200, None, raw=b'{"id": "x", "choices": [')
        if self.reject_schema and "response_format" in body:
            return self.send(h, 400, {"error": {"message": "response_format json_schema is not supported"}})
        refusal, text = None, _verdict(user)
        if "badjson" in faults:
            text = '{"ranking": [1, 2'
        if "refuse" in faults:
            text, refusal = None, "I'm sorry, I can't help with that."
        if "biased" in faults:
            text = json.dumps({"winner": "A"})
        if text is not None:
            text += " " * self.reply_pad
        with self.lock:
            self.ok += 1
        if "empty" in faults:  # answered (and billed), but with no choice in it
            return self.send(h, 200, {"id": f"chatcmpl-{n}", "object": "chat.completion", "created": 0,
                                      "model": body["model"], "choices": [],
                                      "usage": {"prompt_tokens": len(user.split()), "completion_tokens": 0,
                                                "total_tokens": len(user.split())}})
        self.send(
            h,
            200,
            {
                "id": f"chatcmpl-{n}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": text, "refusal": refusal},
                    }
                ],
                "usage": {
                    "prompt_tokens": len(user.split()),
                    "completion_tokens": len((text or "").split()) or 1,
                    "total_tokens": len(user.split()) + 1,
                },
            },
        )

    def send(
        self,
        h,
        status: int,
        obj,
        headers: dict | None = None,
        raw: bytes | None = None,
        content_type: str = "application/json",
    ) -> None:
        data = raw if raw is not None else json.dumps(obj).encode()
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)
