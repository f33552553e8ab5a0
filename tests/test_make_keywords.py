"""data/make_keywords.py: reproducible, split by concept set, every concept findable once in its one-sentence
reference, and the committed files are its output."""

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
LANGS = {"en", "fr", "es", "de"}


make_keywords = load_script("data/make_keywords.py")

# The annotated forms, by language and reference: {lemma: form as written in the sentence}.
FORMS = {
    (lang, sentence): dict(pairs)
    for lang in make_keywords.SENTENCES
    for sentence, pairs in make_keywords.parse(lang)
}

# Inflected forms that do not start like their lemma (suppletion, vowel change at the start); every other
# annotated form must, once a German participle's ge- is set aside.
IRREGULAR_STARTS = {
    ("en", "go", "went"),
    ("en", "eat", "ate"),
    ("en", "good", "best"),
    ("en", "bad", "worse"),
    ("de", "gut", "beste"),
    ("de", "gut", "besten"),
    ("de", "gut", "bester"),
    ("de", "essen", "aßen"),
    ("de", "essen", "isst"),
    ("de", "essen", "gegessen"),
    ("es", "oler", "huele"),
    ("fr", "aller", "irons"),
    ("fr", "œil", "yeux"),
}


def _words(text: str) -> list[str]:
    """Words in lower case, split at spaces, punctuation and apostrophes (l'école -> l, école)."""
    return [w.lower() for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", text.replace("'", " "))]


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("keywords")
    make_keywords.write(out)
    return out


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def rows(made):
    return {name: _rows(made / f"{name}.jsonl") for name in ("train", "test")}


def test_two_runs_write_identical_bytes(made, tmp_path):
    make_keywords.write(tmp_path)
    for name in ("train.jsonl", "test.jsonl"):
        assert (tmp_path / name).read_bytes() == (made / name).read_bytes()


def test_committed_files_are_the_scripts_output(made):
    for name in ("train.jsonl", "test.jsonl"):
        committed = ROOT / "data" / "keywords" / name
        assert committed.read_bytes() == (made / name).read_bytes(), (
            f"regenerate: python data/make_keywords.py ({name})"
        )


def test_sizes_languages_and_concept_counts(rows):
    train, test = rows["train"], rows["test"]
    assert len(train) >= 2000
    assert Counter(r["lang"] for r in test) == {lang: 60 for lang in LANGS}
    assert (
        set(Counter(r["lang"] for r in train)) == LANGS
        and min(Counter(r["lang"] for r in train).values()) >= 450
    )
    # languages interleaved: any first 8 items hold all four
    for split in (train, test):
        assert {r["lang"] for r in split[:8]} == LANGS
        sizes = Counter(len(r["concepts"]) for r in split)
        assert set(sizes) == {3, 4, 5}
        for k, share in ((3, 0.4), (4, 0.4), (5, 0.2)):
            assert abs(sizes[k] / len(split) - share) <= 0.05, (k, sizes)


def test_rows_have_ids_fields_and_types(rows):
    for name, split in rows.items():
        assert len({r["id"] for r in split}) == len(split)
        assert split[0]["id"] == f"kw-{name}-{split[0]['lang']}-0001"
        for r in split:
            assert list(r) == ["id", "lang", "concepts", "reference"]
            assert re.fullmatch(rf"kw-{name}-{r['lang']}-\d{{4}}", r["id"]), r["id"]
            assert r["lang"] in LANGS
            assert isinstance(r["reference"], str) and isinstance(r["concepts"], list)
            assert 3 <= len(r["concepts"]) <= 5
            assert all(isinstance(c, str) and c and " " not in c for c in r["concepts"])
            assert len({c.lower() for c in r["concepts"]}) == len(r["concepts"]), r


def test_split_is_by_concept_set_and_by_sentence(rows):
    train, test = rows["train"], rows["test"]
    assert not {frozenset(r["concepts"]) for r in test} & {frozenset(r["concepts"]) for r in train}
    assert not {r["reference"] for r in test} & {r["reference"] for r in train}
    assert len({r["reference"] for r in test}) == len(test)  # never two test items from one sentence


def test_every_reference_is_one_sentence_of_a_sensible_length(rows):
    for r in rows["train"] + rows["test"]:
        ref = r["reference"]
        assert ref == ref.strip() and re.search(r"[.!?]$", ref), ref
        assert not re.search(r"[.!?]", ref.rstrip(".!? ")), f"more than one sentence: {ref}"
        n = len(_words(ref))
        assert 6 <= n <= 20, ref
        assert n >= len(r["concepts"]) + 2, f"barely more than the concepts: {ref}"  # not a bare list
        assert unicodedata.normalize("NFC", ref) == ref


def test_every_concept_occurs_exactly_once_in_its_reference(rows):
    """The lemma itself or its annotated inflected form is a word of the reference, once; the lemma is not
    there beside its form (which would use the concept twice)."""
    for r in rows["train"] + rows["test"]:
        forms, words = FORMS[(r["lang"], r["reference"])], _words(r["reference"])
        for concept in r["concepts"]:
            form = forms[concept]
            assert words.count(form.lower()) == 1, (concept, form, r)
            if form != concept:
                assert concept.lower() not in words, (concept, r)


def test_annotated_forms_are_plausible_inflections(rows):
    """A check on the hand annotation: an inflected form starts like its lemma (German participles after ge-),
    unless listed above as irregular; and the lemma is a dictionary form's case."""
    for lang in make_keywords.SENTENCES:
        for sentence, pairs in make_keywords.parse(lang):
            first_word = _words(sentence)[0]
            for lemma, form in pairs:
                stem = (
                    form[2:]
                    if lang == "de" and form.startswith("ge") and not lemma.startswith("ge")
                    else form
                )
                if (lang, lemma, form) not in IRREGULAR_STARTS:
                    assert _bare(stem)[:1] == _bare(lemma)[:1], (lang, lemma, form, sentence)
                if lang != "de":
                    assert lemma == lemma.lower(), (lemma, sentence)
                elif form.lower() != first_word:
                    # German nouns are capitalised, in the sentence and as concepts; nothing else is
                    assert lemma[0].isupper() == form[0].isupper(), (lemma, form, sentence)


def test_concepts_are_not_listed_in_the_references_order(rows):
    for r in rows["train"] + rows["test"]:
        forms, words = FORMS[(r["lang"], r["reference"])], _words(r["reference"])
        in_reference = sorted(r["concepts"], key=lambda c: words.index(forms[c].lower()))
        assert r["concepts"] != in_reference, r


def test_references_use_inflected_forms_often(rows):
    for lang in LANGS:
        concepts = [
            (c, r["reference"])
            for r in rows["train"] + rows["test"]
            if r["lang"] == lang
            for c in r["concepts"]
        ]
        inflected = sum(FORMS[(lang, ref)][c] != c for c, ref in concepts)
        assert inflected / len(concepts) >= 0.3, lang
