"""Lint an OpenAPI document with Redocly CLI and fail on any problem, warnings included.

`redocly lint` exits 0 when it finds only warnings; this project allows
neither errors nor warnings, so this runs it with JSON output, prints each
problem as `file:line:col severity rule message`, and decides the exit status.

Usage: python -m scripts.lint_spec [SPEC]   (default: openapi.yaml)
Exit status: 0 with no problems, 1 with any, 2 when Redocly could not run.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from .redocly import RedoclyFailed, run_redocly


def lint_report(spec: str) -> dict[str, Any]:
    """Redocly's JSON report for the spec, or ValueError naming why there is none."""
    # lint exits 1 when it finds errors, with the report on stdout all the same
    result = run_redocly("lint", "--format=json", "--max-problems=1000", spec)
    try:
        report: dict[str, Any] = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise ValueError(
            f"redocly gave no report (exit {result.returncode}): {result.stderr.strip()[-2000:]}"
        ) from None
    return report


def describe(problem: dict[str, Any]) -> str:
    """One line for one problem, located by line and column when Redocly gives them."""
    location = problem["location"][0] if problem.get("location") else {}
    source = location.get("source", {}).get("ref", "?")
    start = location.get("start", {})
    where = f"{source}:{start.get('line', '?')}:{start.get('col', '?')}"
    pointer = location.get("pointer", "")
    return f"{where} {problem['severity']} {problem['ruleId']}: {problem['message']} ({pointer})"


def main(argv: list[str]) -> int:
    spec = argv[1] if len(argv) > 1 else "openapi.yaml"
    try:
        report = lint_report(spec)
    except (RedoclyFailed, ValueError) as error:
        print(f"lint: {error}", file=sys.stderr)
        return 2
    for problem in report.get("problems", []):
        print(describe(problem), file=sys.stderr)
    totals = report["totals"]
    print(f"lint: {spec}: {totals['errors']} errors, {totals['warnings']} warnings (Redocly {report.get('version')})")
    return 1 if totals["errors"] or totals["warnings"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
