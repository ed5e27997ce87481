"""Curation (curate.py): an analyst's merge, split, move and label of threads, and how long they last."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEEDS, copy_db, run_cli, statement_id, thread_of


def test_merge_survives_relink_reingest_and_reextract(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    a, b = statement_id(db, "002/priority#5"), statement_id(db, "004/priority#2")
    threads = thread_of(db)
    keep, other = threads[a], threads[b]
    assert keep != other
    assert run_cli(db, "thread", "merge", keep, other).exit_code == 0
    assert thread_of(db)[b] == keep
    for command in (["relink"], ["ingest", str(SEEDS)], ["reextract"]):
        assert run_cli(db, *command).exit_code == 0
        assert thread_of(db)[a] == thread_of(db)[b] == keep, command
    history = run_cli(db, "thread", "history", keep).stdout
    assert f"merged {other} into {keep}" in history
    assert f"merged {other} into {keep}" in run_cli(db, "thread", "history", other).stdout  # merged away, kept
    untouched = next(t for t in set(thread_of(db).values()) if t not in (keep, other))
    quiet = run_cli(db, "thread", "history", untouched)
    assert (
        quiet.exit_code == 0 and quiet.stderr == f"no decisions about {untouched} yet: its links are the rules' own\n"
    )
    assert run_cli(db, "thread", "history", untouched, "--format", "json").stdout.strip() == "[]"
    unknown = run_cli(db, "thread", "history", "T9999")
    assert unknown.exit_code == 1 and unknown.stderr == "ngkt: error: no thread 'T9999' (see `ngkt threads`)\n"


def _members_elsewhere(db: Path, thread: str, statement: str) -> set[str]:
    """The other members of `thread` from other documents than `statement`'s."""
    document = statement.split("/")[0]
    return {s for s, t in thread_of(db).items() if t == thread and not s.startswith(document)}


def test_a_split_lasts_when_its_article_file_changes(seeds_copy, tmp_path):
    """The outlet corrects its lede: a new version of the same document, whose statements keep their ids."""
    db = tmp_path / "n.db"
    assert run_cli(db, "ingest", str(seeds_copy)).exit_code == 0
    research = statement_id(db, "000/priority#5")
    old_thread = thread_of(db)[research]
    left_behind = _members_elsewhere(db, old_thread, research)
    assert left_behind
    assert run_cli(db, "thread", "split", research).exit_code == 0
    page = next(seeds_copy.glob("000_*"))
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "trong thời gian tới, Bộ Ngoại giao đã đặt ra", "thời gian tới, Bộ Ngoại giao đặt ra"
        ),
        encoding="utf-8",
    )
    assert "1 updated" in run_cli(db, "ingest", str(seeds_copy)).stderr
    successor = statement_id(db, "000/priority#5")
    assert successor == research
    for command in ([], ["relink"]):
        assert not command or run_cli(db, *command).exit_code == 0
        threads = thread_of(db)
        assert not {threads[s] for s in left_behind} & {threads[successor]}, command
    rules = (
        sqlite3.connect(db).execute("SELECT DISTINCT statement_id FROM decisions WHERE action = 'unlink'").fetchall()
    )
    assert rules == [(successor,)]


def test_decisions_follow_their_statement_when_reextraction_renumbers(seeded_db, tmp_path):
    """A newer extractor finds one more list before the others: every list id shifts by one."""
    from ngkt_cli import db as store
    from ngkt_cli.extract import extract

    db = copy_db(seeded_db, tmp_path)
    research = statement_id(db, "000/priority#5")
    left_behind = _members_elsewhere(db, thread_of(db)[research], research)
    assert run_cli(db, "thread", "split", research).exit_code == 0
    conn = store.open_db(db)
    found = extract(store.get_document(conn, research.split("/")[0]))
    earlier = extract(store.get_document(conn, statement_id(db, "001/achievement#1").split("/")[0])).lists[0]
    with store.transaction(conn):
        store.write_extraction(conn, research.split("/")[0], replace(found, lists=(earlier,) + found.lists))
    conn.close()
    renumbered = statement_id(db, "000/priority#5")  # now in L2
    assert renumbered == research.replace("/L1.", "/L2.")
    assert run_cli(db, "relink").exit_code == 0
    threads = thread_of(db)
    assert not {threads[s] for s in left_behind} & {threads[renumbered]}


