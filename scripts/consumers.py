"""Check that the published spec builds in generators nobody here chose (`make consumers`).

Users publish dist/openapi.yaml and other teams generate clients from it at
their generators' defaults. This runs, offline, the consumers the third
edition was tried with and refuses the spec when one of them fails:

- spectral: Spectral's own `spectral:oas` ruleset (.spectral.yaml), with no
  error and no warning;
- python: openapi-generator's `python` client imports (every module);
- go: openapi-generator's `go` client builds with the standard library only
  (GOPROXY=off: no module is fetched);
- typescript-fetch: openapi-generator's `typescript-fetch` client compiles
  under strict `tsc` and sends no credential in a URL (no api key in the query);
- openapi-typescript: the types it writes compile under strict `tsc`.

The three openapi-generator clients come from one JVM (`batch`), and the
checks that follow run side by side. Each verdict is one line naming the
consumer; a refusal says what the consumer said, cut short, never a
traceback, and then every verdict goes to stderr. The programs it runs, and
how, are in scripts/consumer_tools.py, with Go's warm-up (`--warm-go`,
run by `make setup`).

Usage: python -m scripts.consumers [--spec FILE] [--only NAME[,NAME...]] | --warm-go
  (default: dist/openapi.yaml, every consumer)
Exit status: 0 every consumer accepts the spec, 1 a consumer refused it,
2 bad input (no spec, an unknown consumer) or a tool that cannot run (run `make setup`).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import node
from .consumer_tools import (
    MAX_LINE,
    NODE_BIN,
    ROOT,
    VENV_BIN,
    cut,
    finish,
    go_env,
    java_command,
    start,
    stop_all,
    tool,
    warm_go,
)
from .tool import BadInput, ToolError, run

SPECTRAL_RULESET = ROOT / ".spectral.yaml"
GENERATED_BY_OPENAPI_GENERATOR = ("python", "go", "typescript-fetch")
CONSUMERS = ("spectral", *GENERATED_BY_OPENAPI_GENERATOR, "openapi-typescript")
# typescript-fetch writes an api key the requirement lists `in: query` as a query parameter.
TOKEN_IN_URL = re.compile(r"queryParameters\[\"([^\"]+)\"\]\s*=\s*await this\.configuration\.apiKey\(")


class Refused(ToolError):
    """A consumer refused the spec (exit 1): every verdict, then who refused it."""


@dataclass
class Verdict:
    """What one consumer made of the spec: None when it accepted it, else why not."""

    consumer: str
    problem: str | None
    seconds: float

    def __str__(self) -> str:
        outcome = "accepts the spec" if self.problem is None else f"REFUSES the spec: {self.problem}"
        return f"{self.consumer}: {outcome} ({self.seconds:.1f} s)"


def write_batch_configs(spec: Path, work: Path, generators: Sequence[str]) -> list[Path]:
    """One openapi-generator config per generator: its defaults, no docs and no tests."""
    configs = []
    for name in generators:
        config = work / f"{name}.yaml"
        config.write_text(
            f"generatorName: {name}\ninputSpec: {spec}\noutputDir: {work / name}\n"
            "globalProperties:\n  apiDocs: 'false'\n  modelDocs: 'false'\n  apiTests: 'false'\n  modelTests: 'false'\n",
            encoding="utf-8",
        )
        configs.append(config)
    return configs


def tokens_in_urls(client: Path) -> list[str]:
    """`file:line (name)` for each place the typescript-fetch client puts a credential in the query string."""
    found = []
    for source in sorted(client.rglob("*.ts")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            match = TOKEN_IN_URL.search(line)
            if match:
                found.append(f"{source.relative_to(client)}:{number} ({match.group(1)})")
    return found


def python_error(traceback: str, client: Path) -> str:
    """The exception of a failed import and the generated file it is in, from Python's traceback."""
    lines = traceback.strip().splitlines() or ["(no output)"]
    files = re.findall(r'File "([^"]+)", line (\d+)', traceback)
    inside = [(path, line) for path, line in files if path.startswith(str(client))]
    where = f" ({Path(inside[-1][0]).relative_to(client)}:{inside[-1][1]})" if inside else ""
    return lines[-1].strip()[:MAX_LINE] + where


def tsc_config(work: Path, folders: Sequence[str]) -> Path:
    """A strict tsconfig for the TypeScript outputs, type-checked only (no emit)."""
    config = work / "tsconfig.json"
    include = ", ".join(f'"{folder}/**/*.ts"' for folder in folders)
    config.write_text(
        '{"compilerOptions": {"strict": true, "noEmit": true, "target": "ES2020", "lib": ["ES2020", "DOM"],'
        ' "module": "ES2020", "moduleResolution": "bundler", "types": []},'
        f' "include": [{include}]}}\n',
        encoding="utf-8",
    )
    return config


