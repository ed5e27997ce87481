"""Stage 0: articles from the web -> the same ingest as files.

Pages, RSS/Atom feeds and sitemaps are fetched politely: a User-Agent naming ngkt, robots.txt
honoured, a delay between two requests to one host, conditional requests (an unchanged feed costs
one small 304), timeouts, retries with backoff, a cap on pages per run and a lock per source. Each
page's raw HTML is kept, compressed, with its URL, canonical URL, fetch time and HTTP date: the
evidence behind every statement, and what `ngkt fetch --again` re-ingests after an upgrade
without touching the network.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import re
import sqlite3
import time
import tomllib
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from . import __version__, db
from .errors import NgktError, UsageError
from .ingest import ingest_data
from .scope import off_topic_listing
from .themes import Codebook

# Sent with every request, so a site's operator can see who fetches and why.
USER_AGENT = f"ngkt/{__version__} (economic-diplomacy policy tracker; honours robots.txt)"
# The token robots.txt groups are matched against ("User-agent: ngkt").
ROBOTS_AGENT = "ngkt"

DEFAULT_DELAY = 1.0  # seconds between two requests to one host (robots.txt's Crawl-delay wins if longer)
DEFAULT_TIMEOUT = 20.0  # seconds to connect, and again to read
DEFAULT_RETRIES = 2  # more tries after a 429/5xx answer, a reset connection or a timeout
BACKOFF_SECONDS = 0.5  # first wait before a retry; doubled each time (urllib3's backoff_factor)
RETRY_STATUSES = (429, 500, 502, 503, 504)
DEFAULT_MAX_PAGES = 100  # pages requested per source and run
SITEMAP_DEPTH = 2  # a sitemap index, its sitemaps, their pages: deeper nests are not followed

# <link rel="canonical" href="...">, in either attribute order: the page's own name for itself.
CANONICAL = re.compile(r"<link\b(?=[^>]*\brel\s*=\s*[\"']?canonical\b)[^>]*\bhref\s*=\s*[\"']([^\"'>\s]+)", re.I)

# Exit status when every source failed (network down, every host refusing): distinct from 1
# (a usage or database problem) so that a cron line can tell "nothing could be reached".
EVERY_SOURCE_FAILED = 3


class EverySourceFailed(NgktError):
    exit_code = EVERY_SOURCE_FAILED


class FetchError(Exception):
    """One request that did not give a usable answer; the message is the short reason."""


@dataclass(frozen=True)
class Source:
    """Where to look: pages, feeds and sitemaps of one outlet, with its filters and pace."""

    name: str
    pages: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    include: tuple[str, ...] = ()  # regexes: a page URL must match one (none given: every page)
    exclude: tuple[str, ...] = ()  # regexes: a page URL matching one is left out
    delay: float = DEFAULT_DELAY
    max_pages: int | None = None

    def wants(self, url: str) -> bool:
        if any(re.search(pattern, url) for pattern in self.exclude):
            return False
        return not self.include or any(re.search(pattern, url) for pattern in self.include)


@dataclass(frozen=True)
class Fetched:
    """What happened to one page (or to one feed or sitemap that could not be read)."""

    url: str
    source: str
    status: str  # new, changed, unchanged, skipped, failed
    reason: str | None = None
    document_id: str | None = None


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    data: bytes


@dataclass
class Settings:
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    delay: float | None = None  # overrides every source's delay
    max_pages: int = DEFAULT_MAX_PAGES
    user_agent: str = USER_AGENT


# ---------------------------------------------------------------------------------------------
# Sources


SOURCE_KEYS = {"name", "pages", "feeds", "sitemaps", "include", "exclude", "delay", "max_pages"}


def load_sources(path: Path) -> list[Source]:
    """The `[[source]]` tables of a TOML file (see examples/sources.toml); UsageError naming the
    file and the reason when it cannot be used."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"{path}: cannot read it ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: not valid TOML ({error})") from None
    tables = data.get("source")
    if not isinstance(tables, list) or not tables:
        raise UsageError(f"{path}: no [[source]] table")
    return [_source(path, number, table) for number, table in enumerate(tables, 1)]


