"""A tiny run of the benchmark (N = 50), so that it cannot rot. Speed is never asserted here."""

import subprocess
import sys

from conftest import ROOT


def test_benchmark_runs_and_reports_every_measure():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "50"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    measures = [line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith(("50 ", "- "))]
    assert measures == ["ingest", "add", "diff", "ingest", "max", "help"]
    assert "reworded items" in result.stdout
    assert "target" in result.stdout and "met" in result.stdout and "ingest per article: N=50" in result.stdout


def test_corpus_is_deterministic(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import write_corpus

    first = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "a", 5, seed=7)]
    second = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "b", 5, seed=7)]
    assert first == second
    assert any("Thứ nhất," in text or "Một là," in text or "(1)" in text or "gồm:" in text for text in first)


def test_reworded_corpus_restates_items_in_other_words(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import write_corpus

    verbatim = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "a", 20, seed=7)]
    reworded = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "b", 20, seed=7, rewording=1.0)]
    assert verbatim != reworded
    assert any(
        phrase in text for text in reworded for phrase in ("trong bối cảnh mới", "một cách thực chất", "hơn nữa")
    )
