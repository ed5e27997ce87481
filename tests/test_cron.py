"""What a cron job lives on: a database path that is never made up, exit codes that let the
report run, an ingest that can be killed cleanly."""

from __future__ import annotations

import pytest
from conftest import PAUSE_AT, SEEDS, document_rows, paused_ingest, run_cli

# Every command that reads (or corrects) a stored database, with the arguments it needs.
READ_COMMANDS = [
    ("docs",),
    ("priorities",),
    ("show", "d4ac4190215c"),
    ("search", "kinh tế"),
    ("export",),
    ("diff", "2023", "2024"),
    ("timeline",),
    ("themes",),
    ("threads",),
    ("thread", "show", "T0001"),
    ("thread", "T0001"),
    ("thread", "merge", "T0001", "T0002"),
    ("thread", "split", "x/L1.1"),
    ("thread", "move", "x/L1.1", "T0002"),
    ("thread", "label", "T0001", "x"),
    ("thread", "history", "T0001"),
    ("relink",),
    ("reextract",),
    ("info",),
    ("report", "--out", "{tmp}/reports"),
    ("import", "{tmp}/export.json"),
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_read_command_refuses_a_database_that_does_not_exist(tmp_path, command):
    missing = tmp_path / "typo" / "ngkt.db"
    result = run_cli(missing, *(arg.format(tmp=tmp_path) for arg in command))
    assert result.exit_code == 1
    assert result.stderr == f"ngkt: error: {missing}: no database there; run `ngkt ingest` first to create it\n"
    assert list(tmp_path.iterdir()) == []  # neither the file nor its folder was made


def test_report_into_a_published_folder_refuses_a_missing_database_and_leaves_the_folder(tmp_path, seeded_db):
    published = tmp_path / "reports"
    assert run_cli(seeded_db, "report", "--out", str(published)).exit_code == 0
    before = {p.name: p.read_bytes() for p in published.iterdir()}
    result = run_cli(tmp_path / "ngkt.db", "report", "--out", str(published))
    assert result.exit_code == 1 and "run `ngkt ingest` first" in result.stderr
    assert {p.name: p.read_bytes() for p in published.iterdir()} == before
    assert not (tmp_path / "ngkt.db").exists()


def test_only_ingest_creates_a_database(tmp_path):
    target = tmp_path / "new" / "ngkt.db"
    assert run_cli(target, "ingest", "--quiet", str(SEEDS / next(p.name for p in SEEDS.iterdir()))).exit_code == 0
    assert target.exists()


# --- the exit policy: a bad file in the inbox never stops the nightly report ----------------------


def _crontab_command(root) -> str:
    """The command of docs/cron.md's crontab line, with its paths moved under `root`."""
    from conftest import ROOT, ngkt_command

    line = next(
        row for row in (ROOT / "docs" / "cron.md").read_text(encoding="utf-8").splitlines() if row.startswith("15 ")
    )
    command = line.split(None, 5)[5]
    return command.replace("/opt/ngkt/.venv/bin/ngkt", ngkt_command()[0]).replace("/srv/ngkt", str(root))


def _inbox(root, good: int, bad: int):
    inbox = root / "inbox"
    inbox.mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir())[:good]:
        (inbox / seed.name).write_bytes(seed.read_bytes())
    for number in range(bad):
        (inbox / f"broken{number}.txt").write_bytes(b"\x00\x01 not an article")
    return inbox


def test_the_documented_crontab_line_reports_every_night_despite_a_bad_inbox_file(tmp_path):
    import subprocess

    _inbox(tmp_path, good=5, bad=1)
    for _night in range(2):  # the bad file stays for good; the report runs every night
        run = subprocess.run(["sh", "-c", _crontab_command(tmp_path)], capture_output=True, text=True, env={})
        assert run.returncode == 0, run.stderr
        assert (
            run.stderr
            == f"ngkt: error: rejected {tmp_path / 'inbox' / 'broken0.txt'}: binary file (contains NUL bytes)\n"
        )
        assert (tmp_path / "reports" / "index.html").exists()


