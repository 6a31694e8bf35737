"""The breaking-change gate's wire layer: every change between two specs, found as rule ids (scripts/gate_rules.py).

api-smart-diff (a maintained differ that reads OpenAPI 3.1, called through
scripts/api_diff.mjs) lists and classifies every change; the project's
rules then name the changes where it is too lenient (or too strict) for
clients of the generated code; any other change keeps api-smart-diff's
verdict (the `differ-*` rules). `classify` is the diff the portal's
changelog uses too.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import gate_words, node
from .gate_rules import Change, InputError, kind_of
from .spec import HTTP_METHODS

ROOT = Path(__file__).resolve().parent.parent
API_DIFF = ROOT / "scripts" / "api_diff.mjs"
LOWER_BOUNDS = {"minimum", "exclusiveMinimum", "minLength", "minItems"}
UPPER_BOUNDS = {"maximum", "exclusiveMaximum", "maxLength", "maxItems"}
BOUNDS = LOWER_BOUNDS | UPPER_BOUNDS | {"pattern"}


@dataclass(frozen=True)
class Found:
    """A project rule's finding on one api-smart-diff change: the rule and the names the change concerns."""

    rule: str
    names: tuple[str, ...] = ()


def diff_with_api_smart_diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="breaking-") as scratch:
        paths = [Path(scratch) / "before.json", Path(scratch) / "after.json"]
        for path, spec in zip(paths, (before, after), strict=True):
            path.write_text(json.dumps(spec), encoding="utf-8")
        result = subprocess.run(
            node.command(API_DIFF, *map(str, paths)), capture_output=True, text=True, cwd=ROOT, check=False
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


def required_list_rule(diff: dict[str, Any], path: tuple[str, ...]) -> Found | None:
    """A property no longer required in a response, or newly required in a request.

    api-smart-diff reports a `required` list item by item (`.../required/6`)
    or as a whole list; both are compared as sets of names.
    """
    whole_list = path[-1] == "required" and not isinstance(diff.get("before", diff.get("after")), bool)
    if not (whole_list or (len(path) > 1 and path[-2] == "required")):
        return None
    before, after = _required_names(diff.get("before")), _required_names(diff.get("after"))
    if in_request(path) and after - before:
        return Found("request-property-made-required", tuple(sorted(after - before)))
    if "responses" in path and before - after:
        return Found("response-property-made-optional", tuple(sorted(before - after)))
    return None


def _schema_rule(action: str, path: tuple[str, ...]) -> Found | None:
    """Under components, only a schema removed or renamed: the rest is judged where operations use it."""
    return Found("schema-removed", (path[2],)) if len(path) == 3 and action == "remove" else None


def _removal_rule(before: Any, path: tuple[str, ...]) -> Found | None:
    """An operation, a parameter or a property removed."""
    keyword = path[-1]
    if len(path) == 3 and path[0] == "paths" and keyword in HTTP_METHODS and isinstance(before, dict):
        return Found("operation-removed", (str(before.get("operationId", f"{keyword.upper()} {path[1]}")),))
    if path[-2] == "parameters" and isinstance(before, dict):
        return Found("parameter-removed", (str(before.get("name", keyword)),))
    if path[-2] == "properties" and "requestBody" in path:
        return Found("request-property-removed", (keyword,))
    if path[-2] == "properties" and "responses" in path:
        return Found("response-property-removed", (keyword,))
    return None


def _field_name(path: tuple[str, ...]) -> tuple[str, ...]:
    """The property or parameter a change under it concerns (the last named in its path)."""
    named = [path[i + 1] for i, part in enumerate(path[:-1]) if part == "properties"]
    return tuple(named[-1:])


def project_rule(diff: dict[str, Any], path: tuple[str, ...]) -> Found | None:
    """The project's rule that names this change, where it is stricter than api-smart-diff, else None."""
    action, keyword = diff["action"], path[-1] if path else ""
    before, after = diff.get("before"), diff.get("after")
    if "examples" in path or "example" in path:
        return None  # example values, not the contract
    if path[:2] == ("components", "schemas"):
        return _schema_rule(action, path)
    if keyword == "operationId" and action in ("remove", "replace"):
        return Found("operation-id-changed", tuple(str(name) for name in (before, after) if name))
    if keyword == "name" and len(path) > 2 and path[-3] == "parameters" and action == "replace":
        return Found("parameter-renamed", (str(before), str(after)))
    if action == "remove" and len(path) > 2:
        found = _removal_rule(before, path)
        if found:
            return found
    if keyword == "required" and len(path) > 2 and path[-3] == "parameters" and after is True and before is not True:
        return Found("parameter-made-required")
    if path[-2:] == ("requestBody", "required") and after is True and before is not True:
        return Found("request-body-made-required")
    found = required_list_rule(diff, path)
    if found:
        return found
    if (keyword == "type" or (len(path) > 1 and path[-2] == "type")) and action in ("replace", "add", "remove"):
        return Found("type-changed", _field_name(path))
    if len(path) > 1 and path[-2] == "enum" and action in ("remove", "replace"):
        return Found("enum-value-removed", (str(before),))
    if in_request(path) and keyword in BOUNDS:
        if action == "add" or (action == "replace" and narrows(keyword, before, after)):
            return Found("request-narrowed", _field_name(path))
    if "x-enum-varnames" in path and action in ("remove", "replace"):
        return Found("enum-member-renamed", tuple(str(name) for name in (before, after) if name))
    return None


def lenient_rule(diff: dict[str, Any], path: tuple[str, ...]) -> str:
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
        return "response-property-added"
    constrains = path[-1] in BOUNDS
    if "responses" in path and not in_request(path) and constrains and diff["action"] in ("add", "replace"):
        return "response-narrowed"  # the server promises less variety: a client's reading code still works
    return f"differ-{diff['type']}"


def classify(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every change on the wire that clients of the operations can see, each with its rule.

    Changes are judged where the operations use them (under paths), so a
    shared schema is reported once per place it reaches clients (the
    policy lists them once); a removed or renamed schema is judged under
    components, the only place it shows.
    """
    changes = []
    for diff in diff_with_api_smart_diff(before, after):
        path = tuple(str(part) for part in diff["path"])
        if not path or not (path[0] in ("paths", "info") or path[:2] == ("components", "schemas")):
            continue
        found = project_rule(diff, path)
        if path[0] == "components" and not found:
            continue  # the same change is reported where the operations use the schema
        if found:
            text = gate_words.sentence(found.rule, found.names, diff.get("before"), diff.get("after"), path)
            changes.append(Change(kind_of(found.rule), path, text, found.rule, found.names, key=text))
        else:
            rule = lenient_rule(diff, path)
            text = gate_words.describe(diff, path)
            changes.append(Change(kind_of(rule), path, text, rule, key=gate_words.plain(diff, path)))
    return without_consequences(changes)


def without_consequences(changes: list[Change]) -> list[Change]:
    """Leave out what follows from another change listed: one change, one line.

    A removed response property is also no longer required, and a removed
    enum value also loses its x-enum-varnames name.
    """
    removed = {name for c in changes if c.rule == "response-property-removed" for name in c.names}
    value_removed_at = {c.path[:-2] for c in changes if c.rule == "enum-value-removed"}
    kept = []
    for change in changes:
        if change.rule == "response-property-made-optional" and set(change.names) <= removed:
            continue
        if change.rule == "enum-member-renamed" and change.path[:-2] in value_removed_at:
            continue
        kept.append(change)
    return kept
