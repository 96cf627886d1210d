"""Export of a 500-item session to Markdown and JSON, in process, and `atelier export` wall time.

Run by hand:  python3 bench/export_bench.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bigsession import big_session

from atelier_tui.export import render
from atelier_tui.store.repository import SessionsDir

RUNS = 9


def timed(fn, runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def show(label: str, values: list[float]) -> None:
    print(f"{label:<42} {statistics.median(values):8.1f} ms  ({min(values):.1f}-{max(values):.1f})")


def main() -> None:
    session = big_session(500)
    render(session, "md")  # warm up imports
    show("export md, 500 items, in process", timed(lambda: render(session, "md")))
    show("export json, 500 items, in process", timed(lambda: render(session, "json")))
    with tempfile.TemporaryDirectory() as tmp:
        path = SessionsDir(Path(tmp)).create(session)
        cmd = [sys.executable, "-m", "atelier_tui", "export", str(path), "--format", "md"]
        show(
            "atelier export --format md (process)",
            timed(lambda: subprocess.run(cmd, capture_output=True, check=True), 5),
        )
        show(
            "python -c pass (interpreter start-up)",
            timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 5),
        )
        imp = [
            sys.executable,
            "-c",
            "import atelier_tui.cli, atelier_tui.store.repository, atelier_tui.export.markdown",
        ]
        show("imports of cli, store and exporter", timed(lambda: subprocess.run(imp, check=True), 5))


if __name__ == "__main__":
    main()
