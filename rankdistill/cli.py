"""The ``rankdistill`` command line. Each command is a few lines that call one function; rich lives here only."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# Before anything imports torch: OpenMP threads spin only briefly at a barrier before they sleep, so a CPU shared
# with another busy process is not eaten by spin-waits (a DPO round went from 392 s to 1,513 s beside one), while a
# quiet machine keeps its speed. Measured (benchmarks/omp_wait_policy.py, SmolLM2-135M step, 2 cores): libgomp's
# default 1.03 s quiet / 7.87 s busy; PASSIVE 1.30 / 1.98; GOMP_SPINCOUNT=10000 1.05 / 2.58. A user's own
# OMP_WAIT_POLICY or GOMP_SPINCOUNT wins.
if "OMP_WAIT_POLICY" not in os.environ:
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")

import click  # noqa: E402

from . import progress  # noqa: E402
from .progress import printable  # noqa: E402
from .rundir import STAGES  # noqa: E402


class _RichReporter:
    """Renders stage progress as rich bars; log lines print above them."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )

    def __enter__(self) -> _RichReporter:
        self.progress.start()
        progress.set_reporter(self)
        return self

    def __exit__(self, *exc: object) -> None:
        progress.set_reporter(None)
        self.progress.stop()

    def start(self, name: str, total: int | None, completed: int = 0) -> Any:
        from rich.markup import escape

        task_id = self.progress.add_task(escape(printable(name)), total=total, completed=completed)
        reporter = self

        class _Bar:
            def advance(self, n: int = 1) -> None:
                reporter.progress.advance(task_id, n)

            def update(self, description: str) -> None:
                # the column renders descriptions as markup: a '[/]' in them must stay text
                reporter.progress.update(task_id, description=escape(printable(f"{name}: {description}")))

        return _Bar()

    def stop(self, bar: Any) -> None:
        pass

    def log(self, message: str) -> None:
        _say(self.progress.console, message)


def _say(console: Any, text: str) -> None:
    """Print ``text`` as text: no rich markup ('[/]' in a path or a server's message), no control characters."""
    from rich.text import Text

    console.print(Text(printable(text)))


def _echo(text: str, err: bool = False) -> None:
    """click.echo of text that holds paths or what a server said."""
    click.echo(printable(text), err=err)


def _reporter() -> Any:
    """Rich bars on a terminal; plain start / end / heartbeat lines in a pipe or a log file."""
    return _RichReporter() if sys.stderr.isatty() else progress.PlainReporter()


def _quiet_libraries(verbose: bool) -> None:
    """Our bars replace the libraries' own; their warnings stay available with --verbose."""
    if verbose:
        return
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("VLLM_LOGGING_LEVEL", "WARNING")
    if not sys.stderr.isatty():  # a log file gets our stage lines, not tqdm's redrawn bars (GGUF conversion)
        os.environ.setdefault("TQDM_DISABLE", "1")
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    try:
        import transformers

        transformers.utils.logging.disable_progress_bar()
        transformers.utils.logging.set_verbosity_error()
    except ImportError:
        pass


def _fail(message: str) -> None:
    click.echo(click.style("error: ", fg="red", bold=True) + printable(message), err=True)
    sys.exit(2)


