"""The ``checks`` judge: a program tests each answer against its own data row (no calls, no cost, no ledger).

Built for concept-to-sentence tasks (CommonGen's shape: a row lists 3-5 words, the answer is one sentence that
uses them all), it reads the listed words and the language from each row's fields (``judge.concepts_field``,
``judge.lang_field``) and runs ``judge.checks``:

- ``covers``: every listed word is in the answer, in any inflected form (inflection.py: simplemma's lemma, a
  supplement table of irregular forms it misses, or a regular form of the listed word, compared without accents;
  case-insensitive); words joined by an apostrophe or hyphen (l'arbre) are tried whole and in parts. Each word
  of the answer stands for one listed word at most.
- ``one_sentence``: one sentence: its first letter a capital, a final . ! ? or …, and no sentence end inside
  (an end mark followed by a capital; abbreviations, initials and ordinals such as "Dr." or "3." excepted),
  on one line.
- ``word_window``: between ``judge.min_words`` and ``judge.max_words`` words.
- ``no_repeat``: no listed word used twice: more words of the answer are forms of listed words than listed
  words they can stand for, one each (forms by the lemmatizer and the table: a regular-form guess may be a word
  of its own, de Spiel + er is Spieler).
- ``no_echo``: does not echo the prompt. The answer echoes when (a) it copies the list: 3 listed words in a
  row, as listed and in the listed order; or (b) it has no word besides listed words and conjunctions; or
  (c) all n >= 3 listed words stand in one unbroken run, in any form and order, with at most one other word in
  the answer. "In a row" and "a run" allow punctuation and the conjunctions and/or, et/ou, y/e/o/u, und/oder
  between the words, nothing else. So "dog ball catch park", "Dog, ball, catch, park.", "Park, dog and ball
  catch." and "The dog ball park catch." echo; "The dog catches the ball in the park." and "Kids play soccer in
  parks." do not, nor does a sentence whose listed words stand together among others ("Die Insel hat
  wunderschöne Strände und klares blaues Wasser.").

Score of an answer to a row listing n words: (listed words covered + the weights of the other checks it
passes) / n, i.e. the share covered plus each weight / n. The weights add up to less than 1, so covering one
more word always ranks higher, and among answers that cover as many the other checks decide. ``Ranking.passed``:
every check passes. A check of one's own is a function ``fn(answer: Answer) -> bool`` named in ``judge.checks``
as 'module:function', or a ``Check`` registered through the ``rankdistill.checks`` entry-point group.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..errors import UserError
from ..records import CandidateSet, Ranking
from ..registry import Registry
from .base import JudgeKind, JudgeKindSettings, ranking_from_scores
from .inflection import matches

CONJUNCTIONS = frozenset({"and", "or", "et", "ou", "y", "e", "o", "u", "und", "oder", "&"})
# words before a full stop that do not end a sentence (lower case, without their dots)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr vs etc eg ie prof mme mlle sra srta dra ud uds hr fr nr usw bzw ca zb ua dh".split()
)
_WORD = re.compile(r"\w+(?:['’\-]\w+)*|&")
_FINAL = re.compile(r"[.!?…][\"'»”’)\]*]*$")  # an end mark last, then closing quotes or brackets
_INNER_END = re.compile(r"[.!?…]+[\"'»”’)\]*]*(?=\s)")  # one followed by a space: maybe a sentence's end
_OPENERS = "\"'«„“‘¿¡([*"

BUILT_IN = ("covers", "one_sentence", "word_window", "no_repeat", "no_echo")
DEFAULT_WEIGHTS = {"one_sentence": 0.2, "word_window": 0.2, "no_repeat": 0.2, "no_echo": 0.2}
DEFAULT_WEIGHT = 0.1  # a check of one's own that judge.weights does not name


class ChecksError(UserError, ValueError):
    """A row the checks judge cannot read, or a check of one's own that cannot be loaded."""


@functools.cache
def known_language(lang: str) -> bool:
    """Whether simplemma has a dictionary for the language code (en, fr, es, de, ...)."""
    import simplemma

    try:
        simplemma.lemmatize("a", lang=lang)
    except ValueError:
        return False
    return True


