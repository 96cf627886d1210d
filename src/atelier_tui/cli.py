"""The ``atelier`` command. Every error is one or two Dutch lines and a non-zero exit code."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import NoReturn, TextIO

from .domain import hygiene
from .domain.steps import STEP_KEYS
from .teksten import cli as T
from .teksten import cli_export as TE

EXIT_FOUT = 1
EXIT_GEBRUIK = 2


class UserError(Exception):
    """An error meant for the user: its message is Dutch and complete."""


def _safe(text: str) -> str:
    """``text`` without control or escape sequences, line by line (file names and arguments
    can hold anything). A clean line keeps its spacing, so the columns of ``list`` stay."""
    lines = []
    for line in text.split("\n"):
        cleaned = hygiene.clean(line, limit=max(len(line), 1))
        lines.append(cleaned.text if cleaned.removed else line)
    return "\n".join(lines)


def say(text: str, file: TextIO | None = None) -> None:
    """Print one message (every line the command line prints goes through here)."""
    print(_safe(text), file=file or sys.stdout)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix or T.GEBRUIK)


_ERRORS = (
    (re.compile(r"the following arguments are required: (.*)"), T.ONTBREEKT),
    (re.compile(r"unrecognized arguments: (.*)"), T.ONBEKEND),
    (re.compile(r"argument .*: invalid choice: (.*) \(choose from (.*)\)"), T.ONGELDIGE_KEUZE),
    (re.compile(r"argument .*: expected one argument"), T.ONGELDIG),
)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = T.ARGUMENTEN
        self._optionals.title = T.OPTIES
        self.add_argument("-h", "--help", action="help", help=T.HELP)

    def error(self, message: str) -> NoReturn:
        text = T.ONGELDIG.format(wat=message)
        for pattern, template in _ERRORS:
            match = pattern.search(message)
            if match:
                groups = match.groups()
                if template is T.ONGELDIGE_KEUZE:
                    text = template.format(wat=groups[0], keuzes=groups[1].replace("'", ""))
                else:
                    text = template.format(wat=groups[0] if groups else message)
                break
        self.exit(EXIT_GEBRUIK, _safe(T.FOUT.format(bericht=text)) + "\n")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--sessions-dir", metavar="MAP", default=default, help=T.SESSIONS_DIR)
    parser.add_argument("--no-mouse", action="store_true", default=False if top else argparse.SUPPRESS, help=T.NO_MOUSE)
    parser.add_argument("--theme", "--thema", metavar="THEMA", default=default, help=T.THEMA)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="atelier", description=T.BESCHRIJVING, epilog=T.SLOT)
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", title=T.OPDRACHTEN, metavar="OPDRACHT", parser_class=_Parser)

    p = sub.add_parser("demo", help=T.DEMO, description=T.DEMO)
    _common(p, top=False)

    p = sub.add_parser("new", help=T.NEW, description=T.NEW)
    p.add_argument("naam", metavar="NAAM", help=T.NEW_NAAM)
    p.add_argument("--gemeente", metavar="GEMEENTE", default="", help=T.NEW_GEMEENTE)
    p.add_argument("--niet-openen", action="store_true", help=T.NEW_NIET_OPENEN)
    _common(p, top=False)

    stappen = ", ".join(STEP_KEYS)
    p = sub.add_parser("open", help=T.OPEN, description=T.OPEN)
    p.add_argument("doel", metavar="NAAM|PAD", help=T.NAAM_OF_PAD)
    p.add_argument("--step", "--stap", metavar="STAP", dest="step", help=T.STAP.format(stappen=stappen))
    _common(p, top=False)

    p = sub.add_parser("present", help=T.PRESENT, description=T.PRESENT_UITLEG)
    p.add_argument("doel", metavar="NAAM|PAD", help=T.NAAM_OF_PAD)
    _common(p, top=False)

    p = sub.add_parser("meekijken", help=T.MEEKIJKEN, description=T.MEEKIJKEN_UITLEG)
    p.add_argument("doel", metavar="NAAM|PAD", help=T.NAAM_OF_PAD)
    p.add_argument("--adres", "--host", dest="host", default="127.0.0.1", metavar="ADRES", help=T.MEEKIJKEN_ADRES)
    p.add_argument("--poort", "--port", dest="port", type=int, default=0, metavar="POORT", help=T.MEEKIJKEN_POORT)
    _common(p, top=False)

    p = sub.add_parser("list", help=T.LIST, description=T.LIST)
    _common(p, top=False)

    p = sub.add_parser("import", help=T.IMPORT, description=T.IMPORT)
    p.add_argument("bestand", metavar="BESTAND.json", help=T.IMPORT_BESTAND)
    p.add_argument("--naam", metavar="NAAM", help=T.IMPORT_NAAM)
    _common(p, top=False)

    p = sub.add_parser("export", help=T.EXPORT, description=T.EXPORT)
    p.add_argument("doel", metavar="NAAM|PAD", help=T.NAAM_OF_PAD)
    _export_options(p)
    p.add_argument("-o", "--output", metavar="BESTAND", help=T.OUTPUT)
    p.add_argument("--overwrite", "--overschrijven", action="store_true", help=T.OVERWRITE)
    _common(p, top=False)

    p = sub.add_parser("check", help=T.CHECK, description=T.CHECK)
    p.add_argument("doel", metavar="NAAM|PAD", help=T.NAAM_OF_PAD)
    _common(p, top=False)
    return parser


def _export_options(p: argparse.ArgumentParser) -> None:
    """Formats and documents of ``atelier export``."""
    from .export import DOCUMENTS, FORMATS

    p.add_argument("--format", "-f", choices=FORMATS, default=None, help=TE.FORMAT)
    p.add_argument("--document", "-d", choices=DOCUMENTS, default="verslag", help=TE.DOCUMENT)
    p.add_argument("--sjabloon", "--template", metavar="BESTAND.docx", dest="sjabloon", help=TE.SJABLOON)


def _read_for_export(args: argparse.Namespace):
    """A session file or an exported session (also the packaged demo), read only."""
    from .store.kinds import NotASession, file_kind, read_session

    given = Path(args.doel).expanduser()
    if given.is_file() and file_kind(given) != "sessiebestand":
        path = given
    else:
        path = _resolve(args, create=False)
    try:
        return path, read_session(path)
    except NotASession as exc:
        raise UserError(str(exc)) from None


def _export_bytes(args: argparse.Namespace, session) -> bytes:
    """The chosen document in the chosen format (default: md, or csv for the lists)."""
    from .export import BINARY, FormatNotAvailable, formats_for, render_bytes

    fmt = args.format or formats_for(args.document)[0]
    if fmt in BINARY and not args.output and sys.stdout.isatty():
        raise UserError(TE.BINAIR_NAAR_SCHERM.format(formaat=fmt))
    template = Path(args.sjabloon) if args.sjabloon else None
    if template is not None and fmt != "docx":
        raise UserError(TE.SJABLOON_ALLEEN_DOCX)
    if template is not None and not template.is_file():
        raise UserError(TE.SJABLOON_NIET_GEVONDEN.format(pad=template))
    try:
        return render_bytes(session, args.document, fmt, template)
    except FormatNotAvailable as exc:
        raise UserError(str(exc)) from None
    except Exception as exc:
        from .export.docx import TemplateError

        if isinstance(exc, TemplateError):
            raise UserError(TE.SJABLOON_ONBRUIKBAAR.format(pad=template)) from None
        raise


def _refuse_other_kinds(path: Path) -> None:
    """`open` edits session files only; an exported session is imported first."""
    from .store.kinds import file_kind, refusal

    kind = file_kind(path)
    if kind in ("sessie-export", "json-anders", "document"):
        raise UserError(refusal(path, kind))


def _print_verslag_gaps(session) -> None:
    from .export import verslag_gaps

    gaps = verslag_gaps(session)
    if gaps:
        say(TE.VERSLAG_MIST)
        for gap in gaps:
            say(f"- {gap}")
    else:
        say(TE.VERSLAG_COMPLEET)


def _chosen_dir(option: str | None) -> str | None:
    return option or os.environ.get("ATELIER_SESSIONS_DIR") or None


def sessions_dir_path(option: str | None) -> Path:
    """--sessions-dir, else ATELIER_SESSIONS_DIR, else ./sessions if it exists, else her own folder."""
    from .store.places import default_sessions_dir

    chosen = _chosen_dir(option)
    return Path(chosen) if chosen else default_sessions_dir()


def _sessions(args: argparse.Namespace, *, create: bool = True):
    """The sessions folder. The default one (nobody chose it) must be private to this user. The
    read-only commands (``create=False``) make no folder."""
    from .store.repository import SessionsDir

    private = not _chosen_dir(args.sessions_dir)
    return SessionsDir(sessions_dir_path(args.sessions_dir), private=private, create=create)


def _check_folder(args: argparse.Namespace) -> None:
    """Before the screen starts: the sessions folder exists and (the default one) is this user's alone.
    Light on purpose (no models): the first frame comes before pydantic is imported."""
    from .store.places import open_folder

    open_folder(sessions_dir_path(args.sessions_dir), private=not _chosen_dir(args.sessions_dir))


def _resolve(args: argparse.Namespace, *, create: bool = True) -> Path:
    return _sessions(args, create=create).resolve(args.doel)


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
        private=not _chosen_dir(args.sessions_dir),
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
    _check_folder(args)
    return _run_app(args, None)


def cmd_demo(args: argparse.Namespace) -> int:
    """A fresh copy of the demo session, made once the app's first frame is on the screen."""
    _need_terminal()
    _check_folder(args)
    return _run_app(args, None, demo=True)


