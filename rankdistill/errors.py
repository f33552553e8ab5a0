"""The one error type for mistakes a user can fix: the CLI prints its message on one line and exits with
``exit_code`` (2 unless a subclass says otherwise), never with a traceback (``--debug`` shows it)."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a state the user must act on; the message names the file or key and what to do."""

    exit_code = 2
    prefix = "error"


class RecipeError(UserError, ValueError):
    """A recipe that cannot be used; the message names the file and the key."""


class RunLocked(UserError):
    """Another process is writing the run directory."""


class JudgeFailed(UserError):
    """Judge calls could not be made or answered (or the judge abstained too often): the stage is left
    unfinished, its finished rankings kept, and the same command retries only what failed."""

    exit_code = 4
    prefix = "judge stopped"
