"""generated/ is a distribution that installs, imports, type-checks and lints cleanly."""

from __future__ import annotations

import sys
import tomllib
import venv
from pathlib import Path
from typing import Any

from support import ROOT, run

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
