"""The custom templates stay minimal changes of the pinned generator's own templates.

When openapi-python-client is upgraded, its templates change; these tests
fail until our copies are redone on top of the new ones, so upstream fixes
are not silently lost.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import openapi_python_client
import pytest

from conftest import ROOT

UPSTREAM = Path(openapi_python_client.__file__).parent / "templates"
OURS = ROOT / "templates"


def changed_lines(name: str) -> tuple[list[str], list[str]]:
    """Lines of the upstream template we dropped, and lines we added (our leading comment left out)."""
    ours = (OURS / name).read_text(encoding="utf-8")
    ours = ours.split("-#}\n", 1)[1] if ours.startswith("{#-") else ours
    diff = list(difflib.ndiff((UPSTREAM / name).read_text(encoding="utf-8").splitlines(), ours.splitlines()))
    return [line[2:] for line in diff if line.startswith("- ")], [line[2:] for line in diff if line.startswith("+ ")]


def test_the_client_template_only_hides_secrets_from_repr_and_sends_the_raw_token() -> None:
    dropped, added = changed_lines("client.py.jinja")

    assert len(dropped) == len(added) == 4
    assert all("repr=False" in line or "prefix" in line for line in added)


def test_the_int_enum_template_only_adds_missing() -> None:
    dropped, added = changed_lines("int_enum.py.jinja")

    assert dropped == []
    assert '    def _missing_(cls, value: object) -> "{{ enum.class_info.name }} | None":' in added


@pytest.mark.parametrize("name", sorted(path.name for path in OURS.glob("*.jinja")))
def test_every_custom_template_replaces_one_the_generator_has_and_says_why(name: str) -> None:
    assert (UPSTREAM / name).is_file(), f"{name} replaces no template of the pinned generator"
    assert (OURS / name).read_text(encoding="utf-8").startswith("{#- Custom template: upstream ")
