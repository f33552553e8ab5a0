"""A generation backend in one file (the proof for issue 21): fixed completions, no model.

A plug-in ships a module like this one and names its ``BACKEND`` in its package metadata:

    [project.entry-points."rankdistill.backends"]
    toy = "toy_backend:BACKEND"

and a recipe selects it with ``generation.backend: toy``, its settings under ``generation.toy``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field

from rankdistill.generation.backends import Backend
from rankdistill.records import Completion
from rankdistill.settings import Settings


class ToySettings(Settings):
    answer: str = Field("toy answer", description="What every answer says (sample i adds ' #i').")
    tokens: int = Field(3, gt=0, description="The token count every answer reports.")


class ToyGenerator:
    name = "toy"

    def __init__(self, settings: ToySettings):
        self.settings = settings
        self.closed = False

    def _answers(self, n: int, greedy: bool) -> list[Completion]:
        texts = [self.settings.answer] if greedy else [f"{self.settings.answer} #{i}" for i in range(n)]
        return [Completion(t, self.settings.tokens, "stop") for t in texts]

    def stream(
        self, messages: list[Any], seeds: list[int], group: Any, k: int = 1, greedy: bool = False, **_: Any
    ) -> Iterator[list[tuple[int, list[Completion]]]]:
        for start in range(0, len(messages), 2):  # two prompts per piece: the stage files them as they come
            yield [(j, self._answers(k, greedy)) for j in range(start, min(start + 2, len(messages)))]

    def generate(
        self, messages: list[Any], k: int = 1, greedy: bool = False, **_: Any
    ) -> list[list[Completion]]:
        return [self._answers(k, greedy) for _ in messages]

    def close(self) -> None:
        self.closed = True


BACKEND = Backend(
    name="toy",
    summary="Fixed answers, no model (a test backend)",
    settings=ToySettings,
    make=lambda settings, student, adapter, stop: ToyGenerator(settings),
)
