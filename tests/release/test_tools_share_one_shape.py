"""Every tool in scripts/ has one main() shape, and its errors carry their exit status (scripts/tool.py).

main(argv) parses the arguments and returns run(name, work): the work returns
what to say or raises a ToolError subclass, so no main() maps an exception
to an exit status by hand, and only scripts/tool.py writes to stdout or stderr.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from scripts import redocly, release_spec
from scripts.portal.state import Refused
from scripts.tool import BadInput, ToolError, run
from support import ROOT, write_spec

SCRIPTS = ROOT / "scripts"
MODULES = sorted(path for path in SCRIPTS.rglob("*.py") if path.name != "__init__.py")


def tree(module: Path) -> ast.Module:
    return ast.parse(module.read_text(encoding="utf-8"), filename=str(module))


def main_of(module: Path) -> ast.FunctionDef | None:
    return next((node for node in tree(module).body if isinstance(node, ast.FunctionDef) and node.name == "main"), None)


def runs_as_a_command(module: Path) -> bool:
    return any(
        isinstance(node, ast.If) and "__name__" in ast.unparse(node.test) and "__main__" in ast.unparse(node.test)
        for node in tree(module).body
    )


TOOLS = [module for module in MODULES if main_of(module) is not None]
COMMANDS = [module for module in MODULES if runs_as_a_command(module)]


def shown(module: Path) -> str:
    return str(module.relative_to(ROOT))


@pytest.mark.parametrize("module", TOOLS, ids=shown)
class TestEveryMain:
    def test_takes_argv_and_returns_what_run_returns(self, module: Path) -> None:
        main = main_of(module)
        assert main is not None

        assert [argument.arg for argument in main.args.args] == ["argv"]
        last = main.body[-1]
        assert isinstance(last, ast.Return) and isinstance(last.value, ast.Call), ast.unparse(last)
        assert ast.unparse(last.value.func) == "run", f"{shown(module)}: main() ends in {ast.unparse(last)}"

    def test_maps_no_exception_and_prints_nothing_itself(self, module: Path) -> None:
        main = main_of(module)
        assert main is not None

        assert not [node for node in ast.walk(main) if isinstance(node, ast.Try)], f"{shown(module)}: try in main()"
        assert "print(" not in ast.unparse(main)

    def test_gives_run_the_tool_from_scripts_tool(self, module: Path) -> None:
        imports = [node for node in tree(module).body if isinstance(node, ast.ImportFrom)]

        assert any(node.module == "tool" and "run" in [alias.name for alias in node.names] for node in imports)


@pytest.mark.parametrize("module", COMMANDS, ids=shown)
def test_every_command_exits_with_what_main_returns(module: Path) -> None:
    block = next(node for node in tree(module).body if isinstance(node, ast.If) and "__main__" in ast.unparse(node))

    assert [ast.unparse(statement) for statement in block.body] == ["sys.exit(main(sys.argv))"]
    assert module in TOOLS or "from .portal.cli import main" in module.read_text(encoding="utf-8")


@pytest.mark.parametrize("module", [module for module in MODULES if module != SCRIPTS / "tool.py"], ids=shown)
def test_only_scripts_tool_writes_to_stdout_or_stderr(module: Path) -> None:
    source = ast.unparse(tree(module))

    assert "print(" not in source and "sys.stderr" not in source and "sys.stdout" not in source, shown(module)


def test_every_tool_the_makefile_runs_is_on_the_one_shape() -> None:
    """The Makefile's `python -m scripts.X` are all commands checked above (a new tool cannot slip past)."""
    run_by_make = set(re.findall(r"-m scripts\.(\w+)", (ROOT / "Makefile").read_text(encoding="utf-8")))

    assert run_by_make, "the Makefile runs no scripts.X: the test reads the wrong file"
    assert run_by_make <= {module.stem for module in COMMANDS}, run_by_make - {module.stem for module in COMMANDS}


