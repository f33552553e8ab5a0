"""Judge replies -> verdicts, strictly: JSON first, then a few unambiguous text forms, else None.

None means "could not be parsed": the caller retries once and then abstains. There is no default verdict,
and only the reply is searched (never the prompt), so a parser can never "agree" with its own template.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any


def schema(mode: str, k: int = 2, scale: tuple[int, int] = (1, 10)) -> dict[str, Any]:
    """The JSON schema a reply must match (sent as ``response_format`` where the server supports it)."""
    if mode == "label":
        text = {"type": "string"}
        return {
            "type": "object",
            "properties": {"rationale": text, "answer": text},
            "required": ["rationale", "answer"],
            "additionalProperties": False,
        }
    if mode == "listwise":
        prop = {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": k},
            "minItems": k,
            "maxItems": k,
        }
        key = "ranking"
    elif mode == "pairwise":
        prop, key = {"type": "string", "enum": ["A", "B", "tie"]}, "winner"
    else:
        prop, key = {"type": "integer", "minimum": scale[0], "maximum": scale[1]}, "score"
    return {"type": "object", "properties": {key: prop}, "required": [key], "additionalProperties": False}


def _json_objects(text: str) -> list[Any]:
    """Every JSON object in ``text`` (code fences and chatter around it allowed)."""
    out, dec, i = [], json.JSONDecoder(), 0
    while (i := text.find("{", i)) != -1:
        try:
            obj, end = dec.raw_decode(text, i)
        except json.JSONDecodeError:
            i += 1
            continue
        out.append(obj)
        i = end
    return out


def _field(text: str, key: str) -> list[Any]:
    return [o[key] for o in _json_objects(text) if isinstance(o, dict) and key in o]


def parse_listwise(text: str, k: int) -> list[int] | None:
    """Candidate ids (1..k) best first, a permutation of all k; None otherwise."""
    found = _field(text, "ranking")
    if not found:
        m = re.search(r"ranking\W{0,5}\[([^\]]*)\]", text, re.IGNORECASE)
        if m:
            found = [[s for s in re.split(r"[,\s]+", m.group(1)) if s]]
        else:  # "2 > 1 > 3" on a line of its own
            m = re.search(r"^\W*\[?\d+\]?(?:\s*>\s*\[?\d+\]?)+\W*$", text.strip(), re.MULTILINE)
            if m:
                found = [re.findall(r"\d+", m.group(0))]
    if len(found) != 1 or not isinstance(found[0], list):
        return None  # none, or several disagreeing answers: not ours to pick
    try:
        ids = [int(str(x).strip().strip("\"'[]")) for x in found[0]]
    except ValueError:
        return None
    return ids if sorted(ids) == list(range(1, k + 1)) else None


_WINNER = {"a": "A", "b": "B", "tie": "tie"}


def parse_pairwise(text: str) -> str | None:
    """'A', 'B' or 'tie'; None when the reply does not say exactly one of them."""
    found = [str(v).strip().lower() for v in _field(text, "winner")]
    if not found:
        found = [m.lower() for m in re.findall(r"winner\W{0,5}\b(A|B|tie)\b", text, re.IGNORECASE)]
        found += [m.lower() for m in re.findall(r"\[\[(A|B|tie)\]\]", text, re.IGNORECASE)]
        bare = text.strip().strip(".\"'*").lower()
        if bare in _WINNER:
            found.append(bare)
    verdicts = {_WINNER.get(v) for v in found}
    return verdicts.pop() if len(verdicts) == 1 and None not in verdicts else None


def parse_pointwise(text: str, scale: tuple[int, int]) -> float | None:
    """A score inside the declared scale; None for anything else (out of range, missing, several)."""
    found = _field(text, "score")
    if not found:
        found = re.findall(r"score\W{0,5}(-?\d+(?:\.\d+)?)", text, re.IGNORECASE)
        bare = text.strip().strip(".\"'*")
        if re.fullmatch(r"-?\d+(?:\.\d+)?", bare):
            found.append(bare)
    values = set()
    for v in found:
        try:
            values.add(float(v))
        except (TypeError, ValueError):
            return None
    if len(values) != 1:
        return None
    score = values.pop()
    return score if math.isfinite(score) and scale[0] <= score <= scale[1] else None


def parse_label(text: str | None) -> tuple[str, str | None] | None:
    """(answer, rationale) from a label reply, ``{"rationale": ..., "answer": ...}``: the answer a non-empty text
    (or a number), else None (unreadable); the rationale None when it is missing, empty or not text. Several
    replies that disagree are None, as for verdicts."""
    if text is None:
        return None
    found = [o for o in _json_objects(text) if isinstance(o, dict) and "answer" in o]
    if len({json.dumps(o, sort_keys=True) for o in found}) != 1:
        return None
    answer, rationale = found[0]["answer"], found[0].get("rationale")
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        answer = str(answer)
    if not isinstance(answer, str) or not answer.strip():
        return None
    rationale = rationale.strip() if isinstance(rationale, str) else ""
    return answer.strip(), rationale or None


def parse(mode: str, text: str | None, k: int = 2, scale: tuple[int, int] = (1, 10)) -> Any:
    if text is None:
        return None
    if mode == "listwise":
        return parse_listwise(text, k)
    if mode == "pairwise":
        return parse_pairwise(text)
    return parse_pointwise(text, scale)
