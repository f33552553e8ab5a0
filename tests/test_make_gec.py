"""data/make_gec.py: reproducible, disjoint splits, labelled errors, and the committed files are its output."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


make_gec = load_script("data/make_gec.py")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("gec")
    make_gec.write(out)
    return out


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_two_runs_write_identical_bytes(made, tmp_path):
    make_gec.write(tmp_path)
    for name in ("train.jsonl", "test.jsonl"):
        assert (tmp_path / name).read_bytes() == (made / name).read_bytes()


def test_committed_files_are_the_scripts_output(made):
    for name in ("train.jsonl", "test.jsonl"):
        committed = ROOT / "data" / "gec" / name
        assert committed.read_bytes() == (made / name).read_bytes(), (
            f"regenerate: python data/make_gec.py ({name})"
        )


def test_splits_are_disjoint_by_sentence_and_by_input(made):
    train, test = _rows(made / "train.jsonl"), _rows(made / "test.jsonl")
    assert not {r["reference"] for r in train} & {r["reference"] for r in test}
    assert not {r["text"] for r in train} & {r["text"] for r in test}
    assert not {r["text"] for r in train} & {r["reference"] for r in test}


def test_sizes_languages_and_share_already_correct(made):
    train, test = _rows(made / "train.jsonl"), _rows(made / "test.jsonl")
    assert len(train) >= 2000 and len(test) >= 200
    sentences = Counter(lang for lang, _ in {(r["lang"], r["reference"]) for r in train + test})
    assert set(sentences) == {"en", "fr", "es", "de"}
    assert min(sentences.values()) >= 100
    for rows in (train, test):
        assert set(Counter(r["lang"] for r in rows)) == {"en", "fr", "es", "de"}
        share = sum(not r["errors"] for r in rows) / len(rows)
        assert 0.18 <= share <= 0.3


def test_rows_have_ids_fields_and_labelled_errors(made):
    families = {rule.__name__ for rule, _ in make_gec.RULES}
    for name in ("train", "test"):
        rows = _rows(made / f"{name}.jsonl")
        assert len({r["id"] for r in rows}) == len(rows)
        assert rows[0]["id"] == f"gec-{name}-{rows[0]['lang']}-0001"
        for r in rows:
            assert list(r) == ["id", "lang", "text", "reference", "errors", "rationale"]
            assert r["id"].startswith(f"gec-{name}-{r['lang']}-")
            assert set(r["errors"]) <= families and len(set(r["errors"])) == len(r["errors"]) <= 2
            if r["errors"]:
                assert r["text"] != r["reference"], r
            else:
                assert r["text"] == r["reference"], r
    # every rule family shows up in training, and some items carry two errors
    train = _rows(made / "train.jsonl")
    assert {e for r in train for e in r["errors"]} == families
    assert any(len(r["errors"]) == 2 for r in train)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "de"])
def test_every_rule_that_applies_makes_a_different_sentence(lang):
    import random

    rng = random.Random(0)
    for sentence in make_gec.SENTENCES[lang]:
        for rule, _ in make_gec.RULES:
            out = rule(lang, sentence, rng)
            assert out is None or out != sentence, (rule.__name__, sentence)


QUOTE = re.compile(r'"([^"]+)" → "([^"]+)"')


def test_every_item_has_a_rationale_that_names_its_errors_and_quotes_the_changed_words(made):
    for name in ("train", "test"):
        for r in _rows(made / f"{name}.jsonl"):
            why = r["rationale"]
            if not r["errors"]:
                assert why == "no error: the sentence is correct.", r
                continue
            heads = re.findall(r'(?:^|\); )([a-z ]+): "', why)  # "family: " or "family and family: "
            named = {f.replace(" ", "_") for head in heads for f in head.split(" and ")}
            assert named == set(r["errors"]), r
            quotes = QUOTE.findall(why)
            assert quotes, r
            text, reference = r["text"].split(" "), r["reference"].split(" ")
            for wrong, right in quotes:  # the item's own words, and its reference's
                assert f" {wrong} " in f" {' '.join(text)} ".replace(".", " ").replace("?", " "), (wrong, r)
                assert f" {right} " in f" {' '.join(reference)} ".replace(".", " ").replace("?", " "), (right, r)
            # every changed word is quoted: the words of each side the other side lacks
            quoted_wrong = " ".join(w for w, _ in quotes).split(" ")
            quoted_right = " ".join(x for _, x in quotes).split(" ")
            strip = lambda w: w.rstrip(".?!")  # noqa: E731
            for word in Counter(map(strip, text)) - Counter(map(strip, reference)):
                assert word in quoted_wrong, (word, r)
            for word in Counter(map(strip, reference)) - Counter(map(strip, text)):
                assert word in quoted_right, (word, r)


def test_rationales_explain_the_rule(made):
    rows = {r["text"]: r for r in _rows(made / "train.jsonl")}
    assert rows["Elle a chanté une chanson à le mariage de sa sœur."]["rationale"] == (
        "preposition: \"à le\" → \"au\" ('à le' contracts to 'au')."
    )
    assert rows["I didn't understand question."]["rationale"] == (
        "article: \"question\" → \"the question\" (a singular countable noun needs its article)."
    )
