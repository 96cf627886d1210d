"""Atelier benchmarks, measured the way the room experiences the app.

Run by hand (never a pass/fail step in CI):

    python3 bench/run.py            # everything, 5 runs per figure
    python3 bench/run.py --runs 7   # more runs
    python3 bench/run.py --quick    # 3 runs, fewer board sizes, 12 room changes (a smoke check)

Prints one table: for each figure the median, the min-max and the budget; a ratio is measured
side by side in the same run. Uses real pseudo-terminals (120x40) for start-up, typing, the room's
screen, idle output and memory. Start-up and memory are measured against the floor of the stack
(bench/floor_app.py: Textual, pydantic and the session models, one screen).
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
from atelier_tui.store.demo import create_demo_copy  # noqa: E402
from atelier_tui.store.repository import SessionsDir  # noqa: E402

COLS, ROWS = 120, 40
#: The apps run as an installed Atelier runs: from compiled bytecode. Where the machine says
#: PYTHONDONTWRITEBYTECODE, every start would compile all of Atelier's modules again (~50 ms that no
#: installed copy pays, and more than the floor app compiles). The bytecode goes to a folder of its
#: own, not into the worktree; ``warm_up`` fills it before anything is measured.
PYCACHE = Path(tempfile.gettempdir()) / "atelier-bench-pycache"
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "PYTHONPYCACHEPREFIX": str(PYCACHE)
}
MINIMAL_APP = HERE / "minimal_app.py"
FLOOR_APP = HERE / "floor_app.py"


# --- Pseudo-terminal plumbing ------------------------------------------------------------------


class Term:
    """A program running in a pseudo-terminal of 120x40, with its output counted."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        full_env = {**CHILD_ENV, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
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

    def until(self, done, timeout: float = 30.0, poll: float = 0.002) -> float:
        """Seconds from start until ``done()`` is true, reading the output meanwhile."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            self.read(poll)
            if done():
                return time.perf_counter() - self.started
        raise RuntimeError(f"not done in {timeout} s; last output {self.seen[-300:]!r}")

    def peak_rss_kb(self) -> int:
        """The peak resident memory of the process and all its children (VmHWM summed over the tree)."""
        return sum(_vm_hwm_kb(pid) for pid in _tree(self.proc.pid))

    def stop(self) -> None:
        try:
            self.proc.terminate()
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
        os.close(self.master)


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc (Linux)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return out


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class FileWatch:
    """Whether a file holds a text, looked at cheaply: read again only when its stat changed."""

    def __init__(self, path: Path, needle: bytes) -> None:
        self.path, self.needle, self._stamp = path, needle, None

    def __call__(self) -> bool:
        try:
            st = os.stat(self.path)
        except OSError:
            return False
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        try:
            return self.needle in self.path.read_bytes()
        except OSError:
            return False


ATELIER = [sys.executable, "-m", "atelier_tui"]
READY = b"opgeslagen"  # the header's save state: the session screen is drawn
FIRST_FRAME = b"Werkateliers participatie"  # the start screen: Atelier's first frame


# --- The figures -------------------------------------------------------------------------------


#: The card typed at once: written right after exec, in one write, as over SSH (Enter included).
TYPED_AT_ONCE = "Meteen getypt"
#: The floor app echoes Enter as this mark; the terminal's own echo (before raw mode) has none.
FLOOR_ECHO = f"{TYPED_AT_ONCE} ⏎".encode()


def warm_up() -> None:
    """Compile Atelier and the bench apps to the bytecode folder, as an install does."""
    import atelier_tui

    package = Path(atelier_tui.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package), str(HERE)], env=CHILD_ENV, check=True)


def ready_to_type(runs: int) -> dict[str, list[float]]:
    """Ready to type and peak memory, Atelier against the floor app, side by side in each run.

    Atelier: ``atelier open <demo copy> --step kansen-knelpunten``, the card typed right after exec;
    ready when the card is in the saved session file (it is drawn in the same handler). Its first
    frame (the start screen) is noted in the same run. The floor app: the same session file, the same
    keys; ready when its screen shows them. The first frame of ``atelier demo`` against the minimal
    Textual app is measured as before (its start screen comes before pydantic is imported).
    """
    keys = TYPED_AT_ONCE.encode() + b"\r"
    out: dict[str, list[float]] = {k: [] for k in ("ready", "frame", "floor", "demo", "minimal", "rss", "rss_floor")}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            sessions = SessionsDir(Path(tmp))
            path, floor_path = create_demo_copy(sessions), create_demo_copy(sessions)
            t = Term([*ATELIER, "open", str(path), "--step", "kansen-knelpunten"])
            t.send(keys)
            out["frame"].append(t.wait_for(FIRST_FRAME))  # the start screen, before the session is opened
            out["ready"].append(t.until(FileWatch(path, TYPED_AT_ONCE.encode())))
            t.quiet(0.5)
            out["rss"].append(t.peak_rss_kb())
            t.stop()
            t = Term([sys.executable, str(FLOOR_APP), str(floor_path)])
            t.send(keys)
            out["floor"].append(t.until(lambda t=t: FLOOR_ECHO in t.seen))
            t.quiet(0.5)
            out["rss_floor"].append(t.peak_rss_kb())
            t.stop()
        with tempfile.TemporaryDirectory() as tmp:
            t = Term([*ATELIER, "--sessions-dir", tmp, "demo"])
            out["demo"].append(t.wait_for(FIRST_FRAME))
            t.stop()
        t = Term([sys.executable, str(MINIMAL_APP)])
        out["minimal"].append(t.wait_for(b"klaar"))
        t.stop()
    return out


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


PGDN, PGUP = b"\x1b[6~", b"\x1b[5~"
#: The step after the board, and the board's title: what the room shows after Page Down / Page Up.
NEXT_TITLE, BOARD_TITLE = b"Afsluiting", b"Kansen en knelpunten"


def _drain(terms: list[Term], timeout: float) -> None:
    """Read whatever any of the terminals wrote within ``timeout`` seconds (none may block)."""
    ready, _, _ = select.select([t.master for t in terms], [], [], timeout)
    for t in terms:
        if t.master in ready:
            t.read(0)


def _settle(terms: list[Term], gap: float = 0.25, limit: float = 3.0) -> None:
    """Read until none of the terminals wrote anything for ``gap`` seconds."""
    end = time.perf_counter() + limit
    while time.perf_counter() < end:
        before = [len(t.seen) for t in terms]
        _drain(terms, gap)
        if [len(t.seen) for t in terms] == before:
            return


def room_follows(changes: int, *, busy: bool) -> dict[str, list[float]]:
    """The room's screen: from the facilitator's key to the change drawn in the room, in ms.

    The facilitator (``atelier open``) and the room (``atelier present``) each run in a pseudo-terminal
    on the demo session. In turn: Page Down (the room must show the next step's title), Page Up (the
    board's title), and a card typed on the board with Enter (the card's text). Each is timed from
    the key write to the moment the room's output holds it; then both are left to settle. ``busy``:
    two processes keep both cores busy meanwhile.
    """
    out: dict[str, list[float]] = {"step": [], "card": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = create_demo_copy(SessionsDir(Path(tmp)))
        host = Term([*ATELIER, "open", str(path), "--step", "kansen-knelpunten"])
        host.wait_for(READY)
        room = Term([*ATELIER, "present", str(path)])
        terms = [host, room]
        room.wait_for(BOARD_TITLE)
        _settle(terms, 0.5)
        # Busy loops that end by themselves should this process die before it stops them.
        spin = f"import os\nwhile os.getppid() == {os.getpid()}: pass"
        spinners = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(2 if busy else 0)]
        try:
            for i in range(changes):
                kind = ("next", "back", "card")[i % 3]
                if kind == "card":
                    needle = f"Zaalkaart {i:03d}".encode()
                    keys = needle + b"\r"
                else:
                    needle, keys = (NEXT_TITLE, PGDN) if kind == "next" else (BOARD_TITLE, PGUP)
                start = len(room.seen)
                sent = time.perf_counter()
                host.send(keys)
                end = sent + 10
                while needle not in room.seen[start:]:
                    if time.perf_counter() > end:
                        raise RuntimeError(f"the room never showed {needle!r}")
                    _drain(terms, 0.002)
                out["card" if kind == "card" else "step"].append((time.perf_counter() - sent) * 1000)
                _settle(terms)
        finally:
            for spinner in spinners:
                spinner.kill()
                spinner.wait()
            room.stop()
            host.stop()
    return out


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


def budget_row(name: str, values: list[float], unit: str, limit: float, label: str) -> Row:
    """A figure whose median must stay at or under ``limit``."""
    return Row(name, values, unit, label, "ok" if statistics.median(values) <= limit else "MISSED")


def room_row(name: str, values: list[float]) -> Row:
    """The room's screen: median at most 500 ms and max at most 1 s (the min-max column shows the max)."""
    ok = statistics.median(values) <= 500 and max(values) <= 1000
    return Row(
        f"{name} ({len(values)} changes)", values, "ms", "median ≤ 500 ms, max ≤ 1000 ms", "ok" if ok else "MISSED"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 3 if args.quick else max(args.runs, 1)
    sizes = [0, 1000] if args.quick else [0, 100, 500, 1000]
    changes = 12 if args.quick else 51  # the room's screen: at least 50 changes (steps and cards in turn)

    rows: list[Row] = []
    ms = lambda values: [v * 1000 for v in values]  # noqa: E731

    # 1. Ready to type, against the floor of the stack (and the first frame, as before).
    warm_up()
    ready_to_type(1)  # a run to fill the caches, not counted
    start = ready_to_type(runs)
    rows.append(
        Row(
            "Ready to type: a card typed at once is saved, atelier open --step kansen-knelpunten",
            ms(start["ready"]),
            "ms",
        )
    )
    rows.append(
        Row(
            "Ready to type: floor app (Textual + pydantic + session models, one screen, key echoed)",
            ms(start["floor"]),
            "ms",
        )
    )
    rows.append(ratio_row("Ready to type ratio", start["ready"], start["floor"], 1.3))
    rows.append(Row("First frame (start screen), the same run", ms(start["frame"]), "ms"))
    rows.append(Row("First frame, atelier demo (as before)", ms(start["demo"]), "ms"))
    rows.append(Row("First frame, minimal Textual app", ms(start["minimal"]), "ms"))
    rows.append(ratio_row("First frame ratio, atelier demo", start["demo"], start["minimal"], 1.3))

    # 2. Peak memory of the same runs, against the same floor.
    rows.append(Row("Peak RSS of the process tree, the same run", [r / 1024 for r in start["rss"]], "MB"))
    rows.append(Row("Peak RSS of the process tree, floor app", [r / 1024 for r in start["rss_floor"]], "MB"))
    rows.append(ratio_row("Peak RSS ratio", start["rss"], start["rss_floor"], 1.15))

    # 3. Keystroke latency and bytes per key on boards of 0 to 1,000 cards.
    type_ = typing(runs, sizes)
    for size in sizes:
        rows.append(Row(f"Keystroke latency, board of {size} cards", type_[size]["latency_ms"], "ms"))
    for size in sizes:
        rows.append(
            budget_row(f"Bytes per keystroke, board of {size} cards", type_[size]["bytes"], "B", 1024, "≤ 1024 B")
        )
    rows.append(ratio_row("Latency at 1,000 cards vs 0 cards", type_[1000]["latency_ms"], type_[0]["latency_ms"], 1.3))

    # 4. The room's screen: save or navigation -> drawn, idle and with both cores busy; idle output.
    for label, busy in (("idle", False), ("both cores busy", True)):
        room = room_follows(changes, busy=busy)
        rows.append(room_row(f"Room's screen, change -> drawn, {label}", room["step"] + room["card"]))
        rows.append(Row(f"  of which step changes (Page Down/Up), {label}", room["step"], "ms"))
        rows.append(Row(f"  of which cards typed + Enter, {label}", room["card"], "ms"))
    idle = presenter_idle(runs, 10.0)
    rows.append(Row("Room's screen output while idle for 10 s", idle, "B", "0 B", "ok" if max(idle) == 0 else "MISSED"))

    # 5. Saving: per change against a raw atomic write.
    save = saving(runs)
    for items, pair in save.items():
        rows.append(
            ratio_row(f"Save per change at {items} items vs json.dumps + replace", pair["ours"], pair["base"], 1.5)
        )

    # 6. Exports of a 500-item session.
    exp = exporting(runs)
    for (document, fmt), values in exp.items():
        ok = statistics.median(values) < 100
        rows.append(
            Row(f"Export {document} {fmt}, 500 items, in process", values, "ms", "< 100 ms", "ok" if ok else "MISSED")
        )

    # 7. The phone round (issue 16 item 7: 45 phones on 127.0.0.1, a card and 5 points each within
    #    10 s; p50/p95 post -> "ontvangen", and keystroke latency during the burst): added here by the lead.

    import pydantic
    import textual

    print(f"Atelier benchmarks — {time.strftime('%Y-%m-%d %H:%M')}, {runs} runs per figure")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"Python {platform.python_version()}, Textual {textual.__version__}, pydantic {pydantic.VERSION}")
    print(
        f"Load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} (a busy machine gives noisy figures)"
    )
    print()
    print("| figure | median | min-max | budget | |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(row.line())


if __name__ == "__main__":
    main()
