"""Build dist/index.html: a self-contained reference page of the bundled spec.

Redocly's `build-docs --inlineBundle` embeds Redoc in the page, so it renders
with no network (without the flag it loads Redoc from a CDN). The page is
then made private (`private_page`): Redoc's "API docs by" badge, whose logo
comes from Redocly's CDN, is taken out, and a Content-Security-Policy lets the
page load nothing from another host, so a reader's browser asks no one else
for anything (tests/release/test_portal_in_browser.py logs every request).
The page is written with scripts/safe_write.py: aside, flushed, renamed into place.

Usage: python -m scripts.docs [--spec FILE] [--out FILE]
Exit status: 0 when the page was written, 1 when Redocly failed or the page is not what private_page expects.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .redocly import ROOT, RedoclyFailed, redocly
from .safe_write import aside, write_file
from .spec import load_spec
from .tool import ToolError, run

# Redoc 3 (in Redocly CLI 2.x) always renders an "API docs by" badge whose <img> loads one of these
# (its sidebar footer has no option to hide it); an empty src loads nothing and the image hides itself.
BADGE_IMAGES = ("https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg")
BADGE_LINK = "https://redocly.com/redoc/"
# What the page may load: itself (inlined), its own origin (../versions.json, the favicon), data: images.
# 'unsafe-inline' because Redoc is inlined; Redoc sanitises the spec's Markdown itself.
POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)
PRIVATE_HEAD = f"""<meta http-equiv="Content-Security-Policy" content="{POLICY}">
  <style>span:has(> a[href="{BADGE_LINK}"]) {{ display: none !important; }}</style>
"""


class UnexpectedPage(Exception):
    """The page Redocly built is not the one private_page knows how to make private."""


def private_page(page: str) -> str:
    """The page without the badge's third-party image, hidden, and with a policy that loads nothing from elsewhere."""
    for image in BADGE_IMAGES:
        if image not in page:
            raise UnexpectedPage(
                f"the page no longer names {image}: Redoc changed its badge; check what the page loads "
                "(tests/release/test_portal_in_browser.py) and update BADGE_IMAGES in scripts/docs.py"
            )
        page = page.replace(image, "")
    head, found, rest = page.partition("<head>")
    if not found:
        raise UnexpectedPage("the page has no <head> tag")
    return f"{head}<head>\n  {PRIVATE_HEAD}{rest}"


def build(spec: Path, out: Path) -> str:
    """Write the private reference page of `spec` to `out`; ToolError (and `out` unchanged) when that fails."""
    info = load_spec(spec)["info"]
    partial = aside(out)  # a name of its own: two builds at once never remove each other's page
    try:
        redocly(
            "build-docs",
            str(spec),
            "--inlineBundle",
            f"--title={info['title']} {info['version']}",
            f"--output={partial}",
        )
        page = private_page(partial.read_text(encoding="utf-8"))
    except (RedoclyFailed, UnexpectedPage) as error:
        raise ToolError(f"{out} is unchanged: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    write_file(out, page.encode())
    return f"wrote {out} ({out.stat().st_size // 1024} KiB, renders offline, loads nothing from elsewhere)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--spec", type=Path, default=ROOT / "dist" / "openapi.yaml", help="bundled spec (default: dist/openapi.yaml)"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "dist" / "index.html", help="page to write (default: dist/index.html)"
    )
    args = parser.parse_args(argv[1:])
    return run("docs", lambda: build(args.spec, args.out))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