class TestRun:
    def test_says_a_tool_error_on_stderr_with_its_heading_and_gives_its_exit_status(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        def work() -> str:
            raise Refused("version 1.0.0 is already published")

        assert run("publish", work) == 1
        assert capsys.readouterr() == ("", "publish: refused: version 1.0.0 is already published\n")

    def test_gives_2_for_bad_input_and_says_success_on_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        def bad() -> str:
            raise BadInput("dist lacks openapi.json")

        assert run("publish", bad) == 2
        assert run("publish", lambda: "published 1.0.0") == 0
        assert capsys.readouterr() == ("publish: published 1.0.0\n", "publish: dist lacks openapi.json\n")

    def test_lets_what_is_not_a_tool_error_keep_its_traceback(self) -> None:
        def bug() -> str:
            raise KeyError("info")

        with pytest.raises(KeyError):
            run("publish", bug)

    def test_says_each_of_several_messages_with_the_tools_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        class Disagree(ToolError):
            heading = "FAIL"

        def disagree() -> list[str]:
            raise Disagree(["1.0.0 is not recorded", "1.1.0 is dated twice"])

        assert run("check-releases", lambda: ["base is 1.0.0", "OK: 0 breaking"]) == 0
        assert run("check-releases", disagree) == 1
        assert capsys.readouterr() == (
            "check-releases: base is 1.0.0\ncheck-releases: OK: 0 breaking\n",
            "check-releases: FAIL: 1.0.0 is not recorded\ncheck-releases: 1.1.0 is dated twice\n",
        )

    def test_names_a_message_over_several_lines_once(self, capsys: pytest.CaptureFixture[str]) -> None:
        def drift() -> str:
            raise ToolError("generated/ differs:\n-old line\n+new line")

        assert run("check-generated", drift) == 1
        assert capsys.readouterr().err == "check-generated: generated/ differs:\n-old line\n+new line\n"

    def test_says_nothing_for_no_messages(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run("consumers", lambda: []) == 0
        assert capsys.readouterr() == ("", "")

    def test_says_lines_as_they_are_when_they_start_with_their_place(self, capsys: pytest.CaptureFixture[str]) -> None:
        def problems() -> str:
            raise ToolError(["openapi.yaml:12: #/info: no title", "openapi.yaml: 1 problem(s)"])

        assert run("validate", problems, prefixed=False) == 1
        assert run("validate", lambda: "openapi.yaml: valid", prefixed=False) == 0
        assert capsys.readouterr() == (
            "openapi.yaml: valid\n",
            "openapi.yaml:12: #/info: no title\nopenapi.yaml: 1 problem(s)\n",
        )

    def test_gives_the_exit_status_an_error_was_raised_with(self, capsys: pytest.CaptureFixture[str]) -> None:
        def passed_through() -> str:
            raise BadInput("lint failed (exit 3)", exit_status=3)

        assert run("redocly", passed_through) == 3
        assert BadInput("other").exit_status == 2, "the class's own status stays"
        assert capsys.readouterr().err == "redocly: lint failed (exit 3)\n"


class TestAToolError:
    def test_reads_as_what_it_says(self) -> None:
        error = Refused(["1.0.0 is published with other bytes", "the portal still shows 1.0.0"])

        assert str(error) == "refused: 1.0.0 is published with other bytes\nthe portal still shows 1.0.0"
        assert error.exit_status == 1

    def test_of_a_tool_that_cannot_read_a_file_names_it_and_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        unreadable = tmp_path / "CHANGELOG.md"
        unreadable.write_bytes(b"# Changelog\n\xff\n")  # not UTF-8
        argv = ["release_spec", "--releases", str(tmp_path / "releases"), "--changelog", str(unreadable)]

        assert release_spec.main(argv) == 2
        assert capsys.readouterr().err == (
            f"release-spec: cannot read {unreadable}: 'utf-8' codec can't decode byte 0xff in position 12:"
            " invalid start byte\n"
        )
        assert not (tmp_path / "releases").exists()


class TestAToolThatPassesAnotherProgramThrough:
    def test_gives_its_exit_status_and_its_words_under_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        spec = write_spec(tmp_path, {"openapi": "3.1.0", "info": {"title": "x", "version": "1.0.0"}, "paths": {}})

        status = redocly.main(["redocly", "lint", str(spec)])

        captured = capsys.readouterr()
        assert status == 1  # Redocly's own: problems found
        assert captured.out == ""
        assert captured.err.startswith("redocly: lint failed (exit 1):\n")
        assert "info-license" in captured.err  # Redocly's own words, whole

    def test_without_a_command_says_its_usage_and_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert redocly.main(["redocly"]) == 2
        assert capsys.readouterr() == ("", "redocly: usage: python -m scripts.redocly COMMAND [ARGS...]\n")
