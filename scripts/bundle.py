"""Bundle openapi.yaml into dist/openapi.yaml and dist/openapi.json, validated, atomically.

Redocly writes each bundle (one self-contained file, keys in the source's
order, so the same spec always gives the same bytes) into a scratch folder;
both are checked with scripts/validate.py; only then are they moved into
dist/ (scripts/safe_write.py: flushed, renamed). A spec that fails leaves dist/ as it was.

Usage: python -m scripts.bundle [--spec FILE] [--out DIR]   (default: openapi.yaml, dist)
Exit status: 0 when both bundles were written, 1 when bundling or validation failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .redocly import RedoclyFailed, redocly
from .safe_write import move_file
from .spec import ROOT, SPEC, load_spec
from .tool import ToolError, run
from .validate import spec_problems

BUNDLES = ("openapi.yaml", "openapi.json")


def bundle_into(spec: Path, folder: Path) -> list[Path]:
    """Write both bundles of `spec` into `folder`; raise ValueError naming what is wrong with them."""
    written = []
    for name in BUNDLES:
        target = folder / name
        redocly("bundle", str(spec), f"--output={target}")
        problems = spec_problems(load_spec(target))
        if problems:
            raise ValueError(f"{name} does not validate:\n" + "\n".join(problems))
        written.append(target)
    return written


def bundle(spec: Path, out: Path) -> str:
    """Bundle `spec` into `out`, both bundles validated first; ToolError (and `out` unchanged) when that fails."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".bundling-", dir=out) as scratch:
        try:
            written = bundle_into(spec, Path(scratch))
        except (RedoclyFailed, ValueError) as error:
            raise ToolError(f"{out} is unchanged: {error}") from None
        for path in written:
            move_file(path, out / path.name)
    return f"wrote {', '.join(str(out / name) for name in BUNDLES)}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the spec to bundle (default: openapi.yaml)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    args = parser.parse_args(argv[1:])
    return run("bundle", lambda: bundle(args.spec, args.out))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
