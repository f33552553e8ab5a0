"""The documentation stays true: README.md and docs/**/*.md are checked against the code, with no model loaded.

(a) every relative link resolves: the file exists inside the repository and a ``#anchor`` is the GitHub slug of a
    heading of the target page; (b) every shipped recipe the docs name exists; (c) every ``rankdistill ...``
    command line names a real command and only options it has (click's own parser, on ``rankdistill.cli``);
(d) every ``--set KEY=VALUE`` names a key of the recipe schema; (e) every YAML block that is a recipe (or a judge
    template) loads; (f) README.md is a front page, at most 12 KB; (g) README's test command is the one
    ``.ci/run`` runs. Every problem is reported as ``file:line: what is wrong``; the last tests feed each check a
    bad page to show it can fail.
"""

from __future__ import annotations

import re
import shlex
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
import yaml
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
README_LIMIT = 12 * 1024  # bytes of the file
CI_MARKER = "# --- README: run the tests ---"  # .ci/run: the line after it is README's test command
SHELL_BLOCKS = {"", "bash", "sh", "shell", "console"}
SHELL_OPS = {"&&", "||", ";", "|", "&", ">", ">>", "<", "2>&1"}
COMMAND_START = {"do", "then", "else", "time", "nohup", "exec"}  # words after which a command starts


# ---------------------------------------------------------------------------------------------------- reading


@dataclass
class Block:
    line: int  # of the first line inside the fence
    lang: str
    lines: list[str]


@dataclass
class Page:
    path: Path
    text: str
    blocks: list[Block]
    prose: str  # the text with fenced blocks blanked out (line numbers kept)

    def where(self, line: int, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{line}"


def read_page(path: Path, text: str | None = None) -> Page:
    text = path.read_text(encoding="utf-8") if text is None else text
    blocks: list[Block] = []
    prose: list[str] = []
    fence = None
    for i, line in enumerate(text.split("\n"), start=1):
        m = re.match(r"^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)", line)
        if fence is None and m:
            fence = m.group(1)
            blocks.append(Block(i + 1, m.group(2).lower(), []))
            prose.append("")
        elif fence is not None and re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
            fence = None
            prose.append("")
        elif fence is not None:
            blocks[-1].lines.append(line)
            prose.append("")
        else:
            prose.append(line)
    return Page(path, text, blocks, "\n".join(prose))


def doc_pages(root: Path = ROOT) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").rglob("*.md"))]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n\s*\n).)+?)(?<!`)\1(?!`)", re.S)


def inline_code(page: Page) -> Iterator[tuple[int, str]]:
    """(line, text) of every inline code span of the prose (a span may wrap onto the next line)."""
    for m in INLINE_CODE.finditer(page.prose):
        yield _line_of(page.prose, m.start()), " ".join(m.group(2).split())


def _without_inline_code(prose: str) -> str:
    return INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), prose)


def shell_lines(page: Page) -> Iterator[tuple[int, str]]:
    """(line, text) of every logical line of the shell blocks (a trailing backslash continues it)."""
    for block in page.blocks:
        if block.lang not in SHELL_BLOCKS:
            continue
        start, parts = None, []
        for i, line in enumerate(block.lines):
            if start is None:
                start = block.line + i
            if line.rstrip().endswith("\\"):
                parts.append(line.rstrip()[:-1])
                continue
            parts.append(line)
            yield start, " ".join(parts)
            start, parts = None, []
        if parts:
            yield start, " ".join(parts)


def code_texts(page: Page) -> Iterator[tuple[int, str]]:
    """Every command-like text of a page: shell lines and inline code spans."""
    yield from shell_lines(page)
    yield from inline_code(page)


# ------------------------------------------------------------------------------------------------- (a) links


