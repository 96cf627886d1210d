"""The phone round under a burst: 45 simulated phones each send a card and spend 5 points within 10 s.

Run by hand:  python3 bench/zaal_bench.py [--phones 45] [--seconds 10]

The server runs in a process of its own (``--serve``, started by :func:`run`), as it does inside the
facilitator's Atelier: a kaarten round and a punten round, each with its journal (fsync per event)
in a temporary folder. The phones are aiohttp clients in this process, each with its own cookie. A
phone sends its card in the first half of the window and its five points in the second half.

The figure is the time from a post until the phone has the page that says "Ontvangen" (the 303
after the journal's fsync, and the page it leads to); ``ack_*`` is the 303 alone. Afterwards the
journals are replayed: every acknowledged card and point must be there (``lost``: 0).
Budget (issue 15): p95 ≤ 100 ms on this machine. :func:`burst` drives phones against any server
(for example one inside Atelier, to measure the facilitator's keystrokes during the burst).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

HERE = Path(__file__).parent
SRC = HERE.parent / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

BUDGET_P95_MS = 100.0
CARDS = 12  # the cards on the board in the punten round


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# --- The server's process ----------------------------------------------------------------------------


async def _serve(folder: Path) -> None:
    from atelier_tui.domain.ronde import Keuze, Ronde
    from atelier_tui.store.wachtrij import Journal
    from atelier_tui.web.zaal import ZaalServer

    keuzes = [Keuze(f"k{i:02d}", f"Kaart {i}: inwoners eerder betrekken bij plannen") for i in range(CARDS)]
    rounds = {
        "kaarten": Ronde("kaarten", "kansen-knelpunten"),
        "punten": Ronde("punten", "kansen-knelpunten", keuzes=keuzes),
    }
    urls = {}
    servers = []
    for name, ronde in rounds.items():
        journal = Journal(folder / f"{name}.json")
        journal.append(ronde.geopend_event())
        server = ZaalServer(ronde, journal, "127.0.0.1")
        await server.start()
        servers.append(server)
        urls[name] = server.url
    print(json.dumps({**urls, "keuzes": [k.id for k in keuzes]}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the bench closes stdin
    for server in servers:
        await server.stop()


# --- The phones ----------------------------------------------------------------------------------------


async def burst(kaarten_url: str, punten_url: str, keuzes: list[str], phones: int = 45, seconds: float = 10.0) -> dict:
    """Drive ``phones`` phones: a card to the kaarten round, then five points in the punten round.

    Returns the latencies (ms) of every post: ``shown`` (post until the "Ontvangen" page) and
    ``ack`` (the 303 alone), with the cards and points that were acknowledged.
    """
    from aiohttp import ClientSession, CookieJar

    shown: list[float] = []
    ack: list[float] = []
    cards: list[str] = []
    points = 0
    failures: list[str] = []
    rng = random.Random(15)
    half = seconds / 2

    async def post(session: ClientSession, url: str, data: dict) -> bool:
        t0 = time.perf_counter()
        async with session.post(url, data=data, allow_redirects=False) as response:
            await response.read()
            t1 = time.perf_counter()
            location = response.headers.get("Location")
        if response.status != 303 or not location:
            failures.append(f"{response.status} {url}")
            return False
        async with session.get(urljoin(url, location)) as page:
            text = await page.text()
        t2 = time.perf_counter()
        if "<strong>Ontvangen</strong>" not in text:
            failures.append(f"no Ontvangen after {url}")
            return False
        ack.append((t1 - t0) * 1000)
        shown.append((t2 - t0) * 1000)
        return True

    async def csrf(session: ClientSession, url: str) -> str:
        async with session.get(url) as response:
            return re.search(r'name="csrf" value="([^"]+)"', await response.text()).group(1)

    async def phone(n: int, start: float) -> None:
        nonlocal points
        card_at = rng.random() * half * 0.8
        points_at = half + rng.random() * half * 0.5
        gaps = [0.05 + rng.random() * 0.25 for _ in range(5)]
        choices = [rng.choice(keuzes) for _ in range(5)]
        async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as session:
            await asyncio.sleep(max(0.0, start + card_at - time.perf_counter()))
            token = await csrf(session, kaarten_url)
            text = f"Telefoon {n}: meer inwoners aan tafel bij de omgevingsvisie"
            if await post(session, kaarten_url + "kaart", {"csrf": token, "soort": "kans", "tekst": text}):
                cards.append(text)
            await asyncio.sleep(max(0.0, start + points_at - time.perf_counter()))
            token = await csrf(session, punten_url)
            for gap, keuze in zip(gaps, choices):
                if await post(session, punten_url + "punt", {"csrf": token, "keuze": keuze, "delta": "1"}):
                    points += 1
                await asyncio.sleep(gap)

    start = time.perf_counter()
    await asyncio.gather(*(phone(n, start) for n in range(phones)))
    return {
        "shown": shown,
        "ack": ack,
        "cards": cards,
        "points": points,
        "failures": failures,
        "elapsed": time.perf_counter() - start,
    }


def run(phones: int = 45, seconds: float = 10) -> dict:
    """The burst against a server in its own process; p50/p95 ms of post -> "Ontvangen"."""
    from atelier_tui.domain.ronde import Ronde
    from atelier_tui.store.wachtrij import leftover

    with tempfile.TemporaryDirectory(prefix="zaal-bench-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--serve", str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        try:
            info = json.loads(proc.stdout.readline())
            result = asyncio.run(burst(info["kaarten"], info["punten"], info["keuzes"], phones, seconds))
        finally:
            proc.stdin.close()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            proc.stdout.close()
        kaarten = Ronde.replay(leftover(folder / "kaarten.json") or [])
        punten = Ronde.replay(leftover(folder / "punten.json") or [])
    kept = {i.tekst for i in kaarten.wachtrij}
    lost = sum(1 for text in result["cards"] if text not in kept) + max(
        0, result["points"] - sum(punten.punten.values())
    )
    shown, ack = result["shown"], result["ack"]
    return {
        "phones": phones,
        "seconds": round(result["elapsed"], 2),
        "posts": len(shown),
        "failed": len(result["failures"]),
        "p50_ms": round(statistics.median(shown), 2) if shown else float("nan"),
        "p95_ms": round(_percentile(shown, 0.95), 2),
        "max_ms": round(max(shown), 2) if shown else float("nan"),
        "ack_p50_ms": round(statistics.median(ack), 2) if ack else float("nan"),
        "ack_p95_ms": round(_percentile(ack, 0.95), 2),
        "lost": lost,
        "budget_p95_ms": BUDGET_P95_MS,
    }


def line(result: dict) -> str:
    verdict = "ok" if result["p95_ms"] <= BUDGET_P95_MS and not result["lost"] and not result["failed"] else "MISSED"
    return (
        f"zaal: {result['phones']} phones, {result['posts']} posts in {result['seconds']} s: "
        f"post -> Ontvangen p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms (max {result['max_ms']}; "
        f"the 303 alone p50 {result['ack_p50_ms']}, p95 {result['ack_p95_ms']}); "
        f"{result['failed']} failed, {result['lost']} lost; budget p95 <= {BUDGET_P95_MS:g} ms: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=45)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(_serve(args.serve))
        return
    print(line(run(args.phones, args.seconds)))


if __name__ == "__main__":
    main()