def _source(path: Path, number: int, table: dict) -> Source:
    unknown = set(table) - SOURCE_KEYS
    if unknown:
        raise UsageError(f"{path}: source {number}: unknown key(s) {', '.join(sorted(unknown))}")
    name = table.get("name") or f"source {number}"
    lists = {k: tuple(table.get(k, ())) for k in ("pages", "feeds", "sitemaps", "include", "exclude")}
    if not (lists["pages"] or lists["feeds"] or lists["sitemaps"]):
        raise UsageError(f"{path}: source '{name}' names no pages, feeds or sitemaps")
    for pattern in lists["include"] + lists["exclude"]:
        try:
            re.compile(pattern)
        except re.error as error:
            raise UsageError(f"{path}: source '{name}': bad URL filter {pattern!r} ({error})") from None
    return Source(name, delay=float(table.get("delay", DEFAULT_DELAY)), max_pages=table.get("max_pages"), **lists)


# ---------------------------------------------------------------------------------------------
# The HTTP client: pace, robots.txt, conditional requests, retries


class Client:
    """One run's HTTP client: remembers when it last asked each host and what robots.txt said."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep) -> None:
        import urllib3  # comes with trafilatura; imported here so that `ngkt --help` stays quick

        self._urllib3 = urllib3
        self.settings = settings
        self.pool = urllib3.PoolManager(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=settings.timeout, read=settings.timeout),
            retries=urllib3.Retry(
                total=settings.retries,
                backoff_factor=BACKOFF_SECONDS,
                status_forcelist=RETRY_STATUSES,
                allowed_methods={"GET"},
                raise_on_status=False,
                respect_retry_after_header=True,
                redirect=5,
            ),
        )
        self.sleep = sleep
        self.last_request: dict[str, float] = {}
        # Per host: its robots.txt, None when it answered with a server error, or why it did not answer.
        self.robots: dict[str, urllib.robotparser.RobotFileParser | FetchError | None] = {}

    def _pace(self, url: str, delay: float) -> None:
        host = urlsplit(url).netloc
        parser = self.robots.get(host)
        crawl_delay = (
            parser.crawl_delay(ROBOTS_AGENT) if isinstance(parser, urllib.robotparser.RobotFileParser) else None
        )
        wait = max(delay, float(crawl_delay or 0))
        last = self.last_request.get(host)
        if last is not None and (remaining := last + wait - time.monotonic()) > 0:
            self.sleep(remaining)
        self.last_request[host] = time.monotonic()

    def get(self, url: str, delay: float, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url` after the host's delay, conditionally when validators are given."""
        self._pace(url, delay)
        headers = dict(self.pool.headers)  # headers given to a request replace the pool's
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        errors = self._urllib3.exceptions
        try:
            answer = self.pool.request("GET", url, headers=headers, preload_content=True)
        except errors.MaxRetryError as error:
            raise FetchError(_reason(error.reason, errors)) from None
        except (errors.HTTPError, OSError) as error:
            raise FetchError(_reason(error, errors)) from None
        finally:
            self.last_request[urlsplit(url).netloc] = time.monotonic()
        final = answer.geturl() or url
        return Response(
            urljoin(url, final), answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.data
        )

    def allowed(self, url: str, delay: float) -> bool:
        """Whether robots.txt lets ngkt fetch `url` (read once per host and run). A missing
        robots.txt (4xx) allows everything; one answered with a server error allows nothing, as
        RFC 9309 asks; a host that does not answer raises FetchError for each of its URLs."""
        parts = urlsplit(url)
        if parts.netloc not in self.robots:
            self.robots[parts.netloc] = self._read_robots(f"{parts.scheme}://{parts.netloc}/robots.txt", delay)
        parser = self.robots[parts.netloc]
        if isinstance(parser, FetchError):
            raise parser
        return parser is not None and parser.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, robots_url: str, delay: float) -> urllib.robotparser.RobotFileParser | FetchError | None:
        try:
            answer = self.get(robots_url, delay)
        except FetchError as error:
            return error
        if answer.status >= 500:
            return None
        parser = urllib.robotparser.RobotFileParser(robots_url)
        if answer.status >= 400:
            parser.allow_all = True  # type: ignore[attr-defined]  # read by can_fetch, missing from the stubs
        else:
            parser.parse(answer.data.decode("utf-8", "replace").splitlines())
        return parser


def _reason(error: object, errors) -> str:
    # urllib3 makes a refused connection a kind of connect timeout: those are asked about first
    if isinstance(error, errors.NameResolutionError):
        return "unknown host"
    if isinstance(error, errors.NewConnectionError):
        return "connection refused" if "refused" in str(error).lower() else "cannot connect"
    if isinstance(error, (errors.ReadTimeoutError, errors.ConnectTimeoutError, TimeoutError)):
        return "timeout"
    if isinstance(error, errors.ResponseError):
        return "too many error answers" if "too many" in str(error) else str(error)
    return type(error).__name__