def words(text: str) -> list[str]:
    """The words of a text: runs of letters or digits, joined by an apostrophe or hyphen (l'arbre, well-known)."""
    return _WORD.findall(text)


@dataclass
class Answer:
    """One answer to one row, as checks see it: ``text``, the row's ``fields``, its listed words (``concepts``),
    its language, the answer's ``words``, and ``hits``: per listed word, the indices of the words that match it."""

    text: str
    fields: dict[str, Any]
    concepts: list[str]
    lang: str
    settings: ChecksSettings
    words: list[str] = field(init=False)
    hits: list[list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self.words = words(self.text)
        self.hits = [[i for i, w in enumerate(self.words) if matches(w, c, self.lang)] for c in self.concepts]

    @functools.cached_property
    def lemma_hits(self) -> list[list[int]]:
        """``hits`` as a lemmatizer sees them (simplemma or the supplement table: no regular-form guess)."""
        return [
            [i for i in h if matches(self.words[i], c, self.lang, guess=False)]
            for c, h in zip(self.concepts, self.hits, strict=True)
        ]

    @functools.cached_property
    def covered(self) -> int:
        """How many listed words the answer uses, each word of it standing for one at most (fr "lit" is a form
        of lire and of lit: one "lit" covers one of them, two cover both)."""
        return matching(self.hits)

    @functools.cached_property
    def listed_words(self) -> set[int]:
        """The indices of the answer's words that are forms of a listed word."""
        return {i for h in self.hits for i in h}


def matching(hits: list[list[int]]) -> int:
    """The size of a maximum matching between listed words and the answer's words that are forms of them
    (augmenting paths: a few listed words, a few dozen words)."""
    owner: dict[int, int] = {}

    def assign(c: int, seen: set[int]) -> bool:
        for i in hits[c]:
            if i not in seen:
                seen.add(i)
                if i not in owner or assign(owner[i], seen):
                    owner[i] = c
                    return True
        return False

    return sum(assign(c, set()) for c in range(len(hits)))


@dataclass(frozen=True)
class Check:
    """A check: ``test(answer) -> bool`` (a plug-in's entry point names one: ``rankdistill.checks`` group)."""

    name: str
    test: Callable[[Answer], bool]
    summary: str = ""


CHECKS: Registry[Check] = Registry("check", group="rankdistill.checks")


def _check(name: str, summary: str) -> Callable[[Callable[[Answer], bool]], Check]:
    return lambda fn: CHECKS.add(Check(name, fn, summary))


@_check("covers", "every listed word is in the answer, in any inflected form")
def covers(a: Answer) -> bool:
    return a.covered == len(a.concepts)


def _sentence_end(text: str, end: re.Match) -> bool:
    """Whether the end mark ``end``, followed by a space inside ``text``, ends a sentence: a capital (or digit)
    follows, and no abbreviation, initial or ordinal number stands before a full stop."""
    following = text[end.end() :].lstrip().lstrip(_OPENERS)[:1]
    if not (following.isupper() or following.isdigit()):
        return False
    if end.group()[0] != "." or end.group().startswith(".."):
        return True
    before = re.search(r"(\S*)$", text[: end.start()]).group(1).lstrip(_OPENERS).replace(".", "").lower()
    return not (before in ABBREVIATIONS or before.isdigit() or (len(before) == 1 and before.isalpha()))


@_check("one_sentence", "one sentence: a capital first, one end mark (. ! ? …) at the end, on one line")
def one_sentence(a: Answer) -> bool:
    text = a.text.strip()
    if not text or "\n" in text:
        return False
    first = text.lstrip(_OPENERS)[:1]
    if not (first.isupper() or first.isdigit()) or not _FINAL.search(text):
        return False
    return not any(_sentence_end(text, m) for m in _INNER_END.finditer(text))


@_check("word_window", "between judge.min_words and judge.max_words words")
def word_window(a: Answer) -> bool:
    return a.settings.min_words <= len(a.words) <= a.settings.max_words


@_check("no_repeat", "no listed word used twice")
def no_repeat(a: Answer) -> bool:
    # more words are forms of listed words than listed words they can stand for, one each: one is used twice.
    # (Lemmas only: a regular-form guess may be a word of its own, de Spiel + er is Spieler, a player.)
    used = {i for h in a.lemma_hits for i in h}
    return len(used) <= matching(a.lemma_hits)


@_check("no_echo", "does not echo the prompt: no copy of the list, no answer of listed words only")
def no_echo(a: Answer) -> bool:
    kept = [i for i, w in enumerate(a.words) if w.lower() not in CONJUNCTIONS]
    n = len(a.concepts)
    if not n:
        return True
    # (b) nothing but listed words (and conjunctions)
    if kept and all(i in a.listed_words for i in kept):
        return False
    # runs of listed words standing next to each other (conjunctions and punctuation between them)
    runs: list[list[int]] = [[]]
    for i in kept:
        if i in a.listed_words:
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    # (c) all n >= 3 listed words in one run, with at most one other word beside them
    if n >= 3 and len(kept) - len(a.listed_words) < 2:
        if any(matching([[i for i in h if i in run] for h in a.hits]) == n for run in runs):
            return False
    # (a) 3 listed words in a row, as listed, in the listed order (a list of 1 or 2 is caught by (b) alone)
    as_listed = [a.words[i].lower() for i in kept]
    wanted = [c.lower() for c in a.concepts]
    for s in range(n - 2):
        if any(as_listed[j : j + 3] == wanted[s : s + 3] for j in range(len(as_listed) - 2)):
            return False
    return True


def load_check(name: str) -> Check:
    """A check by name: a built-in or a ``rankdistill.checks`` entry point's, or a 'module:function'."""
    if ":" not in name:
        return CHECKS.get(name)
    module, _, attr = name.partition(":")
    try:
        fn = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as e:
        raise ChecksError(f"judge.checks: cannot load {name!r} ({e})") from None
    if isinstance(fn, Check):
        return fn
    if not callable(fn):
        raise ChecksError(f"judge.checks: {name!r} is {fn!r}, not a function of an answer")
    return Check(name, fn)


class ChecksSettings(JudgeKindSettings):
    kind: Literal["checks"] = Field(
        "checks", description="Checks each answer against its row: covers the listed words, one sentence, ..."
    )
    checks: list[str] = Field(
        default_factory=lambda: list(BUILT_IN),
        min_length=1,
        description="The checks an answer must pass: covers, one_sentence, word_window, no_repeat, no_echo, a "
        "rankdistill.checks entry point's name, or 'module:function' (a function of an Answer -> bool).",
    )
    weights: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_WEIGHTS),
        description="What passing each check other than covers adds to the score, in listed words (a check not "
        f"named: {DEFAULT_WEIGHT}); together under 1, so covering one more word always ranks higher.",
    )
    concepts_field: str = Field(
        "concepts",
        description="The row field listing the words to use (a list, or a text of comma-separated words).",
    )
    lang_field: str | None = Field(
        "lang",
        description="The row field holding its language code (en, fr, es, de, ...; None: default_lang).",
    )
    default_lang: str = Field("en", description="The language of rows without one (a code simplemma knows).")
    min_words: int = Field(5, ge=1, description="word_window: the fewest words an answer may have.")
    max_words: int = Field(30, ge=1, description="word_window: the most words an answer may have.")

    @field_validator("checks")
    @classmethod
    def _known_checks(cls, names: list[str]) -> list[str]:
        unknown = [n for n in names if ":" not in n and n not in CHECKS]
        if unknown:
            raise ValueError(
                f"unknown check(s) {', '.join(map(repr, unknown))}; known: {', '.join(CHECKS.names())}, "
                "or 'module:function'"
            )
        if len(set(names)) < len(names):
            raise ValueError("a check is named twice")
        return names

    @model_validator(mode="after")
    def _weights_under_one(self) -> ChecksSettings:
        stray = sorted(set(self.weights) - set(self.checks) - set(DEFAULT_WEIGHTS))
        if "covers" in self.weights or stray:
            raise ValueError(
                f"judge.weights: {', '.join(map(repr, ['covers'] if 'covers' in self.weights else stray))} "
                "is no check this judge runs whose weight counts (covers counts as the share of words covered)"
            )
        total = sum(self.weight(c) for c in self.checks if c != "covers")
        if total >= 1:
            raise ValueError(
                f"judge.weights: the checks' weights add up to {total:g}; keep them under 1, so that covering "
                "one more listed word always ranks higher"
            )
        if self.min_words > self.max_words:
            raise ValueError(f"judge.min_words {self.min_words} is above judge.max_words {self.max_words}")
        return self

    def weight(self, check: str) -> float:
        """A check's weight: judge.weights', else the built-in default, else DEFAULT_WEIGHT (one's own)."""
        return self.weights.get(check, DEFAULT_WEIGHTS.get(check, DEFAULT_WEIGHT))


