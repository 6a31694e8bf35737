"""The breaking-change gate's Python-API layer: griffe compares the clients generated from two specs.

The client is generated from both specs with the current config and
templates, and griffe's breaking-change check compares their public API (a
renamed module, function, parameter, model class, attribute or enum
member), which breaks `import` and calls even when the wire is unchanged.
Each breakage is a finding of a `python-*` rule (scripts/gate_rules.py).
"""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path
from typing import Any

import griffe

from .gate_rules import Change, InputError, kind_of
from .generate import GenerationFailed, generate_into

PACKAGE = "onlyoffice_crm_client"
# The four generated forms of one operation: a change to one is a change to all, listed once.
CALL_FORMS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


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


def rule_of(breakage: griffe.Breakage) -> str:
    """The rule id of a griffe breakage: `python-` and its kind (OBJECT_REMOVED: python-object-removed)."""
    return "python-" + breakage.kind.name.lower().replace("_", "-")


def _parameter(breakage: griffe.Breakage) -> str | None:
    if not breakage.kind.name.startswith("PARAMETER_"):
        return None
    parameter = breakage.old_value if breakage.old_value is not None else breakage.new_value
    return str(getattr(parameter, "name", parameter))


def _detail(breakage: griffe.Breakage) -> str:
    parameter = _parameter(breakage)
    if parameter is not None:
        return f" `{parameter}`"
    if breakage.kind.name.startswith("ATTRIBUTE_CHANGED") or breakage.kind.name == "RETURN_CHANGED_TYPE":
        return f" ({breakage.old_value} -> {breakage.new_value})"
    return ""


def python_api_changes(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Breaking changes to the public API of the generated client, one per object and rule (griffe's check).

    A change's names are the object it concerns (the operation's function
    for its four call forms) and the parameter, if any.
    """
    old = _client_api(json.dumps(before, sort_keys=True), "base")
    new = _client_api(json.dumps(after, sort_keys=True), "head")
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    for breakage in griffe.find_breaking_changes(old, new):
        holder, _, name = breakage.obj.path.rpartition(".")
        if name not in CALL_FORMS:
            holder, name = breakage.obj.path, ""
        words = f"{breakage.kind.value.lower()}{_detail(breakage)}"
        key = (holder, rule_of(breakage), words, _parameter(breakage) or "")
        grouped.setdefault(key, []).append(name)
    changes = []
    for (holder, rule, words, parameter), names in grouped.items():
        forms = [name for name in names if name]
        where = f"{holder}.{'/'.join(forms)}" if forms else holder
        subjects = tuple(name for name in (parameter, holder.rpartition(".")[2]) if name)
        changes.append(Change(kind_of(rule), ("python", where), words, rule, subjects))
    return changes