def _print_summary(run: Any) -> None:
    import json

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .loop import summary
    from .report import device_note, summary_table

    rows = summary(run)
    headers, cells, notes = summary_table(rows)
    console = Console()
    device = device_note(run)  # first: the figures below mean little without the machine they ran on
    if device:
        _say(console, device)
    # no vertical rules: the table fits an 80-column terminal without truncating numbers
    title = Text(printable(f"rankdistill — {run.root}"))
    table = Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 0), pad_edge=False)
    for col in headers:
        table.add_column(Text(col), justify="right", no_wrap=True)
    for line in cells:
        table.add_row(*(Text(printable(c)) for c in line))
    console.print(table)
    for note in notes:
        _say(console, note)
    for row in rows:
        if row.get("skipped"):
            _say(console, f"round {row['round']}: training skipped, {row['skipped']}")
    if run.data_stats_path.exists():
        for role, d in json.loads(run.data_stats_path.read_text()).items():
            if d.get("too_long") or d.get("duplicate_inputs"):
                _say(
                    console,
                    f"{role} data: {d['prompts']} prompts used; {d.get('too_long', 0)} skipped as longer than "
                    f"data.max_input_tokens; {d.get('duplicate_inputs', 0)} inputs repeated under another id",
                )


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        """User errors (and OS errors such as a read-only directory) are caught once, here: one line, their
        exit code, no traceback; --debug lets the traceback through."""
        from .errors import UserError

        try:
            return super().invoke(ctx)
        except (UserError, OSError) as e:
            _show_held_lines()  # a note or warning logged before the error explains it: first
            if ctx.params.get("debug"):
                raise
            if isinstance(e, OSError) and not isinstance(e, FileNotFoundError) and e.filename:
                message = f"{e.filename}: {e.strerror}"  # e.g. a read-only run directory
            else:
                message = str(e)
            prefix = getattr(e, "prefix", "error")
            # the message may quote a server's reply or a file name: printed as text, never as escape codes
            click.echo(click.style(f"{prefix}: ", fg="red", bold=True) + printable(message), err=True)
            sys.exit(getattr(e, "exit_code", 2))
        except KeyboardInterrupt:
            _show_held_lines()
            click.echo(
                "\ninterrupted: finished work is saved; run the same command again to resume", err=True
            )
            sys.exit(130)
        finally:
            _show_held_lines()


def _show_held_lines() -> None:
    """Lines logged before any reporter showed them (notes, warnings), on stderr."""
    for line in progress.release():
        _echo(line, err=True)


_NEW_LEDGER_HELP = (
    "Start a new judge ledger when the run's is missing, empty or corrupt (the old file is kept aside; "
    "every judge call is paid again)."
)


@click.group(cls=_Group)
@click.version_option(package_name="rankdistill")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
def main(debug: bool) -> None:
    """rankdistill: distil a teacher's rankings into a small student model.

    A round samples k candidates per prompt from the student, has a judge rank them, turns the rankings into
    preference pairs, trains the student on them (DPO on LoRA), and evaluates it. `iterate` runs rounds.
    """
    progress.hold()  # what reading the recipe says (migration notes) waits for the command's output


@main.command()
@click.argument("recipe", required=False)
@click.option("--rounds", type=int, help="Number of rounds (overrides the recipe's `rounds`).")
@click.option(
    "--run-dir", type=click.Path(file_okay=False), help="Run directory (default: runs/<recipe name>)."
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override a recipe field, e.g. train.max_steps=2.",
)
@click.option("--verbose", is_flag=True, help="Show the libraries' own logs and warnings.")
@click.option("--new-ledger", is_flag=True, help=_NEW_LEDGER_HELP)
def iterate(
    recipe: str | None,
    rounds: int | None,
    run_dir: str | None,
    overrides: tuple[str, ...],
    verbose: bool,
    new_ledger: bool,
) -> None:
    """Run rounds of generate -> judge -> prefs -> train -> eval (RECIPE: a path or a shipped recipe name;
    default gec-gemma3-270m). Running the same command again resumes where it stopped."""
    from .loop import iterate as run_iterate
    from .recipe import load_recipe, parse_overrides, resolve_recipe_path

    sets = parse_overrides(overrides)
    if rounds is not None:
        sets["rounds"] = rounds
    r = load_recipe(recipe, sets)
    run_dir = run_dir or str(Path("runs") / r.name)
    _quiet_libraries(verbose)
    with _reporter() as rep:
        rep.log(f"recipe {resolve_recipe_path(recipe)} -> run directory {run_dir}")
        if new_ledger:
            _start_new_ledger(run_dir)
        run = run_iterate(r, run_dir)
    _print_summary(run)