class ChecksJudge:
    """Scores each candidate by the checks it passes (the module's docstring); ``passed``: all of them."""

    def __init__(self, settings: ChecksSettings):
        self.settings = settings
        self.checks = [load_check(n) for n in settings.checks]
        self.name = "checks"

    def concepts(self, fields: dict[str, Any], where: str) -> list[str]:
        if "covers" not in self.settings.checks and self.settings.concepts_field not in fields:
            return []  # (only checks that need no list)
        value = fields.get(self.settings.concepts_field)
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise ChecksError(
                f"{where}: field {self.settings.concepts_field!r} (judge.concepts_field) should list the words "
                f"to use, got {value!r}"
            )
        return value

    def lang(self, fields: dict[str, Any], where: str) -> str:
        field_name = self.settings.lang_field
        lang = (fields.get(field_name) if field_name else None) or self.settings.default_lang
        if not isinstance(lang, str) or not known_language(lang):
            raise ChecksError(
                f"{where}: language {lang!r} (field {field_name!r}, or judge.default_lang) is not one the checks "
                "judge knows (simplemma's codes: en, fr, es, de, ...)"
            )
        return lang

    def outcome(self, text: str, fields: dict[str, Any], where: str) -> tuple[float, dict[str, bool], Answer]:
        """(score, each check's verdict, the answer as checked) for one answer to the row ``fields``."""
        answer = Answer(text, fields, self.concepts(fields, where), self.lang(fields, where), self.settings)
        verdicts = {c.name: bool(c.test(answer)) for c in self.checks}
        n = len(answer.concepts) if "covers" in verdicts else 1
        covered = answer.covered if "covers" in verdicts else 0
        bonus = sum(self.settings.weight(name) for name, ok in verdicts.items() if ok and name != "covers")
        return (covered + bonus) / n, verdicts, answer

    def rank(self, item: CandidateSet) -> Ranking:
        where = f"prompt {item.prompt_id}"
        outcomes = [self.outcome(c.text, item.fields, where) for c in item.candidates]
        ranking = ranking_from_scores(item.prompt_id, [s for s, _, _ in outcomes], self.name)
        ranking.passed = [all(v.values()) for _, v, _ in outcomes]
        return ranking

    def check_row(self, row: dict[str, Any]) -> dict[str, Any]:
        """What the eval stage adds to a prediction row: each check's verdict, passed, and the share covered."""
        _, verdicts, answer = self.outcome(row["prediction"], row, f"prompt {row.get('prompt_id')}")
        out: dict[str, Any] = {"checks": verdicts, "passed": all(verdicts.values())}
        if answer.concepts:
            out["coverage"] = answer.covered / len(answer.concepts)
        return out


@functools.lru_cache(maxsize=8)
def _judge(settings_json: str) -> ChecksJudge:
    return ChecksJudge(ChecksSettings.model_validate_json(settings_json))


def check_row(settings: ChecksSettings, row: dict[str, Any]) -> dict[str, Any]:
    return _judge(settings.model_dump_json()).check_row(row)


def _preflight(settings: ChecksSettings) -> None:
    ChecksJudge(settings)  # its own checks import
    if not known_language(settings.default_lang):
        raise ChecksError(f"judge.default_lang {settings.default_lang!r} is no language simplemma knows")


JUDGE_KIND = JudgeKind(
    name="checks",
    summary="checks each answer against its row: covers the listed words (any inflection), one sentence, a "
    "word window, no repeat, no echo of the prompt; your own checks too (no calls)",
    settings=ChecksSettings,
    make=lambda settings, ledger, seed: ChecksJudge(settings),
    check=_preflight,
    check_row=check_row,
)
