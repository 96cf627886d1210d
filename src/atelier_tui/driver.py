"""A terminal driver that notices when the connection is gone.

Textual's Linux driver keeps polling a terminal whose input has closed (an SSH connection that
dropped without a hang-up signal, or input from /dev/null) and then spins at full CPU. This
driver stops reading at end of input and asks the app to save and close. It follows the input
loop of the pinned Textual version (see pyproject.toml).

Keys typed before the app put the terminal in raw mode (over SSH, right after the command) were
taken in by the terminal in its line mode, which turns Enter into a line feed (Ctrl+J). In what was
waiting when the input loop starts, a line feed is read as the Enter it was.
"""

from __future__ import annotations

import fcntl
import os
import selectors
import struct
import termios
import tty
from codecs import getincrementaldecoder

from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver


def typed_ahead(fileno: int, attrs_before: list | None) -> int:
    """How many bytes wait on the terminal that it took in while in line mode with CR-to-LF (0 if none)."""
    if attrs_before is None or not (
        attrs_before[tty.LFLAG] & termios.ICANON and attrs_before[tty.IFLAG] & termios.ICRNL
    ):
        return 0
    try:
        return struct.unpack("i", fcntl.ioctl(fileno, termios.FIONREAD, b"\0\0\0\0"))[0]
    except OSError:
        return 0


class AtelierDriver(LinuxDriver):
    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        ahead = typed_ahead(self.fileno, self.attrs_before)
        try:
            while not self.exit_event.is_set():
                for _key, mask in selector.select(0.1):
                    if not mask & selectors.EVENT_READ:
                        continue
                    try:
                        data = os.read(self.fileno, 4096)
                    except OSError:  # EIO: the terminal is gone
                        data = b""
                    if not data:
                        self._app.call_later(self._app.connection_lost)
                        return
                    if ahead > 0:  # typed before raw mode: its line feeds were Enter
                        data, ahead = data[:ahead].replace(b"\n", b"\r") + data[ahead:], ahead - len(data)
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
