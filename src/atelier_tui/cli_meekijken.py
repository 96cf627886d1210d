"""``atelier meekijken``: the room's screen, read-only, in a browser behind an unguessable link."""

from __future__ import annotations

import argparse

from .cli_base import UserError, resolve_target, say
from .cli_export import read_for_export
from .teksten import cli as T


def cmd_meekijken(args: argparse.Namespace) -> int:
    """Serve the room's screen, read-only, to browsers behind an unguessable link."""
    import io

    import qrcode

    from .web.meekijken import MeekijkServer, free_port, present_command

    path = resolve_target(args, create=False)
    read_for_export(args)  # a clear message now for a file that is not a session
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
