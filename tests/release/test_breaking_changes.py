"""The breaking-change gate catches each rule's breaking edit, passes its compatible counterpart, and has a base.

Each rule is a pair of specs built by editing the real spec: the edit
applied (base -> head) breaks users and is caught by its rule id
(scripts/gate_rules.py); the other direction, or the nearest compatible
edit, passes. The wire rules run without the Python
layer (it regenerates two clients per call); the Python layer has its own
cases: those the wire passes.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import griffe
import pytest
import yaml
from packaging.version import Version

from scripts import breaking, check_releases, gate_policy, gate_rules, release_spec, releases
from scripts.gate_policy import Verdict, gate
from scripts.gate_wire import classify
from scripts.gate_words import report
from scripts.spec import operation
from support import ROOT, make, project_copy, rename_schema, run

Edit = Callable[[dict[str, Any]], object]
REOPEN = "/api/2.0/crm/case/{caseid}/reopen"
RELEASE_2_0_0 = "b2e8505bcb921f0e505afbe853833a100d407193"


def released_specs() -> list[tuple[Version, Path]]:
    """The project's released versions (dated in CHANGELOG.md) with their records, oldest first (1.10.0 after 1.2.0)."""
    return sorted((version, releases.record_of(version)) for version in releases.released())


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]  # type: ignore[no-any-return]


def update(spec: dict[str, Any]) -> dict[str, Any]:
    return operation(spec, "updateCase").node  # type: ignore[return-value]


def rename_path_parameter(spec: dict[str, Any]) -> None:
    spec["components"]["parameters"]["CaseId"]["name"] = "id"
    spec["paths"] = {path.replace("{caseid}", "{id}"): item for path, item in spec["paths"].items()}


def optional_request_body(spec: dict[str, Any]) -> None:
    update(spec)["requestBody"]["required"] = False


def optional_query_parameter(spec: dict[str, Any]) -> None:
    update(spec).setdefault("parameters", []).append(
        {"name": "fields", "in": "query", "required": False, "description": "Fields.", "schema": {"type": "string"}}
    )


def narrower_case_id(spec: dict[str, Any]) -> None:
    spec["components"]["parameters"]["CaseId"]["schema"]["minimum"] += 10


# rule: (an edit that breaks users, the id of the rule that must find it, a compatible edit that passes)
# A `None` compatible edit means: the breaking edit undone, i.e. the pair compared head -> base.
RULES: dict[str, tuple[Edit, str, Edit | None]] = {
    "a removed operation": (lambda s: s["paths"].pop(REOPEN), "operation-removed", None),
    "a renamed operationId": (
        lambda s: update(s).update(operationId="changeCase"),
        "operation-id-changed",
        lambda s: update(s).update(summary="Update a CRM case"),
    ),
    "a renamed path parameter": (
        rename_path_parameter,
        "parameter-renamed",
        lambda s: s["components"]["parameters"]["CaseId"].update(description="The case's id."),
    ),
    "a removed parameter": (
        lambda s: update(s)["parameters"].pop(),
        "parameter-removed",
        None,
    ),
    "a parameter made required": (
        lambda s: update(s)["parameters"][-1].update(required=True),
        "parameter-made-required",
        None,
    ),
    "a request body made required": (
        lambda s: update(s)["requestBody"].update(required=True),
        "request-body-made-required",
        None,
    ),
    "a removed request property": (
        lambda s: schemas(s)["UpdateCaseRequest"]["properties"].pop("isNotify"),
        "request-property-removed",
        None,
    ),
    "a newly required request property": (
        lambda s: schemas(s)["UpdateCaseRequest"]["required"].append("members"),
        "request-property-made-required",
        None,
    ),
    "a removed response property": (
        lambda s: (schemas(s)["Case"]["properties"].pop("canEdit"), schemas(s)["Case"]["required"].remove("canEdit")),
        "response-property-removed",
        None,
    ),
    "a response property no longer required": (
        lambda s: schemas(s)["Case"]["required"].remove("canEdit"),
        "response-property-made-optional",
        None,
    ),
    "a changed type": (
        lambda s: schemas(s)["UpdateCaseRequest"]["properties"]["isPrivate"].update(type="string"),
        "type-changed",
        lambda s: schemas(s)["UpdateCaseRequest"]["properties"]["isPrivate"].update(description="Private or not."),
    ),
    "a removed enum value": (
        lambda s: (schemas(s)["ShareType"]["enum"].pop(), schemas(s)["ShareType"]["x-enum-varnames"].pop()),
        "enum-value-removed",
        lambda s: schemas(s)["ShareType"].update(description="Who may see it."),
    ),
    "a renamed schema": (
        lambda s: rename_schema(s, "Employee", "Person"),
        "schema-removed",
        lambda s: schemas(s).update(Stage={"type": "string", "description": "Stage of a case."}),
    ),
    "a narrowed parameter": (narrower_case_id, "request-narrowed", None),
    "a narrowed request field": (
        lambda s: schemas(s)["UpdateCaseRequest"]["properties"]["title"].update(maxLength=3),
        "request-narrowed",
        None,
    ),
    "a renamed enum member": (
        lambda s: schemas(s)["FieldType"]["x-enum-varnames"].__setitem__(2, "SELECT"),
        "enum-member-renamed",
        lambda s: schemas(s)["FieldType"].update(description="The kind of a custom field."),
    ),
}
# Where the rule needs a base other than the real spec: an optional request body, an optional parameter.
STARTS_FROM: dict[str, Edit] = {
    "a request body made required": optional_request_body,
    "a removed parameter": optional_query_parameter,
    "a parameter made required": optional_query_parameter,
}