# ---------------------------------------------------------------------------------------------
# Feeds and sitemaps -> page URLs


@dataclass(frozen=True)
class Candidate:
    """A page URL found, with what its listing said of it."""

    url: str
    title: str = ""
    summary: str = ""
    lastmod: str | None = None


def feed_entries(data: bytes, base: str) -> list[Candidate]:
    """Entries of an RSS or Atom feed (feedparser reads every dialect and broken encodings)."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"not a feed ({type(parsed.bozo_exception).__name__})")
    return [
        Candidate(urljoin(base, entry.link), entry.get("title", ""), entry.get("summary", ""))
        for entry in parsed.entries
        if entry.get("link")
    ]


def sitemap_entries(data: bytes, base: str) -> tuple[list[Candidate], list[str]]:
    """(pages, nested sitemaps) of a sitemap or sitemap index, gzipped or not."""
    from lxml import etree

    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    except etree.XMLSyntaxError as error:
        raise FetchError(f"not a sitemap ({error})") from None
    if root is None:
        raise FetchError("not a sitemap (empty)")
    pages, nested = [], []
    for entry in root:
        loc = _child_text(entry, "loc")
        if not loc:
            continue
        if etree.QName(root).localname == "sitemapindex":
            nested.append(urljoin(base, loc))
        else:
            pages.append(Candidate(urljoin(base, loc), lastmod=_child_text(entry, "lastmod")))
    return pages, nested


def _child_text(entry, name: str) -> str | None:
    for child in entry:
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == name:
            return (child.text or "").strip() or None
    return None


# ---------------------------------------------------------------------------------------------
# One run


@dataclass
class Page:
    """A page fetched in this run, waiting for ingest."""

    url: str
    canonical: str
    source: str
    data: bytes
    etag: str | None
    last_modified: str | None
    http_date: str | None
    changed: bool  # an earlier version is stored


@dataclass
class Run:
    client: Client
    conn: sqlite3.Connection
    settings: Settings
    outcomes: list[Fetched] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    requested: set[str] = field(default_factory=set)  # URLs asked for and canonical URLs found, this run
    now: str = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0).isoformat())


def fetch(
    conn: sqlite3.Connection,
    sources: list[Source],
    settings: Settings,
    lock_dir: Path,
    on_progress: Callable[[Fetched], None] | None = None,
    client: Client | None = None,
    codebook: Codebook | None = None,
) -> list[Fetched]:
    """Fetch what each source lists that is new or changed, and ingest it (statements coded with
    `codebook`, None: the shipped one). One outcome per page requested or skipped, and one per
    feed or sitemap that failed. Raises EverySourceFailed when not one source could be reached."""
    run = Run(client or Client(settings), conn, settings)
    failed_sources = 0
    for source in sources:
        before = len(run.outcomes)
        with _source_lock(lock_dir, source) as locked:
            if not locked:
                run.outcomes.append(
                    Fetched(source.name, source.name, "skipped", "another ngkt fetch is fetching this source")
                )
                continue
            reached = _fetch_source(run, source)
        failed_sources += not reached
        if on_progress:
            for outcome in run.outcomes[before:]:
                on_progress(outcome)
    stored = ingest_data(conn, [(page.canonical, page.data) for page in run.pages], codebook)
    outcomes = [_outcome(page, result) for page, result in zip(run.pages, stored)]
    with db.transaction(conn):
        for page, outcome in zip(run.pages, outcomes):
            if outcome.status != "failed":
                _remember_page(conn, page, run.now)
    result = run.outcomes + outcomes
    if sources and failed_sources == len(sources):
        failures = "; ".join(f"{o.url}: {o.reason}" for o in result if o.status == "failed")
        raise EverySourceFailed(f"no source could be fetched ({failures or 'nothing answered'})")
    return result


def _outcome(page: Page, stored) -> Fetched:
    if stored.status == "rejected":
        return Fetched(page.url, page.source, "failed", stored.reason)
    if stored.status == "unchanged":
        return Fetched(page.url, page.source, "unchanged", "the article text is the same", stored.document_id)
    status = "changed" if page.changed or stored.status == "updated" else "new"
    reason = f"a copy of {stored.duplicate_of}" if stored.status == "duplicate" else None
    return Fetched(page.url, page.source, status, reason, stored.document_id)


@contextmanager
def _source_lock(lock_dir: Path, source: Source) -> Iterator[bool]:
    """An exclusive lock per source, held for the run: two runs never fetch one source at once."""
    lock_dir.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^\w.-]+", "_", source.name)[:80] or "source"
    with open(lock_dir / f"fetch-{slug}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fetch_source(run: Run, source: Source) -> bool:
    """Fetch one source's pages; False when nothing of it could be reached at all."""
    delay = source.delay if run.settings.delay is None else run.settings.delay
    candidates, listings_reached, listings = _discover(run, source, delay)
    budget = source.max_pages or run.settings.max_pages
    pages_reached = 0
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.url in seen or candidate.url in run.requested or not source.wants(candidate.url):
            continue
        seen.add(candidate.url)
        if candidate.title and (why := off_topic_listing(candidate.title, candidate.summary)):
            run.outcomes.append(Fetched(candidate.url, source.name, "skipped", f"off-topic by its feed entry ({why})"))
            continue
        known = _known(run.conn, candidate.url)
        if known and candidate.url not in source.pages and not _listed_as_newer(candidate, known):
            continue  # a feed or sitemap item fetched before, not said to have changed: no request
        if budget <= 0:
            run.outcomes.append(
                Fetched(candidate.url, source.name, "skipped", "over this run's page cap (--max-pages)")
            )
            continue
        budget -= 1
        pages_reached += _fetch_page(run, source, candidate.url, known, delay)
    return bool(listings_reached or pages_reached or not (listings or seen))


