"""The checks judge (judge.kind: checks): each answer tested against its own row (the listed words, its language),
worked by hand in English, French, Spanish and German; its score and pass/fail; its settings."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from scripts import load_script

from rankdistill.judging import inflection, make_judge
from rankdistill.judging.checks import ChecksError, ChecksJudge, ChecksSettings
from rankdistill.recipe import JudgeSettings, RecipeError, recipe_from_dict
from rankdistill.records import CandidateSet, Completion

ROOT = Path(__file__).resolve().parents[1]


def verdicts(text: str, concepts: list[str], lang: str = "en", **settings) -> dict[str, bool]:
    judge = ChecksJudge(ChecksSettings(**settings))
    return judge.outcome(text, {"concepts": concepts, "lang": lang}, "test")[1]


def failed(text: str, concepts: list[str], lang: str = "en", **settings) -> set[str]:
    return {name for name, ok in verdicts(text, concepts, lang, **settings).items() if not ok}


def item(texts: list[str], concepts: list[str], lang: str = "en") -> CandidateSet:
    return CandidateSet(
        "p1",
        [{"role": "user", "content": "Write one sentence using: " + ", ".join(concepts)}],
        [Completion(t, 5, "stop") for t in texts],
        fields={"concepts": concepts, "lang": lang},
    )


# --- each check, by hand, in each language ------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, concepts, sentence",
    [
        # the irregular forms: en broke <- break, fr lit <- lire, es duerme <- dormir, de schläft <- schlafen
        ("en", ["window", "break", "boy"], "The boy broke the window with a stone."),
        ("fr", ["livre", "enfant", "lire"], "L'enfant lit un livre dans le jardin."),
        ("es", ["sofá", "gato", "dormir"], "El gato duerme tranquilo en el sofá."),
        ("de", ["schlafen", "Sofa", "Katze"], "Die Katze schläft ruhig auf dem Sofa."),
        # plurals, past tenses, participles used as adjectives, elision and German nouns in lower case
        ("en", ["child", "swim", "lake", "mix"], "The children swam in the lake with mixed feelings."),
        ("fr", ["porte", "fermer", "arbre", "chien"], "Le chien dort sous l'arbre près de la porte fermée."),
        ("es", ["pintar", "pared", "niño"], "Los niños miran la pared pintada de azul."),
        ("de", ["hund", "ball", "fangen", "garten"], "Der Hund hat den Ball im Garten gefangen."),
    ],
)
def test_a_real_sentence_passes_every_check_in_each_language(lang, concepts, sentence):
    assert failed(sentence, concepts, lang) == set()


def test_the_supplement_table_is_what_covers_irregular_forms_simplemma_misses(monkeypatch):
    import simplemma

    assert simplemma.lemmatize("broke", lang="en") == "broke"  # (simplemma 2.0: why the table exists)
    assert inflection.matches("broke", "break", "en") and inflection.matches("lit", "lire", "fr")
    monkeypatch.setattr(inflection, "SUPPLEMENT", {})
    inflection.lemmas.cache_clear()
    try:
        assert not inflection.matches("broke", "break", "en")
    finally:
        inflection.lemmas.cache_clear()
    # simplemma itself knows these two
    assert inflection.matches("duerme", "dormir", "es") and inflection.matches("schläft", "schlafen", "de")


@pytest.mark.parametrize(
    "lang, word, concept",
    [
        # homographs simplemma sends to the other lemma: regular forms of the listed word
        ("en", "leaves", "leaf"), ("fr", "ferme", "fermer"), ("es", "seca", "secar"), ("fr", "lis", "lire"),
        # stem changes and accents, compared folded
        ("fr", "lève", "lever"), ("es", "cuenta", "contar"), ("es", "cría", "criar"), ("es", "piqué", "picar"),
        # plurals and genders, umlauts, comparatives, participles
        ("de", "Körnern", "Korn"), ("de", "höchsten", "hoch"), ("fr", "blanche", "blanc"),
        ("fr", "grands-parents", "grand-parent"), ("es", "ratones", "ratón"), ("en", "bigger", "big"),
        ("de", "überquert", "überqueren"), ("de", "aufgeräumt", "aufräumen"), ("fr", "éteintes", "éteindre"),
    ],
)  # fmt: skip
def test_regular_forms_cover_what_the_lemmatizer_sends_elsewhere(lang, word, concept):
    assert inflection.matches(word, concept, lang)
    assert not inflection.matches(word, "table", lang)


def test_short_stems_make_no_guesses():
    # es dar: d + e would be "de"; fr eau: the ending -eau -> -elle would make "elle"
    assert not inflection.matches("de", "dar", "es") and not inflection.matches("Elle", "eau", "fr")
    assert inflection.matches("dan", "dar", "es")  # (simplemma knows the short verbs' forms)
    # the listed word but for its accents is another word: de schon (already) is no form of schön
    assert not inflection.matches("schon", "schön", "de") and inflection.matches("schönen", "schön", "de")


def test_a_missing_word_fails_covers_and_counts_in_the_score():
    assert failed("The boy watched the window with a stone.", ["window", "break", "boy"]) == {"covers"}
    assert failed("El perro duerme tranquilo en el sofá.", ["sofá", "gato", "dormir"], "es") == {"covers"}
    # a word of another language is not a form of the listed word
    assert failed("Der Hund spielt im Park mit dem Ball.", ["Hund", "parc", "Ball"], "de") == {"covers"}


@pytest.mark.parametrize(
    "lang, concepts, salad",
    [
        ("en", ["dog", "ball", "catch", "park"], "dog ball catch park"),
        ("en", ["dog", "ball", "catch", "park"], "Dog, ball, catch, park."),
        ("en", ["dog", "ball", "catch", "park"], "Park, dog and ball catch."),  # reordered, a conjunction
        ("en", ["dog", "ball", "catch", "park"], "Dog, ball, catch: the dog catches it in a park."),  # copied
        ("fr", ["chien", "balle", "attraper", "parc"], "Chien, balle, attraper et parc."),
        ("es", ["perro", "pelota", "atrapar", "parque"], "Perro, pelota, atrapar y parque."),
        ("de", ["Hund", "Ball", "fangen", "Park"], "Hund, Ball, fangen und Park."),
        ("en", ["mix", "salt", "pepper", "oil"], "She mixed salt, pepper and oil."),  # a list and one word
        ("en", ["dog", "ball", "catch", "park"], "The dog ball park catch."),
    ],
)
def test_a_word_salad_that_lists_the_words_echoes_the_prompt(lang, concepts, salad):
    assert "no_echo" in failed(salad, concepts, lang)
    assert not all(verdicts(salad, concepts, lang).values())


def test_lists_of_one_or_two_words():
    assert failed("The dog sleeps in the park.", ["dog"]) == set()
    assert failed("The dog sleeps in the big park.", ["dog", "park"]) == set()
    assert failed("Dog and park.", ["dog", "park"]) == {"no_echo", "word_window"}


def test_a_sentence_whose_words_stand_apart_does_not_echo():
    assert failed("Kids play soccer in parks.", ["kid", "play", "soccer", "park"]) == set()  # a run of 3 of 4
    # all of them together, among other words: a sentence (a reference of data/keywords)
    islands = ["blau", "Strand", "Wasser", "wunderschön", "klar"]
    assert failed("Die Insel hat wunderschöne Strände und klares blaues Wasser.", islands, "de") == set()
    assert failed("The dog catches the ball in the park.", ["dog", "ball", "catch", "park"]) == set()


@pytest.mark.parametrize(
    "lang, text, one",
    [
        ("en", "The dog caught the ball in the park.", True),
        ("en", "The dog caught the ball. Then it ran to the park.", False),
        ("en", "The dog caught the ball! It ran to the park.", False),
        ("en", "The dog caught the ball\nin the park.", False),  # two lines
        ("en", "the dog caught the ball in the park.", False),  # no capital
        ("en", "The dog caught the ball in the park", False),  # no end mark
        ("en", "Dr. Smith's dog caught the ball in the park.", True),  # an abbreviation
        ("en", '"The dog caught the ball," she said in the park.', True),
        ("es", "¿Dónde duerme el gato? En el sofá.", False),
        ("es", "¿Dónde duerme el gato por la tarde?", True),
        ("de", "Am 3. Mai schläft die Katze auf dem Sofa.", True),  # an ordinal
        ("fr", "Le chat dort sur le canapé. Il rêve.", False),
    ],
)
def test_one_sentence(lang, text, one):
    assert verdicts(text, ["x"], lang, checks=["one_sentence"]) == {"one_sentence": one}


def test_word_window_counts_words_elisions_whole():
    window = {"checks": ["word_window"], "min_words": 5, "max_words": 7}
    assert verdicts("The dog caught it.", ["x"], **window) == {"word_window": False}  # 4 words
    assert verdicts("The dog caught it today.", ["x"], **window) == {"word_window": True}  # 5
    assert verdicts("The dog caught the red ball today.", ["x"], **window) == {"word_window": True}  # 7
    assert verdicts("The dog caught the big red ball today.", ["x"], **window) == {"word_window": False}  # 8
    assert verdicts("L'enfant lit aujourd'hui un livre.", ["x"], "fr", **window) == {"word_window": True}


def test_no_repeat_counts_each_word_for_one_listed_word():
    assert failed("The dog chased another dog and caught the ball.", ["dog", "catch", "ball"]) == {
        "no_repeat"
    }
    assert failed(
        "Die Katze schläft auf dem Sofa, die andere Katze spielt.", ["Katze", "schlafen", "Sofa"], "de"
    ) == {"no_repeat"}
    # fr "lit" is a form of lire and the word lit (bed): two of them stand for both, no repeat
    assert failed("L'enfant lit un livre dans son lit.", ["enfant", "lire", "livre", "lit"], "fr") == set()
    # ... and one of them covers one of the two
    judge = ChecksJudge(ChecksSettings())
    answer = judge.outcome(
        "L'enfant lit un gros livre.", {"concepts": ["lire", "lit", "enfant"], "lang": "fr"}, "t"
    )[2]
    assert answer.covered == 2


# --- the score and the ranking -------------------------------------------------------------------------


def test_score_share_covered_plus_weights_and_the_ranking_worked_by_hand():
    concepts = ["dog", "ball", "catch", "park"]
    texts = [
        "The dog catches the ball.",  # 3 of 4 covered, the rest pass: (3 + 0.8) / 4
        "Dog, ball, catch, park.",  # 4 covered; too short and an echo: (4 + 0.2 + 0.2) / 4
        "The dog catches the ball in the park.",  # all pass: (4 + 0.8) / 4
        "The dog caught the ball. Then it ran to the park.",  # two sentences: (4 + 0.6) / 4
        "",  # nothing covered; no repeat, no echo: 0.4 / 4
    ]
    ranking = make_judge(JudgeSettings(kind="checks")).rank(item(texts, concepts))
    assert ranking.scores == pytest.approx([0.95, 1.1, 1.2, 1.15, 0.1])
    assert ranking.order == [2, 3, 1, 0, 4]
    assert ranking.passed == [False, False, True, False, False]
    assert ranking.judge == "checks" and not ranking.abstained


def test_covering_more_always_ranks_higher_than_passing_the_other_checks():
    concepts = ["dog", "ball", "catch", "park", "bench"]
    texts = ["Dog, ball, catch, park, bench, bench, dog", "The dog catches the ball in the park."]
    ranking = make_judge(JudgeSettings(kind="checks")).rank(item(texts, concepts))
    assert ranking.passed == [False, False]
    assert ranking.order == [0, 1]  # 5 covered, every other check failed: 5/5 > (4 + 0.8)/5


def test_the_reference_and_ensemble_judges_say_which_candidates_pass():
    ref = CandidateSet(
        "p", [], [Completion(t, 1, "stop") for t in ["She goes.", "She  goes. ", "She go."]], "She goes."
    )
    assert make_judge(JudgeSettings(kind="reference")).rank(ref).passed == [True, True, False]
    both = JudgeSettings(kind="ensemble", members=[{"kind": "checks"}, {"kind": "reference"}])
    texts = ["The dog catches the ball in the park.", "The dog catches the ball in the big park."]
    checked = CandidateSet(
        "p", [], [Completion(t, 1, "stop") for t in texts], texts[1], {"concepts": ["dog", "park"]}
    )
    # passes the checks: both; matches the reference: the second
    assert make_judge(both).rank(checked).passed == [False, True]
    members_without = JudgeSettings(kind="ensemble", members=[{"kind": "local", "template": "pointwise"}] * 2)
    assert members_without.kind == "ensemble"  # (its ranking's passed stays None: tested through combine)
    from rankdistill.judging.ensemble import combine
    from rankdistill.records import Ranking

    plain = [Ranking("p", [0, 1], [1.0, 0.0]), Ranking("p", [1, 0], [0.0, 1.0])]
    assert combine("p", plain, "borda", "e").passed is None


# --- what it reads from the row, and its settings ------------------------------------------------------


def test_rows_without_their_language_use_the_default_and_a_text_list_is_split():
    judge = ChecksJudge(ChecksSettings(default_lang="fr"))
    _, v, answer = judge.outcome("L'enfant lit un livre au jardin.", {"concepts": "enfant, lire, livre"}, "t")
    assert answer.lang == "fr" and answer.concepts == ["enfant", "lire", "livre"] and all(v.values())


def test_a_row_it_cannot_read_is_an_error_naming_the_prompt_and_field():
    judge = make_judge(JudgeSettings(kind="checks"))
    bad = item(["A sentence with five words."], ["x"])
    bad.fields = {"lang": "en"}
    with pytest.raises(ChecksError, match=r"prompt p1: field 'concepts' \(judge.concepts_field\)"):
        judge.rank(bad)
    bad.fields = {"concepts": ["dog"], "lang": "xx"}
    with pytest.raises(ChecksError, match="prompt p1: language 'xx'"):
        judge.rank(bad)
    # checks that need no list run without one
    plain = ChecksJudge(ChecksSettings(checks=["one_sentence", "word_window"]))
    assert plain.outcome("A sentence with five words.", {}, "t")[0] == pytest.approx(0.4)


@pytest.mark.parametrize(
    "judge, message",
    [
        ({"kind": "checks", "checks": ["covers", "rhymes"]}, "unknown check(s) 'rhymes'"),
        (
            {"kind": "checks", "weights": {"one_sentence": 0.5, "no_echo": 0.5}},
            "add up to 1.4; keep them under 1",
        ),
        (
            {"kind": "checks", "weights": {"covers": 0.1}},
            "'covers' is no check this judge runs whose weight counts",
        ),
        ({"kind": "checks", "min_words": 9, "max_words": 8}, "judge.min_words 9 is above judge.max_words 8"),
        (
            {"kind": "checks", "similarity": "edit_distance"},
            "judge.similarity does not apply to judge.kind 'checks'",
        ),
    ],
)
def test_bad_settings_are_refused_naming_the_key(judge, message):
    with pytest.raises(RecipeError) as e:
        recipe_from_dict({"judge": judge})
    assert message in str(e.value)


def test_settings_are_described_and_the_kind_needs_no_ledger():
    from rankdistill.judging import uses_ledger
    from rankdistill.judging.kinds import reads_reference

    settings = JudgeSettings(kind="checks")
    assert type(settings).__name__ == "ChecksSettings" and not uses_ledger(settings)
    assert not reads_reference(settings)
    assert settings.weights == {"one_sentence": 0.2, "word_window": 0.2, "no_repeat": 0.2, "no_echo": 0.2}
    assert (settings.concepts_field, settings.lang_field, settings.default_lang) == ("concepts", "lang", "en")
    assert (settings.min_words, settings.max_words) == (5, 30)
    assert not math.isnan(make_judge(settings).rank(item(["The dog sleeps in the park."], ["dog"])).scores[0])


# --- through the command line: the judge and eval stages, a check of one's own ------------------------

TOY_CHECKS = '''
"""Checks of one's own: one registered through the rankdistill.checks entry-point group, one by 'module:function'."""

