"""What the portal shows, rendered from plain data: the index, changelog pages (HTML and Markdown), llms.txt, the feed.

Pure functions: scripts/portal/state.py reads the portal and decides what
to write; this module only turns data into bytes. Two rules hold for every
page:

- Nothing in them loads from another host or runs: each HTML page carries a
  Content-Security-Policy with no script at all and images only from the
  portal itself, and links only to the portal (and to whatever URLs the
  maintainers wrote, which a reader may follow but the page never loads).
- Text from CHANGELOG.md or the spec is never trusted as HTML: Markdown is
  rendered by markdown-it-py with raw HTML off (it is shown as text), images
  off (an image would be a request to its host) and its own link check
  (javascript:, vbscript:, file: and data: links stay text); everything else
  is escaped.
"""

from __future__ import annotations

import html
import re
import uuid
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt

from ..gate_rules import Change
from ..spec import HTTP_METHODS
from .notes import summary

ATOM = "http://www.w3.org/2005/Atom"
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'"
# Markdown as CommonMark, raw HTML shown as text, no images.
MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")
KIND_HEADINGS = {
    "breaking": "Breaking changes",
    "deprecated": "Deprecations",
    "non-breaking": "Other changes",
    "annotation": "Documentation changes",
    "unclassified": "Unclassified changes",
}
FAVICON = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#0b5cad"/>
<path d="M12 8c-3 0-3 2-3 4v1.5c0 1.5-1 2.5-2.5 2.5 1.5 0 2.5 1 2.5 2.5V20c0 2 0 4 3 4M20 8c3 0 3 2 3 4v1.5\
c0 1.5 1 2.5 2.5 2.5-1.5 0-2.5 1-2.5 2.5V20c0 2 0 4-3 4" fill="none" stroke="#fff" stroke-width="2.2"\
 stroke-linecap="round"/>
