"""What the published portal says, for people and machines; markup in CHANGELOG.md or the spec runs nowhere.

One portal is published for the module, out of order (V0, V2, VM, then V1), from a CHANGELOG.md of the tests'
own whose V1 entry is hostile; the tests read it. test_portal_publish.py proves the publishing itself.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from scripts import releases
from scripts.gate_wire import classify as real_classify
from scripts.portal import cli, listing, state
from scripts.portal.cli import publish
from scripts.portal.notes import summary
from scripts.portal.pages import markdown_html
from support import ISO_DATE_TIME, release_of, spec_version

V0 = spec_version()
_MAJOR, _MINOR = (int(part) for part in V0.split(".")[:2])
V1, V2 = (f"{_MAJOR}.{_MINOR + step}.0" for step in (1, 2))
VM = f"{_MAJOR + 1}.0.0"
REOPEN = "/api/2.0/crm/case/{caseid}/reopen"
HOSTILE = """A release with **bold** words and `code`.

<script>alert("script")</script>
<img src="x" onerror="alert('img')">
[a link](javascript:alert('link')) and ![a picture](https://tracker.example/pixel.png)
"""
CHANGELOG = f"""# Changelog

## [Unreleased]

## [{V2}] - 2026-12-03

Adds a summary to the API.

### Added
- `info.summary` says what the API is for.

## [{V1}] - 2026-12-02

{HOSTILE}
## [{V0}] - 2026-12-01

The first edition.
"""
ATOM = "{http://www.w3.org/2005/Atom}"


def remove_reopen(spec: dict[str, Any]) -> None:
    retitle(spec)
    del spec["paths"][REOPEN]
    spec["paths"]["/api/2.0/crm/case/{caseid}"]["put"]["summary"] = "<img src=x onerror=alert('op')>Update a case"


def retitle(spec: dict[str, Any]) -> None:
    spec["info"]["summary"] = "Cases, <script>alert('spec')</script> second edition"


@pytest.fixture(scope="module")
def changelog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("changelog") / "CHANGELOG.md"
    path.write_text(CHANGELOG, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def portal(built_dist: Path, changelog: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """V0, V2, VM (undated, breaking), then V1 (hostile notes): the older version published last."""
    dists = tmp_path_factory.mktemp("dists")
    portal = tmp_path_factory.mktemp("portal") / "portal"
    for dist in (
        built_dist,
        release_of(built_dist, dists, V2, retitle),
        release_of(built_dist, dists, VM, remove_reopen),
        release_of(built_dist, dists, V1),
    ):
        publish(dist, portal, changelog=changelog)
    return portal


def read(portal: Path, name: str) -> str:
    return (portal / name).read_text(encoding="utf-8")


def html_pages(portal: Path) -> dict[str, str]:
    """Every HTML page of the portal that the publisher writes itself (the Redoc pages are Redoc's)."""
    pages = {"index.html": read(portal, "index.html")}
    pages.update({f"{v}/changelog.html": read(portal, f"{v}/changelog.html") for v in (V0, V1, V2, VM)})
    return pages


class TestChangelogPagesForPeople:
    def test_a_page_shows_the_date_and_the_rendered_changelog_entry_before_the_computed_changes(
        self, portal: Path
    ) -> None:
        page = read(portal, f"{V2}/changelog.html")

        assert page.index("Released 2026-12-03") < page.index("Adds a summary") < page.index("Changes computed")
        assert "<li><code>info.summary</code> says what the API is for.</li>" in page
        assert "<h3>Added</h3>" in page and "### Added" not in page

    def test_computed_changes_are_plain_words_grouped_by_operation_breaking_first_without_the_version_bump(
        self, portal: Path
    ) -> None:
        page = read(portal, f"{VM}/changelog.html")
        changes = page[page.index("Changes computed") :]

        assert f'Compared with <a href="../{V2}/">{V2}</a>: 1 breaking' in changes
        assert changes.index("Breaking changes") < changes.index("Documentation changes")
        assert f"<h4>Reopen a case (<code>PUT {REOPEN}</code>)</h4>" in changes
        assert f"<li>Removed operation PUT {REOPEN}</li>" in changes
        assert "`" not in changes and "[Removed]" not in changes
        assert "info.version" not in changes and "info/version" not in changes

    def test_an_older_version_published_later_is_compared_with_by_the_next_version(self, portal: Path) -> None:
        assert f'Compared with <a href="../{V1}/">{V1}</a>' in read(portal, f"{V2}/changelog.html")
        assert f'Compared with <a href="../{V0}/">{V0}</a>' in read(portal, f"{V1}/changelog.html")
        assert "The first published version" in read(portal, f"{V0}/changelog.html")
        assert f"Compared with {V1} ([reference](../{V1}/reference.md))" in read(portal, f"{V2}/changelog.md")

    def test_a_version_without_a_changelog_entry_says_so_and_when_it_was_published(self, portal: Path) -> None:
        page = read(portal, f"{VM}/changelog.html")

        published = datetime.fromtimestamp((portal / VM / "openapi.json").stat().st_mtime).date()
        assert "<p>CHANGELOG.md has no entry for this version.</p>" in page
        assert f"Not dated in CHANGELOG.md; published {published}" in page

    def test_publishing_a_version_without_a_dated_entry_says_so(
        self, built_dist: Path, changelog: Path, tmp_path: Path
    ) -> None:
        said = publish(release_of(built_dist, tmp_path, VM), tmp_path / "portal", changelog=changelog)

        assert said.endswith(
            f"note: the changelog has no '## [{VM}] - YYYY-MM-DD' entry, so its pages show no notes"
            " and date it by this publish"
        )

    def test_a_changelog_that_cannot_be_read_is_a_clear_error(
        self, built_dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        missing = tmp_path / "CHANGELOG.md"
        argv = ["publish", "--portal", str(tmp_path / "portal"), "--dist", str(built_dist)]

        assert cli.main([*argv, "--changelog", str(missing)]) == cli.EXIT_BAD_INPUT

        assert capsys.readouterr().err == f"publish: cannot read the changelog {missing}: No such file or directory\n"
        assert not (tmp_path / "portal").exists()

    def test_only_diffs_of_a_new_pair_of_versions_are_computed(
        self, built_dist: Path, changelog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        portal = tmp_path / "portal"
        for version in (V0, V2):
            publish(release_of(built_dist, tmp_path, version), portal, changelog=changelog)
        computed: list[tuple[str, str]] = []

        def counting(before: dict[str, Any], after: dict[str, Any]) -> Any:
            computed.append((before["info"]["version"], after["info"]["version"]))
            return real_classify(before, after)

        monkeypatch.setattr(listing, "classify", counting)

        publish(release_of(built_dist, tmp_path, V1), portal, changelog=changelog)

        assert sorted(computed) == [(V0, V1), (V1, V2)]  # V0 -> V2 is no pair any more


class TestIndex:
    def test_each_version_has_its_date_summary_and_downloads_and_the_favicon_is_local(
        self, built_dist: Path, changelog: Path, tmp_path: Path
    ) -> None:
        dist = release_of(built_dist, tmp_path, V1)
        (dist / "package").mkdir(exist_ok=True)
        for name in (f"onlyoffice_crm_client-{V1}-py3-none-any.whl", f"onlyoffice_crm_client-{V1}.tar.gz"):
            (dist / "package" / name).write_bytes(b"a package")
        portal = tmp_path / "portal"
        publish(built_dist, portal, changelog=changelog)
        publish(dist, portal, changelog=changelog)

        index = read(portal, "index.html")
        item = index[index.index(f'<li><a href="{V1}/">') : index.index("</li>")]
        assert "2026-12-02" in item and "A release with bold words and code." in item
        for what, name in [
            ("OpenAPI YAML", "openapi.yaml"),
            ("OpenAPI JSON", "openapi.json"),
            ("wheel", f"onlyoffice_crm_client-{V1}-py3-none-any.whl"),
            ("sdist", f"onlyoffice_crm_client-{V1}.tar.gz"),
        ]:
            assert f'<a href="{V1}/{name}">{what}</a>' in item
            assert (portal / V1 / name).is_file()
        assert '<link rel="icon" href="favicon.svg" type="image/svg+xml">' in index
        assert read(portal, "favicon.svg").startswith("<svg")


class TestForMachines:
    def test_llms_txt_says_what_the_api_is_and_links_every_versions_markdown(self, portal: Path) -> None:
        text = read(portal, "llms.txt")

        assert text.startswith("# ONLYOFFICE Workspace CRM — Cases\n\n> Cases, <script>")  # VM's info: text
        assert "## Versions" in text and "## Optional" in text
        links = re.findall(r"\]\(([^)]+)\)", text)
        for version in (V0, V1, V2, VM):
            assert f"{version}/reference.md" in links and f"{version}/changelog.md" in links
        assert [link for link in links if not (portal / link).is_file()] == []

    def test_the_feed_is_well_formed_atom_with_an_entry_per_version_and_rfc_3339_dates(self, portal: Path) -> None:
        feed = ElementTree.fromstring((portal / "feed.atom").read_bytes())

        assert feed.tag == f"{ATOM}feed"
        for required in ("id", "title", "updated", "author"):
            assert feed.find(f"{ATOM}{required}") is not None, required
        entries = feed.findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title", "").rsplit(" ", 1)[1] for e in entries] == [VM, V2, V1, V0]
        dates = [feed.findtext(f"{ATOM}updated", "")] + [e.findtext(f"{ATOM}updated", "") for e in entries]
        assert all(ISO_DATE_TIME.match(date) and datetime.fromisoformat(date) for date in dates), dates
        assert dates[0] == max(dates[1:])
        for e in entries:
            assert e.findtext(f"{ATOM}id", "").startswith("urn:uuid:")
            link = e.find(f"{ATOM}link")
            assert link is not None and (portal / link.attrib["href"]).is_file()
        v2 = entries[1]
        assert v2.findtext(f"{ATOM}summary") == f"Adds a summary to the API. (0 breaking, 1 in all since {V1})"
        assert "<code>info.summary</code>" in v2.findtext(f"{ATOM}content", "")
        assert len({e.findtext(f"{ATOM}id") for e in entries}) == 4

    def test_the_markdown_reference_has_the_operations_parameters_bodies_responses_examples_and_traps(
        self, portal: Path
    ) -> None:
        reference = read(portal, f"{V0}/reference.md")
        spec = json.loads(read(portal, f"{V0}/openapi.json"))

        assert reference.startswith(f"# ONLYOFFICE Workspace CRM — Cases {V0}: API reference")
        for path, item in spec["paths"].items():
            for method, operation in item.items():
                if method != "parameters":
                    assert f"`{method.upper()} {path}` · operationId `{operation['operationId']}`" in reference
        case_id = spec["components"]["parameters"]["CaseId"]
        kind, bound = case_id["schema"]["type"], case_id["schema"]["minimum"]
        assert (
            f"- `{case_id['name']}` (path, {kind} ({case_id['schema']['format']}), required, minimum `{bound}`"
            in reference
        )
        assert "#### Request body (required)" in reference and "#### Responses" in reference
        for status in ("200", "401", "503"):
            assert f"##### {status}" in reference
        assert "Example renameAndReplaceMembers:" in reference and '"title": "Exhibition organization"' in reference
        assert "#### Code sample: curl" in reference
        assert "removes **every** current member" in reference  # the members trap, in the spec's words
        assert "### UpdateCaseRequest" in reference and "- `isNotify` (boolean, optional)" in reference


class TestTheMarkdownIsWellFormed:
    """Parsed by markdown-it-py (CommonMark), as a machine reads them."""

    @pytest.mark.parametrize("name", ["llms.txt", f"{V0}/reference.md", f"{VM}/changelog.md", f"{V1}/changelog.md"])
    def test_headings_never_skip_a_level_and_every_json_block_parses(self, portal: Path, name: str) -> None:
        tokens = MarkdownIt("commonmark").parse(read(portal, name))

        levels = [int(token.tag[1]) for token in tokens if token.type == "heading_open"]
        assert levels[0] == 1 and levels.count(1) == 1, levels
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False)), levels
        for block in (token for token in tokens if token.type == "fence" and token.info == "json"):
            json.loads(block.content)

    def test_llms_txt_is_a_title_a_summary_and_sections_of_links(self, portal: Path) -> None:
        tokens = MarkdownIt("commonmark").parse(read(portal, "llms.txt"))

        assert [t.type for t in tokens[:6]] == [
            *("heading_open", "inline", "heading_close"),
            *("blockquote_open", "paragraph_open", "inline"),
        ]
        sections = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
        assert sections == ["Versions", "Changes", "Optional"]
        items = [t for t in tokens if t.type == "inline" and t.map and t.children and t.children[0].type == "link_open"]
        assert len(items) == 4 + 4 + 4  # a reference and a changelog per version, four optional links


class TestMarkupRunsNowhere:
    def test_markdown_is_rendered_with_raw_html_shown_as_text_no_script_links_and_no_images(self) -> None:
        rendered = markdown_html(HOSTILE)

        assert "<strong>bold</strong>" in rendered and "<code>code</code>" in rendered
        assert "&lt;script&gt;" in rendered and "&lt;img" in rendered
        assert "<script" not in rendered and "<img" not in rendered
        assert "[a link](javascript:alert('link'))" in rendered  # an unsafe link stays text
        assert '!<a href="https://tracker.example/pixel.png">a picture</a>' in rendered  # a link, never loaded
        assert not re.search(r"<[^>]*\s(on\w+|src)\s*=", rendered)

    def test_no_html_page_or_feed_entry_holds_markup_from_the_changelog_or_the_spec(self, portal: Path) -> None:
        pages = html_pages(portal)
        feed = ElementTree.fromstring((portal / "feed.atom").read_bytes())
        pages.update({f"feed entry {n}": e.findtext(f"{ATOM}content", "") for n, e in enumerate(feed.iter())})

        for name, page in pages.items():
            assert "<script" not in page and "<img" not in page and 'href="javascript:' not in page, name
            assert not re.search(r"<[^>]*\s(on\w+|src)\s*=", page), name
        assert "&lt;script&gt;alert(&quot;script&quot;)&lt;/script&gt;" in pages[f"{V1}/changelog.html"]
        assert "&lt;img src=x onerror=alert(&#x27;op&#x27;)&gt;Update a case" in pages[f"{VM}/changelog.html"]

    def test_every_page_of_the_portal_forbids_scripts_and_other_hosts(self, portal: Path) -> None:
        for name, page in html_pages(portal).items():
            policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
            assert policy and "default-src 'none'" in policy.group(1) and "script-src" not in policy.group(1), name
        version_page = read(portal, f"{V0}/index.html")
        assert "default-src 'self'" in version_page and "cdn.redoc.ly" not in version_page


class TestReleaseNotes:
    def test_an_entry_is_the_text_under_its_heading_with_its_date(self, changelog: Path) -> None:
        found = releases.entry_for(changelog, V1)

        assert found is not None and found.date == "2026-12-02" and found.text.startswith("A release with **bold**")
        assert releases.entry_for(changelog, "9.9.9") is None
        assert summary(found.text) == "A release with bold words and code."

    def test_a_version_whose_notes_changed_is_refused_and_the_message_names_the_notes(
        self, built_dist: Path, changelog: Path, tmp_path: Path
    ) -> None:
        portal = tmp_path / "portal"
        publish(built_dist, portal, changelog=changelog)
        edited = tmp_path / "CHANGELOG.md"
        edited.write_text(CHANGELOG.replace("The first edition.", "The first edition, edited."))

        with pytest.raises(state.Refused, match=r"with different bytes \(release.json\)"):
            publish(built_dist, portal, changelog=edited)