def _stage_command(stage: str) -> click.Command:
    @click.command(
        name=stage, help=f"Run the {stage} stage of one round of an existing run (default: the latest round)."
    )
    @click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
    @click.option("--round", "round_idx", type=int, help="Round number (default: the latest).")
    @click.option(
        "--force",
        is_flag=True,
        help="Redo the stage and the later stages of that round (the old outputs are put back if the redo fails).",
    )
    @click.option("--verbose", is_flag=True, help="Show the libraries' own logs and warnings.")
    def command(
        run_dir: str, round_idx: int | None, force: bool, verbose: bool, new_ledger: bool = False
    ) -> None:
        from .loop import single_stage
        from .rundir import is_main_process

        _quiet_libraries(verbose)
        r, ran, result = single_stage(
            run_dir, stage, round_idx, force=force, new_ledger=new_ledger, reporter=_reporter
        )
        if not is_main_process():
            return
        out = _output_path(run_dir, stage, r)
        if not ran:
            _echo(f"round {r} {stage} is already complete ({out}); use --force to redo it")
        else:
            details = f" {result}" if isinstance(result, dict) and "history" not in result else ""
            _echo(f"round {r} {stage}: done -> {out}{details}")

    if stage == "judge":
        command.params.append(click.Option(["--new-ledger"], is_flag=True, help=_NEW_LEDGER_HELP))
    return command


def _output_path(run_dir: str, stage: str, r: int) -> Any:
    from .rundir import RunDir

    return RunDir(run_dir).output(stage, r)


def _start_new_ledger(run_dir: str) -> None:
    from .judging import new_ledger
    from .rundir import RunDir

    run = RunDir(run_dir)
    with run.lock():
        new_ledger(run)


for _stage in STAGES:  # `eval` has a command of its own (below): a round's metrics, on any data
    if _stage.name != "eval":
        main.add_command(_stage_command(_stage.name))


@main.command(name="eval")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--round",
    "round_idx",
    type=int,
    help="Round whose student to evaluate (0 = the untrained student; default: the last trained).",
)
@click.option(
    "--data",
    type=click.Path(exists=True),
    help="Prompt file with references (default: the recipe's test set).",
)
@click.option("--force", is_flag=True, help="Recompute even if the metrics exist.")
@click.option("--verbose", is_flag=True, help="Show the libraries' own logs and warnings.")
def eval_command(run_dir: str, round_idx: int | None, data: str | None, force: bool, verbose: bool) -> None:
    """Evaluate a round's student on the test set or any prompt file with references; writes the
    predictions (input, reference, prediction) and metrics under the run directory."""
    import json

    from .loop import evaluate_round

    _quiet_libraries(verbose)
    result, predictions = evaluate_round(run_dir, round_idx, data, force=force, reporter=_reporter)
    click.echo(json.dumps(result, indent=2))
    _echo(f"predictions: {predictions}", err=True)


@main.command()
@click.argument("recipe", required=False)
@click.option(
    "--algorithms",
    default="dpo,rrhf",
    show_default=True,
    help="Comma-separated algorithms to compare (train.algorithm names, e.g. dpo,rrhf; a wrong one lists them).",
)
@click.option(
    "--run-dir", type=click.Path(file_okay=False), help="Run directory (default: runs/<recipe name>-compare)."
)
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE", help="Override a recipe field.")
@click.option("--verbose", is_flag=True, help="Show the libraries' own logs and warnings.")
def compare(
    recipe: str | None, algorithms: str, run_dir: str | None, overrides: tuple[str, ...], verbose: bool
) -> None:
    """Train several algorithms from the same student on the same judged candidates and compare them:
    generates and judges once, trains and evaluates each algorithm, and writes DIR/compare/report.md and
    metrics.png. Running the same command again resumes."""
    from .compare import compare as run_compare
    from .recipe import load_recipe, parse_overrides

    r = load_recipe(recipe, parse_overrides(overrides))
    _quiet_libraries(verbose)
    names = [a.strip() for a in algorithms.split(",") if a.strip()]
    report = run_compare(r, names, run_dir or str(Path("runs") / f"{r.name}-compare"), verbose, _reporter)
    _echo(report.read_text())
    _echo(f"report: {report}", err=True)