</svg>
"""


@dataclass(frozen=True)
class VersionInfo:
    """One published version as the pages show it."""

    version: str
    date: str | None  # YYYY-MM-DD, from the version's CHANGELOG.md entry
    updated: str  # RFC 3339: the date at midnight UTC, else when the version folder was written
    notes: str  # the CHANGELOG.md entry, Markdown; "" when there was none
    downloads: tuple[tuple[str, str], ...]  # (what, file name in the version folder)
    markdown: bool  # whether the folder has reference.md (a folder from an older publisher does not)


@dataclass(frozen=True)
class Comparison:
    """What changed in a version since the one before it by version number (None: the first)."""

    previous: str | None
    changes: tuple[Change, ...]

    def count(self) -> str:
        breaking = sum(change.kind == "breaking" for change in self.changes)
        return f"{breaking} breaking, {len(self.changes)} in all"


def one_line(info: VersionInfo, comparison: Comparison) -> str:
    """The version in one line: its CHANGELOG summary, else the count of computed changes."""
    said = summary(info.notes)
    if said:
        return said
    if comparison.previous is None:
        return "The first published version."
    return f"{comparison.count()} since {comparison.previous}.".capitalize()


# --- HTML ----------------------------------------------------------------------------------------


def page(title: str, body: str, root: str, head: str = "") -> bytes:
    """An HTML page of the portal; `root` leads from it to the portal's top ("" or "../")."""
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="{POLICY}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(title)}</title>
  <link rel="icon" href="{root}favicon.svg" type="image/svg+xml">{head}
  <style>
    body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 3rem auto; padding: 0 1rem; color: #222; }}
    li {{ margin: 0.4rem 0; }}
    a {{ color: #0b5cad; }}
    code {{ background: #f3f5f8; padding: 0 0.2em; border-radius: 3px; }}
    .date, .meta {{ color: #555; }}
    .breaking h2, .breaking h3 {{ color: #a8071a; }}
  </style>
</head>
<body>
  <h1>{html.escape(title)}</h1>
{body}
</body>
</html>
""".encode()


def markdown_html(text: str) -> str:
    """Markdown from CHANGELOG.md or the spec as HTML that can run nothing (see the module's docstring)."""
    rendered: str = MARKDOWN.render(text)
    return rendered


def code_spans(text: str) -> str:
    """Plain text with `code` in backticks, as escaped HTML with <code> elements and no backtick left."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text)).replace("`", "")


def plain_words(description: str) -> str:
    """api-smart-diff's `[Added] property ...` as `Added property ...`."""
    return re.sub(r"^\[(\w+)\] ", r"\1 ", description)


def operation_of(change: Change) -> tuple[str, str]:
    """(the operation, or what else holds the change; where in it) of a change."""
    path = change.path
    if path[:1] == ("paths",) and len(path) > 2 and path[2] in HTTP_METHODS:
        operation = f"{path[2].upper()} {path[1]}"
        return operation, change.location.removeprefix(operation).strip(" :")
    if path[:1] == ("paths",) and len(path) > 1:
        return f"{path[1]} (every operation)", "/".join(path[2:])
    if path[:2] == ("components", "schemas"):
        return "Schemas", change.location
    return "The API as a whole", ".".join(path)


def grouped(changes: Iterable[Change]) -> dict[str, dict[str, list[Change]]]:
    """Changes by kind (breaking first), then by operation, each in the order found."""
    by_kind: dict[str, dict[str, list[Change]]] = {kind: {} for kind in KIND_HEADINGS}
    for change in changes:
        operation, _ = operation_of(change)
        by_kind.setdefault(change.kind, {}).setdefault(operation, []).append(change)
    return {kind: operations for kind, operations in by_kind.items() if operations}


def place_of(change: Change) -> str:
    """Where in its operation a change is, or "" when its description says so already."""
    where = operation_of(change)[1]
    return "" if where in change.description else where


def change_item_html(change: Change) -> str:
    where = place_of(change)
    place, _, field = where.partition(": ")
    shown = (
        f"{html.escape(place)}: <code>{html.escape(field)}</code>" if field else f"<code>{html.escape(place)}</code>"
    )
    return f"<li>{shown + ': ' if where else ''}{code_spans(plain_words(change.description))}</li>"


def changes_html(comparison: Comparison, names: Mapping[str, str]) -> str:
    if comparison.previous is None:
        return "<p>The first published version: nothing to compare with.</p>"
    previous = html.escape(comparison.previous)
    lines = [f'<p>Compared with <a href="../{previous}/">{previous}</a>: {comparison.count()}.</p>']
    for kind, operations in grouped(comparison.changes).items():
        lines.append(f'<section class="{html.escape(kind)}">\n  <h3>{KIND_HEADINGS.get(kind, kind)}</h3>')
        for operation, changes in operations.items():
            name = (
                f"{html.escape(names[operation])} (<code>{html.escape(operation)}</code>)"
                if operation in names
                else html.escape(operation)
            )
            items = "\n".join(f"    {change_item_html(change)}" for change in changes)
            lines.append(f"  <h4>{name}</h4>\n  <ul>\n{items}\n  </ul>")
        lines.append("</section>")
    if not comparison.changes:
        lines.append("<p>No change that clients can see.</p>")
    return "\n".join(lines)


def dated(info: VersionInfo) -> str:
    return f"Released {info.date}" if info.date else f"Not dated in CHANGELOG.md; published {info.updated[:10]}"


def changelog_page(title: str, info: VersionInfo, comparison: Comparison, names: Mapping[str, str]) -> bytes:
    """A version's changelog for people: its date and CHANGELOG.md entry, then the computed changes."""
    version = html.escape(info.version)
    notes = markdown_html(info.notes) if info.notes else "<p>CHANGELOG.md has no entry for this version.</p>"
    body = f"""  <p class="meta"><a href="../{version}/">{version} reference</a> · <a href="../">All versions</a> ·
  <a href="../{version}/changelog.md">this page as Markdown</a></p>
  <p class="date">{html.escape(dated(info))}</p>
  <section class="notes">
  <h2>Release notes</h2>
{notes}  </section>
  <section class="changes">
  <h2>Changes computed from the specs</h2>
{changes_html(comparison, names)}
  </section>"""
    return page(f"{title} {info.version}: changes", body, "../")


def index_page(title: str, infos: list[VersionInfo], comparisons: Mapping[str, Comparison]) -> bytes:
    """Every version, newest first: its date, one-line summary, changelog, reference and downloads."""
    items = []
    for number, info in enumerate(infos):
        v = html.escape(info.version)
        downloads = ", ".join(
            f'<a href="{v}/{html.escape(name)}">{html.escape(what)}</a>' for what, name in info.downloads
        )
        markdown = f', <a href="{v}/reference.md">reference as Markdown</a>' if info.markdown else ""
        items.append(
            f'    <li><a href="{v}/">{v}</a>{" (latest)" if number == 0 else ""}'
            f' — <span class="date">{html.escape(info.date or "undated")}</span>'
            f" — {html.escape(one_line(info, comparisons[info.version]))}<br>\n"
            f'      <a href="{v}/changelog.html">changes</a>{markdown} · downloads: {downloads}</li>'
        )
    body = (
        f'  <p>Every published version of the API reference. <a href="latest/">latest/</a> is always the newest'
        f' ({html.escape(infos[0].version)}). For machines: <a href="llms.txt">llms.txt</a>,'
        ' <a href="versions.json">versions.json</a>, <a href="feed.atom">an Atom feed</a> and'
        ' <a href=".well-known/api-catalog">.well-known/api-catalog</a>.</p>\n'
        f"  <ul>\n{chr(10).join(items)}\n  </ul>"
    )
    feed = f'\n  <link rel="alternate" type="application/atom+xml" href="feed.atom" title="{html.escape(title)}">'
    return page(f"{title}: versions", body, "", feed)


# --- Markdown and text, for machines -------------------------------------------------------------


def changelog_markdown(title: str, info: VersionInfo, comparison: Comparison, names: Mapping[str, str]) -> bytes:
    """The changelog page as Markdown: the same facts, for machines."""
    lines = [f"# {title} {info.version}: changes", "", dated(info), "", "## Release notes", ""]
    lines += [
        info.notes.strip() or "CHANGELOG.md has no entry for this version.",
        "",
        "## Changes computed from the specs",
        "",
    ]
    if comparison.previous is None:
        lines.append("The first published version: nothing to compare with.")
    else:
        previous = comparison.previous
        lines += [f"Compared with {previous} ([reference](../{previous}/reference.md)): {comparison.count()}.", ""]
        for kind, operations in grouped(comparison.changes).items():
            lines += [f"### {KIND_HEADINGS.get(kind, kind)}", ""]
            for operation, changes in operations.items():
                lines += [f"#### {names[operation]} (`{operation}`)" if operation in names else f"#### {operation}", ""]
                for change in changes:
                    where = place_of(change)
                    lines.append(f"- {where + ': ' if where else ''}{plain_words(change.description)}")
                lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode()


def llms_txt(api: Mapping[str, Any], infos: list[VersionInfo], comparisons: Mapping[str, Comparison]) -> bytes:
    """llms.txt (https://llmstxt.org/) from the newest spec's `info` (`api`): what the API is, its versions, links to
    the Markdown; links are relative to llms.txt, so the portal can live under any prefix."""
    about = str(api.get("description", "")).strip().split("\n\n")[0]
    lines = [f"# {api['title']}", "", f"> {' '.join(str(api.get('summary', '')).split())}", ""]
    lines += [" ".join(about.split()), ""]
    lines += [
        f"This portal publishes every version of the API's OpenAPI description; the newest is {infos[0].version}"
        " (also at latest/). Each version has its reference as Markdown and a changelog.",
        "",
        "## Versions",
        "",
    ]
    for info in infos:
        reference = f"{info.version}/reference.md" if info.markdown else f"{info.version}/openapi.yaml"
        said = one_line(info, comparisons[info.version])
        lines.append(f"- [{info.version} reference]({reference}): {info.date or 'undated'}; {said}")
    lines += ["", "## Changes", ""]
    # A folder from an older publisher has neither reference.md nor changelog.md: its HTML page, then.
    lines += [f"- [Changes in {i.version}]({i.version}/changelog.{'md' if i.markdown else 'html'})" for i in infos]
    lines += [
        "",
        "## Optional",
        "",
        f"- [OpenAPI description of {infos[0].version}, YAML](latest/openapi.yaml)",
        f"- [OpenAPI description of {infos[0].version}, JSON](latest/openapi.json)",
        "- [versions.json](versions.json): every version and its files",
        "- [Atom feed](feed.atom): the published versions with their changelog summaries",
    ]
    return ("\n".join(lines) + "\n").encode()


def atom_feed(title: str, infos: list[VersionInfo], comparisons: Mapping[str, Comparison]) -> bytes:
    """An Atom feed (RFC 4287) of the published versions, newest first; links relative to the feed."""
    feed_id = uuid.uuid5(uuid.NAMESPACE_URL, f"api-portal:{title}")
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")

    def add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    add(feed, "id", feed_id.urn)
    add(feed, "title", f"{title}: published versions")
    add(feed, "updated", max(info.updated for info in infos))
    add(add(feed, "author"), "name", f"The maintainers of {title}")
    add(feed, "link", rel="self", href="feed.atom", type="application/atom+xml")
    add(feed, "link", rel="alternate", href="./", type="text/html")
    for info in infos:
        comparison = comparisons[info.version]
        entry = add(feed, "entry")
        add(entry, "id", uuid.uuid5(feed_id, info.version).urn)
        add(entry, "title", f"{title} {info.version}")
        add(entry, "updated", info.updated)
        add(entry, "link", rel="alternate", href=f"{info.version}/changelog.html", type="text/html")
        said = one_line(info, comparison)
        if summary(info.notes) and comparison.previous:
            said += f" ({comparison.count()} since {comparison.previous})"
        add(entry, "summary", said)
        if info.notes:
            add(entry, "content", markdown_html(info.notes), type="html")
    ElementTree.indent(feed)
    data: bytes = ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
