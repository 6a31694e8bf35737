"""Publishing makes immutable versioned releases that survive crashes, races and bad targets; dry runs write nothing.

What the published pages say (changelogs, llms.txt, the feed, the Markdown reference) and that markup in
CHANGELOG.md or the spec runs nowhere is in test_portal_pages.py; this file proves the publishing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import filelock
import pytest

from scripts import releases
from scripts.portal import cli, state
from scripts.portal.cli import CannotPublishThere, publish
from scripts.portal.release import read_release
from scripts.portal.state import Refused
from support import ROOT, fingerprint, killed_by_strace, make, release_of, spec_version

# The version dist/ is built as (the spec's), three later minor versions and the next major one.
V0 = spec_version()
_MAJOR, _MINOR = (int(part) for part in V0.split(".")[:2])
V1, V2, V3 = (f"{_MAJOR}.{_MINOR + step}.0" for step in (1, 2, 3))
VM = f"{_MAJOR + 1}.0.0"
# The system calls that change the file system; a publish is killed at each one in turn.
# (Writes inside a staging folder are invisible until its rename; the fsync after each file marks them.)
MUTATING_CALLS = (
    *("mkdir", "mkdirat", "rename", "renameat", "renameat2", "symlink", "symlinkat"),
    *("unlink", "unlinkat", "rmdir", "fsync"),
)


# The lock file is not content.
NOT_CONTENT = frozenset({cli.LOCK_NAME})


LISTED = ("index.html", "versions.json", ".well-known/api-catalog", "llms.txt", "feed.atom", "favicon.svg")


def shown(portal: Path) -> dict[str, Any]:
    """What a reader of the portal sees: the listing files, where latest/ leads, and every version's changelog."""
    seen: dict[str, Any] = {}
    for name in LISTED:
        path = portal / name
        seen[name] = path.read_bytes() if path.is_file() else None
    latest = portal / "latest"
    seen["latest"] = latest.resolve().name if latest.is_dir() else None
    listed = json.loads(seen["versions.json"])["versions"] if seen["versions.json"] else []
    for page in (f"{entry['version']}/changelog.{suffix}" for entry in listed for suffix in ("html", "md")):
        seen[page] = (portal / page).read_bytes() if (portal / page).is_file() else None
    return seen


def assert_listing_is_whole(portal: Path) -> None:
    """The listing agrees with itself and lists only complete version folders."""
    if not (portal / "versions.json").is_file():
        assert {name: seen for name, seen in shown(portal).items() if seen is not None} == {}
        return
    listing = json.loads((portal / "versions.json").read_text())
    versions = [entry["version"] for entry in listing["versions"]]
    assert listing["latest"] == versions[0] == (portal / "latest").resolve().name
    for version in versions:
        assert {"index.html", "openapi.yaml", "openapi.json", "reference.md", "release.json"} <= {
            p.name for p in (portal / version).iterdir()
        }
        assert f'href="{version}/"' in (portal / "index.html").read_text()
        assert f"[Changes in {version}]({version}/changelog.md)" in (portal / "llms.txt").read_text()
        assert f"<title>ONLYOFFICE Workspace CRM — Cases {version}</title>" in (portal / "feed.atom").read_text()
        for page in ("changelog.html", "changelog.md"):  # the listing's pages for exactly these versions
            assert f"Cases {version}: changes" in (portal / version / page).read_text(), page
    catalog = json.loads((portal / ".well-known/api-catalog").read_text())
    assert catalog["linkset"][0]["service-desc"][0]["href"] == "../latest/openapi.yaml"


