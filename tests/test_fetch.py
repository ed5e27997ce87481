"""`ngkt fetch` against a real HTTP server on 127.0.0.1 (tests/web_fixture.py): never the internet."""

from __future__ import annotations

import fcntl
import json
import socket
import sqlite3
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from web_fixture import Site, article, serve

FAST = ("--delay", "0", "--timeout", "2", "--retries", "1")


@pytest.fixture
def site():
    served = Site()
    server = serve(served)
    yield served
    server.shutdown()
    server.server_close()


def fetch(db: Path, *args: str):
    return run_cli(db, "fetch", *args)


def documents(db: Path) -> list[dict]:
    return json.loads(run_cli(db, "docs", "--format", "json").stdout)


def page_requests(site: Site) -> list[str]:
    return [path for _, path, _ in site.log if path.endswith(".html")]


def test_a_feed_brings_its_articles_in_as_documents_with_their_statements(db_path, site):
    result = fetch(db_path, "--feed", f"{site.base}/rss/kinh-te.xml", *FAST)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "fetched 2 new, 0 changed, 0 unchanged, 2 skipped, 0 failed"
    paths = sorted(doc["path"] for doc in documents(db_path))
    # The page's canonical URL names the document, not the feed's tracking link.
    assert paths == [f"{site.base}/ngoai-giao-kinh-te/bai-1.html", f"{site.base}/tin-tuc/bai-2.html"]
    listed = run_cli(db_path, "priorities", "--format", "json")
    assert [s["text"] for s in json.loads(listed.stdout)][:3] == [
        "mở rộng thị trường xuất khẩu cho nông sản và hàng chế biến",
        "thu hút đầu tư chất lượng cao vào công nghệ bán dẫn",
        "hỗ trợ địa phương kết nối với đối tác nước ngoài",
    ]


def test_a_fetch_says_when_stored_articles_were_read_by_an_earlier_versions_rules(db_path, site):
    assert fetch(db_path, "--feed", f"{site.base}/rss/kinh-te.xml", *FAST).exit_code == 0
    with sqlite3.connect(db_path) as conn:  # as an earlier version left it
        conn.execute("UPDATE meta SET value = 'earlier' WHERE key = 'read_by'")
    again = fetch(db_path, f"{site.base}/tin-tuc/bai-2.html", *FAST)
    assert again.exit_code == 0
    assert again.stderr.splitlines()[-1].startswith("articles stored before this version of ngkt were read")


def test_every_request_names_ngkt_and_robots_txt_is_honoured(db_path, site):
    result = fetch(db_path, "--feed", f"{site.base}/rss/kinh-te.xml", "--format", "json", *FAST)
    outcomes = {Path(o["url"]).name: o for o in json.loads(result.stdout)}
    assert outcomes["bai-3.html"]["status"] == "skipped"
    assert outcomes["bai-3.html"]["reason"] == "robots.txt disallows it"
    assert "/private/bai-3.html" not in page_requests(site)
    assert all(headers["user-agent"].startswith("ngkt/") for _, _, headers in site.log)


def test_a_feed_item_clearly_off_topic_is_skipped_before_it_is_fetched(db_path, site):
    result = fetch(db_path, "--feed", f"{site.base}/rss/kinh-te.xml", "--format", "json", *FAST)
    outcomes = {Path(o["url"]).name: o for o in json.loads(result.stdout)}
    assert outcomes["bong-da.html"]["status"] == "skipped"
    assert outcomes["bong-da.html"]["reason"].startswith("off-topic by its feed entry (out: sport — 'đội tuyển'")
    assert "/the-thao/bong-da.html" not in page_requests(site)
    # A feed entry naming no subject either way is fetched: a listing says too little to judge.
    assert outcomes["bai-2.html?utm_source=rss"]["status"] == "new"


