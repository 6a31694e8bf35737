"""The bundled spec is self-contained, valid and byte-stable; the reference page needs no network."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import bundle
from scripts.spec import operations, walk
from scripts.validate import spec_problems
from support import load_pristine_spec, spec_version


def refs_in(node: Any) -> list[str]:
    """Every $ref value anywhere in a document."""
    return [mapping["$ref"] for _, mapping in walk(node) if "$ref" in mapping]


def test_both_bundles_are_valid_and_say_the_same(built_dist: Path) -> None:
    as_yaml = yaml.safe_load((built_dist / "openapi.yaml").read_text(encoding="utf-8"))
    as_json = json.loads((built_dist / "openapi.json").read_text(encoding="utf-8"))

    assert as_yaml == as_json
    assert spec_problems(as_json) == []


def test_the_bundle_is_self_contained(built_dist: Path) -> None:
    refs = refs_in(json.loads((built_dist / "openapi.json").read_text(encoding="utf-8")))

    assert refs and all(ref.startswith("#/") for ref in refs)


def test_the_same_spec_gives_the_same_bytes(built_dist: Path, tmp_path: Path) -> None:
    assert bundle.main(["bundle", "--out", str(tmp_path)]) == 0

    for name in ("openapi.yaml", "openapi.json"):
        assert (tmp_path / name).read_bytes() == (built_dist / name).read_bytes()


def test_a_spec_with_a_broken_example_is_not_bundled_and_dist_is_unchanged(
    tmp_path: Path, spec: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    spec["components"]["examples"]["PublicCase"]["value"]["response"]["id"] = "forty-two"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    out = tmp_path / "dist"
    out.mkdir()
    (out / "openapi.json").write_text("previous bundle", encoding="utf-8")

    assert bundle.main(["bundle", "--spec", str(broken), "--out", str(out)]) == 1

    assert "'forty-two' is not of type 'integer'" in capsys.readouterr().err
    assert sorted(path.name for path in out.iterdir()) == ["openapi.json"]
    assert (out / "openapi.json").read_text(encoding="utf-8") == "previous bundle"


def test_the_reference_page_inlines_its_scripts(built_dist: Path) -> None:
    page = (built_dist / "index.html").read_text(encoding="utf-8")

    assert not re.search(r"<script[^>]+src=[\"']https?:", page), "the page loads a script from the network"
    assert f"<title>ONLYOFFICE Workspace CRM — Cases {spec_version()}</title>" in page
    for found in operations(load_pristine_spec()):
        assert found.id in page, found.id