def _discover(run: Run, source: Source, delay: float) -> tuple[list[Candidate], int, int]:
    """(page candidates in listing order, listings read, listings tried)."""
    candidates = [Candidate(url) for url in source.pages]
    reached = tried = 0
    for feed in source.feeds:
        tried += 1
        found = _listing(run, source, feed, delay, lambda data, base: (feed_entries(data, base), []))
        if found is not None:
            reached += 1
            candidates += found
    queue = [(url, 0) for url in source.sitemaps]
    while queue:
        url, depth = queue.pop(0)
        tried += 1
        found_nested: list[str] = []

        def parse(data: bytes, base: str, found_nested: list[str] = found_nested) -> tuple[list[Candidate], list[str]]:
            pages, nested = sitemap_entries(data, base)
            found_nested.extend(nested)
            return pages, nested

        found = _listing(run, source, url, delay, parse)
        if found is not None:
            reached += 1
            candidates += found
            queue += [(nested, depth + 1) for nested in found_nested if depth + 1 <= SITEMAP_DEPTH]
    return candidates, reached, tried


def _listing(run: Run, source: Source, url: str, delay: float, parse) -> list[Candidate] | None:
    """The candidates a feed or sitemap lists ([] when it has not changed since the last run),
    or None, with a failed outcome, when it cannot be read."""
    known = _known(run.conn, url)
    try:
        if not run.client.allowed(url, delay):
            raise FetchError("robots.txt disallows it")
        answer = run.client.get(url, delay, *(known[:2] if known else (None, None)))
        if answer.status == 304:
            return []
        if answer.status != 200:
            raise FetchError(f"HTTP {answer.status}")
        pages, _ = parse(answer.data, answer.url)
    except FetchError as error:
        run.outcomes.append(Fetched(url, source.name, "failed", f"{urlsplit(url).netloc}: {error}"))
        return None
    with db.transaction(run.conn):
        _remember(run.conn, url, "listing", answer, run.now, None, None)
    return pages


def _listed_as_newer(candidate: Candidate, known: tuple) -> bool:
    return bool(candidate.lastmod and known[2] and candidate.lastmod[:10] > known[2][:10])


def _fetch_page(run: Run, source: Source, url: str, known: tuple | None, delay: float) -> bool:
    """Request one page; True when the host answered at all."""
    run.requested.add(url)
    try:
        if not run.client.allowed(url, delay):
            run.outcomes.append(Fetched(url, source.name, "skipped", "robots.txt disallows it"))
            return True
        answer = run.client.get(url, delay, *(known[:2] if known else (None, None)))
    except FetchError as error:
        run.outcomes.append(Fetched(url, source.name, "failed", f"{urlsplit(url).netloc}: {error}"))
        return False
    if answer.status == 304:
        run.outcomes.append(Fetched(url, source.name, "unchanged", "not modified (304)"))
        return True
    if answer.status != 200:
        run.outcomes.append(Fetched(url, source.name, "failed", f"{urlsplit(url).netloc}: HTTP {answer.status}"))
        return answer.status < 500
    if known and known[3] == hashlib.sha256(answer.data).hexdigest():
        run.outcomes.append(Fetched(url, source.name, "unchanged", "same page as last time"))
        with db.transaction(run.conn):
            _remember(run.conn, url, "page", answer, run.now, None, None, keep_body=True)
        return True
    canonical = canonical_url(answer)
    run.requested.add(canonical)
    run.pages.append(
        Page(
            url=url,
            canonical=canonical,
            source=source.name,
            data=answer.data,
            etag=answer.headers.get("etag"),
            last_modified=answer.headers.get("last-modified"),
            http_date=answer.headers.get("date"),
            changed=known is not None,
        )
    )
    return True


