"""The ``atelier`` command: the commands that open the screen, list and import, and ``main``.

Every error is one or two Dutch lines and a non-zero exit code. The arguments and their Dutch help
are in ``cli_parser``, what every command shares in ``cli_base``, ``export`` and ``check`` in
``cli_export``, ``meekijken`` in ``cli_meekijken``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cli_base import (
    EXIT_FOUT,
    UserError,
    check_folder,
    chosen_dir,
    resolve_target,
    say,
    sessions_dir_path,
    sessions_folder,
)
from .cli_export import cmd_check, cmd_export
from .cli_meekijken import cmd_meekijken
from .cli_parser import build_parser
from .domain import hygiene
from .domain.steps import STEP_KEYS
from .teksten import cli as T


def _refuse_other_kinds(path: Path) -> None:
    """`open` edits session files only; an exported session is imported first."""
    from .store.kinds import file_kind, refusal

    kind = file_kind(path)
    if kind in ("sessie-export", "json-anders", "document"):
        raise UserError(refusal(path, kind))


def _need_terminal() -> None:
    """The screen needs a terminal; without one Textual would wait on input that never comes. The
    one exception: a browser viewer started by ``atelier meekijken`` (Textual's web driver)."""
    if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):
        return
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise UserError(T.GEEN_TERMINAL)


def _run_app(args: argparse.Namespace, path: Path | None, step: str | None = None, *, demo: bool = False) -> int:
    _need_terminal()
    from .app import AtelierApp

    app = AtelierApp(
        sessions_dir=sessions_dir_path(args.sessions_dir),
        private=not chosen_dir(args.sessions_dir),
        open_path=path,
        step=step,
        theme=args.theme,
        demo=demo,
    )
    app.run(mouse=not args.no_mouse)
    if app.goodbye:
        say(app.goodbye, file=sys.stderr)
    if app.error:
        raise UserError(app.error)
    return app.return_code or 0


def cmd_home(args: argparse.Namespace) -> int:
    _need_terminal()
    check_folder(args)
    return _run_app(args, None)


def cmd_demo(args: argparse.Namespace) -> int:
    """A fresh copy of the demo session, made once the app's first frame is on the screen."""
    _need_terminal()
    check_folder(args)
    return _run_app(args, None, demo=True)


def cmd_new(args: argparse.Namespace) -> int:
    from .domain.builtin import new_session
    from .domain.hygiene import clean_line

    if not args.niet_openen:
        _need_terminal()
    naam = clean_line(args.naam)
    if not naam:
        raise UserError(T.ONTBREEKT.format(wat="NAAM"))
    path = sessions_folder(args).create(new_session(naam, clean_line(args.gemeente)))
    say(T.GEMAAKT.format(pad=path))
    if args.niet_openen:
        return 0
    return _run_app(args, path)


def cmd_open(args: argparse.Namespace) -> int:
    if args.step is not None and args.step not in STEP_KEYS:
        raise UserError(T.STAP_ONBEKEND.format(stap=args.step, stappen=", ".join(STEP_KEYS)))
    path = resolve_target(args)
    _refuse_other_kinds(path)
    return _run_app(args, path, args.step)


def cmd_present(args: argparse.Namespace) -> int:
    path = resolve_target(args, create=False)
    _need_terminal()
    from .app import AtelierApp

    app = AtelierApp(sessions_dir=sessions_dir_path(args.sessions_dir), present_path=path, theme=args.theme)
    app.run(mouse=False)
    if app.error:
        raise UserError(app.error)
    return app.return_code or 0


def _moment(value) -> str:
    from .domain.types import format_local

    try:
        return format_local(value)
    except (OverflowError, ValueError, OSError):  # a moment near the year 9999 has no local time
        return ""


def cmd_list(args: argparse.Namespace) -> int:
    sessions = sessions_folder(args, create=False)
    infos = sessions.list()
    if not infos:
        say(T.GEEN_SESSIES.format(map=sessions.path))
        return 0
    rows = [T.LIJST_KOP]
    for info in infos:
        d1, d2 = info.datums
        rows.append(
            (
                hygiene.clean_line(info.slug),
                hygiene.clean_line(info.probleem or info.gemeente),
                d1.strftime("%d-%m-%Y") if d1 else "",
                d2.strftime("%d-%m-%Y") if d2 else "",
                _moment(info.gewijzigd),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        say("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .domain.hygiene import clean_line
    from .store.transfer import ImportError_, import_session

    try:
        result = import_session(Path(args.bestand), sessions_folder(args), clean_line(args.naam) if args.naam else None)
    except ImportError_ as exc:
        raise UserError(str(exc)) from None
    say(T.GEIMPORTEERD.format(naam=result.session.naam, pad=result.path))
    for notice in result.notices:
        say(notice)
    return 0


COMMANDS = {
    None: cmd_home,
    "demo": cmd_demo,
    "new": cmd_new,
    "open": cmd_open,
    "present": cmd_present,
    "meekijken": cmd_meekijken,
    "list": cmd_list,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        say(T.FOUT.format(bericht=str(exc)), file=sys.stderr)
        return EXIT_FOUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from .store.repository import StoreError  # (imported here: start-up does not need it)

        if isinstance(exc, StoreError):
            say(T.FOUT.format(bericht=str(exc)), file=sys.stderr)
            return EXIT_FOUT
        if os.environ.get("ATELIER_DEBUG"):
            raise
        from .store.crashlog import crash_message

        say(T.FOUT.format(bericht=crash_message(exc)), file=sys.stderr)
        return EXIT_FOUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
