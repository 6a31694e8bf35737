"""The client ships as a reproducible wheel and sdist, goes to a real package index (pypiserver on 127.0.0.1)
with twine, never replaces a release there, and installs from it into a fresh environment and works."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from passlib.apache import HtpasswdFile

from scripts import package
from scripts.loopback import free_port
from support import ROOT, run

BIN = Path(sys.executable).parent
USER, PASSWORD = "release-job", "Q7-not-a-real-password-9f2c"
# Dependency wheels kept between runs, so that after the first run the test needs no network.
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"


def build(out: Path) -> list[Path]:
    result = run(sys.executable, "-m", "scripts.package", "--out", out)
    assert result.returncode == 0, result.stderr
    return sorted(path for path in out.iterdir() if path.name.endswith((".whl", ".tar.gz")))


def members(archive: Path) -> list[str]:
    if archive.suffix == ".whl":
        return zipfile.ZipFile(archive).namelist()
    with tarfile.open(archive) as sdist:
        return sdist.getnames()


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The wheel and the sdist, as `make package` builds them, with a cache file planted in generated/."""
    planted = ROOT / "generated/onlyoffice_crm_client/__pycache__/planted.cpython-311.pyc"
    planted.parent.mkdir(exist_ok=True)
    planted.write_bytes(b"a cache that must not ship")
    try:
        return build(tmp_path_factory.mktemp("package"))
    finally:
        planted.unlink()


def pinned_constraints(path: Path) -> Path:
    """requirements.lock's exact versions, without hashes, as a pip constraints file."""
    pins = re.findall(r"^([A-Za-z0-9._-]+==[^\s\\]+)", (ROOT / "requirements.lock").read_text(), re.MULTILINE)
    path.write_text("\n".join(pins) + "\n")
    return path


def dependency_wheels(wheel: Path, dest: Path, scratch: Path) -> None:
    """Put the wheels the client needs, at the project's pinned versions, beside it on the test index.

    They come from WHEELHOUSE when it has them (no network); the first time, pip downloads them
    through its cache, from the index pip is configured with.
    """
    download: list[str | Path] = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--dest",
        WHEELHOUSE,
        "--only-binary=:all:",
    ]
    download += ["-c", pinned_constraints(scratch / "constraints.txt"), wheel]
    offline = run(*download, "--no-index", "--find-links", WHEELHOUSE)
    if offline.returncode != 0:
        online = run(*download)
        assert online.returncode == 0, online.stderr
    for found in WHEELHOUSE.glob("*.whl"):
        if not found.name.startswith("onlyoffice_crm_client-"):
            shutil.copy2(found, dest)


