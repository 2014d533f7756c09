"""The docs stay true to the code: every command documented, the README's commands runnable by CI."""

from __future__ import annotations

import re
from pathlib import Path

from tracker.cli import app

ROOT = Path(__file__).resolve().parent.parent


def command_names() -> list[str]:
    return [c.name or c.callback.__name__ for c in app.registered_commands]


def test_every_command_is_in_the_cli_doc():
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in command_names():
        assert f"`tracker {name}" in doc, name


def test_every_command_has_help():
    for command in app.registered_commands:
        assert (command.callback.__doc__ or "").strip(), command.callback.__name__


def test_readme_starts_with_the_two_commands_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme.split("## ", 1)[0]
    commands = re.findall(r"^    (python3 -m venv .*)$", head, flags=re.M)
    assert len(commands) == 2
    assert "tracker" in commands[0] and "ingest seeds" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci and "eval" in ci
