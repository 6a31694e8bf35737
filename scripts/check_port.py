"""Say in one line when a port on 127.0.0.1 is taken, before a server (`make mock`) tries it.

Prism, started on a busy port, prints its whole usage (25 lines) before the
reason; `make mock` runs this first so the reason is the only line.

Usage: python -m scripts.check_port PORT
Exit status: 0 when the port is free, 1 when something listens on it, 2 when
PORT is not a port number.
"""

from __future__ import annotations

import errno
import socket
import sys

from .loopback import HOST


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


def main(argv: list[str]) -> int:
    try:
        port = int(argv[1])
        if not 0 < port < 65536:
            raise ValueError
    except (IndexError, ValueError):
        print(f"usage: python -m scripts.check_port PORT (1-65535), not {' '.join(argv[1:])!r}", file=sys.stderr)
        return 2
    problem = port_problem(port)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
