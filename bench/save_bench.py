"""Save cost per change, against a plain json.dumps plus atomic replace of the same document.

Run by hand:  python3 bench/save_bench.py [ITEMS ...]
Prints, per session size, the median and min-max of many saves for both, and the ratio.
Budget (issue 2): at most 1.5x at 500 items.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bigsession import big_session

from atelier_tui.store.atomic import atomic_write_bytes
from atelier_tui.store.repository import SessionsDir, open_session

ROUNDS = 7
SAVES = 30


def plain(path: Path, document: dict) -> None:
    atomic_write_bytes(path, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def measure(items: int, folder: Path) -> tuple[list[float], list[float]]:
    session = big_session(items)
    sessions = SessionsDir(folder / f"s{items}")
    opened = open_session(sessions.create(session))
    baseline_path = folder / f"plain-{items}.json"
    ours, base = [], []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        for i in range(SAVES):
            opened.session.kaarten[0].stemmen = i  # one change, as a facilitator makes it
            assert opened.save().ok
        ours.append((time.perf_counter() - t0) / SAVES * 1000)
        # The baseline gets the document as a ready dict: only json.dumps and the atomic replace count.
        document = opened.session.model_dump(mode="json")
        t0 = time.perf_counter()
        for i in range(SAVES):
            document["kaarten"][0]["stemmen"] = i
            plain(baseline_path, document)
        base.append((time.perf_counter() - t0) / SAVES * 1000)
    opened.close()
    return ours, base


def main() -> None:
    global ROUNDS
    args = sys.argv[1:]
    as_json = "--json" in args
    if "--rounds" in args:
        ROUNDS = int(args[args.index("--rounds") + 1])
        del args[args.index("--rounds") : args.index("--rounds") + 2]
    sizes = [int(a) for a in args if a != "--json"] or [10, 100, 500, 2000]
    if as_json:
        import json as _json

        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
            result = {}
            for n in sizes:
                ours, base = measure(n, Path(tmp))
                result[n] = {"ours": ours, "base": base}
        print(_json.dumps(result))
        return
    print(f"{'items':>6}  {'atelier save (ms)':>22}  {'json.dumps+replace (ms)':>24}  {'ratio':>6}")
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        for n in sizes:
            ours, base = measure(n, Path(tmp))
            mo, mb = statistics.median(ours), statistics.median(base)
            print(
                f"{n:>6}  {mo:8.2f} ({min(ours):.2f}-{max(ours):.2f})      "
                f"{mb:8.2f} ({min(base):.2f}-{max(base):.2f})        {mo / mb:5.2f}x"
            )


if __name__ == "__main__":
    main()
