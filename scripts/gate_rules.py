"""The breaking-change gate's rules as data: one table, each rule with a stable id, its verdict and plain words.

Detection (scripts/gate_wire.py, scripts/gate_python.py) tags every change
it finds with a rule id; the verdict of a change is its rule's kind, read
from this table and nowhere else (kind_of); the gate's policy
(scripts/gate_policy.py) and its words (scripts/gate_words.py) work on
these structured findings. docs/maintaining.md's list of rules is this table
(`python -m scripts.gate_rules` prints it; a test compares the two).

Usage: python -m scripts.gate_rules
Exit status: 0 (prints the table as Markdown).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from . import gate_words
from .tool import BadInput, run

WIRE, PYTHON = "wire", "Python API"


@dataclass(frozen=True)
class Rule:
    """One rule: its stable id, the kind of change it finds, which layer finds it, what it means for users."""

    id: str
    kind: str  # breaking, non-breaking, deprecated, annotation, unclassified
    layer: str
    words: str


RULES: tuple[Rule, ...] = (
    # The wire: the project's rules, where it is stricter (or more lenient) than api-smart-diff.
    Rule("operation-removed", "breaking", WIRE, "an operation removed (or its path or method changed)"),
    Rule(
        "operation-id-changed", "breaking", WIRE, "an `operationId` removed or renamed (renames the generated module)"
    ),
    Rule("parameter-renamed", "breaking", WIRE, "a parameter renamed"),
    Rule("parameter-removed", "breaking", WIRE, "a parameter removed"),
    Rule("parameter-made-required", "breaking", WIRE, "a parameter made required"),
    Rule("request-body-made-required", "breaking", WIRE, "a request body made required"),
    Rule("request-property-removed", "breaking", WIRE, "a request property removed"),
    Rule("request-property-made-required", "breaking", WIRE, "a request property made required"),
    Rule("response-property-removed", "breaking", WIRE, "a response property removed"),
    Rule("response-property-made-optional", "breaking", WIRE, "a response property no longer required"),
    Rule("type-changed", "breaking", WIRE, "a type changed, in a request or a response"),
    Rule("enum-value-removed", "breaking", WIRE, "an enum value removed"),
    Rule("schema-removed", "breaking", WIRE, "a schema removed or renamed (the model class users import goes)"),
    Rule(
        "request-narrowed",
        "breaking",
        WIRE,
        "a request parameter or field narrowed: a higher `minimum`, a lower `maximum` or `maxLength`, a new `pattern`",
    ),
    Rule(
        "enum-member-renamed",
        "breaking",
        WIRE,
        "an `x-enum-varnames` name renamed or removed (renames a member of the generated enum)",
    ),
    Rule(
        "response-property-added",
        "non-breaking",
        WIRE,
        "a response property added or newly required (clients read what they read before)",
    ),
    Rule(
        "response-narrowed",
        "non-breaking",
        WIRE,
        "a response value constrained further: a new `pattern`, `maxLength`... (clients read what they read before)",
    ),
    # The wire: every other change, with api-smart-diff's own verdict.
    Rule("differ-breaking", "breaking", WIRE, "any other change api-smart-diff calls breaking"),
    Rule("differ-non-breaking", "non-breaking", WIRE, "any other change api-smart-diff calls non-breaking"),
    Rule("differ-deprecated", "deprecated", WIRE, "a deprecation (api-smart-diff)"),
    Rule("differ-annotation", "annotation", WIRE, "a description, summary or example changed (api-smart-diff)"),
    Rule("differ-unclassified", "unclassified", WIRE, "a change api-smart-diff does not classify"),
    # The generated Python API: griffe's breakage kinds (griffe.BreakageKind), all breaking.
    Rule("python-object-removed", "breaking", PYTHON, "a public module, function, class or attribute removed"),
    Rule("python-object-changed-kind", "breaking", PYTHON, "a public object became another kind of object"),
    Rule("python-parameter-removed", "breaking", PYTHON, "a function parameter removed"),
    Rule("python-parameter-moved", "breaking", PYTHON, "a positional parameter moved"),
    Rule("python-parameter-changed-kind", "breaking", PYTHON, "a parameter's kind changed (positional, keyword)"),
    Rule("python-parameter-changed-default", "breaking", PYTHON, "a parameter's default changed"),
    Rule("python-parameter-changed-required", "breaking", PYTHON, "a parameter made required"),
    Rule("python-parameter-added-required", "breaking", PYTHON, "a required parameter added"),
    Rule("python-return-changed-type", "breaking", PYTHON, "a return type changed incompatibly"),
    Rule("python-attribute-changed-type", "breaking", PYTHON, "an attribute's type changed incompatibly"),
    Rule("python-attribute-changed-value", "breaking", PYTHON, "an attribute's value changed"),
    Rule("python-class-removed-base", "breaking", PYTHON, "a base class removed"),
)
BY_ID = {rule.id: rule for rule in RULES}


def kind_of(rule_id: str) -> str:
    """The verdict on a change: its rule's kind (KeyError for an id not in the table)."""
    return BY_ID[rule_id].kind


@dataclass(frozen=True)
class Change:
    """One change found by the gate: its rule, where in the spec (or ('python', object path)), what it names.

    `description` is the change in words (scripts/gate_words.py writes it);
    policy and merging read only `rule`, `path` and `names`.
    """

    kind: str
    path: tuple[str, ...]
    description: str
    rule: str = ""
    # What the change is about, as the spec or the Python API spells it (a property, a parameter, a value...).
    names: tuple[str, ...] = ()
    # What makes two reports one change (api-smart-diff words the same change differently per operation).
    key: str = field(default="", compare=False)

    @property
    def operation(self) -> str:
        """The operation a wire change is in (`PUT /path`), or "" (a schema, info, the Python API)."""
        return f"{self.path[2].upper()} {self.path[1]}" if self.path[0] == "paths" and len(self.path) > 2 else ""

    @property
    def location(self) -> str:
        """Where clients meet the change: `PUT /path response 200: response.members[].shareType (enum)`."""
        return gate_words.location(self.path)


class InputError(BadInput):
    """A spec or ref could not be read, or the differ or the generator failed (exit 2)."""


def markdown() -> str:
    """The table as docs/maintaining.md lists it."""
    lines = ["| rule id | layer | verdict | what |", "| --- | --- | --- | --- |"]
    lines += [f"| `{rule.id}` | {rule.layer} | {rule.kind} | {rule.words} |" for rule in RULES]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    return run(
        "gate-rules", lambda: markdown().rstrip("\n"), prefixed=False
    )  # the table as it is, for docs/maintaining.md


if __name__ == "__main__":
    sys.exit(main(sys.argv))