@pytest.fixture(scope="module")
def index(packages: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A pypiserver on 127.0.0.1 that wants a password to upload, holding the client's dependencies; stopped after."""
    root = tmp_path_factory.mktemp("index")
    served = root / "packages"
    served.mkdir()
    dependency_wheels(next(p for p in packages if p.suffix == ".whl"), served, root)
    passwords = HtpasswdFile(str(root / "htpasswd"), new=True)
    passwords.set_password(USER, PASSWORD)
    passwords.save()
    port = free_port()
    server = subprocess.Popen(
        [
            BIN / "pypi-server",
            "run",
            "-i",
            "127.0.0.1",
            "-p",
            str(port),
            "-P",
            root / "htpasswd",
            "-a",
            "update",
            served,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}simple/", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail(f"pypiserver did not answer on {url} within 30 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def publish_package(index: str, dist: Path, password: str = PASSWORD, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TWINE_USERNAME": USER, "TWINE_PASSWORD": password, **extra}
    return run(sys.executable, "-m", "scripts.publish_package", "--index-url", index, "--dist", dist, env=env)


def only_the_index(index: str) -> dict[str, str]:
    """An environment where pip reads no configuration and knows only the test index."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PIP_")}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_INDEX_URL": f"{index}simple/", "PIP_NO_CACHE_DIR": "1"}


class TestTheArchives:
    def test_they_are_versioned_from_the_spec(self, packages: list[Path], pristine_spec: dict[str, Any]) -> None:
        version = pristine_spec["info"]["version"]

        assert [p.name for p in packages] == [
            f"onlyoffice_crm_client-{version}-py3-none-any.whl",
            f"onlyoffice_crm_client-{version}.tar.gz",
        ]

    def test_they_hold_the_package_and_no_caches_or_tests(self, packages: list[Path]) -> None:
        for archive in packages:
            names = members(archive)
            assert any(name.endswith("onlyoffice_crm_client/api/cases/update_case.py") for name in names)
            assert any(name.endswith("onlyoffice_crm_client/py.typed") for name in names)
            assert package.unwanted(names) == [], archive.name

    def test_the_content_check_finds_caches_and_tests(self) -> None:
        names = ["p/__init__.py", "p/__pycache__/x.cpython-311.pyc", "tests/test_x.py", "p/.mypy_cache/x.json"]

        assert package.unwanted(names) == names[1:]

    def test_the_same_sources_give_the_same_bytes(self, packages: list[Path], tmp_path: Path) -> None:
        again = build(tmp_path)

        assert [p.read_bytes() for p in again] == [p.read_bytes() for p in packages]

    def test_twine_check_passes(self, packages: list[Path]) -> None:
        result = run(sys.executable, "-m", "twine", "check", "--strict", *packages)

        assert result.returncode == 0 and result.stdout.count("PASSED") == 2, result.stdout


class TestOnTheIndex:
    def test_it_uploads_installs_into_a_fresh_environment_and_calls_the_mock(
        self, index: str, packages: list[Path], mock_url: str, tmp_path: Path
    ) -> None:
        uploaded = publish_package(index, packages[0].parent)
        assert uploaded.returncode == 0, uploaded.stderr
        assert "uploaded onlyoffice_crm_client-" in uploaded.stdout

        venv.create(tmp_path / "venv", with_pip=True)
        python = tmp_path / "venv/bin/python"
        installed = run(python, "-m", "pip", "install", "--quiet", "onlyoffice-crm-client", env=only_the_index(index))
        assert installed.returncode == 0, installed.stderr
        call = (
            "import sys, onlyoffice_crm_client as c\n"
            "from onlyoffice_crm_client.api.cases import reopen_case\n"
            "client = c.AuthenticatedClient(base_url=sys.argv[1], token='t', prefix='')\n"
            "result = reopen_case.sync(42, client=client)\n"
            "print(c.__file__, type(result).__name__, result.response.id)\n"
        )
        called = run(python, "-c", call, mock_url, cwd=tmp_path)

        assert called.returncode == 0, called.stderr
        where, kind, _ = called.stdout.split()
        assert where.startswith(str(tmp_path / "venv")) and kind == "CaseEnvelope"

    def test_publishing_the_same_bytes_again_does_nothing(self, index: str, packages: list[Path]) -> None:
        publish_package(index, packages[0].parent)

        again = publish_package(index, packages[0].parent)

        assert again.returncode == 0, again.stderr
        assert "already on the index with the same bytes: nothing to do" in again.stdout

    def test_other_bytes_under_a_released_version_are_refused(
        self, index: str, packages: list[Path], tmp_path: Path
    ) -> None:
        publish_package(index, packages[0].parent)
        changed = tmp_path / "changed"
        changed.mkdir()
        wheel = shutil.copy2(packages[0], changed)
        with zipfile.ZipFile(wheel, "a") as archive:
            archive.writestr("onlyoffice_crm_client/extra.py", "")

        result = publish_package(index, changed)

        assert result.returncode == 1
        assert f"refused: {packages[0].name} is already on the index with other bytes" in result.stderr
        on_index = httpx.get(f"{index}packages/{packages[0].name}", timeout=10).content
        assert on_index == packages[0].read_bytes()


class TestCredentials:
    def test_the_password_never_shows_even_when_the_upload_fails(
        self, index: str, packages: list[Path], tmp_path: Path
    ) -> None:
        fresh = tmp_path / "fresh"
        fresh.mkdir()
        version = packages[0].name.split("-")[1]
        renamed = fresh / packages[0].name.replace(f"-{version}-", "-0.0.1-")  # a file the index does not have yet
        shutil.copy2(packages[0], renamed)
        wrong = "wrong-" + PASSWORD

        result = publish_package(index, fresh, password=wrong)

        assert result.returncode == 3, result.stdout + result.stderr
        assert "twine upload failed" in result.stderr
        assert "403 Forbidden" in result.stderr  # the index saw the wrong password
        assert wrong not in result.stdout + result.stderr

    def test_an_index_url_with_credentials_is_refused_without_echoing_them(
        self, packages: list[Path], index: str
    ) -> None:
        with_password = index.replace("http://", f"http://{USER}:{PASSWORD}@")

        result = publish_package(with_password, packages[0].parent)

        assert result.returncode == 2
        assert "put them in TWINE_USERNAME and TWINE_PASSWORD" in result.stderr
        assert PASSWORD not in result.stdout + result.stderr
