"""Fail when openapi.yaml breaks clients of the spec at a base git ref without a new major version.

api-smart-diff (a maintained differ that reads OpenAPI 3.1) classifies every
change between the base spec and this one; project rules then make it
stricter where its verdict is too lenient for clients of the generated code:

- a removed response property (api-smart-diff: non-breaking) breaks code that reads it;
- a narrowed request parameter or body field (a higher minimum, a lower
  maximum or maxLength, a new pattern) breaks requests that were valid;
- a renamed or removed x-enum-varnames name renames a member of the
  generated Python enum.

Removed operations, changed types, newly required request fields and
removed enum values are already breaking for api-smart-diff.

The gate lists each breaking change with its location, and fails unless the
major version of info.version was raised. Non-breaking changes are listed
and pass. When info.version changed, CHANGELOG.md must have an entry for it.

Usage: python scripts/check_breaking.py [--base REF] [--spec FILE] [--changelog FILE]
       (default base: the newest v* tag not on HEAD; with none, it says so and passes)
       python scripts/check_breaking.py --base-spec OLD.yaml [--spec NEW.yaml]
Exit status: 0 passes, 1 breaking changes without a major bump or a missing
changelog entry, 2 bad input (unknown ref, unreadable spec, differ failed).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from check_spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
API_DIFF = ROOT / "scripts" / "api_diff.mjs"
LOWER_BOUNDS = {"minimum", "exclusiveMinimum", "minLength", "minItems"}
UPPER_BOUNDS = {"maximum", "exclusiveMaximum", "maxLength", "maxItems"}


@dataclass(frozen=True)
class Change:
    """One classified change, located by its JSON path in the spec."""

    kind: str  # breaking, non-breaking, deprecated, annotation, unclassified
    path: tuple[str, ...]
    description: str

    @property
    def location(self) -> str:
        """Where clients meet the change: `PUT /path response 200: response.members[].shareType (enum)`."""
        if self.path[0] != "paths" or len(self.path) < 3:
            return "/".join(self.path)
        operation = f"{self.path[2].upper()} {self.path[1]}"
        where, fields = [], []
        parts = iter(self.path[3:])
        for part in parts:
            if part in ("responses", "parameters"):
                where.append(f"{part[:-1]} {next(parts, '')}")
            elif part == "requestBody":
                where.append("request body")
            elif part in ("content", "allOf", "oneOf", "anyOf"):
                next(parts, None)  # the media type or branch number says nothing new
            elif part == "properties":
                fields.append(next(parts, ""))
            elif part == "items":
                fields.append("[]")
            elif part != "schema":
                fields.append(f"({part})")
        field = ".".join(fields).replace(".[]", "[]").replace(".(", " (")
        return f"{operation} {' '.join(where)}".rstrip() + (f": {field}" if field else "")


class InputError(Exception):
    """A spec or ref could not be read, or the differ failed."""


def diff_with_api_smart_diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="breaking-") as scratch:
        paths = [Path(scratch) / "before.json", Path(scratch) / "after.json"]
        for path, spec in zip(paths, (before, after), strict=True):
            path.write_text(json.dumps(spec), encoding="utf-8")
        result = subprocess.run(
            ["node", str(API_DIFF), *map(str, paths)], capture_output=True, text=True, cwd=ROOT, check=False
        )
    if result.returncode != 0:
        raise InputError(f"api-smart-diff failed: {result.stderr.strip()}")
    diffs: list[dict[str, Any]] = json.loads(result.stdout)
    return diffs


def in_request(path: tuple[str, ...]) -> bool:
    return "parameters" in path or "requestBody" in path


def narrows(keyword: str, before: Any, after: Any) -> bool:
    """Whether replacing a constraint's value refuses requests that were valid."""
    if keyword in LOWER_BOUNDS:
        return bool(after > before)
    if keyword in UPPER_BOUNDS:
        return bool(after < before)
    return True  # another pattern: some strings that matched no longer do


def stricter_kind(diff: dict[str, Any], path: tuple[str, ...]) -> str | None:
    """The project's verdict where it is stricter than api-smart-diff's, else None."""
    action, keyword = diff["action"], path[-1] if path else ""
    if action == "remove" and "responses" in path and len(path) > 1 and path[-2] == "properties":
        return "breaking"
    if in_request(path) and keyword in LOWER_BOUNDS | UPPER_BOUNDS | {"pattern"}:
        if action == "add" or (action == "replace" and narrows(keyword, diff["before"], diff["after"])):
            return "breaking"
    if "x-enum-varnames" in path and action in ("remove", "replace"):
        return "breaking"
    return None