ADDITIVE_EDITS: dict[str, Edit] = {
    "an optional response property": lambda s: schemas(s)["Case"]["properties"].update(
        stage={"type": "string", "description": "Stage of the case."}
    ),
    "an optional request field": lambda s: schemas(s)["UpdateCaseRequest"]["properties"].update(
        stage={"type": "string", "description": "Stage of the case."}
    ),
    "a new operation": lambda s: s["paths"].update(
        {
            "/api/2.0/crm/case/{caseid}/archive": {
                **s["paths"][REOPEN],
                "put": {**s["paths"][REOPEN]["put"], "operationId": "archiveCase"},
            }
        }
    ),
    "a reworded description": lambda s: update(s).update(description="Changes a case."),
    "a response value constrained further": lambda s: schemas(s)["Case"]["properties"]["title"].update(
        maxLength=255, pattern="^.+$"
    ),
}
# The rule each additive edit is listed by (it passes: none of these is breaking).
ADDITIVE_RULES: dict[str, str] = {
    "an optional response property": "response-property-added",
    "an optional request field": "differ-non-breaking",
    "a new operation": "differ-non-breaking",
    "a reworded description": "differ-annotation",
    "a response value constrained further": "response-narrowed",
}


@pytest.fixture
def changelog(tmp_path: Path) -> Path:
    path = tmp_path / "CHANGELOG.md"
    path.write_text(
        "# Changelog\n\n## [2.0.0] - 2026-12-01\n\n## [1.1.0] - 2026-11-30\n\n## [1.0.0] - 2026-11-22\n",
        encoding="utf-8",
    )
    return path


def edited(spec: dict[str, Any], *edits: Edit, version: str | None = None) -> dict[str, Any]:
    after = copy.deepcopy(spec)
    for edit in edits:
        edit(after)
    if version:
        after["info"]["version"] = version
    return after


