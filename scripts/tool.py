"""What every tool in scripts/ shares: an error that carries its exit status, and one shape of main().

click's pattern (click.exceptions.ClickException.exit_code): the exception says
how the process ends, so main() maps nothing by hand. A tool's main() parses
its arguments and hands the work to `run`:

    def main(argv: list[str]) -> int:
        args = parser.parse_args(argv[1:])
        return run("publish", lambda: publish(args.dist, args.portal))

The work returns what to say on success (stdout, exit 0) or raises a
ToolError subclass: its message goes to stderr prefixed with the tool's
name and the error's heading, and its exit_status ends the process. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


class ToolError(Exception):
    """A failure the user can act on; subclasses set exit_status and, if they like, a heading ("refused")."""

    exit_status = 1
    heading = ""

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.heading}: {message}" if self.heading else message


class BadInput(ToolError, ValueError):
    """The input cannot be used (unreadable, malformed, missing): exit 2."""

    exit_status = 2


def run(tool: str, work: Callable[[], str]) -> int:
    """Do the work and say what it says; a ToolError is said on stderr and gives the exit status."""
    try:
        said = work()
    except ToolError as error:
        print(f"{tool}: {error}", file=sys.stderr)
        return error.exit_status
    print(f"{tool}: {said}")
    return 0
