"""The bundled spec is self-contained, valid and byte-stable; the reference page needs no network."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import bundle, docs
from scripts.spec import operations, walk
from scripts.validate import spec_problems
from support import REDOC_DEFINITION, load_pristine_spec, release_of, spec_version, write_spec


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


def what_redoc_renders(page: str) -> tuple[str, str]:
    """The page's title and the text of the spec definition Redoc renders, as they are written in it."""
    start = page.index(REDOC_DEFINITION) + len(REDOC_DEFINITION)
    _, end = json.JSONDecoder().raw_decode(page, start)
    title = re.search(r"<title>(.*?)</title>", page)
    assert title, "the page has no title"
    return title.group(1), page[start:end]


def test_a_later_release_as_the_portal_tests_build_it_is_what_bundle_and_docs_write(
    built_dist: Path, tmp_path: Path
) -> None:
    # release_of (tests/support.py) edits the built dist/ instead of running Redocly's page build again.
    def retitle(spec: dict[str, Any]) -> None:
        spec["info"]["summary"] = "Cases, <script>alert('spec')</script> second edition"

    later = release_of(built_dist, tmp_path, "99.1.0-rc.1", retitle)
    out = tmp_path / "rebuilt"
    source = write_spec(tmp_path, json.loads((later / "openapi.json").read_text(encoding="utf-8")))

    assert bundle.main(["bundle", "--spec", str(source), "--out", str(out)]) == 0
    assert docs.main(["docs", "--spec", str(out / "openapi.yaml"), "--out", str(out / "index.html")]) == 0

    for name in ("openapi.yaml", "openapi.json"):
        assert (later / name).read_bytes() == (out / name).read_bytes(), name
    rebuilt, stand_in = ((folder / "index.html").read_text(encoding="utf-8") for folder in (out, later))
    assert what_redoc_renders(stand_in) == what_redoc_renders(rebuilt)
    assert "99.1.0-rc.1" in what_redoc_renders(stand_in)[0]
