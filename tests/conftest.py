"""Fixtures shared by the whole suite: the spec as a file and as data."""

from __future__ import annotations

import copy
import functools
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import settings

from mock_server import prism_mock
from onlyoffice_crm_client import AuthenticatedClient
from scripts import build_docs, bundle_spec
from scripts.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PORTAL = "https://portal.example.com"
# A token in the portal's format; tests check that it never shows up in output.
TOKEN = "864FE52C-1C1C-469F-9308-51DAFEFE7436"


@functools.cache
def spec_version() -> str:
    """`info.version` of openapi.yaml: what `make publish` publishes and the client's version."""
    version: str = load_pristine_spec()["info"]["version"]
    return version


@functools.cache
def load_pristine_spec() -> dict[str, Any]:
    """The spec as loaded once; never mutate it. For parametrize, where fixtures cannot reach."""
    return load_spec(SPEC_PATH)


@pytest.fixture(scope="session")
def pristine_spec() -> dict[str, Any]:
    """The spec as loaded once; never mutate it (use `spec`)."""
    return load_pristine_spec()


@pytest.fixture
def spec(pristine_spec: dict[str, Any]) -> dict[str, Any]:
    """A private copy of the spec that a test may break."""
    return copy.deepcopy(pristine_spec)


def load_wire_format_success() -> dict[str, Any]:
    """The success response that wire-format.md shows, as the real server writes it."""
    data: dict[str, Any] = json.loads((FIXTURES / "wire_format_success.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def wire_format_success() -> dict[str, Any]:
    """The success response that wire-format.md shows, as the real server writes it."""
    return load_wire_format_success()


@pytest.fixture
def recorder() -> Recorder:
    """A transport that records each request and answers with whatever the test set."""
    return Recorder()


class Recorder:
    """An httpx.MockTransport handler: keeps the requests, replays one response."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.response = httpx.Response(200, json=load_wire_format_success())

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.response

    def answer(self, status: int, body: Any, media_type: str = "application/json") -> None:
        content = json.dumps(body) if media_type == "application/json" else str(body)
        self.response = httpx.Response(status, content=content.encode(), headers={"Content-Type": media_type})

    def client(self, token: str = TOKEN, **kwargs: Any) -> AuthenticatedClient:
        """An AuthenticatedClient for a portal whose answers come from this recorder."""
        transport = httpx.MockTransport(self)
        return AuthenticatedClient(base_url=PORTAL, token=token, httpx_args={"transport": transport}, **kwargs)


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    """Base URL of a Prism mock of openapi.yaml on 127.0.0.1, stopped when the session ends."""
    with prism_mock(SPEC_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ as `make bundle docs` builds it, in a folder of its own."""
    out = tmp_path_factory.mktemp("dist")
    assert bundle_spec.main(["bundle_spec", "--out", str(out)]) == 0
    assert build_docs.main(["build_docs", "--spec", str(out / "openapi.yaml"), "--out", str(out / "index.html")]) == 0
    return out


def release_of(
    built_dist: Path, tmp_path: Path, version: str, edit: Callable[[dict[str, Any]], None] | None = None
) -> Path:
    """A copy of dist/ whose spec says `version` (and, with `edit`, other changes), as a later release is built."""
    dist = tmp_path / f"dist-{version}-{len(list(tmp_path.glob('dist-*')))}"
    shutil.copytree(built_dist, dist)
    for name in ("openapi.yaml", "openapi.json", "index.html"):
        path = dist / name
        path.write_text(path.read_text(encoding="utf-8").replace(spec_version(), version), encoding="utf-8")
    if edit:
        spec = json.loads((dist / "openapi.json").read_text())
        edit(spec)
        (dist / "openapi.json").write_text(json.dumps(spec, indent=2))
    return dist


# In CI, property-based tests draw the same examples every run: a red CI is
# then a real finding that reproduces, not the luck of the draw.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