def github_slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text lower-cased, punctuation dropped, each space a '-'."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text
    text = re.sub(r"<[^>]+>", "", text)  # inline html
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Page) -> set[str]:
    """The anchors of a page's headings; a repeated slug gets -1, -2, ..."""
    seen: dict[str, int] = {}
    out = set()
    for line in page.prose.split("\n"):
        m = re.match(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", line)
        if not m:
            continue
        slug = github_slug(m.group(1))
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def check_links(path: Path, root: Path = ROOT) -> list[str]:
    page = read_page(path)
    prose = _without_inline_code(page.prose)
    problems = []
    for m in LINK.finditer(prose):
        url, where = m.group(1), page.where(_line_of(prose, m.start()), root)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
            continue  # https:, mailto: ...
        target, _, anchor = url.partition("#")
        dest = (path.parent / target).resolve() if target else path.resolve()
        if not dest.is_relative_to(root.resolve()):
            problems.append(f"{where}: link {url} leaves the repository")
        elif not dest.exists():
            problems.append(f"{where}: link {url}: no such file {dest.relative_to(root.resolve())}")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(read_page(dest)):
            problems.append(f"{where}: link {url}: no heading with the anchor #{anchor} in {dest.name}")
    return problems


# -------------------------------------------------------------------------------------------- (c) commands


def _tokens(text: str) -> list[str]:
    # a synopsis's optional parts: `[--round N | --best]` -> `--round N --best` (not `--set x=[a,b]`)
    prev = None
    while prev != text:
        prev, text = text, re.sub(r"(?<!\S)\[([^\[\]]*)\]", lambda m: m.group(1).replace(" | ", " "), text)
    try:
        return shlex.split(text, comments=True)
    except ValueError:  # an unclosed quote (a shell string that goes on on the next line)
        return text.split()


def invocations(text: str) -> Iterator[list[str]]:
    """The arguments of every ``rankdistill`` (or ``-m rankdistill``) command in a shell line."""
    tokens, at_start, i = _tokens(text), True, 0
    while i < len(tokens):
        tok = tokens[i]
        is_us = tok == "rankdistill" or tok.endswith("/rankdistill")
        if (at_start and is_us) or (tok == "-m" and i + 1 < len(tokens) and tokens[i + 1] == "rankdistill"):
            i += 1 if tok != "-m" else 2
            args = []
            while i < len(tokens) and tokens[i] not in SHELL_OPS:
                end = tokens[i].endswith(";")
                args.append(tokens[i].rstrip(";"))
                i += 1
                if end:
                    break
            yield [a for a in args if a]
            at_start = True
            continue
        if tok in SHELL_OPS or tok.endswith(";"):
            at_start = True
        elif not (at_start and (tok in COMMAND_START or re.match(r"^[A-Za-z_]\w*=", tok))):
            at_start = False
        i += 1


def is_placeholder(arg: str) -> bool:
    """RUN_DIR, RECIPE, $R, <name>, ...: stands for what the reader types."""
    return arg == "..." or arg.startswith("$") or "<" in arg or bool(re.fullmatch(r"[A-Z][A-Z0-9_]*", arg))


def _main() -> click.Group:
    from rankdistill.cli import main

    return main


def check_invocation(args: list[str]) -> list[str]:
    """What is wrong with ``rankdistill ARGS``, by click's own parser: the command, its options, their values."""
    main = _main()
    group_opts = {o for p in main.get_params(click.Context(main)) for o in p.opts + p.secondary_opts}
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] not in group_opts:
            return [f"rankdistill has no option {args[i]} (it has {', '.join(sorted(group_opts))})"]
        i += 1
    if i == len(args) or is_placeholder(args[i]):
        return []
    problems = []
    for name in args[i].split("|"):  # `generate|judge|prefs|train RUN_DIR`: each of them
        command = main.commands.get(name)
        if command is None:
            problems.append(
                f"rankdistill has no command {name!r} (commands: {', '.join(sorted(main.commands))})"
            )
            continue
        ctx = click.Context(command, info_name=name, parent=click.Context(main, info_name="rankdistill"))
        rest = [a for a in args[i + 1 :] if a != "..."]
        try:
            _, extra, _ = command.make_parser(ctx).parse_args(rest)  # (its arguments are consumed too)
        except click.UsageError as e:
            problems.append(f"rankdistill {name}: {e.format_message()}")
            continue
        if extra:
            arguments = [p.human_readable_name for p in command.params if isinstance(p, click.Argument)]
            takes = " ".join(arguments) or "no arguments"
            problems.append(f"rankdistill {name} takes {takes}: {' '.join(extra)} is one too many")
    return problems