def test_an_unchanged_feed_costs_one_conditional_request(db_path, site):
    feed = f"{site.base}/rss/kinh-te.xml"
    fetch(db_path, "--feed", feed, *FAST)
    site.log.clear()
    again = fetch(db_path, "--feed", feed, *FAST)
    assert again.exit_code == 0
    assert again.stderr.strip() == "fetched 0 new, 0 changed, 0 unchanged, 0 skipped, 0 failed"
    asked = [path for _, path, _ in site.log]
    assert asked == ["/robots.txt", "/rss/kinh-te.xml"]
    assert site.requests_for("/rss/kinh-te.xml")[0]["if-none-match"]


def test_a_page_fetched_again_is_unchanged_and_a_changed_page_is_a_new_version_of_the_same_document(db_path, site):
    url = f"{site.base}/tin-tuc/bai-4.html"
    assert fetch(db_path, url, *FAST).stderr.strip().startswith("fetched 1 new")
    assert fetch(db_path, url, *FAST).stderr.strip() == "fetched 0 new, 0 changed, 1 unchanged, 0 skipped, 0 failed"
    assert site.requests_for("/tin-tuc/bai-4.html")[-1]["if-none-match"]  # answered 304
    site.pages["/tin-tuc/bai-4.html"] = article(
        "Kết nối doanh nghiệp với thị trường mới", url, "2025-03-12",
        ["tổ chức diễn đàn doanh nghiệp tại các thị trường Trung Đông và châu Phi",
         "cung cấp thông tin thị trường kịp thời cho hiệp hội ngành hàng"],
    )  # fmt: skip
    changed = fetch(db_path, url, *FAST)
    assert changed.stderr.strip() == "fetched 0 new, 1 changed, 0 unchanged, 0 skipped, 0 failed"
    stored = documents(db_path)
    assert [doc["path"] for doc in stored] == [url]
    shown = run_cli(db_path, "priorities", "--format", "json")
    assert "Trung Đông và châu Phi" in json.loads(shown.stdout)[0]["text"]


def test_the_raw_html_is_kept_with_url_fetch_time_and_http_date(db_path, site):
    url = f"{site.base}/ngoai-giao-kinh-te/bai-1.html"
    fetch(db_path, url, *FAST)
    row = (
        sqlite3.connect(db_path)
        .execute("SELECT canonical_url, fetched_at, http_date, etag, html FROM web_resources WHERE url = ?", [url])
        .fetchone()
    )
    assert row[0] == url and row[1].startswith("20") and row[2].endswith("GMT") and row[3].startswith('"')
    assert zlib.decompress(row[4]) == site.pages["/ngoai-giao-kinh-te/bai-1.html"]


def test_fetch_again_ingests_the_stored_html_without_the_network_and_gives_the_same_statements(db_path, site):
    fetch(db_path, "--feed", f"{site.base}/rss/kinh-te.xml", *FAST)
    before = json.loads(run_cli(db_path, "export", "--format", "json").stdout)["statements"]
    site.log.clear()
    again = fetch(db_path, "--again")
    assert again.exit_code == 0
    assert again.stderr.strip() == "fetched 0 new, 0 changed, 2 unchanged, 0 skipped, 0 failed"
    assert site.log == []
    run_cli(db_path, "reextract")
    after = json.loads(run_cli(db_path, "export", "--format", "json").stdout)["statements"]
    assert [(s["id"], s["text"]) for s in after] == [(s["id"], s["text"]) for s in before]


def test_a_500_is_retried_and_the_page_comes_in(db_path, site):
    result = fetch(db_path, f"{site.base}/flaky.html", *FAST)
    assert result.exit_code == 0
    assert result.stderr.strip().startswith("fetched 1 new")
    assert page_requests(site) == ["/flaky.html", "/flaky.html"]


def test_a_page_that_keeps_failing_is_reported_and_the_run_goes_on(db_path, site):
    result = fetch(db_path, f"{site.base}/broken.html", f"{site.base}/tin-tuc/bai-4.html", *FAST)
    assert result.exit_code == 0
    assert "fetched 1 new, 0 changed, 0 unchanged, 0 skipped, 1 failed (127.0.0.1:" in result.stderr
    assert f"{site.base}/broken.html: " in result.stderr
    assert page_requests(site).count("/broken.html") == 2  # one retry (--retries 1)