def rule_pair(spec: dict[str, Any], rule: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The base and the head of a rule's breaking edit, both 1.0.0."""
    start = STARTS_FROM.get(rule)
    base = edited(spec, *([start] if start else []), version="1.0.0")
    return base, edited(base, RULES[rule][0])


def breaking_rules(verdict: Verdict) -> list[str]:
    return [entry.rule for entry in verdict.breaking]


class TestTheRuleTable:
    def test_every_breaking_rule_of_the_project_on_the_wire_has_a_case_here(self) -> None:
        project = {rule.id for rule in gate_rules.RULES if rule.layer == gate_rules.WIRE and rule.kind == "breaking"}

        assert project - {"differ-breaking"} == {case[1] for case in RULES.values()}

    def test_every_non_breaking_rule_of_the_project_has_an_additive_case_here(self) -> None:
        lenient = {
            rule.id for rule in gate_rules.RULES if rule.kind != "breaking" and not rule.id.startswith("differ-")
        }

        assert lenient <= set(ADDITIVE_RULES.values())

    def test_rule_ids_are_unique_and_every_verdict_is_a_kind_the_report_knows(self) -> None:
        ids = [rule.id for rule in gate_rules.RULES]

        assert len(ids) == len(set(ids))
        assert {rule.kind for rule in gate_rules.RULES} <= {
            "breaking",
            "non-breaking",
            "deprecated",
            "annotation",
            "unclassified",
        }

    def test_every_griffe_breakage_kind_has_a_python_rule(self) -> None:
        python = {rule.id for rule in gate_rules.RULES if rule.layer == gate_rules.PYTHON}

        assert {f"python-{kind.name.lower().replace('_', '-')}" for kind in griffe.BreakageKind} == python

    def test_the_maintainers_doc_lists_the_rules_of_the_table(self) -> None:
        doc = (ROOT / "docs" / "maintaining.md").read_text(encoding="utf-8")
        start, end = "<!-- gate rules: python -m scripts.gate_rules -->\n", "<!-- end of gate rules -->"

        assert start in doc and end in doc, "docs/maintaining.md's 'Breaking changes' lost the table's markers"
        listed = doc.split(start, 1)[1].split(end, 1)[0]
        assert listed == gate_rules.markdown(), (
            "docs/maintaining.md's rules are not the table's: python -m scripts.gate_rules"
        )


class TestEachWireRule:
    @pytest.mark.parametrize("rule", RULES)
    def test_its_breaking_edit_fails_without_a_major_bump_and_is_listed_once(
        self, pristine_spec: dict[str, Any], changelog: Path, rule: str
    ) -> None:
        base, head = rule_pair(pristine_spec, rule)
        head["info"]["version"] = "1.1.0"

        verdict = gate(base, head, changelog, python_api=False)

        assert not verdict.passed
        assert breaking_rules(verdict).count(RULES[rule][1]) == 1, report(verdict)
        assert verdict.major_not_raised
        assert report(verdict)[-1].endswith("major version was not raised (1.0.0 -> 1.1.0)")

    @pytest.mark.parametrize("rule", RULES)
    def test_its_compatible_counterpart_passes(self, pristine_spec: dict[str, Any], changelog: Path, rule: str) -> None:
        base, head = rule_pair(pristine_spec, rule)
        compatible = RULES[rule][2]
        # the breaking edit undone (head -> base), or the nearest compatible edit
        before, after = (head, base) if compatible is None else (base, edited(base, compatible))
        after["info"]["version"] = "1.1.0"

        verdict = gate(before, after, changelog, python_api=False)

        assert verdict.passed, report(verdict)
        assert not verdict.breaking

    @pytest.mark.parametrize("rule", RULES)
    def test_its_breaking_edit_passes_with_a_major_bump(
        self, pristine_spec: dict[str, Any], changelog: Path, rule: str
    ) -> None:
        base, head = rule_pair(pristine_spec, rule)
        head["info"]["version"] = "2.0.0"

        verdict = gate(base, head, changelog, python_api=False)

        assert verdict.passed, report(verdict)
        assert RULES[rule][1] in breaking_rules(verdict)
        assert report(verdict)[-1].endswith("(major version raised)")


class TestOneChangeOneLine:
    @pytest.mark.parametrize(
        ("rule", "consequence"),
        [
            ("a removed response property", "response-property-made-optional"),
            ("a removed enum value", "enum-member-renamed"),
        ],
    )
    def test_what_follows_from_a_listed_change_is_left_out(
        self, pristine_spec: dict[str, Any], changelog: Path, rule: str, consequence: str
    ) -> None:
        base, head = rule_pair(pristine_spec, rule)

        verdict = gate(base, head, changelog, python_api=False)

        assert RULES[rule][1] in breaking_rules(verdict)
        assert consequence not in breaking_rules(verdict), report(verdict)


class TestThePythonApiLayer:
    def test_a_renamed_tag_passes_the_wire_but_fails_for_the_module_users_import(
        self, pristine_spec: dict[str, Any], changelog: Path
    ) -> None:
        head = edited(pristine_spec, lambda s: update(s).update(tags=["case"]))

        assert not [change for change in classify(pristine_spec, head) if change.kind == "breaking"]
        verdict = gate(pristine_spec, head, changelog)

        assert not verdict.passed
        assert [(entry.rule, entry.change.path) for entry in verdict.breaking] == [
            ("python-object-removed", ("python", "onlyoffice_crm_client.api.cases.update_case"))
        ]
        assert [line for line in report(verdict) if line.startswith("BREAKING")] == [
            "BREAKING  Python API: public object was removed  at Python API onlyoffice_crm_client.api.cases.update_case"
        ]

    def test_a_wire_change_lists_where_python_users_meet_it_on_the_same_line(
        self, pristine_spec: dict[str, Any], changelog: Path
    ) -> None:
        head = edited(pristine_spec, RULES["a removed request property"][0])

        verdict = gate(pristine_spec, head, changelog)

        assert not verdict.passed
        (entry,) = verdict.breaking
        assert entry.rule == "request-property-removed"
        assert [(change.rule, change.path) for change in entry.python] == [
            (
                "python-object-removed",
                ("python", "onlyoffice_crm_client.models.update_case_request.UpdateCaseRequest.is_notify"),
            )
        ]
        (line,) = [line for line in report(verdict) if line.startswith("BREAKING")]
        assert "Python API onlyoffice_crm_client.models.update_case_request.UpdateCaseRequest.is_notify" in line

    def test_a_removed_operation_lists_its_python_module_on_the_same_line(
        self, pristine_spec: dict[str, Any], changelog: Path
    ) -> None:
        head = edited(pristine_spec, RULES["a removed operation"][0])

        verdict = gate(pristine_spec, head, changelog)

        (entry,) = verdict.breaking
        assert (entry.rule, entry.change.operation, entry.change.names) == (
            "operation-removed",
            f"PUT {REOPEN}",
            ("reopenCase",),
        )
        assert [(change.rule, change.path) for change in entry.python] == [
            ("python-object-removed", ("python", "onlyoffice_crm_client.api.cases.reopen_case"))
        ]

    @pytest.mark.parametrize("kind", ADDITIVE_EDITS)
    def test_an_additive_edit_passes_both_layers_and_is_listed_by_its_rule(
        self, pristine_spec: dict[str, Any], changelog: Path, kind: str
    ) -> None:
        verdict = gate(pristine_spec, edited(pristine_spec, ADDITIVE_EDITS[kind], version="1.1.0"), changelog)

        assert verdict.passed, report(verdict)
        assert not verdict.breaking
        assert ADDITIVE_RULES[kind] in [entry.rule for entry in verdict.other], report(verdict)


class TestVersionsAndChangelog:
    def test_a_new_version_without_a_changelog_entry_fails(self, pristine_spec: dict[str, Any], tmp_path: Path) -> None:
        changelog = tmp_path / "CHANGELOG.md"
        changelog.write_text("# Changelog\n\n## [1.0.0] - 2026-11-22\n", encoding="utf-8")
        head = edited(pristine_spec, ADDITIVE_EDITS["an optional request field"], version="1.1.0")

        verdict = gate(pristine_spec, head, changelog, python_api=False)

        assert not verdict.passed and verdict.changelog_missing
        assert report(verdict)[-1] == (
            "FAIL: info.version is now 1.1.0 but CHANGELOG.md does not describe it:"
            " add the change under '## [Unreleased]' (or '## [1.1.0]')"
        )

    @pytest.mark.parametrize(
        ("unreleased", "passes"), [("### Cases\n- **Changed:** a field goes.\n", True), ("", False)]
    )
    def test_a_new_major_version_may_be_described_under_unreleased_but_not_by_an_empty_section(
        self, pristine_spec: dict[str, Any], tmp_path: Path, unreleased: str, passes: bool
    ) -> None:
        changelog = tmp_path / "CHANGELOG.md"
        changelog.write_text(f"# Changelog\n\n## [Unreleased]\n\n{unreleased}\n## [1.0.0] - 2026-11-22\n")
        head = edited(pristine_spec, RULES["a removed request property"][0], version="3.0.0")

        verdict = gate(edited(pristine_spec, version="1.0.0"), head, changelog, python_api=False)

        assert verdict.passed is passes, report(verdict)
        assert "request-property-removed" in breaking_rules(verdict)

    def test_the_projects_changelog_has_the_current_version(self, pristine_spec: dict[str, Any]) -> None:
        assert gate_policy.changelog_has(ROOT / "CHANGELOG.md", pristine_spec["info"]["version"])


def write_release(releases: Path, spec: dict[str, Any]) -> Path:
    path = releases / f"{spec['info']['version']}.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def dated_changelog(folder: Path, *versions: str, unreleased: str = "") -> Path:
    """A CHANGELOG.md in `folder` that dates each version (released), with an `[Unreleased]` section."""
    path = folder / "CHANGELOG.md"
    dated = "".join(f"## [{version}] - 2026-11-{20 + index:02d}\n\n" for index, version in enumerate(versions))
    path.write_text(f"# Changelog\n\n## [Unreleased]\n\n{unreleased}\n{dated}", encoding="utf-8")
    return path


@pytest.fixture
def releases_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    return folder


def base_of(spec: dict[str, Any], changelog: Path, releases_dir: Path) -> Path | None:
    """The gate's default base for this spec, written to a file as openapi.yaml is."""
    path = releases_dir.parent / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return gate_policy.default_base(path, changelog, releases_dir)


class TestTheBase:
    def test_every_release_dated_in_the_changelog_is_recorded_in_releases(self) -> None:
        recorded = [(str(version), path.name) for version, path in released_specs()]

        assert recorded[:2] == [("1.0.0", "1.0.0.yaml"), ("2.0.0", "2.0.0.yaml")]
        assert all(path.is_file() for _, path in released_specs())
        assert check_releases.disagreements() == []

    def test_the_released_2_0_0_is_the_spec_of_its_release_commit_byte_for_byte(self) -> None:
        # b2e8505: main when 2.0.0 shipped (the second parent of the three "Merge main (... 2.0.0)" merges),
        # the last commit that changed openapi.yaml before the release; its CHANGELOG dates 2.0.0.
        at_release = run("git", "show", f"{RELEASE_2_0_0}:openapi.yaml")

        assert at_release.returncode == 0, f"the release commit of 2.0.0 is not in this clone: {at_release.stderr}"
        assert (ROOT / "releases" / "2.0.0.yaml").read_text(encoding="utf-8") == at_release.stdout

    def test_the_base_is_the_newest_release_by_number(
        self, pristine_spec: dict[str, Any], tmp_path: Path, releases_dir: Path
    ) -> None:
        for version in ("1.0.0", "1.2.0", "1.10.0"):
            write_release(releases_dir, edited(pristine_spec, version=version))
        changelog = dated_changelog(tmp_path, "1.10.0", "1.2.0", "1.0.0", unreleased="- **Added:** x.\n")

        assert base_of(edited(pristine_spec, version="1.11.0"), changelog, releases_dir) == releases_dir / "1.10.0.yaml"

    def test_at_a_released_version_the_spec_is_its_record_and_there_is_nothing_to_compare(
        self, pristine_spec: dict[str, Any], tmp_path: Path, releases_dir: Path
    ) -> None:
        changelog = dated_changelog(tmp_path, "2.0.0", "1.0.0")
        write_release(releases_dir, edited(pristine_spec, version="1.0.0"))
        record = write_release(releases_dir, edited(pristine_spec, version="2.0.0"))

        assert base_of(yaml.safe_load(record.read_text()), changelog, releases_dir) is None

    def test_a_changed_spec_under_a_released_version_is_refused_saying_to_raise_it(
        self, pristine_spec: dict[str, Any], tmp_path: Path, releases_dir: Path
    ) -> None:
        changelog = dated_changelog(tmp_path, "2.0.0", "1.0.0")
        write_release(releases_dir, edited(pristine_spec, version="1.0.0"))
        write_release(releases_dir, edited(pristine_spec, version="2.0.0"))
        changed = edited(pristine_spec, ADDITIVE_EDITS["a reworded description"], version="2.0.0")

        with pytest.raises(gate_policy.ReleaseChanged, match="a release never changes. Raise info.version"):
            base_of(changed, changelog, releases_dir)

    def test_a_changed_released_version_is_refused_with_base_given_too(
        self, pristine_spec: dict[str, Any], tmp_path: Path, releases_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        changelog = dated_changelog(tmp_path, "2.0.0", "1.0.0")
        write_release(releases_dir, edited(pristine_spec, version="2.0.0"))
        spec = tmp_path / "openapi.yaml"
        spec.write_text(
            yaml.safe_dump(edited(pristine_spec, ADDITIVE_EDITS["a reworded description"], version="2.0.0"))
        )
        arguments = ["--spec", str(spec), "--changelog", str(changelog), "--releases", str(releases_dir)]

        assert breaking.main(["breaking", "--base", "HEAD", *arguments]) == 1
        assert "breaking: FAIL: 2.0.0 is released (CHANGELOG.md dates it 2026-11-20)" in capsys.readouterr().err

    def test_a_version_dated_but_not_yet_recorded_is_the_release_being_made_compared_with_the_one_before(
        self, pristine_spec: dict[str, Any], tmp_path: Path, releases_dir: Path
    ) -> None:
        changelog = dated_changelog(tmp_path, "2.0.0", "1.0.0")
        write_release(releases_dir, edited(pristine_spec, version="1.0.0"))

        assert base_of(edited(pristine_spec, version="2.0.0"), changelog, releases_dir) == releases_dir / "1.0.0.yaml"

    def test_a_version_older_than_the_newest_release_is_refused(
        self, pristine_spec: dict[str, Any], tmp_path: Path, releases_dir: Path
    ) -> None:
        changelog = dated_changelog(tmp_path, "2.0.0", "1.0.0")
        for version in ("1.0.0", "2.0.0"):
            write_release(releases_dir, edited(pristine_spec, version=version))

        with pytest.raises(gate_policy.ReleaseChanged, match="older than the newest release 2.0.0"):
            base_of(edited(pristine_spec, version="1.1.0"), changelog, releases_dir)

    def test_a_released_version_without_its_record_is_a_clear_error(
        self, pristine_spec: dict[str, Any], tmp_path: Path, releases_dir: Path
    ) -> None:
        changelog = dated_changelog(tmp_path, "2.0.0", "1.0.0", unreleased="- **Added:** x.\n")
        write_release(releases_dir, edited(pristine_spec, version="1.0.0"))

        with pytest.raises(gate_rules.InputError, match=r"2.0.0 is released .* releases/2.0.0.yaml is missing"):
            base_of(edited(pristine_spec, version="2.1.0"), changelog, releases_dir)

    def test_with_no_release_dated_the_gate_refuses_to_pass(
        self, tmp_path: Path, releases_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        changelog = dated_changelog(tmp_path)
        arguments = ["breaking", "--releases", str(releases_dir), "--changelog", str(changelog)]

        assert breaking.main(arguments) == 2
        assert "is released (CHANGELOG.md dates no earlier one): nothing to compare with" in capsys.readouterr().err

    def test_an_unknown_base_ref_is_a_clear_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert breaking.main(["breaking", "--base", "no-such-ref-anywhere"]) == 2
        assert "cannot read openapi.yaml at 'no-such-ref-anywhere'" in capsys.readouterr().err


class TestRecordingARelease:
    @pytest.fixture
    def spec_file(self, tmp_path: Path) -> Path:
        """openapi.yaml in a folder of its own, at the version the tests date or not."""
        path = tmp_path / "openapi.yaml"
        shutil.copy(ROOT / "openapi.yaml", path)
        return path

    def record(self, spec_file: Path, releases_dir: Path, changelog: Path) -> int:
        arguments = ["--spec", str(spec_file), "--releases", str(releases_dir), "--changelog", str(changelog)]
        return release_spec.main(["release_spec", *arguments])

    def test_a_dated_version_is_copied_byte_for_byte_once(
        self, pristine_spec: dict[str, Any], spec_file: Path, tmp_path: Path, releases_dir: Path
    ) -> None:
        changelog = dated_changelog(tmp_path, pristine_spec["info"]["version"])

        assert self.record(spec_file, releases_dir, changelog) == 0
        assert (releases_dir / f"{pristine_spec['info']['version']}.yaml").read_bytes() == spec_file.read_bytes()
        assert self.record(spec_file, releases_dir, changelog) == 0

    def test_an_undated_version_is_refused_saying_to_date_it_first(
        self,
        pristine_spec: dict[str, Any],
        spec_file: Path,
        tmp_path: Path,
        releases_dir: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        version = pristine_spec["info"]["version"]

        assert self.record(spec_file, releases_dir, dated_changelog(tmp_path, unreleased="- **Added:** x.\n")) == 1
        assert f"CHANGELOG.md does not date {version}: a version is released once its entry is dated" in (
            capsys.readouterr().err
        )
        assert not list(releases_dir.iterdir())

    def test_a_recorded_version_with_other_content_is_refused_and_kept(
        self,
        pristine_spec: dict[str, Any],
        spec_file: Path,
        tmp_path: Path,
        releases_dir: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        spec_file.write_text(spec_file.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        recorded = releases_dir / f"{pristine_spec['info']['version']}.yaml"
        shutil.copy(ROOT / "openapi.yaml", recorded)

        assert self.record(spec_file, releases_dir, dated_changelog(tmp_path, pristine_spec["info"]["version"])) == 1
        assert "exists with other content" in capsys.readouterr().err
        assert recorded.read_bytes() == (ROOT / "openapi.yaml").read_bytes()


@pytest.fixture
def fresh_clone(tmp_path: Path) -> Path:
    """The project committed to a new repository with no tags, sharing the installed tools."""
    clone = project_copy(tmp_path)
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "c"],
    ):
        subprocess.run(["git", *args], cwd=clone, check=True, capture_output=True)
    assert not subprocess.run(["git", "tag"], cwd=clone, capture_output=True, text=True, check=True).stdout
    return clone


class TestAFreshCloneWithoutTags:
    def test_make_breaking_has_the_newest_release_as_its_base_and_passes_on_the_unchanged_spec(
        self, fresh_clone: Path
    ) -> None:
        result = make(fresh_clone, "breaking")

        assert result.returncode == 0, result.stderr
        newest = str(released_specs()[-1][0])
        assert f"breaking: base is releases/{newest}.yaml" in result.stdout or (
            f"is the release {newest} (releases/{newest}.yaml), byte for byte" in result.stdout
        )
        assert "breaking: OK" in result.stdout
        older = [f"releases/{version}.yaml" for version, _ in released_specs()[:-1]]
        assert not [name for name in older if name in result.stdout], "compared with an older release"
