"""Build the generated client as a wheel and an sdist in dist/package/: versioned from the spec, reproducible, checked.

- The version is the spec's info.version; generated/pyproject.toml must say the same (else `make generate`).
- Reproducible: the same generated/ gives the same bytes. SOURCE_DATE_EPOCH is the time of the
  last commit that changed generated/ (the build backend stamps every archive entry with it),
  and the backend is the pinned pdm-backend from requirements.lock (`build --no-isolation`),
  not whatever version an isolated build would download.
- Only the package: it is built from a copy of generated/ without caches (__pycache__, .mypy_cache ...)
  or tests, and the archives are checked for them, and by `twine check --strict`.

Usage: python -m scripts.package [--out DIR]
The archives replace what --out held in one folder swap: killed, it holds one build's archives, old or new.
Exit status: 0 built; 1 the build, the content check or twine check failed; 2 bad input (--out holds other files).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from pathlib import Path

from .safe_write import staged_swap
from .spec import load_spec
from .tool import BadInput, ToolError, run

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
NOT_SHIPPED = ("__pycache__", "*.pyc", ".*cache", ".hypothesis", "tests", "test_*.py", ".coverage")
# What `out` may hold: the archives, and the Makefile's stamp of a finished build.
OURS = (".whl", ".tar.gz", ".built")
# When generated/ has no commit (an export, not a checkout): the earliest time a zip file can hold.
FALLBACK_EPOCH = 315532800


class BuildFailed(ToolError):
    """The build, the content check or twine check failed; the message says which and why (exit 1)."""


def source_date_epoch() -> int:
    """The time of the last commit that changed generated/: the same sources give the same timestamps."""
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", "generated"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    return int(result.stdout.strip() or FALLBACK_EPOCH)


def members(archive: Path) -> list[str]:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            return wheel.namelist()
    with tarfile.open(archive) as sdist:
        return sdist.getnames()


def unwanted(names: list[str]) -> list[str]:
    """Members that are caches or tests: they must not ship."""
    return [
        name
        for name in names
        if any(
            part in ("__pycache__", "tests", ".mypy_cache", ".ruff_cache", ".pytest_cache") for part in name.split("/")
        )
        or name.endswith(".pyc")
    ]


def normalize_gzip(sdist: Path, epoch: int) -> None:
    """Rewrite the sdist's gzip header with a fixed time and no file name.

    pdm-backend stamps the tar entries with SOURCE_DATE_EPOCH but opens the archive with
    tarfile's "w:gz", whose gzip header carries the current time (gzip.GzipFile's default
    mtime), so two builds of the same sources differ in bytes 4 to 7.
    """
    tar = gzip.decompress(sdist.read_bytes())
    with open(sdist, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch) as packed:
        packed.write(tar)


def step(command: list[str], what: str, env: dict[str, str] | None = None) -> None:
    """Run one step of the build; BuildFailed with its whole output when it fails."""
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env, timeout=300)
    if result.returncode != 0:
        raise BuildFailed(f"{what} failed:\n{result.stdout}{result.stderr}".rstrip())


def build(out: Path) -> list[Path]:
    """Build the wheel and the sdist into `out`; return them."""
    try:
        version = str(load_spec(ROOT / "openapi.yaml")["info"]["version"])
    except ValueError as error:  # the top level is not a mapping
        raise BadInput(str(error)) from None
    declared = tomllib.loads((GENERATED / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    if declared != version:
        raise BadInput(f"generated/pyproject.toml says {declared} but openapi.yaml says {version}: run `make generate`")
    epoch = source_date_epoch()
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory(prefix="package-") as scratch:
        source, built = Path(scratch) / "onlyoffice-crm-client", Path(scratch) / "out"
        shutil.copytree(GENERATED, source, ignore=shutil.ignore_patterns(*NOT_SHIPPED))
        # Without flags, build makes the sdist and then the wheel from it: the sdist is proven complete.
        step([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(built), str(source)], "build", env)
        archives = sorted(built.iterdir())
        for sdist in built.glob("*.tar.gz"):
            normalize_gzip(sdist, epoch)
        for archive in archives:
            if bad := unwanted(members(archive)):
                raise BuildFailed(f"{archive.name} holds caches or tests: {', '.join(bad)}")
        step([sys.executable, "-m", "twine", "check", "--strict", *map(str, archives)], "twine check")
        return install(archives, out)


def install(archives: list[Path], out: Path) -> list[Path]:
    """Put `archives` in `out` in place of what it held, by one folder swap (scripts/safe_write.py).

    Killed at any point, `out` holds the old archives or the new ones, never a wheel of one build beside
    the sdist of another, which `make publish-package` would upload together.
    """
    if others := sorted(path.name for path in out.glob("*") if not path.name.endswith(OURS)):
        raise BadInput(f"{out} holds other files ({', '.join(others)}): give the archives a folder of their own")
    with staged_swap(out) as staging:  # two builds at once take turns there; a killed one's staging is removed
        for archive in archives:
            shutil.copyfile(archive, staging / archive.name)
    return [out / archive.name for archive in archives]


def package(out: Path) -> str:
    """Build into `out` and say what was written."""
    return f"wrote {', '.join(str(archive) for archive in build(out))} (twine check passed)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "package", help="default: dist/package")
    args = parser.parse_args(argv[1:])
    return run("package", lambda: package(args.out))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
