"""What every tool in scripts/ shares: an error that carries its exit status, and one shape of main().

click's pattern (click.exceptions.ClickException.exit_code): the exception says
how the process ends, so main() maps nothing by hand. A tool's main() parses
its arguments and hands the work to `run`, named after its make target:

    def main(argv: list[str]) -> int:
        args = parser.parse_args(argv[1:])
        return run("publish", lambda: publish(args.dist, args.portal))

The work returns what to say on success (stdout, exit 0) or raises a
ToolError subclass: what it says goes to stderr, and its exit_status ends
the process. Anything else is a bug and keeps its traceback.

What is said is one message or a list of them (`Said`): each message is
prefixed with the tool's name (`breaking: OK: ...`), and may go on over
several lines that are not (a diff, a table, another program's output
quoted under the line that says what it is). An empty list says nothing.
A tool whose every line starts with the place it is about, or whose output
is a document, passes `prefixed=False`: validate's `openapi.yaml:12:
#/paths/...: ...` is the file:line form editors and CI annotations jump to,
check_port's `127.0.0.1:4010 is already in use` is the one line `make mock`
shows, gate_rules prints the Markdown table docs/maintaining.md holds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

Said = str | list[str]


def messages(said: Said) -> list[str]:
    return [said] if isinstance(said, str) else list(said)


class ToolError(Exception):
    """A failure the user can act on; subclasses set exit_status and, if they like, a heading ("refused").

    It says one message or several (`Said`); the heading goes before the first. A tool
    that passes another program's verdict through gives that program's exit status
    (`exit_status=`), which then wins over the class's.
    """

    exit_status = 1
    heading = ""

    def __init__(self, said: Said, *, exit_status: int | None = None) -> None:
        self.said = messages(said)
        super().__init__("\n".join(self.said))
        if exit_status is not None:
            self.exit_status = exit_status

    def lines(self) -> list[str]:
        """The messages run says on stderr: the heading before the first."""
        first, *rest = self.said or [""]
        return [f"{self.heading}: {first}" if self.heading else first, *rest]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class BadInput(ToolError, ValueError):
    """The input cannot be used (unreadable, malformed, missing): exit 2."""

    exit_status = 2


def say(tool: str, said: list[str], stream: TextIO, prefixed: bool) -> None:
    for message in said:
        print(f"{tool}: {message}" if prefixed else message, file=stream)


def run(tool: str, work: Callable[[], Said], *, prefixed: bool = True) -> int:
    """Do the work and say what it says; a ToolError is said on stderr and gives the exit status.

    Each message is said as `tool: message`, or as it is with prefixed=False.
    """
    try:
        said = work()
    except ToolError as error:
        say(tool, error.lines(), sys.stderr, prefixed)
        return error.exit_status
    say(tool, messages(said), sys.stdout, prefixed)
    return 0
