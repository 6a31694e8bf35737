"""Versions (scripts/versions.py) order as releases do, and what is not a version is None, not an error."""

from __future__ import annotations

import pytest
from packaging.version import Version

from scripts.versions import major, parse, parse_release

# Each list is in release order; a string sort gets each of them wrong.
ORDERED = [
    ["1.2.0", "1.10.0"],
    ["2.0.0-rc.2", "2.0.0-rc.10"],
    ["2.0.0-rc.10", "2.0.0"],
    ["2.0.0-alpha.1", "2.0.0-beta.1", "2.0.0-rc.1", "2.0.0"],
    ["9.9.9", "10.0.0"],
]


@pytest.mark.parametrize("in_order", ORDERED, ids=lambda versions: " < ".join(versions))
def test_versions_sort_in_release_order(in_order: list[str]) -> None:
    parsed = [parse(version) for version in in_order]

    assert None not in parsed
    assert sorted(reversed(in_order), key=parse) == in_order  # type: ignore[arg-type]
    assert sorted(in_order) != in_order  # a case a string sort gets wrong


def test_the_semver_spelling_is_the_same_pre_release_as_pep_440() -> None:
    assert parse("2.0.0-rc.1") == Version("2.0.0rc1")


@pytest.mark.parametrize(
    "not_a_version", ["2.0", "v2.0.0", "2.0.0.1", "2.0.0-", "2.0.0-rc.1+build", "2.0.0-nightly", ""]
)
def test_what_is_not_major_minor_patch_with_an_orderable_pre_release_is_none(not_a_version: str) -> None:
    assert parse(not_a_version) is None
    assert major(not_a_version) is None


@pytest.mark.parametrize(("version", "release"), [("3.0.0", True), ("3.0.0-rc.1", False), ("3.0", False)])
def test_only_a_plain_major_minor_patch_is_a_release(version: str, release: bool) -> None:
    assert (parse_release(version) is not None) is release


def test_major_is_the_first_number() -> None:
    assert major("3.1.4") == 3
    assert major("12.0.0-rc.2") == 12
