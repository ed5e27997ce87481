"""Every format offered works, and the export is the whole dataset: article text, themes and the
analyst's decisions, which `ngkt import` applies again to another database of the same articles."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from conftest import SEEDS, run_cli

DOC = "d4ac4190215c"  # the seed whose L2.3 `show` quotes in test_render


# --- show: every --format offered ---------------------------------------------------------------


def test_show_json_prints_the_document_without_its_binary_sketch(seeded_db):
    result = run_cli(seeded_db, "show", DOC, "--format", "json")
    assert result.exit_code == 0, result.stderr
    view = json.loads(result.stdout)
    assert view["document"]["id"] == DOC and "sketch" not in view["document"]
    assert view["document"]["body"].startswith(view["document"]["body"][:20])
    assert [item["ordinal"] for item in view["lists"][1]["items"]] == [1, 2, 3]


def test_show_csv_lists_the_items_one_to_a_row(seeded_db):
    result = run_cli(seeded_db, "show", DOC, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    third = next(row for row in rows if row["id"] == f"{DOC}/L2.3")
    assert (
        third["text"]
        == "nâng cao hiệu quả công tác ngoại giao kinh tế và vai trò điều phối của Ban Chỉ đạo Ngoại giao kinh tế"
    )
    assert (third["list_id"], third["ordinal"], third["kind"]) == (f"{DOC}/L2", "3", "priority")


def test_show_markdown_is_the_article_with_its_items_marked(seeded_db):
    result = run_cli(seeded_db, "show", DOC, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "**[L2.2]** tăng cường hiệu quả" in result.stdout
    assert "\n### L2 priority · 3 announced, 3 found · for 2024 · Bùi Thanh Sơn\n" in result.stdout


def test_paragraph_is_1_based_in_json_as_show_prints_it(seeded_db, seed_export):
    quoted = run_cli(seeded_db, "show", f"{DOC}/L2.3").stdout
    item = json.loads(run_cli(seeded_db, "show", f"{DOC}/L2.3", "--format", "json").stdout)
    assert f"paragraph {item['paragraph']}," in quoted
    exported = next(s for s in seed_export["statements"] if s["id"] == f"{DOC}/L2.3")
    assert exported["paragraph"] == item["paragraph"]
    body = next(d for d in seed_export["documents"] if d["id"] == DOC)["body"]
    assert exported["text"] in body.split("\n\n")[exported["paragraph"] - 1]


# --- export: the whole dataset, in the formats it offers ----------------------------------------


def test_export_holds_article_text_themes_and_decisions(seed_export):
    assert set(seed_export) == {"documents", "lists", "statements", "threads", "themes", "decisions"}
    for document in seed_export["documents"]:
        for statement in (s for s in seed_export["statements"] if s["document_id"] == document["id"]):
            assert document["body"][statement["char_start"] : statement["char_end"]] == statement["text"]
    assert {"id", "label"} <= set(seed_export["themes"][0])
    codes = {theme["id"] for theme in seed_export["themes"]}
    coded = [s for s in seed_export["statements"] if s["themes"]]
    assert coded and all(set(s["themes"]) <= codes for s in coded)


def test_export_keeps_what_the_gold_evaluation_reads(seed_export):
    """/work/shared/tools/evaluate.py reads these keys."""
    assert {"id", "path", "date", "statement_year", "title", "duplicate_of"} <= set(seed_export["documents"][0])
    assert {"id", "document_id", "kind", "text", "target_year", "speaker", "list_id", "thread_id"} <= set(
        seed_export["statements"][0]
    )
    assert {"id", "announced_count"} <= set(seed_export["lists"][0])


def test_thread_labels_are_exported_in_full(seeded_db, seed_export):
    labels = [thread["label"] for thread in seed_export["threads"]]
    assert not any(label.endswith("…") for label in labels)
    long = max(labels, key=lambda label: len(label.split()))
    assert len(long.split()) > 12  # a label longer than a table shows
    table = run_cli(
        seeded_db, "threads", "--kind", next(t["kind"] for t in seed_export["threads"] if t["label"] == long)
    ).stdout
    assert " ".join(long.split()[:12]) + "…" in table  # the table cuts it for reading, the data does not


def test_export_out_writes_json_to_the_folder(seeded_db, tmp_path, seed_export):
    result = run_cli(seeded_db, "export", "--out", str(tmp_path / "backup"))
    assert (result.exit_code, result.stdout) == (0, "")
    assert json.loads((tmp_path / "backup" / "export.json").read_text(encoding="utf-8")) == seed_export


def test_export_offers_only_json_csv_and_nl(seeded_db):
    assert "<json|csv|nl>" in run_cli(seeded_db, "export", "--help").stdout
    assert run_cli(seeded_db, "export", "--format", "table").exit_code == 2


def test_export_as_nl_is_one_record_a_line_naming_its_table(seeded_db, tmp_path, seed_export):
    lines = run_cli(seeded_db, "export", "--nl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == sum(len(rows) for rows in seed_export.values())
    assert {r["table"] for r in records} == {table for table, rows in seed_export.items() if rows}
    statements = [r["row"] for r in records if r["table"] == "statements"]
    assert statements == seed_export["statements"]
    assert run_cli(seeded_db, "export", "--nl", "--out", str(tmp_path)).exit_code == 0
    assert (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines() == lines


def test_csv_booleans_read_true_or_false(seeded_db, tmp_path):
    run_cli(seeded_db, "export", "--format", "csv", "--out", str(tmp_path))
    lists = list(csv.DictReader((tmp_path / "lists.csv").open(encoding="utf-8")))
    threads = list(csv.DictReader((tmp_path / "threads.csv").open(encoding="utf-8")))
    assert {row["count_mismatch"] for row in lists} <= {"true", "false"}
    assert {row["labelled"] for row in threads} <= {"true", "false"}
    documents = list(csv.DictReader((tmp_path / "documents.csv").open(encoding="utf-8")))
    assert all(row["body"] for row in documents)


# --- import: corrections are portable --------------------------------------------------------------


def _memberships(db) -> set[frozenset[str]]:
    return {frozenset(t["statement_ids"]) for t in json.loads(run_cli(db, "export").stdout)["threads"]}


def _labels(db) -> dict[frozenset[str], str]:
    return {
        frozenset(t["statement_ids"]): t["label"]
        for t in json.loads(run_cli(db, "export").stdout)["threads"]
        if t["labelled"]
    }


@pytest.fixture
def corrected_export(seeded_db, tmp_path):
    """The seeds, corrected by hand (a merge, a split, a label), exported to a file."""
    db = tmp_path / "corrected.db"
    shutil.copy(seeded_db, db)
    threads = json.loads(run_cli(db, "threads", "-f", "json").stdout)
    singles = [t for t in threads if len(t["statement_ids"]) == 1]
    largest = max(threads, key=lambda t: len(t["statement_ids"]))
    merged = next(
        (a["id"], b["id"])
        for a in singles
        for b in singles
        if a["id"] < b["id"] and a["statement_ids"][0].rsplit(".", 1)[0] != b["statement_ids"][0].rsplit(".", 1)[0]
    )
    assert run_cli(db, "thread", "merge", *merged).exit_code == 0
    assert run_cli(db, "thread", "split", largest["statement_ids"][0]).exit_code == 0
    assert run_cli(db, "thread", "label", merged[0], "Nhãn của người phân tích").exit_code == 0
    path = tmp_path / "export.json"
    path.write_text(run_cli(db, "export").stdout, encoding="utf-8")
    return db, path


def test_import_applies_the_decisions_of_an_export_to_a_fresh_database(corrected_export, tmp_path):
    corrected, exported = corrected_export
    fresh = tmp_path / "fresh.db"
    run_cli(fresh, "ingest", "--quiet", str(SEEDS))
    assert _memberships(fresh) != _memberships(corrected)
    result = run_cli(fresh, "import", str(exported))
    assert result.exit_code == 0, result.stderr
    decisions = json.loads(exported.read_text(encoding="utf-8"))["decisions"]
    thread_of = {s: t for t in _memberships(fresh) for s in t}
    for pair in (d for d in decisions if d["action"] in ("link", "unlink")):
        together = thread_of[pair["statement_id"]] == thread_of[pair["other_statement_id"]]
        assert together == (pair["action"] == "link"), pair
    assert list(_labels(fresh).values()) == ["Nhãn của người phân tích"]
    # the threads the corrected database itself has once relinked: the same decisions, the same articles
    assert run_cli(corrected, "relink").exit_code == 0
    assert _memberships(fresh) == _memberships(corrected)
    assert _labels(fresh) == _labels(corrected)
    again = run_cli(fresh, "import", str(exported))  # importing twice changes nothing
    assert again.exit_code == 0 and " 0 new decision(s)" in again.stderr
    assert "; 0 label(s) applied;" in again.stderr and "; 1 label(s) applied;" in result.stderr
    assert _memberships(fresh) == _memberships(corrected)


def test_import_into_a_database_without_those_articles_says_so(corrected_export, tmp_path):
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import write_corpus

    _, exported = corrected_export
    other = tmp_path / "other.db"
    write_corpus(tmp_path / "others", 3, seed=9)  # other articles, in the seeds' words
    run_cli(other, "ingest", "--quiet", str(tmp_path / "others"))
    before = _memberships(other)
    result = run_cli(other, "import", str(exported))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"ngkt: error: {exported}: none of its decisions is about a statement in this database"
    )
    assert _memberships(other) == before


def test_import_refuses_a_file_that_is_no_export(seeded_db, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    result = run_cli(seeded_db, "import", str(path))
    assert (result.exit_code, result.stderr) == (
        1,
        f'ngkt: error: {path}: not an ngkt export (no "decisions"; made by `ngkt export`)\n',
    )


def test_export_json_has_the_documented_fields(seed_export):
    assert set(seed_export) == {"documents", "lists", "statements", "threads", "themes", "decisions"}
    assert {
        "id",
        "path",
        "title",
        "date",
        "date_source",
        "published",
        "statement_year",
        "byline",
        "duplicate_of",
    } <= set(seed_export["documents"][0])
    assert {"id", "document_id", "kind", "announced_count", "target_year", "speaker", "cue"} <= set(
        seed_export["lists"][0]
    )
    assert {"id", "document_id", "list_id", "kind", "ordinal", "target_year", "speaker", "text", "thread_id"} <= set(
        seed_export["statements"][0]
    )
    assert {"form", "cue", "cue_start", "cue_end"} <= set(seed_export["statements"][0])


def test_export_csv_writes_one_file_per_table(seeded_db, tmp_path):
    result = run_cli(seeded_db, "export", "--format", "csv", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["decisions.csv", "documents.csv", "lists.csv", "statements.csv", "themes.csv", "threads.csv"]
    statements = list(csv.DictReader((tmp_path / "out" / "statements.csv").open(encoding="utf-8")))
    assert len(statements) == 37 + 4  # the seeds' list items and their four directives
    assert sum(row["form"] == "directive" for row in statements) == 4
    assert run_cli(seeded_db, "export", "--format", "csv").exit_code == 2


def test_import_carries_dates_and_scopes_set_by_hand(seeded_db, tmp_path):
    db = tmp_path / "corrected.db"
    shutil.copy(seeded_db, db)
    first, second = (d["id"] for d in json.loads(run_cli(db, "docs", "-f", "json").stdout)[:2])
    assert run_cli(db, "doc", "date", first, "2023-12-19").exit_code == 0
    assert run_cli(db, "doc", "scope", second, "out").exit_code == 0
    exported = tmp_path / "export.json"
    exported.write_text(run_cli(db, "export").stdout, encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    run_cli(fresh, "ingest", "--quiet", str(SEEDS))
    result = run_cli(fresh, "import", str(exported))
    assert result.exit_code == 0 and " 2 date(s) and scope(s) set by hand applied;" in result.stderr
    documents = {d["id"]: d for d in json.loads(run_cli(fresh, "export").stdout)["documents"]}
    assert (documents[first]["date"], documents[first]["date_source"]) == ("2023-12-19", "user")
    assert (documents[second]["scope"], documents[second]["scope_source"]) == ("out", "user")
    priorities = {s["document_id"] for s in json.loads(run_cli(fresh, "priorities", "-f", "json").stdout)}
    assert second not in priorities  # off-topic by hand: out of every year view here too
    again = run_cli(fresh, "import", str(exported))
    assert again.exit_code == 0 and " 0 date(s) and scope(s) set by hand applied;" in again.stderr
