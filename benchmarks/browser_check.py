"""Check an HTML report set in a real browser (headless Chromium) at a desktop and a phone width.

    .venv/bin/python benchmarks/browser_check.py REPORT_DIR [--widths 1200 390] [--screenshots OUT_DIR]

Each page of REPORT_DIR (index.html and every diff-*.html) is loaded at each width and checked:

- the page never scrolls sideways (a wide chart or table scrolls inside its own box);
- every shape and label of every chart lies inside the chart, as the browser draws the text;
- no chart is drawn below charts.SMALLEST_SCALE of its size (its 12 px text stays legible).

One line per page and width ("index.html at 390 px: ok"); exit 1 when a check fails, 2 when no
Chromium is installed (Debian: `apt-get install chromium`). `--screenshots DIR` also writes
PAGE-WIDTH.png of each, to look at: a phone width is drawn at the left of a grey 500 px window.

Chromium's headless window is never narrower than 500 px, so each page is loaded in an iframe of
the width asked for (its own viewport, as a phone's); the probe runs in a harness page around
the iframes and reads their documents (file pages, hence --allow-file-access-from-files).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ngkt_cli.charts import SMALLEST_SCALE  # noqa: E402

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
SMALLEST_WINDOW = 500  # px: headless Chromium's narrowest window

PROBE = """
const SMALLEST_SCALE = %(smallest)s;
function scrolls(element) {
  for (let e = element.parentElement; e; e = e.parentElement) {
    if (["auto", "scroll", "hidden"].includes(getComputedStyle(e).overflowX) && e.tagName !== "HTML" && e.tagName !== "BODY") return true;
  }
  return false;
}
function name(e) {
  const said = e.getAttribute("aria-label") || (e.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
  return e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className : "") + ` '${said}'`;
}
function check(frame) {
  const doc = frame.contentDocument, root = doc.documentElement, problems = [];
  if (root.scrollWidth > root.clientWidth + 1) {
    const wide = [...doc.body.querySelectorAll("*")].find(e => e.getBoundingClientRect().right > root.clientWidth + 1 && !scrolls(e));
    problems.push(`the page scrolls sideways (${root.scrollWidth} px in ${root.clientWidth})` + (wide ? `: ${name(wide)}` : ""));
  }
  doc.querySelectorAll("svg").forEach((svg, i) => {
    const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
    if (!view || !view.width) { problems.push(`chart ${i + 1} has no viewBox`); return; }
    const scale = box.width / view.width;
    if (scale < SMALLEST_SCALE - 0.01) problems.push(`chart ${i + 1} is drawn at ${scale.toFixed(2)} of its size`);
    svg.querySelectorAll("text, rect, circle").forEach(shape => {
      const r = shape.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5)
        problems.push(`chart ${i + 1}: ${name(shape)} falls outside the chart`);
    });
  });
  return {page: frame.dataset.page, width: +frame.dataset.width, height: root.scrollHeight, problems};
}
window.addEventListener("load", () => {
  document.body.dataset.result = JSON.stringify([...document.querySelectorAll("iframe")].map(check));
});
"""


def find_browser() -> str | None:
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


def harness(frames: list[tuple[str, int, int]], probe: bool) -> str:
    """A page holding one iframe per (page, width, height)."""
    tags = "\n".join(
        f'<iframe src="{html.escape(page)}" data-page="{html.escape(page)}" data-width="{width}" '
        f'style="display:block;width:{width}px;height:{height}px;border:0;background:white"></iframe>'
        for page, width, height in frames
    )
    script = f"<script>{PROBE % {'smallest': SMALLEST_SCALE}}</script>" if probe else ""
    return f'<!doctype html><html><body style="margin:0;background:#888">\n{tags}\n{script}</body></html>\n'


def run_browser(browser: str, page: Path, *arguments: str) -> str:
    command = [browser, "--headless", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files", *arguments, page.as_uri()]
    if os.geteuid() == 0:
        command.insert(2, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True).stdout


def check(browser: str, folder: Path, pages: list[str], widths: list[int]) -> list[dict]:
    frames = [(page, width, 800) for page in pages for width in widths]
    (folder / "_harness.html").write_text(harness(frames, probe=True), encoding="utf-8")
    dom = run_browser(browser, folder / "_harness.html", f"--window-size={max(widths) + 20},1000", "--dump-dom")
    found = re.search(r'data-result="([^"]*)"', dom)
    if not found:
        raise SystemExit("browser_check: the browser gave no result (is it a Chromium?)")
    return json.loads(html.unescape(found.group(1)))


def screenshot(browser: str, folder: Path, page: str, width: int, height: int, target: Path) -> None:
    (folder / "_shot.html").write_text(harness([(page, width, height)], probe=False), encoding="utf-8")
    run_browser(browser, folder / "_shot.html", f"--window-size={max(width, SMALLEST_WINDOW)},{height}", f"--screenshot={target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="a folder `ngkt report --out` wrote")
    parser.add_argument("--widths", type=int, nargs="+", default=[1200, 390])
    parser.add_argument("--screenshots", type=Path, help="also write PAGE-WIDTH.png here")
    args = parser.parse_args(argv)
    browser = find_browser()
    if not browser:
        print("browser_check: no chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    pages = sorted(p.name for p in args.report.glob("*.html"))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for page in pages:  # the pages are self-contained: a copy reads as the original
            shutil.copy(args.report / page, folder / page)
        results = check(browser, folder, pages, args.widths)
        for result in results:
            print(f"{result['page']} at {result['width']} px: " + ("; ".join(result["problems"]) or "ok"))
            if args.screenshots:
                args.screenshots.mkdir(parents=True, exist_ok=True)
                target = args.screenshots / f"{Path(result['page']).stem}-{result['width']}.png"
                screenshot(browser, folder, result["page"], result["width"], result["height"], target.resolve())
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
