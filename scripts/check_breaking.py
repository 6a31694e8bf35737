"""Fail when openapi.yaml breaks users of the last release without a new major version.

Two layers judge a change, as a user meets it:

- the wire: api-smart-diff (a maintained differ that reads OpenAPI 3.1)
  classifies every change between the base spec and this one; the project's
  rules (RULES, below) then make it stricter where its verdict is too
  lenient for clients of the generated code;
- the generated Python API: the client is generated from both specs with
  the current config and templates, and griffe's breaking-change check
  compares their public API (a renamed module, function, parameter, model
  class, attribute or enum member), which breaks `import` and calls even
  when the wire is unchanged.

The base is the newest released spec kept in releases/<version>.yaml (see
`make release-spec`), so the gate works in a clone without tags; BASE=<git
ref> compares with openapi.yaml at that ref instead. The gate lists each
breaking change once, with where a client meets it, and fails unless the
major version of info.version was raised. Non-breaking changes are listed
and pass. When info.version changed, CHANGELOG.md must have an entry for it
(under `## [Unreleased]` until it is released).

Usage: python -m scripts.check_breaking [--base REF | --base-spec FILE] [--spec FILE] [--changelog FILE]
Exit status: 0 passes, 1 breaking changes without a major bump or a missing
changelog entry, 2 bad input (no release to compare with, unknown ref,
unreadable spec, differ or generator failed).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import griffe
import yaml
from packaging.version import Version

from .generate_client import GenerationFailed, generate_into
from .spec import load_spec
from .versions import major, parse_release

ROOT = Path(__file__).resolve().parent.parent
API_DIFF = ROOT / "scripts" / "api_diff.mjs"
RELEASES = ROOT / "releases"
PACKAGE = "onlyoffice_crm_client"
LOWER_BOUNDS = {"minimum", "exclusiveMinimum", "minLength", "minItems"}
UPPER_BOUNDS = {"maximum", "exclusiveMaximum", "maxLength", "maxItems"}
# The four generated forms of one operation: a change to one is a change to all, listed once.
CALL_FORMS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")

# The project's wire rules, each breaking (README lists them with their limits).
RULES = (
    "an operation removed (or its path or method changed)",
    "an operationId removed or renamed (renames the generated module)",
    "a parameter renamed, removed or newly required",
    "a request body made required",
    "a request property removed, or newly required",
    "a response property removed, or no longer required",
    "a type changed (request or response)",
    "an enum value removed",
    "a schema removed or renamed (its model class goes)",
    "a request parameter or field narrowed (higher minimum, lower maximum or maxLength, a new pattern)",
    "an x-enum-varnames name renamed or removed (renames a member of the generated enum)",
)


@dataclass(frozen=True)
class Change:
    """One classified change, located by its JSON path in the spec (or ('python', object path))."""

    kind: str  # breaking, non-breaking, deprecated, annotation, unclassified
    path: tuple[str, ...]
    description: str
    # What makes two reports one change (api-smart-diff words the same change differently per operation).
    key: str = field(default="", compare=False)

    @property
    def location(self) -> str:
        """Where clients meet the change: `PUT /path response 200: response.members[].shareType (enum)`."""
        if self.path[:1] == ("python",):
            return f"Python API {self.path[1]}"
        if self.path[:2] == ("components", "schemas") and len(self.path) == 3:
            return f"schema {self.path[2]} (models.{self.path[2]})"
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
            elif part.isdigit() and fields[-1:] in (["(required)"], ["(enum)"], ["(x-enum-varnames)"], ["(tags)"]):
                continue  # the item's index: the description names the item itself
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


def _required_names(value: Any) -> set[str]:
    if isinstance(value, list):
        return {str(item) for item in value}
    return {str(value)} if isinstance(value, str) else set()


def required_list_verdict(diff: dict[str, Any], path: tuple[str, ...]) -> str | None:
    """A property no longer required in a response, or newly required in a request.

    api-smart-diff reports a `required` list item by item (`.../required/6`)
    or as a whole list; both are compared as sets of names.
    """
    if path[-1] == "required" and not isinstance(diff.get("before", diff.get("after")), bool):
        before, after = _required_names(diff.get("before")), _required_names(diff.get("after"))
    elif len(path) > 1 and path[-2] == "required":
        before, after = _required_names(diff.get("before")), _required_names(diff.get("after"))
    else:
        return None
    if in_request(path) and after - before:
        return f"request property `{'`, `'.join(sorted(after - before))}` is now required"
    if "responses" in path and before - after:
        names = "`, `".join(sorted(before - after))
        return (
            f"response property `{names}` is no longer required (it may be absent: the Python attribute becomes Unset)"
        )
    return None


def project_verdict(diff: dict[str, Any], path: tuple[str, ...]) -> str | None:
    """A sentence saying why a change breaks users, where the project is stricter than api-smart-diff, else None."""
    action, keyword = diff["action"], path[-1] if path else ""
    before, after = diff.get("before"), diff.get("after")
    if "examples" in path or "example" in path:
        return None  # example values, not the contract
    if path[:2] == ("components", "schemas"):
        if len(path) == 3 and action == "remove":
            return f"schema `{path[2]}` removed or renamed: the model class users import is gone"
        return None
    if keyword == "operationId" and action in ("remove", "replace"):
        change = f"renamed to `{after}`" if after else "removed"
        return f"operationId `{before}` {change}: the generated module and its functions go"
    if keyword == "name" and len(path) > 2 and path[-3] == "parameters" and action == "replace":
        return f"parameter `{before}` renamed to `{after}`"
    if action == "remove" and len(path) > 1 and path[-2] == "parameters" and isinstance(before, dict):
        return f"parameter `{before.get('name', path[-1])}` removed: the generated functions no longer accept it"
    if keyword == "required" and len(path) > 2 and path[-3] == "parameters" and after is True and before is not True:
        return "parameter made required"
    if path[-2:] == ("requestBody", "required") and after is True and before is not True:
        return "request body made required"
    if action == "remove" and len(path) > 1 and path[-2] == "properties":
        if "requestBody" in path:
            return f"request property `{keyword}` removed: the generated request model no longer accepts it"
        if "responses" in path:
            return f"response property `{keyword}` removed"
    verdict = required_list_verdict(diff, path)
    if verdict:
        return verdict
    if (keyword == "type" or (len(path) > 1 and path[-2] == "type")) and action in ("replace", "add", "remove"):
        return f"type changed: {json.dumps(before)} -> {json.dumps(after)}"
    if len(path) > 1 and path[-2] == "enum" and action in ("remove", "replace"):
        return f"enum value {json.dumps(before)} removed"
    if in_request(path) and keyword in LOWER_BOUNDS | UPPER_BOUNDS | {"pattern"}:
        if action == "add" or (action == "replace" and narrows(keyword, before, after)):
            return (
                f"narrowed: {keyword} {json.dumps(before)} -> {json.dumps(after)}, requests that were valid are refused"
            )
    if "x-enum-varnames" in path and action in ("remove", "replace"):
        return f"enum member name {json.dumps(before)} {'renamed to ' + json.dumps(after) if after else 'removed'}"
    return None


def lenient_kind(diff: dict[str, Any], path: tuple[str, ...]) -> str:
    """api-smart-diff's verdict, but a response property added or newly required, or a response value
    constrained further, breaks no client: it reads what it read before.

    (api-smart-diff judges `required` the same way in both directions.)
    """
    adds_to = path[-2] if len(path) > 1 else ""
    if (
        "responses" in path
        and diff["action"] == "add"
        and (path[-1] == "required" or adds_to in ("required", "properties"))
    ):
        return "non-breaking"
    constrains = path[-1] in LOWER_BOUNDS | UPPER_BOUNDS | {"pattern"}
    if "responses" in path and not in_request(path) and constrains and diff["action"] in ("add", "replace"):
        return "non-breaking"  # the server promises less variety: a client's reading code still works
    return str(diff["type"])


def plain(diff: dict[str, Any], path: tuple[str, ...]) -> str:
    """`[Action] keyword (before -> after)`, in one line, values cut short."""
    action = {"add": "Added", "remove": "Removed", "replace": "Replaced", "rename": "Renamed"}[diff["action"]]
    scalars = [
        json.dumps(diff.get(side)) for side in ("before", "after") if not isinstance(diff.get(side), (dict, list))
    ]
    values = " -> ".join(value if len(value) <= 60 else value[:59] + '…"' for value in scalars if value != "null")
    return f"[{action}] {path[-1] if path else ''}" + (f" ({values})" if values else "")


def describe(diff: dict[str, Any], path: tuple[str, ...]) -> str:
    """api-smart-diff's sentence, or a plain one where it has only a generic label."""
    text: str = (diff.get("description") or "").strip()
    if text.startswith("[") and " annotation (" not in text and "]  " not in text and "\n" not in text:
        return text
    return plain(diff, path)


