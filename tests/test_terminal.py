"""What reaches the terminal from outside (a server's error body, file names) prints as text: control
characters are shown escaped, never obeyed, and '[/]' or '[bold]' in them is not rich markup."""

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run

from rankdistill.cli import main
from rankdistill.judging import judge_stage
from rankdistill.progress import printable

ROOT = Path(__file__).resolve().parent.parent
# retitles the window, clears the screen, turns text red (CSI as one C1 byte too), and two markup tags
HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\x1b[31mred\x9b1m [/] [bold]loud"
SHOWN = "\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mred\\x9b1m [/] [bold]loud"


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def test_printable_shows_control_characters_and_keeps_lines_and_tabs():
    out = printable(HOSTILE + "\r\nnext\tcolumn é 字")
    assert out == SHOWN + "\\x0d\nnext\tcolumn é 字"


def _cli(args, tty: bool) -> tuple[int, str]:
    """`rankdistill ARGS` in a pipe, or on a pseudo-terminal (where rich draws bars and prints log lines)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "400", "TERM": "xterm-256color"}
    cmd = [sys.executable, "-m", "rankdistill", *args]
    if not tty:
        proc = subprocess.run(cmd, capture_output=True, env=env, timeout=300)
        return proc.returncode, (proc.stdout + proc.stderr).decode()
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=300), b"".join(chunks).decode(errors="replace")


@pytest.mark.parametrize("tty", [False, True], ids=["pipe", "terminal"])
def test_a_servers_error_body_prints_as_text(tmp_path, tty):
    with FakeServer() as srv:
        srv.error_message = HOSTILE  # a 500 whose body is this text (a proxy's error page, say)
        run, _ = make_run(tmp_path, [["a [fault=rawerror]", "bb"]], base_url=srv.url, max_retries=1)
        code, out = _cli(["judge", str(run.root), "--round", "1"], tty)
        assert srv.requests == 2  # asked, retried once, then given up: the judge stage stops
    assert code == 4, out  # "judge stopped", not a crash of the console (exit 1)
    assert "could not be judged" in out and SHOWN in out, out  # the message, escapes visible, tags as text
    assert "\x1b]0;PWNED" not in out and "\x07" not in out and "\x1b[2J" not in out and "\x9b" not in out
    if not tty:
        assert "\x1b" not in out
    else:  # the retry line went through rich's console
        assert "retry 1/1" in out


def test_a_path_with_markup_and_escapes_prints_as_text_on_a_terminal(tmp_path):
    odd = tmp_path / "a[/]\x1b]0;T\x07b"  # the run directory: the log line names it
    data = tmp_path / "c[/]d[bold]" / "train.jsonl"  # a missing file: the error names it
    code, out = _cli(["iterate", "gec-smollm2-small", "--run-dir", str(odd), "--set", f"data.train={data}"], tty=True)
    assert code == 2, out  # the missing file, reported; not a MarkupError from the log line before it
    assert str(tmp_path / "a[/]\\x1b]0;T\\x07b") in out and str(data) in out, out
    assert "\x1b]0;T" not in out and "\x07" not in out


def test_summary_and_ledger_of_a_run_whose_path_holds_markup(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path / "x[/]y[bold]z", [["a", "bb"]], base_url=srv.url)
        judge_stage(run, 1, recipe)
    for command in ("summary", "ledger"):
        result = CliRunner().invoke(main, [command, str(run.root)])
        assert result.exit_code == 0, result.output
        assert "x[/]y[bold]z/run" in "".join(result.output.split()), result.output  # (the title wraps)
