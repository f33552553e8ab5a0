"""Whether a ranking round can teach anything, from its candidates and rankings, before any training.

Ranking teaches only where the student's own samples beat its greedy answer (what it says when asked once):
where every candidate ties there is nothing to rank, and where no sample beats the greedy answer a ranking round
is SFT on labels the student already gives. ``signal_stats`` counts both, and pass@1 against pass@k for judges
that pass or fail answers (``Ranking.passed``). The prefs stage writes them to prefs/stats.json ("signal") and
prints ``signal_line``; the summary shows the same line per ranking round.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from .records import CandidateSet, Ranking

TIE = 1e-9  # scores closer than this tie (judging.base.ranking_from_scores's tolerance)
LOW_HEADROOM = 0.10  # below this share of prompts where a sample beats the greedy answer: warn
MOSTLY_TIED = 0.90  # at or above this share of prompts whose candidates all tie: warn
OWN_SOURCES = ("student", "greedy")  # the student's own answers: its samples and its greedy answer


def has_signal(ranking: Ranking) -> bool:
    """At least two candidates scored, and not all equally: a ranking that can order something."""
    scored = [s for s in ranking.scores if not math.isnan(s)]
    return len(scored) >= 2 and max(scored) - min(scored) > TIE


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def signal_stats(items: list[CandidateSet], rankings: list[Ranking]) -> dict[str, Any]:
    """prefs/stats.json's "signal": counts over the round's prompts and the shares they give (None: unknown).

    Rankings with fewer than two scored candidates (the judge abstained) are left out of every share and
    counted. Headroom is measured against the greedy candidate (source "greedy"): candidates made before it
    existed give None, never 0. pass@1 is the greedy answer passing, pass@k any of the student's own k answers
    (samples and greedy) passing, over prompts whose judge says pass or fail.
    """
    by_id = {r.prompt_id: r for r in rankings}
    n: Counter[str] = Counter()
    own_counts: Counter[int] = Counter()  # the student's own answers per prompt
    for item in items:
        ranking = by_id[item.prompt_id]
        s = ranking.scores
        scored = [i for i, x in enumerate(s) if not math.isnan(x)]
        if len(scored) < 2:
            n["abstained"] += 1
            continue
        n["all_tied"] += not has_signal(ranking)
        sources = [c.source for c in item.candidates]
        greedy = sources.index("greedy") if "greedy" in sources else None
        if greedy is not None and math.isnan(s[greedy]):
            n["greedy_unscored"] += 1
        elif greedy is not None:
            n["greedy_scored"] += 1
            samples = [s[i] for i in scored if sources[i] == "student"]
            others = [s[i] for i in scored if i != greedy]
            n["beaten"] += bool(samples) and max(samples) > s[greedy] + TIE
            n["beaten_any"] += bool(others) and max(others) > s[greedy] + TIE
        if ranking.passed is not None:
            own = [i for i, src in enumerate(sources) if src in OWN_SOURCES]
            own_counts[len(own)] += 1
            n["pass_judged"] += 1
            n["own_passed"] += any(ranking.passed[i] for i in own)
            if greedy is not None:
                n["pass_judged_greedy"] += 1
                n["greedy_passed"] += bool(ranking.passed[greedy])
    ranked = len(items) - n["abstained"]
    return {
        "prompts": len(items),
        "abstained": n["abstained"],  # left out of every share below
        "all_tied": n["all_tied"],
        "all_tied_share": _share(n["all_tied"], ranked),
        # headroom's base: prompts whose greedy answer was scored (0: the candidates have no greedy answer)
        "greedy_scored": n["greedy_scored"],
        "greedy_unscored": n["greedy_unscored"],  # the judge abstained on the greedy answer alone
        # a sample of the student scores above its greedy answer; any other candidate does
        "headroom": _share(n["beaten"], n["greedy_scored"]),
        "headroom_any_source": _share(n["beaten_any"], n["greedy_scored"]),
        # prompts whose judge says pass or fail (0: the judge has no pass/fail), and the k of pass@k
        "pass_judged": n["pass_judged"],
        "pass_at_1": _share(n["greedy_passed"], n["pass_judged_greedy"]),
        "pass_at_k": _share(n["own_passed"], n["pass_judged"]),
        "pass_k": own_counts.most_common(1)[0][0] if own_counts else None,
    }


def _pct(v: float | None) -> str:
    return "unknown" if v is None else f"{v:.0%}"


def signal_line(round_idx: int, st: dict[str, Any]) -> str:
    """One line: 'round 2 signal: 64 prompts, 9% all tied, headroom 41% (any source 73%), pass@1 30%, pass@5 58%'."""
    parts = [f"{st['prompts']} prompts"]
    if st.get("drawn") is not None:
        parts[0] += f" with signal of {st['drawn']} drawn"
    if st["prompts"] == st["abstained"]:
        return (
            f"round {round_idx} signal: "
            + parts[0]
            + (f", all {st['abstained']} abstained" if st["abstained"] else "")
            + ": nothing to rank"
        )
    if st["abstained"]:
        parts.append(f"{st['abstained']} abstained")
    parts.append(f"{_pct(st['all_tied_share'])} all tied")
    if st["headroom"] is None:
        why = (
            " (the judge abstained on every greedy answer)"
            if st["greedy_unscored"]
            else " (no greedy candidate)"
        )
        parts.append("headroom unknown" + why)
    else:
        parts.append(f"headroom {_pct(st['headroom'])} (any source {_pct(st['headroom_any_source'])})")
    if st["pass_judged"]:
        parts.append(f"pass@1 {_pct(st['pass_at_1'])}, pass@{st['pass_k']} {_pct(st['pass_at_k'])}")
    return f"round {round_idx} signal: " + ", ".join(parts)


def signal_warning(round_idx: int, st: dict[str, Any]) -> str | None:
    """A plain warning when the round has almost nothing for ranking to teach, else None."""
    if st["prompts"] == st["abstained"]:
        drawn = f" of the {st['drawn']} drawn" if st.get("drawn") is not None else ""
        return f"warning: round {round_idx}: no prompt{drawn} has candidates the judge tells apart: nothing to rank"
    if st["headroom"] is not None and st["headroom"] < LOW_HEADROOM:
        return (
            f"warning: round {round_idx}: the student's samples beat its greedy answer on {_pct(st['headroom'])} "
            "of prompts: ranking them has little to teach (more samples, a higher temperature, harder prompts "
            "or a judge that tells answers apart may help)"
        )
    if st["all_tied_share"] is not None and st["all_tied_share"] >= MOSTLY_TIED:
        return (
            f"warning: round {round_idx}: the candidates of {_pct(st['all_tied_share'])} of prompts all tie: "
            "ranking them has little to teach (preferences.skip_tied draws prompts with signal instead)"
        )
    return None
