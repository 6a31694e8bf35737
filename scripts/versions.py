"""Versions of the spec (info.version) as the gate, the release record and the portal compare them.

`packaging.version` orders them (PEP 440), so 1.10.0 comes after 1.2.0 and
2.0.0-rc.10 after 2.0.0-rc.2, which a string sort gets wrong. The spec uses
SemVer spelling (`2.0.0-rc.1`); packaging reads it as the same pre-release.
"""

from __future__ import annotations

import re

from packaging.version import InvalidVersion, Version

# MAJOR.MINOR.PATCH with an optional SemVer pre-release: what info.version may be.
SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")
RELEASE = re.compile(r"^\d+\.\d+\.\d+$")


def parse(version: str) -> Version | None:
    """The version, or None when it is not MAJOR.MINOR.PATCH[-pre] with a pre-release packaging can order."""
    if not SEMVER.match(version):
        return None
    try:
        return Version(version)
    except InvalidVersion:
        return None


def parse_release(version: str) -> Version | None:
    """The version, or None when it is not a plain MAJOR.MINOR.PATCH (what releases/ records)."""
    return Version(version) if RELEASE.match(version) else None


def major(version: str) -> int | None:
    """The major number of a version, or None when it is not a version."""
    parsed = parse(version)
    return parsed.major if parsed else None
