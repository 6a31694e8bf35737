"""Upload the client's wheel and sdist (dist/package/) to a package index with twine, never replacing a release.

Before uploading, each file is looked up in the index's simple API (PEP 503): a file that is
there with the same bytes is skipped, one with other bytes is refused, since a version once
released must not change (most indexes refuse too, but not all, and not with a clear message).

Credentials come from the environment, as twine reads them: TWINE_USERNAME and TWINE_PASSWORD
(or TWINE_PASSWORD alone for a token). They are never printed, and an index URL that carries
them is refused.

Usage: python -m scripts.publish_package --index-url URL [--simple-url URL] [--dist DIR]
       (--simple-url defaults to URL/simple/, which is where pypiserver and most private indexes serve it)
Exit status: 0 uploaded or already there; 1 refused (a file is on the index with other bytes);
2 bad input (no built files, credentials in the URL); 3 the index failed or could not be reached.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from .tool import BadInput, ToolError, run

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = httpx.Timeout(30.0)


class Refused(ToolError):
    """A file is already on the index with other bytes (exit 1)."""

    heading = "refused"


class IndexFailed(ToolError):
    """The index could not be reached, or the upload failed (exit 3)."""

    exit_status = 3


class Links(HTMLParser):
    """The file links of a PEP 503 project page: name -> URL."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base, self.files = base, dict[str, str]()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            url = urljoin(self.base, href)
            self.files[urlsplit(url).path.rsplit("/", 1)[-1]] = url


def credentials() -> tuple[str, str] | None:
    password = os.environ.get("TWINE_PASSWORD")
    return (os.environ.get("TWINE_USERNAME", "__token__"), password) if password else None


def redact(text: str) -> str:
    password = os.environ.get("TWINE_PASSWORD")
    return text.replace(password, "***") if password else text


def published_files(simple_url: str, project: str) -> dict[str, str]:
    """The files the index holds for the project (none when it does not know it)."""
    page = urljoin(simple_url.rstrip("/") + "/", f"{project}/")
    try:
        response = httpx.get(page, auth=credentials(), timeout=TIMEOUT, follow_redirects=True)
    except httpx.HTTPError as error:
        raise IndexFailed(f"cannot read {page}: {error}") from None
    if response.status_code == 404:
        return {}
    if response.status_code != 200:
        raise IndexFailed(f"{page} answered {response.status_code}")
    links = Links(str(response.url))
    links.feed(response.text)
    return links.files


def already_there(archive: Path, files: dict[str, str]) -> bool:
    """Whether the index has this file with the same bytes; raise Refused when it has other bytes."""
    url = files.get(archive.name)
    if url is None:
        return False
    try:
        response = httpx.get(url, auth=credentials(), timeout=TIMEOUT, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError as error:
        raise IndexFailed(f"cannot download {archive.name} from the index to compare: {error}") from None
    if response.content == archive.read_bytes():
        return True
    ours, theirs = hashlib.sha256(archive.read_bytes()).hexdigest(), hashlib.sha256(response.content).hexdigest()
    raise Refused(
        f"{archive.name} is already on the index with other bytes (sha256 {theirs[:12]}…, ours {ours[:12]}…); "
        "a released version is immutable: raise info.version in openapi.yaml to publish this change"
    )


def upload(index_url: str, archives: list[Path]) -> str:
    command = [sys.executable, "-m", "twine", "--no-color", "upload", "--non-interactive", "--disable-progress-bar"]
    command += ["--repository-url", index_url, *map(str, archives)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    if result.returncode != 0:
        raise IndexFailed(f"twine upload failed:\n{redact(result.stdout + result.stderr).strip()}")
    return redact(result.stdout).strip()


def publish(dist: Path, index_url: str, simple_url: str | None = None) -> str:
    """Upload what `dist` holds that the index lacks; say what was done."""
    archives = sorted([*dist.glob("*.whl"), *dist.glob("*.tar.gz")])
    if not archives:
        raise BadInput(f"{dist} holds no wheel or sdist: run `make package` first")
    try:
        simple_url = simple_url or urljoin(index_url.rstrip("/") + "/", "simple/")
        carries_credentials = any(urlsplit(url).password for url in (index_url, simple_url))
    except ValueError as error:  # urlsplit refuses some, an unclosed IPv6 bracket for one
        raise BadInput(f"the index URL is not a URL: {error}") from None
    if carries_credentials:
        raise BadInput("the index URL carries credentials: put them in TWINE_USERNAME and TWINE_PASSWORD instead")
    project = archives[0].name.split("-", 1)[0].replace("_", "-").lower()
    files = published_files(simple_url, project)
    new = [archive for archive in archives if not already_there(archive, files)]
    if not new:
        return f"{', '.join(a.name for a in archives)} already on the index with the same bytes: nothing to do"
    upload(index_url, new)
    return f"uploaded {', '.join(a.name for a in new)} to {index_url}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url", required=True, help="the index's upload URL")
    parser.add_argument("--simple-url", help="the index's simple API (default: INDEX_URL/simple/)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "package", help="default: dist/package")
    args = parser.parse_args(argv[1:])
    return run("publish-package", lambda: publish(args.dist, args.index_url, args.simple_url))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
