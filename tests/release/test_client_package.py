"""generated/ is a distribution that installs, imports, type-checks and lints cleanly, and says what it is."""

from __future__ import annotations

import email
import sys
import tarfile
import tomllib
import venv
import zipfile
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

import onlyoffice_crm_client
from scripts import package
from scripts.tool import BadInput
from support import ROOT, killed_at, race, run

GENERATED = ROOT / "generated"
BIN = Path(sys.executable).parent


def test_the_distribution_is_named_and_versioned_from_the_spec(pristine_spec: dict[str, Any]) -> None:
    project = tomllib.loads((GENERATED / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    assert project["name"] == "onlyoffice-crm-client"
    assert project["version"] == pristine_spec["info"]["version"]
    assert (GENERATED / "onlyoffice_crm_client" / "py.typed").is_file()


def test_it_installs_into_a_fresh_virtual_environment_and_imports(tmp_path: Path) -> None:
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"

    installed = run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", GENERATED)
    assert installed.returncode == 0, installed.stderr

    imported = run(
        python,
        "-c",
        "import onlyoffice_crm_client as c; from onlyoffice_crm_client.api.cases import update_case;"
        " from onlyoffice_crm_client.patch import patch_case; print(c.__file__)",
        cwd=tmp_path,
    )
    assert imported.returncode == 0, imported.stderr
    assert str(tmp_path) in imported.stdout  # the installed copy, not the source tree


def test_mypy_strict_passes_on_the_package(tmp_path: Path) -> None:
    # The cache goes to tmp_path: no tool writes into generated/, the build's output.
    cache = f"--cache-dir={tmp_path / 'mypy'}"
    result = run(BIN / "mypy", "--strict", "--no-incremental", cache, "onlyoffice_crm_client", cwd=GENERATED)

    assert result.returncode == 0, result.stdout


def test_ruff_check_and_format_pass_on_the_package() -> None:
    checked = run(BIN / "ruff", "check", "--no-cache", ".", cwd=GENERATED)
    formatted = run(BIN / "ruff", "format", "--no-cache", "--check", ".", cwd=GENERATED)

    assert checked.returncode == 0, checked.stdout
    assert formatted.returncode == 0, formatted.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The wheel and the sdist as scripts/package.py builds them."""
    return package.build(tmp_path_factory.mktemp("package"))


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_the_wheel_says_its_licence_version_urls_and_http2_extra(
    built: list[Path], pristine_spec: dict[str, Any]
) -> None:
    metadata = wheel_metadata(built[0])

    assert pristine_spec["info"]["license"]["identifier"] == "Apache-2.0"
    assert metadata["License-Expression"] == "Apache-2.0" and metadata["License-File"] == "LICENSE"
    assert metadata["Version"] == pristine_spec["info"]["version"] == onlyoffice_crm_client.__version__
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL", []))
    assert set(urls) == {"Documentation", "Changelog", "Source"}
    assert urls["Changelog"].endswith(f"/{onlyoffice_crm_client.__version__}/changelog.html")
    assert metadata["Provides-Extra"] == "http2"
    assert any(
        requirement.startswith("h2") and 'extra == "http2"' in requirement
        for requirement in metadata.get_all("Requires-Dist", [])
    )


def test_the_wheel_and_the_sdist_ship_the_apache_licence_text(built: list[Path]) -> None:
    wheel, sdist = built
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = archive.read(
            next(name for name in archive.namelist() if name.endswith(".dist-info/licenses/LICENSE"))
        )
    with tarfile.open(sdist) as archive:
        member = archive.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/LICENSE")
        assert member is not None
        in_sdist = member.read()

    assert in_wheel == in_sdist == (ROOT / "handwritten" / "LICENSE").read_bytes()
    assert b"Apache License\n                           Version 2.0, January 2004" in in_wheel
    assert b"END OF TERMS AND CONDITIONS" in in_wheel


class TestTheArchivesReplaceTheOldOnes:
    """`make package` puts a build's archives in dist/package/ by one folder swap (scripts/safe_write.py)."""

    OLD = ("onlyoffice_crm_client-2.0.0-py3-none-any.whl", "onlyoffice_crm_client-2.0.0.tar.gz")
    NEW = ("onlyoffice_crm_client-3.0.0-py3-none-any.whl", "onlyoffice_crm_client-3.0.0.tar.gz")

    @pytest.fixture
    def out(self, tmp_path: Path) -> Path:
        """dist/package/ as an earlier build left it: its archives and make's stamp."""
        out = tmp_path / "dist" / "package"
        out.mkdir(parents=True)
        for name in (*self.OLD, ".built"):
            (out / name).write_text(f"old {name}")
        return out

    @pytest.fixture
    def archives(self, tmp_path: Path) -> list[Path]:
        built = tmp_path / "build"
        built.mkdir()
        for name in self.NEW:
            (built / name).write_text(f"new {name}")
        return [built / name for name in self.NEW]

    def test_a_new_build_leaves_no_archive_of_the_old_one_beside_it(self, out: Path, archives: list[Path]) -> None:
        package.install(archives, out)

        assert sorted(path.name for path in out.iterdir()) == sorted(self.NEW)
        assert sorted(path.name for path in out.parent.iterdir()) == [".package.lock", "package"]  # the turns' lock

    @pytest.mark.parametrize(("call", "n"), [("rename", 1), ("rename", 2), ("unlink", 1), ("unlink", 2)])
    def test_killed_at_any_step_it_holds_one_builds_archives_and_a_rerun_completes_it(
        self, out: Path, archives: list[Path], call: str, n: int
    ) -> None:
        script = "import sys; from pathlib import Path; from scripts.package import install;"
        script += " install([Path(a) for a in sys.argv[2:]], Path(sys.argv[1]))"
        killed = killed_at(f"{call},{call}at", n, script, out, *archives)

        assert killed.returncode == -9, killed.stderr
        # Between the swap's two renames dist/package/ is missing and package.old whole: never a mix.
        held = sorted(path.name for path in out.iterdir()) if out.exists() else []
        assert held in ([], sorted((*self.OLD, ".built")), sorted(self.NEW))
        package.install(archives, out)
        assert sorted(path.name for path in out.iterdir()) == sorted(self.NEW)
        # Nothing left aside: a staging folder the killed build left (`.package.<hex>.tmp`) was removed.
        assert sorted(path.name for path in out.parent.iterdir()) == [".package.lock", "package"]

    def test_two_builds_at_once_take_turns_and_leave_one_builds_archives(self, out: Path, tmp_path: Path) -> None:
        script = (
            "import sys; from pathlib import Path; from scripts.package import install\n"
            "for _ in range(25): install([Path(a) for a in sys.argv[2:]], Path(sys.argv[1]))"
        )
        builds = []
        for who in "ab":
            folder = tmp_path / f"build-{who}"
            folder.mkdir()
            for name in self.NEW:
                (folder / name).write_text(who)
            builds.append([str(folder / name) for name in self.NEW])

        results = race(script, [str(out), *builds[0]], [str(out), *builds[1]])

        assert results == [(0, ""), (0, "")]
        contents = {(out / name).read_text() for name in self.NEW}
        assert sorted(path.name for path in out.iterdir()) == sorted(self.NEW)
        assert contents in ({"a"}, {"b"})

    def test_a_folder_holding_other_files_is_refused_and_left_as_it_was(self, out: Path, archives: list[Path]) -> None:
        (out / "notes.txt").write_text("mine")
        before = sorted(path.name for path in out.iterdir())

        with pytest.raises(BadInput, match=r"holds other files \(notes.txt\): give the archives a folder"):
            package.install(archives, out)
        assert sorted(path.name for path in out.iterdir()) == before