from rankdistill.judging.checks import Check


def _short(answer):
    return len(answer.words) <= 8


SHORT = Check("short", _short, "at most 8 words")


def no_digits(answer):
    return not any(ch.isdigit() for ch in answer.text)
'''


def _cli(tmp_path):
    """`rankdistill ...` in a subprocess with the toy check and the toy backend (fixed answers) installed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from plugins import install_plugin

    here = Path(__file__).resolve().parent
    site = install_plugin(
        tmp_path / "site",
        "toy-checks",
        {"toy_checks.py": TOY_CHECKS, "toy_backend.py": (here / "toy_backend.py").read_text()},
        {
            "rankdistill.checks": {"short": "toy_checks:SHORT"},
            "rankdistill.backends": {"toy": "toy_backend:BACKEND"},
        },
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
        )

    return lambda *args: run("-m", "rankdistill", *args), lambda code: run("-c", code)


def test_the_judge_stage_ranks_by_checks_and_a_check_of_ones_own_joins_them(tmp_path):
    import yaml

    from rankdistill.records import read_jsonl, to_dict, write_jsonl
    from rankdistill.rundir import RunDir

    rankdistill, _ = _cli(tmp_path)
    assert "short" in rankdistill("recipes").stdout and "at most 8 words" in rankdistill("recipes").stdout
    texts = [
        "The dog catches the ball in the big green park.",  # 10 words: not short; (4 + 0.1) / 4
        "The dog catches the ball in the park.",  # every check: (4 + 0.3 + 0.1) / 4
        "The dog catches 2 balls in the park.",  # a digit: (4 + 0.3) / 4
    ]
    run = RunDir(tmp_path / "run")
    write_jsonl(run.candidates(1), [to_dict(item(texts, ["dog", "ball", "catch", "park"]))])
    judge = {
        "kind": "checks",
        "checks": ["covers", "short", "toy_checks:no_digits"],
        "weights": {"short": 0.3},
    }
    run.recipe_path.write_text(yaml.safe_dump({"name": "checks", "judge": judge}))
    judged = rankdistill("judge", str(run.root), "--round", "1")
    assert judged.returncode == 0, judged.stderr
    (ranking,) = read_jsonl(run.rankings(1))
    assert ranking["scores"] == pytest.approx([1.025, 1.1, 1.075])
    assert ranking["order"] == [1, 2, 0] and ranking["passed"] == [False, True, False]
    assert not (run.root / "ledger.sqlite").exists()  # no calls, no ledger

    # a check that cannot be loaded stops the stage with one line naming it
    run.rankings(1).unlink()
    judge["checks"][2] = "toy_checks:missing"
    run.recipe_path.write_text(yaml.safe_dump({"name": "checks", "judge": judge}))
    refused = rankdistill("judge", str(run.root), "--round", "1")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "judge.checks: cannot load 'toy_checks:missing'" in refused.stderr


def test_the_eval_stage_writes_each_answers_checks_and_eval_json_reports_covered(tmp_path):
    rows = [
        {"id": "en1", "lang": "en", "concepts": ["dog", "ball", "catch", "park"], "reference": "A dog catches a ball in a park."},
        {"id": "en2", "lang": "en", "concepts": ["dog", "ball", "throw"], "reference": "He throws the dog a ball."},
        {"id": "fr1", "lang": "fr", "concepts": ["chien", "balle", "parc"], "reference": "Le chien court au parc avec sa balle."},
        {"id": "de1", "lang": "de", "concepts": ["Katze", "schlafen", "Sofa"], "reference": "Die Katze schläft auf dem Sofa."},
    ]  # fmt: skip
    data = tmp_path / "keywords.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    recipe = tmp_path / "keywords.yaml"
    recipe.write_text(
        f"name: kw\ndata: {{train: {data}, test: {data}, input_field: concepts, "
        "user_template: 'Write one sentence using: {input}'}\njudge: {kind: checks}\n"
        "generation: {backend: toy, toy: {answer: The dog catches the ball in the park.}}\n"
    )
    rankdistill, python = _cli(tmp_path)
    run = tmp_path / "run"
    opened = python(
        f"from rankdistill.recipe import load_recipe; from rankdistill.run import open_run; "
        f"open_run({str(run)!r}, load_recipe({str(recipe)!r}))"
    )
    assert opened.returncode == 0, opened.stderr
    made = rankdistill("eval", str(run), "--round", "0")
    assert made.returncode == 0, made.stderr
    result = json.loads((run / "round-00/eval.json").read_text())
    # every answer is the English sentence: en1 passes, en2 lacks throw, fr1 and de1 cover nothing
    assert result["covered"] == 1 / 4 and result["coverage"] == pytest.approx((1 + 2 / 3) / 4)
    assert result["copy_baseline_covered"] == 0.0
    assert result["by_lang"]["en"]["covered"] == 0.5 and result["by_lang"]["fr"]["coverage"] == 0.0
    preds = {r["prompt_id"]: r for r in read_jsonl_file(run / "round-00/predictions.jsonl")}
    assert preds["en1"]["passed"] and preds["en1"]["concepts"] == ["dog", "ball", "catch", "park"]
    assert preds["en2"]["checks"]["covers"] is False and preds["en2"]["coverage"] == pytest.approx(2 / 3)
    summary = rankdistill("summary", str(run))
    assert "covered" in summary.stdout


def read_jsonl_file(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.mark.integration
def test_a_ranking_round_judged_by_checks_on_the_packaged_student(tmp_path):
    """`rankdistill iterate` at smoke settings: the student's samples and the reference ranked by the checks
    judge, a DPO round on them, and eval.json's covered per language."""
    import subprocess
    import sys

    from rankdistill.records import read_jsonl

    train, test = ROOT / "data/keywords/train.jsonl", ROOT / "data/keywords/test.jsonl"
    recipe = tmp_path / "keywords.yaml"
    recipe.write_text(
        f"name: kw\nrounds: 1\ndata: {{train: {train}, test: {test}, input_field: concepts, max_prompts: 8, "
        "user_template: 'Write one sentence using: {input}'}\njudge: {kind: checks}\n"
        "generation: {k: 2, max_new_tokens: 24, sources: [student, reference]}\n"
        "train: {algorithm: dpo, max_steps: 2, batch_size: 2}\neval: {max_prompts: 8, max_new_tokens: 24}\n"
    )
    run = tmp_path / "run"
    proc = subprocess.run(
        [sys.executable, "-m", "rankdistill", "iterate", str(recipe), "--run-dir", str(run)],
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-4000:]
    candidates = list(read_jsonl(run / "round-01/candidates.jsonl"))
    assert all(c["fields"]["concepts"] and c["fields"]["lang"] for c in candidates)
    rankings = list(read_jsonl(run / "round-01/rankings.jsonl"))
    # the k samples, the greedy answer (generation.greedy, on by default), then the reference
    sources = [[c["source"] for c in row["candidates"]] for row in candidates]
    assert all(s == ["student", "student", "greedy", "reference"] for s in sources)
    assert len(rankings) == 8 and all(r["judge"] == "checks" and len(r["passed"]) == 4 for r in rankings)
    assert all(r["passed"][3] for r in rankings)  # the reference passes every check
    for r in (0, 1):
        result = json.loads((run / f"round-{r:02d}/eval.json").read_text())
        preds = list(read_jsonl(run / f"round-{r:02d}/predictions.jsonl"))
        assert result["covered"] == sum(p["passed"] for p in preds) / 8
        assert set(result["by_lang"]) == {"en", "fr", "es", "de"} and "coverage" in result["by_lang"]["de"]
    assert "covered" in json.loads((run / "round-01/eval.json").read_text())["vs_previous_round"]
    assert "covered" in proc.stdout  # the summary's column


# --- the shipped data: data/keywords ---------------------------------------------------------------------


@pytest.mark.parametrize("split", ["train", "test"])
def test_every_reference_in_data_keywords_passes_every_check(split):
    judge = ChecksJudge(ChecksSettings())
    rows = [json.loads(line) for line in (ROOT / f"data/keywords/{split}.jsonl").read_text().splitlines()]
    failing = {}
    for row in rows:
        score, verdicts, _ = judge.outcome(row["reference"], row, row["id"])
        if not all(verdicts.values()):
            failing[row["id"]] = sorted(k for k, ok in verdicts.items() if not ok)
    assert failing == {} and len(rows) >= 240


def test_every_annotated_form_of_make_keywords_is_a_form_of_its_lemma():
    """Beyond the concepts drawn into the files: all 10,000 (lemma, form) pairs written by hand for them."""
    make_keywords = load_script("data/make_keywords.py")
    pairs = [
        (lang, lemma, form)
        for lang in make_keywords.SENTENCES
        for _, ps in make_keywords.parse(lang)
        for lemma, form in ps
    ]
    assert len(pairs) > 10_000
    assert [p for p in pairs if not inflection.matches(p[2], p[1], p[0])] == []