@main.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
def summary(run_dir: str, as_json: bool) -> None:
    """Print a run's per-round metrics and stage times."""
    from .loop import summary_json
    from .rundir import RunDir

    if as_json:
        click.echo(summary_json(RunDir(run_dir)))
    else:
        _print_summary(RunDir(run_dir))


@main.command()
@click.argument("data", type=click.Path(exists=True))
@click.option("--recipe", "recipe_name", help="Recipe whose judge (an openai teacher) writes the labels.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Output jsonl file.")
@click.option(
    "--shots", type=int, default=3, show_default=True, help="Labelled training examples shown first."
)
@click.option(
    "--ledger",
    "ledger_path",
    type=click.Path(dir_okay=False),
    help="Ledger that caches the calls (default: runs/<recipe name>/ledger.sqlite).",
)
@click.option(
    "--rationales",
    is_flag=True,
    help="Ask for the teacher's rationale with its answer, in one call (distilling step-by-step): the file gets "
    "data.rationale_field (default 'rationale') beside the reference.",
)
@click.option(
    "--rationale-template",
    help="The label template --rationales asks with: a shipped name (judges/) or a YAML file of mode 'label' "
    "(default: rationale). Naming one implies --rationales.",
)
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE", help="Override a recipe field.")
def label(
    data: str,
    recipe_name: str | None,
    out: str,
    shots: int,
    ledger_path: str | None,
    rationales: bool,
    rationale_template: str | None,
    overrides: tuple[str, ...],
) -> None:
    """Teacher pseudo-labels: the judge's model writes a reference answer for every input of DATA (and, with
    --rationales, a rationale)."""
    import json

    from .label import label as run_label
    from .recipe import load_recipe, parse_overrides
    from .run import resolve_paths

    r = resolve_paths(load_recipe(recipe_name, parse_overrides(overrides)))
    ledger_path = ledger_path or str(Path("runs") / r.name / "ledger.sqlite")
    with _reporter():
        template = (rationale_template or "rationale") if rationales or rationale_template else None
        counts = run_label(data, r, out, ledger_path, shots=shots, rationale_template=template)
    click.echo(json.dumps(counts))


