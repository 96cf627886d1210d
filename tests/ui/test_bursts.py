"""Keys in one burst: the real app in a pseudo-terminal, each sequence written in a single write.

Over SSH and from a fast typist, keys arrive together. The saved session must be exactly the one
the same keys give when typed slowly: every key applied in order, to the field the keys before
it made current, also in the first moment after a form opens. Some tests run while every CPU is
kept busy by other processes, which is when the app is slowest to follow.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from atelier_tui.store.demo import create_demo_copy
from atelier_tui.store.repository import SessionsDir

from ..pty import END, ENTER, TAB, atelier, busy_cpus, ctrl
from .screen import saved

CTRL_S, CTRL_P = ctrl("s"), ctrl("p")


@contextmanager
def running(sessions_dir: Path, step: str, size: tuple[int, int] = (120, 40)):
    path = create_demo_copy(SessionsDir(sessions_dir))
    with atelier("open", path, "--step", step, size=size) as app:
        app.wait_for(b"opgeslagen")
        app.settle(0.5)
        yield app, path


def busy():
    """Keep the machine busy with other processes while the block runs.

    One process per two CPUs: with the other test worker (pytest -n 2) every CPU is taken, while
    the tests that run beside this one still get their share.
    """
    return busy_cpus(max(1, (os.cpu_count() or 2) // 2))


def people(path: Path) -> list[tuple]:
    return [(p.naam, p.fractie, p.rol, p.avond1, p.avond2) for p in saved(path).deelnemers]


# From the sessie step: Tab to the participants, End to the last one, n for a new one.
TO_LAST_PERSON = TAB + END


@pytest.mark.parametrize("load", ["idle", "busy"])
def test_a_participant_typed_and_saved_in_one_burst(sessions_dir, load):
    with running(sessions_dir, "sessie") as (app, path):
        before = people(path)
        keys = TO_LAST_PERSON + b"nJan de Vries" + TAB + b"Groen Lindewaard" + CTRL_S
        keys += b"nEva Bakker" + TAB + b"Dorpsbelang" + TAB + b"g" + CTRL_S
        if load == "busy":
            with busy():
                app.write(keys)
                app.settle(3)
        else:
            app.write(keys)
            app.settle()
        assert people(path) == [
            *before,
            ("Jan de Vries", "Groen Lindewaard", "raadslid", True, True),
            ("Eva Bakker", "Dorpsbelang", "griffier", True, True),
        ]


def test_enter_moves_to_the_next_field_and_saves_after_the_last(sessions_dir):
    with running(sessions_dir, "sessie") as (app, path):
        before = people(path)
        # Enter after the name goes to the fractie, after the fractie to the role, ... and
        # Enter in the last field (the function) saves.
        app.write(
            TO_LAST_PERSON + b"nMila Kok" + ENTER + b"VVD" + ENTER + b"b" + ENTER + ENTER + b"n" + ENTER + ENTER + ENTER
        )
        app.settle()
        assert people(path) == [*before, ("Mila Kok", "VVD", "burgerraadslid", True, False)]


def test_keys_after_saving_go_to_the_list_again(sessions_dir):
    with running(sessions_dir, "opening") as (app, path):
        rules_before = [r.tekst for r in saved(path).spelregels]
        # On the opening the goal has the keys; Tab to the ground rules.
        keys = TAB + END + b"nWe laten elkaar uitpraten" + CTRL_S + b"nTelefoons op stil" + CTRL_S
        app.write(keys)
        app.settle()
        assert [r.tekst for r in saved(path).spelregels] == [
            *rules_before,
            "We laten elkaar uitpraten",
            "Telefoons op stil",
        ]


def test_a_double_enter_on_a_step_in_the_palette(sessions_dir):
    with running(sessions_dir, "sessie") as (app, path):
        app.write(CTRL_P + b"Stap: Voorbeelden" + ENTER + ENTER)
        app.settle()
        assert app.running, app.output[-2000:]
        assert saved(path).huidige_stap == "voorbeelden"
        assert b"Traceback" not in app.seen and b"Error" not in app.seen


def test_a_fast_enter_in_the_palette_does_not_stop_the_app(sessions_dir):
    with running(sessions_dir, "sessie") as (app, path):
        app.write(CTRL_P + ENTER + ENTER)
        app.settle()
        assert app.running, "the app stopped"
