"""A user judge, loaded in tests through judge.kind 'plugin_judges:LengthJudge'."""

from rankdistill.judging import ranking_from_scores


class LengthJudge:
    def __init__(self, prefer: str = "short"):
        self.sign = -1.0 if prefer == "short" else 1.0
        self.name = f"length/{prefer}"

    def rank(self, item):
        return ranking_from_scores(
            item.prompt_id, [self.sign * len(c.text) for c in item.candidates], self.name
        )


class TiedJudge:
    """Every candidate scores the same: no prompt has signal."""

    name = "tied"

    def rank(self, item):
        return ranking_from_scores(item.prompt_id, [1.0] * len(item.candidates), self.name)


RANKINGS = [0]  # EveryNthJudge's rankings in this process (a run makes a judge per chunk it draws)


class EveryNthJudge:
    """Signal (shorter answers score higher) only on prompts whose id ends in a multiple of ``every``; the rest tie.
    With RD_TEST_FAIL_AFTER=N in the environment, the process's (N+1)-th ranking fails as a server down would."""

    def __init__(self, every: int = 3):
        self.every = every
        self.name = f"every/{every}"

    def rank(self, item):
        import os

        from rankdistill.errors import JudgeFailed

        RANKINGS[0] += 1
        fail_after = os.environ.get("RD_TEST_FAIL_AFTER")
        if fail_after is not None and RANKINGS[0] > int(fail_after):
            raise JudgeFailed("the test judge is down")
        number = int("".join(ch for ch in item.prompt_id if ch.isdigit()))
        if number % self.every:
            scores = [1.0] * len(item.candidates)
        else:
            scores = [-float(len(c.text)) for c in item.candidates]
        return ranking_from_scores(item.prompt_id, scores, self.name)