def run_publish(*args: str | Path, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """The publish script as a release job runs it, in a process of its own (with the tests' CHANGELOG.md)."""
    changelog = ("--changelog", str(releases.CHANGELOG))
    command = [*prefix, sys.executable, "-m", "scripts.publish", *changelog, *map(str, args)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120, env=env, cwd=ROOT)


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    return tmp_path / "portal"


@pytest.fixture(scope="module", autouse=True)
def dated_versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A CHANGELOG.md that dates every version the tests publish, so that two portals published apart agree.

    (An undated version is dated by when its folder was written: see test_portal_pages.py.)
    """
    changelog = tmp_path_factory.mktemp("changelog") / "CHANGELOG.md"
    entries = [f"## [{v}] - 2026-12-0{n + 1}\n\nRelease {v}.\n" for n, v in enumerate((VM, V3, V2, V1, V0))]
    changelog.write_text("# Changelog\n\n" + "\n".join(entries))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(releases, "CHANGELOG", changelog)
        yield changelog


@pytest.fixture(scope="module")
def newer_dist(built_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return release_of(built_dist, tmp_path_factory.mktemp("dist"), V1)


class TestLayout:
    def test_a_first_publish_lays_out_the_version_and_the_listing(self, built_dist: Path, portal: Path) -> None:
        assert publish(built_dist, portal) == f"published {V0} to {portal}; latest is {V0}"

        assert sorted(p.name for p in (portal / V0).iterdir()) == [
            "changelog.html",
            "changelog.md",
            "index.html",
            "openapi.json",
            "openapi.yaml",
            "reference.md",
            "release.json",
        ]
        assert os.readlink(portal / V0 / "changelog.html") == f"../.current/changelog/{V0}.html"
        assert (portal / "latest/openapi.json").read_bytes() == (built_dist / "openapi.json").read_bytes()
        assert json.loads((portal / "versions.json").read_text())["latest"] == V0
        assert f'<a href="{V0}/">{V0}</a> (latest)' in (portal / "index.html").read_text()
        assert_listing_is_whole(portal)

    def test_a_newer_version_becomes_latest_and_both_are_listed(
        self, built_dist: Path, newer_dist: Path, portal: Path
    ) -> None:
        publish(built_dist, portal)

        publish(newer_dist, portal)

        versions = json.loads((portal / "versions.json").read_text())
        assert versions["latest"] == V1
        assert [entry["version"] for entry in versions["versions"]] == [V1, V0]
        assert V1.encode() in (portal / "latest/openapi.yaml").read_bytes()
        assert (portal / V0 / "openapi.json").read_bytes() == (built_dist / "openapi.json").read_bytes()
        assert not list((portal / ".state").iterdir())[1:], "the listing that was replaced is removed"

    def test_an_older_version_published_later_does_not_move_latest(
        self, built_dist: Path, portal: Path, tmp_path: Path
    ) -> None:
        publish(release_of(built_dist, tmp_path, VM), portal)

        publish(built_dist, portal)

        assert json.loads((portal / "versions.json").read_text())["latest"] == VM
        assert VM.encode() in (portal / "latest/openapi.yaml").read_bytes()

    def test_a_portal_laid_out_by_the_old_publisher_is_taken_over(
        self, built_dist: Path, newer_dist: Path, portal: Path
    ) -> None:
        publish(built_dist, portal)
        for entry in ("index.html", "versions.json", "latest"):  # real copies, as the old publisher wrote them
            real = (portal / entry).resolve()
            (portal / entry).unlink()
            (shutil.copytree if real.is_dir() else shutil.copy2)(real, portal / entry)
        for entry in (".current", ".well-known"):
            (portal / entry).unlink()
        shutil.rmtree(portal / ".state")

        publish(newer_dist, portal)

        assert_listing_is_whole(portal)
        assert os.readlink(portal / "latest") == ".current/latest"
        assert json.loads((portal / "versions.json").read_text())["latest"] == V1


class TestForPeople:
    def test_the_changelog_lists_breaking_changes_first(self, built_dist: Path, portal: Path, tmp_path: Path) -> None:
        def remove_reopen_and_retitle(spec: dict[str, Any]) -> None:
            del spec["paths"]["/api/2.0/crm/case/{caseid}/reopen"]
            spec["info"]["summary"] = "Cases, second edition"

        publish(built_dist, portal)
        publish(release_of(built_dist, tmp_path, VM, remove_reopen_and_retitle), portal)

        page = (portal / VM / "changelog.html").read_text()
        assert f'Compared with <a href="../{V0}/">{V0}</a>' in page
        assert page.index("Breaking changes") < page.index("Documentation changes")
        breaking = page[page.index("Breaking changes") : page.index("Documentation changes")]
        assert "Reopen a case (<code>PUT /api/2.0/crm/case/{caseid}/reopen</code>)" in breaking
        assert "info.summary" not in breaking and "summary" in page
        assert "The first published version" in (portal / V0 / "changelog.html").read_text()

    def test_a_version_page_links_the_other_versions_latest_the_changelog_and_the_downloads(
        self, built_dist: Path, portal: Path, tmp_path: Path
    ) -> None:
        dist = release_of(built_dist, tmp_path, V0)
        shutil.rmtree(dist / "package", ignore_errors=True)
        (dist / "package").mkdir()
        wheel, sdist = f"onlyoffice_crm_client-{V0}-py3-none-any.whl", f"onlyoffice_crm_client-{V0}.tar.gz"
        (dist / "package" / wheel).write_bytes(b"a wheel")
        (dist / "package" / sdist).write_bytes(b"an sdist")
        publish(dist, portal)

        page = (portal / V0 / "index.html").read_text()
        nav = page[page.index('<nav id="portal-nav"') : page.index("</nav>")]
        for link in (
            "../",
            "../latest/",
            "changelog.html",
            "reference.md",
            "openapi.yaml",
            "openapi.json",
            wheel,
            sdist,
        ):
            assert f'href="{link}"' in nav
        assert 'fetch("../versions.json")' in page  # the other versions, filled in when the page opens
        assert '<link rel="icon" href="../favicon.svg"' in page
        assert (portal / V0 / wheel).read_bytes() == b"a wheel" and (portal / V0 / sdist).read_bytes() == b"an sdist"
        entry = json.loads((portal / "versions.json").read_text())["versions"][0]
        assert (entry["wheel"], entry["sdist"]) == (f"{V0}/{wheel}", f"{V0}/{sdist}")

    def test_the_api_catalog_is_an_rfc_9727_linkset_to_the_latest_spec_and_docs(
        self, built_dist: Path, newer_dist: Path, portal: Path
    ) -> None:
        publish(built_dist, portal)
        publish(newer_dist, portal)

        catalog = json.loads((portal / ".well-known/api-catalog").read_text())
        api = catalog["linkset"][0]
        base = portal / ".well-known"
        for relation in ("service-desc", "service-doc", "service-meta"):
            for link in api[relation]:
                assert (base / link["href"]).exists(), link
        assert (base / api["service-desc"][0]["href"]).read_bytes() == (newer_dist / "openapi.yaml").read_bytes()
        assert catalog["linkset"][1]["profile"] == [{"href": "https://www.rfc-editor.org/info/rfc9727"}]


class TestImmutability:
    def test_publishing_the_same_bytes_again_does_nothing_and_says_so(self, built_dist: Path, portal: Path) -> None:
        publish(built_dist, portal)
        before = fingerprint(portal, NOT_CONTENT)

        assert publish(built_dist, portal) == f"version {V0} is already published with the same bytes: nothing to do"
        assert fingerprint(portal, NOT_CONTENT) == before

    def test_publishing_different_bytes_under_a_published_version_is_refused(
        self, built_dist: Path, portal: Path, tmp_path: Path
    ) -> None:
        publish(built_dist, portal)
        before = fingerprint(portal, NOT_CONTENT)
        changed = release_of(built_dist, tmp_path, V0)
        (changed / "openapi.json").write_text((changed / "openapi.json").read_text() + "\n")

        with pytest.raises(Refused, match=rf"version {re.escape(V0)} is already published .* \(openapi.json\)"):
            publish(changed, portal)

        assert fingerprint(portal, NOT_CONTENT) == before

    def test_a_refused_publish_exits_1_and_names_the_version(
        self, built_dist: Path, portal: Path, tmp_path: Path
    ) -> None:
        publish(built_dist, portal)
        changed = release_of(built_dist, tmp_path, V0)
        (changed / "index.html").write_text("<html><body>another page</body></html>")

        result = run_publish("--portal", portal, "--dist", changed)

        assert result.returncode == cli.EXIT_REFUSED
        assert f"refused: version {V0} is already published" in result.stderr

    def test_a_version_folder_that_appears_meanwhile_is_never_replaced(
        self, built_dist: Path, portal: Path, tmp_path: Path
    ) -> None:
        """Even past the lock, rename(2) does not replace a non-empty folder: a racing release cannot overwrite."""
        publish(built_dist, portal)
        before = fingerprint(portal / V0, NOT_CONTENT)
        changed = release_of(built_dist, tmp_path, V0)
        (changed / "openapi.yaml").write_text(f"openapi: 3.1.0\ninfo: {{title: other, version: {V0}}}\npaths: {{}}\n")

        with pytest.raises(Refused):
            state.add_version(portal, read_release(changed))

        assert fingerprint(portal / V0, NOT_CONTENT) == before
        assert not list(portal.glob(".staging-*"))


class TestDryRun:
    def test_a_dry_run_says_what_would_change_and_writes_nothing(
        self, built_dist: Path, newer_dist: Path, portal: Path
    ) -> None:
        publish(built_dist, portal)
        before = fingerprint(portal, NOT_CONTENT)

        said = publish(newer_dist, portal, dry_run=True)

        assert said.startswith("dry run, nothing written; would:")
        assert f"add {portal / V1}/" in said and f"point {portal / 'latest'}/ at {V1} (was {V0})" in said
        assert f"list {V1}, {V0}" in said
        assert fingerprint(portal, NOT_CONTENT) == before

    @pytest.mark.parametrize(("dry_run", "passed"), [("1", True), ("", False), ("0", False)])
    def test_make_passes_dry_run_to_the_script_explicitly(self, dry_run: str, passed: bool) -> None:
        # make -n prints the commands (the build's and the publish's) without running them.
        result = make(ROOT, "-n", "publish", "PORTAL_DIR=/x", f"DRY_RUN={dry_run}")

        publish_line = next(line for line in result.stdout.splitlines() if "scripts.publish" in line)
        assert ("--dry-run" in publish_line) is passed, publish_line

    def test_missing_dist_files_are_a_clear_error(
        self, portal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert cli.main(["publish", "--portal", str(portal), "--dist", str(tmp_path)]) == 2
        assert "lacks index.html, openapi.yaml, openapi.json: run `make bundle docs` first" in capsys.readouterr().err


# A scratch folder in an `strace -y` log: a staging folder being made and filled, or a replaced listing's files
# being removed (`-y` prints a descriptor's path too: `unlinkat(5</portal/.state/ab12>, "index.html", 0)`).
SCRATCH = re.compile(r"/(\.staging-[0-9a-f]+)|/(\.state/[0-9a-f]+)[/>]")


def mutating_calls(log: Path) -> list[tuple[str, str]]:
    """Each mutating system call of an `strace -o` log, in order, with its line."""
    calls = []
    for line in log.read_text().splitlines():
        call = line.split(None, 1)[1].split("(", 1)[0] if " " in line else ""
        if call in MUTATING_CALLS:
            calls.append((call, line))
    return calls


def injection_points(log: Path) -> list[tuple[str, int]]:
    """Where to kill a publish: (call, n) for the n-th call of each mutating kind, from an `strace -y` log.

    Within one scratch folder only the first and the last call of each kind are kept (renames, which switch
    a scratch folder in, are all kept): readers never see a scratch folder and the next run removes it whole,
    so a kill between them leaves what a kill at either leaves. The count grows with the folders and links a
    publish switches, not with the files a listing holds (a changelog page per version, as HTML and Markdown).
    """
    counted: dict[str, int] = {}
    inside: dict[tuple[str, str], list[int]] = {}
    points = []
    for call, line in mutating_calls(log):
        counted[call] = n = counted.get(call, 0) + 1
        scratch = SCRATCH.search(line)
        if scratch and not call.startswith("rename"):
            inside.setdefault((call, scratch.group(1) or scratch.group(2)), []).append(n)
        else:
            points.append((call, n))
    for (call, _), numbers in inside.items():
        points += [(call, n) for n in sorted({numbers[0], numbers[-1]})]
    return sorted(points)


class TestCrashes:
    """Killed (SIGKILL, by strace) at each file-system call of a publish, the portal shows the old or the new listing,
    and the next run completes it."""

    def test_killed_at_every_file_system_step_the_portal_stays_whole_and_a_rerun_completes_it(
        self, built_dist: Path, newer_dist: Path, tmp_path: Path
    ) -> None:
        assert shutil.which("strace"), "the crash tests need strace: apt-get install strace (.ci/run does)"
        old = tmp_path / "old"
        publish(built_dist, old)
        reference = tmp_path / "reference"
        shutil.copytree(old, reference, symlinks=True)
        publish(newer_dist, reference)
        log = tmp_path / "strace.log"
        shutil.copytree(old, tmp_path / "counted", symlinks=True)
        traced = run_publish(
            "--portal",
            tmp_path / "counted",
            "--dist",
            newer_dist,
            prefix=("strace", "-f", "-y", "-qq", "-o", str(log), "-e", f"trace={','.join(MUTATING_CALLS)}"),
        )
        assert traced.returncode == 0, traced.stderr
        points = injection_points(log)

        def kill_at(point: tuple[str, int]) -> str | None:
            call, n = point
            portal = tmp_path / f"killed-{call}-{n}"
            shutil.copytree(old, portal, symlinks=True)
            killed = run_publish(
                "--portal",
                portal,
                "--dist",
                newer_dist,
                prefix=tuple(killed_by_strace(call, n)),
            )
            if killed.returncode != -9:
                return f"{call} #{n}: not killed (exit {killed.returncode}): {killed.stderr}"
            try:
                assert shown(portal) in (shown(old), shown(reference)), "neither the old nor the new listing"
                assert_listing_is_whole(portal)
            except AssertionError as error:
                return f"{call} #{n}: {error}"
            left = fingerprint(portal, NOT_CONTENT)
            rerun = run_publish("--portal", portal, "--dist", newer_dist)
            if rerun.returncode != 0 or fingerprint(portal, NOT_CONTENT) != fingerprint(reference, NOT_CONTENT):
                return f"{call} #{n}: the re-run did not complete it: {rerun.stdout}{rerun.stderr}"
            if "nothing to do" in rerun.stdout and left != fingerprint(reference, NOT_CONTENT):
                return f"{call} #{n}: the re-run said nothing to do while the portal was unfinished"
            return None

        with ThreadPoolExecutor(max_workers=2) as pool:
            failures = [failure for failure in pool.map(kill_at, points) if failure]

        print(f"killed a publish at {len(points)} of its {len(mutating_calls(log))} file-system steps: {points}")
        assert len(points) >= 20, points
        assert not failures, "\n".join(failures)

    def test_a_rerun_after_an_interrupted_publish_says_it_completed_it(
        self, built_dist: Path, newer_dist: Path, portal: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        publish(built_dist, portal)
        monkeypatch.setattr(cli, "update_listing", lambda portal, title: [])
        publish(newer_dist, portal)  # the version folder is in, the listing is not: as if killed right there
        monkeypatch.undo()

        said = publish(newer_dist, portal)

        assert said.startswith(f"version {V1} was already published; completed an interrupted publish: listed {V1}")
        assert json.loads((portal / "versions.json").read_text())["latest"] == V1

    def test_a_write_that_fails_part_way_exits_3_and_the_next_run_completes_it(
        self, built_dist: Path, newer_dist: Path, portal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        publish(built_dist, portal)
        reference = tmp_path / "reference"
        shutil.copytree(portal, reference, symlinks=True)
        publish(newer_dist, reference)
        real_replace = os.replace

        def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            if Path(dst).name == ".current":  # the new listing is staged, the switch to it fails
                raise OSError(28, "No space left on device", str(dst))
            real_replace(src, dst)

        monkeypatch.setattr(os, "replace", failing_replace)
        with pytest.raises(
            CannotPublishThere, match="No space left on device; the portal still shows the old or the new"
        ):
            publish(newer_dist, portal)
        monkeypatch.undo()
        assert_listing_is_whole(portal)

        publish(newer_dist, portal)

        assert fingerprint(portal, NOT_CONTENT) == fingerprint(reference, NOT_CONTENT)


class TestRaces:
    def test_concurrent_publishes_of_different_versions_both_land_and_are_both_listed(
        self, built_dist: Path, tmp_path: Path, portal: Path
    ) -> None:
        dists = [release_of(built_dist, tmp_path, version) for version in (V1, V2, V3)]
        publish(built_dist, portal)

        with ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(lambda dist: run_publish("--portal", portal, "--dist", dist), dists))

        assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
        listing = json.loads((portal / "versions.json").read_text())
        assert [entry["version"] for entry in listing["versions"]] == [V3, V2, V1, V0]
        assert_listing_is_whole(portal)
        for version, previous in ((V3, V2), (V2, V1), (V1, V0)):  # whichever landed first
            assert f'Compared with <a href="../{previous}/">' in (portal / version / "changelog.html").read_text()

    def test_concurrent_publishes_of_one_version_with_different_bytes_let_exactly_one_win(
        self, built_dist: Path, tmp_path: Path, portal: Path
    ) -> None:
        dists = [release_of(built_dist, tmp_path, V1) for _ in range(3)]
        for n, dist in enumerate(dists):
            (dist / "openapi.json").write_text((dist / "openapi.json").read_text() + "\n" * n)

        with ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(lambda dist: run_publish("--portal", portal, "--dist", dist), dists))

        codes = [r.returncode for r in results]
        assert sorted(codes) == [0, cli.EXIT_REFUSED, cli.EXIT_REFUSED], [r.stderr for r in results]
        winner = dists[codes.index(0)]
        assert (portal / V1 / "openapi.json").read_bytes() == (winner / "openapi.json").read_bytes()
        assert all(f"refused: version {V1} is already published" in r.stderr for r in results if r.returncode)

    def test_a_second_publisher_waits_a_bounded_time_then_fails_clearly(self, built_dist: Path, portal: Path) -> None:
        portal.mkdir()
        with filelock.FileLock(portal / cli.LOCK_NAME):
            result = run_publish("--portal", portal, "--dist", built_dist, "--lock-timeout", "0.5")

        assert result.returncode == cli.EXIT_BUSY
        assert f"busy: another publish has held {portal / cli.LOCK_NAME} for 0.5 s" in result.stderr
        assert not (portal / V0).exists()


def without_dac_override() -> tuple[str, ...]:
    """A prefix that takes root's power to ignore file modes, so that a read-only folder is read-only for it too.

    CI runs as root, and root writes into a folder whatever its mode (CAP_DAC_OVERRIDE); dropping the
    capability from the bounding set before exec takes it from the publisher (capabilities(7)).
    """
    if os.geteuid() != 0:
        return ()
    return ("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--")


def read_only_mount(folder: Path) -> tuple[str, ...]:
    """A prefix that runs the command where `folder` is a read-only tmpfs mount, without needing root.

    A user and mount namespace (unshare -rm) may mount a tmpfs read-only; where namespaces are not
    allowed (some container profiles), strace makes every mkdir/open for writing fail with EROFS
    instead, which is what the kernel answers on a read-only mount.
    """
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode == 0:
        mount = f'mount -t tmpfs -o ro tmpfs "{folder}" && exec "$@"'
        return ("unshare", "-rm", "sh", "-c", mount, "sh")
    return (
        "strace",
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        "trace=mkdir,mkdirat",
        "-e",
        "inject=mkdir,mkdirat:error=EROFS",
    )


class TestBadTargets:
    """Each bad target is refused with exit 3, a message naming the path and the reason, and no traceback."""

    def refuse(self, result: subprocess.CompletedProcess[str], *reason: str) -> None:
        assert result.returncode == cli.EXIT_CANNOT, result.stderr
        assert result.stderr.startswith("publish: cannot publish there: "), result.stderr
        for words in reason:
            assert words in result.stderr
        assert "Traceback" not in result.stderr

    @pytest.mark.parametrize("dry_run", [False, True], ids=["publish", "dry run"])
    def test_a_file(self, built_dist: Path, tmp_path: Path, dry_run: bool) -> None:
        target = tmp_path / "portal.txt"
        target.write_text("not a folder")

        result = run_publish("--portal", target, "--dist", built_dist, *(["--dry-run"] if dry_run else []))

        self.refuse(result, f"{target} is a file, not a folder")
        assert target.read_text() == "not a folder"

    def test_a_folder_under_a_file(self, built_dist: Path, tmp_path: Path) -> None:
        (tmp_path / "file").write_text("x")

        result = run_publish("--portal", tmp_path / "file/portal", "--dist", built_dist)

        self.refuse(result, f"{tmp_path / 'file/portal'} is under {tmp_path / 'file'}, which is a file")

    def test_a_read_only_folder(self, built_dist: Path, tmp_path: Path) -> None:
        target = tmp_path / "read-only"
        target.mkdir()
        target.chmod(0o555)
        try:
            result = run_publish("--portal", target / "portal", "--dist", built_dist, prefix=without_dac_override())
        finally:
            target.chmod(0o755)

        self.refuse(result, str(target), "ermission denied")
        assert list(target.iterdir()) == []

    def test_a_read_only_mount(self, built_dist: Path, tmp_path: Path) -> None:
        target = tmp_path / "mounted"
        target.mkdir()

        result = run_publish("--portal", target / "portal", "--dist", built_dist, prefix=read_only_mount(target))

        self.refuse(result, str(target), "ead-only file system")
        assert list(target.iterdir()) == []

    @pytest.mark.parametrize("inside", ["dist", "dist/portal", "."])
    def test_the_projects_build_output(self, built_dist: Path, inside: str) -> None:
        target = ROOT / inside
        before = fingerprint(ROOT / "dist") if (ROOT / "dist").is_dir() else {}

        result = run_publish("--portal", target, "--dist", built_dist)

        self.refuse(
            result, f"{target} is inside (or holds) the build output", "publish to a folder outside the project"
        )
        assert (fingerprint(ROOT / "dist") if (ROOT / "dist").is_dir() else {}) == before

    def test_the_folder_being_published(self, built_dist: Path) -> None:
        result = run_publish("--portal", built_dist / "portal", "--dist", built_dist)

        self.refuse(result, f"is inside (or holds) the build output {built_dist}")