def test_an_inbox_of_bad_files_only_fails_and_publishes_nothing(tmp_path):
    import subprocess

    _inbox(tmp_path, good=0, bad=2)
    run = subprocess.run(["sh", "-c", _crontab_command(tmp_path)], capture_output=True, text=True, env={})
    assert run.returncode == 1
    assert not (tmp_path / "reports").exists()


def test_a_bad_file_inside_a_folder_is_counted_but_exits_0(tmp_path, db_path):
    inbox = _inbox(tmp_path, good=2, bad=1)
    result = run_cli(db_path, "ingest", str(inbox))
    assert result.exit_code == 0
    assert (
        result.stderr.splitlines()[-1]
        == f"ingested 3 input(s) into {db_path}: 2 new, 0 updated, 0 unchanged, 0 duplicate, 1 rejected"
    )


def test_a_bad_file_named_on_the_command_line_exits_1(tmp_path, db_path):
    inbox = _inbox(tmp_path, good=2, bad=1)
    result = run_cli(db_path, "ingest", "--quiet", str(inbox), str(inbox / "broken0.txt"))
    assert result.exit_code == 1
    assert result.stderr.count("rejected") == 2  # once found in the folder, once as named


def test_an_empty_inbox_is_a_quiet_night(tmp_path, db_path):
    (tmp_path / "inbox").mkdir()
    result = run_cli(db_path, "ingest", "--quiet", str(tmp_path / "inbox"))
    assert (result.exit_code, result.output) == (0, "")


# --- killing an ingest: no worker left behind, what was committed kept ----------------------------


needs_a_pool = pytest.mark.skipif(
    (__import__("os").cpu_count() or 1) < 2, reason="one core: ingest runs no worker pool"
)


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid`, read from /proc."""
    from pathlib import Path

    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper is dead)."""
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_until(condition, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _ingest_paused_mid_run(db, corpus):
    """An `ngkt ingest` process with its pool workers running, stopped by its test hook inside
    its second transaction (the first one committed)."""
    process = paused_ingest(db, corpus, PAUSE_AT)
    workers = _children(process.pid)
    assert len(workers) >= 2, "the ingest runs no worker pool"
    return process, workers


def _assert_whole_documents(db, reference) -> None:
    """Every stored document is as an uninterrupted ingest writes it; the committed group is
    kept and the open one gone; the database reads."""
    from ngkt_cli.ingest import DOCUMENTS_PER_TRANSACTION

    survivors = document_rows(db)
    assert {doc: reference[doc] for doc in survivors} == survivors
    assert len(survivors) == DOCUMENTS_PER_TRANSACTION
    assert run_cli(db, "docs", "--format", "json").exit_code == 0


@needs_a_pool
def test_sigterm_stops_an_ingest_like_ctrl_c_and_keeps_what_was_committed(tmp_path, kill_corpus, kill_reference):
    import signal

    db = tmp_path / "ngkt.db"
    process, workers = _ingest_paused_mid_run(db, kill_corpus)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 143
    assert process.stderr.read() == "ngkt: error: terminated (SIGTERM); what was written before is kept\n"
    assert _wait_until(lambda: not any(map(_alive, workers)), 10), "pool workers outlived the ingest"
    _assert_whole_documents(db, kill_reference)


@needs_a_pool
def test_kill_9_of_an_ingest_leaves_no_worker_behind(tmp_path, kill_corpus, kill_reference):
    import signal

    db = tmp_path / "ngkt.db"
    process, workers = _ingest_paused_mid_run(db, kill_corpus)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert _wait_until(lambda: not any(map(_alive, workers)), 10), "pool workers outlived the ingest"
    _assert_whole_documents(db, kill_reference)


def test_ingest_needs_a_path_and_never_guesses_seeds(tmp_path):
    import shutil
    import subprocess

    from conftest import ngkt_command

    shutil.copytree(SEEDS, tmp_path / "seeds")  # a folder the user never named
    run = subprocess.run([*ngkt_command(), "--db", "my.db", "ingest"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 2
    assert "Missing argument 'PATH...'" in run.stderr
    assert not (tmp_path / "my.db").exists()
    assert "PATH...  Files or folders to ingest (required)" in run_cli(tmp_path / "x.db", "ingest", "--help").stdout
