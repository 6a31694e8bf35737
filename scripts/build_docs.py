"""Build dist/index.html: a self-contained reference page of the bundled spec.

Redocly's `build-docs --inlineBundle` embeds Redoc in the page, so it renders
with no network (without the flag it loads Redoc from a CDN). The page is
written aside and renamed into place.

Usage: python -m scripts.build_docs [--spec FILE] [--out FILE]
Exit status: 0 when the page was written, 1 when Redocly failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .redocly import ROOT, RedoclyFailed, redocly
from .spec import load_spec


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--spec", type=Path, default=ROOT / "dist" / "openapi.yaml", help="bundled spec (default: dist/openapi.yaml)"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "dist" / "index.html", help="page to write (default: dist/index.html)"
    )
    args = parser.parse_args(argv[1:])
    info = load_spec(args.spec)["info"]
    partial = args.out.with_name(f".{args.out.name}.partial")
    try:
        redocly(
            "build-docs",
            str(args.spec),
            "--inlineBundle",
            f"--title={info['title']} {info['version']}",
            f"--output={partial}",
        )
    except RedoclyFailed as error:
        partial.unlink(missing_ok=True)
        print(f"docs: {error}\ndocs: {args.out} is unchanged", file=sys.stderr)
        return 1
    os.replace(partial, args.out)
    print(f"docs: wrote {args.out} ({args.out.stat().st_size // 1024} KiB, renders offline)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
