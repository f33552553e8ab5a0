"""The base of every typed settings section: the recipe's own and each extension's (an algorithm's section under
``train.per_algorithm``, a judge kind's, a generation backend's). Unknown keys are errors; assignments are
validated too; a number must be finite (``.inf`` is refused as NaN is)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)
