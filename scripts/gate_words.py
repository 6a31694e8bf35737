"""The breaking-change gate in words: where a change is, what it is, the report; nothing here decides anything.

Detection (scripts/gate_wire.py, scripts/gate_python.py) finds changes as
rule ids with the names and values they concern; this module writes them
as the sentences users read, and the report of a verdict
(scripts/gate_policy.py) as the lines `make breaking` prints.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gate_policy import Entry, Verdict

# Path parts whose following index names an item the sentence names already.
_LISTS = (["(required)"], ["(enum)"], ["(x-enum-varnames)"], ["(tags)"])


def location(path: tuple[str, ...]) -> str:
    """Where clients meet a change at this path: `PUT /path response 200: response.members[].shareType (enum)`."""
    if path[:1] == ("python",):
        return f"Python API {path[1]}"
    if path[:2] == ("components", "schemas") and len(path) == 3:
        return f"schema {path[2]} (models.{path[2]})"
    if path[0] != "paths" or len(path) < 3:
        return "/".join(path)
    operation = f"{path[2].upper()} {path[1]}"
    where, fields = [], []
    parts = iter(path[3:])
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
        elif part.isdigit() and fields[-1:] in _LISTS:
            continue  # the item's index: the description names the item itself
        elif part != "schema":
            fields.append(f"({part})")
    field = ".".join(fields).replace(".[]", "[]").replace(".(", " (")
    return f"{operation} {' '.join(where)}".rstrip() + (f": {field}" if field else "")


def _quoted(names: Sequence[str]) -> str:
    return "`" + "`, `".join(names) + "`"


def sentence(rule: str, names: tuple[str, ...], before: Any, after: Any, path: tuple[str, ...]) -> str:
    """A wire change found by one of the project's rules, in words."""
    values, keyword = f"{json.dumps(before)} -> {json.dumps(after)}", path[-1]
    words = {
        # api-smart-diff's words, which the portal shows in plain words ("Removed operation PUT /path")
        "operation-removed": f"[Removed] operation {keyword.upper()} {path[1]}",
        "operation-id-changed": f"operationId `{before}` "
        + (f"renamed to `{after}`" if after else "removed")
        + ": the generated module and its functions go",
        "parameter-renamed": f"parameter `{before}` renamed to `{after}`",
        "parameter-removed": f"parameter {_quoted(names)} removed: the generated functions no longer accept it",
        "parameter-made-required": "parameter made required",
        "request-body-made-required": "request body made required",
        "request-property-removed": f"request property {_quoted(names)} removed:"
        " the generated request model no longer accepts it",
        "response-property-removed": f"response property {_quoted(names)} removed",
        "request-property-made-required": f"request property {_quoted(names)} is now required",
        "response-property-made-optional": f"response property {_quoted(names)} is no longer required"
        " (it may be absent: the Python attribute becomes Unset)",
        "type-changed": f"type changed: {values}",
        "enum-value-removed": f"enum value {json.dumps(before)} removed",
        "schema-removed": f"schema {_quoted(names)} removed or renamed: the model class users import is gone",
        "request-narrowed": f"narrowed: {keyword} {values}, requests that were valid are refused",
        "enum-member-renamed": f"enum member name {json.dumps(before)} "
        + (f"renamed to {json.dumps(after)}" if after else "removed"),
    }
    return words[rule]


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


def _what(entry: Entry) -> str:
    """The change, said once: a Python API finding names its layer (`Python API: public object was removed`)."""
    change = entry.change
    return f"Python API: {change.description}" if change.path[:1] == ("python",) else change.description


def _places(entry: Entry) -> str:
    python = [f"{change.location} ({change.description})" for change in entry.python]
    return "; ".join(entry.places + python)


def report(verdict: Verdict) -> list[str]:
    """The lines `make breaking` prints: every change once with where clients meet it, then the verdict."""
    old, new = verdict.old_version, verdict.new_version
    lines = [f"comparing info.version {old} (base) with {new}"]
    lines += [f"BREAKING  {_what(entry)}  at {_places(entry)}" for entry in verdict.breaking]
    lines += [f"{entry.change.kind:<9} {_what(entry)}  at {_places(entry)}" for entry in verdict.other]
    if verdict.major_not_raised:
        count = len(verdict.breaking)
        lines.append(f"FAIL: {count} breaking change(s) and the major version was not raised ({old} -> {new})")
    if verdict.changelog_missing:
        lines.append(
            f"FAIL: info.version is now {new} but {verdict.changelog_name} does not describe it:"
            f" add the change under '## [Unreleased]' (or '## [{new}]')"
        )
    if verdict.passed:
        raised = " (major version raised)" if verdict.breaking else ""
        lines.append(f"OK: {len(verdict.breaking)} breaking, {len(verdict.other)} other change(s){raised}")
    return lines
