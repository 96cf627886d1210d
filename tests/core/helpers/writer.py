"""A session writer for the crash tests (run with ``sys.executable``; imports only the store).

Modes:

``write PATH TAG COUNT``
    Open the session for writing, print ``ready``, then COUNT times: add a card with id
    ``TAG-i``, ``save()``, and print the id (one write(2) per line) once ``save()`` returned ok. Print ``done``.

``serve``
    A fork server, so that hundreds of kills do not each pay for an interpreter start. Reads
    ``write PATH TAG COUNT`` lines from stdin; for each it forks a child that prints ``pid N`` and
    then behaves like ``write``. The server waits for a ``reap`` line before it collects the child
    (so the parent never signals a recycled pid) and then prints ``exit CODE``.

``hold PATH``
    Open the session for writing, print ``locked`` (or ``read-only: reason``), keep it open until
    stdin is closed.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys

from atelier_tui.domain.session import Kaart
from atelier_tui.store.repository import open_session


def say(text: str) -> None:
    """One line to stdout in a single write(2): a kill can never leave half a line."""
    os.write(1, (text.replace("\n", " ") + "\n").encode("utf-8"))


def write(path: str, tag: str, count: int) -> None:
    opened = open_session(path)
    if opened.read_only:
        say(f"read-only: {opened.read_only_reason}")
        return
    say("ready")
    for i in range(count):
        item_id = f"{tag}-{i}"
        opened.session.kaarten.append(Kaart(id=item_id, kolom="kans", tekst=f"Kaart {item_id} ëï"))
        result = opened.save()
        if result.ok:
            say(item_id)
        else:
            say(f"failed: {result.message}")
    opened.close()
    say("done")


def serve() -> None:
    sys.stdout.flush()
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] != "write":
            say(f"unknown {parts[0]}")
            continue
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the writer
            code = 0
            try:
                say(f"pid {os.getpid()}")
                write(parts[1], parts[2], int(parts[3]))
            except BaseException as exc:
                say(f"error {type(exc).__name__}: {exc}")
                code = 1
            finally:
                os._exit(code)
        sys.stdin.readline()  # "reap"
        _, status = os.waitpid(pid, 0)
        say(f"exit {status}")


def hold(path: str) -> None:
    opened = open_session(path)
    say("locked" if not opened.read_only else f"read-only: {opened.read_only_reason}")
    sys.stdin.read()
    opened.close()


if __name__ == "__main__":
    faulthandler.register(signal.SIGUSR1)  # dump stacks when a test hangs: kill -USR1 <pid>
    mode = sys.argv[1]
    if mode == "write":
        write(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif mode == "serve":
        serve()
    elif mode == "hold":
        hold(sys.argv[2])
    else:
        raise SystemExit(f"unknown mode {mode}")