def test_a_page_that_does_not_answer_times_out(db_path, site):
    site.slow_seconds = 2
    result = fetch(db_path, f"{site.base}/slow.html", "--delay", "0", "--timeout", "0.3", "--retries", "0")
    assert result.exit_code == 3
    assert "timeout" in result.stderr
    assert documents(db_path) == []


def test_requests_to_one_host_keep_the_delay(db_path, site):
    fetch(db_path, f"{site.base}/tin-tuc/bai-4.html", f"{site.base}/flaky.html", "--delay", "0.4", "--retries", "0")
    times = [when for when, _, _ in site.log]
    assert len(times) >= 3  # robots.txt and two pages
    assert all(later - earlier >= 0.39 for earlier, later in zip(times, times[1:]))


def test_a_source_another_run_is_fetching_is_left_alone(db_path, site, tmp_path):
    lock_dir = Path(f"{db_path}.locks")
    lock_dir.mkdir()
    with open(lock_dir / "fetch-command_line.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = fetch(db_path, f"{site.base}/tin-tuc/bai-4.html", *FAST)
    assert result.exit_code == 0
    assert result.stderr.strip() == "fetched 0 new, 0 changed, 0 unchanged, 1 skipped, 0 failed"
    assert site.log == []


def test_when_every_source_fails_the_exit_status_says_so(db_path):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = fetch(db_path, f"http://127.0.0.1:{port}/bai.html", *FAST)
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "no source could be fetched" in result.stderr
    assert result.stderr.rstrip().endswith(f"127.0.0.1:{port}: connection refused)")  # not "timeout"
    assert "Traceback" not in result.output


def test_a_sitemap_index_leads_to_its_pages_filtered_and_capped(db_path, site, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "portal"\nsitemaps = ["{site.base}/sitemap.xml"]\nexclude = ["/the-thao/"]\n'
        "delay = 0\nmax_pages = 1\n",
        encoding="utf-8",
    )
    result = fetch(db_path, "--sources", str(sources), "--format", "json", "--retries", "0")
    outcomes = [(Path(o["url"]).name, o["status"]) for o in json.loads(result.stdout)]
    assert outcomes == [("bai-4.html", "skipped"), ("bai-2.html", "new")]
    assert "/the-thao/bong-da.html" not in page_requests(site)


def test_the_example_sources_file_works_against_the_test_site(db_path, site, tmp_path):
    example = (ROOT / "examples" / "sources.toml").read_text(encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(example.replace("http://127.0.0.1:8765", site.base), encoding="utf-8")
    result = fetch(db_path, "--sources", str(sources))
    assert result.exit_code == 0, result.output
    # bai-2 is in the feed (with a tracking link) and the sitemap: fetched once.
    assert result.stderr.strip() == "fetched 3 new, 0 changed, 0 unchanged, 0 skipped, 0 failed"
    assert len(documents(db_path)) == 3


@pytest.mark.parametrize(
    ("content", "reason"),
    [("[[source]]\nname = 'x'\n", "names no pages, feeds or sitemaps"),
     ("[[source]\n", "not valid TOML"),
     ("[[source]]\nfeeds = ['http://a/']\ninclude = ['(']\n", "bad URL filter"),
     ("[[source]]\nfeed = ['http://a/']\n", "unknown key(s) feed")],
)  # fmt: skip
def test_a_bad_sources_file_is_one_line_naming_it(db_path, tmp_path, content, reason):
    sources = tmp_path / "sources.toml"
    sources.write_text(content, encoding="utf-8")
    result = fetch(db_path, "--sources", str(sources))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"ngkt: error: {sources}: ") and reason in result.stderr
    assert result.stderr.count("\n") == 1