class Run:
    """One run of the selected consumers on one spec, in a scratch folder."""

    def __init__(self, spec: Path, work: Path, selected: Sequence[str]) -> None:
        self.spec, self.work, self.selected = spec, work, selected
        self.verdicts: dict[str, Verdict] = {}
        self.began = time.monotonic()

    def judge(self, consumer: str, problem: str | None) -> None:
        self.verdicts[consumer] = Verdict(consumer, problem, time.monotonic() - self.began)

    def go(self) -> list[Verdict]:
        wanted = set(self.selected)
        generators = [name for name in GENERATED_BY_OPENAPI_GENERATOR if name in wanted]
        spectral = self.start_spectral() if "spectral" in wanted else None
        types = self.start_openapi_typescript() if "openapi-typescript" in wanted else None
        generated = self.generate(generators) if generators else False
        builds = self.start_builds(generators) if generated else {}
        if spectral is not None:
            self.judge_spectral(spectral)
        types_written = types is not None and self.judge_types_written(types)
        fetch_built = generated and "typescript-fetch" in generators and "typescript-fetch" not in self.verdicts
        ts_folders = (["typescript-fetch"] if fetch_built else []) + (["types"] if types_written else [])
        tsc = (
            start(node.command(tool(NODE_BIN / "tsc"), "-p", str(tsc_config(self.work, ts_folders))), self.work)
            if ts_folders
            else None
        )
        for name, process in builds.items():
            self.judge_build(name, *finish(process))
        if tsc is not None:
            self.judge_tsc(ts_folders, *finish(tsc))
        return [self.verdicts[name] for name in CONSUMERS if name in self.verdicts]

    def start_spectral(self) -> subprocess.Popen[str]:
        return start(
            node.command(
                tool(NODE_BIN / "spectral"),
                "lint",
                "--ruleset",
                str(SPECTRAL_RULESET),
                "--fail-severity=warn",
                str(self.spec),
            ),
            self.work,
        )

    def judge_spectral(self, process: subprocess.Popen[str]) -> None:
        status, output = finish(process)
        problems = lambda line: bool(re.match(r"^\d+:\d+\s+(error|warning)", line))  # noqa: E731
        self.judge("spectral", None if status == 0 else f"spectral:oas reports: {cut(output, problems)}")

    def start_openapi_typescript(self) -> subprocess.Popen[str]:
        (self.work / "types").mkdir()
        output = self.work / "types" / "schema.d.ts"
        return start(node.command(tool(NODE_BIN / "openapi-typescript"), str(self.spec), "-o", str(output)), self.work)

    def judge_types_written(self, process: subprocess.Popen[str]) -> bool:
        status, output = finish(process)
        if status != 0:
            self.judge("openapi-typescript", f"writes no types: {cut(output)}")
        return status == 0

    def generate(self, generators: Sequence[str]) -> bool:
        """All the openapi-generator clients in one JVM; a failure refuses every one of them."""
        configs = write_batch_configs(self.spec, self.work, generators)
        status, output = finish(start([*java_command(), "batch", "--fail-fast", *map(str, configs)], self.work))
        if status != 0:
            errors = cut(output, lambda line: "ERROR" in line or "Exception" in line or "rror:" in line)
            for name in generators:
                self.judge(name, f"openapi-generator could not generate it: {errors}")
        return status == 0

    def start_builds(self, generators: Sequence[str]) -> dict[str, subprocess.Popen[str]]:
        builds = {}
        if "python" in generators:
            load = "import openapi_client, openapi_client.api, openapi_client.models"
            env = {**os.environ, "PYTHONPATH": str(self.work / "python"), "PYTHONDONTWRITEBYTECODE": "1"}
            builds["python"] = start([sys.executable, "-c", load], self.work, env)
        if "go" in generators:
            env = go_env(self.work / "gopath")
            builds["go"] = start([tool(VENV_BIN / "go"), "build", "./..."], self.work / "go", env)
        if "typescript-fetch" in generators:
            urls = tokens_in_urls(self.work / "typescript-fetch")
            if urls:
                self.judge("typescript-fetch", f"sends a credential in the URL at {', '.join(urls)}")
        return builds

    def judge_build(self, name: str, status: int, output: str) -> None:
        if status == 0:
            self.judge(name, None)
        elif name == "python":
            self.judge(name, f"the client does not import: {python_error(output, self.work / name)}")
        else:
            self.judge(name, f"the client does not build: {cut(output, lambda line: not line.startswith('#'))}")

    def judge_tsc(self, folders: Sequence[str], status: int, output: str) -> None:
        found = {folder: [line for line in output.splitlines() if line.startswith(f"{folder}/")] for folder in folders}
        # A failure no folder is named in (a bad tsconfig, a missing lib) is every checked folder's:
        # tsc compiled none of them.
        blame_all = status != 0 and not any(found.values())
        for folder, errors in found.items():
            consumer = "openapi-typescript" if folder == "types" else folder
            if blame_all:
                errors = output.splitlines()
            if errors:
                self.judge(consumer, f"does not compile under strict tsc: {cut(chr(10).join(errors))}")
            elif consumer not in self.verdicts:
                self.judge(consumer, None)


def verdicts(spec: Path, selected: Sequence[str]) -> list[Verdict]:
    with tempfile.TemporaryDirectory(prefix="consumers-") as scratch:
        try:
            return Run(spec.resolve(), Path(scratch), selected).go()
        finally:
            stop_all()


def check(spec: Path, only: str) -> list[str]:
    """Every selected consumer's verdict on the spec, one line each; Refused when one refuses it."""
    selected = [name.strip() for name in only.split(",") if name.strip()]
    unknown = sorted(set(selected) - set(CONSUMERS))
    if unknown or not selected:
        raise BadInput(f"unknown consumer {', '.join(unknown) or '(none)'}; choose from {', '.join(CONSUMERS)}")
    if not spec.is_file():
        raise BadInput(f"{spec}: no such spec (run `make bundle`)")
    found = verdicts(spec, selected)
    lines = [str(verdict) for verdict in found]
    refused = [verdict.consumer for verdict in found if verdict.problem is not None]
    if refused:
        raise Refused([*lines, f"{spec}: refused by {', '.join(refused)}"])
    return lines


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="consumers", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", type=Path, default=ROOT / "dist" / "openapi.yaml")
    parser.add_argument("--warm-go", action="store_true", help="only compile Go's standard library (make setup)")
    parser.add_argument(
        "--only", default=",".join(CONSUMERS), help=f"a comma-separated subset of {', '.join(CONSUMERS)}"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv[1:])
    return run("consumers", lambda: warm_go() if args.warm_go else check(args.spec, args.only))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
