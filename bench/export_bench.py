"""Export of a 500-item session, every document in every format, in process; and the wall time
of `atelier export`. Budget (issue 14): every document and format under 100 ms in process.

Run by hand:  python3 bench/export_bench.py     (bench/run.py uses ``measure``)
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

from atelier_tui.export import DOCUMENTS, formats_for, render_bytes
from atelier_tui.store.repository import SessionsDir

RUNS = 9
BUDGET_MS = 100


def timed(fn, runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def measure(runs: int = RUNS, items: int = 500) -> dict[tuple[str, str], list[float]]:
    """Milliseconds per (document, format) for a session of ``items`` items, in process."""
    session = big_session(items)
    for document in DOCUMENTS:  # warm up imports
        for fmt in formats_for(document):
            render_bytes(session, document, fmt)
    return {
        (document, fmt): timed(lambda d=document, f=fmt: render_bytes(session, d, f), runs)
        for document in DOCUMENTS
        for fmt in formats_for(document)
    }


def show(label: str, values: list[float], budget: float | None = None) -> None:
    verdict = "" if budget is None else ("ok" if statistics.median(values) < budget else "MISSED")
    print(f"{label:<42} {statistics.median(values):8.1f} ms  ({min(values):.1f}-{max(values):.1f})  {verdict}")


def main() -> None:
    for (document, fmt), values in measure().items():
        show(f"{document} {fmt}, 500 items, in process", values, BUDGET_MS)
    session = big_session(500)
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
