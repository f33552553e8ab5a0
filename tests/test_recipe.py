from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from rankdistill.recipe import Recipe, RecipeError, load_recipe, parse_overrides, recipes_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", sorted(recipes_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_recipe_loads(path):
    recipe = load_recipe(path)
    assert recipe.name == path.stem  # runs/<name> says which recipe made it
    assert (ROOT / recipe.data.train).exists()


@pytest.mark.parametrize("path", sorted(recipes_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_smoke_settings_apply_to_every_recipe(path):
    sets = parse_overrides(
        ["data.max_prompts=8", "generation.k=4", "train.max_steps=2", "eval.max_prompts=8"]
    )
    recipe = load_recipe(path, sets)
    assert (
        recipe.data.max_prompts,
        recipe.generation.k,
        recipe.train.max_steps,
        recipe.eval.max_prompts,
    ) == (8, 4, 2, 8)


def test_every_field_has_a_default_and_a_description():
    def walk(model):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
            assert not field.is_required(), f"{model.__name__}.{name} has no default"
            ann = field.annotation
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                seen.append(ann.__name__)
                walk(ann)

    seen = []
    walk(Recipe)
    assert {"StudentSettings", "LoraSettings", "TrainSettings", "EvalSettings"} <= set(seen)
    Recipe()  # everything defaulted


def _write(tmp_path, text):
    p = tmp_path / "r.yaml"
    p.write_text(text)
    return p


def test_unknown_key_names_file_and_key(tmp_path):
    p = _write(tmp_path, "generation:\n  k: 4\n  temprature: 0.7\n")
    with pytest.raises(RecipeError) as e:
        load_recipe(p)
    assert (
        str(p) in str(e.value) and "generation.temprature" in str(e.value) and "unknown key" in str(e.value)
    )


def test_bad_value_names_key(tmp_path):
    p = _write(tmp_path, "generation:\n  k: 1\n")
    with pytest.raises(RecipeError, match=r"generation\.k"):
        load_recipe(p)
    p = _write(tmp_path, "student:\n  quantization: 3bit\n")
    with pytest.raises(RecipeError, match=r"student\.quantization"):
        load_recipe(p)


def test_stop_sequences_are_checked(tmp_path):
    """generation.stop: one-line answers stop at a newline; an empty string, which would end every answer before
    its first character, is refused with its key."""
    r = load_recipe(_write(tmp_path, "generation:\n  stop: ['<end_of_turn>', \"\\n\", 106]\n"))
    assert r.generation.stop == ["<end_of_turn>", "\n", 106]
    with pytest.raises(RecipeError, match=r"generation\.stop.*empty string"):
        load_recipe(_write(tmp_path, "generation:\n  stop: [\"\\n\", '']\n"))


def test_unknown_top_level_section(tmp_path):
    with pytest.raises(RecipeError, match="unknown key 'trainer'"):
        load_recipe(_write(tmp_path, "trainer: {}\n"))


def test_template_placeholders_are_checked(tmp_path):
    with pytest.raises(RecipeError, match=r"\{sentence\}"):
        load_recipe(_write(tmp_path, "data:\n  user_template: 'Fix: {sentence}'\n"))
    with pytest.raises(RecipeError, match="must contain"):
        load_recipe(_write(tmp_path, "data:\n  user_template: 'Fix this'\n"))


def test_overrides_are_typed_and_validated(tmp_path):
    p = _write(tmp_path, "rounds: 1\n")
    r = load_recipe(
        p,
        parse_overrides(
            ["train.learning_rate=1e-4", "generation.temperature=0.7", "data.system_prompt=null"]
        ),
    )
    assert r.train.learning_rate == 1e-4 and r.generation.temperature == 0.7 and r.data.system_prompt is None
    with pytest.raises(RecipeError, match=r"--set.*generation\.kk"):
        load_recipe(p, parse_overrides(["generation.kk=3"]))
    with pytest.raises(RecipeError, match="key=value"):
        parse_overrides(["train.max_steps"])


def test_invalid_yaml_and_non_mapping(tmp_path):
    with pytest.raises(RecipeError, match="not valid YAML"):
        load_recipe(_write(tmp_path, "a: [1,\n"))
    with pytest.raises(RecipeError, match="mapping"):
        load_recipe(_write(tmp_path, "- 1\n- 2\n"))


def test_missing_recipe_file():
    with pytest.raises(RecipeError, match="no such recipe"):
        load_recipe("does-not-exist.yaml")


def test_shipped_recipe_by_name():
    assert load_recipe("gec-smollm2-small").name == "gec-smollm2-small"
    assert load_recipe(None).name == "gec-gemma3-270m"  # the default: the stronger student


def test_trainer_args_checked_against_dpoconfig():
    from rankdistill.train import check_train_settings

    def check_args(recipe):
        check_train_settings(recipe, ["dpo"])

    check_args(load_recipe("gec-smollm2-small", {"train.args": {"loss_type": ["ipo"]}}))
    with pytest.raises(RecipeError, match="train.args.los_type"):
        check_args(load_recipe("gec-smollm2-small", {"train.args": {"los_type": "ipo"}}))
    with pytest.raises(RecipeError, match="train.max_steps"):
        check_args(load_recipe("gec-smollm2-small", {"train.args": {"max_steps": 3}}))


def test_dump_round_trips():
    from rankdistill.recipe import dump_recipe, recipe_from_dict

    r = load_recipe("gec-smollm2-small")
    assert recipe_from_dict(yaml.safe_load(dump_recipe(r))) == r


def test_raft_settings_of_an_old_recipe_load_into_its_section(tmp_path):
    """preferences.best_margin / best_ties (before raft owned them) load into train.per_algorithm.raft with the
    same values, with one note per key naming the new one; a run directory's own recipe.yaml silently."""
    from rankdistill import progress
    from rankdistill.recipe import recipe_from_dict

    old = _write(tmp_path, "preferences:\n  best_margin: 0.7\n  best_ties: each\n  keep_tied_correct: true\n")
    progress.hold()
    try:
        recipe = load_recipe(old)
    finally:
        notes = progress.release()
    raft = recipe.train.per_algorithm.raft
    assert (raft.best_margin, raft.best_ties, raft.keep_tied_correct) == (0.7, "each", True)
    assert notes == [
        f"note: {old}: preferences.{key} is train.per_algorithm.raft.{key} now"
        for key in ("best_margin", "best_ties", "keep_tied_correct")
    ]
    saved = {"preferences": {"best_margin": 0.7, "best_ties": "each", "keep_tied_correct": True}}
    assert recipe_from_dict(saved) == recipe
    # the new key, where a file sets both, and a --set of the old one, over the file's new one
    both = _write(tmp_path, "preferences: {best_margin: 0.7}\ntrain: {per_algorithm: {raft: {best_margin: 0.2}}}")
    assert load_recipe(both).train.per_algorithm.raft.best_margin == 0.2
    assert load_recipe(both, {"preferences.best_margin": 0.9}).train.per_algorithm.raft.best_margin == 0.9
