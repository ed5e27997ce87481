"""Docs that cannot go stale: cog blocks are current and every command is documented."""

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "docs"))
import _cog  # noqa: E402


def test_cog_blocks_are_current():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cogapp",
            "--check",
            "README.md",
            *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("docs/*.md")),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"run `make docs`: {result.stdout}{result.stderr}"


def test_every_command_and_option_is_in_the_reference():
    reference = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    import typer.main

    from ngkt_cli.cli import app

    group = typer.main.get_command(app)
    for path in _cog.command_paths():
        assert f"## ngkt {' '.join(path)}" in reference
        command = group
        for name in path:
            command = command.commands[name]
        for param in command.params:
            for option in param.opts:
                if option.startswith("-"):
                    assert option in reference, f"ngkt {' '.join(path)} {option} is undocumented"


def test_readme_gives_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def _everyday_commands() -> list[str]:
    """The command lines of the README's "Everyday use" block, without their comments."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Everyday use", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.startswith("ngkt ")]


def test_every_readme_example_runs_as_printed_on_the_seeds(seeded_db, tmp_path, monkeypatch):
    import shlex
    import shutil
    import sqlite3

    from conftest import SEEDS, run_cli

    db = tmp_path / "copy.db"
    sqlite3.connect(seeded_db).backup(sqlite3.connect(db))
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    commands = _everyday_commands()
    assert len(commands) >= 10
    for line in commands:
        result = run_cli(db, *shlex.split(line)[1:])
        assert result.exit_code == 0, f"{line}: {result.output}"