def test_decisions_about_a_statement_that_is_gone_are_dropped_and_say_so(seeds_copy, tmp_path):
    db = tmp_path / "n.db"
    assert run_cli(db, "ingest", str(seeds_copy)).exit_code == 0
    research = statement_id(db, "000/priority#5")
    old_thread = thread_of(db)[research]
    assert run_cli(db, "thread", "split", research).exit_code == 0
    alone = thread_of(db)[research]
    page = next(seeds_copy.glob("000_*"))
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "Thứ năm là phát huy lợi thế, nâng cao hơn nữa vai trò ngoại giao", "Thứ năm là nâng cao vai trò ngoại giao"
        ),
        encoding="utf-8",
    )
    assert run_cli(db, "ingest", str(seeds_copy)).exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM decisions WHERE action IN ('link', 'unlink')").fetchone() == (0,)
    assert f"split {research} from {old_thread}" in run_cli(db, "thread", "history", old_thread).stdout
    [dropped] = json.loads(run_cli(db, "thread", "history", alone, "-f", "json").stdout)[-1:]
    assert (dropped["action"], dropped["statement_id"]) == ("forget", research)
    assert (
        dropped["note"]
        == f"dropped the decisions about {research}: its article changed and no statement in it reads the same now"
    )


def test_merge_refuses_two_items_of_one_list(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    threads = thread_of(db)
    first, second = threads[statement_id(db, "000/priority#1")], threads[statement_id(db, "000/priority#6")]
    result = run_cli(db, "thread", "merge", first, second)
    assert result.exit_code == 1  # refused, as a merge of two kinds is: the command line was right
    assert "two items of one list are never one priority" in result.stderr


@pytest.mark.parametrize("command", ["merge", "move"])
def test_merge_and_move_refuse_to_mix_kinds(seeded_db, tmp_path, command):
    """Threads never mix kinds: an achievement never joins a priority's thread."""
    db = copy_db(seeded_db, tmp_path)
    achievement, priority = statement_id(db, "001/achievement#1"), statement_id(db, "000/priority#5")
    threads = thread_of(db)
    args = (threads[priority], threads[achievement]) if command == "merge" else (achievement, threads[priority])
    result = run_cli(db, "thread", command, *args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "threads never mix kinds" in result.stderr
    assert "achievement" in result.stderr and "priority" in result.stderr
    assert thread_of(db) == threads


def test_split_and_move_last_through_relink(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    research = statement_id(db, "000/priority#5")
    old_thread = thread_of(db)[research]
    result = run_cli(db, "thread", "split", research)
    assert result.exit_code == 0
    alone = thread_of(db)[research]
    assert alone != old_thread
    run_cli(db, "relink")
    assert thread_of(db)[research] not in {thread_of(db)[statement_id(db, "001/priority#3")]}
    target = thread_of(db)[statement_id(db, "001/priority#3")]
    assert run_cli(db, "thread", "move", research, target).exit_code == 0
    run_cli(db, "relink")
    assert thread_of(db)[research] == thread_of(db)[statement_id(db, "001/priority#3")]
    assert "split" in run_cli(db, "thread", "history", old_thread).stdout


def test_label_stays_through_relink(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    thread = thread_of(db)[statement_id(db, "001/priority#3")]
    run_cli(db, "thread", "label", thread, "Nghiên cứu, tham mưu, dự báo")
    run_cli(db, "relink")
    rows = {r["id"]: r for r in json.loads(run_cli(db, "threads", "-f", "json").stdout)}
    assert rows[thread]["label"] == "Nghiên cứu, tham mưu, dự báo" and rows[thread]["labelled"]
