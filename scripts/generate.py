"""Regenerate the Python client in generated/ from openapi.yaml, atomically.

openapi-python-client writes into a fresh folder beside generated/; only when
it succeeds (with --fail-on-warning, so a skipped endpoint is a failure) does
that folder replace generated/, by rename (scripts/safe_write.py). A broken spec or config prints the
generator's own message and leaves generated/ exactly as it was.

The package's hand-written modules (handwritten/onlyoffice_crm_client/*.py)
are placed into the fresh folder before the swap, and so is the licence text
(handwritten/LICENSE, beside pyproject.toml, which names it), so generated/ is
always exactly what the inputs give and `make check-generated` covers them too.

The fresh folder is compared with generated/ by content, never by file
times: when they are the same, generated/ is left as it is (its files keep
their times, so nothing downstream rebuilds); when they differ in any byte,
a hand edit included, the fresh folder replaces it. So `make generate`
always regenerates, and "nothing to do" never hides a drift.

Usage: python -m scripts.generate [--output DIR]
Exit status: 0 when generated/ is what the inputs give (replaced, or already
so), 1 when generation failed.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .safe_write import swap_folder
from .spec import ROOT, SPEC
from .tool import ToolError, run

CONFIG = ROOT / "generator-config.yml"
TEMPLATES = ROOT / "templates"
HANDWRITTEN = ROOT / "handwritten"
LICENSE = HANDWRITTEN / "LICENSE"  # the standard Apache-2.0 text: the spec's info.license
PACKAGE = "onlyoffice_crm_client"
OUTPUT = ROOT / "generated"
# Written into generated/ by tools, not by the generator: never compared.
IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache"}


class GenerationFailed(ToolError):
    """openapi-python-client exited non-zero (GeneratorExited), or a hand-written module clashed."""


class GeneratorExited(GenerationFailed):
    """openapi-python-client exited non-zero; the message is its own output."""


def generate_into(target: Path, spec: Path = SPEC) -> None:
    """Run the generator on `spec`, writing the client distribution to `target` (which must not exist)."""
    bin_dir = Path(sys.executable).parent
    # The post hooks call `ruff`: make it the venv's pinned one.
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        f"--path={spec}",
        f"--config={CONFIG}",
        f"--custom-template-path={TEMPLATES}",
        f"--output-path={target}",
        "--meta=pdm",
        "--fail-on-warning",
    ]
    # A crash (a template that stops generation, a generator bug) prints a plain traceback, not typer's boxed one.
    env["TYPER_STANDARD_TRACEBACK"] = "1"
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise GeneratorExited(_without_traceback((result.stdout + result.stderr).strip()))
    place_handwritten(target / PACKAGE)
    shutil.copyfile(LICENSE, target / LICENSE.name)


def _without_traceback(output: str) -> str:
    """The generator's output; a crash's traceback cut to where it happened and the exception, which say what is wrong.

    templates/model.py.jinja stops generation this way on a property it cannot check (its json_test).
    """
    if "Traceback (most recent call last):" not in output:
        return output
    lines = output.splitlines()
    frames = [match for line in lines if (match := re.match(r'\s*File "(.+)", line (\d+)', line))]
    if not frames:
        return lines[-1]
    path = Path(frames[-1][1])
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{where}:{frames[-1][2]}: {lines[-1]}"


def place_handwritten(package: Path) -> None:
    """Copy the hand-written modules into the generated package; none may replace a generated file."""
    source = HANDWRITTEN / PACKAGE
    for module in sorted(source.rglob("*.py")):
        destination = package / module.relative_to(source)
        if destination.exists():
            where = module.relative_to(ROOT)
            raise GenerationFailed(f"{where}: would replace the generated {destination.relative_to(package.parent)}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(module, destination)


def files_under(folder: Path) -> set[Path]:
    """Relative paths of the files under a folder, caches left out."""
    return {
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file() and not IGNORED_PARTS & set(path.relative_to(folder).parts)
    }


def differences(expected: Path, actual: Path) -> Iterator[str]:
    """Lines describing how `actual` differs from `expected`, by content: missing and extra files, a unified diff."""
    expected_files, actual_files = files_under(expected), files_under(actual)
    for missing in sorted(expected_files - actual_files):
        yield f"missing: {actual.name}/{missing}"
    for extra in sorted(actual_files - expected_files):
        yield f"not generated (extra): {actual.name}/{extra}"
    for common in sorted(expected_files & actual_files):
        want = (expected / common).read_text(encoding="utf-8").splitlines(keepends=True)
        have = (actual / common).read_text(encoding="utf-8").splitlines(keepends=True)
        if want != have:
            name = f"{actual.name}/{common}"
            yield from (
                line.rstrip("\n")
                for line in difflib.unified_diff(have, want, f"{name} (committed)", f"{name} (from spec)")
            )


def generate(output: Path) -> str:
    """Make `output` what the inputs generate, by content; GenerationFailed (and `output` unchanged) when that fails."""
    with tempfile.TemporaryDirectory(prefix=".generating-", dir=output.parent) as scratch:
        fresh = Path(scratch) / output.name
        try:
            generate_into(fresh)
        except GeneratorExited as error:
            raise GenerationFailed(f"openapi-python-client failed; {output} is unchanged.\n{error}") from None
        except GenerationFailed as error:
            raise GenerationFailed(f"{output} is unchanged: {error}") from None
        if output.is_dir() and next(differences(fresh, output), None) is None:
            return f"{output} already is what the inputs generate (compared by content); left as it was"
        swap_folder(fresh, output)
    return f"{output} regenerated from {SPEC.name}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="folder to replace (default: generated/)")
    output: Path = parser.parse_args(argv[1:]).output.resolve()
    return run("generate", lambda: generate(output))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