def canonical_url(answer: Response) -> str:
    """The URL the page names as its own (<link rel="canonical">), else the one it was served at."""
    head = answer.data[:200_000].decode("utf-8", "replace")
    found = CANONICAL.search(head)
    if found and urlsplit(urljoin(answer.url, found[1])).scheme in ("http", "https"):
        return urljoin(answer.url, found[1])
    return answer.url


# ---------------------------------------------------------------------------------------------
# What was fetched: rows in web_resources


def _known(conn: sqlite3.Connection, url: str) -> tuple | None:
    """(etag, last_modified, fetched_at, content_sha) of a URL fetched before."""
    row = conn.execute(
        "SELECT etag, last_modified, fetched_at, content_sha FROM web_resources WHERE url = ?1 OR canonical_url = ?1"
        " ORDER BY url = ?1 DESC LIMIT 1",
        [url],
    ).fetchone()
    return tuple(row) if row else None


def _remember(
    conn: sqlite3.Connection,
    url: str,
    kind: str,
    answer: Response,
    now: str,
    canonical: str | None,
    html: bytes | None,
    keep_body: bool = False,
) -> None:
    conn.execute(
        """INSERT INTO web_resources (url, kind, canonical_url, etag, last_modified, http_date, fetched_at, checked_at,
                                      content_sha, html)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(url) DO UPDATE SET
             etag = excluded.etag, last_modified = excluded.last_modified, http_date = excluded.http_date,
             checked_at = excluded.checked_at,
             fetched_at = CASE WHEN ? THEN web_resources.fetched_at ELSE excluded.fetched_at END,
             canonical_url = coalesce(excluded.canonical_url, web_resources.canonical_url),
             content_sha = CASE WHEN ? THEN web_resources.content_sha ELSE excluded.content_sha END,
             html = CASE WHEN ? THEN web_resources.html ELSE excluded.html END""",
        [
            url, kind, canonical, answer.headers.get("etag"), answer.headers.get("last-modified"),
            answer.headers.get("date"), now, now, hashlib.sha256(answer.data).hexdigest(),
            zlib.compress(html) if html is not None else None, keep_body, keep_body, keep_body,
        ],
    )  # fmt: skip


def _remember_page(conn: sqlite3.Connection, page: Page, now: str) -> None:
    answer = Response(page.url, 200, {k: v for k, v in (("etag", page.etag), ("last-modified", page.last_modified),
                                                         ("date", page.http_date)) if v}, page.data)  # fmt: skip
    _remember(conn, page.url, "page", answer, now, page.canonical, page.data)


def stored_pages(conn: sqlite3.Connection) -> list[tuple[str, str, bytes]]:
    """(url, document path, raw HTML) of every page fetched, for `ngkt fetch --again`."""
    rows = conn.execute(
        "SELECT url, coalesce(canonical_url, url), html FROM web_resources WHERE kind = 'page' AND html IS NOT NULL "
        "ORDER BY url"
    )
    return [(url, path, zlib.decompress(html)) for url, path, html in rows]


def ingest_stored(conn: sqlite3.Connection, codebook: Codebook | None = None) -> list[Fetched]:
    """Ingest every stored page again from its kept HTML (after an upgrade): no network."""
    pages = stored_pages(conn)
    results = ingest_data(conn, [(path, html) for _, path, html in pages], codebook)
    return [
        Fetched(url, "stored", {"new": "new", "updated": "changed"}.get(r.status, r.status), r.reason, r.document_id)
        for (url, _, _), r in zip(pages, results)
    ]


def summary(outcomes: list[Fetched]) -> str:
    """'fetched 12 new, 3 changed, 40 unchanged, 2 skipped, 1 failed (example.org: timeout)'."""
    counts = {
        status: sum(o.status == status for o in outcomes)
        for status in ("new", "changed", "unchanged", "skipped", "failed")
    }
    line = "fetched " + ", ".join(f"{n} {status}" for status, n in counts.items())
    failures = [o.reason or o.url for o in outcomes if o.status == "failed"]
    if failures:
        line += f" ({'; '.join(failures[:3])}{'; …' if len(failures) > 3 else ''})"
    return line
