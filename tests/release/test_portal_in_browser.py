"""The published portal, served on 127.0.0.1 and opened in headless Chromium, shows what a reader needs,
asks no other host for anything, and runs nothing from CHANGELOG.md.

Every request a page makes is logged (Playwright's page.route sees each one before it leaves); one to any
origin but the portal's is refused and fails the test, as does a console error or a dialog (an injected
alert). Screenshots go to test-artifacts/.

Skipped only where no Chromium is installed, and never in CI, which installs it (.ci/run).
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from scripts.loopback import serve
from scripts.portal.cli import publish
from support import ROOT, release_of, spec_version

# A later version, published beside the spec's own, so that pages have other versions and a changelog to show.
MAJOR, MINOR, _ = spec_version().split(".", 2)
NEWER = f"{MAJOR}.{int(MINOR) + 1}.0"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(
            f"CI must run the browser tests, but there is no Chromium at {CHROMIUM}: .ci/run installs it"
        )
    pytest.skip(
        "Chromium is not installed; install it with `apt-get install -y chromium` (CI does) to run the browser tests",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Route, sync_playwright  # noqa: E402

# The newer version's CHANGELOG.md entry: Markdown to render, and markup that must not run.
NOTES = """Adds a **summary** to the API.

<script>alert("script")</script> <img src="x" onerror="alert('img')"> [click](javascript:alert('link'))
"""


class QuietHandler(SimpleHTTPRequestHandler):
    # What README's portal section tells a static host to send.
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".md": "text/markdown; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".atom": "application/atom+xml",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def portal_url(built_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portal with the spec's version and a later minor version (with NOTES) published, served on 127.0.0.1."""

    def add_a_summary(spec: dict[str, Any]) -> None:
        spec["info"]["summary"] = "Update and reopen CRM cases"

    changelog = tmp_path_factory.mktemp("changelog") / "CHANGELOG.md"
    changelog.write_text(f"# Changelog\n\n## [{NEWER}] - 2026-12-02\n\n{NOTES}", encoding="utf-8")
    portal = tmp_path_factory.mktemp("portal") / "portal"
    publish(built_dist, portal)
    publish(release_of(built_dist, tmp_path_factory.mktemp("dist"), NEWER, add_a_summary), portal, changelog=changelog)
    with serve(functools.partial(QuietHandler, directory=str(portal))) as url:  # type: ignore[arg-type]
        yield url