def check_commands(path: Path, root: Path = ROOT) -> list[str]:
    page = read_page(path)
    problems = []
    for line, text in code_texts(page):
        for args in invocations(text):
            problems += [f"{page.where(line, root)}: {p}" for p in check_invocation(args)]
    return problems


# ------------------------------------------------------------------------------------------- (b) recipes


def recipe_names(page: Page) -> Iterator[tuple[int, str]]:
    """(line, name) of every shipped recipe a page names: `recipes/NAME.yaml`, `rankdistill iterate|compare|init
    NAME`, `rankdistill label ... --recipe NAME`."""
    for m in re.finditer(r"(?:(?<=\.\./)|(?<![\w/.-]))recipes/([\w.-]+?)\.ya?ml\b", page.text):
        yield _line_of(page.text, m.start()), m.group(1)
    for line, text in code_texts(page):
        for args in invocations(text):
            args = [a for a in args if not a.startswith("--debug")]
            if not args:
                continue
            rest = args[1:]
            named = []
            if args[0] in ("iterate", "compare", "init"):
                command = _main().commands[args[0]]
                ctx = click.Context(command, info_name=args[0])
                try:
                    values, _, _ = command.make_parser(ctx).parse_args(rest)
                except click.UsageError:
                    continue  # check_commands reports it
                named = [v for v in [values.get("recipe")] if isinstance(v, str)]
            elif args[0] == "label" and "--recipe" in rest[:-1]:
                named = [rest[rest.index("--recipe") + 1]]
            for name in named:
                if not (is_placeholder(name) or "/" in name or name.endswith((".yaml", ".yml"))):
                    yield line, name


def check_recipes(path: Path, root: Path = ROOT) -> list[str]:
    page = read_page(path)
    return [
        f"{page.where(line, root)}: no shipped recipe {name!r} (recipes/{name}.yaml)"
        for line, name in recipe_names(page)
        if not (root / "recipes" / f"{name}.yaml").is_file()
    ]


# --------------------------------------------------------------------------------------------- (d) --set


def _choices(tp: typing.Any) -> Iterator[typing.Any]:
    """The types a field may hold: Annotated, Optional and unions unwrapped."""
    from rankdistill.judging.kinds import JudgeSection, judge_section

    origin = typing.get_origin(tp)
    if tp is JudgeSection:  # a judge section: its type is built from the registry of judge kinds
        yield from _choices(judge_section())
    elif origin is typing.Annotated:
        yield from _choices(typing.get_args(tp)[0])
    elif origin is typing.Union or type(tp).__name__ == "UnionType":
        for t in typing.get_args(tp):
            yield from _choices(t)
    else:
        yield tp


def schema_has(tp: typing.Any, keys: list[str]) -> bool:
    """Whether the dotted key path ``keys`` is a field of the settings type ``tp`` (anything under a dict is)."""
    if not keys:
        return True
    for t in _choices(tp):
        if t is typing.Any or t is dict or typing.get_origin(t) is dict:
            return True
        if isinstance(t, type) and issubclass(t, BaseModel):
            field = t.model_fields.get(keys[0])
            if field is not None and schema_has(field.annotation, keys[1:]):
                return True
    return False


def recipe_key_exists(dotted: str) -> bool:
    from rankdistill.recipe import Recipe
    from rankdistill.train import ALGORITHMS

    keys = dotted.split(".")
    if (
        len(keys) == 2
        and keys[0] == "train"
        and any(keys[1] in a.settings.moved_from_train for a in ALGORITHMS)
    ):
        return True  # an older recipe's key, read where it lives now (recipe.migrate)
    return schema_has(Recipe, keys)


SET = re.compile(r"--set[ =]+['\"]?([^\s='\"]+)=")


def check_set_keys(path: Path, root: Path = ROOT) -> list[str]:
    page = read_page(path)
    return [
        f"{page.where(line, root)}: --set {key}: the recipe has no such key"
        for line, text in code_texts(page)
        for key in SET.findall(text)
        if not (key.lower() == "key" or is_placeholder(key) or recipe_key_exists(key))  # (--set key=value)
    ]


# ---------------------------------------------------------------------------------------- (e) YAML blocks


