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