@dataclass
class Watched:
    """What a page did besides showing itself: requests to other origins, console errors, dialogs."""

    elsewhere: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def of_the_portal(url: str, portal_url: str) -> bool:
    """Whether a request stays with the portal: its own origin, or data: and about:blank, which ask no one."""
    return url == portal_url or url.startswith((f"{portal_url}/", "data:", "about:blank"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module (Debian's), a fresh page for each test."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def offline_page(browser: Browser, portal_url: str) -> Iterator[tuple[Page, Watched]]:
    """A Chromium page that may reach only the portal; every other request, console error and dialog is listed."""
    watched = Watched()

    def only_the_portal(route: Route) -> None:
        if of_the_portal(route.request.url, portal_url):
            route.continue_()
        else:
            watched.elsewhere.append(route.request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.errors.append(message.text)

    def dialog(opened: Dialog) -> None:
        watched.dialogs.append(opened.message)
        opened.dismiss()

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.route("**/*", only_the_portal)
    page.on("console", console)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("dialog", dialog)
    yield page, watched
    context.close()


def expand_everything(page: Page) -> None:
    """Click 'Expand all' until nothing more opens, then open the custom fields array too."""
    # On a loaded machine Redoc may still be rendering the operation: wait for its first button, or the loop
    # below sees none and expands nothing.
    page.get_by_role("button", name="Expand all").first.wait_for()
    for _ in range(5):
        button = page.get_by_role("button", name="Expand all")
        if button.count() == 0:
            break
        button.first.click()
    page.get_by_text("response.customFields", exact=True).first.click()


def test_the_version_index_links_to_the_version_page(offline_page: tuple[Page, Watched], portal_url: str) -> None:
    page, _ = offline_page
    page.goto(f"{portal_url}/index.html")

    page.get_by_role("link", name=spec_version(), exact=True).click()

    page.wait_for_url(f"{portal_url}/{spec_version()}/")
    assert "ONLYOFFICE Workspace CRM — Cases" in page.title()


def test_the_version_page_shows_every_operation_and_the_enum_names(
    offline_page: tuple[Page, Watched], portal_url: str
) -> None:
    page, watched = offline_page
    page.goto(f"{portal_url}/{spec_version()}/")
    page.get_by_text("cases", exact=True).first.click()
    assert page.get_by_text("Reopen a case").first.is_visible()

    page.get_by_text("Update a case").first.click()
    page.wait_for_url("**#/cases/updatecase")
    expand_everything(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "portal-update-case.png", full_page=True)

    # x-codeSamples: Redoc shows the first sample (curl) in the request samples panel, which it
    # renders after the operation itself: wait for it rather than read the page too early. Get and
    # Update share a path, and Redoc may show either's panel first: either sample proves it.
    curl_sample = "curl --request "
    page.wait_for_function("sample => document.body.innerText.includes(sample)", arg=curl_sample, timeout=20_000)
    text = page.inner_text("body")
    summaries = ("Get a case", "Update a case", "Close a case", "Reopen a case")
    for expected in (
        *summaries,
        "apiKey",
        "ReadWrite",
        "SelectBox",
        "'https://portal.example.com/api/2.0/crm/case/42'",
    ):
        assert expected in text, f"{expected!r} is not on the page"
    assert watched.elsewhere == [] and watched.errors == [], watched  # a CSP violation is a console error


def test_the_page_says_how_to_authenticate(offline_page: tuple[Page, Watched], portal_url: str) -> None:
    page, _ = offline_page
    page.goto(f"{portal_url}/latest/#/cases/reopencase")

    page.get_by_text("View security details").first.click()

    text = page.inner_text("body")
    assert "Authorization" in text and "Bearer <token>" in text


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / name, full_page=True)


def test_the_index_lists_every_version_with_its_changelog(offline_page: tuple[Page, Watched], portal_url: str) -> None:
    page, _ = offline_page
    page.goto(f"{portal_url}/")
    screenshot(page, "portal-index.png")

    items = page.get_by_role("listitem")
    assert [item.get_by_role("link").first.inner_text() for item in items.all()] == [NEWER, spec_version()]
    items.first.get_by_role("link", name="changes").click()

    page.wait_for_url(f"{portal_url}/{NEWER}/changelog.html")
    assert f"Compared with {spec_version()}" in page.inner_text("body")


def test_the_index_shows_each_versions_date_and_summary_and_offers_every_download(
    offline_page: tuple[Page, Watched], portal_url: str
) -> None:
    page, _ = offline_page
    page.goto(f"{portal_url}/")

    newer = page.get_by_role("listitem").first
    assert "2026-12-02" in newer.inner_text() and "Adds a summary to the API." in newer.inner_text()
    for name in ("changes", "reference as Markdown", "OpenAPI YAML", "OpenAPI JSON"):
        assert newer.get_by_role("link", name=name, exact=True).is_visible(), name
    assert page.locator('link[rel="icon"]').get_attribute("href") == "favicon.svg"
    assert page.request.get(f"{portal_url}/favicon.svg").headers["content-type"] == "image/svg+xml"


def test_a_changelog_page_shows_its_changelog_entry_rendered_and_runs_nothing_of_it(
    offline_page: tuple[Page, Watched], portal_url: str
) -> None:
    page, watched = offline_page
    page.goto(f"{portal_url}/{NEWER}/changelog.html")
    page.wait_for_load_state("networkidle")
    screenshot(page, "portal-changelog-entry.png")

    notes = page.locator("section.notes")
    assert notes.locator("strong").inner_text() == "summary"
    assert '<script>alert("script")</script>' in notes.inner_text()  # shown as text
    assert notes.locator("script, img, [onerror]").count() == 0
    assert watched.dialogs == [] and watched.elsewhere == [] and watched.errors == []


@pytest.mark.parametrize(
    "path",
    ["index.html", "{v}/", "latest/", "{newer}/changelog.html"],
    ids=["index", "a version page", "latest", "a changelog page"],
)
def test_no_page_asks_another_host_for_anything(offline_page: tuple[Page, Watched], portal_url: str, path: str) -> None:
    page, watched = offline_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{portal_url}/{path.format(v=spec_version(), newer=NEWER)}")
    page.wait_for_load_state("networkidle")
    if path.endswith("/"):  # a Redoc page: open the operations too, where more may load
        page.get_by_text("cases", exact=True).first.click()
        page.get_by_text("Update a case").first.click()
        page.wait_for_load_state("networkidle")
    screenshot(page, f"portal-private-{path.format(v='version', newer='newer').replace('/', '-').strip('-')}.png")

    assert requested and all(of_the_portal(url, portal_url) for url in requested), requested
    assert watched.elsewhere == [] and watched.errors == [] and watched.dialogs == []


def test_a_version_page_links_the_other_versions_latest_the_changelog_and_the_downloads(
    offline_page: tuple[Page, Watched], portal_url: str
) -> None:
    page, watched = offline_page
    page.goto(f"{portal_url}/{spec_version()}/")
    nav = page.locator("#portal-nav")

    nav.locator("#portal-versions").get_by_role("link", name=NEWER).wait_for()  # from versions.json, when it opens
    for name in ("All versions", "latest", "openapi.yaml", "openapi.json"):
        assert nav.get_by_role("link", name=name, exact=True).is_visible(), name
    assert nav.get_by_role("link", name="latest", exact=True).get_attribute("href") == "../latest/"
    screenshot(page, "portal-version-page.png")
    nav.get_by_role("link", name=NEWER).click()
    page.wait_for_url(f"{portal_url}/{NEWER}/")
    page.locator("#portal-nav").get_by_role("link", name=f"Changes in {NEWER}").click()

    page.wait_for_url(f"{portal_url}/{NEWER}/changelog.html")
    text = page.inner_text("body")
    assert f"Compared with {spec_version()}: 0 breaking" in text and "summary" in text
    screenshot(page, "portal-changelog.png")
    assert watched.elsewhere == [] and watched.errors == [], watched