def check_yaml_blocks(path: Path, root: Path = ROOT, tmp: Path | None = None) -> list[str]:
    """Every YAML block that holds a recipe's sections validates as a recipe (the fields it leaves out take their
    defaults); one that holds a judge template's system and user text loads as a template."""
    from rankdistill.errors import UserError
    from rankdistill.judging.templates import load_template
    from rankdistill.recipe import Recipe, recipe_from_dict

    page = read_page(path)
    sections = set(Recipe.model_fields) - {"name", "seed"}  # (a judge template has a name too)
    problems = []
    for block in page.blocks:
        if block.lang not in ("yaml", "yml"):
            continue
        where = page.where(block.line, root)
        try:
            tree = yaml.safe_load("\n".join(block.lines))
        except yaml.YAMLError as e:
            problems.append(f"{where}: not YAML: {' '.join(str(e).split())}")
            continue
        if not isinstance(tree, dict):
            continue
        try:
            if sections & set(tree):
                recipe_from_dict(tree, source=where, saved=False)
            elif {"system", "user"} <= set(tree) and tmp is not None:
                file = tmp / f"{path.stem}-{block.line}.yaml"
                file.write_text("\n".join(block.lines), encoding="utf-8")
                load_template(str(file))
        except UserError as e:
            problems.append(f"{where}: {' '.join(str(e).split())}")
    return problems


# ----------------------------------------------------------------------------------------- (f), (g) README


def check_readme_size(readme: Path, limit: int = README_LIMIT) -> list[str]:
    size = readme.stat().st_size
    return [f"{readme.name}: {size} bytes, more than a front page's {limit}"] if size > limit else []


def check_test_command(readme: Path, ci: Path) -> list[str]:
    lines = ci.read_text(encoding="utf-8").split("\n")
    if CI_MARKER not in lines:
        return [f"{ci.name}: no line {CI_MARKER!r} before the test command"]
    command = lines[lines.index(CI_MARKER) + 1].strip()
    page = read_page(readme)
    shown = [text.strip() for _, text in shell_lines(page)]
    if command not in shown:
        return [f"{readme.name}: its test command is not the one {ci.name} runs: {command}"]
    return []


# ------------------------------------------------------------------------------------------------- the tests

PAGES = doc_pages()
IDS = [str(p.relative_to(ROOT)) for p in PAGES]


def _report(problems: list[str]) -> str:
    return "\n" + "\n".join(problems)


def test_there_are_docs_pages():
    assert len(PAGES) > 5, "README.md and docs/*.md"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_relative_links_resolve(page):
    problems = check_links(page)
    assert not problems, _report(problems)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_named_recipes_are_shipped(page):
    problems = check_recipes(page)
    assert not problems, _report(problems)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_command_lines_name_real_commands_and_options(page):
    problems = check_commands(page)
    assert not problems, _report(problems)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_set_names_recipe_keys(page):
    problems = check_set_keys(page)
    assert not problems, _report(problems)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_yaml_recipes_load(page, tmp_path):
    problems = check_yaml_blocks(page, tmp=tmp_path)
    assert not problems, _report(problems)


def test_readme_is_a_front_page():
    assert not check_readme_size(ROOT / "README.md")


def test_readme_test_command_is_what_ci_runs():
    problems = check_test_command(ROOT / "README.md", ROOT / ".ci" / "run")
    assert not problems, _report(problems)


# --- each check fails on a bad page ---


def test_github_slugs():
    assert github_slug("A second student: Gemma 3 270M") == "a-second-student-gemma-3-270m"
    assert github_slug("Judges, the ledger — and `label`") == "judges-the-ledger--and-label"
    assert github_slug("[Export](export.md) and serve_it") == "export-and-serve_it"
    page = read_page(Path("x.md"), "# Notes\n## Notes\n```\n# Notes\n```\n### Notes!\n")
    assert anchors(page) == {"notes", "notes-1", "notes-2"}  # the one inside the code block is no heading


