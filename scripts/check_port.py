"""Say in one line when a port on 127.0.0.1 is taken, before a server (`make mock`) tries it.

Prism, started on a busy port, prints its whole usage (25 lines) before the
reason; `make mock` runs this first so the reason is the only line.

Usage: python -m scripts.check_port PORT
Exit status: 0 when the port is free, 1 when something listens on it, 2 when
PORT is not a port number. Its lines start with the address, not its name.
"""

from __future__ import annotations

import errno
import socket
import sys

from .loopback import HOST
from .tool import BadInput, ToolError, run


class PortTaken(ToolError):
    """Something listens on the port, or it cannot be listened on (exit 1)."""


def port_problem(port: int) -> str | None:
    """Why a server cannot listen on HOST:`port`, or None when it can."""
    with socket.socket() as probe:
        # Node (and so Prism) listens with SO_REUSEADDR: a port held only by closed connections is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return f"{HOST}:{port} is already in use: stop what listens there, or choose another port"
            return f"{HOST}:{port} cannot be listened on: {error.strerror}"
    return None


def free(port: int) -> str:
    problem = port_problem(port)
    if problem:
        raise PortTaken(problem)
    return f"{HOST}:{port} is free"


def port_number(argv: list[str]) -> int:
    try:
        port = int(argv[1])
        if not 0 < port < 65536:
            raise ValueError
    except (IndexError, ValueError):
        raise BadInput(f"usage: python -m scripts.check_port PORT (1-65535), not {' '.join(argv[1:])!r}") from None
    return port


def main(argv: list[str]) -> int:
    return run("check-port", lambda: free(port_number(argv)), prefixed=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
