"""Fault catalogue, part 2 (issue 27): nothing is paid for, and no model loads, before the settings are checked.
Each case runs a command as a user would and must stop at once with one line naming the key or file, no
traceback, no call to the server and no run work (round 0 is never evaluated)."""

from __future__ import annotations

import socket
import time

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY

from rankdistill.cli import main


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


@pytest.fixture(autouse=True)
def _no_model(monkeypatch):
    """Loading the student is the work these checks must come before: here it fails the test at once."""
    from rankdistill import models

    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded before the checks stopped the command")

    monkeypatch.setattr(models, "load_base_model", refuse)
    monkeypatch.setattr(models, "load_tokenizer", refuse)


def one_error(result, *named: str) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert all(n in lines[0] for n in named), lines[0]
    return lines[0]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def iterate(tmp_path, *sets: str, recipe: str = "gec-smollm2-dpo-openai"):
    args = ["iterate", recipe, "--run-dir", str(tmp_path / "run")]
    for s in sets:
        args += ["--set", s]
    start = time.monotonic()
    result = CliRunner().invoke(main, args)
    return result, time.monotonic() - start


@pytest.mark.parametrize("problem", ["nothing listens", "no scheme", "wrong key"])
def test_the_teacher_is_asked_once_for_free_before_any_model_loads(tmp_path, problem):
    with FakeServer(api_key="sk-the-right-one") as srv:
        url = {
            "nothing listens": f"http://127.0.0.1:{closed_port()}/v1",
            "no scheme": srv.url.removeprefix("http://"),
            "wrong key": srv.url,
        }[problem]
        result, seconds = iterate(tmp_path, f"judge.base_url={url}")
        assert srv.requests == 0  # nothing paid
    assert result.exit_code == 2, result.output
    line = one_error(result, "judge")
    assert {"nothing listens": "cannot be reached", "no scheme": "http", "wrong key": "refused"}[problem] in line
    assert not (tmp_path / "run" / "round-00").exists()  # the untrained student was never evaluated
    assert seconds < 30


@pytest.mark.parametrize(
    "setting,named",
    [
        ("train.args.loss_type=[bogus]", "train.args.loss_type (dpo)"),
        ("train.args.loss_type=[sigmoid, bogus]", "bogus"),
        ("train.args.truncation_mode=middle", "train.args.truncation_mode (dpo)"),
        ("train.args.loss_type=[[sigmoid]]", "train.args.loss_type (dpo)"),
        ("generation.temperature=.inf", "generation.temperature"),
        ("train.learning_rate=.inf", "train.learning_rate"),
        ("judge.temperature=.inf", "judge.temperature"),
        ("judge.price_per_mtok.input=.inf", "judge.price_per_mtok.input"),
        ("train.args.max_grad_norm=.inf", "train.args.max_grad_norm"),
        ("train.args.max_grad_norm=.nan", "train.args.max_grad_norm"),
    ],
)
def test_a_bad_setting_is_refused_before_any_call(tmp_path, setting, named):
    with FakeServer() as srv:
        result, _ = iterate(tmp_path, f"judge.base_url={srv.url}", setting)
        assert srv.requests == 0
    assert result.exit_code == 2, result.output
    one_error(result, named)
    assert not (tmp_path / "run" / "recipe.yaml").exists()  # the bad value never became part of a run


def test_good_list_values_pass(tmp_path):
    from rankdistill.recipe import load_recipe
    from rankdistill.train import check_train_settings

    recipe = load_recipe("gec-smollm2-small", {"train.args": {"loss_type": ["sigmoid", "sft"], "loss_weights": [1.0, 0.5]}})
    check_train_settings(recipe)  # no error
    check_train_settings(load_recipe("gec-smollm2-small", {"train.args": {"loss_type": "ipo"}}))  # a single name too


@pytest.mark.parametrize("content", ["", "# only a comment\n"])
def test_an_empty_recipe_file_is_refused(tmp_path, content):
    path = tmp_path / "empty.yaml"
    path.write_text(content)
    result, _ = iterate(tmp_path, recipe=str(path))
    assert result.exit_code == 2, result.output
    one_error(result, "empty.yaml", "empty")
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize(
    "text",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}{{ candidates }}",
        "{{ lipsum(10**6) }}{{ candidates }}",
        "{% for i in range(100000) %}{{ candidates }}{% endfor %}",
        "{{ candidates|indent(10**8) }}{{ 'x'|center(10**9) }}",
    ],
)
def test_a_template_that_would_not_finish_is_refused_at_load(tmp_path, text):
    import yaml

    path = tmp_path / "slow.yaml"
    path.write_text(yaml.safe_dump({"mode": "listwise", "placeholders": ["candidates"], "user": text}))
    result, seconds = iterate(tmp_path, "judge.base_url=http://127.0.0.1:9/v1", f"judge.template={path}")
    assert result.exit_code == 2, result.output
    one_error(result, "slow.yaml")
    assert seconds < 20