@pytest.fixture
def bad_docs(tmp_path):
    """A tiny repository: a shipped recipe, a page with a target heading, and a page that gets everything wrong
    once (and right once), each on a line of its own."""
    (tmp_path / "recipes").mkdir()
    (tmp_path / "recipes" / "good.yaml").write_text("name: good\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "target.md").write_text("# Target\n## Your own judge\n## Your own judge\n")
    page = tmp_path / "docs" / "bad.md"
    page.write_text(
        "\n".join(
            [
                "# Bad",  # 1
                "[ok](target.md#your-own-judge-1) and [ok](#bad) and [web](https://example.com/x.md#nope)",  # 2
                "[missing](nowhere.md)",  # 3
                "[anchor](target.md#your-own-judges)",  # 4
                "Run `rankdistill iterate good` or `rankdistill iterate nosuch`.",  # 5
                "```bash",  # 6
                "rankdistill iterate RECIPE [--rounds N] [--set key=value ...]   # fine",  # 7
                "rankdistill iterate --epochs 3",  # 8
                "rankdistill frobnicate RUN_DIR",  # 9
                "pip install rankdistill && rankdistill export RUN_DIR --round",  # 10
                "rankdistill generate|judge|prefz RUN_DIR [--round N] [--force]",  # 11
                "rankdistill iterate --set train.max_step=2 \\",  # 12
                "  --set judge.model=NAME --set train.args.anything=1",  # 13
                "```",  # 14
                "See recipes/missing.yaml and `rankdistill summary RUN_DIR EXTRA`, not pkg/recipes/x.yaml.",  # 15
                "```yaml",  # 16
                "train:",  # 17
                "  algorithm: dpo",  # 18
                "  per_algorithm: {dpo: {kl_coef: 0.1}}",  # 19
                "```",  # 20
                "```yaml",  # 21
                "generation: {k: 8}",  # 22
                "```",  # 23
            ]
        )
        + "\n"
    )
    return tmp_path, page


def test_each_check_reports_the_file_and_line_of_a_bad_page(bad_docs):
    root, page = bad_docs
    links = check_links(page, root)
    assert [p.split(": ")[0] for p in links] == ["docs/bad.md:3", "docs/bad.md:4"], links
    assert "no such file docs/nowhere.md" in links[0] and "#your-own-judges" in links[1]

    recipes = check_recipes(page, root)
    assert sorted(recipes) == [
        "docs/bad.md:15: no shipped recipe 'missing' (recipes/missing.yaml)",
        "docs/bad.md:5: no shipped recipe 'nosuch' (recipes/nosuch.yaml)",
    ]

    commands = check_commands(page, root)
    assert [p.split(": ")[0] for p in commands] == [f"docs/bad.md:{n}" for n in (8, 9, 10, 11, 15)], commands
    assert "--epochs" in commands[0] and "no such option" in commands[0].lower()
    assert "no command 'frobnicate'" in commands[1]
    assert "--round" in commands[2] and "requires an argument" in commands[2]
    assert "no command 'prefz'" in commands[3]
    assert "takes RUN_DIR: EXTRA is one too many" in commands[4]

    keys = check_set_keys(page, root)
    assert keys == ["docs/bad.md:12: --set train.max_step: the recipe has no such key"]

    blocks = check_yaml_blocks(page, root)
    assert len(blocks) == 1 and blocks[0].startswith("docs/bad.md:17: "), blocks
    assert "kl_coef" in blocks[0]


def test_a_bad_judge_template_block_is_reported(tmp_path):
    page = tmp_path / "t.md"
    page.write_text(
        "```yaml\nname: t\nmode: listwise\noutput: json\nplaceholders: [prompt]\nsystem: s\n"
        "user: '{{ prompt }} {{ nope }}'\n```\n"
    )
    problems = check_yaml_blocks(page, tmp_path, tmp=tmp_path)
    assert len(problems) == 1 and problems[0].startswith("t.md:2: ") and "nope" in problems[0], problems


def test_a_long_readme_and_a_test_command_ci_does_not_run_are_reported(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("```bash\npip install -e . && pytest -x\n```\n" + "x" * README_LIMIT)
    ci = tmp_path / "run"
    ci.write_text(f"set -e\n{CI_MARKER}\npip install -e . && pytest\n")
    assert check_readme_size(readme) and "bytes" in check_readme_size(readme)[0]
    assert check_test_command(readme, ci) == [
        "README.md: its test command is not the one run runs: pip install -e . && pytest"
    ]
    readme.write_text("```bash\npip install -e . && pytest\n```\n")
    assert check_readme_size(readme) == [] and check_test_command(readme, ci) == []
