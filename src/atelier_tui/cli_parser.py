"""The arguments of ``atelier``, with Dutch help and Dutch errors (argparse speaks English)."""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

from .cli_base import EXIT_GEBRUIK, safe
from .domain.steps import STEP_KEYS
from .teksten import cli as T
from .teksten import cli_export as TE


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse asks with prefix "" for the name of a subcommand ("atelier demo"): only the
        # usage line itself gets the Dutch word, once.
        return super().add_usage(usage, actions, groups, T.GEBRUIK if prefix is None else prefix)


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
        self.exit(EXIT_GEBRUIK, safe(T.FOUT.format(bericht=text)) + "\n")


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
