"""Take the README's screenshots: the example corpus in the web app, in headless chromium.

    kronika run examples/corpus --db /tmp/example.db
    python docs/screenshots.py /tmp/example.db [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import sync_playwright

from kronika.serve import create_app

HERE = Path(__file__).parent / "screenshots"
PORT = 8765


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), port=PORT, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{PORT}"
    events = httpx.get(f"{base}/api/events?per_page=500&sort=-sources").json()["items"]
    disputed = next(e for e in events if e["disagreements"] and e["sources"] >= 2)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(base + "/")
        page.screenshot(path=HERE / "timeline.png")
        page.goto(f"{base}/events/{disputed['id']}")
        page.screenshot(path=HERE / "event.png", full_page=True)
        browser.close()
    server.should_exit = True
    print(f"screenshots in {HERE}")


if __name__ == "__main__":
    main()