def cmd_new(args: argparse.Namespace) -> int:
    from .domain.builtin import new_session
    from .domain.hygiene import clean_line

    if not args.niet_openen:
        _need_terminal()
    naam = clean_line(args.naam)
    if not naam:
        raise UserError(T.ONTBREEKT.format(wat="NAAM"))
    path = _sessions(args).create(new_session(naam, clean_line(args.gemeente)))
    say(T.GEMAAKT.format(pad=path))
    if args.niet_openen:
        return 0
    return _run_app(args, path)


def cmd_open(args: argparse.Namespace) -> int:
    if args.step is not None and args.step not in STEP_KEYS:
        raise UserError(T.STAP_ONBEKEND.format(stap=args.step, stappen=", ".join(STEP_KEYS)))
    path = _resolve(args)
    _refuse_other_kinds(path)
    return _run_app(args, path, args.step)


def cmd_present(args: argparse.Namespace) -> int:
    path = _resolve(args, create=False)
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


def cmd_meekijken(args: argparse.Namespace) -> int:
    """Serve the room's screen, read-only, to browsers behind an unguessable link."""
    import io

    import qrcode

    from .web.meekijken import MeekijkServer, free_port, present_command

    path = _resolve(args, create=False)
    _read_for_export(args)  # a clear message now for a file that is not a session
    try:
        port = args.port or free_port(args.host)
        server = MeekijkServer(present_command(path, args.theme), args.host, port, T.MEEKIJKEN_TITEL)
    except OSError:
        raise UserError(T.MEEKIJKEN_ADRES_FOUT.format(adres=args.host)) from None
    qr = qrcode.QRCode(border=2)
    qr.add_data(server.url)
    picture = io.StringIO()
    qr.print_ascii(out=picture, invert=True)
    say(T.MEEKIJKEN_LINK.format(url=server.url))
    print(picture.getvalue(), flush=True)
    say(T.MEEKIJKEN_STOP)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        say(T.MEEKIJKEN_NETWERK.format(adres=args.host))
    try:
        server.serve()
    except OSError:
        raise UserError(T.MEEKIJKEN_ADRES_FOUT.format(adres=args.host)) from None
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    sessions = _sessions(args, create=False)
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
        result = import_session(Path(args.bestand), _sessions(args), clean_line(args.naam) if args.naam else None)
    except ImportError_ as exc:
        raise UserError(str(exc)) from None
    say(T.GEIMPORTEERD.format(naam=result.session.naam, pad=result.path))
    for notice in result.notices:
        say(notice)
    return 0


