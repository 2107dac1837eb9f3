"""Benchmark `ekc studio` on the largest example plan, served by the real command.

1. A change → its diagnostics, server side: the live check (`…/controleer`) after editing one
   field, median over many edits. Goal: under 150 ms.
2. Preview refresh (`…/voorbeeld`) against `ekc plan --html` on the same plan, each in its
   usual form (the preview in the running studio, `ekc plan` as a fresh command). Goal: ≤ 1.3×.
3. Memory: the studio process's resident memory after 200 edits within 20 % of after 10.

    python -m benchmarks.studio_bench [--edits 200]
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from .check_bench import REPO, best_of

EXAMPLE = REPO / "content" / "voorbeelden" / "jeugdbescherming"
KAART = REPO / "content" / "sociale-kaart"
PLAN = "/casus/voorbeeld/plan.yml"


class Client:
    """Raw HTTP to a studio started with `ekc studio --no-browser`."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ekc_docs",
                "studio",
                str(root),
                "--no-browser",
                "--kaart",
                str(KAART),
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        address = urlsplit(self.process.stdout.readline().strip())
        self.port = address.port or 80
        self.token = address.query.split("=", 1)[1]

    def call(self, method: str, path: str, body: dict[str, str] | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": f"ekc_studio={self.token}"}
        data = None
        if method == "POST":
            data = urlencode(body or {}).encode()
            headers |= {
                "Origin": f"http://127.0.0.1:{self.port}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        return response.status, payload

    def rss(self) -> float:
        """Resident memory of the studio process in MiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def timed(client: Client, method: str, path: str, body: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    status, _ = client.call(method, path, body)
    elapsed = time.perf_counter() - start
    if status != 200:
        raise SystemExit(f"{method} {path}: {status}")
    return elapsed


def edit(client: Client, number: int) -> float:
    return timed(client, "POST", PLAN + "/controleer", {"vraag": f"Wat spreken we af? ({number})"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "casussen"
        shutil.copytree(EXAMPLE, root / "voorbeeld")
        client = Client(root)
        try:
            client.call("GET", PLAN)  # open the draft, load the kaart
            timed(client, "GET", PLAN + "/voorbeeld")  # warm the templates
            checks = [edit(client, i) for i in range(10)]
            after_ten = client.rss()
            previews = []
            for i in range(10, args.edits):
                checks.append(edit(client, i))
                if i % 20 == 0:
                    previews.append(timed(client, "GET", PLAN + "/voorbeeld"))
            after_all = client.rss()
        finally:
            client.close()
        out = Path(folder) / "plan.pdf"
        command = [sys.executable, "-m", "ekc_docs", "plan", str(root / "voorbeeld" / "plan.yml")]
        command += ["--html", "-o", str(out), "--kaart", str(KAART)]
        plan_html = best_of(3, command, REPO)

    check_ms = statistics.median(checks) * 1000
    preview = statistics.median(previews)
    growth = after_all / after_ten - 1
    print(f"change → diagnostics: median {check_ms:.0f} ms, worst {max(checks) * 1000:.0f} ms")
    print(f"  goal < 150 ms: {'ok' if check_ms < 150 else 'NOT MET'}")
    print(
        f"preview refresh {preview:.3f} s, ekc plan --html {plan_html:.3f} s: "
        f"ratio {preview / plan_html:.2f} (goal ≤ 1.3: {'ok' if preview / plan_html <= 1.3 else 'NOT MET'})"
    )
    print(
        f"memory after 10 edits {after_ten:.0f} MiB, after {args.edits} {after_all:.0f} MiB: "
        f"{growth:+.1%} (goal within 20 %: {'ok' if abs(growth) <= 0.2 else 'NOT MET'})"
    )


if __name__ == "__main__":
    main()