def classify(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every change on the wire that clients of the operations can see, with the project's verdicts applied.

    Changes are judged where the operations use them (under paths), so a
    shared schema is reported once per place it reaches clients (`gate`
    lists them once); a removed or renamed schema is judged under
    components, the only place it shows.
    """
    changes = []
    for diff in diff_with_api_smart_diff(before, after):
        path = tuple(str(part) for part in diff["path"])
        if not path or not (path[0] in ("paths", "info") or path[:2] == ("components", "schemas")):
            continue
        verdict = project_verdict(diff, path)
        if path[0] == "components" and not verdict:
            continue  # the same change is reported where the operations use the schema
        kind = "breaking" if verdict else lenient_kind(diff, path)
        changes.append(Change(kind, path, verdict or describe(diff, path), key=verdict or plain(diff, path)))
    return without_consequences(changes)


def without_consequences(changes: list[Change]) -> list[Change]:
    """Leave out what follows from another change listed: one change, one line.

    A removed property is also no longer required, and a removed enum value
    also loses its x-enum-varnames name.
    """
    removed = {re.sub(r" removed.*", "", c.description) for c in changes if c.kind == "breaking"}
    value_removed_at = {c.path[:-2] for c in changes if c.description.startswith("enum value ")}
    kept = []
    for change in changes:
        no_longer = re.match(r"(response property `[^`]+`) is no longer required", change.description)
        if no_longer and no_longer.group(1) in removed:
            continue
        if change.description.startswith("enum member name ") and change.path[:-2] in value_removed_at:
            continue
        kept.append(change)
    return kept


class _Scratch:
    """A folder for generated clients that lives as long as the process (griffe reads their files lazily)."""

    folder: tempfile.TemporaryDirectory[str] | None = None

    @classmethod
    def new(cls, name: str) -> Path:
        if cls.folder is None:
            cls.folder = tempfile.TemporaryDirectory(prefix="breaking-clients-")
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=cls.folder.name))


@functools.lru_cache(maxsize=8)
def _client_api(spec_json: str, name: str) -> griffe.Object:
    """The public API of the client generated from a spec (given as JSON, so it can be cached)."""
    folder = _Scratch.new(name)
    spec_file = folder / "openapi.json"
    spec_file.write_text(spec_json, encoding="utf-8")
    try:
        generate_into(folder / "client", spec_file)
    except GenerationFailed as error:
        raise InputError(f"the client cannot be generated from the {name} spec: {_first_problem(str(error))}") from None
    loaded = griffe.load(
        PACKAGE,
        search_paths=[folder / "client"],
        modules_collection=griffe.ModulesCollection(),
        allow_inspection=False,
    )
    assert isinstance(loaded, griffe.Object)  # a package, never an alias
    return loaded


def _first_problem(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip() and not line.startswith("Generating ")]
    return " ".join(lines[:3])[:300]


def _breakage_detail(breakage: griffe.Breakage) -> str:
    if breakage.kind.name.startswith("PARAMETER_"):
        parameter = breakage.old_value if breakage.old_value is not None else breakage.new_value
        return f" `{getattr(parameter, 'name', parameter)}`"
    if breakage.kind.name.startswith("ATTRIBUTE_CHANGED") or breakage.kind.name == "RETURN_CHANGED_TYPE":
        return f" ({breakage.old_value} -> {breakage.new_value})"
    return ""


def python_api_changes(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Breaking changes to the public API of the generated client, one per object (griffe's check)."""
    old = _client_api(json.dumps(before, sort_keys=True), "base")
    new = _client_api(json.dumps(after, sort_keys=True), "head")
    grouped: dict[tuple[str, str], list[str]] = {}
    for breakage in griffe.find_breaking_changes(old, new):
        holder, _, name = breakage.obj.path.rpartition(".")
        if name not in CALL_FORMS:
            holder, name = breakage.obj.path, ""
        key = (holder, f"{breakage.kind.value.lower()}{_breakage_detail(breakage)}")
        grouped.setdefault(key, []).append(name)
    changes = []
    for (holder, what), names in grouped.items():
        forms = [name for name in names if name]
        where = f"{holder}.{'/'.join(forms)}" if forms else holder
        changes.append(Change("breaking", ("python", where), f"Python API: {what}"))
    return changes


def listed_once(changes: Iterable[Change]) -> list[tuple[Change, list[str]]]:
    """Changes with the same verdict on the same field, merged: each with every place a client meets it.

    A shared schema reaches clients through several operations; the change
    is one change, so it gets one line that names them all.
    """
    merged: dict[tuple[str, str, str], tuple[Change, list[str]]] = {}
    for change in changes:
        location = change.location
        # the place without its operation: `response 200: response.canEdit`
        parts = location.split(" ", 2)
        where = parts[2] if change.path[0] == "paths" and len(change.path) > 3 and len(parts) == 3 else location
        key = (change.kind, change.key or change.description, where)
        if key not in merged:
            merged[key] = (change, [])
        if location not in merged[key][1]:
            merged[key][1].append(location)
    return list(merged.values())


def _names(text: str) -> set[str]:
    """Names quoted in a sentence or a Python path, compared as the generator spells them (canEdit ~ can_edit)."""
    words = re.findall(r"[`\"]([A-Za-z_]\w*)[`\"]", text) or [text.rpartition(".")[2]]
    return {word.replace("_", "").lower() for word in words}


def with_python_places(entries: list[tuple[Change, list[str]]]) -> list[tuple[Change, list[str]]]:
    """Python API breakages listed with the wire change they follow from, as one more place clients meet it.

    A Python breakage is matched by name (a removed `isNotify` and a removed
    `UpdateCaseRequest.is_notify`); one that no wire change explains stays a
    line of its own: the wire layer passed it.
    """
    wire = [(change, places) for change, places in entries if change.path[0] != "python"]
    merged = list(wire)
    for change, places in entries:
        if change.path[0] != "python":
            continue
        holder = change.path[1].split("/")[0]
        python_names = _names(change.description.partition("`")[1] and change.description) | _names(holder)
        match = next((found for wire_change, found in wire if _names(wire_change.description) & python_names), None)
        if match is None:
            merged.append((change, places))
        else:
            match.extend(f"{place} ({change.description.removeprefix('Python API: ')})" for place in places)
    return merged


def _major(version: str) -> int:
    number = major(version)
    if number is None:
        raise InputError(f"info.version {version!r} is not MAJOR.MINOR.PATCH[-pre]")
    return number


def changelog_has(changelog: Path, version: str, released: bool = False) -> bool:
    """Whether the changelog has an entry for `version`.

    A version not released yet may be described under a non-empty `## [Unreleased]`
    (Keep a Changelog 1.1.0): its heading gets the number and the date at the release.
    """
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    if re.search(rf"^## \[{re.escape(version)}\]", text, re.MULTILINE):
        return True
    unreleased = re.search(r"^## \[Unreleased\][^\n]*\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    return not released and unreleased is not None and unreleased.group(1).strip() != ""


def gate(
    before: dict[str, Any], after: dict[str, Any], changelog: Path, python_api: bool = True
) -> tuple[bool, list[str]]:
    """Whether the change may land, and the report that says why."""
    old_version, new_version = str(before["info"]["version"]), str(after["info"]["version"])
    changes = classify(before, after) + (python_api_changes(before, after) if python_api else [])
    breaking = with_python_places(listed_once(c for c in changes if c.kind == "breaking"))
    other = listed_once(c for c in changes if c.kind != "breaking")
    lines = [f"comparing info.version {old_version} (base) with {new_version}"]
    lines += [f"BREAKING  {c.description}  at {'; '.join(places)}" for c, places in breaking]
    lines += [f"{c.kind:<9} {c.description}  at {'; '.join(places)}" for c, places in other]
    passed = True
    if breaking and _major(new_version) <= _major(old_version):
        bump = f"{old_version} -> {new_version}"
        lines.append(f"FAIL: {len(breaking)} breaking change(s) and the major version was not raised ({bump})")
        passed = False
    released = any(str(version) == new_version for version, _ in released_specs())
    if new_version != old_version and not changelog_has(changelog, new_version, released):
        lines.append(
            f"FAIL: info.version is now {new_version} but {changelog.name} has no '## [{new_version}]'"
            + ("" if released else " or '## [Unreleased]'")
            + " entry"
        )
        passed = False
    if passed:
        lines.append(
            f"OK: {len(breaking)} breaking, {len(other)} other change(s)"
            + (" (major version raised)" if breaking else "")
        )
    return passed, lines


def released_specs(releases: Path = RELEASES) -> list[tuple[Version, Path]]:
    """releases/<version>.yaml files with their versions, oldest first (by number: 1.10.0 after 1.2.0)."""
    found = [(parse_release(path.stem), path) for path in releases.glob("*.yaml")]
    return sorted((version, path) for version, path in found if version is not None)


def default_base(spec: dict[str, Any], releases: Path = RELEASES) -> Path:
    """The release to compare with: the newest one up to info.version.

    At a release itself (the spec is the copy just recorded), the release
    before it, so that a release is checked against the previous one.
    """
    current = parse_release(str(spec.get("info", {}).get("version")))
    candidates = [(v, path) for v, path in released_specs(releases) if current is None or v <= current]
    if not candidates:
        raise InputError(
            f"no released spec in {releases.name}/ up to info.version {spec.get('info', {}).get('version')}:"
            " record one with `make release-spec`, or give BASE=<git ref>"
        )
    newest_version, newest = candidates[-1]
    if len(candidates) > 1 and newest_version == current and load_spec(newest) == spec:
        return candidates[-2][1]
    return newest


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
    parser.add_argument("--base", help="git ref to compare against (default: the newest release in releases/)")
    parser.add_argument("--base-spec", type=Path, help="compare against this file instead")
    parser.add_argument(
        "--spec", type=Path, default=ROOT / "openapi.yaml", help="the spec to check (default: openapi.yaml)"
    )
    parser.add_argument("--releases", type=Path, default=RELEASES, help="folder of released specs (default: releases/)")
    parser.add_argument("--changelog", type=Path, default=ROOT / "CHANGELOG.md")
    args = parser.parse_args(argv[1:])
    try:
        after = load_spec(args.spec)
        if args.base:
            print(f"breaking: base is openapi.yaml at {args.base}")
            before = spec_at(args.base, args.spec)
        else:
            base_spec = args.base_spec or default_base(after, args.releases)
            shown = base_spec.resolve().relative_to(ROOT) if base_spec.resolve().is_relative_to(ROOT) else base_spec
            print(f"breaking: base is {shown}")
            before = load_spec(base_spec)
        passed, report = gate(before, after, args.changelog)
    except (InputError, OSError, yaml.YAMLError, ValueError, KeyError) as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    for line in report:
        print(f"breaking: {line}", file=sys.stdout if passed else sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
