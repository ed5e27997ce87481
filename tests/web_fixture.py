"""A small news site on 127.0.0.1 for the fetch tests: article pages, an RSS feed, a sitemap index,
robots.txt, ETags answered with 304, one page that times out, one that fails once, one that always
fails. The articles are written for these tests. `python tests/web_fixture.py 8765` serves it by hand.
"""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="{date}T08:00:00+07:00"></head>
<body><nav>Trang chủ | Kinh tế | Thế giới</nav>
<article><h1>{title}</h1>
<p>Sáng {day}, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị triển khai công tác ngoại giao kinh tế năm {year}.</p>
<p>Phát biểu tại hội nghị, Thứ trưởng Ngoại giao Nguyễn Văn An nêu {count} nhiệm vụ trọng tâm của ngoại giao kinh tế năm {year}:</p>
{items}
<p>Hội nghị có sự tham dự của đại diện các bộ, ngành và địa phương.</p>
</article><footer>Bản quyền thuộc về tờ báo thử nghiệm.</footer></body></html>
"""

ORDINALS = ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư"]


def article(title: str, canonical: str, date: str, items: list[str]) -> bytes:
    year = date[:4]
    day = f"{int(date[8:10])}/{int(date[5:7])}"
    body = "\n".join(f"<p>{ORDINALS[n]}, {item}.</p>" for n, item in enumerate(items))
    return ARTICLE.format(
        title=title, canonical=canonical, date=date, day=day, year=year, count=len(items), items=body
    ).encode()


def default_pages(base: str) -> dict[str, bytes]:
    return {
        "/ngoai-giao-kinh-te/bai-1.html": article(
            "Ngoại giao kinh tế năm 2025: ba nhiệm vụ trọng tâm",
            f"{base}/ngoai-giao-kinh-te/bai-1.html",
            "2025-01-10",
            [
                "mở rộng thị trường xuất khẩu cho nông sản và hàng chế biến",
                "thu hút đầu tư chất lượng cao vào công nghệ bán dẫn",
                "hỗ trợ địa phương kết nối với đối tác nước ngoài",
            ],
        ),
        "/tin-tuc/bai-2.html": article(
            "Đẩy mạnh ngoại giao kinh tế phục vụ tăng trưởng",
            f"{base}/tin-tuc/bai-2.html",
            "2025-02-03",
            ["tận dụng các hiệp định thương mại tự do đã ký", "thúc đẩy hợp tác chuyển đổi số với các đối tác lớn"],
        ),
        "/private/bai-3.html": article(
            "Trang nội bộ", f"{base}/private/bai-3.html", "2025-02-04", ["không được thu thập trang này"]
        ),
        "/tin-tuc/bai-4.html": article(
            "Kết nối doanh nghiệp với thị trường mới",
            f"{base}/tin-tuc/bai-4.html",
            "2025-03-12",
            [
                "tổ chức diễn đàn doanh nghiệp tại các thị trường Trung Đông",
                "cung cấp thông tin thị trường kịp thời cho hiệp hội ngành hàng",
            ],
        ),
        "/the-thao/bong-da.html": article(
            "Đội tuyển thắng trận giao hữu", f"{base}/the-thao/bong-da.html", "2025-03-13", ["tập luyện chăm chỉ"]
        ),
        "/flaky.html": article(
            "Hợp tác kinh tế với châu Phi",
            f"{base}/flaky.html",
            "2025-04-01",
            ["mở văn phòng xúc tiến thương mại tại châu Phi", "đưa doanh nghiệp tham gia hội chợ khu vực"],
        ),
    }


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><description>{summary}</description></item>"
        for path, title, summary in [
            (
                "/ngoai-giao-kinh-te/bai-1.html",
                "Ngoại giao kinh tế năm 2025",
                "Ba nhiệm vụ trọng tâm của ngành ngoại giao.",
            ),
            (
                "/tin-tuc/bai-2.html?utm_source=rss",
                "Đẩy mạnh ngoại giao kinh tế",
                "Hội nghị bàn cách tận dụng các FTA.",
            ),
            ("/private/bai-3.html", "Trang nội bộ", "Không công bố."),
            (
                "/the-thao/bong-da.html",
                "Đội tuyển thắng trận giao hữu",
                "Hai bàn thắng ở hiệp hai giúp đội tuyển thắng trận.",
            ),
        ]
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kinh tế</title>'
            f"<link>{base}/</link><description>Tin kinh tế</description>{items}</channel></rss>").encode()  # fmt: skip


def sitemap_index(base: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap></sitemapindex>").encode()  # fmt: skip


def sitemap_news(base: str) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{path}</loc><lastmod>2025-03-14</lastmod></url>"
        for path in ("/tin-tuc/bai-2.html", "/tin-tuc/bai-4.html", "/the-thao/bong-da.html")
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()  # fmt: skip


ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass
class Site:
    """The site's content and what it was asked: tests change `pages` and read `log`."""

    base: str = ""
    pages: dict[str, bytes] = field(default_factory=dict)
    log: list[tuple[float, str, dict[str, str]]] = field(default_factory=list)
    slow_seconds: float = 3.0
    flaky_failures: int = 1

    def requests_for(self, path: str) -> list[dict[str, str]]:
        return [headers for _, p, headers in self.log if p == path]


def serve(site: Site, port: int = 0) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):  # noqa: N802 (the http.server API)
            path = self.path.split("?")[0]
            site.log.append((time.monotonic(), path, {k.lower(): v for k, v in self.headers.items()}))
            if path == "/robots.txt":
                return self._send(200, ROBOTS, "text/plain")
            if path == "/rss/kinh-te.xml":
                return self._send(200, feed(site.base), "application/rss+xml")
            if path == "/sitemap.xml":
                return self._send(200, sitemap_index(site.base), "application/xml")
            if path == "/sitemap-news.xml":
                return self._send(200, sitemap_news(site.base), "application/xml")
            if path == "/slow.html":
                time.sleep(site.slow_seconds)
                return self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
            if path == "/broken.html":
                return self._send(500, b"server error", "text/plain")
            if path == "/flaky.html" and site.flaky_failures > 0:
                site.flaky_failures -= 1
                return self._send(500, b"try again", "text/plain")
            if path in site.pages:
                return self._send(200, site.pages[path], "text/html; charset=utf-8")
            return self._send(404, b"not found", "text/plain")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if status == 200:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", "Mon, 13 Jan 2025 08:00:00 GMT")
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.pages = site.pages or default_pages(site.base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    running = serve(Site(), port)
    print(f"serving the test site on http://127.0.0.1:{port}/ (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        running.shutdown()
