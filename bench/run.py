"""Atelier benchmarks, measured the way the room experiences the app.

Run by hand (never a pass/fail step in CI):

    python3 bench/run.py            # everything, 5 runs per figure
    python3 bench/run.py --runs 7   # more runs
    python3 bench/run.py --quick    # 3 runs, fewer board sizes (a smoke check)

Prints one table: for each figure the median, the min-max and the budget. Uses real
pseudo-terminals (120x40) for start-up, typing, idle output and memory.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from bigsession import big_session  # noqa: E402

from atelier_tui.domain.session import Kaart  # noqa: E402
from atelier_tui.store.repository import SessionsDir  # noqa: E402

COLS, ROWS = 120, 40
MINIMAL_APP = HERE / "minimal_app.py"


# --- Pseudo-terminal plumbing ------------------------------------------------------------------


class Term:
    """A program running in a pseudo-terminal of 120x40, with its output counted."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.seen = b""

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:
            return b""
        self.seen += data
        return data

    def wait_for(self, needle: bytes, timeout: float = 30.0) -> float:
        """Seconds from start until ``needle`` was written."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            self.read(0.05)
            if needle in self.seen:
                return time.perf_counter() - self.started
        raise RuntimeError(f"{needle!r} never appeared")

    def quiet(self, gap: float = 0.15, limit: float = 5.0) -> None:
        """Read until nothing is written for ``gap`` seconds."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            if not self.read(gap):
                return

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def response(self, data: bytes, gap: float = 0.12) -> tuple[float, int]:
        """Send ``data``; return (seconds until the last byte of the response, bytes written)."""
        self.quiet(0.05)
        sent = time.perf_counter()
        self.send(data)
        last, count = sent, 0
        while True:
            chunk = self.read(gap)
            if not chunk:
                break
            last, count = time.perf_counter(), count + len(chunk)
        return last - sent, count

    def peak_rss_kb(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        try:
            self.proc.terminate()
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
        os.close(self.master)


ATELIER = [sys.executable, "-m", "atelier_tui"]
READY = b"opgeslagen"  # the header's save state: the session screen is drawn
FIRST_FRAME = b"Werkateliers participatie"  # the start screen: Atelier's first frame


# --- The figures -------------------------------------------------------------------------------


def cold_start(runs: int) -> dict:
    ours, ready, minimal, rss_ours, rss_min = [], [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            t = Term([*ATELIER, "--sessions-dir", tmp, "demo"])
            ours.append(t.wait_for(FIRST_FRAME))
            ready.append(t.wait_for(READY))
            t.quiet(0.5)
            rss_ours.append(t.peak_rss_kb())
            t.stop()
        t = Term([sys.executable, str(MINIMAL_APP)])
        minimal.append(t.wait_for(b"klaar"))
        t.quiet(0.5)
        rss_min.append(t.peak_rss_kb())
        t.stop()
    return {"start_ours": ours, "start_ready": ready, "start_min": minimal, "rss_ours": rss_ours, "rss_min": rss_min}


def _board_session(folder: Path, cards: int) -> Path:
    session = big_session(0)
    session.kaarten = [
        Kaart(
            kolom="kans" if i % 2 else "knelpunt",
            tekst=f"Kaart {i}: inwoners eerder betrekken bij plannen",
            volgorde=i // 2,
            stemmen=i % 13,
        )
        for i in range(cards)
    ]
    session.afsluiting.gekozen = None
    session.huidige_stap = "kansen-knelpunten"
    return SessionsDir(folder).create(session)


def typing(runs: int, sizes: list[int]) -> dict:
    out: dict[int, dict[str, list[float]]] = {}
    text = b"participatie"
    for size in sizes:
        lat, size_bytes = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                path = _board_session(Path(tmp), size)
                t = Term([*ATELIER, "open", str(path), "--step", "kansen-knelpunten"])
                t.wait_for(READY)
                t.quiet(0.5)
                # The board's capture line holds the keys from its first frame: no key opens it.
                per_run_lat, per_run_bytes = [], []
                for ch in text:
                    seconds, count = t.response(bytes([ch]))
                    per_run_lat.append(seconds)
                    per_run_bytes.append(count)
                lat.append(statistics.median(per_run_lat) * 1000)
                size_bytes.append(statistics.median(per_run_bytes))
                t.send(b"\x1b")  # the typed text is put aside, nothing saved
                t.stop()
        out[size] = {"latency_ms": lat, "bytes": size_bytes}
    return out


def presenter_idle(runs: int, seconds: float) -> list[int]:
    counts = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            path = _board_session(Path(tmp), 40)
            t = Term([*ATELIER, "present", str(path)])
            t.wait_for(b"Kansen en knelpunten")
            t.quiet(1.0)
            before = len(t.seen)
            end = time.perf_counter() + seconds
            while time.perf_counter() < end:
                t.read(0.2)
            counts.append(len(t.seen) - before)
            t.stop()
    return counts


def saving(runs: int) -> dict:
    out = subprocess.run(
        [sys.executable, str(HERE / "save_bench.py"), "--json", "--rounds", str(runs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def exporting(runs: int) -> dict:
    """Every document in every format of a 500-item session, in process (bench/export_bench.py)."""
    import export_bench

    return export_bench.measure(max(runs, 9))


# --- Report ------------------------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    values: list[float]
    unit: str
    budget: str = ""
    verdict: str = ""

    def line(self) -> str:
        med = statistics.median(self.values)
        spread = f"{min(self.values):.{self._digits()}f}-{max(self.values):.{self._digits()}f}"
        return f"| {self.figure} | {med:.{self._digits()}f} {self.unit} | {spread} | {self.budget} | {self.verdict} |"

    def _digits(self) -> int:
        return 0 if self.unit in ("B", "KB") else 2


def ratio_row(name: str, ours: list[float], base: list[float], budget: float) -> Row:
    ratios = [a / b for a, b in zip(ours, base)]
    med = statistics.median(ours) / statistics.median(base)
    return Row(name, ratios, "x", f"≤ {budget}x", "ok" if med <= budget else "MISSED")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    sizes = [0, 1000] if args.quick else [0, 100, 500, 1000]

    rows: list[Row] = []
    start = cold_start(runs)
    rows.append(Row("Cold start to first frame, atelier demo", [s * 1000 for s in start["start_ours"]], "ms"))
    rows.append(Row("Cold start to first frame, minimal Textual app", [s * 1000 for s in start["start_min"]], "ms"))
    rows.append(ratio_row("Cold start ratio", start["start_ours"], start["start_min"], 1.3))
    rows.append(
        Row("Cold start until the demo session is open and saved", [s * 1000 for s in start["start_ready"]], "ms")
    )
    type_ = typing(runs, sizes)
    for size in sizes:
        rows.append(Row(f"Keystroke latency, board of {size} cards", type_[size]["latency_ms"], "ms"))
    for size in sizes:
        med = statistics.median(type_[size]["bytes"])
        rows.append(
            Row(
                f"Bytes per keystroke, board of {size} cards",
                type_[size]["bytes"],
                "B",
                "≤ 1024 B",
                "ok" if med <= 1024 else "MISSED",
            )
        )
    rows.append(ratio_row("Latency at 1,000 cards vs 0 cards", type_[1000]["latency_ms"], type_[0]["latency_ms"], 1.3))
    idle = presenter_idle(runs, 10.0)
    rows.append(
        Row("Presenter view output while idle for 10 s", idle, "B", "0 B", "ok" if max(idle) == 0 else "MISSED")
    )
    save = saving(runs)
    for items, pair in save.items():
        rows.append(
            ratio_row(f"Save per change at {items} items vs json.dumps + replace", pair["ours"], pair["base"], 1.5)
        )
    exp = exporting(runs)
    for (document, fmt), values in exp.items():
        rows.append(
            Row(
                f"Export {document} {fmt}, 500 items, in process",
                values,
                "ms",
                "< 100 ms",
                "ok" if statistics.median(values) < 100 else "MISSED",
            )
        )
    rows.append(Row("Peak RSS, atelier demo", [r / 1024 for r in start["rss_ours"]], "MB"))
    rows.append(Row("Peak RSS, minimal Textual app", [r / 1024 for r in start["rss_min"]], "MB"))
    rows.append(ratio_row("Peak RSS ratio", start["rss_ours"], start["rss_min"], 1.4))

    import textual

    print(f"Atelier benchmarks — {time.strftime('%Y-%m-%d %H:%M')}, {runs} runs per figure")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"Python {platform.python_version()}, Textual {textual.__version__}")
    print()
    print("| figure | median | min-max | budget | |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(row.line())


if __name__ == "__main__":
    main()
