"""Regenerate docs/seeds-graph.png: build the seeds, draw their actor graph, photograph it in Chromium.

    python docs/screenshot.py [-o docs/seeds-graph.png] [--chromium /usr/bin/chromium]

Needs Playwright for Python and a Chromium (Debian: apt-get install chromium). Offline like the page.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.network import actor_graph  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.views import render_html  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def screenshot(html: str, out: Path, chromium: str, size=(1400, 900), scale=2) -> None:
    """Open the page offline, let the layout settle, and save a PNG of the whole window."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "graph.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": size[0], "height": size[1]}, device_scale_factor=scale)
            page.route("**/*", lambda r: r.continue_() if r.request.url == page_file.as_uri() else r.abort())
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=60_000)
            page.evaluate("() => kg.network.fit({animation: false})")
            page.wait_for_timeout(200)
            page.screenshot(path=str(out))
            browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "seeds-graph.png")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store")
        build([ROOT / "seeds"], store)
        graph = actor_graph(store)
    screenshot(render_html(graph, title="kg: actors and claims in the three seed articles"),
               args.output, args.chromium)


if __name__ == "__main__":
    main()