@main.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object (totals, per round, per round and stage)."
)
def ledger(run_dir: str, as_json: bool) -> None:
    """Paid calls of a run: calls, cache hits, tokens, dollars, retries, errors per round and stage (judge,
    teacher, label, reward, win_rate), and the judge stage's abstentions and consistency."""
    import json

    from .judging.ledger import summarize

    path = Path(run_dir) / "ledger.sqlite"
    if not path.exists():
        _fail(f"{run_dir} has no ledger.sqlite (its judge made no model calls)")
    totals = summarize(path)
    if as_json:
        click.echo(json.dumps(totals, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cols = ["calls", "cache_hits", "prompt_tokens", "completion_tokens", "cost_usd", "retries", "errors"]
    cols += ["rankings", "abstained", "abstention_rate", "inconsistent", "consistency_rate"]
    keys = ["round", "stage", *cols]
    if any(row["run_dir"] for row in totals["stages"]):  # compare: its algorithms' runs share the ledger
        keys.insert(0, "run_dir")
    table = Table(title=Text(printable(f"judge ledger — {path}")))
    for col in keys:
        table.add_column(col.replace("_", " "), justify="right")
    for row in [*totals["stages"], {**totals, "round": "all", "stage": "", "run_dir": ""}]:
        table.add_row(*(_cell(row.get(c)) for c in keys))
    Console().print(table)
    _say(
        Console(),
        "stages: judge (rankings), draw (preferences.skip_tied's rankings while generating: the judge stage "
        "finds them cached), teacher (generation.sources answers), label, reward (GRPO / PPO training), "
        "win_rate (compare's report). abstained: verdicts (a listwise call, one order of a comparison, one "
        "score) with no parseable answer after a retry; inconsistent: comparisons whose two orders disagree "
        "(counted as ties).",
    )


def _cell(v: Any) -> Any:
    """A ledger table cell as rich Text (a run directory's name is data, not markup)."""
    from rich.text import Text

    if v is None:
        return Text("-")
    return Text(f"{v:.4g}" if isinstance(v, float) else printable(str(v)))


@main.command(name="recipes")
def recipes_command() -> None:
    """List the shipped recipes and judge templates, each with its first comment line, and what each registry
    holds: training algorithms, judge kinds, generation backends, checks, metrics (plug-ins included)."""
    from .generation.backends import BACKENDS
    from .judging.checks import CHECKS
    from .judging.kinds import JUDGE_KINDS, all_kinds
    from .metrics import METRICS
    from .resources import first_comment, shipped_files
    from .train import ALGORITHMS

    for kind, title in (
        ("recipes", "recipes (rankdistill iterate NAME; rankdistill init NAME for a copy)"),
        ("judges", "judge templates (judge.template: NAME; mode label: rankdistill label --rationale-template NAME)"),
    ):
        click.echo(title + ":")
        files = shipped_files(kind)
        width = max((len(p.stem) for p in files), default=0)
        for path in files:
            _echo(f"  {path.stem:<{width}}  {first_comment(path)}")
    registries = (
        ("training algorithms (train.schedule: [NAME, ...]; settings: train.per_algorithm.NAME)", ALGORITHMS),
        ("judge kinds (judge.kind: NAME)", JUDGE_KINDS),
        ("generation backends (generation.backend: NAME)", BACKENDS),
        ("checks of the checks judge (judge.checks: [NAME, ...], or 'module:function')", CHECKS),
    )
    for title, registry in registries:
        click.echo(title + ":")
        entries = all_kinds() if registry is JUDGE_KINDS else list(registry)
        rows = [(e.name, e.summary) for e in entries]
        width = max(len(name) for name, _ in rows)
        for name, text in rows:
            _echo(f"  {name:<{width}}  {text}")
        _list_problems(registry)
    click.echo("metrics (keys of eval.json): " + ", ".join(METRICS.names()))
    _list_problems(METRICS)


def _list_problems(registry: Any) -> None:
    """The plug-ins of ``registry`` that are left out, one line each saying why."""
    for problem in registry.problems.values():
        _echo(f"  ! {problem}")


@main.command(name="init")
@click.argument("recipe")
@click.argument("path", required=False, type=click.Path())
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init_command(recipe: str, path: str | None, force: bool) -> None:
    """Write an editable copy of the shipped RECIPE to PATH (a file or directory; default ./RECIPE.yaml),
    its data paths pointing at the packaged data so the copy runs from any directory."""
    from .resources import init_recipe

    dest, rewritten = init_recipe(recipe, Path(path or "."), force=force)
    _echo(f"wrote {dest}" + (f" ({', '.join(rewritten)}: the packaged data)" if rewritten else ""))
    _echo(f"run it: rankdistill iterate {dest}", err=True)


@main.command(name="export")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--out", required=True, type=click.Path(file_okay=False), help="Directory to write (new or empty)."
)
@click.option("--round", "round_idx", type=int, help="Round to export (default: the last trained).")
@click.option("--best", is_flag=True, help="The round with the best exact match on the test set.")
@click.option(
    "--merge",
    is_flag=True,
    help="Merge the adapter into the base: a standalone model directory (transformers, vllm serve).",
)
@click.option("--verbose", is_flag=True, help="Show the libraries' own logs and warnings.")
def export_command(
    run_dir: str, out: str, round_idx: int | None, best: bool, merge: bool, verbose: bool
) -> None:
    """Export a round's student: its LoRA adapter with the tokenizer, or with --merge a model directory
    (merged weights, tokenizer, chat template, generation config) that loads without rankdistill."""
    import json

    from .export import ExportError, export_round

    if best and round_idx is not None:
        _fail("--round and --best: give one of them")
    _quiet_libraries(verbose)
    try:
        with _reporter():
            info = export_round(run_dir, out, round_idx=round_idx, best=best, merge=merge)
    except ExportError as e:
        _fail(str(e))
    click.echo(json.dumps(info, indent=2))
    if "note" in info:
        _echo(f"note: {info['note']}", err=True)


if __name__ == "__main__":
    main()