def _export_target(args: argparse.Namespace, source: Path):
    """The checked place for ``-o`` (see ``store.targets``); an existing file only with
    ``--overwrite`` or after a yes on a terminal."""
    from .store.targets import check_export_target

    target = check_export_target(args.output, _sessions(args, create=False), source)
    if target.exists and not args.overwrite:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise UserError(T.EXPORT_BESTAAT.format(pad=target.path))
        print(_safe(T.EXPORT_VRAAG.format(pad=target.path)), end="", file=sys.stderr, flush=True)
        if sys.stdin.readline().strip().lower() not in T.JA:
            raise UserError(T.EXPORT_NIETS_GESCHREVEN)
    return target


def _why(exc: OSError) -> str:
    """Why a file given on the command line could not be written, in Dutch."""
    from .store.codes import Failure, failure_of
    from .teksten.store import write_failure

    failure = failure_of(exc)
    return T.MAP_ONTBREEKT if failure is Failure.FOLDER_GONE else write_failure(failure)


def cmd_export(args: argparse.Namespace) -> int:
    from .store.atomic import atomic_write_bytes

    source, read = _read_for_export(args)
    data = _export_bytes(args, read.session)
    if args.output:
        target = _export_target(args, source)
        try:
            atomic_write_bytes(target.path, data, mode=target.mode)
        except OSError as exc:
            raise UserError(T.SCHRIJVEN_MISLUKT.format(pad=args.output, detail=_why(exc))) from None
        say(T.GESCHREVEN.format(pad=args.output), file=sys.stderr)
    else:
        # To a terminal: cleaned like every other line (the texts are clean already; this is a net).
        if sys.stdout.isatty():
            sys.stdout.write(_safe(data.decode("utf-8")))
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .store.codes import ReadOnly

    path, opened = _read_for_export(args)
    s = opened.session
    say(T.IN_ORDE.format(pad=path, naam=s.naam, n=len(s.kaarten), versie=s.schema_version))
    for notice in opened.notices:
        say(notice)
    # check opens read-only on purpose; only a reason beyond that (a newer Atelier) is a finding.
    if opened.read_only_code not in (None, ReadOnly.ASKED):
        say(T.ALLEEN_LEZEN.format(reden=opened.read_only_reason))
    _print_verslag_gaps(s)
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
