"""``atelier export`` and ``atelier check``: a session's documents to a file or the screen, a file checked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_base import UserError, resolve_target, safe, say, sessions_folder
from .teksten import cli as T
from .teksten import cli_export as TE


def read_for_export(args: argparse.Namespace):
    """A session file or an exported session (also the packaged demo), read only."""
    from .store.kinds import NotASession, file_kind, read_session

    given = Path(args.doel).expanduser()
    if given.is_file() and file_kind(given) != "sessiebestand":
        path = given
    else:
        path = resolve_target(args, create=False)
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


def _print_verslag_gaps(session) -> None:
    from .export import verslag_gaps

    gaps = verslag_gaps(session)
    if gaps:
        say(TE.VERSLAG_MIST)
        for gap in gaps:
            say(f"- {gap}")
    else:
        say(TE.VERSLAG_COMPLEET)


def _export_target(args: argparse.Namespace, source: Path):
    """The checked place for ``-o`` (see ``store.targets``); an existing file only with
    ``--overwrite`` or after a yes on a terminal."""
    from .store.targets import check_export_target

    target = check_export_target(args.output, sessions_folder(args, create=False), source)
    if target.exists and not args.overwrite:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise UserError(T.EXPORT_BESTAAT.format(pad=target.path))
        print(safe(T.EXPORT_VRAAG.format(pad=target.path)), end="", file=sys.stderr, flush=True)
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

    source, read = read_for_export(args)
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
            sys.stdout.write(safe(data.decode("utf-8")))
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .store.codes import ReadOnly

    path, opened = read_for_export(args)
    s = opened.session
    say(T.IN_ORDE.format(pad=path, naam=s.naam, n=len(s.kaarten), versie=s.schema_version))
    for notice in opened.notices:
        say(notice)
    # check opens read-only on purpose; only a reason beyond that (a newer Atelier) is a finding.
    if opened.read_only_code not in (None, ReadOnly.ASKED):
        say(T.ALLEEN_LEZEN.format(reden=opened.read_only_reason))
    _print_verslag_gaps(s)
    return 0