def describe(diff: dict[str, Any], path: tuple[str, ...]) -> str:
    """api-smart-diff's sentence, or a plain one where it has only a generic 'annotation' label."""
    text: str = diff.get("description") or ""
    if text and " annotation (" not in text and "]  " not in text:
        return text
    action = {"add": "Added", "remove": "Removed", "replace": "Replaced", "rename": "Renamed"}[diff["action"]]
    scalars = [
        json.dumps(diff.get(side)) for side in ("before", "after") if not isinstance(diff.get(side), (dict, list))
    ]
    values = " -> ".join(value for value in scalars if value != "null")
    return f"[{action}] {path[-1] if path else ''}" + (f" ({values})" if values else "")


def classify(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every change that clients of the operations can see, with the project's verdicts applied.

    Changes are judged where the operations use them (under paths), so a
    shared schema is reported once per place it reaches clients.
    """
    changes = []
    for diff in diff_with_api_smart_diff(before, after):
        path = tuple(str(part) for part in diff["path"])
        if not path or path[0] not in ("paths", "info"):
            continue
        kind = stricter_kind(diff, path) or diff["type"]
        changes.append(Change(kind, path, describe(diff, path)))
    return changes


def major(version: str) -> int:
    match = re.match(r"^(\d+)\.", version)
    if not match:
        raise InputError(f"info.version {version!r} does not start with a major number")
    return int(match.group(1))


def changelog_has(changelog: Path, version: str) -> bool:
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    return re.search(rf"^## \[{re.escape(version)}\]", text, re.MULTILINE) is not None


def gate(before: dict[str, Any], after: dict[str, Any], changelog: Path) -> tuple[bool, list[str]]:
    """Whether the change may land, and the report that says why."""
    old_version, new_version = str(before["info"]["version"]), str(after["info"]["version"])
    changes = classify(before, after)
    breaking = [c for c in changes if c.kind == "breaking"]
    other = [c for c in changes if c.kind != "breaking"]
    lines = [f"comparing info.version {old_version} (base) with {new_version}"]
    lines += [f"BREAKING  {c.description}  at {c.location}" for c in breaking]
    lines += [f"{c.kind:<9} {c.description}  at {c.location}" for c in other]
    passed = True
    if breaking and major(new_version) <= major(old_version):
        bump = f"{old_version} -> {new_version}"
        lines.append(f"FAIL: {len(breaking)} breaking change(s) and the major version was not raised ({bump})")
        passed = False
    if new_version != old_version and not changelog_has(changelog, new_version):
        lines.append(f"FAIL: info.version is now {new_version} but {changelog.name} has no '## [{new_version}]' entry")
        passed = False
    if passed:
        lines.append(
            f"OK: {len(breaking)} breaking, {len(other)} other change(s)"
            + (" (major version raised)" if breaking else "")
        )
    return passed, lines


def newest_version_tag(repo: Path = ROOT) -> str | None:
    """The highest v* tag not on HEAD itself: run from a release tag, the gate compares with the release before."""
    result = subprocess.run(
        ["git", "tag", "--list", "v*", "--sort=-v:refname", "--no-contains", "HEAD"],
        capture_output=True,
        text=True,
        cwd=repo,
        check=False,
    )
    tags = result.stdout.split()
    return tags[0] if tags else None


def spec_at(ref: str, spec: Path) -> dict[str, Any]:
    relative = spec.resolve().relative_to(ROOT)
    result = subprocess.run(["git", "show", f"{ref}:{relative}"], capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise InputError(f"cannot read {relative} at {ref!r}: {result.stderr.strip()}")
    loaded = yaml.safe_load(result.stdout)
    if not isinstance(loaded, dict):
        raise InputError(f"{relative} at {ref!r} is not an OpenAPI document")
    return loaded


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git ref to compare against (default: the newest v* tag not on HEAD)")
    parser.add_argument("--base-spec", type=Path, help="compare against this file instead of a git ref")
    parser.add_argument(
        "--spec", type=Path, default=ROOT / "openapi.yaml", help="the spec to check (default: openapi.yaml)"
    )
    parser.add_argument("--changelog", type=Path, default=ROOT / "CHANGELOG.md")
    args = parser.parse_args(argv[1:])
    try:
        if args.base_spec:
            before = load_spec(args.base_spec)
        else:
            base = args.base or newest_version_tag()
            if base is None:
                print("breaking: no v* tag to compare against and no BASE given: nothing to check, passing")
                return 0
            print(f"breaking: base is {base}")
            before = spec_at(base, args.spec)
        passed, report = gate(before, load_spec(args.spec), args.changelog)
    except (InputError, OSError, yaml.YAMLError, ValueError) as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    for line in report:
        print(f"breaking: {line}", file=sys.stdout if passed else sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
