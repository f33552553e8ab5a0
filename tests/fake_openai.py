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
